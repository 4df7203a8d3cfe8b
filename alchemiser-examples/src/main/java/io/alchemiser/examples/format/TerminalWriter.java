package io.alchemiser.examples.format;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * A writer for a terminal that replaces every {@linkplain Text#isControl control character} except line feed,
 * carriage return and tab with U+FFFD before it reaches the terminal: the last line of defence that keeps escape
 * sequences carried by a value (a symphony name, a broker's message, a line of a symphony file quoted in an error)
 * from being obeyed, whatever printed it. Reports still clean their values themselves ({@link Text#oneLine}), so
 * a value cannot break a line either; this writer only guarantees that nothing raw gets through.
 */
public final class TerminalWriter extends FilterWriter {
    private TerminalWriter(Writer out) {
        super(out);
    }

    /** A print writer over {@code out} that neutralises control characters, flushing on {@code println}. */
    public static PrintWriter printWriter(Writer out) {
        return new PrintWriter(new TerminalWriter(out), true);
    }

    @Override
    public void write(int c) throws IOException {
        out.write(safe((char) c));
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        char[] copy = new char[len];
        for (int i = 0; i < len; i++) {
            copy[i] = safe(buf[off + i]);
        }
        out.write(copy, 0, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        char[] chars = new char[len];
        str.getChars(off, off + len, chars, 0);
        write(chars, 0, len);
    }

    private static char safe(char c) {
        return Text.isControl(c) && !Text.isLayout(c) ? Text.REPLACEMENT : c;
    }
}
