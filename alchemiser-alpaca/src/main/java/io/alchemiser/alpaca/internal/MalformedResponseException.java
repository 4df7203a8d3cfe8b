package io.alchemiser.alpaca.internal;

/** Alpaca answered with success, but the body lacks a field the adapter needs or holds one it cannot read. */
public final class MalformedResponseException extends RuntimeException {
    public MalformedResponseException(String message) {
        super(message);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
