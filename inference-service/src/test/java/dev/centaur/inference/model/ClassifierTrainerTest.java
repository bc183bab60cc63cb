package dev.centaur.inference.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.centaur.inference.calibration.CalibrationMetrics;
import dev.centaur.inference.testdata.SyntheticTexts;
import dev.centaur.inference.testdata.SyntheticTexts.Example;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Trains tiny real DJL models on generated data (a few seconds in all). */
class ClassifierTrainerTest {

    private static final FeatureConfig TINY = FeatureConfig.of(4096, 8, 200, 3, 10);
    private static Device device;

    @BeforeAll
    static void chooseDevice() {
        device = DjlRuntime.chooseDevice();
    }

    private static TrainingSettings settings(long seed, int predictBatchSize) {
        return new TrainingSettings(TINY, 8, 0.05f, 0f, 16, 0.2, seed, predictBatchSize);
    }

    private static TrainingResult train(List<Example> examples, List<String> labels, TrainingSettings settings) {
        return new ClassifierTrainer(device).train(texts(examples), labels(examples), labels, settings);
    }

    private static List<ItemText> texts(List<Example> examples) {
        return examples.stream().map(Example::text).toList();
    }

    private static int[] labels(List<Example> examples) {
        return examples.stream().mapToInt(Example::label).toArray();
    }

    @Test
    void learnsTopicsWellAboveChanceWithDistributionsSummingToOne() {
        TrainingResult result = train(SyntheticTexts.topics(120, 1), SyntheticTexts.TOPIC_LABELS, settings(3, 64));
        List<Example> fresh = SyntheticTexts.topics(200, 99);
        try (TextClassifier classifier = result.classifier()) {
            double[][] probabilities = classifier.predict(texts(fresh));
            assertTrue(CalibrationMetrics.accuracy(probabilities, labels(fresh)) > 0.9);
            for (double[] distribution : probabilities) {
                assertEquals(2, distribution.length);
                assertEquals(1.0, distribution[0] + distribution[1], 1e-9);
            }
        }
        assertEquals(96, result.trainExamples());
        assertEquals(24, result.heldoutExamples());
        assertTrue(result.heldoutAccuracy() > 0.8, "held-out accuracy " + result.heldoutAccuracy());
        assertTrue(result.temperature() >= 0.05 && result.temperature() <= 20);
    }

    @Test
    void pairsAreJudgedByTheOverlapOfTheirSides() {
        TrainingResult result = train(SyntheticTexts.productPairs(160, 2), SyntheticTexts.MATCH_LABELS, settings(5, 64));
        List<Example> fresh = SyntheticTexts.productPairs(200, 77);
        try (TextClassifier classifier = result.classifier()) {
            double accuracy = CalibrationMetrics.accuracy(classifier.predict(texts(fresh)), labels(fresh));
            // Both classes share brand and product words; only the model codes differ.
            assertTrue(accuracy > 0.9, "pair accuracy " + accuracy);
        }
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndPredictions() {
        List<Example> examples = SyntheticTexts.topics(60, 4);
        TrainingResult first = train(examples, SyntheticTexts.TOPIC_LABELS, settings(11, 64));
        TrainingResult second = train(examples, SyntheticTexts.TOPIC_LABELS, settings(11, 64));
        try (TextClassifier a = first.classifier(); TextClassifier b = second.classifier()) {
            assertArrayEquals(first.weights(), second.weights());
            assertEquals(first.temperature(), second.temperature());
            List<ItemText> items = texts(SyntheticTexts.topics(20, 5));
            assertArrayEquals(a.predict(items), b.predict(items));
        }
    }

    @Test
    void reloadedWeightsPredictIdenticallyInAnyChunkSize() {
        TrainingResult result = train(SyntheticTexts.topics(60, 6), SyntheticTexts.TOPIC_LABELS, settings(13, 64));
        List<ItemText> items = texts(SyntheticTexts.topics(25, 7));
        try (TextClassifier trained = result.classifier();
                TextClassifier reloaded = TextClassifier.load(result.weights(),
                        FeatureConfig.fromJson(TINY.toJson()), SyntheticTexts.TOPIC_LABELS, result.temperature(), 4,
                        device)) {
            double[][] expected = trained.predict(items);
            double[][] actual = reloaded.predict(items);
            for (int i = 0; i < items.size(); i++) {
                assertArrayEquals(expected[i], actual[i], 1e-6, "item " + i);
            }
            assertArrayEquals(result.weights(), reloaded.weights());
        }
    }

    @Test
    void calibratedProbabilitiesUseTheFittedTemperature() {
        TrainingResult result = train(SyntheticTexts.topics(60, 8), SyntheticTexts.TOPIC_LABELS, settings(17, 64));
        List<ItemText> items = texts(SyntheticTexts.topics(5, 9));
        try (TextClassifier classifier = result.classifier()) {
            double[][] logits = classifier.logits(items.stream().map(new Featurizer(TINY)::featurize).toList());
            double[][] probabilities = classifier.predict(items);
            for (int i = 0; i < items.size(); i++) {
                assertArrayEquals(dev.centaur.inference.calibration.TemperatureScaling.softmax(logits[i],
                        result.temperature()), probabilities[i], 1e-9);
            }
        }
    }
}
