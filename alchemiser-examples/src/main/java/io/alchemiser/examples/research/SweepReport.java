package io.alchemiser.examples.research;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.examples.format.Html;
import io.alchemiser.examples.format.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The report of a {@code sweep} job: every combination's statistics in unit order, the original parameters marked
 * ({@code *}), the {@link Robustness} figure of the chosen statistic in sample (and out of sample with a split), and
 * for one or two varied literals a heatmap of the statistic. As a text table, CSV, JSON and one self-contained HTML
 * page (the heatmaps, then the table, sortable).
 */
public final class SweepReport implements ResearchReport {
    /** The files {@link #writeTo} writes. */
    public static final List<String> FILES = List.of("sweep.txt", "sweep.csv", "sweep.json", "sweep.html");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ResearchJob job;
    private final List<UnitResult> results;
    private final Stat stat;
    private final int original;
    private final List<Robustness> robustness;

    /**
     * @param results the job's results, in unit order
     * @param stat    the statistic of the heatmaps and the robustness figure
     */
    public SweepReport(ResearchJob job, List<UnitResult> results, Stat stat) {
        this.job = Objects.requireNonNull(job, "job");
        this.results = List.copyOf(results);
        this.stat = Objects.requireNonNull(stat, "stat");
        if (job.kind() != ResearchJob.Kind.SWEEP || results.size() != job.units().size()) {
            throw new IllegalArgumentException("a sweep report needs a sweep job and one result per unit");
        }
        this.original = SweepJobs.originalUnit(job);
        List<Robustness> figures = new ArrayList<>(List.of(Robustness.around(job, results, stat, false)));
        if (split()) {
            figures.add(Robustness.around(job, results, stat, true));
        }
        this.robustness = List.copyOf(figures);
    }

    /** The robustness figure in sample, then out of sample when the job has a split. */
    public List<Robustness> robustness() {
        return robustness;
    }

    private boolean split() {
        return job.settings().oosFrom() != null;
    }

    /** What was swept, for the headings. */
    public String heading() {
        JobSettings s = job.settings();
        List<String> vs = new ArrayList<>();
        for (Vary v : job.varied()) {
            vs.add(v.position() + " (" + v.original() + ") over " + v.values().size() + " values "
                    + v.values().get(0) + ".." + v.values().get(v.values().size() - 1)
                    + (v.originalAdded() ? ", the original added" : ""));
        }
        return job.sources().get(0).shortName() + ": " + results.size() + " combinations of " + String.join("; ", vs)
                + "; " + (s.from() == null ? "from the history start" : "from " + s.from()) + " to " + s.to()
                + (split() ? ", out of sample from " + s.oosFrom() : "") + ", costs " + s.costs().keyword();
    }

    /** The heading, the robustness figures, then one row per combination. */
    @Override
    public String text() {
        List<String> headers = new ArrayList<>(List.of(""));
        job.varied().forEach(v -> headers.add(v.position()));
        headers.addAll(StatColumns.headers("IS"));
        if (split()) {
            headers.addAll(StatColumns.headers("OOS"));
        }
        headers.add("failed");
        TextTable table = new TextTable(headers.toArray(String[]::new));
        for (UnitResult r : results) {
            List<Object> row = new ArrayList<>();
            row.add(r.index() == original ? "*" : "");
            row.addAll(r.parameters());
            row.addAll(StatColumns.text(r.inSample()));
            if (split()) {
                row.addAll(StatColumns.text(r.outOfSample()));
            }
            row.add(r.failureText());
            table.row(row.toArray());
        }
        StringBuilder sb = new StringBuilder("sweep: ").append(heading()).append("\n\n");
        robustness.forEach(f -> sb.append(f.sentence(job.varied())).append('\n'));
        return sb.append("\n(* marks the original parameters)\n").append(table.render()).toString();
    }

    /** One CSV line per combination, in unit order. */
    public String csv() {
        List<String> headers = new ArrayList<>(List.of("unit", "original"));
        job.varied().forEach(v -> headers.add("value_" + v.line() + "_" + v.column()));
        headers.addAll(List.of("status", "failure", "reason", "invested_from"));
        headers.addAll(StatColumns.csvHeaders("is"));
        headers.addAll(StatColumns.csvHeaders("oos"));
        StringBuilder sb = new StringBuilder(StatColumns.csvLine(headers));
        for (UnitResult r : results) {
            List<String> f = new ArrayList<>(List.of(String.valueOf(r.index()), String.valueOf(r.index() == original)));
            f.addAll(r.parameters());
            f.addAll(List.of(r.ok() ? "ok" : "failed", r.ok() ? "" : r.failure().name().toLowerCase(java.util.Locale.ROOT),
                    r.reason(), r.investedFrom() == null ? "" : r.investedFrom().toString()));
            f.addAll(StatColumns.csv(r.inSample()));
            f.addAll(StatColumns.csv(r.outOfSample()));
            sb.append(StatColumns.csvLine(f));
        }
        return sb.toString();
    }

