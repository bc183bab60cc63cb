package dev.centaur.cli.command;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.router.v1.ExportLabelsRequest;
import dev.centaur.router.v1.ExportLabelsResponse;
import dev.centaur.router.v1.FinalLabel;
import dev.centaur.router.v1.RouterServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code centaur export} against an in-test router: every label with qc's verdict, confirmed or corrected. */
class ExportCommandTest {

    private static final List<FinalLabel> LABELS = List.of(
            FinalLabel.newBuilder().setItemId("a").setLabel("yes").setSource(LabelSource.LABEL_SOURCE_MODEL)
                    .setConfidence(0.9).setModelVersion("v1").setQcVerdict("CONFIRMED").build(),
            FinalLabel.newBuilder().setItemId("b").setLabel("no").setSource(LabelSource.LABEL_SOURCE_EXPERT)
                    .setConfidence(1).setModelVersion("v1").setAnswersUsed(3).setQcVerdict("CORRECTED").build(),
            FinalLabel.newBuilder().setItemId("c").setLabel("yes").setSource(LabelSource.LABEL_SOURCE_CROWD)
                    .setConfidence(0.8).setAnswersUsed(3).build());

    @TempDir
    Path dir;

    private static FakeRouterRun router() {
        return new FakeRouterRun(new RouterServiceGrpc.RouterServiceImplBase() {
            @Override
            public void exportLabels(ExportLabelsRequest request, StreamObserver<ExportLabelsResponse> response) {
                LABELS.forEach(label -> response.onNext(ExportLabelsResponse.newBuilder().setLabel(label).build()));
                response.onCompleted();
            }
        });
    }

    @Test
    void csvCarriesConfirmedAndCorrectedVerdictsAndLeavesUnreviewedLabelsEmpty() throws IOException {
        Path file = dir.resolve("labels.csv");
        try (FakeRouterRun router = router()) {
            FakeRouterRun.Run run = router.run(new ExportCommand(), "--project", "p", "--format", "csv", "-o", file.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("Wrote 3 labels to " + file), run.err());
        }
        assertEquals(List.of("item_id,label,source,confidence,answers_used,model_version,qc_verdict",
                "a,yes,MODEL,0.900000,0,v1,CONFIRMED",
                "b,no,EXPERT,1.000000,3,v1,CORRECTED",
                "c,yes,CROWD,0.800000,3,,"), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void jsonLinesToStandardOutputCarryTheVerdicts() {
        try (FakeRouterRun router = router()) {
            FakeRouterRun.Run run = router.run(new ExportCommand(), "--project", "p");
            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = run.out().lines().toList();
            assertEquals(3, lines.size(), run.out());
            assertTrue(lines.get(0).endsWith("\"qc_verdict\":\"CONFIRMED\"}"), lines.get(0));
            assertTrue(lines.get(1).endsWith("\"qc_verdict\":\"CORRECTED\"}"), lines.get(1));
            assertTrue(lines.get(2).endsWith("\"qc_verdict\":\"\"}"), lines.get(2));
        }
    }
}
