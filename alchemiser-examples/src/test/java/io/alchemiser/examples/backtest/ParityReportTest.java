package io.alchemiser.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The text, JSON and HTML of one parity report with a known first and worst divergence. */
class ParityReportTest {
    static ParityResult p;
    static LocalDate first;
    static LocalDate worst;

    @BeforeAll
    static void check() {
        ComposerFixtures f = ParityCheckTest.fixture();
        first = f.dates().get(20);
        worst = f.dates().get(90);
        p = ParityCheckTest.check(f.shiftToCash(first, 0.02).shiftToCash(worst, 0.30));
    }

    @Test
    void theTextSaysHowManyDaysMatchAndWhatDecidedEachDivergence() {
        String text = ParityText.render(p);
        assertThat(text).contains("parity: switcher.clj 'switcher' against Composer's backtest (series sym-abc123)")
                .contains("150 compared, 148 match within 0.5 points (98.67%)")
                .contains("rule: daily")
                .contains("daily returns (149): correlation 1.0000, tracking error 0.00% a year")
                .contains("first divergence: " + first + " (largest weight difference 2 points)")
                .contains("worst divergence: " + worst + " (largest weight difference 30 points)")
                .contains("decision path of " + first + ":")
                .contains("decided by: switcher.clj:2:").contains("[margin ");
    }

    @Test
    void theJsonCarriesTheCountsTheReturnsAndBothDivergences() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ParityJson.render(p));
        assertThat(root.get("days").get("compared").asInt()).isEqualTo(150);
        assertThat(root.get("days").get("matching").asInt()).isEqualTo(148);
        assertThat(root.get("returns").get("correlation").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(root.get("firstDivergence").get("date").asText()).isEqualTo(first.toString());
        assertThat(root.get("worstDivergence").get("difference").asDouble()).isCloseTo(0.30, within(1e-9));
        assertThat(root.get("firstDivergence").get("decidedBy").get("location").asText()).startsWith("switcher.clj:2:");
        assertThat(root.get("firstDivergence").get("path").get(0).get("margin").isNumber()).isTrue();
        assertThat(root.get("dailyDifferences")).hasSize(150);
        assertThat(root.get("composer").get("stats").has("cumulative_return")).isTrue();
        assertThat(root.get("symphony").get("rule").asText()).isEqualTo("daily");
    }

    @Test
    void theHtmlIsWellFormedSelfContainedAndShowsBothDivergences() throws Exception {
        String html = ParityHtml.render(p);
        Document doc = BacktestReportTest.parse(html);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(html.toLowerCase()).doesNotContain("http://", "https://", "<script", "<link", "<img", "src=");
        assertThat(html).contains("<h2>First divergence</h2>", "<h2>Worst divergence</h2>", "<svg",
                "Decided by switcher.clj:2:", "148 of 150 (98.67%)");
    }
}
