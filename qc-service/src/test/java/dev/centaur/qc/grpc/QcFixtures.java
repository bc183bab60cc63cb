package dev.centaur.qc.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferedLabel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.function.Executable;

/** Builders for requests and assertions on gRPC statuses, shared by the QC tests. */
final class QcFixtures {

    static final List<String> LABELS = List.of("positive", "negative", "neutral");

    private QcFixtures() {
    }

    /** A fresh project per test, so reruns and other tests never interfere. */
    static String newProjectId() {
        return "qc-test-" + UUID.randomUUID().toString().substring(0, 13);
    }

    static OfferedLabel single(String itemId, String label, LabelSource source) {
        return OfferedLabel.newBuilder()
                .setItemId(itemId)
                .setContent(ItemContent.newBuilder().setText("text of " + itemId))
                .setLabel(label)
                .setSource(source)
                .setConfidence(0.9)
                .setModelVersion("model-1")
                .build();
    }

    static OfferedLabel pair(String itemId, String label, LabelSource source) {
        return single(itemId, label, source).toBuilder()
                .setContent(ItemContent.newBuilder().setTextA("a of " + itemId).setTextB("b of " + itemId))
                .build();
    }

    static OfferRequest offer(String projectId, double qcRate, List<OfferedLabel> labels) {
        return OfferRequest.newBuilder()
                .setProjectId(projectId)
                .addAllLabels(LABELS)
                .setQcRate(qcRate)
                .addAllLabelsOffered(labels)
                .build();
    }

    /** Runs the call, checks it failed with {@code code} and that the description names {@code fragment}. */
    static StatusRuntimeException assertFails(Status.Code code, String fragment, Executable call) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, failure.getStatus().getCode(), failure.getStatus().toString());
        String description = failure.getStatus().getDescription();
        assertTrue(description != null && description.contains(fragment),
                "description " + description + " should contain " + fragment);
        return failure;
    }
}
