package dev.centaur.crowd.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Majority vote on real crowd answers against the accuracy published for it (Crowd-Kit JOSS
 * paper, as quoted in each data set's README), within half a point.
 */
class PublishedAccuracyTest {

    private static final double TOLERANCE = 0.005;

    @Test
    void majorityVoteMatchesPublishedAccuracyOnProductMatching() {
        double accuracy = majorityVoteAccuracy("product-matching", 8315);

        assertTrue(accuracy >= 0.897 - TOLERANCE, "MV accuracy " + accuracy + " on product-matching");
    }

    @Test
    void majorityVoteMatchesPublishedAccuracyOnPosSentiment() {
        double accuracy = majorityVoteAccuracy("pos-sentiment", 1000);

        assertTrue(accuracy >= 0.932 - TOLERANCE, "MV accuracy " + accuracy + " on pos-sentiment");
    }

    private static double majorityVoteAccuracy(String dataset, int expectedGoldItems) {
        Path dir = datasetsDir().resolve(dataset);
        List<String> labels = lines(dir.resolve("labels.txt")).stream().filter(line -> !line.isBlank()).toList();
        AnswerIndex index = new AnswerIndex(labels);
        for (String[] row : csvRows(dir.resolve("answers.csv"))) {
            index.add(row[0], row[1], row[2]);
        }
        Map<String, String> gold = new HashMap<>();
        for (String[] row : csvRows(dir.resolve("gold.csv"))) {
            gold.put(row[0], row[1]);
        }
        assertEquals(expectedGoldItems, gold.size(), "gold items in " + dataset);

        Aggregate aggregate = new MajorityVote().fit(index.answers());

        int correct = 0;
        int scored = 0;
        for (Map.Entry<String, String> entry : gold.entrySet()) {
            int item = index.indexOfItem(entry.getKey());
            if (item >= 0) {
                scored++;
                correct += labels.get(aggregate.label(item)).equals(entry.getValue()) ? 1 : 0;
            }
        }
        double accuracy = (double) correct / scored;
        System.out.printf("MV on %s: %d/%d = %.4f%n", dataset, correct, scored, accuracy);
        return accuracy;
    }

    /** The shared data sets live beside the checkout; -Dcentaur.datasets overrides. */
    static Path datasetsDir() {
        String override = System.getProperty("centaur.datasets");
        if (override != null) {
            return Path.of(override);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/datasets above " + Path.of("").toAbsolutePath()
                + "; set -Dcentaur.datasets");
    }

    private static List<String[]> csvRows(Path file) {
        // These files hold ids and labels only: no quoted fields, so a plain split is exact.
        return lines(file).stream().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",", -1)).toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
