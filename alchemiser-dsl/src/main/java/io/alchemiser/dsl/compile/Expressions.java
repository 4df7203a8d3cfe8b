package io.alchemiser.dsl.compile;

import static io.alchemiser.dsl.compile.Problems.show;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.dsl.compile.SymphonyOptions.AssetClass;
import io.alchemiser.dsl.compile.SymphonyOptions.RebalanceFrequency;
import io.alchemiser.dsl.indicator.IndicatorSpec;
import io.alchemiser.dsl.read.Form.DecimalForm;
import io.alchemiser.dsl.read.Form.IntegerForm;
import io.alchemiser.dsl.read.Form.KeywordForm;
import io.alchemiser.dsl.read.Form.ListForm;
import io.alchemiser.dsl.read.Form.MapForm;
import io.alchemiser.dsl.read.Form.StringForm;
import io.alchemiser.dsl.read.Form.SymbolForm;
import io.alchemiser.dsl.read.Form;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Compiles the bounded-depth parts of a symphony: conditions, indicators, selections, tickers, numbers and the
 * {@code defsymphony} options. Each method reports what is wrong and returns {@code null} when the form is
 * unusable, so the caller can go on looking for more errors.
 */
final class Expressions {
    private static final String EXAMPLE_CONDITION = "(> (rsi \"SPY\" {:window 10}) 70)";

    private final Problems problems;

    Expressions(Problems problems) {
        this.problems = problems;
    }

    // ---- conditions ------------------------------------------------------------------------------------------

    Condition condition(Form form) {
        if (reportedUnimplemented(form)) {
            return null;
        }
        Condition.Operator operator = null;
        if (form instanceof ListForm && !((ListForm) form).items().isEmpty()
                && ((ListForm) form).items().get(0) instanceof SymbolForm) {
            operator = Condition.Operator.bySymbol(((SymbolForm) ((ListForm) form).items().get(0)).name());
        }
        if (operator == null) {
            problems.report(form, "if expects a comparison (> < >= <=) as its condition, such as "
                    + EXAMPLE_CONDITION + ", got " + show(form));
            return null;
        }
        List<Form> items = ((ListForm) form).items();
        if (items.size() != 3) {
            problems.report(form, operator.symbol() + " expects two operands, an indicator and a number or another"
                    + " indicator, as in " + EXAMPLE_CONDITION + ", got " + show(form));
            return null;
        }
        Operand left = operand(operator, items.get(1));
        Operand right = operand(operator, items.get(2));
        if (left instanceof Operand.Constant) {
            problems.report(items.get(1), operator.symbol() + " expects an indicator on its left, such as"
                    + " (rsi \"SPY\" {:window 10}), got " + show(items.get(1)));
            return null;
        }
        if (left == null || right == null) {
            return null;
        }
        return new Condition(operator, (Operand.IndicatorValue) left, right, form.position());
    }

    private Operand operand(Condition.Operator operator, Form form) {
        if (reportedUnimplemented(form)) {
            return null;
        }
        if (form instanceof IntegerForm) {
            return new Operand.Constant(((IntegerForm) form).value(), form.position());
        }
        if (form instanceof DecimalForm) {
            return new Operand.Constant(((DecimalForm) form).value(), form.position());
        }
        if (form instanceof ListForm) {
            return indicatorValue((ListForm) form);
        }
        problems.report(form, operator.symbol() + " expects a number or an indicator such as"
                + " (rsi \"SPY\" {:window 10}), got " + show(form));
        return null;
    }

    private Operand.IndicatorValue indicatorValue(ListForm form) {
        IndicatorSyntax syntax = indicatorSyntax(form);
        if (syntax == null) {
            return null;
        }
        List<Form> args = form.items().subList(1, form.items().size());
        if (args.isEmpty() || !(args.get(0) instanceof StringForm)) {
            problems.report(form, syntax.name + " in a comparison expects a ticker first, as in "
                    + syntax.usage(true) + ", got " + show(form));
            return null;
        }
        Symbol symbol = ticker(syntax.name, (StringForm) args.get(0));
        IndicatorSpec indicator = indicatorOptions(syntax, form, args.subList(1, args.size()), true);
        return symbol == null || indicator == null ? null
                : new Operand.IndicatorValue(symbol, indicator, form.position());
    }

    // ---- filter parts ----------------------------------------------------------------------------------------

