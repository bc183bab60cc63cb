package dev.centaur.crowd.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Wawa, Dawid-Skene (full, one-coin, model-aware) and GLAD on small hand-made and generated cases. */
class AggregationMethodsTest {

    private static final double EXACT = 1e-12;

    @Test
    void wawaWeighsEachWorkerByTheirAgreementWithTheMajority() {
        // w1 and w2 agree with the majority on x and y (skill 1); w3 disagrees on both (skill 0).
        Answers answers = new AnswerIndex(List.of("a", "b"))
                .add("x", "w1", "a").add("x", "w2", "a").add("x", "w3", "b")
                .add("y", "w1", "b").add("y", "w2", "b").add("y", "w3", "a")
                .add("z", "w1", "a").add("z", "w3", "b").answers();

        Aggregate aggregate = new Wawa().fit(answers);

        assertEquals(0, aggregate.label(2), "on z, w1 (skill 1) outweighs w3 (skill 0)");
        assertArrayEquals(new double[] {1, 0}, aggregate.posterior(2), EXACT);
        assertArrayEquals(new double[] {1, 0}, aggregate.posterior(0), EXACT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Wawa", "DS", "GLAD", "OneCoinDS", "DS+model"})
    void everyMethodBeatsMajorityVoteOnACrowdOfVariedSkill(String method) {
        SyntheticCrowd crowd = SyntheticCrowd.generate(7, 3000, 60, 3, 5, 0.3, 0.95);

        double accuracy = crowd.accuracy(Aggregators.byMethod(method).fit(crowd.answers));
        double majority = crowd.accuracy(new MajorityVote().fit(crowd.answers));

        assertTrue(accuracy > majority, method + " " + accuracy + " vs MV " + majority);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Wawa", "DS", "GLAD", "OneCoinDS", "DS+model"})
    void posteriorsStayFiniteAndSumToOneUnderThousandsOfAgreeingAnswers(String method) {
        AnswerIndex index = new AnswerIndex(List.of("a", "b", "c"));
        for (int worker = 0; worker < 3000; worker++) {
            index.add("x", "w" + worker, "b").add("y", "w" + worker, worker % 10 == 0 ? "a" : "c");
        }

        Aggregate aggregate = Aggregators.byMethod(method).fit(index.answers());

        for (int item = 0; item < 2; item++) {
            double sum = 0;
            for (double p : aggregate.posterior(item)) {
                assertTrue(Double.isFinite(p) && p >= 0, method + " posterior " + p);
                sum += p;
            }
            assertEquals(1, sum, 1e-9);
        }
        assertEquals(1, aggregate.label(0));
        assertEquals(2, aggregate.label(1));
    }

    @Test
    void dawidSkeneLearnsThatAWorkerSwapsLabelsAndTurnsTheirAnswersRight() {
        // Three honest workers label 200 items; a fourth always answers the other label. MV ties
        // nowhere, but on items only the swapper and one honest worker saw, DS must trust the swap.
        SplittableRandom random = new SplittableRandom(3);
        AnswerIndex index = new AnswerIndex(List.of("a", "b"));
        int[] truth = new int[300];
        for (int item = 0; item < 300; item++) {
            truth[item] = random.nextInt(2);
            String right = truth[item] == 0 ? "a" : "b";
            String swapped = truth[item] == 0 ? "b" : "a";
            if (item < 200) {
                index.add("i" + item, "h1", right).add("i" + item, "h2", right).add("i" + item, "h3", right);
            }
            index.add("i" + item, "swapper", swapped);
            if (item >= 200) {
                index.add("i" + item, "h" + (1 + item % 3), right);
            }
        }

        Aggregate aggregate = new DawidSkene().fit(index.answers());

        for (int item = 200; item < 300; item++) {
            assertEquals(truth[item], aggregate.label(index.indexOfItem("i" + item)), "item " + item);
            assertTrue(aggregate.confidence(index.indexOfItem("i" + item)) > 0.99);
        }
    }

    @Test
    void aKnownWorkerSkillBreaksADisagreementTheAnswersAloneCannot() {
        AnswerIndex index = new AnswerIndex(List.of("a", "b")).add("x", "expert", "b").add("x", "novice", "a");
        Aggregate withoutSkills = new DawidSkene().fit(index.answers());
        assertEquals(0, withoutSkills.label(0), "a plain tie goes to the first label");

        Aggregate withSkills = new DawidSkene().fit(index.workerSkill("expert", 0.95).workerSkill("novice", 0.55)
                .answers());

        assertEquals(1, withSkills.label(0));
        assertTrue(withSkills.confidence(0) > 0.6, "confidence " + withSkills.confidence(0));
        assertEquals(1, new OneCoinDawidSkene().fit(index.answers()).label(0));
        assertEquals(1, new Glad().fit(index.answers()).label(0));
    }

    @Test
    void modelAwareDawidSkeneLetsAnAccurateModelOutvoteANoisyCrowd() {
        // 2000 items, three answers each from a crowd right 55-70% of the time, and a model right 90%
        // of the time. (With a single answer per item the model is not identifiable against
        // workers who could be perfect, so EM cannot learn to trust it; three answers let it.)
        SyntheticCrowd crowd = SyntheticCrowd.generate(11, 2000, 40, 2, 3, 0.55, 0.7);
        SplittableRandom random = new SplittableRandom(5);
        double[][] model = new double[2000][];
        for (int item = 0; item < 2000; item++) {
            int predicted = random.nextDouble() < 0.9 ? crowd.truth[item] : 1 - crowd.truth[item];
            model[item] = predicted == 0 ? new double[] {0.8, 0.2} : new double[] {0.2, 0.8};
        }
        Answers withModel = Answers.of(2000, 40, 2, crowd.answers.items(), crowd.answers.workers(),
                crowd.answers.labels(), model);

        double modelAware = crowd.accuracy(new ModelAwareDawidSkene().fit(withModel));
        double plain = crowd.accuracy(new DawidSkene().fit(withModel));

        assertTrue(modelAware > 0.85, "model-aware accuracy " + modelAware);
        assertTrue(modelAware > plain + 0.1, "model-aware " + modelAware + " vs DS alone " + plain);
    }

    @Test
    void parallelDawidSkeneAgreesWithTheSingleThreadedFit() {
        SyntheticCrowd crowd = SyntheticCrowd.generate(13, 100_000, 500, 4, 5, 0.4, 0.9);

        Aggregate single = new DawidSkene(100, 1e-5, 1).fit(crowd.answers);
        Aggregate parallel = new DawidSkene(100, 1e-5, 2).fit(crowd.answers);

        int differing = 0;
        for (int item = 0; item < 100_000; item++) {
            differing += single.label(item) == parallel.label(item) ? 0 : 1;
        }
        assertTrue(differing <= 5, differing + " labels differ (only summation order may)");
        assertTrue(crowd.accuracy(parallel) > 0.9, "accuracy " + crowd.accuracy(parallel));
    }

    @Test
    void unknownMethodNameIsRefused() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Aggregators.byMethod("KOS"));
        assertTrue(failure.getMessage().contains("KOS"));
    }

    @Test
    void workerSkillsOutsideTheUnitIntervalAreRefused() {
        Answers answers = new AnswerIndex(List.of("a", "b")).add("x", "w", "a").answers();

        assertThrows(IllegalArgumentException.class, () -> answers.withWorkerSkills(new double[] {1.5}));
        assertThrows(IllegalArgumentException.class, () -> answers.withWorkerSkills(new double[] {0.5, 0.5}));
    }
}
