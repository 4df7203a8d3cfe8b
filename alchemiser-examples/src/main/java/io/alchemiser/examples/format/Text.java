package io.alchemiser.examples.format;

/**
 * User-controlled text made safe to print: symphony and strategy names, reasons from a broker, decision-path
 * lines, file names. A terminal obeys escape sequences ({@code ESC [ 2 J} clears the screen, others retitle the
 * window or rewrite what was printed), a carriage return rewrites the line, and bidirectional overrides reorder
 * what a reader sees; none of them may reach a terminal, a log or a mail from a value.
 *
 * <p>The rule, one for the whole app: a <em>control character</em> is any ISO control character (C0, DEL, C1) or
 * a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069). {@link #oneLine} turns line
 * breaks and tabs into spaces and every other control character into U+FFFD (�), so a value stays on its line
 * and in its table column; {@link Html#escape} and {@link TerminalWriter} keep line breaks and tabs (for text of
 * several lines) and replace the rest.
 */
public final class Text {
    /** What a control character is replaced with. */
    public static final char REPLACEMENT = '\uFFFD';

    private Text() {
    }

    /**
     * {@code text} on one line: CR LF, CR, LF and tab become one space each, every other control character
     * becomes {@link #REPLACEMENT}. {@code null} is the empty string.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char replacement;
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                out = copy(out, text, i);
                out.append(' ');
                i++;
                continue;
            } else if (c == '\n' || c == '\r' || c == '\t') {
                replacement = ' ';
            } else if (isControl(c)) {
                replacement = REPLACEMENT;
            } else {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            out = copy(out, text, i);
            out.append(replacement);
        }
        return out == null ? text : out.toString();
    }

    /** Whether {@code c} is a control character by the rule in the class comment (line breaks and tab included). */
    public static boolean isControl(char c) {
        return Character.isISOControl(c) || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }

    /** Line feed, carriage return and tab: the control characters plain text of several lines is made of. */
    static boolean isLayout(char c) {
        return c == '\n' || c == '\r' || c == '\t';
    }

    /** The display width of a cell: code points, so a character outside the BMP counts once. */
    static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    private static StringBuilder copy(StringBuilder out, String text, int upTo) {
        if (out != null) {
            return out;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        sb.append(text, 0, upTo);
        return sb;
    }
}
