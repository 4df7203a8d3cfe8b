package io.alchemiser.examples.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the text summary to the log (SLF4J, logger {@code io.alchemiser.examples.notify.LogChannel}): INFO
 * for a clean run, WARN when the run or a trade failed. The default channel when none is configured.
 */
public final class LogChannel implements NotificationChannel {
    private static final Logger log = LoggerFactory.getLogger(LogChannel.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void send(RunNotification n) {
        if (n.attention()) {
            log.warn("{}\n{}", n.subject(), n.text());
        } else {
            log.info("{}\n{}", n.subject(), n.text());
        }
    }
}
