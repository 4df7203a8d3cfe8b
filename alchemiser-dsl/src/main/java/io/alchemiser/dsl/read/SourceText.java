package io.alchemiser.dsl.read;

import java.util.Arrays;
import java.util.Objects;

/**
 * A symphony's text and the name it is reported under; turns a position and a message into a {@link Diagnostic}
 * that quotes the offending line. Line breaks are {@code \n}, {@code \r\n} or a lone {@code \r}.
 */
public final class SourceText {
    private final String file;
    private final String text;
    private volatile int[] lineStarts;

    private SourceText(String file, String text) {
        this.file = Objects.requireNonNull(file, "file");
        this.text = Objects.requireNonNull(text, "text");
    }

    /** @param file the name diagnostics show, usually the path as the user gave it */
    public static SourceText of(String file, String text) {
        return new SourceText(file, text);
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    /** A position in this file. */
    public SourcePosition position(int line, int column) {
        return new SourcePosition(file, line, column);
    }

    /** An error at {@code position}, quoting its line if the position lies in this text. */
    public Diagnostic error(SourcePosition position, String message) {
        String line = file.equals(position.file()) ? line(position.line()) : "";
        return new Diagnostic(position, message, line);
    }

    /** The text of a 1-based line without its line break; {@code ""} if there is no such line. */
    public String line(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return "";
        }
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int[] starts = new int[16];
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
                if (lineBreak) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
            lineStarts = Arrays.copyOf(starts, count);
        }
        return lineStarts;
    }
}
