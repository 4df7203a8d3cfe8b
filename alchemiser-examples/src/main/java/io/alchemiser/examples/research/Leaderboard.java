package io.alchemiser.examples.research;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.examples.format.Html;
import io.alchemiser.examples.format.TextTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The leaderboard of a {@code rank} job: the symphonies that ran, best first by the chosen statistic — out of
 * sample when the job has an out-of-sample start, else in sample; ties by file name — then every symphony that
 * failed, with its reason. As a text table, CSV, JSON and one self-contained HTML page sortable by any column.
 */
public final class Leaderboard implements ResearchReport {
    /** The files {@link #writeTo} writes. */
    public static final List<String> FILES = List.of("leaderboard.txt", "leaderboard.csv", "leaderboard.json",
            "leaderboard.html");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ResearchJob job;
    private final Stat by;
    private final List<UnitResult> ranked;
    private final List<UnitResult> failed;

    /**
     * @param results the job's results, in unit order
     * @param by      the statistic to rank by
     */
    public Leaderboard(ResearchJob job, List<UnitResult> results, Stat by) {
        this.job = Objects.requireNonNull(job, "job");
        this.by = Objects.requireNonNull(by, "by");
        List<UnitResult> ok = new ArrayList<>();
        List<UnitResult> bad = new ArrayList<>();
        results.forEach(r -> (r.ok() ? ok : bad).add(r));
        Comparator<UnitResult> best = (a, b) -> by.compareBestFirst(by.of(a.ranked()), by.of(b.ranked()));
        ok.sort(best.thenComparing(UnitResult::file).thenComparingInt(UnitResult::index));
        this.ranked = List.copyOf(ok);
        this.failed = List.copyOf(bad);
    }

    /** The symphonies that ran, best first. */
    public List<UnitResult> ranked() {
        return ranked;
    }

    /** The symphonies that failed, in the order given. */
    public List<UnitResult> failed() {
        return failed;
    }

    private boolean split() {
        return job.settings().oosFrom() != null;
    }

    /** What was ranked and how, for the headings. */
    public String heading() {
        JobSettings s = job.settings();
        return job.units().size() + " symphon" + (job.units().size() == 1 ? "y" : "ies") + ", "
                + (s.from() == null ? "each from its history start" : "from " + s.from()) + " to " + s.to()
                + (split() ? ", out of sample from " + s.oosFrom() : "") + ", costs " + s.costs().keyword()
                + "; ranked by " + (split() ? "out-of-sample " : "") + by.label();
    }

    /** The text table, then the failures. */
    @Override
    public String text() {
        List<String> headers = new ArrayList<>(List.of("#", "symphony", "invested"));
        headers.addAll(StatColumns.headers("IS"));
        if (split()) {
            headers.addAll(StatColumns.headers("OOS"));
        }
        TextTable table = new TextTable(headers.toArray(String[]::new));
        int n = 0;
        for (UnitResult r : ranked) {
            List<Object> row = new ArrayList<>(List.of(++n, name(r), r.investedFrom().toString()));
            row.addAll(StatColumns.text(r.inSample()));
            if (split()) {
                row.addAll(StatColumns.text(r.outOfSample()));
            }
            table.row(row.toArray());
        }
        StringBuilder sb = new StringBuilder("rank: ").append(heading()).append('\n').append('\n');
        sb.append(ranked.isEmpty() ? "no symphony ran\n" : table.render());
        if (!failed.isEmpty()) {
            TextTable f = new TextTable("symphony", "failed");
            failed.forEach(r -> f.row(r.file(), r.failureText()));
            sb.append('\n').append(failed.size()).append(" failed:\n").append(f.render());
        }
        return sb.toString();
    }

