package io.alchemiser.examples.backtest;

import io.alchemiser.examples.format.Format;
import io.alchemiser.examples.format.Text;
import io.alchemiser.examples.format.TextTable;
import java.time.LocalDate;
import java.util.List;
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
        sb.append("parity: ").append(Text.oneLine(e.file())).append(" '").append(Text.oneLine(e.name()))
                .append("' against Composer's backtest (series ").append(Text.oneLine(p.composer().series())).append(")\n");
        sb.append("days ").append(p.composer().firstDay()).append(" .. ").append(p.composer().lastDay()).append(": ")
                .append(Format.count(p.compared())).append(" compared, ").append(Format.count(p.matching()))
                .append(" match within ").append(BacktestSummary.plain(p.tolerance() * 100)).append(" points (")
                .append(Format.percent(p.matchShare())).append(")\n");
        if (!p.notReplayed().isEmpty()) {
            sb.append(Format.count(p.notReplayed().size())).append(" of Composer's days have no close here: ")
                    .append(shortList(p.notReplayed())).append('\n');
        }
        sb.append("rule: ").append(run.result().sleeves().get(0).rule().keyword()).append("; costs: ")
                .append(SymphonyBacktest.describeCosts(run.settings())).append('\n');
        ParityResult.Returns r = p.returns();
        sb.append("daily returns (").append(Format.count(r.days())).append("): correlation ")
                .append(Format.decimal(r.correlation(), 4)).append(", tracking error ")
                .append(Format.percent(r.trackingError())).append(" a year; total return here ")
                .append(Format.percent(r.ourReturn())).append(", on Composer ").append(Format.percent(r.composerReturn()))
                .append('\n');
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
        sb.append('\n').append(title).append(": ").append(v.date()).append(" (largest weight difference ")
                .append(BacktestSummary.plain(Math.round(v.difference() * 10_000) / 100.0)).append(" points)\n");
        TextTable table = new TextTable("holding", "here", "Composer").indent("  ");
        for (String key : keys(v.ours(), v.theirs())) {
            table.row(key.equals(ComposerBacktest.CASH) ? "cash" : key, Format.percent(v.ours().getOrDefault(key, 0.0)),
                    Format.percent(v.theirs().getOrDefault(key, 0.0)));
        }
        sb.append(table.render());
        sb.append("  decision path of ").append(v.pathDate())
                .append(v.pathDate().equals(v.date()) ? "" : " (the last rebalance on or before it)").append(":\n");
        for (DecisionMargins.MarginStep s : v.path()) {
            sb.append("    ").append(Text.oneLine(String.valueOf(s.step()))).append(margin(s)).append('\n');
        }
        if (v.decisive().isPresent()) {
            sb.append("  decided by: ").append(Text.oneLine(String.valueOf(v.decisive().get().step())))
                    .append(margin(v.decisive().get()))
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
        return s.margin().isPresent() ? "  [margin " + Format.percent(s.margin().getAsDouble()) + "]" : "";
    }

    private static String shortList(List<LocalDate> days) {
        List<LocalDate> head = days.subList(0, Math.min(5, days.size()));
        return head.toString().replaceAll("[\\[\\]]", "") + (days.size() > 5 ? ", ..." : "");
    }
}
