package io.alchemiser.dsl.read;

import io.alchemiser.dsl.read.Form.BooleanForm;
import io.alchemiser.dsl.read.Form.DecimalForm;
import io.alchemiser.dsl.read.Form.IntegerForm;
import io.alchemiser.dsl.read.Form.KeywordForm;
import io.alchemiser.dsl.read.Form.ListForm;
import io.alchemiser.dsl.read.Form.MapForm;
import io.alchemiser.dsl.read.Form.NilForm;
import io.alchemiser.dsl.read.Form.StringForm;
import io.alchemiser.dsl.read.Form.SymbolForm;
import io.alchemiser.dsl.read.Form.VectorForm;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Prints forms back to text on one line, in the style Composer exports ({@code {:window 10, :k v}} maps, quoted
 * strings with escapes). {@code FormReader.read(print(form))} gives a form equal to {@code form} apart from
 * positions. Printing uses an explicit stack, so any depth prints.
 */
public final class FormPrinter {
    private static final String ELLIPSIS = "…";

    private FormPrinter() {
    }

    /** The whole form as readable text. */
    public static String print(Form form) {
        StringBuilder out = new StringBuilder();
        print(form, out, Integer.MAX_VALUE);
        return out.toString();
    }

    /**
     * The form as text for a message, cut after about {@code maxChars} characters with {@code …}; stops early
     * so that abbreviating a 40,000-node subtree costs no more than printing {@code maxChars}.
     */
    public static String abbreviate(Form form, int maxChars) {
        StringBuilder out = new StringBuilder();
        if (!print(form, out, maxChars)) {
            out.setLength(Math.min(out.length(), maxChars));
            out.append(ELLIPSIS);
        }
        return out.toString();
    }

    /** Appends the form, stopping once more than {@code limit} characters are written; true if it finished. */
    private static boolean print(Form root, StringBuilder out, int limit) {
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            if (out.length() > limit) {
                return false;
            }
            Object next = pending.pop();
            if (next instanceof String) {
                out.append((String) next);
            } else if (next instanceof ListForm) {
                out.append('(');
                pushItems(pending, ((ListForm) next).items(), ")");
            } else if (next instanceof VectorForm) {
                out.append('[');
                pushItems(pending, ((VectorForm) next).items(), "]");
            } else if (next instanceof MapForm) {
                out.append('{');
                pushEntries(pending, ((MapForm) next).entries());
            } else {
                appendAtom((Form) next, out);
            }
        }
        return out.length() <= limit;
    }

    private static void pushItems(Deque<Object> pending, List<Form> items, String closer) {
        pending.push(closer);
        for (int i = items.size() - 1; i >= 0; i--) {
            pending.push(items.get(i));
            if (i > 0) {
                pending.push(" ");
            }
        }
    }

    private static void pushEntries(Deque<Object> pending, List<MapForm.Entry> entries) {
        pending.push("}");
        for (int i = entries.size() - 1; i >= 0; i--) {
            pending.push(entries.get(i).value());
            pending.push(" ");
            pending.push(entries.get(i).key());
            if (i > 0) {
                pending.push(", ");
            }
        }
    }

    private static void appendAtom(Form form, StringBuilder out) {
        if (form instanceof StringForm) {
            appendString(((StringForm) form).value(), out);
        } else if (form instanceof IntegerForm) {
            out.append(((IntegerForm) form).value());
        } else if (form instanceof DecimalForm) {
            out.append(Double.toString(((DecimalForm) form).value()));
        } else if (form instanceof KeywordForm) {
            out.append(':').append(((KeywordForm) form).name());
        } else if (form instanceof SymbolForm) {
            out.append(((SymbolForm) form).name());
        } else if (form instanceof NilForm) {
            out.append("nil");
        } else if (form instanceof BooleanForm) {
            out.append(((BooleanForm) form).value());
        } else {
            throw new IllegalStateException("not an atom: " + form.getClass().getSimpleName());
        }
    }

    private static void appendString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
