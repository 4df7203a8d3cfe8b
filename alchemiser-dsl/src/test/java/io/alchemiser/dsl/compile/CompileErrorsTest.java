package io.alchemiser.dsl.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alchemiser.dsl.read.Diagnostic;
import io.alchemiser.dsl.read.SymphonyException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every compile error: its text and where it points. */
class CompileErrorsTest {
    private static final String OPERATORS =
            "asset, weight-equal, weight-specified, weight-inverse-volatility, group, if, filter";

    /** The diagnostics of a file that must not compile, as {@code line:column: message}. */
    private static List<String> errors(String text) {
        SymphonyCompileException e = catchThrowableOfType(SymphonyCompileException.class,
                () -> Symphonies.compile("t.clj", text));
        assertThat(e).as("expected compile errors for %s", text).isNotNull();
        return e.diagnostics().stream()
                .map(d -> d.position().line() + ":" + d.position().column() + ": " + d.message())
                .collect(Collectors.toList());
    }

    /** The single diagnostic of a bare tree that must not compile. */
    private static String error(String text) {
        List<String> errors = errors(text);
        assertThat(errors).as("errors for %s", text).hasSize(1);
        return errors.get(0);
    }

    /** Wraps a condition into an if so that only the condition can be wrong. */
    private static String condition(String condition) {
        return error("(if " + condition + " [(asset \"SPY\")])");
    }

    @Test
    void namesFileLineColumnOperatorAndWhatWasExpected() {
        SymphonyCompileException e = catchThrowableOfType(SymphonyCompileException.class, () -> Symphonies.compile(
                "nova.clj", "(defsymphony \"n\" {}\n  (filter (rsi {:window 10})\n    (select-first 2) [(asset \"A\")]))"));
        assertThat(e).isInstanceOf(SymphonyException.class);
        Diagnostic d = e.diagnostics().get(0);
        assertThat(d).hasToString("nova.clj:3:5: error: filter expects (select-top N) or (select-bottom N),"
                + " got (select-first 2)");
        assertThat(d.render()).endsWith(System.lineSeparator() + "    (select-first 2) [(asset \"A\")]))"
                + System.lineSeparator() + "    ^");
        assertThat(e).hasMessage(d.toString());
    }

    @Test
    void reportsFilesWithoutExactlyOneSymphony() {
        assertThat(error(" ; nothing here\n")).isEqualTo("1:1: the file holds no symphony: expected"
                + " (defsymphony \"name\" {options} tree) or a bare tree such as (weight-equal [(asset \"SPY\")])");
        assertThat(error("(asset \"A\")\n(asset \"B\")"))
                .isEqualTo("2:1: expected one symphony per file, but another form follows it: (asset \"B\")");
    }

    @Test
    void reportsMalformedDefsymphony() {
        assertThat(error("(defsymphony \"n\" (asset \"A\"))"))
                .isEqualTo("1:1: defsymphony expects (defsymphony \"name\" {options} tree), got 2 arguments");
        assertThat(error("(defsymphony n {} (asset \"A\"))"))
                .isEqualTo("1:14: defsymphony expects the symphony's name as a string, got n");
        assertThat(error("(defsymphony \"n\" [:daily] (asset \"A\"))"))
                .isEqualTo("1:18: defsymphony expects an options map such as {:asset-class \"EQUITIES\","
                        + " :rebalance-frequency :daily} after the name, got [:daily]");
        assertThat(error("(weight-equal [(defsymphony \"n\" {} (asset \"A\"))])"))
                .isEqualTo("1:17: defsymphony must be the outermost form of the file");
    }

