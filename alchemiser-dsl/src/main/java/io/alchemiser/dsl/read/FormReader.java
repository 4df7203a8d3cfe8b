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
    private final String text;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final Deque<Frame> open = new ArrayDeque<>();
    private int index;
    private int line = 1;
    private int column = 1;
    private boolean unterminatedString;

    private FormReader(SourceText source) {
        this.source = source;
        this.text = source.text();
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
        if (!reader.errors.isEmpty()) {
            throw new SymphonySyntaxException(reader.errors);
        }
        return forms;
    }

    private List<Form> readAll() {
        Frame top = new Frame(Frame.TOP, position());
        open.push(top);
        if (text.startsWith("\uFEFF")) {
            index = 1;
        }
        while (index < text.length() && errors.size() < MAX_ERRORS) {
            skipBlanks();
            if (index < text.length()) {
                readNext();
            }
        }
        if (errors.size() >= MAX_ERRORS) {
            errors.subList(MAX_ERRORS - 1, errors.size()).clear();
            errors.add(source.error(position(), "too many errors; stopped reading here"));
        } else if (open.size() > 1 && !unterminatedString) {
            Frame innermost = open.peek();
            String more = open.size() > 2 ? " (and " + (open.size() - 2) + " enclosing brackets)" : "";
            error(position(), "unexpected end of file: '" + innermost.opener() + "' opened at "
                    + innermost.position.line() + ":" + innermost.position.column() + " is not closed" + more);
        }
        return top.items;
    }

    /** The fast path over the indentation that makes up most of an export. */
    private void skipBlanks() {
        int i = index;
        int col = column;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == ',' || c == '\t') {
                col++;
            } else if (c == '\n') {
                line++;
                col = 1;
            } else {
                break;
            }
            i++;
        }
        index = i;
        column = col;
    }

    private void readNext() {
        char c = text.charAt(index);
        switch (c) {
            case '(', '[', '{':
                open.push(new Frame(c, position()));
                advance();
                return;
            case ')', ']', '}':
                close(c);
                return;
            case '"':
                readString();
                return;
            case ';':
                while (index < text.length() && text.charAt(index) != '\n' && text.charAt(index) != '\r') {
                    advance();
                }
                return;
            default:
                break;
        }
        int cp = text.codePointAt(index);
        if (Atoms.isDelimiter(cp)) {
            advance();
        } else if (Atoms.isMacroStart(cp)) {
            error(position(), "unsupported syntax '" + new String(Character.toChars(cp))
                    + "': symphonies use only lists, vectors, maps, strings, numbers, keywords and symbols");
            advance();
        } else {
            readToken();
        }
    }

    private void close(char closer) {
        SourcePosition at = position();
        char wanted = closer == ')' ? '(' : closer == ']' ? '[' : '{';
        advance();
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

    private void readString() {
        SourcePosition start = position();
        advance();
        StringBuilder value = new StringBuilder();
        while (true) {
            if (index >= text.length()) {
                error(start, "unterminated string: no closing '\"' before the end of the file");
                unterminatedString = true;
                return;
            }
            char c = text.charAt(index);
            if (c == '"') {
                advance();
                open.peek().items.add(new StringForm(value.toString(), start));
                return;
            }
            if (c == '\\') {
                readEscape(value);
            } else if (c == '\n' || c == '\r' || Character.isSurrogate(c)) {
                value.appendCodePoint(text.codePointAt(index));
                advance();
            } else {
                int end = index + 1;
                while (end < text.length() && isPlainStringChar(text.charAt(end))) {
                    end++;
                }
                value.append(text, index, end);
                column += end - index;
                index = end;
            }
        }
    }

    private static boolean isPlainStringChar(char c) {
        return c != '"' && c != '\\' && c != '\n' && c != '\r' && !Character.isSurrogate(c);
    }

    private void readEscape(StringBuilder value) {
        SourcePosition at = position();
        advance();
        if (index >= text.length()) {
            return;
        }
        char c = text.charAt(index);
        switch (c) {
            case '"', '\\':
                value.append(c);
                break;
            case 'n':
                value.append('\n');
                break;
            case 't':
                value.append('\t');
                break;
            case 'r':
                value.append('\r');
                break;
            case 'b':
                value.append('\b');
                break;
            case 'f':
                value.append('\f');
                break;
            case 'u':
                readUnicodeEscape(value, at);
                return;
            default:
                if (c >= '0' && c <= '7') {
                    readOctalEscape(value);
                    return;
                }
                int cp = text.codePointAt(index);
                error(at, "unsupported escape '\\" + new String(Character.toChars(cp))
                        + "' in string: use \\\" \\\\ \\n \\t \\r \\b \\f or \\uXXXX");
                return;
        }
        advance();
    }

    private void readUnicodeEscape(StringBuilder value, SourcePosition at) {
        advance();
        int code = 0;
        for (int digit = 0; digit < 4; digit++) {
            int hex = index < text.length() ? hexValue(text.charAt(index)) : -1;
            if (hex < 0) {
                error(at, "invalid escape in string: \\u needs four hex digits");
                return;
            }
            code = code * 16 + hex;
            advance();
        }
        value.append((char) code);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private void readOctalEscape(StringBuilder value) {
        int code = 0;
        int digits = 0;
        while (digits < 3 && index < text.length() && text.charAt(index) >= '0' && text.charAt(index) <= '7'
                && code * 8 + (text.charAt(index) - '0') <= 0377) {
            code = code * 8 + (text.charAt(index) - '0');
            digits++;
            advance();
        }
        value.append((char) code);
    }

    private void readToken() {
        SourcePosition start = position();
        int from = index;
        while (index < text.length()) {
            char c = text.charAt(index);
            int cp = Character.isHighSurrogate(c) ? text.codePointAt(index) : c;
            if (Atoms.isDelimiter(cp)) {
                break;
            }
            index += Character.charCount(cp);
            column++;
        }
        Form form = atom(text.substring(from, index), start);
        if (form != null) {
            open.peek().items.add(form);
        }
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

    private void advance() {
        char c = text.charAt(index++);
        if (c == '\n') {
            line++;
            column = 1;
        } else if (c == '\r') {
            if (index < text.length() && text.charAt(index) == '\n') {
                index++;
            }
            line++;
            column = 1;
        } else {
            if (Character.isHighSurrogate(c) && index < text.length() && Character.isLowSurrogate(text.charAt(index))) {
                index++;
            }
            column++;
        }
    }

    private SourcePosition position() {
        return source.position(line, column);
    }

    private void error(SourcePosition at, String message) {
        errors.add(source.error(at, message));
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
