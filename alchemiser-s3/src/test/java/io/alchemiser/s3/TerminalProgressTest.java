package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final SymbolOutcome spy = SymbolOutcome.fetched(new Symbol("SPY"), 3, "appended 3 bars");
    private final SymbolOutcome qqq = SymbolOutcome.failed(new Symbol("QQQ"), "HTTP 500");
    private final RefreshReport report = new RefreshReport(List.of(spy, qqq), Duration.ofMillis(1500));

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAndFailuresStayVisible() {
        TerminalProgress progress = new TerminalProgress(out, true);
        progress.started("refresh", 2);
        progress.advanced(spy, 1, 2);
        progress.advanced(qqq, 2, 2);
        progress.finished(report);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("\rrefresh [" + "#".repeat(15) + ".".repeat(15) + "] 1/2  50%  SPY");
        assertThat(text).contains("\rrefresh [" + "#".repeat(30) + "] 2/2 100%  QQQ");
        assertThat(text).contains("QQQ failed: HTTP 500\n");
        assertThat(text).endsWith("refresh: 2 symbols: 1 fetched (3 bars), 0 skipped, 1 failed in 1.5 s"
                + System.lineSeparator());
        assertThat(text.lines().filter(l -> l.contains("SPY fetched")).count()).as("no line per success").isZero();
    }

    @Test
    void elsewhereEachSymbolIsOnePlainLine() {
        TerminalProgress progress = new TerminalProgress(out, false);
        progress.started("import", 2);
        progress.advanced(spy, 1, 2);
        progress.advanced(qqq, 2, 2);
        progress.finished(report);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r").isEqualTo(String.join(
                System.lineSeparator(),
                "import: 2 symbols",
                "import [1/2] SPY fetched: appended 3 bars",
                "import [2/2] QQQ failed: HTTP 500",
                "import: 2 symbols: 1 fetched (3 bars), 0 skipped, 1 failed in 1.5 s", ""));
    }
}