    @Test
    void reportsBadSymphonyOptions() {
        assertThat(errors("(defsymphony \"n\"\n {:asset-class \"BONDS\", :rebalance-frequency :hourly,\n"
                + "  :rebalance-threshold 5, :rebalance-threshold 0.1, :benchmark \"SPY\"}\n (asset \"A\"))"))
                .containsExactly(
                        "2:16: defsymphony expects :asset-class \"EQUITIES\" or \"CRYPTO\", got \"BONDS\"",
                        "2:46: defsymphony expects :rebalance-frequency to be one of :daily, :weekly, :monthly,"
                                + " :quarterly, :yearly or :none, got :hourly",
                        "3:24: defsymphony expects :rebalance-threshold to be a fraction between 0 and 1 such as"
                                + " 0.05, got 5",
                        "3:27: defsymphony has option :rebalance-threshold twice",
                        "3:53: defsymphony does not take option :benchmark; it takes :asset-class,"
                                + " :rebalance-frequency and :rebalance-threshold");
        assertThat(error("(defsymphony \"n\" {:rebalance-threshold 0} (asset \"A\"))"))
                .isEqualTo("1:40: defsymphony expects :rebalance-threshold to be a fraction between 0 and 1 such as"
                        + " 0.05, got 0");
    }

    @Test
    void reportsFormsThatAreNotAllocations() {
        assertThat(error("(weight-equal [\"SPY\"])"))
                .isEqualTo("1:16: expected an allocation such as (asset \"SPY\") or (weight-equal [...]), got \"SPY\"");
        assertThat(error("(weight-equals [(asset \"A\")])"))
                .isEqualTo("1:2: unknown operator 'weight-equals': expected one of " + OPERATORS);
        assertThat(error("(group \"g\" [(rsi \"SPY\" {:window 10})])"))
                .isEqualTo("1:14: rsi is an indicator, not an allocation: use it in an if's condition, as in"
                        + " (if (> (rsi \"SPY\" {:window 10}) 70) ...), or as a filter's ranking");
        assertThat(error("(weight-equal [(> (rsi \"SPY\" {:window 10}) 70)])"))
                .isEqualTo("1:17: > is a comparison, not an allocation: use it as an if's condition");
        assertThat(error("(weight-equal [(select-top 1)])"))
                .isEqualTo("1:17: select-top belongs inside a filter: (filter (rsi {:window 10}) (select-top 1) [...])");
        assertThat(error("(weight-equal [[(asset \"A\")]])"))
                .isEqualTo("1:16: expected an allocation such as (asset \"SPY\") or (weight-equal [...]),"
                        + " got [(asset \"A\")]");
    }

    @Test
    void reportsBadAssets() {
        assertThat(error("(asset)")).isEqualTo(
                "1:1: asset expects (asset \"TICKER\") or (asset \"TICKER\" \"name\"), got (asset)");
        assertThat(error("(asset \"A\" \"name\" 3)")).isEqualTo(
                "1:1: asset expects (asset \"TICKER\") or (asset \"TICKER\" \"name\"), got (asset \"A\" \"name\" 3)");
        assertThat(error("(asset SPY)")).isEqualTo("1:8: asset expects a ticker string such as \"SPY\", got SPY");
        assertThat(error("(asset \"S P Y\")"))
                .isEqualTo("1:8: asset expects a ticker such as \"SPY\" or \"BRK/B\", got \"S P Y\"");
        assertThat(error("(asset \"\")")).isEqualTo("1:8: asset expects a ticker such as \"SPY\" or \"BRK/B\", got \"\"");
        assertThat(error("(asset \"SPY\" 500)")).isEqualTo("1:14: asset expects its name as a string or nil, got 500");
    }

    @Test
    void reportsMissingAndMixedChildren() {
        assertThat(error("(weight-equal [])")).isEqualTo("1:1: weight-equal expects at least one child, got (weight-equal [])");
        assertThat(error("(group \"g\")")).isEqualTo("1:1: group expects at least one child, got (group \"g\")");
        assertThat(error("(weight-equal [(asset \"A\")] (asset \"B\"))")).isEqualTo("1:1: weight-equal expects its"
                + " children either as one vector [...] or as bare arguments, not both: got"
                + " (weight-equal [(asset \"A\")] (asset \"B\"))");
        assertThat(error("(weight-equal [(asset \"A\")] [(asset \"B\")])")).startsWith(
                "1:1: weight-equal expects its children either as one vector [...] or as bare arguments, not both");
    }

