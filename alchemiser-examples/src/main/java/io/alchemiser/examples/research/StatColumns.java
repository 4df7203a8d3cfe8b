package io.alchemiser.examples.research;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.examples.backtest.BacktestCsv;
import io.alchemiser.examples.backtest.BacktestJson;
import io.alchemiser.examples.format.Format;
import io.alchemiser.examples.format.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics columns every research report shows for a stretch, in one place: the text table's, the CSV
 * file's, the JSON object's and the HTML table's. A stretch that does not exist (a failed unit, no out-of-sample
 * split) has empty cells.
 */
final class StatColumns {
    /** The text and HTML columns: CAGR, max drawdown, Sharpe, Calmar, turnover, days. */
    static final List<String> SHORT = List.of("CAGR", "maxDD", "Sharpe", "Calmar", "turnover", "days");
    /** The CSV columns, without the stretch's prefix. */
    static final List<String> CSV = List.of("from", "to", "days", "total_return", "cagr", "volatility", "sharpe",
            "max_drawdown", "calmar", "turnover");

    private StatColumns() {
    }

    /** The short headers with a prefix: {@code IS CAGR}, ... */
    static List<String> headers(String prefix) {
        return SHORT.stream().map(h -> prefix + " " + h).toList();
    }

    /** The CSV headers with a prefix: {@code is_from}, ... */
    static List<String> csvHeaders(String prefix) {
        return CSV.stream().map(h -> prefix + "_" + h).toList();
    }

    static List<String> text(SegmentStats s) {
        if (s == null) {
            return List.of("", "", "", "", "", "");
        }
        return List.of(Format.percent(s.cagr()), Format.percent(s.maxDrawdown()), Format.ratio(s.sharpe()),
                Format.ratio(s.calmar()), Format.percent(s.turnover(), 0), Format.count(s.days()));
    }

    static List<String> csv(SegmentStats s) {
        List<String> out = new ArrayList<>();
        if (s == null) {
            CSV.forEach(c -> out.add(""));
            return out;
        }
        out.add(s.from().toString());
        out.add(s.to().toString());
        out.add(String.valueOf(s.days()));
        for (double v : new double[] {s.totalReturn(), s.cagr(), s.volatility(), s.sharpe(), s.maxDrawdown(),
                s.calmar(), s.turnover()}) {
            out.add(BacktestCsv.number(v));
        }
        return out;
    }

    /** The stretch as a JSON object under {@code key}, or null. */
    static void json(ObjectNode parent, String key, SegmentStats s) {
        if (s == null) {
            parent.putNull(key);
            return;
        }
        ObjectNode o = parent.putObject(key);
        o.put("from", s.from().toString());
        o.put("to", s.to().toString());
        o.put("days", s.days());
        BacktestJson.number(o, "totalReturn", s.totalReturn());
        BacktestJson.number(o, "cagr", s.cagr());
        BacktestJson.number(o, "volatility", s.volatility());
        BacktestJson.number(o, "sharpe", s.sharpe());
        BacktestJson.number(o, "maxDrawdown", s.maxDrawdown());
        BacktestJson.number(o, "calmar", s.calmar());
        BacktestJson.number(o, "turnover", s.turnover());
    }

    /** HTML cells, each with its raw value in {@code data-v} for sorting (empty for none). */
    static void html(StringBuilder sb, SegmentStats s) {
        List<String> shown = text(s);
        double[] raw = s == null ? new double[6]
                : new double[] {s.cagr(), s.maxDrawdown(), s.sharpe(), s.calmar(), s.turnover(), s.days()};
        for (int i = 0; i < shown.size(); i++) {
            cell(sb, shown.get(i), s == null ? Double.NaN : raw[i]);
        }
    }

    /** One numeric HTML cell: the text shown, the value sorted on. */
    static void cell(StringBuilder sb, String shown, double value) {
        sb.append("<td data-v=\"").append(Double.isFinite(value) ? BacktestCsv.number(value) : "").append("\">")
                .append(Html.escape(shown)).append("</td>");
    }

    /** A CSV line: fields quoted when they hold a comma, a quote or a line break. */
    static String csvLine(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            sb.append(i == 0 ? "" : ",").append(f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")
                    ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        return sb.append('\n').toString();
    }
}
