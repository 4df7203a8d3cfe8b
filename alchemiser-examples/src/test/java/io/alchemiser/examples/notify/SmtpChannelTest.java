package io.alchemiser.examples.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.alchemiser.core.domain.Secret;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SmtpChannel} against a real SMTP server (GreenMail) on loopback. */
class SmtpChannelTest {
    private static final String PASSWORD = "s3cret-Pa55";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-31T20:00:00Z"), ZoneOffset.UTC);

    private GreenMail server;

    @BeforeEach
    void startServer() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("bot@example.org", "bot", PASSWORD));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private SmtpSettings settings(String password, boolean startTls) {
        return new SmtpSettings("127.0.0.1", server.getSmtp().getPort(), "bot", Secret.of(password),
                "Alchemiser <bot@example.org>", List.of("trader@example.org", "partner@example.org"), startTls,
                Duration.ofSeconds(10));
    }

    private static RunNotification summaryOfTheFixtureRun() {
        RecordingChannel recorder = RecordingChannel.working("recorder");
        RunNotifier notifier = RunNotifier.builder().channel(recorder).build();
        RunFixtures.completedRun().forEach(notifier);
        return recorder.only();
    }

    @Test
    void aSummaryArrivesAsOneMessageWithTextAndHtmlAlternatives() throws Exception {
        RunNotification summary = summaryOfTheFixtureRun();

        new SmtpChannel(settings(PASSWORD, false), CLOCK).send(summary);

        assertThat(server.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received).hasSize(2); // one delivery per recipient mailbox
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("Alchemiser run-2026-07-31 completed: 3 trades, 1 failed");
        assertThat(Arrays.stream(m.getFrom()).map(Address::toString)).containsExactly("Alchemiser <bot@example.org>");
        assertThat(Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Address::toString))
                .containsExactly("trader@example.org", "partner@example.org");
        assertThat(m.getSentDate()).isEqualTo(Date.from(CLOCK.instant()));
        assertThat(m.getContentType()).startsWith("multipart/alternative");

        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(normalised(text)).isEqualTo(summary.text())
                .contains("SPY", "QQQ", "UVXY", "FILLED", "FAILED")
                .contains("UVXY BUY (FAILED): rejected by the broker: insufficient buying power & no margin");
        assertThat(normalised(html)).isEqualTo(summary.html()).contains("&lt;script&gt;");
    }

    @Test
    void aWrongPasswordFailsWithTheServerNamedAndThePasswordNowhere() {
        RunNotification summary = summaryOfTheFixtureRun();
        SmtpChannel channel = new SmtpChannel(settings("wrong-" + PASSWORD, false), CLOCK);

        assertThatThrownBy(() -> channel.send(summary)).isInstanceOf(NotificationException.class)
                .hasMessageStartingWith("smtp 127.0.0.1:" + server.getSmtp().getPort()
                        + ": cannot mail the summary of run-2026-07-31")
                .hasMessageNotContaining(PASSWORD);
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void withStartTlsOnNothingIsSentToAServerThatDoesNotOfferIt() {
        SmtpChannel channel = new SmtpChannel(settings(PASSWORD, true), CLOCK);

        assertThatThrownBy(() -> channel.send(summaryOfTheFixtureRun())).isInstanceOf(NotificationException.class)
                .hasMessageContaining("STARTTLS");
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerFailsPromptlyWithItsAddress() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SmtpChannel channel = new SmtpChannel(new SmtpSettings("127.0.0.1", closedPort, null, null,
                "bot@example.org", List.of("trader@example.org"), false, Duration.ofMinutes(10)), CLOCK);

        // A refused connection fails at once instead of waiting out the 10-minute timeout: a hang guard far below
        // the timeout and far above any machine's connect time, not a speed target.
        assertTimeoutPreemptively(Duration.ofMinutes(1), () -> assertThatThrownBy(
                () -> channel.send(summaryOfTheFixtureRun())).isInstanceOf(NotificationException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort));
    }

    @Test
    void settingsNeverShowThePassword() {
        SmtpSettings s = settings(PASSWORD, true);

        assertThat(s.toString()).doesNotContain(PASSWORD).contains("****");
        assertThat(new SmtpChannel(s).name()).isEqualTo("smtp 127.0.0.1:" + server.getSmtp().getPort());
    }

    @Test
    void malformedSettingsAreRefusedUpFront() {
        assertThatThrownBy(() -> new SmtpSettings("mail", 0, null, null, "a@b.c", List.of("d@e.f"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> new SmtpSettings("mail", 587, "user", null, "a@b.c", List.of("d@e.f"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both or neither");
        assertThatThrownBy(() -> new SmtpSettings("mail", 587, null, null, "a@b.c", List.of(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipient");
        assertThatThrownBy(() -> new SmtpChannel(new SmtpSettings("mail", 587, null, null, "not an address",
                List.of("d@e.f"), true))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a mail address: 'not an address'");
    }

    /** A part's decoded content with the CRLF line ends of SMTP turned back into the summary's LF. */
    private static String normalised(BodyPart part) throws Exception {
        return ((String) part.getContent()).replace("\r\n", "\n");
    }
}
