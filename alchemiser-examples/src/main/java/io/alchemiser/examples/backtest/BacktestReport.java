package io.alchemiser.examples.backtest;

import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.application.backtest.BacktestSettings;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.examples.format.Format;
import io.alchemiser.examples.format.Html;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A backtest as one self-contained HTML file: inline CSS and inline SVG, no script, no font, image or style sheet
 * from anywhere, so it opens offline and can be mailed. It shows the statistics of the strategy and the benchmark,
 * the equity curve against the benchmark (log scale), both drawdowns, the monthly returns (rows are years, columns
 * months and the year, cells green for gains and red for losses, deeper for larger moves), the holdings at the last
 * close, and the settings with the history-start note. Every piece of text from the user or the symphonies is
 * escaped. The markup is also well-formed XML.
 */
public final class BacktestReport {
    static final String STRATEGY_COLOUR = "#1f5fa8";
    static final String BENCHMARK_COLOUR = "#8a8a8a";
    /** A monthly move of this size or more gets the deepest colour. */
    private static final double FULL_COLOUR_AT = 0.10;

    private BacktestReport() {
    }

    /**
     * Writes the report to {@code file}, creating its folder if needed.
     *
     * @throws UncheckedIOException if it cannot be written
     */
    public static void write(BacktestRun run, Path file) {
        writeFile(render(run), file);
    }

    /** Writes {@code html} to {@code file}, creating its folder if needed. */
    static void writeFile(String html, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** A document's start, through its {@code <h1>}: the head with the shared style sheet, then the title. */
    public static StringBuilder document(String title) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        return sb;
    }

