package io.alchemiser.examples.backtest;

import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.application.backtest.BacktestStats;
import io.alchemiser.core.application.backtest.BacktestTrade;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Writes a backtest as four CSV files in a folder (created if missing, files replaced):
 *
 * <ul>
 *   <li>{@code equity.csv}: {@code date,equity,benchmark,drawdown} — dollars at each close, the benchmark held
 *       from the same capital, and the strategy's drawdown ({@code equity / running peak − 1}, zero or negative);</li>
 *   <li>{@code weights.csv}: {@code date} and one column per symbol ever held (alphabetical): the weight held at
 *       the close, after any rebalance; what is missing to 1 is cash;</li>
 *   <li>{@code trades.csv}: {@code date,symbol,side,dollars,weight_before,weight_after};</li>
 *   <li>{@code stats.csv}: {@code statistic,strategy,benchmark}, statistics as fractions and dates as ISO dates,
 *       an empty cell for a statistic that is not defined (NaN).</li>
 * </ul>
 * Numbers are written in full precision without exponents, so reading them back gives the same doubles. Lines end
 * in {@code \n}; the encoding is UTF-8.
 */
public final class BacktestCsv {
    /** The files written, in order. */
    public static final List<String> FILES = List.of("equity.csv", "weights.csv", "trades.csv", "stats.csv");

    private BacktestCsv() {
    }

    /**
     * Writes the four files into {@code dir}.
     *
     * @throws UncheckedIOException if the folder or a file cannot be written
     */
    public static void write(BacktestRun run, Path dir) {
        try {
            Files.createDirectories(dir);
            BacktestResult r = run.result();
            write(dir.resolve("equity.csv"), equity(r));
            write(dir.resolve("weights.csv"), weights(r));
            write(dir.resolve("trades.csv"), trades(r));
            write(dir.resolve("stats.csv"), stats(r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV files to " + dir + ": " + e.getMessage(), e);
        }
    }

    static String equity(BacktestResult r) {
        double[] drawdown = Drawdown.series(r.equity());
        StringBuilder sb = new StringBuilder("date,equity,benchmark,drawdown\n");
        for (int i = 0; i < r.dates().size(); i++) {
            sb.append(r.dates().get(i)).append(',').append(number(r.equity()[i])).append(',')
                    .append(number(r.benchmarkEquity()[i])).append(',').append(number(drawdown[i])).append('\n');
        }
        return sb.toString();
    }

    static String weights(BacktestResult r) {
        SortedSet<Symbol> held = new TreeSet<>();
        r.holdings().forEach(w -> held.addAll(w.bySymbol().keySet()));
        StringBuilder sb = new StringBuilder("date");
        held.forEach(s -> sb.append(',').append(s));
        sb.append('\n');
        for (int i = 0; i < r.dates().size(); i++) {
            Weights w = r.holdings().get(i);
            sb.append(r.dates().get(i));
            for (Symbol s : held) {
                sb.append(',').append(number(w.weight(s)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String trades(BacktestResult r) {
        StringBuilder sb = new StringBuilder("date,symbol,side,dollars,weight_before,weight_after\n");
        for (BacktestTrade t : r.trades()) {
            sb.append(t.date()).append(',').append(t.symbol()).append(',').append(t.side()).append(',')
                    .append(number(t.dollars())).append(',').append(number(t.weightBefore())).append(',')
                    .append(number(t.weightAfter())).append('\n');
        }
        return sb.toString();
    }

    static String stats(BacktestResult r) {
        StringBuilder sb = new StringBuilder("statistic,strategy,benchmark\n");
        for (Stat stat : Stat.values()) {
            sb.append(stat.key).append(',').append(stat.cell(r.stats())).append(',').append(stat.cell(r.benchmarkStats()))
                    .append('\n');
        }
        return sb.toString();
    }

    /** The rows of {@code stats.csv} and the keys of the JSON statistics, in order. */
    enum Stat {
        TOTAL_RETURN("totalReturn", BacktestStats::totalReturn),
        ANNUAL_RETURN("annualReturn", BacktestStats::annualReturn),
        ANNUAL_VOLATILITY("annualVolatility", BacktestStats::annualVolatility),
        SHARPE("sharpe", BacktestStats::sharpe),
        SORTINO("sortino", BacktestStats::sortino),
        MAX_DRAWDOWN("maxDrawdown", BacktestStats::maxDrawdown),
        DRAWDOWN_PEAK("drawdownPeak", null),
        DRAWDOWN_TROUGH("drawdownTrough", null),
        CALMAR("calmar", BacktestStats::calmar),
        WIN_RATE("winRate", BacktestStats::winRate),
        TURNOVER("turnover", BacktestStats::turnover),
        DAYS("days", BacktestStats::days);

        final String key;
        private final ToDoubleFunction<BacktestStats> value;

        Stat(String key, ToDoubleFunction<BacktestStats> value) {
            this.key = key;
            this.value = value;
        }

        /** The date of a date statistic, else {@code null}. */
        java.time.LocalDate date(BacktestStats s) {
            return this == DRAWDOWN_PEAK ? s.drawdownPeak() : this == DRAWDOWN_TROUGH ? s.drawdownTrough() : null;
        }

        boolean isDate() {
            return value == null;
        }

        double value(BacktestStats s) {
            return value.applyAsDouble(s);
        }

        String cell(BacktestStats s) {
            if (isDate()) {
                return date(s) == null ? "" : date(s).toString();
            }
            return this == DAYS ? String.valueOf(s.days()) : number(value(s));
        }
    }

    /** Full precision, no exponent; empty for NaN or infinity. */
    public static String number(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : "";
    }

    private static void write(Path file, String text) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(text);
        }
    }
}
