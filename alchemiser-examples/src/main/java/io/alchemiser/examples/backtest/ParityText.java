package io.alchemiser.examples.backtest;

import io.alchemiser.examples.app.TextTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The plain-text report of the {@code parity} command: what was compared, the share of matching days, the daily
 * returns against Composer's, and the first and the worst divergence, each with the weights of both sides, the
 * decision path behind ours and the step that decided it with its margin.
 */
public final class ParityText {
    private ParityText() {
    }

    /** The report, each line ending in a newline. */
    public static String render(ParityResult p) {
        BacktestRun run = p.run();
        StringBuilder sb = new StringBuilder();
        BacktestRun.Entry e = run.symphonies().get(0);
        sb.append(String.format(Locale.ROOT, "parity: %s '%s' against Composer's backtest (series %s)%n", e.file(),
                e.name(), p.composer().series()));
        sb.append(String.format(Locale.ROOT, "days %s .. %s: %,d compared, %,d match within %s points (%s)%n",
                p.composer().firstDay(), p.composer().lastDay(), p.compared(), p.matching(),
                BacktestSummary.plain(p.tolerance() * 100), Format.percent(p.matchShare())));
        if (!p.notReplayed().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%,d of Composer's days have no close here: %s%n",
                    p.notReplayed().size(), shortList(p.notReplayed())));
        }
        sb.append("rule: ").append(run.result().sleeves().get(0).rule().keyword()).append("; costs: ")
                .append(SymphonyBacktest.describeCosts(run.settings())).append('\n');
        ParityResult.Returns r = p.returns();
        sb.append(String.format(Locale.ROOT, "daily returns (%,d): correlation %s, tracking error %s a year; "
                + "total return here %s, on Composer %s%n", r.days(), ratio(r.correlation()),
                Format.percent(r.trackingError()), Format.percent(r.ourReturn()), Format.percent(r.composerReturn())));
        divergence(sb, "first divergence", p.first());
        if (p.worst().isPresent() && !p.worst().get().date().equals(p.first().map(ParityResult.Divergence::date)
                .orElse(null))) {
            divergence(sb, "worst divergence", p.worst());
        } else if (p.worst().isPresent()) {
            sb.append("\nthe worst divergence is the first\n");
        }
        return sb.toString();
    }

    private static void divergence(StringBuilder sb, String title, Optional<ParityResult.Divergence> d) {
        if (d.isEmpty()) {
            sb.append('\n').append(title).append(": none, every compared day matches\n");
            return;
        }
        ParityResult.Divergence v = d.get();
        sb.append(String.format(Locale.ROOT, "%n%s: %s (largest weight difference %s points)%n", title, v.date(),
                BacktestSummary.plain(Math.round(v.difference() * 10_000) / 100.0)));
        TextTable table = new TextTable("holding", "here", "Composer");
        for (String key : keys(v.ours(), v.theirs())) {
            table.row(key.equals(ComposerBacktest.CASH) ? "cash" : key, Format.percent(v.ours().getOrDefault(key, 0.0)),
                    Format.percent(v.theirs().getOrDefault(key, 0.0)));
        }
        for (String line : table.render().split("\n")) {
            sb.append("  ").append(line).append('\n');
        }
        sb.append("  decision path of ").append(v.pathDate())
                .append(v.pathDate().equals(v.date()) ? "" : " (the last rebalance on or before it)").append(":\n");
        for (DecisionMargins.MarginStep s : v.path()) {
            sb.append("    ").append(s.step()).append(margin(s)).append('\n');
        }
        if (v.decisive().isPresent()) {
            sb.append("  decided by: ").append(v.decisive().get().step()).append(margin(v.decisive().get()))
                    .append('\n');
        }
    }

    /** The keys either side holds with a weight, in order, cash last. */
    static List<String> keys(Map<String, Double> a, Map<String, Double> b) {
        TreeSet<String> keys = new TreeSet<>();
        a.forEach((k, x) -> {
            if (x > 1e-12) {
                keys.add(k);
            }
        });
        b.forEach((k, x) -> {
            if (x > 1e-12) {
                keys.add(k);
            }
        });
        boolean cash = keys.remove(ComposerBacktest.CASH);
        List<String> out = new java.util.ArrayList<>(keys);
        if (cash) {
            out.add(ComposerBacktest.CASH);
        }
        return out;
    }

    static String margin(DecisionMargins.MarginStep s) {
        return s.margin().isPresent() ? String.format(Locale.ROOT, "  [margin %.2f%%]", s.margin().getAsDouble() * 100)
                : "";
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String shortList(List<LocalDate> days) {
        List<LocalDate> head = days.subList(0, Math.min(5, days.size()));
        return head.toString().replaceAll("[\\[\\]]", "") + (days.size() > 5 ? ", ..." : "");
    }
}