    /** A filter's ranking indicator: no ticker, since it is applied to each child. */
    IndicatorSpec ranking(Form form) {
        if (reportedUnimplemented(form)) {
            return null;
        }
        if (!(form instanceof ListForm)) {
            problems.report(form, "filter expects an indicator to rank its children by, such as"
                    + " (rsi {:window 10}), got " + show(form));
            return null;
        }
        ListForm list = (ListForm) form;
        IndicatorSyntax syntax = indicatorSyntax(list);
        if (syntax == null) {
            return null;
        }
        List<Form> args = list.items().subList(1, list.items().size());
        if (!args.isEmpty() && args.get(0) instanceof StringForm) {
            problems.report(args.get(0), "filter ranks each of its children, so its indicator takes no ticker:"
                    + " write " + syntax.usage(false) + ", got " + show(form));
            return null;
        }
        return indicatorOptions(syntax, list, args, false);
    }

    Selection selection(Form form) {
        Selection.Order order = null;
        if (form instanceof ListForm && !((ListForm) form).items().isEmpty()
                && ((ListForm) form).items().get(0) instanceof SymbolForm) {
            String head = ((SymbolForm) ((ListForm) form).items().get(0)).name();
            for (Selection.Order candidate : Selection.Order.values()) {
                if (candidate.operator().equals(head)) {
                    order = candidate;
                }
            }
        }
        if (order == null || ((ListForm) form).items().size() != 2) {
            problems.report(form, "filter expects (select-top N) or (select-bottom N), got " + show(form));
            return null;
        }
        Form count = ((ListForm) form).items().get(1);
        Integer n = positiveInteger(count);
        if (n == null) {
            problems.report(count, order.operator() + " expects how many children to keep, a positive integer, got "
                    + show(count));
            return null;
        }
        return new Selection(order, n);
    }

    // ---- indicators ------------------------------------------------------------------------------------------

    private IndicatorSyntax indicatorSyntax(ListForm form) {
        if (reportedUnimplemented(form)) {
            return null;
        }
        Form head = form.items().isEmpty() ? form : form.items().get(0);
        IndicatorSyntax syntax = head instanceof SymbolForm ? IndicatorSyntax.byName(((SymbolForm) head).name()) : null;
        if (syntax == null) {
            problems.report(head, "expected an indicator (" + IndicatorSyntax.names() + "), got " + show(form));
        }
        return syntax;
    }

