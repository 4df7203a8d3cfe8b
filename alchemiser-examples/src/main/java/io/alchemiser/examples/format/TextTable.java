package io.alchemiser.examples.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain-text table: a header line, a rule of dashes, then one line per row; every column is as wide as its
 * widest cell (in code points), two spaces apart; cells that are numbers ({@code 12}, {@code -3.5},
 * {@code $1,234.50}, {@code -$3.00}, {@code 17.50%}) are right-aligned, the rest left-aligned; trailing spaces are
 * dropped. Every cell goes through {@link Text#oneLine}, so a value can neither break the layout nor carry a
 * terminal escape sequence. {@link #under} adds a free line below a row (details, not part of the columns).
 *
 * <pre>
 * symbol  weight  strategies
 * ------  ------  -----------------
 * SPY     60.00%  Nuclear 60.00%
 * </pre>
 */
public final class TextTable {
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\$?[0-9][0-9,.]*%?");

    private final List<String> headers;
    private final List<Line> lines = new ArrayList<>();
    private String indent = "";

    /** A table with these column headers. */
    public TextTable(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.headers = List.of(headers).stream().map(Text::oneLine).toList();
    }

    /** Starts every line of the table, free lines included, with {@code prefix} (e.g. two spaces). */
    public TextTable indent(String prefix) {
        this.indent = Text.oneLine(prefix);
        return this;
    }

    /**
     * Adds a row; {@code null} cells are empty, others are their {@link String#valueOf}.
     *
     * @throws IllegalArgumentException if the number of cells is not the number of columns
     */
    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object c : cells) {
            row.add(c == null ? "" : Text.oneLine(String.valueOf(c)));
        }
        lines.add(new Line(row, null));
        return this;
    }

    /** Adds a line of free text below the last row, as is after the indent (one line; not aligned to columns). */
    public TextTable under(String text) {
        lines.add(new Line(null, Text.oneLine(text)));
        return this;
    }

    /** Whether no row was added. */
    public boolean isEmpty() {
        return lines.stream().noneMatch(l -> l.cells != null);
    }

    /** The table, each line ending with a newline. */
    public String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Text.width(headers.get(i));
            for (Line l : lines) {
                if (l.cells != null) {
                    widths[i] = Math.max(widths[i], Text.width(l.cells.get(i)));
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        append(sb, headers, widths, false);
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        append(sb, rule, widths, false);
        for (Line l : lines) {
            if (l.cells != null) {
                append(sb, l.cells, widths, true);
            } else {
                sb.append((indent + l.free).stripTrailing()).append('\n');
            }
        }
        return sb.toString();
    }

    private void append(StringBuilder sb, List<String> cells, int[] widths, boolean alignNumbers) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < widths.length; i++) {
            String c = cells.get(i);
            String pad = " ".repeat(widths[i] - Text.width(c));
            boolean right = alignNumbers && NUMBER.matcher(c).matches();
            line.append(i == 0 ? "" : "  ").append(right ? pad + c : c + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    /** A row (cells) or a free line (free). */
    private record Line(List<String> cells, String free) {
    }
}
