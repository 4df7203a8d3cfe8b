package io.alchemiser.core.port;

/** Market data is missing, stale or unreadable; the message names the symbol. */
public class MarketDataException extends AlchemiserException {
    public MarketDataException(String message) {
        super(message);
    }

    public MarketDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
