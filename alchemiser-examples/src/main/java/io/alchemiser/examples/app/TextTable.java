package io.alchemiser.examples.app;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
public final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(c == null ? "" : String.valueOf(c));
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers, widths, false);
        for (int i = 0; i < widths.length; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        sb.append('\n');
        for (List<String> r : rows) {
            line(sb, r, widths, true);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths, boolean alignNumbers) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String c = cells.get(i);
            boolean right = alignNumbers && c.matches("[-+$]?[0-9][0-9,.]*%?");
            String pad = " ".repeat(widths[i] - c.length());
            line.append(i == 0 ? "" : "  ").append(right ? pad + c : c + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
