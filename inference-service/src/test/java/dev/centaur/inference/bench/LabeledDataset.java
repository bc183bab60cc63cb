package dev.centaur.inference.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.centaur.inference.model.ItemText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A shared data set read at run time: items.jsonl (single texts or pairs), gold.csv and labels.txt.
 * Items without a gold label are skipped.
 */
public record LabeledDataset(String name, List<String> labels, List<ItemText> items, int[] labelIndices) {

    /** The shared data sets: beside the checkout in CI, or the workplace copy. */
    public static Path root() {
        for (String candidate : new String[] {"../shared/datasets", "../../shared/datasets", "/work/shared/datasets"}) {
            Path path = Path.of(candidate);
            if (Files.isDirectory(path)) {
                return path;
            }
        }
        return Path.of("../shared/datasets");
    }

    public static LabeledDataset read(Path root, String name) {
        Path folder = root.resolve(name);
        try {
            List<String> labels = Files.readAllLines(folder.resolve("labels.txt")).stream()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            Map<String, String> gold = new HashMap<>();
            List<String> goldLines = Files.readAllLines(folder.resolve("gold.csv"));
            for (String line : goldLines.subList(1, goldLines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.lastIndexOf(',');
                gold.put(line.substring(0, comma), line.substring(comma + 1).strip());
            }
            List<ItemText> items = new ArrayList<>();
            List<Integer> labelIndices = new ArrayList<>();
            for (String line : Files.readAllLines(folder.resolve("items.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject json = JsonParser.parseString(line).getAsJsonObject();
                String label = gold.get(json.get("id").getAsString());
                if (label == null) {
                    continue;
                }
                items.add(json.has("text")
                        ? ItemText.single(json.get("text").getAsString())
                        : ItemText.pair(json.get("text_a").getAsString(), json.get("text_b").getAsString()));
                labelIndices.add(labels.indexOf(label));
            }
            return new LabeledDataset(name, labels, items, labelIndices.stream().mapToInt(Integer::intValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
