package io.alchemiser.examples.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The app's one way to write numbers and text for people, with the edge cases each rule exists for. */
class FormatTest {
    private static final String ESC = "\u001b";

    @Test
    void percentHasTwoDecimalsRoundsHalfUpAndNeverShowsMinusZero() {
        assertThat(Format.percent(0.175)).isEqualTo("17.50%");
        assertThat(Format.percent(1.0)).isEqualTo("100.00%");
        assertThat(Format.percent(1.0 / 3.0)).isEqualTo("33.33%");
        assertThat(Format.percent(0.0)).isEqualTo("0.00%");
        assertThat(Format.percent(-0.00001)).isEqualTo("0.00%");
        assertThat(Format.percent(0.000125)).isEqualTo("0.01%");
        assertThat(Format.percent(-0.123456)).isEqualTo("-12.35%");
        assertThat(Format.percent(12.5)).isEqualTo("1250.00%");
        assertThat(Format.percent(0.0456, 1)).isEqualTo("4.6%");
        assertThat(Format.percent(0.0456, 0)).isEqualTo("5%");
        assertThat(Format.percent(new BigDecimal("0.01"), 2)).isEqualTo("1.00%");
    }

    @Test
    void aNumberThatIsNotFinitePrintsAsNotAvailable() {
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThat(List.of(Format.percent(v), Format.money(v), Format.ratio(v), Format.count(v),
                    Format.decimal(v, 4))).containsOnly("n/a");
        }
    }

    @Test
    void signedPercentMarksGainsAndLeavesZeroBare() {
        assertThat(Format.signedPercent(new BigDecimal("0.01"))).isEqualTo("+1.00%");
        assertThat(Format.signedPercent(new BigDecimal("-0.0131"))).isEqualTo("-1.31%");
        assertThat(Format.signedPercent(new BigDecimal("0.00001"))).isEqualTo("0.00%");
    }

    @Test
    void moneyIsCentsWithSeparatorsAndTheSignBeforeTheDollar() {
        assertThat(Format.money(new BigDecimal("1234.5"))).isEqualTo("$1,234.50");
        assertThat(Format.money(new BigDecimal("-3"))).isEqualTo("-$3.00");
        assertThat(Format.money(new BigDecimal("0.005"))).isEqualTo("$0.00"); // the ledger's half-even cents
        assertThat(Format.money(new BigDecimal("0.015"))).isEqualTo("$0.02");
        assertThat(Format.money(new BigDecimal("-0.001"))).isEqualTo("$0.00");
        assertThat(Format.money(new BigDecimal("1234567890.129"))).isEqualTo("$1,234,567,890.13");
        assertThat(Format.money((BigDecimal) null)).isEqualTo("-");
        assertThat(Format.money(12345.678)).isEqualTo("$12,345.68");
        assertThat(Format.money(-1234.0)).isEqualTo("-$1,234.00");
        assertThat(Format.signedMoney(new BigDecimal("1000"))).isEqualTo("+$1,000.00");
        assertThat(Format.signedMoney(new BigDecimal("-1345.67"))).isEqualTo("-$1,345.67");
        assertThat(Format.signedMoney(BigDecimal.ZERO)).isEqualTo("$0.00");
    }

    @Test
    void outputDoesNotDependOnTheMachinesLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Format.money(new BigDecimal("1234.5"))).isEqualTo("$1,234.50");
            assertThat(Format.percent(0.5)).isEqualTo("50.00%");
            assertThat(Format.count(12345)).isEqualTo("12,345");
            assertThat(Format.ratio(1.2345)).isEqualTo("1.23");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void ratiosDecimalsCountsQuantitiesAndPrices() {
        assertThat(Format.ratio(1.005)).isEqualTo("1.01");
        assertThat(Format.ratio(-0.001)).isEqualTo("0.00");
        assertThat(Format.decimal(0.5, 4)).isEqualTo("0.5000");
        assertThat(Format.count(12345.5)).isEqualTo("12,346");
        assertThat(Format.count(0)).isEqualTo("0");
        assertThat(Format.plain(0.5 + 0.4, 6)).isEqualTo("0.9");
        assertThat(Format.plain(0.1 + 0.2, 6)).isEqualTo("0.3");
        assertThat(Format.plain(2.0, 6)).isEqualTo("2");
        assertThat(Format.plain(1.0000005, 6)).isEqualTo("1.000001");
        assertThat(Format.quantity(new BigDecimal("10.500"))).isEqualTo("10.5");
        assertThat(Format.quantity(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Format.quantity(new BigDecimal("0.000"))).isEqualTo("0");
        assertThat(Format.price(new BigDecimal("151.7000"))).isEqualTo("151.7000");
        assertThat(Format.price(null)).isEqualTo("-");
        assertThatThrownBy(() -> Format.decimal(1, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneLineKeepsAValueOnItsLineAndDisarmsEscapeSequences() {
        assertThat(Text.oneLine("Nuclear")).isSameAs("Nuclear");
        assertThat(Text.oneLine("a\r\nb\nc\rd\te")).isEqualTo("a b c d e");
        assertThat(Text.oneLine("evil" + ESC + "[2J" + ESC + "]0;pwned\u0007")).isEqualTo("evil\uFFFD[2J\uFFFD]0;pwned\uFFFD");
        assertThat(Text.oneLine("del\u007f c1\u009b bidi\u202e iso\u2067")).isEqualTo("del\uFFFD c1\uFFFD bidi\uFFFD iso\uFFFD");
        assertThat(Text.oneLine("émoji 📈 ünïcode")).isEqualTo("émoji 📈 ünïcode");
        assertThat(Text.oneLine(null)).isEmpty();
    }

    @Test
    void htmlEscapesMarkupQuotesAndControlCharacters() {
        assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
        assertThat(Html.escape("bell\u0007 esc" + ESC + " nul\u0000 c1\u0085 rlo\u202e")).isEqualTo(
                "bell\uFFFD esc\uFFFD nul\uFFFD c1\uFFFD rlo\uFFFD");
        assertThat(Html.escape("tab\tline\nbreak\r")).isEqualTo("tab\tline\nbreak\r");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void aTableAlignsColumnsRightAlignsNumbersAndCleansEveryCell() {
        String table = new TextTable("symbol", "weight", "strategies")
                .row("SPY", "60.00%", "Nuclear 60.00%")
                .row("TLT", "5.00%", "evil" + ESC + "[2J\nname")
                .under("    why: a.clj:1:1")
                .row("cash", "-$3.00", null)
                .render();
        assertThat(table).isEqualTo("""
                symbol  weight  strategies
                ------  ------  --------------
                SPY     60.00%  Nuclear 60.00%
                TLT      5.00%  evil\uFFFD[2J name
                    why: a.clj:1:1
                cash    -$3.00
                """);
    }

    @Test
    void aTableCountsCodePointsIndentsAndRefusesARaggedRow() {
        String table = new TextTable("a", "b").indent("  ").row("📈📈", "x").render();
        assertThat(table).isEqualTo("  a   b\n  --  -\n  📈📈  x\n");
        assertThat(new TextTable("a").isEmpty()).isTrue();
        assertThat(new TextTable("a").under("note").isEmpty()).isTrue();
        assertThatThrownBy(() -> new TextTable("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 2 cells, got 1");
    }

    @Test
    void theTerminalWriterLetsLinesThroughButNoEscapeSequence() {
        StringWriter sink = new StringWriter();
        var out = TerminalWriter.printWriter(sink);
        out.print("progress\r[##..]\tdone\n");
        out.println("name " + ESC + "[2J" + ESC + "]0;title\u0007");
        out.write('\u009b');
        out.flush();
        assertThat(sink.toString()).isEqualTo("progress\r[##..]\tdone\nname \uFFFD[2J\uFFFD]0;title\uFFFD"
                + System.lineSeparator() + "\uFFFD");
    }

    @Property
    void oneLineNeverLetsAControlCharacterOrALineBreakThrough(@ForAll("anyText") String text) {
        String line = Text.oneLine(text);
        assertThat(line.chars().noneMatch(c -> Text.isControl((char) c))).isTrue();
        assertThat(line.length()).isLessThanOrEqualTo(text.length());
    }

    /** HTML escaping and the terminal writer apply the same rule to control characters. */
    @Property
    void htmlEscapingLeavesNoMarkupAndNoControlCharacterOtherThanLayout(@ForAll("anyText") String text) {
        String html = Html.escape(text);
        assertThat(html).doesNotContain("<", ">", "\"", "'");
        assertThat(html.chars().noneMatch(c -> Text.isControl((char) c) && !Text.isLayout((char) c))).isTrue();
        assertThat(html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&")).isEqualTo(throughTerminalWriter(text));
    }

    private static String throughTerminalWriter(String text) {
        StringWriter sink = new StringWriter();
        var out = TerminalWriter.printWriter(sink);
        out.print(text);
        out.flush();
        return sink.toString();
    }

    @Provide
    Arbitrary<String> anyText() {
        // Latin-1 (C0, DEL and C1 controls, markup characters) and the block holding the bidirectional controls.
        return Arbitraries.strings().withCharRange('\u0000', '\u00ff').withCharRange('\u2000', '\u2070')
                .ofMaxLength(40);
    }
}
