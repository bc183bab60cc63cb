package dev.centaur.cli.items;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.centaur.cli.dataset.CsvReader;
import dev.centaur.cli.dataset.DatasetFormatException;
import dev.centaur.cli.dataset.DatasetItem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a file of items to import, checking every line before anything is sent: CSV with a header
 * {@code id,text} or {@code id,text_a,text_b} (plus an optional {@code label} column), or JSON
 * lines ({@code {"id", "text"}} or {@code {"id", "text_a", "text_b"}}, optional {@code "label"}),
 * and optionally a gold file {@code item_id,label}. Every bad line is recorded (file, line, what is
 * wrong); a file with any bad line must be imported not at all.
 */
public final class ItemFile {

    /** At most this many problems are kept for the report; all are counted. */
    public static final int MAX_REPORTED_PROBLEMS = 50;
    static final int MAX_ITEM_ID_LENGTH = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the file holds: items in file order, gold labels by item id, and the problems found. */
    public record Contents(List<DatasetItem> items, Map<String, String> gold, List<String> problems, int problemCount) {

        public boolean valid() {
            return problemCount == 0;
        }
    }

    private final List<String> labels;
    private final List<DatasetItem> items = new ArrayList<>();
    private final Map<String, String> gold = new LinkedHashMap<>();
    private final Map<String, Long> lineOfId = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int problemCount;

    private ItemFile(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    /** Reads {@code itemsFile} (.csv, .jsonl or .json) and, when given, {@code goldFile}; labels must be the project's. */
    public static Contents read(Path itemsFile, Path goldFile, List<String> labels) {
        ItemFile reader = new ItemFile(labels);
        String name = itemsFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            reader.readCsv(itemsFile);
        } else if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            reader.readJsonLines(itemsFile);
        } else {
            throw new DatasetFormatException(itemsFile, "unknown format: the name must end in .csv or .jsonl");
        }
        if (goldFile != null) {
            reader.readGold(goldFile);
        }
        if (reader.items.isEmpty() && reader.problemCount == 0) {
            reader.problem(itemsFile, 1, "has no items");
        }
        return new Contents(List.copyOf(reader.items), reader.gold, List.copyOf(reader.problems), reader.problemCount);
    }

    private void readJsonLines(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot read: " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 ? lines.get(i).replaceFirst("^\uFEFF", "") : lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                problem(file, i + 1, "bad JSON: " + e.getOriginalMessage());
                continue;
            }
            if (node == null || !node.isObject()) {
                problem(file, i + 1, "bad JSON: expected an object {\"id\": ..., \"text\": ...}");
                continue;
            }
            add(file, i + 1, text(node, "id"), text(node, "text"), text(node, "text_a"), text(node, "text_b"),
                    text(node, "label"));
        }
    }

    private static String text(JsonNode object, String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }

    private void readCsv(Path file) {
        List<CsvReader.Row> rows = CsvReader.read(file);
        if (rows.isEmpty()) {
            problem(file, 1, "is empty; expected a header id,text or id,text_a,text_b (and optionally label)");
            return;
        }
        List<String> header = rows.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int id = header.indexOf("id");
        int text = header.indexOf("text");
        int textA = header.indexOf("text_a");
        int textB = header.indexOf("text_b");
        int label = header.indexOf("label");
        if (id < 0 || (text < 0 && (textA < 0 || textB < 0))) {
            problem(file, 1, "header " + header + " needs id,text or id,text_a,text_b (and optionally label)");
            return;
        }
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != header.size()) {
                problem(file, row.line(), "expected " + header.size() + " fields " + header + ", found " + row.fields().size());
                continue;
            }
            add(file, row.line(), field(row, id), field(row, text), field(row, textA), field(row, textB), field(row, label));
        }
    }

    /** The column's value, or null when the file has no such column or the cell is empty. */
    private static String field(CsvReader.Row row, int column) {
        if (column < 0) {
            return null;
        }
        String value = row.fields().get(column);
        return value.isEmpty() ? null : value;
    }

    private void add(Path file, long line, String id, String text, String textA, String textB, String label) {
        if (id == null || id.isBlank()) {
            problem(file, line, "missing id");
            return;
        }
        id = id.strip();
        if (id.length() > MAX_ITEM_ID_LENGTH) {
            problem(file, line, "id '" + id.substring(0, 20) + "...' is longer than " + MAX_ITEM_ID_LENGTH + " characters");
            return;
        }
        boolean single = text != null;
        boolean pair = textA != null || textB != null;
        if (single && pair) {
            problem(file, line, "item '" + id + "' has both forms: text and text_a/text_b (give one)");
            return;
        }
        if (single ? text.isBlank() : (textA == null || textB == null || textA.isBlank() || textB.isBlank())) {
            problem(file, line, "item '" + id + "' has empty text" + (pair ? " (text_a and text_b must both be non-empty)" : ""));
            return;
        }
        if (label != null && !labels.contains(label.strip())) {
            problem(file, line, "item '" + id + "' has unknown label '" + label + "' (project labels " + labels + ")");
            return;
        }
        Long first = lineOfId.putIfAbsent(id, line);
        if (first != null) {
            problem(file, line, "duplicate id '" + id + "' (first on line " + first + ")");
            return;
        }
        items.add(single ? DatasetItem.single(id, text) : DatasetItem.pair(id, textA, textB));
        if (label != null) {
            gold.put(id, label.strip());
        }
    }

    private void readGold(Path file) {
        List<CsvReader.Row> rows = CsvReader.read(file);
        List<String> header = rows.isEmpty() ? List.of()
                : rows.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int id = header.indexOf("item_id");
        int label = header.indexOf("label");
        if (id < 0 || label < 0) {
            problem(file, 1, "header " + header + " needs item_id,label");
            return;
        }
        Map<String, Long> goldLines = new HashMap<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            String itemId = row.fields().size() > id ? row.fields().get(id).strip() : "";
            String value = row.fields().size() > label ? row.fields().get(label).strip() : "";
            if (itemId.isEmpty()) {
                problem(file, row.line(), "missing id");
            } else if (!labels.contains(value)) {
                problem(file, row.line(), "item '" + itemId + "' has unknown label '" + value + "' (project labels " + labels + ")");
            } else if (goldLines.putIfAbsent(itemId, row.line()) != null) {
                problem(file, row.line(), "duplicate id '" + itemId + "' (first on line " + goldLines.get(itemId) + ")");
            } else if (lineOfId.containsKey(itemId) && gold.putIfAbsent(itemId, value) != null && !gold.get(itemId).equals(value)) {
                problem(file, row.line(), "item '" + itemId + "' has gold label '" + value + "' here but '"
                        + gold.get(itemId) + "' in the items file");
            }
            // Gold rows for items not in the items file are ignored: a data set's gold.csv may cover more.
        }
    }

    private void problem(Path file, long line, String what) {
        problemCount++;
        if (problems.size() < MAX_REPORTED_PROBLEMS) {
            problems.add(file.getFileName() + " line " + line + ": " + what);
        }
    }
}
