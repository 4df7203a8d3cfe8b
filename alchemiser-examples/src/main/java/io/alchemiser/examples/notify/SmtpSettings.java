package io.alchemiser.examples.notify;

import io.alchemiser.core.domain.Secret;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how {@link SmtpChannel} sends mail. {@code username} and {@code password} are both given (the
 * server wants a login) or both {@code null}. With {@code startTls} on, the connection must be upgraded to TLS
 * before anything else is said, and sending fails if the server does not offer it, so a login never travels in
 * clear text. {@code timeout} bounds connecting, reading and writing each. The password is a {@link Secret}:
 * this record's {@code toString} shows it as {@code ****}.
 */
public record SmtpSettings(String host, int port, String username, Secret password, String from, List<String> to,
        boolean startTls, Duration timeout) {

    /** The timeout when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        to = List.copyOf(Objects.requireNonNull(to, "to"));
        if (host.isBlank()) {
            throw new IllegalArgumentException("SMTP host is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port must be 1-65535, got " + port);
        }
        if (from.isBlank() || to.isEmpty() || to.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("SMTP needs a sender and at least one recipient");
        }
        address(from);
        to.forEach(SmtpSettings::address);
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("SMTP username and password go together: give both or neither");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("SMTP timeout must be positive, got " + timeout);
        }
    }

    /**
     * A mail address, checked strictly.
     *
     * @throws IllegalArgumentException naming the address if it is malformed
     */
    static InternetAddress address(String text) {
        try {
            InternetAddress a = new InternetAddress(text, true);
            a.validate();
            return a;
        } catch (AddressException e) {
            throw new IllegalArgumentException("not a mail address: '" + text + "' (" + e.getMessage() + ")", e);
        }
    }

    /** Settings with the {@link #DEFAULT_TIMEOUT}. */
    public SmtpSettings(String host, int port, String username, Secret password, String from, List<String> to,
            boolean startTls) {
        this(host, port, username, password, from, to, startTls, DEFAULT_TIMEOUT);
    }
}
