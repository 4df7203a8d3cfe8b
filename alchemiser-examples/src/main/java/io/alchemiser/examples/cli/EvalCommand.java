package io.alchemiser.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.eval.EvaluationOptions;
import io.alchemiser.dsl.eval.SymphonyStrategy;
import io.alchemiser.examples.format.Format;
import io.alchemiser.examples.format.Text;
import io.alchemiser.examples.format.TextTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code eval FILE --data DIR --as-of DATE [--json] [--fragile-margin F]}: one symphony's weights and decision path as
 * of a close, with the decisions close enough to flip marked FRAGILE.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a symphony as of the close of a date: target weights and the decision path. DIR is "
                + "a folder of SYMBOL.csv files (date,open,high,low,close,adj_close,volume) or a Parquet data lake. "
                + "With --json, one JSON object: symphony, asOf, weights, decisionPath (a fragile step has "
                + "\"fragile\": {gap, margin}).")
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a .clj symphony export")
    Path file;

    @Mixin
    DataOption data;

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD",
            description = "evaluate with bars up to and including this date's close")
    LocalDate asOf;

    @Mixin
    JsonOption json;

    @Option(names = "--fragile-margin", paramLabel = "FRACTION", defaultValue = "0.005",
            description = "mark a decision fragile when its two sides (or a filter's last kept and first dropped"
                    + " scores) differ by less than this fraction, relatively: |a-b|/max(|a|,|b|) "
                    + "(default ${DEFAULT-VALUE} = 0.5%; 0 marks nothing)")
    double fragileMargin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Symphony symphony = Symphonies.compile(file);
        PriceHistory history = data.open(asOf); // the session ends at --as-of: later bars are never read
        EvaluationOptions options;
        try {
            options = EvaluationOptions.DEFAULTS.withFragileMargin(fragileMargin);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fragile-margin: " + e.getMessage());
        }
        StrategyResult result = new SymphonyStrategy(symphony, symphony.name(), options)
                .evaluate(EvaluationSession.open(history, asOf), asOf);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json.enabled ? json(symphony, result) : text(symphony, result));
        out.flush();
        return ExitCodes.OK;
    }

    static String text(Symphony symphony, StrategyResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Text.oneLine(symphony.name())).append(" as of ").append(r.asOf()).append('\n');
        TextTable t = new TextTable("symbol", "weight");
        r.weights().bySymbol().forEach((s, w) -> t.row(s, Format.decimal(w, 4)));
        if (r.weights().cash() > 1e-9) {
            t.row("cash", Format.decimal(r.weights().cash(), 4));
        }
        sb.append(t.render()).append("\ndecision path:\n");
        long fragile = 0;
        for (DecisionStep step : r.decisionPath()) {
            sb.append("  ").append(Text.oneLine(step.toString())).append('\n');
            fragile += step.isFragile() ? 1 : 0;
        }
        if (fragile > 0) {
            sb.append(fragile).append(fragile == 1 ? " decision is" : " decisions are")
                    .append(" FRAGILE: a live price a little off the close could flip ")
                    .append(fragile == 1 ? "it" : "them").append('\n');
        }
        return sb.toString();
    }

    static String json(Symphony symphony, StrategyResult r) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("symphony", symphony.name());
        root.put("asOf", r.asOf().toString());
        ObjectNode weights = root.putObject("weights");
        r.weights().bySymbol().forEach((s, w) -> weights.put(s.value(), w));
        ArrayNode path = root.putArray("decisionPath");
        for (DecisionStep step : r.decisionPath()) {
            ObjectNode n = path.addObject();
            n.put("kind", step.kind());
            n.put("location", step.location());
            n.put("summary", step.summary());
            step.fragility().ifPresent(f -> {
                ObjectNode fragile = n.putObject("fragile");
                fragile.put("gap", f.gap());
                fragile.put("margin", f.margin());
            });
            ObjectNode values = n.putObject("values");
            for (Map.Entry<String, Double> v : step.values().entrySet()) {
                if (Double.isFinite(v.getValue())) {
                    values.put(v.getKey(), v.getValue());
                } else {
                    values.putNull(v.getKey());
                }
            }
        }
        return mapper.writeValueAsString(root) + System.lineSeparator();
    }
}
