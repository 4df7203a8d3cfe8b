package io.alchemiser.s3.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.s3.model.LakeBar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBarReaderTest {
    private static final String HEADER = "date,open,high,low,close,adj_close,volume\n";

    @TempDir
    Path dir;

    @Test
    void theSharedLayoutWithOnlyTheAdjustedCloseFilledIsRead() throws IOException {
        List<LakeBar> bars = read("SPY.csv", HEADER + "2000-01-03,,,,,91.132774,\n2000-01-04,,,,,87.568893,\n");
        assertThat(bars).containsExactly(
                LakeBar.adjustedCloseOnly(LocalDate.of(2000, 1, 3), new java.math.BigDecimal("91.132774")),
                LakeBar.adjustedCloseOnly(LocalDate.of(2000, 1, 4), new java.math.BigDecimal("87.568893")));
    }

    @Test
    void everyColumnIsKeptWhenPresent() throws IOException {
        LakeBar bar = read("X.csv", HEADER + "2024-03-15,10.5,11,10,10.75,10.25,123456\n").get(0);
        assertThat(bar.open()).isEqualByComparingTo("10.5");
        assertThat(bar.high()).isEqualByComparingTo("11");
        assertThat(bar.low()).isEqualByComparingTo("10");
        assertThat(bar.close()).as("raw close").isEqualByComparingTo("10.75");
        assertThat(bar.adjClose()).isEqualByComparingTo("10.25");
        assertThat(bar.volume()).isEqualTo(123456L);
        assertThat(bar.toDailyBar().close()).as("indicators read the adjusted close").isEqualByComparingTo("10.25");
    }

    @Test
    void theRawCloseStandsInWhenThereIsNoAdjustedClose() throws IOException {
        assertThat(read("A.csv", HEADER + "2024-03-15,,,,42.5,,\n").get(0).adjClose()).isEqualByComparingTo("42.5");
        assertThat(read("B.csv", "Date,Close\n2024-03-15,7\n").get(0).adjClose()).isEqualByComparingTo("7");
    }

    @Test
    void scientificNotationBomCrlfBlankLinesAndColumnOrderAreAccepted() throws IOException {
        List<LakeBar> bars = read("UVXY.csv", "\uFEFFAdj Close,Date\r\n5.145e+11,2011-10-04\r\n\r\n1.2E+11,2011-10-05\r\n");
        assertThat(bars).extracting(LakeBar::adjClose).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("514500000000"), new java.math.BigDecimal("120000000000"));
    }

    @Test
    void aBadNumberNamesFileLineAndColumn() throws IOException {
        Path file = write("SPY.csv", HEADER + "2024-03-14,,,,,500,\n2024-03-15,,,,,abc,\n");
        assertThatThrownBy(() -> CsvBarReader.read(file)).isInstanceOf(MarketDataException.class)
                .hasMessage(file + ":3: column adj_close: 'abc' is not a number");
    }

    @Test
    void badRowsAreReportedWithTheirLine() throws IOException {
        assertError(HEADER + "2024-3-15,,,,,1,\n", ":2: column date: '2024-3-15' is not a date (expected yyyy-MM-dd)");
        assertError(HEADER + "2024-02-30,,,,,1,\n", ":2: column date: '2024-02-30' is not a date");
        assertError(HEADER + "2024-03-15,,,,,1\n", ":2: expected 7 fields as in the header, found 6");
        assertError(HEADER + "2024-03-15,,,,,,\n", ":2: neither adj_close nor close has a value");
        assertError(HEADER + "2024-03-15,,,,,-1,\n", ":2: bar 2024-03-15: adj_close must be positive");
        assertError(HEADER + "2024-03-15,,5,6,,5.5,\n", ":2: bar 2024-03-15: high 5 is below low 6");
        assertError(HEADER + "2024-03-15,,,,,1,12.5\n", ":2: column volume: '12.5' is not a whole number");
        assertError(HEADER + "2024-03-15,,,,,1,\n2024-03-15,,,,,1,\n", ":3: column date: 2024-03-15 repeats");
        assertError(HEADER + "2024-03-15,,,,,1,\n2024-03-14,,,,,1,\n", ":3: column date: 2024-03-14 is not after");
    }

    @Test
    void headerProblemsAreReported() throws IOException {
        assertError("", ":1: the file is empty");
        assertError("day,adj_close\n", ":1: the header has no date column");
        assertError("date,volume\n", ":1: the header has neither an adj_close nor a close column");
        assertError("date,close,Close\n", ":1: column close appears twice");
        assertError(HEADER, "has a header but no bars");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> CsvBarReader.read(dir.resolve("NOPE.csv"))).isInstanceOf(MarketDataException.class)
                .hasMessageContaining("NOPE.csv: no such file");
    }

    private void assertError(String content, String message) throws IOException {
        Path file = write("BAD.csv", content);
        assertThatThrownBy(() -> CsvBarReader.read(file)).isInstanceOf(MarketDataException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(message);
    }

    private List<LakeBar> read(String name, String content) throws IOException {
        return CsvBarReader.read(write(name, content));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
