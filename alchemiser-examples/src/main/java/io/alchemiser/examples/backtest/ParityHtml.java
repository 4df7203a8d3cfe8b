package io.alchemiser.examples.backtest;

import io.alchemiser.examples.format.Format;
import io.alchemiser.examples.format.Html;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code parity} report as one self-contained HTML page in the style of the backtest report: the summary, the
 * value of both backtests over the days compared, each day's largest weight difference against the tolerance, and
 * the first and the worst divergence with both allocations and the decision path behind ours, margins included.
 * Every piece of text from the user, the symphony or Composer's file is escaped; the markup is well-formed XML.
 */
public final class ParityHtml {
    private static final String COMPOSER_COLOUR = "#c0641f";

    private ParityHtml() {
    }

    /** Writes the page to {@code file}, creating its folder if needed. */
    public static void write(ParityResult p, Path file) {
        BacktestReport.writeFile(render(p), file);
    }

    /** The whole document. */
    public static String render(ParityResult p) {
        BacktestRun run = p.run();
        StringBuilder sb = BacktestReport.document("Parity: " + run.symphonies().get(0).name() + " against Composer");
        sb.append("<p class=\"sub\">").append(p.composer().firstDay()).append(" to ").append(p.composer().lastDay())
                .append(" · Composer series ").append(Html.escape(p.composer().series())).append("</p>\n");
        summary(sb, p);
        List<LocalDate> dates = run.result().dates();
        double[] theirs = new double[dates.size()];
        double[] diff = new double[dates.size()];
        double[] tolerance = new double[dates.size()];
        for (int i = 0; i < dates.size(); i++) {
            theirs[i] = p.composer().capital().getOrDefault(dates.get(i), Double.NaN);
            diff[i] = p.differences().getOrDefault(dates.get(i), Double.NaN) * 100;
            tolerance[i] = p.tolerance() * 100;
        }
        sb.append("<h2>Value</h2>\n").append(SvgChart.render("Value here and on Composer", dates,
                List.of(new SvgChart.Series("here", run.result().equity(), BacktestReport.STRATEGY_COLOUR, false, false),
                        new SvgChart.Series("Composer", theirs, COMPOSER_COLOUR, false, false)),
                SvgChart.Scale.LOG, "value ($, log scale)", BacktestReport::compactDollars)).append('\n');
        sb.append("<h2>Allocation difference</h2>\n").append(SvgChart.render("Largest weight difference each day",
                dates, List.of(new SvgChart.Series("largest difference (points)", diff, BacktestReport.STRATEGY_COLOUR,
                        false, true), new SvgChart.Series("tolerance", tolerance, BacktestReport.BENCHMARK_COLOUR, true,
                                false)),
                SvgChart.Scale.LINEAR, "points", v -> BacktestSummary.plain(Math.round(v * 100) / 100.0)))
                .append('\n');
        divergence(sb, "First divergence", p.first());
        if (p.worst().isPresent() && !p.worst().equals(p.first())) {
            divergence(sb, "Worst divergence", p.worst());
        }
        sb.append("<footer>Replayed at each close with the symphony's own rule and the costs above; a divergence names "
                + "the step of our decision with the smallest margin, the one a slightly different price flips most "
                + "easily. Composer's file has no decision path.</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void summary(StringBuilder sb, ParityResult p) {
        sb.append("<h2>Summary</h2>\n<table class=\"settings\">\n<tbody>\n");
        BacktestReport.row2(sb, "symphony", p.run().symphonies().get(0).file() + " — "
                + p.run().symphonies().get(0).name());
        BacktestReport.row2(sb, "days matching", Format.count(p.matching()) + " of " + Format.count(p.compared()) + " ("
                + Format.percent(p.matchShare()) + ") within " + BacktestSummary.plain(p.tolerance() * 100) + " points");
        if (!p.notReplayed().isEmpty()) {
            BacktestReport.row2(sb, "not replayed", p.notReplayed().size() + " of Composer's days have no close here, "
                    + "the first " + p.notReplayed().get(0));
        }
        ParityResult.Returns r = p.returns();
        BacktestReport.row2(sb, "daily returns", Format.count(r.days()) + " compared: correlation "
                + Format.decimal(r.correlation(), 4) + ", tracking error " + Format.percent(r.trackingError()) + " a year");
        BacktestReport.row2(sb, "total return", "here " + Format.percent(r.ourReturn()) + ", on Composer "
                + Format.percent(r.composerReturn()));
        BacktestReport.row2(sb, "rule", p.run().result().sleeves().get(0).rule().keyword());
        BacktestReport.row2(sb, "costs", SymphonyBacktest.describeCosts(p.run().settings()));
        sb.append("</tbody>\n</table>\n");
    }

    private static void divergence(StringBuilder sb, String title, Optional<ParityResult.Divergence> d) {
        sb.append("<h2>").append(title).append("</h2>\n");
        if (d.isEmpty()) {
            sb.append("<p>None: every compared day matches.</p>\n");
            return;
        }
        ParityResult.Divergence v = d.get();
        sb.append("<p>").append(v.date()).append(": the largest weight difference is ")
                .append(Format.percent(v.difference())).append(".</p>\n");
        sb.append("<table class=\"holdings\">\n<thead><tr><th>holding</th><th>here</th><th>Composer</th></tr></thead>\n")
                .append("<tbody>\n");
        for (String key : ParityText.keys(v.ours(), v.theirs())) {
            sb.append("<tr><th>").append(Html.escape(key.equals(ComposerBacktest.CASH) ? "cash" : key))
                    .append("</th><td>").append(Format.percent(value(v.ours(), key))).append("</td><td>")
                    .append(Format.percent(value(v.theirs(), key))).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        sb.append("<p>Decision path of ").append(v.pathDate())
                .append(v.pathDate().equals(v.date()) ? "" : " (the last rebalance on or before it)").append(":</p>\n");
        sb.append("<table class=\"settings\">\n<thead><tr><th>where</th><th>step</th><th>margin</th></tr></thead>\n")
                .append("<tbody>\n");
        for (DecisionMargins.MarginStep s : v.path()) {
            boolean decisive = v.decisive().isPresent() && v.decisive().get() == s;
            sb.append(decisive ? "<tr style=\"font-weight:600\">" : "<tr>").append("<td>")
                    .append(Html.escape(s.step().location())).append("</td><td>")
                    .append(Html.escape(s.step().kind() + ": " + s.step().summary())).append("</td><td>")
                    .append(s.margin().isPresent() ? Format.percent(s.margin().getAsDouble()) : "")
                    .append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        if (v.decisive().isPresent()) {
            sb.append("<p>Decided by ").append(Html.escape(v.decisive().get().step().location())).append(", margin ")
                    .append(Format.percent(v.decisive().get().margin().getAsDouble())).append(".</p>\n");
        }
    }

    private static double value(Map<String, Double> w, String key) {
        return w.getOrDefault(key, 0.0);
    }
}
