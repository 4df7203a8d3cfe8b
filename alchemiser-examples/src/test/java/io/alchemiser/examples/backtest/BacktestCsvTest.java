package io.alchemiser.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.application.backtest.BacktestStats;
import io.alchemiser.core.application.backtest.BacktestTrade;
import io.alchemiser.core.domain.Symbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCsvTest {
    @TempDir
    static Path dir;
    static BacktestRun run;
    static BacktestResult r;

    @BeforeAll
    static void write() {
        run = Backtests.switcher();
        r = run.result();
        BacktestCsv.write(run, dir.resolve("out"));
    }

    static List<String[]> rows(String file) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("out").resolve(file))) {
            out.add(line.split(",", -1));
        }
        return out;
    }

    @Test
    void equityRoundTripsWithTheBenchmarkAndDrawdown() throws Exception {
        List<String[]> rows = rows("equity.csv");
        assertThat(rows.get(0)).containsExactly("date", "equity", "benchmark", "drawdown");
        assertThat(rows).hasSize(r.dates().size() + 1);
        double peak = 0;
        for (int i = 0; i < r.dates().size(); i++) {
            String[] row = rows.get(i + 1);
            assertThat(LocalDate.parse(row[0])).isEqualTo(r.dates().get(i));
            assertThat(Double.parseDouble(row[1])).isEqualTo(r.equity()[i]);
            assertThat(Double.parseDouble(row[2])).isEqualTo(r.benchmarkEquity()[i]);
            peak = Math.max(peak, r.equity()[i]);
            assertThat(Double.parseDouble(row[3])).isEqualTo(r.equity()[i] / peak - 1).isLessThanOrEqualTo(0);
        }
        assertThat(rows.stream().skip(1).mapToDouble(row -> -Double.parseDouble(row[3])).max().orElseThrow())
                .as("the deepest drawdown is the statistic").isCloseTo(r.stats().maxDrawdown(),
                        org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void weightsHaveAColumnPerSymbolEverHeld() throws Exception {
        List<String[]> rows = rows("weights.csv");
        Set<Symbol> held = new TreeSet<>();
        r.holdings().forEach(w -> held.addAll(w.bySymbol().keySet()));
        assertThat(held).extracting(Symbol::value).containsExactly("AAA", "BBB", "SPY");
        assertThat(rows.get(0)).containsExactly("date", "AAA", "BBB", "SPY");
        assertThat(rows).hasSize(r.dates().size() + 1);
        for (int i = 0; i < r.dates().size(); i++) {
            String[] row = rows.get(i + 1);
            assertThat(row[0]).isEqualTo(r.dates().get(i).toString());
            for (int c = 1; c < row.length; c++) {
                assertThat(Double.parseDouble(row[c])).isEqualTo(r.holdings().get(i).weight(Symbol.of(rows.get(0)[c])));
            }
        }
    }

    @Test
    void tradesRoundTrip() throws Exception {
        List<String[]> rows = rows("trades.csv");
        assertThat(rows.get(0)).containsExactly("date", "symbol", "side", "dollars", "weight_before", "weight_after");
        assertThat(r.trades()).hasSizeGreaterThan(10);
        assertThat(rows).hasSize(r.trades().size() + 1);
        for (int i = 0; i < r.trades().size(); i++) {
            BacktestTrade t = r.trades().get(i);
            String[] row = rows.get(i + 1);
            assertThat(row).containsExactly(t.date().toString(), t.symbol().value(), t.side().name(), row[3], row[4], row[5]);
            assertThat(Double.parseDouble(row[3])).isEqualTo(t.dollars());
            assertThat(Double.parseDouble(row[4])).isEqualTo(t.weightBefore());
            assertThat(Double.parseDouble(row[5])).isEqualTo(t.weightAfter());
        }
    }

    @Test
    void statsRoundTripForBothCurves() throws Exception {
        List<String[]> rows = rows("stats.csv");
        assertThat(rows.get(0)).containsExactly("statistic", "strategy", "benchmark");
        assertThat(rows).hasSize(BacktestCsv.Stat.values().length + 1);
        check(rows, 1, r.stats());
        check(rows, 2, r.benchmarkStats());
    }

    private static void check(List<String[]> rows, int column, BacktestStats s) {
        assertThat(value(rows, "totalReturn", column)).isEqualTo(s.totalReturn());
        assertThat(value(rows, "annualReturn", column)).isEqualTo(s.annualReturn());
        assertThat(value(rows, "annualVolatility", column)).isEqualTo(s.annualVolatility());
        assertThat(value(rows, "sharpe", column)).isEqualTo(s.sharpe());
        assertThat(value(rows, "sortino", column)).isEqualTo(s.sortino());
        assertThat(value(rows, "maxDrawdown", column)).isEqualTo(s.maxDrawdown());
        assertThat(cell(rows, "drawdownPeak", column)).isEqualTo(s.drawdownPeak().toString());
        assertThat(cell(rows, "drawdownTrough", column)).isEqualTo(s.drawdownTrough().toString());
        assertThat(value(rows, "calmar", column)).isEqualTo(s.calmar());
        assertThat(value(rows, "winRate", column)).isEqualTo(s.winRate());
        assertThat(value(rows, "turnover", column)).isEqualTo(s.turnover());
        assertThat(cell(rows, "days", column)).isEqualTo(String.valueOf(s.days()));
    }

    private static String cell(List<String[]> rows, String key, int column) {
        return rows.stream().filter(row -> row[0].equals(key)).findFirst().orElseThrow()[column];
    }

    private static double value(List<String[]> rows, String key, int column) {
        String c = cell(rows, key, column);
        return c.isEmpty() ? Double.NaN : Double.parseDouble(c);
    }

    @Test
    void numbersHaveNoExponentAndNaNIsEmpty() {
        assertThat(BacktestCsv.number(1e-9)).isEqualTo("0.000000001");
        assertThat(BacktestCsv.number(1.5e12)).isEqualTo("1500000000000");
        assertThat(BacktestCsv.number(Double.NaN)).isEmpty();
    }
}
