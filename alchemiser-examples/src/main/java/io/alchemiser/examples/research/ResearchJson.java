package io.alchemiser.examples.research;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The JSON pieces the research reports share: the job's settings and one unit's result. */
final class ResearchJson {
    private ResearchJson() {
    }

    /** {@code kind, from, to, oosFrom, costs, benchmark, startCapital, riskFreeRate, units}. */
    static void job(ObjectNode o, ResearchJob job) {
        JobSettings s = job.settings();
        o.put("kind", job.kind().name().toLowerCase(Locale.ROOT));
        putDate(o, "from", s.from());
        o.put("to", s.to().toString());
        putDate(o, "oosFrom", s.oosFrom());
        o.put("costs", s.costs().keyword());
        o.put("benchmark", s.benchmark());
        o.put("startCapital", s.startCapital());
        o.put("riskFreeRate", s.riskFreeRate());
        o.put("units", job.units().size());
    }

    /**
     * {@code file, symphony, parameters, status, failure, reason, investedFrom, inSample, outOfSample}; a failed
     * unit has null statistics.
     */
    static void result(ObjectNode o, UnitResult r) {
        o.put("file", r.file());
        o.put("symphony", r.symphony());
        ArrayNode p = o.putArray("parameters");
        r.parameters().forEach(p::add);
        o.put("status", r.ok() ? "ok" : "failed");
        if (r.ok()) {
            o.putNull("failure");
        } else {
            o.put("failure", r.failure().name().toLowerCase(Locale.ROOT));
        }
        o.put("reason", r.reason());
        putDate(o, "investedFrom", r.investedFrom());
        StatColumns.json(o, "inSample", r.inSample());
        StatColumns.json(o, "outOfSample", r.outOfSample());
    }

    private static void putDate(ObjectNode o, String key, java.time.LocalDate date) {
        if (date == null) {
            o.putNull(key);
        } else {
            o.put(key, date.toString());
        }
    }
}
