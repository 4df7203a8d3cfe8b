package io.alchemiser.examples.notify;

import io.alchemiser.core.port.AlchemiserException;

/** A channel could not deliver a summary; the message names the channel's destination and never a secret. */
public class NotificationException extends AlchemiserException {
    public NotificationException(String message) {
        super(message);
    }

    public NotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
