package io.alchemiser.examples.research;

import io.alchemiser.dsl.read.Form;
import io.alchemiser.dsl.read.FormReader;
import io.alchemiser.dsl.read.SourcePosition;
import io.alchemiser.dsl.read.SourceText;
import io.alchemiser.dsl.read.SymphonyException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numeric literals of a symphony's source: finding the one a {@code --vary} names (the reader gives every form
 * its line and column) and writing other values in its place.
 *
 * <p>A literal is replaced as text, token for token, so the rest of the file — comments, layout, every other
 * position — is untouched and a variant's diagnostics point into a file the user can read. Each resolved literal's
 * token is read back on its own to check it is exactly the number the reader saw there.
 */
public final class Literals {
    private Literals() {
    }

    /**
     * The literal {@code request} names in {@code source}, with the values it takes.
     *
     * @throws SymphonyException positioned at the request's line and column when no number starts there, when a
     *                           whole-number literal would get a fraction, or when the text does not read
     */
    public static Vary resolve(SymphonySource source, Vary.Request request) {
        SourceText text = SourceText.of(source.file(), source.text());
        SourcePosition at = text.position(request.line(), request.column());
        Map<SourcePosition, Form> starts = formsByPosition(FormReader.read(text));
        Form form = starts.get(at);
        if (!(form instanceof Form.IntegerForm) && !(form instanceof Form.DecimalForm)) {
            throw error(text, at, notANumber(text, at, form, starts) + numbersOnLine(starts, request.line()));
        }
        int offset = offset(source.text(), request.line(), request.column());
        String token = source.text().substring(offset, tokenEnd(source.text(), offset));
        checkToken(token, form, text, at);
        boolean whole = form instanceof Form.IntegerForm;
        BigDecimal original = whole ? BigDecimal.valueOf(((Form.IntegerForm) form).value()) : exact(token, form);
        List<BigDecimal> grid = new ArrayList<>(request.grid());
        for (BigDecimal v : grid) {
            if (whole && v.stripTrailingZeros().scale() > 0) {
                throw error(text, at, token + " is a whole number; --vary " + request.text() + " gives it "
                        + v.toPlainString());
            }
        }
        boolean added = grid.stream().noneMatch(v -> v.compareTo(original) == 0);
        if (added) {
            grid.add(original);
            grid.sort(Comparator.naturalOrder());
        }
        List<String> values = new ArrayList<>();
        int originalIndex = -1;
        for (BigDecimal v : grid) {
            if (v.compareTo(original) == 0) {
                originalIndex = values.size();
                values.add(token);
            } else {
                values.add(whole ? v.toBigIntegerExact().toString() : decimal(v));
            }
        }
        return new Vary(request.line(), request.column(), token, values, originalIndex, added);
    }

    /**
     * {@code text} with each parameter's literal replaced by its text. Every parameter must name the start of a
     * number token (as {@link #resolve} checked).
     */
    public static String substitute(String text, List<Unit.Parameter> parameters) {
        record Edit(int start, int end, String replacement) {
        }
        List<Edit> edits = new ArrayList<>();
        for (Unit.Parameter p : parameters) {
            int start = offset(text, p.line(), p.column());
            edits.add(new Edit(start, tokenEnd(text, start), p.text()));
        }
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder sb = new StringBuilder(text);
        int limit = Integer.MAX_VALUE;
        for (Edit e : edits) {
            if (e.end() > limit) {
                throw new IllegalArgumentException("two parameters name the same literal at offset " + e.start());
            }
            sb.replace(e.start(), e.end(), e.replacement());
            limit = e.start();
        }
        return sb.toString();
    }

    /** Every form of the tree by where it starts; the outermost wins when two start at one place (they cannot). */
    private static Map<SourcePosition, Form> formsByPosition(List<Form> forms) {
        Map<SourcePosition, Form> out = new TreeMap<>(Comparator.comparingInt(SourcePosition::line)
                .thenComparingInt(SourcePosition::column));
        Deque<Form> todo = new ArrayDeque<>(forms);
        while (!todo.isEmpty()) {
            Form f = todo.pop();
            out.putIfAbsent(f.position(), f);
            if (f instanceof Form.ListForm l) {
                todo.addAll(l.items());
            } else if (f instanceof Form.VectorForm v) {
                todo.addAll(v.items());
            } else if (f instanceof Form.MapForm m) {
                for (Form.MapForm.Entry e : m.entries()) {
                    todo.add(e.key());
                    todo.add(e.value());
                }
            }
        }
        return out;
    }

