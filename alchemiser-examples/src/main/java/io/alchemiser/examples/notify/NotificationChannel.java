package io.alchemiser.examples.notify;

/**
 * Somewhere a run summary goes: the log, a folder, a mailbox.
 *
 * <p><b>Contract:</b> {@link #send} delivers one summary or throws (a {@link NotificationException} preferably,
 * with a message naming the destination); it never blocks without bound (network channels set timeouts).
 * {@link RunNotifier} guards every channel, so a failing channel is logged and neither the run nor the other
 * channels notice. <b>Threading:</b> {@code send} may be called from several threads at once.
 * <b>Secrets:</b> a channel never puts a credential in a message, a log line or an exception.
 */
public interface NotificationChannel {

    /** A short name for logs, such as {@code "log"}, {@code "file /var/alchemiser"} or {@code "smtp mail.example.com:587"}. */
    String name();

    /** Delivers the summary. */
    void send(RunNotification notification);
}
