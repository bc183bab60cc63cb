package dev.centaur.cli.demo;

import java.util.ArrayList;
import java.util.List;

/** A titled two-column text table with separator lines, sized to its content. */
final class ReportTable {

    private static final String[] SEPARATOR = new String[0];

    private final String title;
    private final List<String[]> rows = new ArrayList<>();

    ReportTable(String title) {
        this.title = title;
    }

    void row(String name, String value) {
        rows.add(new String[] {name, value});
    }

    void separator() {
        rows.add(SEPARATOR);
    }

    String render() {
        int nameWidth = 0;
        int valueWidth = 0;
        for (String[] row : rows) {
            if (row != SEPARATOR) {
                nameWidth = Math.max(nameWidth, row[0].length());
                valueWidth = Math.max(valueWidth, row[1].length());
            }
        }
        valueWidth = Math.max(valueWidth, title.length() - nameWidth - 3);
        String line = "+" + "-".repeat(nameWidth + 2) + "+" + "-".repeat(valueWidth + 2) + "+\n";
        StringBuilder text = new StringBuilder();
        text.append("+").append("-".repeat(nameWidth + valueWidth + 5)).append("+\n");
        text.append(String.format("| %-" + (nameWidth + valueWidth + 3) + "s |%n", title));
        text.append(line);
        for (String[] row : rows) {
            if (row == SEPARATOR) {
                text.append(line);
            } else {
                text.append(String.format("| %-" + nameWidth + "s | %-" + valueWidth + "s |%n", row[0], row[1]));
            }
        }
        text.append(line);
        return text.toString();
    }
}
