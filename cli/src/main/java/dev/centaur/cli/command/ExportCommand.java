package dev.centaur.cli.command;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.router.v1.ExportLabelsRequest;
import dev.centaur.router.v1.FinalLabel;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code centaur export}: every final label of a project, as JSON lines or CSV. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a project's final labels.")
public class ExportCommand implements Callable<Integer> {

    /** Output formats of the export. */
    public enum Format { jsonl, csv }

    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(10);

    @Option(names = "--project", required = true, description = "Project id.")
    String projectId;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl or csv. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-o", "--output"}, description = "File to write; default: standard output.")
    Path output;

    @Mixin
    RouterOptions router;

    @Override
    public Integer call() {
        try (CentaurClients clients = router.clients();
             Writer sink = output == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                     : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            PrintWriter writer = new PrintWriter(sink);
            Iterator<dev.centaur.router.v1.ExportLabelsResponse> labels = clients.router(EXPORT_TIMEOUT)
                    .exportLabels(ExportLabelsRequest.newBuilder().setProjectId(projectId).build());
            if (format == Format.csv) {
                writer.println("item_id,label,source,confidence,answers_used,model_version");
            }
            long count = 0;
            while (labels.hasNext()) {
                writer.println(format(labels.next().getLabel()));
                count++;
            }
            writer.flush();
            if (output != null) {
                System.err.println("Wrote " + count + " labels to " + output);
            }
            return 0;
        } catch (StatusRuntimeException e) {
            System.err.println("centaur export: " + RpcFailure.describe("ExportLabels", e));
            return 1;
        } catch (IOException e) {
            System.err.println("centaur export: cannot write " + output + ": " + e.getMessage());
            return 1;
        }
    }

    String format(FinalLabel label) {
        String source = label.getSource().name().replaceFirst("^LABEL_SOURCE_", "");
        if (format == Format.csv) {
            return String.join(",", csv(label.getItemId()), csv(label.getLabel()), source,
                    String.format(Locale.ROOT, "%.6f", label.getConfidence()), String.valueOf(label.getAnswersUsed()),
                    csv(label.getModelVersion()));
        }
        return String.format(Locale.ROOT,
                "{\"item_id\":%s,\"label\":%s,\"source\":\"%s\",\"confidence\":%.6f,\"answers_used\":%d,\"model_version\":%s}",
                json(label.getItemId()), json(label.getLabel()), source, label.getConfidence(), label.getAnswersUsed(),
                json(label.getModelVersion()));
    }

    static String csv(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
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
