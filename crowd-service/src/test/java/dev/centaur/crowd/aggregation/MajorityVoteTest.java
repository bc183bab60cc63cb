package dev.centaur.crowd.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MajorityVoteTest {

    private static final double EXACT = 1e-12;
    private final MajorityVote majorityVote = new MajorityVote();

    @Test
    void majorityLabelWinsAndPosteriorIsTheVoteShare() {
        Aggregate aggregate = majorityVote.fit(new AnswerIndex(List.of("a", "b"))
                .add("x", "w1", "a").add("x", "w2", "a").add("x", "w3", "b").answers());

        assertEquals(0, aggregate.label(0));
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, aggregate.posterior(0), EXACT);
        assertEquals(2.0 / 3, aggregate.confidence(0), EXACT);
    }

    @Test
    void eachItemIsVotedSeparatelyOverThreeLabels() {
        Aggregate aggregate = majorityVote.fit(new AnswerIndex(List.of("a", "b", "c"))
                .add("x", "w1", "c").add("y", "w1", "b").add("x", "w2", "a").add("x", "w3", "c")
                .add("y", "w2", "b").add("x", "w4", "b").answers());

        assertArrayEquals(new int[] {2, 1}, aggregate.labels());
        assertArrayEquals(new double[] {0.25, 0.25, 0.5}, aggregate.posterior(0), EXACT);
        assertArrayEquals(new double[] {0, 1, 0}, aggregate.posterior(1), EXACT);
    }

    @Test
    void tieWithoutModelGoesToTheLabelThatComesFirst() {
        Aggregate aggregate = majorityVote.fit(new AnswerIndex(List.of("a", "b"))
                .add("x", "w1", "b").add("x", "w2", "a").answers());

        assertEquals(0, aggregate.label(0));
        assertArrayEquals(new double[] {0.5, 0.5}, aggregate.posterior(0), EXACT);
    }

    @Test
    void tieGoesToTheLabelTheModelPrefers() {
        Aggregate aggregate = majorityVote.fit(new AnswerIndex(List.of("a", "b"))
                .add("x", "w1", "a").add("x", "w2", "b")
                .modelDistribution("x", new double[] {0.3, 0.7}).answers());

        assertEquals(1, aggregate.label(0));
        assertArrayEquals(new double[] {0.5, 0.5}, aggregate.posterior(0), EXACT, "the model breaks ties only");
    }

    @Test
    void modelDoesNotOverruleAMajority() {
        Aggregate aggregate = majorityVote.fit(new AnswerIndex(List.of("a", "b"))
                .add("x", "w1", "a").add("x", "w2", "a").add("x", "w3", "b")
                .modelDistribution("x", new double[] {0.01, 0.99}).answers());

        assertEquals(0, aggregate.label(0));
    }

    @Test
    void tieBreakIgnoresTheModelsFavouriteWhenItIsNotAmongTheTiedLabels() {
        Aggregate aggregate = majorityVote.fit(new AnswerIndex(List.of("a", "b", "c"))
                .add("x", "w1", "c").add("x", "w2", "b")
                .modelDistribution("x", new double[] {0.9, 0.04, 0.06}).answers());

        assertEquals(2, aggregate.label(0), "c and b tie; the model prefers c over b");
    }

    @Test
    void itemWithoutAnswersGetsTheUniformPosterior() {
        Answers answers = Answers.of(2, 1, 2, new int[] {0}, new int[] {0}, new int[] {1});

        Aggregate aggregate = majorityVote.fit(answers);

        assertEquals(1, aggregate.label(0));
        assertEquals(0, aggregate.label(1));
        assertArrayEquals(new double[] {0.5, 0.5}, aggregate.posterior(1), EXACT);
    }

    @Test
    void resultDoesNotDependOnAnswerOrder() {
        Aggregate forward = majorityVote.fit(new AnswerIndex(List.of("a", "b"))
                .add("x", "w1", "a").add("x", "w2", "b").answers());
        Aggregate backward = majorityVote.fit(new AnswerIndex(List.of("a", "b"))
                .add("x", "w2", "b").add("x", "w1", "a").answers());

        assertEquals(forward.label(0), backward.label(0));
    }

    @Test
    void answersRefuseIndexesOutsideTheirRanges() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Answers.of(1, 1, 2, new int[] {0}, new int[] {0}, new int[] {2}));

        assertTrue(failure.getMessage().contains("label index 2"), failure.getMessage());
    }

    @Test
    void answerIndexRefusesALabelOutsideTheLabelList() {
        AnswerIndex index = new AnswerIndex(List.of("a", "b"));

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> index.add("x", "w1", "c"));

        assertTrue(failure.getMessage().contains("'c'"), failure.getMessage());
    }

    @Test
    void modelDistributionMustCoverEveryLabel() {
        assertThrows(IllegalArgumentException.class, () -> Answers.of(1, 1, 2, new int[] {0}, new int[] {0},
                new int[] {0}, new double[][] {{1.0}}));
    }
}
