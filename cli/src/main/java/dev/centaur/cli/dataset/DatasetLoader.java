package dev.centaur.cli.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a data set folder in the shared format: labels.txt (one label a line), items.jsonl
 * ({id, text} or {id, text_a, text_b} a line), gold.csv (item_id,label) and, optionally,
 * answers.csv (item_id,worker_id,label). Every problem is reported with the file and line.
 */
public final class DatasetLoader {

    static final int MAX_ITEM_ID_LENGTH = 128;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Rows that referred to items missing from items.jsonl, so the caller can say so. */
    public record Skipped(int goldRows, int answerRows) {
    }

    private int skippedGold;
    private int skippedAnswers;

    public Dataset load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetFormatException(folder, "not a folder");
        }
        List<String> labels = readLabels(folder.resolve("labels.txt"));
        List<DatasetItem> items = readItems(folder.resolve("items.jsonl"));
        Set<String> itemIds = new HashSet<>();
        items.forEach(item -> itemIds.add(item.id()));
        Map<String, String> gold = readGold(folder.resolve("gold.csv"), labels, itemIds);
        Path answersFile = folder.resolve("answers.csv");
        Map<String, Map<String, String>> answers = Files.exists(answersFile)
                ? readAnswers(answersFile, labels, itemIds) : Map.of();
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        return new Dataset(name, instructions(folder, name, labels), labels, items, gold, answers);
    }

    public Skipped skipped() {
        return new Skipped(skippedGold, skippedAnswers);
    }

    static List<String> readLabels(Path file) {
        List<String> lines = readLines(file);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String label = lines.get(i).strip();
            if (label.isEmpty()) {
                continue;
            }
            if (labels.contains(label)) {
                throw new DatasetFormatException(file, i + 1, "label '" + label + "' appears twice");
            }
            labels.add(label);
        }
        if (labels.size() < 2) {
            throw new DatasetFormatException(file, "needs at least two labels, found " + labels.size());
        }
        return labels;
    }

    static List<DatasetItem> readItems(Path file) {
        if (!Files.exists(file)) {
            throw new DatasetFormatException(file,
                    "missing: the demo needs the items' text ({id, text} or {id, text_a, text_b} a line)");
        }
        List<DatasetItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                DatasetItem item = parseItem(file, number, line);
                if (!seen.add(item.id())) {
                    throw new DatasetFormatException(file, number, "item id '" + item.id() + "' appears twice");
                }
                items.add(item);
            }
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot read: " + e.getMessage());
        }
        if (items.isEmpty()) {
            throw new DatasetFormatException(file, "has no items");
        }
        return items;
    }

    private static DatasetItem parseItem(Path file, long number, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new DatasetFormatException(file, number, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new DatasetFormatException(file, number, "expected a JSON object");
        }
        String id = scalarText(node.get("id"));
        if (id == null || id.isBlank()) {
            throw new DatasetFormatException(file, number, "missing \"id\"");
        }
        if (id.length() > MAX_ITEM_ID_LENGTH) {
            throw new DatasetFormatException(file, number, "id longer than " + MAX_ITEM_ID_LENGTH + " characters");
        }
        String text = scalarText(node.get("text"));
        String textA = scalarText(node.get("text_a"));
        String textB = scalarText(node.get("text_b"));
        if (text != null && textA == null && textB == null && !text.isBlank()) {
            return DatasetItem.single(id, text);
        }
        if (text == null && textA != null && textB != null && !textA.isBlank() && !textB.isBlank()) {
            return DatasetItem.pair(id, textA, textB);
        }
        throw new DatasetFormatException(file, number,
                "item '" + id + "' needs a non-empty \"text\", or both \"text_a\" and \"text_b\" (not both forms)");
    }

    private static String scalarText(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }

    private Map<String, String> readGold(Path file, List<String> labels, Set<String> itemIds) {
        if (!Files.exists(file)) {
            throw new DatasetFormatException(file, "missing: the demo needs gold labels (item_id,label)");
        }
        List<CsvReader.Row> rows = CsvReader.read(file);
        int[] columns = columns(file, rows, "item_id", "label");
        Map<String, String> gold = new LinkedHashMap<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            String itemId = field(file, row, columns[0], "the item id");
            String label = checkedLabel(file, row, field(file, row, columns[1], "the label"), labels);
            if (!itemIds.contains(itemId)) {
                skippedGold++;
                continue;
            }
            if (gold.putIfAbsent(itemId, label) != null) {
                throw new DatasetFormatException(file, row.line(), "item '" + itemId + "' has a second gold label");
            }
        }
        return gold;
    }

    private Map<String, Map<String, String>> readAnswers(Path file, List<String> labels, Set<String> itemIds) {
        List<CsvReader.Row> rows = CsvReader.read(file);
        int[] columns = columns(file, rows, "item_id", "worker_id", "label");
        Map<String, Map<String, String>> byWorker = new LinkedHashMap<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            String itemId = field(file, row, columns[0], "the item id");
            String workerId = field(file, row, columns[1], "the worker id");
            String label = checkedLabel(file, row, field(file, row, columns[2], "the label"), labels);
            if (!itemIds.contains(itemId)) {
                skippedAnswers++;
                continue;
            }
            String before = byWorker.computeIfAbsent(workerId, w -> new LinkedHashMap<>()).putIfAbsent(itemId, label);
            if (before != null && !before.equals(label)) {
                throw new DatasetFormatException(file, row.line(),
                        "worker '" + workerId + "' answered item '" + itemId + "' twice, differently");
            }
        }
        return byWorker;
    }

    /** The positions of the named columns in the header row. */
    private static int[] columns(Path file, List<CsvReader.Row> rows, String... names) {
        if (rows.isEmpty()) {
            throw new DatasetFormatException(file, "is empty; expected a header " + String.join(",", names));
        }
        List<String> header = rows.get(0).fields().stream().map(String::strip).toList();
        int[] positions = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            positions[i] = header.indexOf(names[i]);
            if (positions[i] < 0) {
                throw new DatasetFormatException(file, 1,
                        "header " + header + " lacks column '" + names[i] + "' (expected " + String.join(",", names) + ")");
            }
        }
        return positions;
    }

    private static String field(Path file, CsvReader.Row row, int column, String what) {
        if (column >= row.fields().size()) {
            throw new DatasetFormatException(file, row.line(),
                    "expected at least " + (column + 1) + " fields, found " + row.fields().size() + " " + row.fields());
        }
        String value = row.fields().get(column).strip();
        if (value.isEmpty()) {
            throw new DatasetFormatException(file, row.line(), "empty field " + (column + 1) + " (" + what + ")");
        }
        return value;
    }

    private static String checkedLabel(Path file, CsvReader.Row row, String label, List<String> labels) {
        if (!labels.contains(label)) {
            throw new DatasetFormatException(file, row.line(), "label '" + label + "' is not in labels.txt " + labels);
        }
        return label;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot read: " + e.getMessage());
        }
    }

    /** The first line of the folder's README (its title) tells annotators what the task is. */
    private static String instructions(Path folder, String name, List<String> labels) {
        Path readme = folder.resolve("README.md");
        String title = name;
        if (Files.exists(readme)) {
            title = readLines(readme).stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                    .map(l -> l.replaceFirst("^#+\\s*", "")).orElse(name);
        }
        return title + ". Answer with one of: " + String.join(", ", labels) + ".";
    }
}
