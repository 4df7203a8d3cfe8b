package io.alchemiser.examples.backtest;

import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.application.backtest.BacktestSettings;
import io.alchemiser.core.application.backtest.BacktestStats;
import io.alchemiser.core.application.backtest.SleeveReport;
import io.alchemiser.examples.format.Format;
import io.alchemiser.examples.format.Text;
import io.alchemiser.examples.format.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The plain-text summary the {@code backtest} command prints: what ran (symphonies and weights, dates, rule, costs,
 * history start), then the statistics of the strategy and the benchmark side by side.
 */
public final class BacktestSummary {
    private BacktestSummary() {
    }

    /**
     * One statistic as both columns show it.
     *
     * @param label  the row label, e.g. {@code annual return (CAGR)}
     * @param format how a {@link BacktestStats} shows it
     */
    record Row(String label, Function<BacktestStats, String> format) {
    }

    /** The statistics rows, in order; shared with the HTML report and {@code stats.csv}'s labels. */
    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("total return", s -> Format.percent(s.totalReturn())));
        rows.add(new Row("annual return (CAGR)", s -> Format.percent(s.annualReturn())));
        rows.add(new Row("annual volatility", s -> Format.percent(s.annualVolatility())));
        rows.add(new Row("Sharpe", s -> Format.ratio(s.sharpe())));
        rows.add(new Row("Sortino", s -> Format.ratio(s.sortino())));
        rows.add(new Row("max drawdown", s -> Format.percent(s.maxDrawdown())));
        rows.add(new Row("drawdown peak", s -> String.valueOf(s.drawdownPeak())));
        rows.add(new Row("drawdown trough", s -> String.valueOf(s.drawdownTrough())));
        rows.add(new Row("Calmar", s -> Format.ratio(s.calmar())));
        rows.add(new Row("win rate (days)", s -> Format.percent(s.winRate())));
        rows.add(new Row("turnover (annual, one-way)", s -> Format.percent(s.turnover())));
        rows.add(new Row("daily returns", s -> Format.count(s.days())));
        return rows;
    }

    /** The settings lines and the statistics table, each line ending in a newline. */
    public static String render(BacktestRun run) {
        BacktestResult r = run.result();
        BacktestSettings s = run.settings();
        StringBuilder sb = new StringBuilder();
        sb.append("backtest ").append(run.firstDate()).append(" .. ").append(run.lastDate()).append(", ")
                .append(Format.count(run.days())).append(" trading days, benchmark ").append(s.benchmark()).append('\n');
        for (BacktestRun.Entry e : run.symphonies()) {
            sb.append("  ").append(Text.oneLine(e.file())).append("  '").append(Text.oneLine(e.name())).append("'  weight ")
                    .append(Format.percent(e.weight())).append('\n');
        }
        sb.append("rebalance: ").append(SymphonyBacktest.describe(s.rule())).append(" (").append(run.ruleSource())
                .append(")\n");
        sb.append("costs: ").append(SymphonyBacktest.describeCosts(s)).append("; start capital ")
                .append(Format.money(s.startCapital())).append("; risk-free ").append(Format.percent(s.riskFreeRate()))
                .append(" a year\n");
        if (r.historyStart().isPresent()) {
            sb.append("history start: ").append(Text.oneLine(run.historyStartNote())).append('\n');
        }
        for (String line : sleeveLines(run)) {
            sb.append(line).append('\n');
        }
        sb.append('\n');
        TextTable table = new TextTable("statistic", "strategy", "benchmark " + s.benchmark());
        table.row("final equity", Format.money(last(r.equity())), Format.money(last(r.benchmarkEquity())));
        for (Row row : rows()) {
            table.row(row.label(), row.format().apply(r.stats()), row.format().apply(r.benchmarkStats()));
        }
        sb.append(table.render());
        sb.append('\n').append(Format.count(r.rebalances())).append(" rebalances, ").append(Format.count(r.trades().size()))
                .append(" trades; ").append(Format.count(run.days())).append(" days in ")
                .append(Format.count(run.elapsedNanos() / 1e6)).append(" ms (").append(Format.count(run.daysPerSecond()))
                .append(" days/s)\n");
        if (r.costs().total() > 0) {
            sb.append("costs paid: ").append(costsPaid(r)).append('\n');
        }
        return sb.toString();
    }

    /** {@code $12.34 (trading $12.00, SEC $0.28, TAF $0.06)}. */
    static String costsPaid(BacktestResult r) {
        BacktestResult.CostTotals c = r.costs();
        return Format.money(c.total()) + " (trading " + Format.money(c.tradingCosts()) + ", SEC "
                + Format.money(c.secFees()) + ", TAF " + Format.money(c.tafFees()) + ")";
    }

    /**
     * One line per sleeve when each symphony is a sleeve of its own (its rule, first day, rebalances, final value),
     * and a line for a sleeve that held cash while its history had not started; nothing for a single sleeve that
     * started on the first day.
     */
    static List<String> sleeveLines(BacktestRun run) {
        List<String> out = new ArrayList<>();
        List<SleeveReport> sleeves = run.result().sleeves();
        for (SleeveReport s : sleeves) {
            boolean late = s.firstDay() == null || s.firstDay().isAfter(run.firstDate());
            if (sleeves.size() == 1 && !late) {
                continue;
            }
            String start = s.firstDay() == null ? "never started: its history begins after the last day"
                    : late ? "held cash until " + s.firstDay() + ", when its history starts" : "from " + s.firstDay();
            out.add("sleeve '" + Text.oneLine(s.name()) + "' (" + Format.percent(s.allocation()) + "): "
                    + s.rule().keyword() + ", " + start + ", " + Format.count(s.rebalances().size()) + " rebalances, final "
                    + Format.money(s.finalValue()));
        }
        return out;
    }

    static double last(double[] values) {
        return values[values.length - 1];
    }

    /** 2.0 → {@code 2}, 2.5 → {@code 2.5}. */
    static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
