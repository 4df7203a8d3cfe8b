package io.alchemiser.examples.liveday;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rehearsal day on the corpus: three real Composer exports from {@code ../shared/strategies} (Doctor Strange,
 * Wakanda and Hedged Sector Rotator, which together hold 25 symbols on 2026-07-31) over the real closes of
 * {@code ../shared/prices}, for an account holding $3,000 in each of 20 other symbols those symphonies trade on other
 * days (all to be sold) and $40,000 cash: 45 trades. Read in place, never copied.
 */
final class SharedDay {
    /** Friday 2026-07-31, the last day of the shared prices; from 14:00 New York. */
    static final LocalDate DATE = LocalDate.of(2026, 7, 31);
    static final LocalTime START = LocalTime.of(14, 0);
    static final List<String> HELD = List.of("AGG", "BND", "GLD", "IEF", "LQD", "SPY", "TLT", "UUP", "XLE", "XLF",
            "XLK", "XLP", "XLB", "XLI", "XLY", "SOXX", "SMH", "TQQQ", "UPRO", "IWM");

    private SharedDay() {
    }

    static DaySetup setup() {
        Path shared = locate();
        Path strategies = shared.resolve("strategies");
        Path prices = shared.resolve("prices");
        Map<String, BigDecimal> holdings = new LinkedHashMap<>();
        for (String s : HELD) {
            holdings.put(s, new BigDecimal("3000").divide(lastClose(prices, s), 0, RoundingMode.DOWN));
        }
        return new DaySetup("shared", prices, List.of(
                new DaySetup.Strategy(strategies.resolve("doctor_strange.clj"), 0.34),
                new DaySetup.Strategy(strategies.resolve("wakanda.clj"), 0.33),
                new DaySetup.Strategy(strategies.resolve("hedged_sector_rotator.clj"), 0.33)), DATE, START,
                new BigDecimal("40000.00"), holdings, Markets::sellsWalkBuysRest, 10, 1);
    }

    /** The first {@code shared} folder with strategies and prices, walking up from the working directory. */
    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path shared = dir.resolve("shared");
            if (Files.isDirectory(shared.resolve("strategies")) && Files.isDirectory(shared.resolve("prices"))) {
                return shared;
            }
        }
        throw new AssertionError("no shared/strategies and shared/prices above " + Path.of("").toAbsolutePath()
                + "; the rehearsal on the corpus needs ../shared beside the project");
    }

    private static BigDecimal lastClose(Path prices, String symbol) {
        try {
            List<String> lines = Files.readAllLines(prices.resolve(symbol + ".csv"));
            String[] last = lines.get(lines.size() - 1).split(",", -1);
            assertThat(last[0]).as(symbol + "'s last close").isEqualTo(DATE.toString());
            return new BigDecimal(last[5]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