    /** The whole document. */
    public static String render(BacktestRun run) {
        BacktestResult r = run.result();
        String title = "Backtest: " + run.symphonies().stream().map(BacktestRun.Entry::name)
                .collect(Collectors.joining(" + "));
        StringBuilder sb = document(title);
        sb.append("<p class=\"sub\">").append(run.firstDate()).append(" to ").append(run.lastDate()).append(" · ")
                .append(Format.count(run.days())).append(" trading days · benchmark ")
                .append(Html.escape(run.settings().benchmark().value())).append("</p>\n");
        statistics(sb, run);
        sb.append("<h2>Equity</h2>\n").append(SvgChart.render("Equity of the strategy and the benchmark", r.dates(),
                List.of(new SvgChart.Series("strategy", r.equity(), STRATEGY_COLOUR, false, false),
                        new SvgChart.Series("benchmark " + run.settings().benchmark(), r.benchmarkEquity(),
                                BENCHMARK_COLOUR, true, false)),
                SvgChart.Scale.LOG, "equity ($, log scale)", BacktestReport::compactDollars)).append('\n');
        sb.append("<h2>Drawdown</h2>\n").append(SvgChart.render("Drawdown from the running peak", r.dates(),
                List.of(new SvgChart.Series("strategy", Drawdown.series(r.equity()), STRATEGY_COLOUR, false, true),
                        new SvgChart.Series("benchmark " + run.settings().benchmark(),
                                Drawdown.series(r.benchmarkEquity()), BENCHMARK_COLOUR, true, false)),
                SvgChart.Scale.LINEAR, "drawdown (%)", BacktestReport::tickPercent)).append('\n');
        monthly(sb, MonthlyReturns.of(r.dates(), r.equity()));
        holdings(sb, r);
        settings(sb, run);
        sb.append("<footer>Simulated at each close with the rule, costs and data above; past behaviour does not "
                + "promise future results.</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void statistics(StringBuilder sb, BacktestRun run) {
        BacktestResult r = run.result();
        sb.append("<h2>Statistics</h2>\n<table class=\"stats\">\n<thead><tr><th>statistic</th><th>strategy</th>")
                .append("<th>benchmark ").append(Html.escape(run.settings().benchmark().value()))
                .append("</th></tr></thead>\n<tbody>\n");
        row(sb, "final equity", Format.money(BacktestSummary.last(r.equity())),
                Format.money(BacktestSummary.last(r.benchmarkEquity())));
        for (BacktestSummary.Row row : BacktestSummary.rows()) {
            row(sb, row.label(), row.format().apply(r.stats()), row.format().apply(r.benchmarkStats()));
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void row(StringBuilder sb, String label, String strategy, String benchmark) {
        sb.append("<tr><th>").append(Html.escape(label)).append("</th><td>").append(Html.escape(strategy))
                .append("</td><td>").append(Html.escape(benchmark)).append("</td></tr>\n");
    }

    private static void monthly(StringBuilder sb, MonthlyReturns m) {
        sb.append("<h2>Monthly returns</h2>\n<table class=\"monthly\">\n<thead><tr><th>year</th>");
        for (Month month : Month.values()) {
            sb.append("<th>").append(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).append("</th>");
        }
        sb.append("<th>year</th></tr></thead>\n<tbody>\n");
        for (int year : m.years()) {
            sb.append("<tr><th>").append(year).append("</th>");
            for (int month = 1; month <= 12; month++) {
                cell(sb, m.month(year, month), false);
            }
            cell(sb, m.year(year), true);
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void cell(StringBuilder sb, double value, boolean total) {
        if (Double.isNaN(value)) {
            sb.append("<td class=\"none\"></td>");
            return;
        }
        sb.append("<td").append(total ? " class=\"total\"" : "").append(" style=\"background:")
                .append(colour(value)).append("\">").append(Format.percent(value, 1))
                .append("</td>");
    }

    /** White for zero, towards green for a gain and red for a loss, fully coloured at ±10%. */
    static String colour(double value) {
        double f = Math.min(1, Math.abs(value) / FULL_COLOUR_AT);
        int[] to = value >= 0 ? new int[] {87, 187, 110} : new int[] {222, 94, 86};
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", mix(255, to[0], f), mix(255, to[1], f), mix(255, to[2], f));
    }

    private static int mix(int from, int to, double f) {
        return (int) Math.round(from + (to - from) * f);
    }

    private static void holdings(StringBuilder sb, BacktestResult r) {
        Weights last = r.holdings().get(r.holdings().size() - 1);
        sb.append("<h2>Holdings at the last close (").append(r.dates().get(r.dates().size() - 1))
                .append(")</h2>\n<table class=\"holdings\">\n<thead><tr><th>symbol</th><th>weight</th></tr></thead>\n")
                .append("<tbody>\n");
        for (Map.Entry<Symbol, Double> e : last.bySymbol().entrySet()) {
            row2(sb, e.getKey().value(), Format.percent(e.getValue()));
        }
        if (last.cash() > 1e-9) {
            row2(sb, "cash", Format.percent(last.cash()));
        }
        sb.append("</tbody>\n</table>\n");
    }

    /** A table row of a label and a value, both escaped. */
    static void row2(StringBuilder sb, String label, String value) {
        sb.append("<tr><th>").append(Html.escape(label)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>\n");
    }

    private static void settings(StringBuilder sb, BacktestRun run) {
        BacktestSettings s = run.settings();
        BacktestResult r = run.result();
        sb.append("<h2>Settings</h2>\n<table class=\"settings\">\n<thead><tr><th>file</th><th>symphony</th>")
                .append("<th>weight</th></tr></thead>\n<tbody>\n");
        for (BacktestRun.Entry e : run.symphonies()) {
            sb.append("<tr><td>").append(Html.escape(e.file())).append("</td><td>").append(Html.escape(e.name()))
                    .append("</td><td>").append(Format.percent(e.weight())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n<table class=\"settings\">\n<tbody>\n");
        row2(sb, "dates", run.firstDate() + " to " + run.lastDate() + " (" + Format.count(run.days())
                + " trading days)");
        row2(sb, "history start", r.historyStart().isPresent() ? run.historyStartNote()
                : "the start date was given (--from)");
        row2(sb, "rebalance", SymphonyBacktest.describe(s.rule()) + " — " + run.ruleSource());
        row2(sb, "costs", SymphonyBacktest.describeCosts(s) + " (basis points of the dollars traded)");
        if (r.costs().total() > 0) {
            row2(sb, "costs paid", BacktestSummary.costsPaid(r));
        }
        for (String line : BacktestSummary.sleeveLines(run)) {
            row2(sb, "sleeve", line.substring("sleeve ".length()));
        }
        row2(sb, "start capital", Format.money(s.startCapital()));
        row2(sb, "benchmark", s.benchmark().value() + " bought and held");
        row2(sb, "risk-free rate", Format.percent(s.riskFreeRate()) + " a year");
        row2(sb, "rebalances / trades", Format.count(r.rebalances()) + " / " + Format.count(r.trades().size()));
        sb.append("</tbody>\n</table>\n");
    }

    /** 12500 → {@code $12.5k}; 2000000 → {@code $2M}; 950 → {@code $950}. */
    static String compactDollars(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return "$" + BacktestSummary.plain(round(v / 1e6)) + "M";
        }
        if (a >= 1e3) {
            return "$" + BacktestSummary.plain(round(v / 1e3)) + "k";
        }
        return "$" + BacktestSummary.plain(round(v));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** −0.25 → {@code -25%}; −0.025 → {@code -2.5%}. */
    static String tickPercent(double fraction) {
        return BacktestSummary.plain(Math.round(fraction * 1000) / 10.0) + "%";
    }

    /** The style sheet every report of this package shares. */
    static final String CSS = String.join("\n",
            "",
            "body{font:14px/1.45 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#222;"
                    + "max-width:960px;margin:24px auto;padding:0 16px}",
            "h1{font-size:22px;margin:0 0 4px}",
            "h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}",
            ".sub{color:#666;margin:0 0 12px}",
            "table{border-collapse:collapse;margin:4px 0 12px}",
            "th,td{padding:3px 8px;text-align:right;border-bottom:1px solid #eee;font-variant-numeric:tabular-nums}",
            "th:first-child{text-align:left}",
            "table.settings td,table.settings th{text-align:left}",
            "table.monthly td,table.monthly th{font-size:12px;padding:3px 5px;min-width:38px}",
            "table.monthly td.total{font-weight:600;border-left:2px solid #bbb}",
            "table.monthly td.none{background:#fafafa}",
            "svg.chart{width:100%;height:auto;display:block}",
            "svg .plot{fill:#fff;stroke:#ccc}",
            "svg .grid{stroke:#eee}",
            "svg text{font-size:11px;fill:#444}",
            "svg .axis{font-size:12px;fill:#222}",
            "svg .legend{font-size:12px}",
            "footer{margin-top:32px;color:#888;font-size:12px}",
            "");
}
