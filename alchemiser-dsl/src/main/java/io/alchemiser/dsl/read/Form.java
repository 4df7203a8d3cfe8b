package io.alchemiser.dsl.read;

import java.util.List;
import java.util.Objects;

/**
 * One form of symphony source, as the reader produced it, with where it starts. Forms are immutable; two forms
 * are equal only if their contents and positions are (equality walks the whole form). Names of symbols and keywords are validated so that
 * {@link FormPrinter#print(Form)} always gives text that reads back to an equal form (apart from positions).
 */
public sealed interface Form {

    /** Where the form starts: its opening bracket, quote or first character. */
    SourcePosition position();

    /** {@code (head arg ...)}. */
    record ListForm(List<Form> items, SourcePosition position) implements Form {
        public ListForm {
            items = List.copyOf(items);
            Objects.requireNonNull(position, "position");
        }

        /** The form as text, cut after about 80 characters, and its position; never walks the whole tree. */
        @Override
        public String toString() {
            return getClass().getSimpleName() + "[" + FormPrinter.abbreviate(this, 80) + " at " + position + "]";
        }
    }

    /** {@code [item ...]}. */
    record VectorForm(List<Form> items, SourcePosition position) implements Form {
        public VectorForm {
            items = List.copyOf(items);
            Objects.requireNonNull(position, "position");
        }

        /** The form as text, cut after about 80 characters, and its position; never walks the whole tree. */
        @Override
        public String toString() {
            return getClass().getSimpleName() + "[" + FormPrinter.abbreviate(this, 80) + " at " + position + "]";
        }
    }

    /** {@code {key value ...}}, entries in source order; duplicate keys are kept for the compiler to report. */
    record MapForm(List<Entry> entries, SourcePosition position) implements Form {
        public MapForm {
            entries = List.copyOf(entries);
            Objects.requireNonNull(position, "position");
        }

        /** The form as text, cut after about 80 characters, and its position; never walks the whole tree. */
        @Override
        public String toString() {
            return getClass().getSimpleName() + "[" + FormPrinter.abbreviate(this, 80) + " at " + position + "]";
        }

        /** One key and its value. */
        public record Entry(Form key, Form value) {
            public Entry {
                Objects.requireNonNull(key, "key");
                Objects.requireNonNull(value, "value");
            }
        }
    }

    /** A string literal, escapes already resolved. */
    record StringForm(String value, SourcePosition position) implements Form {
        public StringForm {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(position, "position");
        }
    }

    /** An integer literal such as {@code 10} or {@code -3}. */
    record IntegerForm(long value, SourcePosition position) implements Form {
        public IntegerForm {
            Objects.requireNonNull(position, "position");
        }
    }

    /** A decimal literal such as {@code 0.1667}, {@code -10.5} or {@code 1.0E-5}; always finite. */
    record DecimalForm(double value, SourcePosition position) implements Form {
        public DecimalForm {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a decimal literal is finite, got " + value);
            }
            Objects.requireNonNull(position, "position");
        }
    }

    /** A keyword such as {@code :window}; {@code name} is without the colon. */
    record KeywordForm(String name, SourcePosition position) implements Form {
        public KeywordForm {
            if (!Atoms.isKeywordName(name)) {
                throw new IllegalArgumentException("not a keyword name: '" + name + "'");
            }
            Objects.requireNonNull(position, "position");
        }
    }

    /** A symbol such as {@code weight-equal} or {@code >}; never a number, {@code nil}, {@code true} or {@code false}. */
    record SymbolForm(String name, SourcePosition position) implements Form {
        public SymbolForm {
            if (!Atoms.isSymbolName(name)) {
                throw new IllegalArgumentException("not a symbol name: '" + name + "'");
            }
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code nil}. */
    record NilForm(SourcePosition position) implements Form {
        public NilForm {
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code true} or {@code false}. */
    record BooleanForm(boolean value, SourcePosition position) implements Form {
        public BooleanForm {
            Objects.requireNonNull(position, "position");
        }
    }
}
