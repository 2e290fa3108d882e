package org.netweave.controller.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A CLI table laid out like the NSX controller's: a header line, then one line per row, each
 * column left-aligned and padded to the width the real CLI uses. A value longer than its column
 * widens that column for the whole table, keeping at least one space before the next, so
 * alignment survives long ids. A collection cell prints one element per line with the other
 * columns blank, as the real CLI prints Hosts[]. Lines carry no trailing spaces.
 */
final class TextTable {
    private final List<String> names = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final List<List<List<String>>> rows = new ArrayList<>();

    /** A column and the width the real CLI gives it (its header plus padding). */
    TextTable column(String name, int width) {
        names.add(name);
        widths.add(width);
        return this;
    }

    /** One row; each cell is a value, or a collection of values for a multi-line cell. */
    TextTable row(Object... cells) {
        if (cells.length != names.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + names.size() + " columns");
        }
        List<List<String>> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell instanceof Collection<?> many ? many.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(cell)));
        }
        rows.add(row);
        return this;
    }

    String render() {
        int[] w = new int[names.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = Math.max(widths.get(c), names.get(c).length() + 1);
            for (List<List<String>> row : rows) {
                for (String line : row.get(c)) {
                    w[c] = Math.max(w[c], line.length() + 1);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, w, names);
        for (List<List<String>> row : rows) {
            int height = row.stream().mapToInt(List::size).max().orElse(1);
            for (int i = 0; i < Math.max(height, 1); i++) {
                List<String> cells = new ArrayList<>();
                for (List<String> cell : row) {
                    cells.add(i < cell.size() ? cell.get(i) : "");
                }
                line(out, w, cells);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, int[] w, List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(cells.get(c));
            if (c < cells.size() - 1) {
                line.append(" ".repeat(w[c] - cells.get(c).length()));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
