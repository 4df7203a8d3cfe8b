package io.alchemiser.dsl.compile;

import static io.alchemiser.dsl.compile.Problems.show;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.dsl.indicator.IndicatorSpec;
import io.alchemiser.dsl.read.Form.ListForm;
import io.alchemiser.dsl.read.Form.NilForm;
import io.alchemiser.dsl.read.Form.StringForm;
import io.alchemiser.dsl.read.Form.SymbolForm;
import io.alchemiser.dsl.read.Form.VectorForm;
import io.alchemiser.dsl.read.Form;
import io.alchemiser.dsl.read.SourceText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compiles the forms of one file into a {@link Symphony}. The allocation tree is walked with an explicit stack of
 * operators waiting for their children, so nesting depth costs heap, not stack. Every operator's own arguments
 * are checked before its children are compiled; a bad operator still has its children checked, so one pass
 * reports every error.
 */
final class SymphonyCompiler {
    private static final String OPERATORS =
            "asset, weight-equal, weight-specified, weight-inverse-volatility, group, if, filter";
    private static final double WEIGHT_SUM_TOLERANCE = 0.01;

    private final SourceText source;
    private final Problems problems;
    private final Expressions expressions;

    SymphonyCompiler(SourceText source) {
        this.source = source;
        this.problems = new Problems(source);
        this.expressions = new Expressions(problems);
    }

    /** The symphony, or {@code null} with {@link #problems()} saying why. */
    Symphony compile(List<Form> forms) {
        if (forms.isEmpty()) {
            problems.report(source.position(1, 1), "the file holds no symphony: expected (defsymphony \"name\""
                    + " {options} tree) or a bare tree such as (weight-equal [(asset \"SPY\")])");
            return null;
        }
        Form first = forms.get(0);
        Symphony symphony = isDefsymphony(first) ? defsymphony((ListForm) first) : bare(first);
        if (forms.size() > 1) {
            problems.report(forms.get(1), "expected one symphony per file, but another form follows it: "
                    + show(forms.get(1)));
            return null;
        }
        return symphony;
    }

    Problems problems() {
        return problems;
    }

    private static boolean isDefsymphony(Form form) {
        return form instanceof ListForm && !((ListForm) form).items().isEmpty()
                && ((ListForm) form).items().get(0) instanceof SymbolForm
                && ((SymbolForm) ((ListForm) form).items().get(0)).name().equals("defsymphony");
    }

    private Symphony defsymphony(ListForm form) {
        List<Form> items = form.items();
        if (items.size() != 4) {
            problems.report(form, "defsymphony expects (defsymphony \"name\" {options} tree), got "
                    + (items.size() - 1) + " arguments");
            return null;
        }
        String name = null;
        if (items.get(1) instanceof StringForm) {
            name = ((StringForm) items.get(1)).value();
        } else {
            problems.report(items.get(1), "defsymphony expects the symphony's name as a string, got "
                    + show(items.get(1)));
        }
        SymphonyOptions options = expressions.options(items.get(2));
        Node root = tree(items.get(3));
        return name == null || options == null || root == null ? null
                : new Symphony(name, options, root, form.position());
    }

    private Symphony bare(Form form) {
        Node root = tree(form);
        String name = source.file().replaceFirst("^.*[/\\\\]", "").replaceFirst("\\.clj$", "");
        return root == null ? null : new Symphony(name, SymphonyOptions.DEFAULT, root, form.position());
    }

    // ---- the allocation tree ---------------------------------------------------------------------------------

    private Node tree(Form root) {
        Deque<Pending> waiting = new ArrayDeque<>();
        Pending current = plan(root);
        while (true) {
            if (current.hasNextChild() && !problems.full()) {
                waiting.push(current);
                current = plan(current.nextChild());
                continue;
            }
            Node done = current.finish();
            if (waiting.isEmpty()) {
                return done;
            }
            current = waiting.pop();
            current.add(done);
        }
    }

    /** Checks an operator's own arguments and says which forms are its children and how to build it. */
    private Pending plan(Form form) {
        if (expressions.reportedUnimplemented(form)) {
            return Pending.failed();
        }
        if (!(form instanceof ListForm) || ((ListForm) form).items().isEmpty()
                || !(((ListForm) form).items().get(0) instanceof SymbolForm)) {
            problems.report(form, "expected an allocation such as (asset \"SPY\") or (weight-equal [...]), got "
                    + show(form));
            return Pending.failed();
        }
        ListForm list = (ListForm) form;
        String operator = ((SymbolForm) list.items().get(0)).name();
        switch (operator) {
            case "asset":
                return asset(list);
            case "weight-equal":
                return withChildren(list, 1, children -> new Node.WeightEqual(children, list.position()));
            case "weight-specified":
                return weightSpecified(list);
            case "weight-inverse-volatility":
                return weightInverseVolatility(list);
            case "group":
                return group(list);
            case "if":
                return ifNode(list);
            case "filter":
                return filter(list);
            default:
                problems.report(list.items().get(0), misplaced(operator));
                return Pending.failed();
        }
    }

