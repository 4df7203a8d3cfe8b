package io.alchemiser.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BacktestReportTest {
    static BacktestRun run;
    static String html;
    static Document doc;

    @BeforeAll
    static void render() throws Exception {
        TestPrices prices = TestPrices.swinging(400);
        run = Backtests.run(Backtests.SWITCHER.replace("\"switcher\"", "\"<b>&x\""), prices.inMemory(),
                Backtests.last(prices));
        html = BacktestReport.render(run);
        doc = parse(html);
    }

    /** Parses the report as XML: no DTD is fetched, no entity expanded. */
    static Document parse(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void isWellFormedAndSelfContained() {
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(html.toLowerCase()).doesNotContain("http://", "https://", "<script", "<link", "<img", "@import",
                "url(", "src=");
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(byTag("style")).hasSize(1);
    }

    @Test
    void escapesTheSymphonyName() {
        assertThat(html).doesNotContain("<b>&x").contains("&lt;b&gt;&amp;x");
        assertThat(byTag("title").get(0).getTextContent()).isEqualTo("Backtest: <b>&x");
        assertThat(byTag("h1").get(0).getTextContent()).isEqualTo("Backtest: <b>&x");
        assertThat(byTag("b")).isEmpty();
    }

    @Test
    void drawsTheEquityAndDrawdownChartsWithLabelledAxes() {
        List<Element> svgs = byTag("svg");
        assertThat(svgs).hasSize(2);
        for (Element svg : svgs) {
            assertThat(svg.getElementsByTagName("path").getLength()).as("a line per series").isEqualTo(2);
            List<String> texts = texts(svg.getElementsByTagName("text"));
            assertThat(texts).contains("date", "strategy", "benchmark SPY");
            assertThat(texts).as("x ticks name months of the range").contains("2023-03", "2024-01");
        }
        assertThat(texts(svgs.get(0).getElementsByTagName("text"))).contains("equity ($, log scale)");
        assertThat(texts(svgs.get(1).getElementsByTagName("text"))).contains("drawdown (%)", "0%");
        String area = ((Element) svgs.get(1).getElementsByTagName("path").item(0)).getAttribute("d");
        assertThat(area).as("the strategy's drawdown is a closed area").endsWith("Z");
    }

    @Test
    void showsMonthlyReturnsAsYearsByMonths() {
        Element table = tableWithClass("monthly");
        NodeList rows = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        MonthlyReturns m = MonthlyReturns.of(run.result().dates(), run.result().equity());
        assertThat(rows.getLength()).isEqualTo(m.years().size());
        Element first = (Element) rows.item(0);
        assertThat(first.getElementsByTagName("td").getLength()).isEqualTo(13);
        assertThat(first.getElementsByTagName("th").item(0).getTextContent()).isEqualTo("2023");
        Element february = (Element) first.getElementsByTagName("td").item(1);
        assertThat(february.getTextContent()).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f%%",
                m.month(2023, 2) * 100));
        assertThat(february.getAttribute("style")).startsWith("background:rgb(");
    }

    @Test
    void listsTheStatisticsOfBothCurvesAndTheSettings() {
        Element stats = tableWithClass("stats");
        List<String> cells = texts(stats.getElementsByTagName("th"));
        assertThat(cells).contains("Sharpe", "Sortino", "max drawdown", "Calmar", "win rate (days)",
                "turnover (annual, one-way)", "benchmark SPY");
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("test.clj", "history start", run.historyStartNote(), "rsi", "daily");
        assertThat(run.historyStartNote()).contains("<b>&x");
    }

    @Test
    void colourGoesFromWhiteToGreenOrRed() {
        assertThat(BacktestReport.colour(0)).isEqualTo("rgb(255,255,255)");
        assertThat(BacktestReport.colour(0.10)).isEqualTo("rgb(87,187,110)");
        assertThat(BacktestReport.colour(0.5)).isEqualTo("rgb(87,187,110)");
        assertThat(BacktestReport.colour(-0.10)).isEqualTo("rgb(222,94,86)");
    }

    @Test
    void writesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/report.html");
        BacktestReport.write(run, file);
        assertThat(Files.readString(file)).isEqualTo(html);
    }

    private static List<Element> byTag(String tag) {
        NodeList list = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static Element tableWithClass(String cls) {
        return byTag("table").stream().filter(t -> t.getAttribute("class").equals(cls)).findFirst().orElseThrow();
    }

    private static List<String> texts(NodeList nodes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
