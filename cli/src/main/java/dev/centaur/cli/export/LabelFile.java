package dev.centaur.cli.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.centaur.cli.dataset.CsvReader;
import dev.centaur.cli.dataset.DatasetFormatException;
import dev.centaur.common.v1.LabelSource;
import dev.centaur.router.v1.FinalLabel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Final labels as JSON lines or CSV: writing one line per label, and reading a written file back. */
public final class LabelFile {

    /** Output formats of the export. */
    public enum Format { jsonl, csv }

    public static final String CSV_HEADER = "item_id,label,source,confidence,answers_used,model_version,qc_verdict";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelFile() {
    }

    /** The header line, or null for JSON lines. */
    public static String header(Format format) {
        return format == Format.csv ? CSV_HEADER : null;
    }

    public static String line(Format format, FinalLabel label) {
        String source = sourceName(label.getSource());
        if (format == Format.csv) {
            return String.join(",", csv(label.getItemId()), csv(label.getLabel()), source,
                    String.format(Locale.ROOT, "%.6f", label.getConfidence()), String.valueOf(label.getAnswersUsed()),
                    csv(label.getModelVersion()), csv(label.getQcVerdict()));
        }
        return String.format(Locale.ROOT, "{\"item_id\":%s,\"label\":%s,\"source\":\"%s\",\"confidence\":%.6f,"
                        + "\"answers_used\":%d,\"model_version\":%s,\"qc_verdict\":%s}",
                json(label.getItemId()), json(label.getLabel()), source, label.getConfidence(), label.getAnswersUsed(),
                json(label.getModelVersion()), json(label.getQcVerdict()));
    }

    /** Reads a file written by {@link #line} (and {@link #header}); confidence keeps its 6 decimals. */
    public static List<FinalLabel> read(Format format, Path file) {
        List<FinalLabel> labels = new ArrayList<>();
        if (format == Format.csv) {
            List<CsvReader.Row> rows = CsvReader.read(file);
            for (CsvReader.Row row : rows.subList(1, rows.size())) {
                List<String> f = row.fields();
                labels.add(label(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6)));
            }
            return labels;
        }
        try {
            long number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = parse(file, number, line);
                labels.add(label(n.get("item_id").asText(), n.get("label").asText(), n.get("source").asText(),
                        n.get("confidence").asText(), n.get("answers_used").asText(), n.get("model_version").asText(),
                        n.get("qc_verdict").asText()));
            }
            return labels;
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot read: " + e.getMessage());
        }
    }

    private static JsonNode parse(Path file, long number, String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new DatasetFormatException(file, number, "bad JSON: " + e.getOriginalMessage());
        }
    }

    private static FinalLabel label(String id, String label, String source, String confidence, String answersUsed,
            String modelVersion, String qcVerdict) {
        return FinalLabel.newBuilder().setItemId(id).setLabel(label).setSource(LabelSource.valueOf("LABEL_SOURCE_" + source))
                .setConfidence(Double.parseDouble(confidence)).setAnswersUsed(Integer.parseInt(answersUsed))
                .setModelVersion(modelVersion).setQcVerdict(qcVerdict).build();
    }

    /** MODEL, CROWD, HYBRID, EXPERT. */
    static String sourceName(LabelSource source) {
        return source.name().replaceFirst("^LABEL_SOURCE_", "");
    }

    static String csv(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    static String json(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('"').toString();
    }
}
