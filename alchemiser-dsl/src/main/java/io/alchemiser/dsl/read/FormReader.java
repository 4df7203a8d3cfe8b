package io.alchemiser.dsl.read;

import io.alchemiser.dsl.read.Form.BooleanForm;
import io.alchemiser.dsl.read.Form.DecimalForm;
import io.alchemiser.dsl.read.Form.IntegerForm;
import io.alchemiser.dsl.read.Form.KeywordForm;
import io.alchemiser.dsl.read.Form.ListForm;
import io.alchemiser.dsl.read.Form.MapForm;
import io.alchemiser.dsl.read.Form.NilForm;
import io.alchemiser.dsl.read.Form.SymbolForm;
import io.alchemiser.dsl.read.Form.VectorForm;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads symphony text into forms: lists, vectors, maps, strings (escapes <code>\" \\ \n \t \r \b \f &#92;uXXXX</code>
 * and octal {@code \NNN}), integers, decimals, keywords, symbols, {@code nil}, {@code true}, {@code false};
 * {@code ;} starts a comment to the end of the line and commas are whitespace. A byte-order mark at the start is
 * ignored.
 *
 * <p>The reader keeps an explicit stack of open brackets instead of recursing, so nesting depth is limited only
 * by memory. After an error it recovers (skips the bad token, closes brackets to the one a stray closer matches)
 * and goes on, so one read reports every independent error, up to {@value #MAX_ERRORS}.
 */
public final class FormReader {
    /** The most diagnostics one read reports; the last says that reading stopped. */
    public static final int MAX_ERRORS = 100;

    private final SourceText source;
    private final Scanner scanner;
    private final Deque<Frame> open = new ArrayDeque<>();

    private FormReader(SourceText source) {
        this.source = source;
        this.scanner = new Scanner(source);
    }

    /**
     * Reads every top-level form of {@code text}.
     *
     * @param file the name positions and diagnostics carry
     * @throws SymphonySyntaxException with every error found, each with its position; nothing else is thrown
     *                                 for any text
     */
    public static List<Form> read(String file, String text) {
        return read(SourceText.of(file, text));
    }

    /** As {@link #read(String, String)}, for text already wrapped as a {@link SourceText}. */
    public static List<Form> read(SourceText source) {
        FormReader reader = new FormReader(source);
        List<Form> forms = reader.readAll();
        if (!reader.scanner.errors().isEmpty()) {
            throw new SymphonySyntaxException(reader.scanner.errors());
        }
        return forms;
    }

    private List<Form> readAll() {
        Frame top = new Frame(Frame.TOP, position());
        open.push(top);
        List<Diagnostic> errors = scanner.errors();
        while (!scanner.atEnd() && errors.size() < MAX_ERRORS) {
            scanner.skipBlanks();
            if (!scanner.atEnd()) {
                readNext();
            }
        }
        if (errors.size() >= MAX_ERRORS) {
            errors.subList(MAX_ERRORS - 1, errors.size()).clear();
            errors.add(source.error(position(), "too many errors; stopped reading here"));
        } else if (open.size() > 1 && !scanner.sawUnterminatedString()) {
            Frame innermost = open.peek();
            String more = open.size() > 2 ? " (and " + (open.size() - 2) + " enclosing brackets)" : "";
            error(position(), "unexpected end of file: '" + innermost.opener() + "' opened at "
                    + innermost.position.line() + ":" + innermost.position.column() + " is not closed" + more);
        }
        return top.items;
    }

    private void readNext() {
        char c = scanner.peek();
        switch (c) {
            case '(', '[', '{':
                open.push(new Frame(c, position()));
                scanner.advance();
                return;
            case ')', ']', '}':
                close(c);
                return;
            case '"':
                add(scanner.string());
                return;
            case ';':
                scanner.skipComment();
                return;
            default:
                break;
        }
        int cp = scanner.peekCodePoint();
        if (Atoms.isDelimiter(cp)) {
            scanner.advance();
        } else if (Atoms.isMacroStart(cp)) {
            error(position(), "unsupported syntax '" + new String(Character.toChars(cp))
                    + "': symphonies use only lists, vectors, maps, strings, numbers, keywords and symbols");
            scanner.advance();
        } else {
            SourcePosition start = position();
            add(atom(scanner.token(), start));
        }
    }

    /** Adds a form to the innermost open bracket; {@code null} (an error already reported) adds nothing. */
    private void add(Form form) {
        if (form != null) {
            open.peek().items.add(form);
        }
    }

    private void close(char closer) {
        SourcePosition at = position();
        char wanted = closer == ')' ? '(' : closer == ']' ? '[' : '{';
        scanner.advance();
        Frame innermost = open.peek();
        if (innermost.kind == wanted) {
            closeInnermost();
            return;
        }
        boolean matchesOuter = open.stream().anyMatch(frame -> frame.kind == wanted);
        if (innermost.kind == Frame.TOP) {
            error(at, "unexpected '" + closer + "': no '" + wanted + "' is open");
        } else if (!matchesOuter) {
            error(at, "unexpected '" + closer + "': the innermost open bracket is '" + innermost.opener()
                    + "' at " + innermost.position.line() + ":" + innermost.position.column()
                    + ", closed by '" + innermost.closer() + "'");
        } else {
            error(at, "expected '" + innermost.closer() + "' to close '" + innermost.opener() + "' at "
                    + innermost.position.line() + ":" + innermost.position.column() + ", got '" + closer + "'");
            while (open.peek().kind != wanted) {
                closeInnermost();
            }
            closeInnermost();
        }
    }

    private void closeInnermost() {
        Frame frame = open.pop();
        if (frame.kind == '{' && frame.items.size() % 2 != 0) {
            error(frame.position, "a map needs key-value pairs, got an odd number of forms ("
                    + frame.items.size() + ")");
        }
        open.peek().items.add(frame.toForm());
    }

    private Form atom(String token, SourcePosition at) {
        if (Atoms.looksNumeric(token)) {
            Number number = Atoms.parseNumber(token);
            if (number instanceof Long) {
                return new IntegerForm(number.longValue(), at);
            }
            if (number instanceof Double) {
                return new DecimalForm(number.doubleValue(), at);
            }
            error(at, "invalid number '" + token + "': expected an integer such as 10 or -3, "
                    + "or a decimal such as 0.25 or -10.5");
            return null;
        }
        if (token.charAt(0) == ':') {
            String name = token.substring(1);
            if (Atoms.isKeywordName(name)) {
                return new KeywordForm(name, at);
            }
            error(at, name.isEmpty() ? "a keyword needs a name after ':'"
                    : "invalid keyword '" + token + "': '::' keywords are not supported");
            return null;
        }
        switch (token) {
            case "nil":
                return new NilForm(at);
            case "true":
                return new BooleanForm(true, at);
            case "false":
                return new BooleanForm(false, at);
            default:
                return new SymbolForm(token, at);
        }
    }

    private SourcePosition position() {
        return scanner.position();
    }

    private void error(SourcePosition at, String message) {
        scanner.error(at, message);
    }

    /** An open bracket and the forms read inside it so far. */
    private static final class Frame {
        static final char TOP = 0;
        final char kind;
        final SourcePosition position;
        final List<Form> items = new ArrayList<>();

        Frame(char kind, SourcePosition position) {
            this.kind = kind;
            this.position = position;
        }

        char opener() {
            return kind;
        }

        char closer() {
            return kind == '(' ? ')' : kind == '[' ? ']' : '}';
        }

        Form toForm() {
            if (kind == '(') {
                return new ListForm(items, position);
            }
            if (kind == '[') {
                return new VectorForm(items, position);
            }
            List<MapForm.Entry> entries = new ArrayList<>(items.size() / 2);
            for (int i = 0; i + 1 < items.size(); i += 2) {
                entries.add(new MapForm.Entry(items.get(i), items.get(i + 1)));
            }
            return new MapForm(entries, position);
        }
    }
}
