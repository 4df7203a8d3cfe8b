package io.alchemiser.core.port;

/** Root of the product's unchecked exceptions; each carries a message a user can act on. */
public class AlchemiserException extends RuntimeException {
    public AlchemiserException(String message) {
        super(message);
    }

    public AlchemiserException(String message, Throwable cause) {
        super(message, cause);
    }
}