    private static String misplaced(String operator) {
        if (IndicatorSyntax.byName(operator) != null) {
            return operator + " is an indicator, not an allocation: use it in an if's condition, as in"
                    + " (if (> (rsi \"SPY\" {:window 10}) 70) ...), or as a filter's ranking";
        }
        if (Condition.Operator.bySymbol(operator) != null) {
            return operator + " is a comparison, not an allocation: use it as an if's condition";
        }
        if (operator.equals("select-top") || operator.equals("select-bottom")) {
            return operator + " belongs inside a filter: (filter (rsi {:window 10}) (" + operator + " 1) [...])";
        }
        if (operator.equals("defsymphony")) {
            return "defsymphony must be the outermost form of the file";
        }
        return "unknown operator '" + operator + "': expected one of " + OPERATORS;
    }

    private Pending asset(ListForm form) {
        List<Form> items = form.items();
        if (items.size() < 2 || items.size() > 3) {
            problems.report(form, "asset expects (asset \"TICKER\") or (asset \"TICKER\" \"name\"), got "
                    + show(form));
            return Pending.failed();
        }
        Symbol symbol = null;
        if (items.get(1) instanceof StringForm) {
            symbol = expressions.ticker("asset", (StringForm) items.get(1));
        } else {
            problems.report(items.get(1), "asset expects a ticker string such as \"SPY\", got " + show(items.get(1)));
        }
        Optional<String> name = Optional.empty();
        if (items.size() == 3) {
            Form nameForm = items.get(2);
            if (nameForm instanceof StringForm) {
                name = Optional.of(((StringForm) nameForm).value());
            } else if (!(nameForm instanceof NilForm)) {
                problems.report(nameForm, "asset expects its name as a string or nil, got " + show(nameForm));
                return Pending.failed();
            }
        }
        if (symbol == null) {
            return Pending.failed();
        }
        Node.Asset asset = new Node.Asset(symbol, name, form.position());
        return new Pending(List.of(), children -> asset);
    }

