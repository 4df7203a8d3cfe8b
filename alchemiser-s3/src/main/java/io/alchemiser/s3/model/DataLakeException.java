package io.alchemiser.s3.model;

import io.alchemiser.core.port.MarketDataException;

/**
 * The data lake cannot be read or written: a missing, unreadable or corrupt bar file, or a storage backend that
 * failed. The message names the symbol (when there is one) and the storage location (a file path or an
 * {@code s3://} URI), so a user can find and fix the file. It is a {@link MarketDataException}, so code reading
 * bars through the {@code PriceHistory} port handles it as any other data failure.
 */
public class DataLakeException extends MarketDataException {
    public DataLakeException(String message) {
        super(message);
    }

    public DataLakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
