package io.alchemiser.examples.research;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The leaderboard's and the sweep's files: text, CSV, JSON, and self-contained HTML pages. */
class ReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A rank job of three symphonies (one named with markup), one of which failed. */
    private static ResearchJob rankJob(LocalDate oos) {
        List<SymphonySource> sources = List.of(new SymphonySource("lib/a.clj", ""), new SymphonySource("lib/b.clj", ""),
                new SymphonySource("lib/c.clj", ""));
        List<Unit> units = List.of(new Unit(0, 0, List.of()), new Unit(1, 1, List.of()), new Unit(2, 2, List.of()));
        return new ResearchJob(ResearchJob.Kind.RANK, sources, units, List.of(),
                new JobSettings(null, Fixtures.D.plusDays(300), oos, JobSettings.Costs.COMPOSER, 10_000, "SPY", 0,
                        io.alchemiser.core.application.portfolio.RebalanceAnchor.FIRST_TRADING_DAY),
                PriceSource.folder(Path.of("p")), java.util.Set.of("SPY"));
    }

    private static List<UnitResult> rankResults(ResearchJob job) {
        List<UnitResult> out = new ArrayList<>();
        out.add(new UnitResult(0, "lib/a.clj", "Alpha", List.of(), null, "", Fixtures.D, Fixtures.stats(0.5),
                job.settings().oosFrom() == null ? null : Fixtures.stats(0.25)));
        out.add(UnitResult.failed(job.units().get(1), "lib/b.clj", "Beta", List.of(), UnitResult.Failure.MISSING_DATA,
                "no bars for UNH: UNH.csv does not exist in prices"));
        out.add(new UnitResult(2, "lib/c.clj", "<script>alert(1)</script>", List.of(), null, "", Fixtures.D,
                Fixtures.stats(1.5), job.settings().oosFrom() == null ? null : Fixtures.stats(0.75)));
        return out;
    }

    @Test
    void theTextTableRanksBestFirstAndListsTheFailuresWithTheirReasons() {
        ResearchJob job = rankJob(null);
        String text = new Leaderboard(job, rankResults(job), Stat.SHARPE).text();
        assertThat(text).startsWith("rank: 3 symphonies, each from its history start to 2024-10-28, costs composer; "
                + "ranked by Sharpe\n");
        List<String> lines = text.lines().toList();
        assertThat(lines.get(2)).startsWith("#  symphony  invested    IS CAGR  IS maxDD  IS Sharpe  IS Calmar");
        assertThat(lines.get(4)).startsWith("1  c.clj     2024-01-02   15.00%    10.00%       1.50       1.50");
        assertThat(lines.get(5)).startsWith("2  a.clj");
        assertThat(text).contains("1 failed:\n").contains(
                "lib/b.clj  missing data: no bars for UNH: UNH.csv does not exist in prices");
    }

    @Test
    void theCsvHasEveryStatisticInFullPrecisionAndTheFailuresAfterTheRanks() {
        ResearchJob job = rankJob(LocalDate.of(2024, 6, 3));
        String csv = new Leaderboard(job, rankResults(job), Stat.SHARPE).csv();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("rank,file,symphony,status,failure,reason,invested_from,is_from,is_to,is_days,"
                + "is_total_return,is_cagr,is_volatility,is_sharpe,is_max_drawdown,is_calmar,is_turnover,oos_from");
        assertThat(lines.get(1)).startsWith("1,lib/c.clj,<script>alert(1)</script>,ok,,,2024-01-02,2024-01-02,2024-10-28,"
                + "200,0.15,0.15,0.2,1.5,0.1,1.5,2,2024-01-02");
        assertThat(lines.get(3)).isEqualTo("," + "lib/b.clj,Beta,failed,missing_data,"
                + "no bars for UNH: UNH.csv does not exist in prices" + ",".repeat(21));
    }

    @Test
    void theJsonHoldsTheJobTheRankedRowsAndTheFailures() throws Exception {
        ResearchJob job = rankJob(LocalDate.of(2024, 6, 3));
        JsonNode root = JSON.readTree(new Leaderboard(job, rankResults(job), Stat.CAGR).json());
        assertThat(root.at("/job/oosFrom").asText()).isEqualTo("2024-06-03");
        assertThat(root.at("/job/costs").asText()).isEqualTo("composer");
        assertThat(root.get("rankedBy").asText()).isEqualTo("outOfSample.cagr");
        assertThat(root.at("/ranked/0/rank").asInt()).isEqualTo(1);
        assertThat(root.at("/ranked/0/file").asText()).isEqualTo("lib/c.clj");
        assertThat(root.at("/ranked/0/outOfSample/sharpe").asDouble()).isEqualTo(0.75);
        assertThat(root.at("/failed/0/failure").asText()).isEqualTo("missing_data");
        assertThat(root.at("/failed/0/inSample").isNull()).isTrue();
    }

    @Test
    void theLeaderboardPageIsSelfContainedSortableAndEscapesNames() throws Exception {
        ResearchJob job = rankJob(LocalDate.of(2024, 6, 3));
        String html = new Leaderboard(job, rankResults(job), Stat.SHARPE).html();
        Document page = xml(html);
        assertSelfContained(page, html);
        NodeList tables = page.getElementsByTagName("table");
        assertThat(tables.getLength()).isEqualTo(2);
        Element board = (Element) tables.item(0);
        assertThat(board.getAttribute("class")).isEqualTo("sortable");
        assertThat(board.getElementsByTagName("th").getLength()).isEqualTo(4 + 6 + 6);
        Element firstRow = (Element) board.getElementsByTagName("tbody").item(0).getFirstChild().getNextSibling();
        assertThat(firstRow.getTextContent()).contains("<script>alert(1)</script>");
        Element sharpe = (Element) firstRow.getElementsByTagName("td").item(6);
        assertThat(sharpe.getAttribute("data-v")).isEqualTo("1.5");
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page.getElementsByTagName("script").item(0).getTextContent()).contains("querySelectorAll");
    }

    @Test
    void aTwoLiteralSweepPageHasAHeatmapPerStretchWithTheOriginalOutlined() throws Exception {
        ResearchJob job = Fixtures.sweep3x3(LocalDate.of(2024, 6, 3));
        SweepReport report = new SweepReport(job, Fixtures.results(job, 0.5, 0.6, 0.4, 0.7, 2.0, 0.9, 0.3, 0.8,
                Double.NaN), Stat.SHARPE);
        String html = report.html();
        Document page = xml(html);
        assertSelfContained(page, html);
        List<Element> heatmaps = new ArrayList<>();
        NodeList tables = page.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element t = (Element) tables.item(i);
            if (t.getAttribute("class").equals("heatmap")) {
                heatmaps.add(t);
            }
        }
        assertThat(heatmaps).hasSize(2);
        NodeList cells = heatmaps.get(0).getElementsByTagName("td");
        assertThat(cells.getLength()).isEqualTo(9);
        for (int i = 0; i < 9; i++) {
            Element td = (Element) cells.item(i);
            assertThat(td.getAttribute("class")).isEqualTo(i == 4 ? "original" : "");
        }
        assertThat(cells.item(4).getTextContent()).isEqualTo("2.00");
        assertThat(((Element) cells.item(4)).getAttribute("style")).isEqualTo("background:rgb(87,187,110)");
        assertThat(((Element) cells.item(6)).getAttribute("style")).isEqualTo("background:rgb(222,94,86)");
        assertThat(cells.item(8).getTextContent()).isEqualTo("failed");
        assertThat(html).contains("Within one step (8 neighbours, 1 of which failed) it falls to 0.30 at 2:30=7, "
                + "2:34=40: by 1.70 (85% of it).").doesNotContain("lone peak");
    }

    @Test
    void theSweepTextMarksTheOriginalAndStatesTheRobustnessFigure() {
        ResearchJob job = Fixtures.sweep3x3(null);
        SweepReport report = new SweepReport(job, Fixtures.results(job, 1.8, 1.9, 1.7, 1.9, 2.0, 1.95, 1.6, 1.85, 1.9),
                Stat.SHARPE);
        String text = report.text();
        assertThat(text).contains("s.clj: 9 combinations of 2:30 (5) over 3 values 3..7; 2:34 (50) over 3 values 40..60")
                .contains("in-sample Sharpe at the original parameters: 2.00. Within one step (8 neighbours) it falls "
                        + "to 1.60 at 2:30=7, 2:34=40: by 0.40 (20% of it).");
        assertThat(text.lines().filter(l -> l.startsWith("*")).toList()).singleElement().asString()
                .matches("\\*\\s+5\\s+50\\s+20\\.00%\\s+10\\.00%\\s+2\\.00\\s.*");
        assertThat(report.csv().lines().toList().get(5)).startsWith("4,true,5,50,ok,,,2024-01-02,");
    }

    @Test
    void threeVariedLiteralsHaveNoHeatmapButTheTable() throws Exception {
        ResearchJob two = Fixtures.sweep3x3(null);
        List<Vary> varied = new ArrayList<>(two.varied());
        varied.add(new Vary(1, 1, "1", List.of("1"), 0, false));
        List<Unit> units = two.units().stream().map(u -> {
            List<Unit.Parameter> p = new ArrayList<>(u.parameters());
            p.add(new Unit.Parameter(1, 1, "1"));
            return new Unit(u.index(), 0, p);
        }).toList();
        ResearchJob three = new ResearchJob(two.kind(), two.sources(), units, varied, two.settings(), two.prices(),
                two.symbols());
        String html = new SweepReport(three, Fixtures.results(three, 1, 1, 1, 1, 1, 1, 1, 1, 1), Stat.CAGR).html();
        assertThat(html).doesNotContain("class=\"heatmap\"").contains("No heatmap: 3 literals are varied");
        assertThat(xml(html).getElementsByTagName("table").getLength()).isEqualTo(1);
    }

    @Test
    void theFilesAreWrittenIntoTheOutputFolder(@TempDir Path dir) throws Exception {
        ResearchJob job = rankJob(null);
        new Leaderboard(job, rankResults(job), Stat.SHARPE).writeTo(OutputSink.directory(dir.resolve("out")));
        for (String f : Leaderboard.FILES) {
            assertThat(Files.size(dir.resolve("out").resolve(f))).as(f).isPositive();
        }
    }

    private static Document xml(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** No stylesheet, script, image or font is fetched: the page works offline. */
    private static void assertSelfContained(Document page, String html) {
        assertThat(page.getElementsByTagName("link").getLength()).isZero();
        assertThat(page.getElementsByTagName("img").getLength()).isZero();
        NodeList scripts = page.getElementsByTagName("script");
        for (int i = 0; i < scripts.getLength(); i++) {
            assertThat(((Element) scripts.item(i)).hasAttribute("src")).isFalse();
        }
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("@import");
    }
}
