package dev.centaur.qc.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.qc.sampling.ReviewSampler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Do the 95% intervals hold what they promise? A labeled set of 10,000 final labels with known
 * accuracy per source is sampled many times by the real {@link ReviewSampler} (a new seed each
 * time); every sample gives per-source Wilson intervals and the stratified overall interval, and
 * we count how often each contains the true accuracy. The coverage figures are printed.
 */
class IntervalCoverageTest {

    private static final int SAMPLINGS = 400;
    private static final double REQUIRED_COVERAGE = 0.93;
    private static final double BASE_RATE = 0.05;
    private static final String PROJECT = "coverage";

    /** A source: how many labels it gave and how many of them are right. */
    private record Source(String name, int labels, int correct) {
    }

    /** One final label of the simulated set; {@code rate} is the sampling rate it is offered at. */
    private record Label(String itemId, int source, int rateStratum, boolean correct) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source("MODEL", 6000, 5520), new Source("CROWD", 3000, 2550), new Source("HYBRID", 1000, 750));

    @Test
    void wilsonAndStratifiedIntervalsCoverTheTrueAccuracyAtFivePercent() {
        List<Label> labels = labeledSet(0, 0);

        Coverage coverage = simulate(labels, new double[] {BASE_RATE});

        coverage.print("3 sources (60/30/10% of 10,000 labels, accuracy 0.92/0.85/0.75), sampled at 5%");
        coverage.assertAtLeast(REQUIRED_COVERAGE);
    }

    @Test
    void stratifyingBySamplingRateKeepsCoverageWhenANewModelVersionIsSampledMore() {
        // The first 1,000 MODEL labels come from a new model version, right only 70% of the time,
        // and are sampled at 25%: a pooled share would over-weight them; strata (source, rate) do not.
        List<Label> labels = labeledSet(1000, 700);

        Coverage coverage = simulate(labels, new double[] {BASE_RATE, 0.25});

        coverage.print("as above, but the first 1,000 MODEL labels (accuracy 0.70) sampled at 25%");
        coverage.assertAtLeast(REQUIRED_COVERAGE);
        assertTrue(coverage.pooledOverall < REQUIRED_COVERAGE,
                "the unweighted pooled interval should miss under unequal rates, covered " + coverage.pooledOverall);
    }

    /**
     * The labeled set, its right labels spread at random within each source; the first
     * {@code boosted} MODEL labels form rate stratum 1 with {@code boostedCorrect} right.
     */
    private static List<Label> labeledSet(int boosted, int boostedCorrect) {
        Random random = new Random(20240601);
        List<Label> labels = new ArrayList<>();
        for (int s = 0; s < SOURCES.size(); s++) {
            Source source = SOURCES.get(s);
            int first = labels.size();
            int slice = s == 0 ? boosted : 0;
            addShuffled(labels, random, first, s, 1, slice, slice == 0 ? 0 : boostedCorrect);
            addShuffled(labels, random, first + slice, s, 0, source.labels() - slice,
                    source.correct() - (slice == 0 ? 0 : boostedCorrect));
        }
        return labels;
    }

    private static void addShuffled(List<Label> labels, Random random, int firstId, int source, int rateStratum,
            int count, int correct) {
        List<Boolean> outcomes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            outcomes.add(i < correct);
        }
        Collections.shuffle(outcomes, random);
        for (int i = 0; i < count; i++) {
            labels.add(new Label("item-" + (firstId + i), source, rateStratum, outcomes.get(i)));
        }
    }

    private static Coverage simulate(List<Label> labels, double[] rates) {
        int sources = SOURCES.size();
        long[][] offered = new long[sources][rates.length];
        long[] truePerSource = new long[sources];
        for (Label label : labels) {
            offered[label.source()][label.rateStratum()]++;
            truePerSource[label.source()] += label.correct() ? 1 : 0;
        }
        double trueOverall = labels.stream().filter(Label::correct).count() / (double) labels.size();
        Coverage coverage = new Coverage(sources);
        for (int run = 0; run < SAMPLINGS; run++) {
            ReviewSampler sampler = new ReviewSampler("coverage-run-" + run);
            long[][] reviews = new long[sources][rates.length];
            long[][] correct = new long[sources][rates.length];
            for (Label label : labels) {
                if (sampler.isSampled(PROJECT, label.itemId(), rates[label.rateStratum()])) {
                    reviews[label.source()][label.rateStratum()]++;
                    correct[label.source()][label.rateStratum()] += label.correct() ? 1 : 0;
                }
            }
            List<Stratum> all = new ArrayList<>();
            long pooledReviews = 0;
            long pooledCorrect = 0;
            for (int s = 0; s < sources; s++) {
                List<Stratum> ofSource = new ArrayList<>();
                for (int r = 0; r < rates.length; r++) {
                    ofSource.add(new Stratum(offered[s][r], reviews[s][r], correct[s][r]));
                    pooledReviews += reviews[s][r];
                    pooledCorrect += correct[s][r];
                }
                all.addAll(ofSource);
                double truth = truePerSource[s] / (double) SOURCES.get(s).labels();
                coverage.perSourceHits[s] += contains(StratifiedWilson.of95(ofSource).proportion(), truth) ? 1 : 0;
            }
            coverage.overallHits += contains(StratifiedWilson.of95(all).proportion(), trueOverall) ? 1 : 0;
            coverage.pooledHits += contains(WilsonInterval.of95(pooledCorrect, pooledReviews), trueOverall) ? 1 : 0;
        }
        coverage.finish();
        return coverage;
    }

    private static boolean contains(Proportion interval, double truth) {
        return interval.lower() <= truth && truth <= interval.upper();
    }

    /** How often each interval contained the truth, over the samplings. */
    private static final class Coverage {
        final int[] perSourceHits;
        int overallHits;
        int pooledHits;
        double[] perSource;
        double overall;
        double pooledOverall;

        Coverage(int sources) {
            perSourceHits = new int[sources];
        }

        void finish() {
            perSource = new double[perSourceHits.length];
            for (int s = 0; s < perSource.length; s++) {
                perSource[s] = perSourceHits[s] / (double) SAMPLINGS;
            }
            overall = overallHits / (double) SAMPLINGS;
            pooledOverall = pooledHits / (double) SAMPLINGS;
        }

        void print(String scenario) {
            StringBuilder table = new StringBuilder("95% interval coverage over " + SAMPLINGS + " samplings: "
                    + scenario + "\n");
            for (int s = 0; s < perSource.length; s++) {
                table.append(String.format("  %-32s %.3f%n", SOURCES.get(s).name() + " (Wilson, per source)", perSource[s]));
            }
            table.append(String.format("  %-32s %.3f%n", "overall (stratified Wilson)", overall));
            table.append(String.format("  %-32s %.3f%n", "overall (pooled, unweighted)", pooledOverall));
            System.out.print(table);
        }

        void assertAtLeast(double required) {
            for (int s = 0; s < perSource.length; s++) {
                assertTrue(perSource[s] >= required, SOURCES.get(s).name() + " covered " + perSource[s]);
            }
            assertTrue(overall >= required, "stratified overall covered " + overall);
        }
    }
}