    @Test
    void reportsBadSpecifiedWeights() {
        String usage = "(weight-specified 0.6 (asset \"SPY\") 0.4 (asset \"TLT\"))";
        assertThat(error("(weight-specified 0.5 (asset \"A\") 0.5)")).isEqualTo(
                "1:1: weight-specified expects weight-child pairs, as in " + usage
                        + ", got an odd number of arguments (3)");
        assertThat(error("(weight-specified)")).isEqualTo(
                "1:1: weight-specified expects weight-child pairs, as in " + usage + ", got none");
        assertThat(error("(weight-specified (asset \"A\") 0.5)")).isEqualTo(
                "1:19: weight-specified expects a weight (a fraction such as 0.25) before each child, as in "
                        + usage + ", got (asset \"A\")");
        assertThat(error("(weight-specified 1.2 (asset \"A\") -0.2 (asset \"B\"))"))
                .isEqualTo("1:35: weight-specified weights cannot be negative, got -0.2");
        assertThat(error("(weight-specified 0.5 (asset \"A\") 0.4 (asset \"B\"))"))
                .isEqualTo("1:1: weight-specified weights must add up to 1 (within 0.01), got 0.9");
        assertThat(error("(weight-specified 60 (asset \"A\") 40 (asset \"B\"))")).isEqualTo(
                "1:1: weight-specified weights must add up to 1 (within 0.01), got 100;"
                        + " weights are fractions, so write 0.6 rather than 60");
        assertThat(error("(weight-specified 0 (asset \"A\") 0 (asset \"B\"))"))
                .isEqualTo("1:1: weight-specified weights must add up to 1 (within 0.01), got 0");
    }

    @Test
    void reportsBadWeightingAndGroupArguments() {
        String rule = "a whole number of trading days from 2 to 1000000";
        assertThat(error("(weight-inverse-volatility [(asset \"A\")])")).isEqualTo(
                "1:28: weight-inverse-volatility expects its window first, " + rule
                        + ", as in (weight-inverse-volatility 21 [...]), got [(asset \"A\")]");
        assertThat(error("(weight-inverse-volatility 1 [(asset \"A\")])")).isEqualTo(
                "1:28: weight-inverse-volatility expects its window first, " + rule
                        + ", as in (weight-inverse-volatility 21 [...]), got 1");
        assertThat(error("(group [(asset \"A\")])")).isEqualTo(
                "1:8: group expects its name as a string first, as in (group \"name\" [...]), got [(asset \"A\")]");
    }

    @Test
    void reportsMalformedIf() {
        assertThat(error("(if (> (rsi \"SPY\" {:window 10}) 70))"))
                .isEqualTo("1:1: if expects (if condition [then] [else]), with the else-branch optional, got 1 arguments");
        assertThat(error("(if (> (rsi \"SPY\" {:window 10}) 70) [] [(asset \"A\")])"))
                .isEqualTo("1:37: if expects at least one allocation in its then-branch, got []");
        assertThat(error("(if (> (rsi \"SPY\" {:window 10}) 70) [(asset \"A\")] [])")).isEqualTo(
                "1:51: if expects at least one allocation in its else-branch, got [];"
                        + " leave the else-branch out to allocate nothing");
    }

