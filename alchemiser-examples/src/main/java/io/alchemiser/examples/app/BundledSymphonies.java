package io.alchemiser.examples.app;

import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The example symphonies shipped in the jar (written for this project in Composer's export dialect), with the
 * allocation the demo gives each.
 */
public final class BundledSymphonies {
    /** Resource file → allocation. */
    public static final Map<String, Double> DEMO = demo();

    private BundledSymphonies() {
    }

    private static Map<String, Double> demo() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("momentum_guard.clj", 0.40);
        m.put("all_weather.clj", 0.35);
        m.put("trend_leverage.clj", 0.25);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Reads and compiles a bundled symphony by file name. */
    public static Symphony load(String file) {
        String text = text(file);
        return Symphonies.compile(file, text);
    }

    /** The source text of a bundled symphony. */
    public static String text(String file) {
        try (InputStream in = BundledSymphonies.class.getResourceAsStream("/symphonies/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled symphony named " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
