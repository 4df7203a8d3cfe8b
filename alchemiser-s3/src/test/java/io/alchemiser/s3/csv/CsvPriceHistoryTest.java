package io.alchemiser.s3.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvPriceHistoryTest {
    private static final String HEADER = "date,open,high,low,close,adj_close,volume\n";

    @TempDir
    Path dir;

    @BeforeEach
    void prices() throws IOException {
        Files.writeString(dir.resolve("BRK.B.csv"), HEADER + "2024-03-14,,,,,410.1,\n2024-03-15,,,,,411.9,\n");
        Files.writeString(dir.resolve("SPY.csv"), HEADER + "2024-03-14,,,,,510,\n2024-03-15,,,,,511,\n");
    }

    @Test
    void shareClassesAreReadFromTheirDotFile() {
        CsvPriceHistory data = new CsvPriceHistory(dir);
        BarSeries brk = data.dailyBars(Symbol.of("BRK/B"), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        assertThat(brk.closes()).containsExactly(410.1, 411.9);
        assertThat(data.dailyBars(Symbol.of("BRK.B"), LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 15)).size())
                .isEqualTo(1);
    }

    @Test
    void aMissingFileNamesTheSymbolAndTheFolder() {
        CsvPriceHistory data = new CsvPriceHistory(dir);
        assertThatThrownBy(() -> data.dailyBars(new Symbol("UVXY"), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)))
                .isInstanceOf(MarketDataException.class)
                .hasMessage("no bars for UVXY: UVXY.csv does not exist in " + dir.toAbsolutePath().normalize());
    }

    @Test
    void aMalformedFileNamesItsLineAndIsNotCached() throws IOException {
        Files.writeString(dir.resolve("QQQ.csv"), HEADER + "2024-03-15,,,,,x,\n");
        CsvPriceHistory data = new CsvPriceHistory(dir);
        LocalDate day = LocalDate.of(2024, 3, 15);
        assertThatThrownBy(() -> data.dailyBars(new Symbol("QQQ"), day, day))
                .hasMessageContaining("QQQ.csv:2: column adj_close: 'x' is not a number");
        Files.writeString(dir.resolve("QQQ.csv"), HEADER + "2024-03-15,,,,,440,\n");
        assertThat(data.dailyBars(new Symbol("QQQ"), day, day).closes()).as("fixed file, next call").containsExactly(440);
    }

    @Test
    void severalSymbolsAtOnce() {
        Map<Symbol, BarSeries> got = new CsvPriceHistory(dir, 2).dailyBars(List.of(new Symbol("SPY"),
                Symbol.of("BRK.B")), LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 15));
        assertThat(got.get(new Symbol("SPY")).closes()).containsExactly(511);
        assertThat(got.get(Symbol.of("BRK.B")).closes()).containsExactly(411.9);
    }


    @Test
    void aHistoryThroughADateNeverReadsTheRowsAfterIt() throws IOException {
        // The row after the cut-off is malformed: a reader that parsed it would fail.
        Files.writeString(dir.resolve("QQQ.csv"), HEADER + "2024-03-14,,,,,440,\n2024-03-15,,,,,441,\n"
                + "2024-03-18,,,,,not-a-price,\n");
        CsvPriceHistory data = new CsvPriceHistory(dir, 2, LocalDate.of(2024, 3, 15));
        BarSeries qqq = data.dailyBars(Symbol.of("QQQ"), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        assertThat(qqq.closes()).containsExactly(440, 441);
        assertThat(new CsvPriceHistory(dir, 2, LocalDate.of(2024, 3, 13))
                .dailyBars(Symbol.of("QQQ"), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)).isEmpty())
                .as("a cut-off before the first row: the symbol is known, the range empty").isTrue();
    }
}
