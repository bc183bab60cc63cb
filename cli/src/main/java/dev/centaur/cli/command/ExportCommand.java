package dev.centaur.cli.command;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.cli.export.LabelFile;
import dev.centaur.router.v1.ExportLabelsRequest;
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
import java.util.concurrent.Callable;

/** {@code centaur export}: every final label of a project, as JSON lines or CSV. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a project's final labels.")
public class ExportCommand implements Callable<Integer> {

    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(10);

    @Option(names = "--project", required = true, description = "Project id.")
    String projectId;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl or csv. Default: ${DEFAULT-VALUE}.")
    LabelFile.Format format;

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
            if (LabelFile.header(format) != null) {
                writer.println(LabelFile.header(format));
            }
            long count = 0;
            while (labels.hasNext()) {
                writer.println(LabelFile.line(format, labels.next().getLabel()));
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

}
