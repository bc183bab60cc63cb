package dev.centaur.inference.testdata;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.testdata.SyntheticTexts.Example;
import dev.centaur.inference.v1.LabeledExample;
import dev.centaur.inference.v1.PredictItem;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.TrainRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.function.Executable;

/** Builders of gRPC requests from generated data, and checks shared by the service tests. */
public final class Requests {

    private Requests() {
    }

    /** A fresh model name per test, so reruns and other tests never interfere. */
    public static String freshModelName() {
        return "test-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static ItemContent content(ItemText text) {
        return text.isPair()
                ? ItemContent.newBuilder().setTextA(text.textA()).setTextB(text.textB()).build()
                : ItemContent.newBuilder().setText(text.text()).build();
    }

    public static TrainRequest.Builder train(String modelName, List<String> labels, List<Example> examples) {
        TrainRequest.Builder request = TrainRequest.newBuilder().setModelName(modelName).addAllLabels(labels);
        for (Example example : examples) {
            request.addExamples(LabeledExample.newBuilder()
                    .setContent(content(example.text()))
                    .setLabel(labels.get(example.label())));
        }
        return request;
    }

    /** A small topic-classification training request (sports vs tech). */
    public static TrainRequest.Builder topics(String modelName, int count, long seed) {
        return train(modelName, SyntheticTexts.TOPIC_LABELS, SyntheticTexts.topics(count, seed));
    }

    public static PredictRequest.Builder predict(String modelName, List<Example> examples) {
        PredictRequest.Builder request = PredictRequest.newBuilder().setModelName(modelName);
        for (int i = 0; i < examples.size(); i++) {
            request.addItems(PredictItem.newBuilder().setItemId("item-" + i).setContent(content(examples.get(i).text())));
        }
        return request;
    }

    /**
     * Deletes this suite's models from earlier runs (names start with "test-", older than an hour),
     * so the test database does not grow with every run and startup, which loads every active
     * version, stays quick. Other suites' rows and this run's rows are left alone.
     */
    public static void deleteOldTestModels(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("delete from inference.model_version "
                        + "where model_name like 'test-%' and created_at < now() - interval '1 hour'")) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of inference.model_version for a model name. */
    public static long countVersions(DataSource dataSource, String modelName) {
        return countWhere(dataSource, "model_name = ?", modelName);
    }

    public static long countActive(DataSource dataSource, String modelName) {
        return countWhere(dataSource, "model_name = ? and active", modelName);
    }

    private static long countWhere(DataSource dataSource, String condition, String modelName) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from inference.model_version where " + condition)) {
            statement.setString(1, modelName);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of inference.fine_tune_job for a request id. */
    public static long countJobs(DataSource dataSource, String requestId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from inference.fine_tune_job where request_id = ?")) {
            statement.setString(1, requestId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a call that must fail with the code, and a description containing every fragment. */
    public static void assertStatus(Status.Code code, Executable call, String... fragments) {
        StatusRuntimeException failure = Assertions.assertThrows(StatusRuntimeException.class, call);
        Assertions.assertEquals(code, failure.getStatus().getCode(), failure.getStatus().getDescription());
        for (String fragment : fragments) {
            Assertions.assertTrue(String.valueOf(failure.getStatus().getDescription()).contains(fragment),
                    "description '" + failure.getStatus().getDescription() + "' should contain '" + fragment + "'");
        }
    }
}
