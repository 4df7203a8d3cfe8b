package io.alchemiser.core.port;

/**
 * The broker refused or could not be reached. {@link #kind()} says which; {@link #retryable()} whether trying
 * the same call again may help. The message is the broker's own words when it gave any.
 */
public class BrokerException extends AlchemiserException {

    /** Why a broker call failed. */
    public enum Kind {
        /** The broker rejected the request (buying power, not fractionable, market closed, ...): not retryable. */
        REJECTED(false),
        /** No such order, asset or position. */
        NOT_FOUND(false),
        /** An order with this client order id exists already. */
        DUPLICATE(false),
        /** Credentials missing or refused. */
        UNAUTHORIZED(false),
        /** Throttled; retry after a pause. */
        RATE_LIMITED(true),
        /** Network failure, timeout or server error; the outcome of a submit is unknown. */
        UNAVAILABLE(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;

    public BrokerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public BrokerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable;
    }
}
