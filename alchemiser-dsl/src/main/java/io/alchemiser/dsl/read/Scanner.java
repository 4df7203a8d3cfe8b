package io.alchemiser.dsl.read;

import io.alchemiser.dsl.read.Form.StringForm;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the characters of a text, keeping line and column (1-based, columns in code points; {@code \n},
 * {@code \r\n} and a lone {@code \r} end a line), and scans the lexical pieces the reader needs: blanks,
 * comments, tokens and string literals. Collects the errors it finds on the way.
 */
final class Scanner {
    private final SourceText source;
    private final String text;
    private final List<Diagnostic> errors = new ArrayList<>();
    private int index;
    private int line = 1;
    private int column = 1;
    private boolean unterminatedString;

    Scanner(SourceText source) {
        this.source = source;
        this.text = source.text();
        if (text.startsWith("\uFEFF")) {
            index = 1;
        }
    }

    boolean atEnd() {
        return index >= text.length();
    }

    /** The current character; only when not {@link #atEnd()}. */
    char peek() {
        return text.charAt(index);
    }

    /** The current code point; only when not {@link #atEnd()}. */
    int peekCodePoint() {
        char c = text.charAt(index);
        return Character.isHighSurrogate(c) ? text.codePointAt(index) : c;
    }

    SourcePosition position() {
        return source.position(line, column);
    }

    void error(SourcePosition at, String message) {
        errors.add(source.error(at, message));
    }

    List<Diagnostic> errors() {
        return errors;
    }

    /** True once a string ran to the end of the text: brackets it swallowed are not worth reporting. */
    boolean sawUnterminatedString() {
        return unterminatedString;
    }

    /** The fast path over the indentation that makes up most of an export. */
    void skipBlanks() {
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

    /** Skips a {@code ;} comment up to (not over) the end of its line. */
    void skipComment() {
        while (index < text.length() && text.charAt(index) != '\n' && text.charAt(index) != '\r') {
            advance();
        }
    }

    /** The token starting here: every code point up to the next delimiter; at least one. */
    String token() {
        int from = index;
        while (index < text.length()) {
            int cp = peekCodePoint();
            if (Atoms.isDelimiter(cp)) {
                break;
            }
            index += Character.charCount(cp);
            column++;
        }
        return text.substring(from, index);
    }

    /**
     * The string literal starting at this {@code "}, or {@code null} if it runs to the end of the file (reported).
     *
     * <p>A string is closed on the line it starts: exports never break one across lines, so a line break inside a
     * string is a missing closing quote, reported where the string starts. To go on reading, the string then ends
     * at the end of its line, less any closing brackets it swallowed there, which are read as brackets again:
     * {@code (asset "SPY)} followed by a line break reads as {@code (asset "SPY")}.
     */
    StringForm string() {
        SourcePosition start = position();
        advance();
        int contentStart = index;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (index >= text.length()) {
                error(start, "unterminated string: no closing '\"' before the end of the file");
                unterminatedString = true;
                return null;
            }
            char c = text.charAt(index);
            if (c == '"') {
                advance();
                return new StringForm(value.toString(), start);
            }
            if (c == '\n' || c == '\r') {
                error(start, "string not closed on its line: add the closing '\"' (a symphony never breaks a string"
                        + " across lines)");
                giveBackClosers(contentStart, value);
                return new StringForm(value.toString(), start);
            }
            if (c == '\\') {
                readEscape(value);
            } else if (Character.isSurrogate(c)) {
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

    /**
     * At the line break that ends an unclosed string: steps back over the closing brackets (and blanks) that end the
     * line, taking them out of the string's value, so the reader sees them as brackets.
     */
    private void giveBackClosers(int contentStart, StringBuilder value) {
        int cut = index;
        while (cut > contentStart && isCloserOrBlank(text.charAt(cut - 1)) && text.charAt(cut - 2) != '\\') {
            cut--;
        }
        int run = index - cut;
        if (run > 0 && value.length() >= run && value.substring(value.length() - run).equals(text.substring(cut, index))) {
            value.setLength(value.length() - run);
            column -= run;
            index = cut;
        }
    }

    private static boolean isCloserOrBlank(char c) {
        return c == ')' || c == ']' || c == '}' || c == ' ' || c == ',' || c == '\t';
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

    /** Moves past one code point, or one line break. */
    void advance() {
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
}
