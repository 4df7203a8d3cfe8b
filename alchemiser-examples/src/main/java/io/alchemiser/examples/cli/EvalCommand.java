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

/** {@code eval FILE --data DIR --as-of DATE [--json]}: one symphony's weights and decision path as of a close. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a symphony as of the close of a date: target weights and the decision path. DIR is "
                + "a folder of SYMBOL.csv files (date,open,high,low,close,adj_close,volume) or a Parquet data lake. "
                + "With --json, one JSON object: symphony, asOf, weights, decisionPath.")
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Symphony symphony = Symphonies.compile(file);
        PriceHistory history = data.open();
        StrategyResult result = new SymphonyStrategy(symphony).evaluate(EvaluationSession.open(history, asOf), asOf);
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
        for (DecisionStep step : r.decisionPath()) {
            sb.append("  ").append(Text.oneLine(step.toString())).append('\n');
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