    /**
     * One JSON object: {@code job}, {@code file}, {@code varied} (position, original, values, originalAdded),
     * {@code statistic}, {@code robustness} (one per stretch), {@code results} (each with {@code original}).
     */
    @Override
    public String json() {
        ObjectNode root = MAPPER.createObjectNode();
        ResearchJson.job(root.putObject("job"), job);
        root.put("file", job.sources().get(0).file());
        ArrayNode varied = root.putArray("varied");
        for (Vary v : job.varied()) {
            ObjectNode o = varied.addObject();
            o.put("position", v.position());
            o.put("original", v.original());
            ArrayNode values = o.putArray("values");
            v.values().forEach(values::add);
            o.put("originalAdded", v.originalAdded());
        }
        root.put("statistic", stat.keyword());
        ArrayNode figures = root.putArray("robustness");
        for (Robustness f : robustness) {
            ObjectNode o = figures.addObject();
            o.put("stretch", f.stretch());
            io.alchemiser.examples.backtest.BacktestJson.number(o, "original", f.original());
            o.put("neighbours", f.neighbours());
            o.put("failedNeighbours", f.failedNeighbours());
            io.alchemiser.examples.backtest.BacktestJson.number(o, "worst", f.worst());
            ArrayNode at = o.putArray("worstAt");
            f.worstAt().forEach(at::add);
            io.alchemiser.examples.backtest.BacktestJson.number(o, "fall", f.fall());
            io.alchemiser.examples.backtest.BacktestJson.number(o, "relativeFall", f.relativeFall());
            o.put("lonePeak", f.lonePeak());
        }
        ArrayNode rows = root.putArray("results");
        for (UnitResult r : results) {
            ObjectNode o = rows.addObject();
            o.put("unit", r.index());
            o.put("original", r.index() == original);
            ResearchJson.result(o, r);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialise: " + e.getMessage(), e);
        }
    }

    /** The page: for one or two varied literals a heatmap per stretch; the robustness figures; the table. */
    public String html() {
        StringBuilder sb = ResearchHtml.page("Sweep: " + job.sources().get(0).shortName());
        sb.append("<p class=\"sub\">").append(Html.escape(heading())).append("</p>\n");
        for (Robustness f : robustness) {
            sb.append("<h2>").append(Html.escape(f.stretch() + " " + f.stat().label())).append("</h2>\n");
            sb.append(f.lonePeak() ? "<p class=\"warning\">" : "<p>").append(Html.escape(f.sentence(job.varied())))
                    .append("</p>\n");
            if (job.varied().size() <= 2) {
                heatmap(sb, f.stretch().equals("out-of-sample"));
            }
        }
        if (job.varied().size() > 2) {
            sb.append("<p>No heatmap: ").append(job.varied().size()).append(" literals are varied (a heatmap shows one "
                    + "or two).</p>\n");
        }
        table(sb);
        ResearchHtml.end(sb);
        return sb.toString();
    }

    private void heatmap(StringBuilder sb, boolean outOfSample) {
        List<Vary> varied = job.varied();
        Vary columns = varied.get(varied.size() - 1);
        int rows = varied.size() == 2 ? varied.get(0).values().size() : 1;
        double worst = Double.NaN;
        double best = Double.NaN;
        for (UnitResult r : results) {
            double v = stat.of(outOfSample ? r.outOfSample() : r.inSample());
            if (!Double.isNaN(v)) {
                worst = Double.isNaN(worst) || stat.compareBestFirst(v, worst) > 0 ? v : worst;
                best = Double.isNaN(best) || stat.compareBestFirst(v, best) < 0 ? v : best;
            }
        }
        sb.append("<table class=\"heatmap\">\n<thead><tr><th>")
                .append(varied.size() == 2 ? Html.escape(varied.get(0).position() + " \u2193 / ") : "")
                .append(Html.escape(columns.position() + " \u2192")).append("</th>");
        for (String c : columns.values()) {
            sb.append("<th>").append(Html.escape(c)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int row = 0; row < rows; row++) {
            sb.append("<tr><th>").append(varied.size() == 2 ? Html.escape(varied.get(0).values().get(row)) : "")
                    .append("</th>");
            for (int col = 0; col < columns.values().size(); col++) {
                UnitResult r = results.get(row * columns.values().size() + col);
                double v = stat.of(outOfSample ? r.outOfSample() : r.inSample());
                sb.append("<td").append(r.index() == original ? " class=\"original\"" : "").append(" style=\"background:")
                        .append(ResearchHtml.colour(v, worst, best)).append("\" title=\"")
                        .append(Html.escape(String.join(", ", r.parameters())
                                + (r.ok() ? "" : ": " + r.failureText())))
                        .append("\">").append(Html.escape(r.ok() ? stat.format(v) : "failed")).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n<p class=\"sub\">The outlined cell is the original parameters; green is the "
                + "best value of the grid, red the worst, grey a combination that failed.</p>\n");
    }

    private void table(StringBuilder sb) {
        sb.append("<h2>Every combination</h2>\n<table class=\"sortable\">\n<thead><tr><th>unit</th>");
        job.varied().forEach(v -> sb.append("<th>").append(Html.escape(v.position())).append("</th>"));
        StatColumns.headers("IS").forEach(h -> sb.append("<th>").append(Html.escape(h)).append("</th>"));
        if (split()) {
            StatColumns.headers("OOS").forEach(h -> sb.append("<th>").append(Html.escape(h)).append("</th>"));
        }
        sb.append("<th class=\"text\">failed</th></tr></thead>\n<tbody>\n");
        for (UnitResult r : results) {
            sb.append(r.index() == original ? "<tr class=\"original\">" : "<tr>");
            StatColumns.cell(sb, r.index() + (r.index() == original ? " *" : ""), r.index());
            for (String p : r.parameters()) {
                StatColumns.cell(sb, p, Double.parseDouble(p));
            }
            StatColumns.html(sb, r.inSample());
            if (split()) {
                StatColumns.html(sb, r.outOfSample());
            }
            sb.append("<td class=\"text\">").append(Html.escape(r.failureText())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    /** Writes {@link #FILES} to {@code sink}. */
    @Override
    public List<String> files() {
        return FILES;
    }

    @Override
    public void writeTo(OutputSink sink) {
        sink.write(FILES.get(0), text());
        sink.write(FILES.get(1), csv());
        sink.write(FILES.get(2), json());
        sink.write(FILES.get(3), html());
    }
}
