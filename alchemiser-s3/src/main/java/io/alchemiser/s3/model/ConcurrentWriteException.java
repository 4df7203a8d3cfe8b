package io.alchemiser.s3.model;

/**
 * A conditional write found the object changed (or created) by another writer since it was read: nothing was
 * written, and the object holds that writer's content. Retrying means reading again and redoing the change. The
 * message names the object's location.
 */
public class ConcurrentWriteException extends DataLakeException {
    public ConcurrentWriteException(String message) {
        super(message);
    }

    public ConcurrentWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
