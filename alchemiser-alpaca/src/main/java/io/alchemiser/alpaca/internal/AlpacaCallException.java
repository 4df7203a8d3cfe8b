package io.alchemiser.alpaca.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A call to Alpaca that did not succeed, after the retries its kind allows. The adapters translate it into the port's
 * exception; it never leaves the module. Its message is built from the method, the path (never the query's values
 * beyond what the path shows, never a header) and Alpaca's own words, with credentials redacted.
 */
public final class AlpacaCallException extends RuntimeException {

    /** What went wrong. */
    public enum Failure {
        /** Alpaca answered with an HTTP error status (4xx, or a 5xx that retries did not cure). */
        STATUS,
        /** Throttled (HTTP 429) and the retries, or the allowed wait, ran out. */
        RATE_LIMITED,
        /** No usable answer: timeout, connection failure or reset. */
        NETWORK,
        /** The thread was interrupted while waiting to retry. */
        INTERRUPTED
    }

    private static final Pattern DUPLICATE_CLIENT_ID =
            Pattern.compile("client[ _]?order[ _]?id.*(unique|already exist|duplicate)", Pattern.CASE_INSENSITIVE);

    private final Failure failure;
    private final String method;
    private final String path;
    private final int status;
    private final Long alpacaCode;
    private final String alpacaMessage;
    private final boolean outcomeUnknown;

    AlpacaCallException(Failure failure, String method, String path, int status, Long alpacaCode, String alpacaMessage,
            boolean outcomeUnknown, Throwable cause) {
        super(describe(failure, method, path, status, alpacaCode, alpacaMessage, cause), cause);
        this.failure = failure;
        this.method = method;
        this.path = path;
        this.status = status;
        this.alpacaCode = alpacaCode;
        this.alpacaMessage = alpacaMessage;
        this.outcomeUnknown = outcomeUnknown;
    }

    public Failure failure() {
        return failure;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** Alpaca's numeric error code ({@code "code"} in the error body), or {@code null}. */
    public Long alpacaCode() {
        return alpacaCode;
    }

    /** Alpaca's own message ({@code "message"} in the error body), or a short description when it gave none. */
    public String alpacaMessage() {
        return alpacaMessage;
    }

    /**
     * True when the request may have been carried out although no success came back: a non-idempotent call (an order
     * submit) that timed out, lost its connection or got a 5xx. The caller must reconcile, never resend blindly.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    public boolean isStatus(int code) {
        return failure == Failure.STATUS && status == code;
    }

    /** Alpaca refused an order because its client order id is taken (HTTP 422, "client_order_id must be unique"). */
    public boolean isDuplicateClientOrderId() {
        return failure == Failure.STATUS && (status == 422 || status == 400 || status == 409)
                && alpacaMessage != null && DUPLICATE_CLIENT_ID.matcher(alpacaMessage).find();
    }

    private static String describe(Failure failure, String method, String path, int status, Long code, String message,
            Throwable cause) {
        String where = method + " " + path;
        switch (failure) {
            case STATUS:
                return where + ": HTTP " + status + " " + message + (code == null ? "" : " (Alpaca code " + code + ")");
            case RATE_LIMITED:
                return where + ": rate limited by Alpaca (HTTP 429): " + message;
            case NETWORK:
                return where + ": no response from Alpaca: " + (cause == null ? message : cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
            default:
                return where + ": interrupted while waiting to retry";
        }
    }

    @Override
    public String toString() {
        return "AlpacaCallException[" + failure.name().toLowerCase(Locale.ROOT) + "] " + getMessage();
    }
}