    private static String notANumber(SourceText text, SourcePosition at, Form form, Map<SourcePosition, Form> starts) {
        if (form != null) {
            return "no number starts here: " + describe(form) + " does";
        }
        String line = text.line(at.line());
        if (line.isEmpty() && starts.keySet().stream().noneMatch(p -> p.line() >= at.line())) {
            return "no number starts here: the file has no form on line " + at.line() + " or after";
        }
        int columns = line.codePointCount(0, line.length());
        if (at.column() > columns) {
            return "no number starts here: line " + at.line() + " has " + columns + " column" + (columns == 1 ? "" : "s");
        }
        return "no number starts here (this is inside or between forms)";
    }

    private static String numbersOnLine(Map<SourcePosition, Form> starts, int line) {
        List<String> columns = new ArrayList<>();
        for (Map.Entry<SourcePosition, Form> e : starts.entrySet()) {
            if (e.getKey().line() == line
                    && (e.getValue() instanceof Form.IntegerForm || e.getValue() instanceof Form.DecimalForm)) {
                columns.add(String.valueOf(e.getKey().column()));
            }
        }
        if (columns.isEmpty()) {
            return "; line " + line + " has no number";
        }
        return "; numbers on line " + line + " start at column" + (columns.size() == 1 ? " " : "s ")
                + String.join(", ", columns);
    }

    private static String describe(Form f) {
        if (f instanceof Form.SymbolForm s) {
            return "the symbol " + s.name();
        } else if (f instanceof Form.KeywordForm k) {
            return "the keyword :" + k.name();
        } else if (f instanceof Form.StringForm) {
            return "a string";
        } else if (f instanceof Form.ListForm) {
            return "a list '('";
        } else if (f instanceof Form.VectorForm) {
            return "a vector '['";
        } else if (f instanceof Form.MapForm) {
            return "a map '{'";
        }
        return "the literal " + (f instanceof Form.BooleanForm b ? String.valueOf(b.value()) : "nil");
    }

    /** The token read on its own must be the very number the reader saw at that position. */
    private static void checkToken(String token, Form form, SourceText text, SourcePosition at) {
        List<Form> alone = FormReader.read(text.file(), token);
        Form read = alone.size() == 1 ? alone.get(0) : null;
        boolean same = form instanceof Form.IntegerForm i
                ? read instanceof Form.IntegerForm j && i.value() == j.value()
                : read instanceof Form.DecimalForm d
                        && Double.compare(((Form.DecimalForm) form).value(), d.value()) == 0;
        if (!same) {
            throw error(text, at, "cannot vary '" + token + "': it does not read as the number alone");
        }
    }

    private static BigDecimal exact(String token, Form form) {
        try {
            return new BigDecimal(token);
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(((Form.DecimalForm) form).value());
        }
    }

    /** A decimal literal: plain digits with a decimal point, so the reader reads a decimal again. */
    private static String decimal(BigDecimal v) {
        String plain = v.stripTrailingZeros().toPlainString();
        return plain.indexOf('.') >= 0 ? plain : plain + ".0";
    }

    /** The char offset of a 1-based line and code-point column; line breaks as {@link SourceText} counts them. */
    static int offset(String text, int line, int column) {
        int i = 0;
        for (int l = 1; l < line; l++) {
            while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                i++;
            }
            if (i >= text.length()) {
                throw new IllegalArgumentException("the text has fewer than " + line + " lines");
            }
            i += text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
        }
        return text.offsetByCodePoints(i, column - 1);
    }

    /** Where the token starting at {@code start} ends: at the next whitespace or {@code , ( ) [ ] { } " ;}. */
    static int tokenEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (Character.isWhitespace(cp) || cp < 128 && "(),[]{}\";".indexOf(cp) >= 0) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static SymphonyException error(SourceText text, SourcePosition at, String message) {
        return new SymphonyException(List.of(text.error(at, message)));
    }
}
