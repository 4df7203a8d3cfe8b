package io.alchemiser.examples.research;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One unit of work: one backtest of one symphony of the job, with its numeric literals at the given positions
 * replaced (none for {@code rank}), over the job's window.
 *
 * @param index      the unit's place in the job, from 0; results come back in this order
 * @param source     which of the job's {@link ResearchJob#sources() sources}
 * @param parameters the literals replaced, in the job's order of varied positions
 */
public record Unit(int index, int source, List<Parameter> parameters) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Unit {
        if (index < 0 || source < 0) {
            throw new IllegalArgumentException("a unit's index and source are not negative");
        }
        parameters = List.copyOf(parameters);
    }

    /**
     * One literal's replacement.
     *
     * @param line   1-based line of the literal's first character
     * @param column 1-based column (code points) of the literal's first character
     * @param text   the number as it is written into the source, e.g. {@code 14} or {@code 0.05}
     */
    public record Parameter(int line, int column, String text) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Parameter {
            Objects.requireNonNull(text, "text");
            if (line < 1 || column < 1) {
                throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
            }
        }
    }
}
