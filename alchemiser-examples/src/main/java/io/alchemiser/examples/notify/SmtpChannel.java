package io.alchemiser.examples.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * Mails each summary over SMTP (Jakarta Mail, with Eclipse Angus as the implementation): one message to every
 * recipient, {@code multipart/alternative} with the plain-text part first and the HTML part second, UTF-8.
 *
 * <p>With STARTTLS the server's certificate must be trusted by the JVM and match the host name. Implicit TLS
 * (SMTPS, port 465) is not offered: use the submission port with STARTTLS.
 *
 * <p>A new connection per summary (one mail a day needs no pool). Connect, read and write are bounded by
 * {@link SmtpSettings#timeout()}. Failures become a {@link NotificationException} naming the server and the
 * run, never the password.
 */
public final class SmtpChannel implements NotificationChannel {
    private final SmtpSettings settings;
    private final Clock clock;
    private final InternetAddress from;
    private final InternetAddress[] to;

    /** A channel sending with {@code settings} (whose addresses are already checked), dated by the system clock. */
    public SmtpChannel(SmtpSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** As {@link #SmtpChannel(SmtpSettings)}, with the clock that dates the messages. */
    public SmtpChannel(SmtpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.from = SmtpSettings.address(settings.from());
        this.to = settings.to().stream().map(SmtpSettings::address).toArray(InternetAddress[]::new);
    }

    @Override
    public String name() {
        return "smtp " + settings.host() + ":" + settings.port();
    }

    @Override
    public void send(RunNotification n) {
        try {
            Transport.send(message(session(), n));
        } catch (MessagingException e) {
            throw new NotificationException(name() + ": cannot mail the summary of " + n.runId() + ": " + describe(e), e);
        }
    }

    private Session session() {
        Properties p = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        if (settings.username() == null) {
            return Session.getInstance(p);
        }
        String user = settings.username();
        return Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, settings.password().reveal());
            }
        });
    }

    private MimeMessage message(Session session, RunNotification n) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(n.subject(), StandardCharsets.UTF_8.name());
        m.setSentDate(Date.from(clock.instant()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(n.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(n.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        m.setContent(alternative);
        return m;
    }

    /** The exception and its causes in one line: "Could not connect ...: Connection refused". */
    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && out.indexOf(c.getMessage()) < 0) {
                out.append(": ").append(c.getMessage());
            }
        }
        return out.toString().replace('\n', ' ').replace('\r', ' ').trim();
    }
}