    @Test
    void reportsBadConditions() {
        String example = "(> (rsi \"SPY\" {:window 10}) 70)";
        assertThat(condition("(= (rsi \"SPY\" {:window 10}) 70)")).isEqualTo(
                "1:5: if expects a comparison (> < >= <=) as its condition, such as " + example
                        + ", got (= (rsi \"SPY\" {:window 10}) 70)");
        assertThat(condition("true")).isEqualTo(
                "1:5: if expects a comparison (> < >= <=) as its condition, such as " + example + ", got true");
        assertThat(condition("(> (rsi \"SPY\" {:window 10}))")).isEqualTo(
                "1:5: > expects two operands, an indicator and a number or another indicator, as in " + example
                        + ", got (> (rsi \"SPY\" {:window 10}))");
        assertThat(condition("(< 70 (rsi \"SPY\" {:window 10}))")).isEqualTo(
                "1:8: < expects an indicator on its left, such as (rsi \"SPY\" {:window 10}), got 70");
        assertThat(condition("(>= (rsi \"SPY\" {:window 10}) \"70\")")).isEqualTo(
                "1:34: >= expects a number or an indicator such as (rsi \"SPY\" {:window 10}), got \"70\"");
        assertThat(condition("(> (rsi {:window 10}) 70)")).isEqualTo(
                "1:8: rsi in a comparison expects a ticker first, as in (rsi \"SPY\" {:window 10}),"
                        + " got (rsi {:window 10})");
        assertThat(condition("(> (rsi \"BAD TICKER\" {:window 10}) 70)")).isEqualTo(
                "1:13: rsi expects a ticker such as \"SPY\" or \"BRK/B\", got \"BAD TICKER\"");
        assertThat(condition("(> (rsii \"SPY\" {:window 10}) 70)")).isEqualTo(
                "1:9: expected an indicator (rsi, moving-average-price, exponential-moving-average-price,"
                        + " cumulative-return, moving-average-return, stdev-return, stdev-price, max-drawdown,"
                        + " current-price, percentage-price-oscillator, percentage-price-oscillator-signal),"
                        + " got (rsii \"SPY\" {:window 10})");
    }

    @Test
    void reportsBadIndicatorOptions() {
        assertThat(condition("(> (rsi \"SPY\" 10) 70)")).isEqualTo(
                "1:8: rsi expects (rsi \"SPY\" {:window 10}), got (rsi \"SPY\" 10)");
        assertThat(condition("(> (rsi \"SPY\") 70)")).isEqualTo(
                "1:8: rsi expects (rsi \"SPY\" {:window 10}), got (rsi \"SPY\")");
        assertThat(condition("(> (rsi \"SPY\" {:window 10} {:window 5}) 70)")).isEqualTo(
                "1:8: rsi expects (rsi \"SPY\" {:window 10}), got (rsi \"SPY\" {:window 10} {:window 5})");
        assertThat(condition("(> (rsi \"SPY\" {:windw 10}) 70)")).isEqualTo(
                "1:20: rsi does not take option :windw; it takes :window");
        assertThat(condition("(> (rsi \"SPY\" {:window 10, :window 11}) 70)")).isEqualTo(
                "1:32: rsi has option :window twice");
        assertThat(condition("(> (rsi \"SPY\" {:window 0}) 70)")).isEqualTo(
                "1:28: rsi expects :window to be a whole number of trading days from 1 to 1000000, got 0");
        assertThat(condition("(> (rsi \"SPY\" {:window 10.5}) 70)")).isEqualTo(
                "1:28: rsi expects :window to be a whole number of trading days from 1 to 1000000, got 10.5");
        assertThat(condition("(> (stdev-return \"SPY\" {:window 1}) 1)")).isEqualTo(
                "1:37: stdev-return expects :window to be a whole number of trading days from 2 to 1000000, got 1");
        assertThat(condition("(> (moving-average-price \"SPY\" {}) 1)")).isEqualTo(
                "1:36: moving-average-price expects option :window, as in (moving-average-price \"SPY\" {:window 10}),"
                        + " got {}");
        assertThat(condition("(> (percentage-price-oscillator \"SOXL\" {:short-window 12}) 0)")).isEqualTo(
                "1:44: percentage-price-oscillator expects option :long-window, as in (percentage-price-oscillator"
                        + " \"SPY\" {:short-window 12, :long-window 26}), got {:short-window 12}");
        assertThat(condition("(> (percentage-price-oscillator-signal \"SOXL\" {:window 9}) 0)")).isEqualTo(
                "1:52: percentage-price-oscillator-signal does not take option :window; it takes :short-window,"
                        + " :long-window and :smooth-window");
        assertThat(condition("(> (current-price \"SPY\" {:window 1}) 1)")).isEqualTo(
                "1:29: current-price takes no options: write (current-price \"SPY\"), got"
                        + " (current-price \"SPY\" {:window 1})");
    }