    private IndicatorSpec indicatorOptions(IndicatorSyntax syntax, ListForm form, List<Form> rest, boolean withTicker) {
        if (syntax.keys.isEmpty()) {
            if (!rest.isEmpty()) {
                problems.report(rest.get(0), syntax.name + " takes no options: write " + syntax.usage(withTicker)
                        + ", got " + show(form));
                return null;
            }
            return syntax.make(new int[0]);
        }
        if (rest.size() != 1 || !(rest.get(0) instanceof MapForm)) {
            problems.report(form, syntax.name + " expects " + syntax.usage(withTicker) + ", got " + show(form));
            return null;
        }
        MapForm options = (MapForm) rest.get(0);
        Map<String, Integer> values = new HashMap<>();
        boolean ok = true;
        for (MapForm.Entry entry : options.entries()) {
            String key = entry.key() instanceof KeywordForm ? ((KeywordForm) entry.key()).name() : null;
            if (key == null || !syntax.keys.contains(key)) {
                problems.report(entry.key(), syntax.name + " does not take option " + show(entry.key())
                        + "; it takes " + syntax.keyList());
                ok = false;
            } else if (values.containsKey(key)) {
                problems.report(entry.key(), syntax.name + " has option :" + key + " twice");
                ok = false;
            } else {
                Integer n = window(syntax.name, entry.value());
                if (n == null) {
                    problems.report(entry.value(), syntax.name + " expects :" + key + " to be "
                            + Windows.rule(syntax.name) + ", got " + show(entry.value()));
                    ok = false;
                }
                values.put(key, n);
            }
        }
        for (String key : syntax.keys) {
            if (ok && !values.containsKey(key)) {
                problems.report(options, syntax.name + " expects option :" + key + ", as in "
                        + syntax.usage(withTicker) + ", got " + show(options));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        return syntax.make(syntax.keys.stream().mapToInt(values::get).toArray());
    }

    // ---- atoms -----------------------------------------------------------------------------------------------

    /**
     * A ticker as Composer writes it, in the product's canonical form: {@code "EQUITIES::XLY//USD"} is
     * {@code XLY}, {@code "BRK/B"} is {@code BRK.B}, {@code "spy"} is {@code SPY}.
     */
    Symbol ticker(String operator, StringForm form) {
        String ticker = form.value().trim();
        int prefix = ticker.indexOf("::");
        if (prefix >= 0) {
            ticker = ticker.substring(prefix + 2);
        }
        int currency = ticker.indexOf("//");
        if (currency >= 0) {
            ticker = ticker.substring(0, currency);
        }
        try {
            return Symbol.of(ticker);
        } catch (IllegalArgumentException e) {
            problems.report(form, operator + " expects a ticker such as \"SPY\" or \"BRK/B\", got " + show(form));
            return null;
        }
    }

    /** The integer value of the form if it is a positive integer that fits an int, else {@code null}. */
    static Integer positiveInteger(Form form) {
        if (form instanceof IntegerForm) {
            long value = ((IntegerForm) form).value();
            if (value > 0 && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        return null;
    }

    /** The value of a window argument if it is an integer within {@link Windows}' rule, else {@code null}. */
    static Integer window(String operator, Form form) {
        if (form instanceof IntegerForm && Windows.isValid(operator, ((IntegerForm) form).value())) {
            return (int) ((IntegerForm) form).value();
        }
        return null;
    }

    /** The value of a number form, or {@code null} if the form is not a number. */
    static Double number(Form form) {
        if (form instanceof IntegerForm) {
            return (double) ((IntegerForm) form).value();
        }
        if (form instanceof DecimalForm) {
            return ((DecimalForm) form).value();
        }
        return null;
    }

    /**
     * Reports {@code ((unimplemented :percentage-price-oscillator) ...)} (or a bare
     * {@code (unimplemented ...)}), which Composer writes for blocks its export does not support.
     */
    boolean reportedUnimplemented(Form form) {
        if (!(form instanceof ListForm) || ((ListForm) form).items().isEmpty()) {
            return false;
        }
        ListForm marker = (ListForm) form;
        Form head = marker.items().get(0);
        if (head instanceof ListForm && !((ListForm) head).items().isEmpty()) {
            marker = (ListForm) head;
            head = marker.items().get(0);
        }
        if (!(head instanceof SymbolForm) || !((SymbolForm) head).name().equals("unimplemented")) {
            return false;
        }
        String what = marker.items().size() > 1 ? show(marker.items().get(1)).replaceFirst("^:", "") : "this block";
        problems.report(form, what + " is unsupported by the export: Composer wrote " + show(marker)
                + " in its place, so the symphony cannot run as exported; rebuild that block in Composer"
                + " with supported operators and export again");
        return true;
    }

    // ---- defsymphony options ---------------------------------------------------------------------------------

    SymphonyOptions options(Form form) {
        if (!(form instanceof MapForm)) {
            problems.report(form, "defsymphony expects an options map such as {:asset-class \"EQUITIES\","
                    + " :rebalance-frequency :daily} after the name, got " + show(form));
            return null;
        }
        AssetClass assetClass = AssetClass.EQUITIES;
        RebalanceFrequency frequency = null;
        OptionalDouble threshold = OptionalDouble.empty();
        boolean ok = true;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (MapForm.Entry entry : ((MapForm) form).entries()) {
            String key = entry.key() instanceof KeywordForm ? ((KeywordForm) entry.key()).name() : "";
            Form value = entry.value();
            if (!seen.add(key) && !key.isEmpty()) {
                problems.report(entry.key(), "defsymphony has option :" + key + " twice");
                ok = false;
                continue;
            }
            switch (key) {
                case "asset-class":
                    assetClass = assetClass(value);
                    ok &= assetClass != null;
                    break;
                case "rebalance-frequency":
                    frequency = value instanceof KeywordForm
                            ? RebalanceFrequency.byKeyword(((KeywordForm) value).name()) : null;
                    if (frequency == null) {
                        problems.report(value, "defsymphony expects :rebalance-frequency to be one of :daily,"
                                + " :weekly, :monthly, :quarterly, :yearly or :none, got " + show(value));
                        ok = false;
                    }
                    break;
                case "rebalance-threshold":
                    Double t = number(value);
                    if (t == null || !(t > 0 && t < 1)) {
                        problems.report(value, "defsymphony expects :rebalance-threshold to be a fraction between"
                                + " 0 and 1 such as 0.05, got " + show(value));
                        ok = false;
                    } else {
                        threshold = OptionalDouble.of(t);
                    }
                    break;
                default:
                    problems.report(entry.key(), "defsymphony does not take option " + show(entry.key())
                            + "; it takes :asset-class, :rebalance-frequency and :rebalance-threshold");
                    ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        if (frequency == null) {
            frequency = threshold.isPresent() ? RebalanceFrequency.NONE : RebalanceFrequency.DAILY;
        }
        return new SymphonyOptions(assetClass, frequency, threshold);
    }

    private AssetClass assetClass(Form value) {
        if (value instanceof StringForm) {
            for (AssetClass candidate : AssetClass.values()) {
                if (candidate.name().equals(((StringForm) value).value())) {
                    return candidate;
                }
            }
        }
        problems.report(value, "defsymphony expects :asset-class \"EQUITIES\" or \"CRYPTO\", got " + show(value));
        return null;
    }
}
