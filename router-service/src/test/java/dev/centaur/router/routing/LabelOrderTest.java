package dev.centaur.router.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelOrderTest {

    private static final List<String> PROJECT = List.of("cat", "dog", "bird");

    @Test
    void distributionIsReorderedByLabelName() throws Exception {
        LabelOrder order = LabelOrder.between(PROJECT, List.of("bird", "cat", "dog"));

        assertArrayEquals(new double[] {0.7, 0.2, 0.1}, order.toProjectOrder("i", List.of(0.1, 0.7, 0.2)), 0);
    }

    @Test
    void sameOrderKeepsTheDistribution() throws Exception {
        LabelOrder order = LabelOrder.between(PROJECT, PROJECT);

        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, order.toProjectOrder("i", List.of(0.5, 0.25, 0.25)), 0);
    }

    @Test
    void aMissingLabelIsRefused() {
        MalformedPredictionException refused = assertThrows(MalformedPredictionException.class,
                () -> LabelOrder.between(PROJECT, List.of("cat", "dog")));
        assertTrue(refused.getMessage().contains("[cat, dog]"));
    }

    @Test
    void anExtraLabelIsRefused() {
        assertThrows(MalformedPredictionException.class,
                () -> LabelOrder.between(PROJECT, List.of("cat", "dog", "bird", "fish")));
    }

    @Test
    void anotherLabelOfTheSameCountIsRefused() {
        assertThrows(MalformedPredictionException.class,
                () -> LabelOrder.between(PROJECT, List.of("cat", "dog", "fish")));
    }

    @Test
    void aRepeatedModelLabelIsRefused() {
        assertThrows(MalformedPredictionException.class,
                () -> LabelOrder.between(PROJECT, List.of("cat", "dog", "dog")));
    }

    @Test
    void aDistributionOfTheWrongLengthIsRefused() throws Exception {
        LabelOrder order = LabelOrder.between(PROJECT, PROJECT);

        assertThrows(MalformedPredictionException.class, () -> order.toProjectOrder("i", List.of(0.5, 0.5)));
    }

    @Test
    void probabilitiesOutsideZeroToOneAreRefused() throws Exception {
        LabelOrder order = LabelOrder.between(PROJECT, PROJECT);

        assertThrows(MalformedPredictionException.class, () -> order.toProjectOrder("i", List.of(1.5, -0.5, 0.0)));
        assertThrows(MalformedPredictionException.class,
                () -> order.toProjectOrder("i", List.of(Double.NaN, 0.5, 0.5)));
    }

    @Test
    void aDistributionThatDoesNotSumToOneIsRefused() throws Exception {
        LabelOrder order = LabelOrder.between(PROJECT, PROJECT);

        assertThrows(MalformedPredictionException.class, () -> order.toProjectOrder("i", List.of(0.5, 0.2, 0.2)));
    }

    @Test
    void floatRoundingInTheSumIsAccepted() throws Exception {
        LabelOrder order = LabelOrder.between(PROJECT, PROJECT);

        double third = 0.3333333;
        assertArrayEquals(new double[] {third, third, third},
                order.toProjectOrder("i", List.of(third, third, third)), 0);
    }
}