    @Test
    void reportsMalformedFilters() {
        assertThat(error("(filter (rsi {:window 10}) (select-top 1))")).isEqualTo(
                "1:1: filter expects (filter (indicator {:window N}) (select-top N) [children]),"
                        + " got (filter (rsi {:window 10}) (select-top 1))");
        assertThat(error("(filter rsi (select-top 1) [(asset \"A\")])")).isEqualTo(
                "1:9: filter expects an indicator to rank its children by, such as (rsi {:window 10}), got rsi");
        assertThat(error("(filter (rsi \"SPY\" {:window 10}) (select-top 1) [(asset \"A\")])")).isEqualTo(
                "1:14: filter ranks each of its children, so its indicator takes no ticker: write"
                        + " (rsi {:window 10}), got (rsi \"SPY\" {:window 10})");
        assertThat(error("(filter (rsi {:window 10}) (select-first 2) [(asset \"A\")])")).isEqualTo(
                "1:28: filter expects (select-top N) or (select-bottom N), got (select-first 2)");
        assertThat(error("(filter (rsi {:window 10}) (select-bottom 0) [(asset \"A\")])")).isEqualTo(
                "1:43: select-bottom expects how many children to keep, a positive integer, got 0");
        assertThat(error("(filter (rsi {:window 10}) (select-top) [(asset \"A\")])")).isEqualTo(
                "1:28: filter expects (select-top N) or (select-bottom N), got (select-top)");
    }

    @Test
    void reportsBlocksTheExportCouldNotWriteAsUnsupported() {
        String message = "percentage-price-oscillator is unsupported by the export: Composer wrote"
                + " (unimplemented :percentage-price-oscillator) in its place, so the symphony cannot run as"
                + " exported; rebuild that block in Composer with supported operators and export again";
        assertThat(condition("(> ((unimplemented :percentage-price-oscillator) \"SOXL\" {:short-window 12}) 0)"))
                .isEqualTo("1:8: " + message);
        assertThat(error("(weight-equal [((unimplemented :percentage-price-oscillator) \"SOXL\")])"))
                .isEqualTo("1:16: " + message);
        assertThat(error("(filter ((unimplemented :percentage-price-oscillator) {:window 3}) (select-top 1)"
                + " [(asset \"A\")])")).isEqualTo("1:9: " + message);
        assertThat(error("(if ((unimplemented :percentage-price-oscillator) 1 2) [(asset \"A\")])"))
                .isEqualTo("1:5: " + message);
    }

    @Test
    void collectsEveryErrorOfAFileInSourceOrder() {
        assertThat(errors("(defsymphony \"n\" {:rebalance-frequency :often}\n"
                + " (weight-equal\n"
                + "  [(if (> (rsi \"SPY\" {:window 0}) 70)\n"
                + "     [(asset \"UVXY\" 3)]\n"
                + "     [(filter (rsi {:window 10}) (select-first 2)\n"
                + "        [(asset \"A\") (assett \"B\")])])\n"
                + "   (weight-specified 0.5 (asset \"C\") 0.4 (asset 7))]))"))
                .containsExactly(
                        "1:40: defsymphony expects :rebalance-frequency to be one of :daily, :weekly, :monthly,"
                                + " :quarterly, :yearly or :none, got :often",
                        "3:31: rsi expects :window to be a whole number of trading days from 1 to 1000000, got 0",
                        "4:21: asset expects its name as a string or nil, got 3",
                        "5:34: filter expects (select-top N) or (select-bottom N), got (select-first 2)",
                        "6:23: unknown operator 'assett': expected one of " + OPERATORS,
                        "7:4: weight-specified weights must add up to 1 (within 0.01), got 0.9",
                        "7:49: asset expects a ticker string such as \"SPY\", got 7");
    }

    @Test
    void stopsAfterTooManyErrors() {
        List<String> errors = errors("(weight-equal [" + "(asset 1) ".repeat(500) + "])");
        assertThat(errors).hasSize(100);
        assertThat(errors.get(99)).endsWith("too many errors; stopped compiling here");
    }
}