    /** One CSV line per symphony, ranked ones first (rank 1..n), then the failed ones (empty rank). */
    public String csv() {
        List<String> headers = new ArrayList<>(List.of("rank", "file", "symphony", "status", "failure", "reason",
                "invested_from"));
        headers.addAll(StatColumns.csvHeaders("is"));
        headers.addAll(StatColumns.csvHeaders("oos"));
        StringBuilder sb = new StringBuilder(StatColumns.csvLine(headers));
        int n = 0;
        for (UnitResult r : ranked) {
            sb.append(csvRow(String.valueOf(++n), r));
        }
        for (UnitResult r : failed) {
            sb.append(csvRow("", r));
        }
        return sb.toString();
    }

    private static String csvRow(String rank, UnitResult r) {
        List<String> f = new ArrayList<>(List.of(rank, r.file(), r.symphony(), r.ok() ? "ok" : "failed",
                r.ok() ? "" : r.failure().name().toLowerCase(java.util.Locale.ROOT), r.reason(),
                r.investedFrom() == null ? "" : r.investedFrom().toString()));
        f.addAll(StatColumns.csv(r.inSample()));
        f.addAll(StatColumns.csv(r.outOfSample()));
        return StatColumns.csvLine(f);
    }

    /**
     * One JSON object: {@code job} (kind, from, to, oosFrom, costs, benchmark, units), {@code rankedBy},
     * {@code ranked} (rank, file, symphony, investedFrom, inSample, outOfSample) and {@code failed} (file,
     * symphony, failure, reason).
     */
    @Override
    public String json() {
        ObjectNode root = MAPPER.createObjectNode();
        ResearchJson.job(root.putObject("job"), job);
        root.put("rankedBy", (split() ? "outOfSample." : "inSample.") + by.keyword());
        ArrayNode rows = root.putArray("ranked");
        int n = 0;
        for (UnitResult r : ranked) {
            ObjectNode o = rows.addObject();
            o.put("rank", ++n);
            ResearchJson.result(o, r);
        }
        ArrayNode bad = root.putArray("failed");
        failed.forEach(r -> ResearchJson.result(bad.addObject(), r));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialise: " + e.getMessage(), e);
        }
    }

    /** The page: the sortable leaderboard, then the failures. */
    public String html() {
        StringBuilder sb = ResearchHtml.page("Leaderboard");
        sb.append("<p class=\"sub\">").append(Html.escape(heading())).append(". Click a column to sort.</p>\n");
        sb.append("<table class=\"sortable\">\n<thead><tr><th>#</th><th class=\"text\">symphony</th>")
                .append("<th class=\"text\">file</th><th class=\"text\">invested</th>");
        for (String h : StatColumns.headers("IS")) {
            sb.append("<th>").append(Html.escape(h)).append("</th>");
        }
        if (split()) {
            for (String h : StatColumns.headers("OOS")) {
                sb.append("<th>").append(Html.escape(h)).append("</th>");
            }
        }
        sb.append("</tr></thead>\n<tbody>\n");
        int n = 0;
        for (UnitResult r : ranked) {
            sb.append("<tr>");
            StatColumns.cell(sb, String.valueOf(++n), n);
            sb.append("<td class=\"text\">").append(Html.escape(r.symphony())).append("</td><td class=\"text\">")
                    .append(Html.escape(r.file())).append("</td><td class=\"text\">").append(r.investedFrom())
                    .append("</td>");
            StatColumns.html(sb, r.inSample());
            if (split()) {
                StatColumns.html(sb, r.outOfSample());
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        if (!failed.isEmpty()) {
            sb.append("<h2>Failed (").append(failed.size()).append(")</h2>\n<table class=\"sortable\">\n")
                    .append("<thead><tr><th class=\"text\">file</th><th class=\"text\">failure</th>")
                    .append("<th class=\"text\">reason</th></tr></thead>\n<tbody>\n");
            for (UnitResult r : failed) {
                sb.append("<tr><td class=\"text\">").append(Html.escape(r.file())).append("</td><td class=\"text\">")
                        .append(Html.escape(r.failure().label())).append("</td><td class=\"text\">")
                        .append(Html.escape(r.reason())).append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
        }
        ResearchHtml.end(sb);
        return sb.toString();
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

    private static String name(UnitResult r) {
        String file = r.file().replace('\\', '/');
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
