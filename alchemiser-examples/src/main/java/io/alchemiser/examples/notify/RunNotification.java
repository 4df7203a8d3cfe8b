package io.alchemiser.examples.notify;

import java.util.Objects;

/**
 * One run's summary, rendered: a one-line {@code subject}, a plain-text body and an HTML body (every value from the
 * run escaped in the HTML and kept to its line, without control characters, in the text). {@code attention} is true
 * when the run failed or any trade failed, so a channel can raise its voice (the log channel logs such a summary at
 * WARN). {@code dryRun} is true for the summary of a dry run, which a channel must keep apart from the real run's
 * (the file channel writes it under a name of its own).
 */
public record RunNotification(String runId, String subject, String text, String html, boolean attention,
        boolean dryRun) {
    public RunNotification {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a subject is one line: " + subject);
        }
    }
}