    private Pending weightSpecified(ListForm form) {
        List<Form> args = form.items().subList(1, form.items().size());
        if (args.size() == 1 && args.get(0) instanceof VectorForm) {
            args = ((VectorForm) args.get(0)).items();
        }
        String usage = "(weight-specified 0.6 (asset \"SPY\") 0.4 (asset \"TLT\"))";
        if (args.isEmpty() || args.size() % 2 != 0) {
            problems.report(form, "weight-specified expects weight-child pairs, as in " + usage + ", got "
                    + (args.isEmpty() ? "none" : "an odd number of arguments (" + args.size() + ")"));
            return Pending.failed();
        }
        List<Double> weights = new ArrayList<>();
        List<Form> childForms = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < args.size(); i += 2) {
            Double weight = Expressions.number(args.get(i));
            if (weight == null) {
                problems.report(args.get(i), "weight-specified expects a weight (a fraction such as 0.25) before"
                        + " each child, as in " + usage + ", got " + show(args.get(i)));
                return Pending.failed();
            } else if (weight < 0) {
                problems.report(args.get(i), "weight-specified weights cannot be negative, got " + show(args.get(i)));
                ok = false;
            }
            weights.add(weight);
            childForms.add(args.get(i + 1));
        }
        if (ok) {
            double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
                String hint = sum > 1.5 && sum <= 100 * (1 + WEIGHT_SUM_TOLERANCE)
                        ? "; weights are fractions, so write 0.6 rather than 60" : "";
                problems.report(form, "weight-specified weights must add up to 1 (within "
                        + WEIGHT_SUM_TOLERANCE + "), got " + show(sum) + hint);
                ok = false;
            } else {
                weights.replaceAll(w -> w / sum);
            }
        }
        if (!ok) {
            return Pending.checkingOnly(childForms);
        }
        return new Pending(childForms, children -> new Node.WeightSpecified(weights, children, form.position()));
    }

    private Pending weightInverseVolatility(ListForm form) {
        List<Form> items = form.items();
        Integer window = items.size() > 1 ? Expressions.window("weight-inverse-volatility", items.get(1)) : null;
        if (window == null) {
            Form at = items.size() > 1 ? items.get(1) : form;
            problems.report(at, "weight-inverse-volatility expects its window first, "
                    + Windows.rule("weight-inverse-volatility") + ", as in (weight-inverse-volatility 21 [...]), got "
                    + show(at));
            return childrenOnly(form, firstChildAfterMissing(items));
        }
        return withChildren(form, 2, children -> new Node.WeightInverseVolatility(window, children, form.position()));
    }

    private Pending group(ListForm form) {
        List<Form> items = form.items();
        if (items.size() < 2 || !(items.get(1) instanceof StringForm)) {
            Form at = items.size() > 1 ? items.get(1) : form;
            problems.report(at, "group expects its name as a string first, as in (group \"name\" [...]), got "
                    + show(at));
            return childrenOnly(form, firstChildAfterMissing(items));
        }
        String name = ((StringForm) items.get(1)).value();
        return withChildren(form, 2, children -> new Node.Group(name, children, form.position()));
    }

    private Pending ifNode(ListForm form) {
        List<Form> items = form.items();
        if (items.size() < 3 || items.size() > 4) {
            problems.report(form, "if expects (if condition [then] [else]), with the else-branch optional, got "
                    + (items.size() - 1) + " arguments");
            return Pending.failed();
        }
        Condition condition = expressions.condition(items.get(1));
        List<Form> then = branch("then", items.get(2));
        List<Form> otherwise = items.size() == 4 ? branch("else", items.get(3)) : List.of();
        if (then == null || otherwise == null) {
            return Pending.failed();
        }
        List<Form> childForms = new ArrayList<>(then);
        childForms.addAll(otherwise);
        if (condition == null) {
            return Pending.checkingOnly(childForms);
        }
        int split = then.size();
        return new Pending(childForms, children -> new Node.If(condition, children.subList(0, split),
                children.subList(split, children.size()), form.position()));
    }

    private List<Form> branch(String which, Form form) {
        if (!(form instanceof VectorForm)) {
            return List.of(form);
        }
        List<Form> items = ((VectorForm) form).items();
        if (items.isEmpty()) {
            problems.report(form, "if expects at least one allocation in its " + which + "-branch, got []"
                    + ("else".equals(which) ? "; leave the else-branch out to allocate nothing" : ""));
            return null;
        }
        return items;
    }

    private Pending filter(ListForm form) {
        List<Form> items = form.items();
        if (items.size() < 4) {
            problems.report(form, "filter expects (filter (indicator {:window N}) (select-top N) [children]), got "
                    + show(form));
            return Pending.failed();
        }
        IndicatorSpec ranking = expressions.ranking(items.get(1));
        Selection selection = expressions.selection(items.get(2));
        if (ranking == null || selection == null) {
            return childrenOnly(form, 3);
        }
        return withChildren(form, 3, children -> new Node.Filter(ranking, selection, children, form.position()));
    }

    /** Where the children start when the leading argument is wrong: at it, if it looks like the children. */
    private static int firstChildAfterMissing(List<Form> items) {
        return items.size() > 1 && (items.get(1) instanceof VectorForm || items.get(1) instanceof ListForm) ? 1 : 2;
    }

    // ---- children --------------------------------------------------------------------------------------------

    private Pending withChildren(ListForm form, int from, Function<List<Node>, Node> build) {
        List<Form> children = children(form, from);
        return children == null ? Pending.failed() : new Pending(children, build);
    }

    /** The operator is wrong but its children may hold more errors: check them, build nothing. */
    private Pending childrenOnly(ListForm form, int from) {
        List<Form> children = children(form, from);
        return children == null ? Pending.failed() : Pending.checkingOnly(children);
    }

    /** Children written as one vector {@code [a b]} or as bare arguments {@code a b}; at least one. */
    private List<Form> children(ListForm form, int from) {
        String operator = ((SymbolForm) form.items().get(0)).name();
        List<Form> args = form.items().subList(Math.min(from, form.items().size()), form.items().size());
        if (args.size() == 1 && args.get(0) instanceof VectorForm) {
            args = ((VectorForm) args.get(0)).items();
        } else if (args.stream().anyMatch(arg -> arg instanceof VectorForm)) {
            problems.report(form, operator + " expects its children either as one vector [...] or as bare"
                    + " arguments, not both: got " + show(form));
            return null;
        }
        if (args.isEmpty()) {
            problems.report(form, operator + " expects at least one child, got " + show(form));
            return null;
        }
        return args;
    }

    /** An operator whose own arguments are checked, collecting its compiled children one at a time. */
    private static final class Pending {

        private final List<Form> childForms;
        private final Function<List<Node>, Node> build;
        private final List<Node> children = new ArrayList<>();
        private boolean childFailed;

        /** @param build makes the node from the compiled children; {@code null} if the operator itself failed */
        Pending(List<Form> childForms, Function<List<Node>, Node> build) {
            this.childForms = childForms;
            this.build = build;
        }

        /** An operator that failed and has no children worth checking. */
        static Pending failed() {
            return new Pending(List.of(), null);
        }

        static Pending checkingOnly(List<Form> childForms) {
            return new Pending(childForms, null);
        }

        boolean hasNextChild() {
            return children.size() < childForms.size();
        }

        Form nextChild() {
            return childForms.get(children.size());
        }

        void add(Node child) {
            childFailed |= child == null;
            children.add(child);
        }

        Node finish() {
            return build == null || childFailed || hasNextChild() ? null : build.apply(children);
        }
    }
}
