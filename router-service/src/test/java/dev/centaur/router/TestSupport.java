package dev.centaur.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.SubmittedItem;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.function.Executable;

/** Builders, waiting and row counting shared by the tests. */
public final class TestSupport {

    /** How long the background workers get to reach an expected state. */
    public static final Duration WORKERS_TIMEOUT = Duration.ofSeconds(15);

    private TestSupport() {
    }

    /** A fresh id, so reruns and other tests never meet this test's rows. */
    public static String newProjectId() {
        return "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public static Project.Builder project(String projectId, double threshold, String... labels) {
        return Project.newBuilder()
                .setProjectId(projectId)
                .setName("Test project " + projectId)
                .addAllLabels(List.of(labels))
                .setInstructions("Pick the label that fits.")
                .setPolicy(Policy.newBuilder()
                        .setThreshold(threshold)
                        .setOverlap(3)
                        .setQcRate(0.2)
                        .setPricePerCrowdAnswer(0.05)
                        .setPricePerExpertReview(1.5)
                        .setPricePer1KPredictions(0.1));
    }

    public static SubmittedItem text(String itemId, String text) {
        return SubmittedItem.newBuilder()
                .setItemId(itemId)
                .setContent(ItemContent.newBuilder().setText(text))
                .build();
    }

    public static SubmittedItem pair(String itemId, String textA, String textB) {
        return SubmittedItem.newBuilder()
                .setItemId(itemId)
                .setContent(ItemContent.newBuilder().setTextA(textA).setTextB(textB))
                .build();
    }

    /** Retries the assertion until it holds or the workers' time is up (then its failure is thrown). */
    public static void eventually(Executable assertion) {
        long deadline = System.nanoTime() + WORKERS_TIMEOUT.toNanos();
        while (true) {
            try {
                assertion.execute();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(50));
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts the call fails with the code and a description that mentions every fragment. */
    public static StatusRuntimeException assertFails(Status.Code code, Executable call, String... fragments) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, failure.getStatus().getCode(), "status of " + failure);
        String description = failure.getStatus().getDescription();
        assertNotNull(description, "description of " + failure);
        for (String fragment : fragments) {
            assertTrue(description.contains(fragment),
                    "description \"" + description + "\" should mention \"" + fragment + "\"");
        }
        return failure;
    }

    /** Runs an UPDATE beside the service (to simulate a lost or replayed state); answers the rows changed. */
    public static int update(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(DataSource dataSource, String sql, Object... parameters) {
        return Long.parseLong(rows(dataSource, sql, parameters).get(0).get(0));
    }

    /** Every row of the query, each column as text (null as "null"): a snapshot to compare. */
    public static List<List<String>> rows(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<List<String>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        // Objects, not getString: its text for a double depends on the wire format in use.
                        row.add(String.valueOf(result.getObject(column)));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
