package dev.centaur.qc.grpc;

import static dev.centaur.qc.grpc.QcFixtures.assertFails;
import static dev.centaur.qc.grpc.QcFixtures.newProjectId;
import static dev.centaur.qc.grpc.QcFixtures.offer;
import static dev.centaur.qc.grpc.QcFixtures.pair;
import static dev.centaur.qc.grpc.QcFixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.config.QcConfig;
import dev.centaur.qc.sampling.ReviewSampler;
import dev.centaur.qc.v1.GetAccuracyRequest;
import dev.centaur.qc.v1.NextReviewRequest;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferResponse;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class OfferGrpcTest {

    /** The bad-input cases are built before injection, so they use the default limit. */
    static final int DEFAULT_MAX_TEXT_LENGTH = 32768;

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Inject
    QcRows rows;

    @Inject
    QcConfig config;

    @Test
    void offerAtRateOneStoresAndSamplesEveryLabel() {
        String project = newProjectId();
        OfferResponse response = qc.offer(offer(project, 1.0, List.of(
                single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL),
                pair("i2", "negative", LabelSource.LABEL_SOURCE_CROWD),
                single("i3", "neutral", LabelSource.LABEL_SOURCE_HYBRID))));

        assertEquals(3, response.getReceived());
        assertEquals(3, response.getSampled());
        assertEquals(0, response.getDuplicates());
        assertEquals(3, rows.number("SELECT COUNT(*) FROM qc.offered_label WHERE project_id = ?", project));
        assertEquals(3, rows.number("SELECT COUNT(*) FROM qc.review WHERE project_id = ?", project));
        assertEquals(List.of("negative|CROWD|a of i2|b of i2"), rows.strings("""
                SELECT final_label || '|' || source || '|' || text_a || '|' || text_b
                FROM qc.offered_label WHERE project_id = ? AND item_id = 'i2'""", project));
        assertEquals(List.of("{positive,negative,neutral}"),
                rows.strings("SELECT labels FROM qc.project WHERE project_id = ?", project));
    }

    @Test
    void offerAtRateZeroStoresEveryLabelAndSamplesNone() {
        String project = newProjectId();
        List<OfferedLabel> labels = IntStream.range(0, 50)
                .mapToObj(i -> single("item-" + i, "positive", LabelSource.LABEL_SOURCE_MODEL)).toList();

        OfferResponse response = qc.offer(offer(project, 0.0, labels));

        assertEquals(50, response.getReceived());
        assertEquals(0, response.getSampled());
        assertEquals(50, rows.number("SELECT COUNT(*) FROM qc.offered_label WHERE project_id = ?", project));
        assertEquals(0, rows.number("SELECT COUNT(*) FROM qc.review WHERE project_id = ?", project));
        assertFalse(qc.nextReview(NextReviewRequest.newBuilder().setExpertId("expert-" + project)
                .setProjectId(project).build()).hasReview());
    }

    @Test
    void repeatedOfferIsCountedAsDuplicateAndChangesNothing() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(
                single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL),
                single("i2", "negative", LabelSource.LABEL_SOURCE_MODEL))));
        QcRows.Counts before = rows.counts();

        OfferResponse repeat = qc.offer(offer(project, 1.0, List.of(
                single("i1", "negative", LabelSource.LABEL_SOURCE_CROWD),
                single("i2", "negative", LabelSource.LABEL_SOURCE_MODEL))));

        assertEquals(0, repeat.getReceived());
        assertEquals(0, repeat.getSampled());
        assertEquals(2, repeat.getDuplicates());
        assertEquals(before, rows.counts());
        assertEquals(List.of("positive|MODEL"), rows.strings(
                "SELECT final_label || '|' || source FROM qc.offered_label WHERE project_id = ? AND item_id = 'i1'",
                project));
    }

    @Test
    void repeatWithinOneOfferKeepsTheFirstAndCountsTheRest() {
        String project = newProjectId();
        OfferResponse response = qc.offer(offer(project, 1.0, List.of(
                single("same", "positive", LabelSource.LABEL_SOURCE_MODEL),
                single("same", "negative", LabelSource.LABEL_SOURCE_CROWD),
                single("other", "neutral", LabelSource.LABEL_SOURCE_CROWD))));

        assertEquals(2, response.getReceived());
        assertEquals(1, response.getDuplicates());
        assertEquals(List.of("positive"), rows.strings(
                "SELECT final_label FROM qc.offered_label WHERE project_id = ? AND item_id = 'same'", project));
    }

    @Test
    void samplingDependsOnlyOnProjectAndItemNotOnArrivalOrder() {
        double rate = 0.3;
        List<String> itemIds = IntStream.range(0, 300).mapToObj(i -> "item-" + i).toList();
        ReviewSampler sampler = new ReviewSampler(config.samplingSeed());

        for (long shuffleSeed : new long[] {1, 2}) {
            String project = newProjectId();
            List<String> expected = itemIds.stream().filter(id -> sampler.isSampled(project, id, rate))
                    .sorted().toList();
            List<String> arrival = new ArrayList<>(itemIds);
            Collections.shuffle(arrival, new Random(shuffleSeed));
            int sampled = 0;
            // Three calls of different sizes in a shuffled order.
            for (List<String> batch : List.of(arrival.subList(0, 17), arrival.subList(17, 150),
                    arrival.subList(150, 300))) {
                sampled += qc.offer(offer(project, rate, batch.stream()
                        .map(id -> single(id, "positive", LabelSource.LABEL_SOURCE_MODEL)).toList())).getSampled();
            }

            assertEquals(expected.size(), sampled);
            assertTrue(expected.size() > 45 && expected.size() < 135, "sampled " + expected.size() + " of 300");
            assertEquals(expected, rows.strings("""
                    SELECT o.item_id FROM qc.review r JOIN qc.offered_label o ON o.id = r.offered_label_id
                    WHERE r.project_id = ? ORDER BY o.item_id""", project));
            // Offering again, in yet another order, samples nothing new.
            Collections.reverse(arrival);
            OfferResponse repeat = qc.offer(offer(project, rate, arrival.stream().map(id -> single(id, "positive", LabelSource.LABEL_SOURCE_MODEL)).toList()));
            assertEquals(300, repeat.getDuplicates());
            assertEquals(expected.size(), rows.number("SELECT COUNT(*) FROM qc.review WHERE project_id = ?", project));
        }
    }

    @Test
    void offerOfTheMaximumThousandLabelsIsStoredInOneCall() {
        String project = newProjectId();
        List<OfferedLabel> labels = IntStream.range(0, 1000)
                .mapToObj(i -> pair("item-" + i, "neutral", LabelSource.LABEL_SOURCE_HYBRID)).toList();

        OfferResponse response = qc.offer(offer(project, 0.5, labels));

        assertEquals(1000, response.getReceived());
        assertEquals(1000, rows.number("SELECT COUNT(*) FROM qc.offered_label WHERE project_id = ?", project));
        assertEquals(response.getSampled(), rows.number("SELECT COUNT(*) FROM qc.review WHERE project_id = ?", project));
        assertTrue(response.getSampled() > 400 && response.getSampled() < 600, "sampled " + response.getSampled());
    }

    @Test
    void textOfExactlyTheMaximumLengthIsAccepted() {
        assertEquals(DEFAULT_MAX_TEXT_LENGTH, config.maxTextLength());
        String project = newProjectId();
        OfferedLabel longest = single("long", "positive", LabelSource.LABEL_SOURCE_MODEL).toBuilder()
                .setContent(ItemContent.newBuilder().setText("x".repeat(config.maxTextLength()))).build();

        assertEquals(1, qc.offer(offer(project, 1.0, List.of(longest))).getReceived());
    }

    @Test
    void laterOfferUpdatesTheProjectLabelSet() {
        String project = newProjectId();
        qc.offer(offer(project, 0.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        qc.offer(offer(project, 0.0, List.of(single("i2", "positive", LabelSource.LABEL_SOURCE_MODEL)))
                .toBuilder().addLabels("mixed").build());

        assertEquals(List.of("{positive,negative,neutral,mixed}"),
                rows.strings("SELECT labels FROM qc.project WHERE project_id = ?", project));
    }

    @Test
    void controlTasksAreStoredButNeverSampledNorWeighted() {
        String project = newProjectId();
        OfferedLabel control = single("golden-1", "positive", LabelSource.LABEL_SOURCE_CROWD).toBuilder()
                .setControl(true).build();

        OfferResponse response = qc.offer(offer(project, 1.0, List.of(control,
                single("i1", "positive", LabelSource.LABEL_SOURCE_CROWD))));

        assertEquals(2, response.getReceived());
        assertEquals(1, response.getSampled());
        assertEquals(List.of("golden-1|true|false", "i1|false|true"), rows.strings("""
                SELECT item_id || '|' || control || '|' || sampled FROM qc.offered_label
                WHERE project_id = ? ORDER BY item_id""", project));
        assertEquals(1, qc.getAccuracy(GetAccuracyRequest.newBuilder().setProjectId(project).build()).getOffered());
        assertEquals(1, qc.offer(offer(project, 1.0, List.of(control))).getDuplicates());
    }

    @Test
    void firstLabelsOfEachNewModelVersionAreSampledAtTheHigherRate() {
        String project = newProjectId();
        List<OfferedLabel> v2 = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            v2.add(single("v2-model-" + i, "positive", LabelSource.LABEL_SOURCE_MODEL).toBuilder()
                    .setModelVersion("v2").build());
        }
        v2.add(1, single("v2-crowd", "positive", LabelSource.LABEL_SOURCE_CROWD).toBuilder().setModelVersion("v2").build());
        UnaryOperator<OfferRequest> boost = request -> request.toBuilder()
                .setNewModelQcRate(1.0).setNewModelLabels(3).build();

        // Base rate 0: only the boost samples. The first three MODEL labels of v2 are sampled; the
        // CROWD label does not count towards them.
        OfferResponse first = qc.offer(boost.apply(offer(project, 0.0, v2)));
        OfferResponse later = qc.offer(boost.apply(offer(project, 0.0, List.of(
                single("v2-model-late", "positive", LabelSource.LABEL_SOURCE_MODEL).toBuilder().setModelVersion("v2").build(),
                single("v3-model-0", "positive", LabelSource.LABEL_SOURCE_MODEL).toBuilder().setModelVersion("v3").build()))));

        assertEquals(3, first.getSampled());
        assertEquals(1, later.getSampled());
        assertEquals(List.of("v2-crowd|0|false", "v2-model-0|1|true", "v2-model-1|1|true",
                "v2-model-2|1|true", "v2-model-3|0|false", "v2-model-4|0|false", "v2-model-late|0|false",
                "v3-model-0|1|true"), rows.strings("""
                SELECT item_id || '|' || sample_rate || '|' || sampled FROM qc.offered_label
                WHERE project_id = ? ORDER BY item_id""", project));
    }

    @Test
    void twoReviewsPerItemQueueTwoRoundsForEachSampledLabel() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL),
                single("i2", "positive", LabelSource.LABEL_SOURCE_MODEL))).toBuilder().setReviewsPerItem(2).build());

        assertEquals(List.of("i1|1", "i1|2", "i2|1", "i2|2"), rows.strings("""
                SELECT o.item_id || '|' || r.round FROM qc.review r JOIN qc.offered_label o ON o.id = r.offered_label_id
                WHERE r.project_id = ? ORDER BY o.item_id, r.round""", project));
    }

    static Stream<Arguments> badOffers() {
        int max = DEFAULT_MAX_TEXT_LENGTH;
        return Stream.of(
                bad("project_id 'Bad_Project'", r -> r.setProjectId("Bad_Project")),
                bad("project_id ''", r -> r.setProjectId("")),
                bad("project_id '" + "p".repeat(65) + "'", r -> r.setProjectId("p".repeat(65))),
                bad("project_id '-leading-dash'", r -> r.setProjectId("-leading-dash")),
                bad("labels [positive] has 1 label", r -> r.clearLabels().addLabels("positive")),
                bad("labels [] has 0 label", r -> r.clearLabels()),
                bad("labels[1] '' is empty", r -> r.clearLabels().addLabels("positive").addLabels("")),
                bad("labels[3] 'positive' is repeated", r -> r.addLabels("positive")),
                bad("qc_rate 1.5 is outside [0, 1]", r -> r.setQcRate(1.5)),
                bad("qc_rate -0.1 is outside [0, 1]", r -> r.setQcRate(-0.1)),
                bad("qc_rate NaN is outside [0, 1]", r -> r.setQcRate(Double.NaN)),
                bad("reviews_per_item 3 must be 1 or 2", r -> r.setReviewsPerItem(3)),
                bad("new_model_labels -1 is negative", r -> r.setNewModelLabels(-1)),
                bad("new_model_qc_rate 0.5 is outside [qc_rate, 1] = [1.0, 1]",
                        r -> r.setNewModelLabels(10).setNewModelQcRate(0.5)),
                bad("new_model_qc_rate 1.5 is outside [qc_rate, 1]",
                        r -> r.setQcRate(0.1).setNewModelLabels(10).setNewModelQcRate(1.5)),
                bad("labels_offered has 0 labels", r -> r.clearLabelsOffered()),
                bad("labels_offered has 1001 labels", r -> r.addAllLabelsOffered(IntStream.range(0, 998)
                        .mapToObj(i -> single("extra-" + i, "positive", LabelSource.LABEL_SOURCE_MODEL)).toList())),
                badItem("labels_offered[2].item_id ''", l -> l.setItemId("")),
                badItem("labels_offered[2].item_id '" + "i".repeat(80), l -> l.setItemId("i".repeat(129))),
                badItem("labels_offered[2].label 'maybe' is not one of labels", l -> l.setLabel("maybe")),
                badItem("labels_offered[2].label '' is not one of labels", l -> l.setLabel("")),
                badItem("labels_offered[2].source LABEL_SOURCE_UNSPECIFIED",
                        l -> l.setSource(LabelSource.LABEL_SOURCE_UNSPECIFIED)),
                badItem("labels_offered[2].source UNRECOGNIZED (42)", l -> l.setSourceValue(42)),
                badItem("labels_offered[2].content is empty", l -> l.setContent(ItemContent.getDefaultInstance())),
                badItem("labels_offered[2].content has both text and text_a/text_b",
                        l -> l.setContent(ItemContent.newBuilder().setText("t").setTextA("a").setTextB("b"))),
                badItem("labels_offered[2].content.text_b is empty while text_a is set",
                        l -> l.setContent(ItemContent.newBuilder().setTextA("a"))),
                badItem("labels_offered[2].content.text_a is empty while text_b is set",
                        l -> l.setContent(ItemContent.newBuilder().setTextB("b"))),
                badItem("labels_offered[2].content.text '   ' is blank",
                        l -> l.setContent(ItemContent.newBuilder().setText("   "))),
                badItem("labels_offered[2].content.text has " + (max + 1) + " characters, over the limit of " + max,
                        l -> l.setContent(ItemContent.newBuilder().setText("x".repeat(max + 1)))),
                badItem("labels_offered[2].content.text_b has " + (max + 1) + " characters",
                        l -> l.setContent(ItemContent.newBuilder().setTextA("a").setTextB("y".repeat(max + 1)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOffers")
    void badOfferIsRefusedNamingTheFieldAndWritesNothing(String expectedDescription,
            UnaryOperator<OfferRequest.Builder> spoil) {
        String project = newProjectId();
        // Two valid labels come before the bad one: they must not be written either.
        OfferRequest.Builder request = offer(project, 1.0, List.of(
                single("ok-1", "positive", LabelSource.LABEL_SOURCE_MODEL),
                single("ok-2", "negative", LabelSource.LABEL_SOURCE_CROWD),
                single("ok-3", "neutral", LabelSource.LABEL_SOURCE_HYBRID))).toBuilder();
        QcRows.Counts before = rows.counts();

        assertFails(Status.Code.INVALID_ARGUMENT, expectedDescription,
                () -> qc.offer(spoil.apply(request).build()));

        assertEquals(before, rows.counts());
        assertEquals(0, rows.number("SELECT COUNT(*) FROM qc.project WHERE project_id = ?", project));
    }

    private static Arguments bad(String expectedDescription, UnaryOperator<OfferRequest.Builder> spoil) {
        return Arguments.of(expectedDescription, spoil);
    }

    /** Spoils the third offered label. */
    private static Arguments badItem(String expectedDescription, UnaryOperator<OfferedLabel.Builder> spoil) {
        return bad(expectedDescription, r -> r.setLabelsOffered(2, spoil.apply(r.getLabelsOffered(2).toBuilder())));
    }
}
