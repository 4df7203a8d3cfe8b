package io.alchemiser.examples.liveday;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Trading days on generated prices, for the unit suite (no {@code ../shared} needed): a symphony holding some
 * symbols in equal parts (while SPY's RSI is above zero, which it always is; BIL otherwise), and an account holding
 * cash, too much SPY, and other symbols it must sell in full. The prices are weekday closes ending on
 * {@link #DATE}, a gentle deterministic walk per symbol.
 */
final class GeneratedDay {
    /** Wednesday 2026-11-18, from 14:00 New York. */
    static final LocalDate DATE = LocalDate.of(2026, 11, 18);
    static final LocalTime START = LocalTime.of(14, 0);

    private static final Map<String, Double> FIRST_CLOSES = new LinkedHashMap<>();

    static {
        String[] symbols = {"SPY", "QQQ", "TLT", "IWM", "BIL", "GLD", "XLE", "EFA", "VNQ", "XLF", "XLK", "DBC", "UUP",
            "HYG"};
        double[] closes = {480, 410, 92, 215, 91.5, 185, 88, 78, 86, 41, 205, 23, 28.5, 77};
        for (int i = 0; i < symbols.length; i++) {
            FIRST_CLOSES.put(symbols[i], closes[i]);
        }
    }

    private GeneratedDay() {
    }

    /**
     * The fault tests' day: target SPY, QQQ, TLT and IWM; the account holds $40k of SPY, $15k each of GLD and XLE
     * and $30k cash. It sells three (SPY in part, GLD and XLE in full) and buys three (QQQ, TLT, IWM), so every
     * phase has concurrent orders. A patient market ({@link Markets#patient()}): a walk ends at its first step.
     */
    static DaySetup small(Path dir) {
        Path prices = writePrices(dir.resolve("prices"));
        Map<String, BigDecimal> holdings = new LinkedHashMap<>();
        holdings.put("SPY", worth(prices, "SPY", 40_000));
        holdings.put("GLD", worth(prices, "GLD", 15_000));
        holdings.put("XLE", worth(prices, "XLE", 15_000));
        return new DaySetup("small", prices, List.of(symphony(dir, "SPY", "QQQ", "TLT", "IWM")), DATE, START,
                new BigDecimal("30000.00"), holdings, Markets::patient, 10, 1);
    }

    /**
     * The unit rehearsal's day, at concurrency 10: target SPY, QQQ, TLT, IWM, EFA and VNQ; the account holds $8k
     * each of GLD, XLE, XLF, XLK, DBC, UUP and HYG and $44k cash. Seven full exits and six buys, in the
     * rehearsal's market ({@link Markets#sellsWalkBuysRest()}): every sell walks to a market order.
     */
    static DaySetup wide(Path dir) {
        Path prices = writePrices(dir.resolve("prices"));
        Map<String, BigDecimal> holdings = new LinkedHashMap<>();
        for (String s : List.of("GLD", "XLE", "XLF", "XLK", "DBC", "UUP", "HYG")) {
            holdings.put(s, worth(prices, s, 8_000));
        }
        return new DaySetup("wide", prices, List.of(symphony(dir, "SPY", "QQQ", "TLT", "IWM", "EFA", "VNQ")), DATE,
                START, new BigDecimal("44000.00"), holdings, Markets::sellsWalkBuysRest, 10, 1);
    }

    private static DaySetup.Strategy symphony(Path dir, String... symbols) {
        String assets = List.of(symbols).stream().map(s -> "(asset \"" + s + "\")").collect(Collectors.joining(" "));
        Path file = write(dir.resolve("equal.clj"), """
                (defsymphony "Equal parts" {:asset-class "EQUITIES", :rebalance-frequency :daily}
                 (if (> (rsi "SPY" {:window 10}) 0)
                   [(weight-equal [%s])]
                   [(asset "BIL")]))
                """.formatted(assets));
        return new DaySetup.Strategy(file, 1.0);
    }

    /** Whole shares of {@code symbol} worth about {@code dollars} at its close on {@link #DATE}. */
    private static BigDecimal worth(Path prices, String symbol, double dollars) {
        BigDecimal close = new BigDecimal(lastClose(prices, symbol));
        return BigDecimal.valueOf(dollars).divide(close, 0, RoundingMode.DOWN);
    }

    /** 300 weekday closes per symbol ending on {@link #DATE}, adjusted close only. */
    private static Path writePrices(Path dir) {
        LocalDate first = DATE;
        for (int counted = 1; counted < 300; ) {
            first = first.minusDays(1);
            if (isWeekday(first)) {
                counted++;
            }
        }
        int k = 0;
        for (Map.Entry<String, Double> e : FIRST_CLOSES.entrySet()) {
            k++;
            StringBuilder csv = new StringBuilder("date,open,high,low,close,adj_close,volume\n");
            double price = e.getValue();
            int i = 0;
            for (LocalDate d = first; !d.isAfter(DATE); d = d.plusDays(1)) {
                if (!isWeekday(d)) {
                    continue;
                }
                price *= 1 + 0.008 * Math.sin(i++ * 0.45 + k * 1.3);
                csv.append(d).append(",,,,,").append(String.format(Locale.ROOT, "%.4f", price)).append(",\n");
            }
            write(dir.resolve(e.getKey() + ".csv"), csv.toString());
        }
        return dir;
    }

    private static String lastClose(Path prices, String symbol) {
        try {
            List<String> lines = Files.readAllLines(prices.resolve(symbol + ".csv"));
            return lines.get(lines.size() - 1).split(",", -1)[5];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isWeekday(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
