package dev.centaur.qc.grpc;

import static dev.centaur.qc.grpc.QcFixtures.answer;
import static dev.centaur.qc.grpc.QcFixtures.metric;
import static dev.centaur.qc.grpc.QcFixtures.scrape;
import static dev.centaur.qc.grpc.QcFixtures.newProjectId;
import static dev.centaur.qc.grpc.QcFixtures.nextReview;
import static dev.centaur.qc.grpc.QcFixtures.offer;
import static dev.centaur.qc.grpc.QcFixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.config.QcConfig;
import dev.centaur.qc.sampling.ReviewSampler;
import dev.centaur.qc.stats.Proportion;
import dev.centaur.qc.stats.StratifiedWilson;
import dev.centaur.qc.stats.Stratum;
import dev.centaur.qc.v1.GetAccuracyRequest;
import dev.centaur.qc.v1.GetAccuracyResponse;
import dev.centaur.qc.v1.GroupAccuracy;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import dev.centaur.qc.v1.Review;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The whole labeled set's accuracy, weighted by each source's share of offered labels. */
@QuarkusTest
class StratifiedAccuracyGrpcTest {

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Inject
    QcConfig config;

    @Test
    void stratifiedAccuracyWeightsEachSourceByItsShareOfOfferedLabels() {
        String project = newProjectId();
        // MODEL: 10 labels at rate 1, half of them wrong, 6 of version model-2. CROWD: 40 at rate 0.5, all right.
        List<OfferedLabel> model = IntStream.range(0, 10).mapToObj(i -> single("model-" + i, "positive",
                LabelSource.LABEL_SOURCE_MODEL).toBuilder().setModelVersion(i < 4 ? "model-1" : "model-2").build())
                .toList();
        List<OfferedLabel> crowd = IntStream.range(0, 40)
                .mapToObj(i -> single("crowd-" + i, "negative", LabelSource.LABEL_SOURCE_CROWD)).toList();
        qc.offer(offer(project, 1.0, model));
        int crowdSampled = qc.offer(offer(project, 0.5, crowd)).getSampled();
        ReviewSampler sampler = new ReviewSampler(config.samplingSeed());
        assertEquals(crowd.stream().filter(l -> sampler.isSampled(project, l.getItemId(), 0.5)).count(), crowdSampled);
        assertTrue(crowdSampled > 5 && crowdSampled < 35, "sampled " + crowdSampled);
        // Wrong: model-0, model-1 (model-1 version), model-4, model-5, model-6 (model-2).
        reviewAll(project, List.of("model-0", "model-1", "model-4", "model-5", "model-6"));

        GetAccuracyResponse report = qc.getAccuracy(GetAccuracyRequest.newBuilder().setProjectId(project).build());

        // Weights 10/50 and 40/50: p = 0.2 * 0.5 + 0.8 * 1.0 = 0.9, not the pooled (5 + k) / (10 + k).
        assertEquals(0.9, report.getStratified().getAccuracy(), 1e-12);
        Proportion expected = StratifiedWilson.of95(List.of(new Stratum(10, 10, 5),
                new Stratum(40, crowdSampled, crowdSampled))).proportion();
        assertEquals(expected.lower(), report.getStratified().getLower(), 1e-9);
        assertEquals(expected.upper(), report.getStratified().getUpper(), 1e-9);
        assertEquals(10 + crowdSampled, report.getStratified().getReviews());
        assertEquals(50, report.getStratified().getOffered());
        assertEquals(1.0, report.getReviewedWeight(), 1e-12);
        assertEquals((5.0 + crowdSampled) / (10 + crowdSampled), report.getOverall().getAccuracy(), 1e-12);
        assertEquals(10 + crowdSampled, report.getSampled());
        assertEquals(0, report.getPending());
        assertEquals(5, report.getCorrections());

        assertGroup(report.getLabels(0), "negative", 40, crowdSampled, crowdSampled);
        assertGroup(report.getLabels(1), "positive", 10, 10, 5);
        assertGroup(report.getModelVersions(0), "model-1", 4, 4, 2);
        assertGroup(report.getModelVersions(1), "model-2", 6, 6, 3);
        assertEquals(2, report.getModelVersionsCount());

        String metrics = scrape();
        String all = "{project=\"" + project + "\",source=\"all\"}";
        assertEquals(0.9, metric(metrics, "centaur_qc_accuracy" + all), 1e-9);
        assertEquals(expected.lower(), metric(metrics, "centaur_qc_accuracy_lower" + all), 1e-9);
        assertEquals(expected.upper(), metric(metrics, "centaur_qc_accuracy_upper" + all), 1e-9);
    }

    @Test
    void sourcesWithoutReviewsLowerTheReviewedWeight() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("model-1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        qc.offer(offer(project, 0.0, List.of(
                single("crowd-1", "negative", LabelSource.LABEL_SOURCE_CROWD),
                single("crowd-2", "negative", LabelSource.LABEL_SOURCE_CROWD),
                single("crowd-3", "negative", LabelSource.LABEL_SOURCE_CROWD))));
        reviewAll(project, List.of());

        GetAccuracyResponse report = qc.getAccuracy(GetAccuracyRequest.newBuilder().setProjectId(project).build());

        assertEquals(0.25, report.getReviewedWeight(), 1e-12);
        assertEquals(1.0, report.getStratified().getAccuracy(), 1e-12);
        assertEquals(4, report.getStratified().getOffered());
    }

    /** One expert reviews every open label, disagreeing on the {@code wrong} items. */
    private void reviewAll(String project, List<String> wrong) {
        List<String> seen = new ArrayList<>();
        for (Optional<Review> next = nextReview(qc, "expert-s", project); next.isPresent();
                next = nextReview(qc, "expert-s", project)) {
            String item = next.get().getItemId();
            String finalLabel = item.startsWith("model") ? "positive" : "negative";
            String other = finalLabel.equals("positive") ? "neutral" : "positive";
            answer(qc, "expert-s", next.get().getReviewId(), wrong.contains(item) ? other : finalLabel);
            seen.add(item);
        }
        assertTrue(seen.containsAll(wrong));
    }

    private static void assertGroup(GroupAccuracy group, String name, long offered, long reviews, long correct) {
        assertEquals(name, group.getGroup());
        assertEquals(offered, group.getOffered());
        assertEquals(reviews, group.getReviews());
        assertEquals(correct, group.getCorrect());
        assertEquals(correct / (double) reviews, group.getAccuracy(), 1e-12);
        assertTrue(group.getLower() <= group.getAccuracy() && group.getAccuracy() <= group.getUpper());
    }

}
