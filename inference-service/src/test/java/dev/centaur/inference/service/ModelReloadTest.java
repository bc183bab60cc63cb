package dev.centaur.inference.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.model.TextClassifier;
import dev.centaur.inference.testdata.Requests;
import dev.centaur.inference.testdata.SyntheticTexts;
import dev.centaur.inference.testdata.SyntheticTexts.Example;
import dev.centaur.inference.v1.InferenceServiceGrpc.InferenceServiceBlockingStub;
import dev.centaur.inference.v1.ModelVersion;
import dev.centaur.inference.v1.PredictResponse;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A stored version, rebuilt from its database row alone, predicts exactly what the service does. */
@QuarkusTest
class ModelReloadTest {

    @GrpcClient("inference")
    InferenceServiceBlockingStub inference;

    @Inject
    ModelCatalog catalog;

    @Inject
    ModelRegistry registry;

    @Inject
    DataSource dataSource;

    private void assertReloadPredictsIdentically(List<String> labels, List<Example> training, List<Example> fresh) {
        String name = Requests.freshModelName();
        ModelVersion trained = inference.train(Requests.train(name, labels, training).build()).getModel();
        PredictResponse served = inference.predict(Requests.predict(name, fresh).build());

        UUID id = UUID.fromString(trained.getVersionId());
        ModelVersionInfo stored = catalog.find(id).orElseThrow();
        List<ItemText> items = fresh.stream().map(Example::text).toList();
        try (TextClassifier reloaded = TextClassifier.load(catalog.weights(id), stored.featureConfig(),
                stored.labels(), stored.temperature(), 7, registry.device())) {
            double[][] probabilities = reloaded.predict(items);
            for (int i = 0; i < items.size(); i++) {
                List<Double> expected = served.getPredictions(i).getProbabilitiesList();
                for (int j = 0; j < labels.size(); j++) {
                    assertEquals(expected.get(j), probabilities[i][j], 1e-9, "item " + i + " label " + j);
                }
            }
        }
        assertEquals(trained.getTemperature(), stored.temperature());
    }

    @Test
    void singleTextVersionsSurviveAReload() {
        assertReloadPredictsIdentically(SyntheticTexts.TOPIC_LABELS, SyntheticTexts.topics(40, 1),
                SyntheticTexts.topics(30, 2));
    }

    @Test
    void pairVersionsSurviveAReload() {
        assertReloadPredictsIdentically(SyntheticTexts.MATCH_LABELS, SyntheticTexts.productPairs(40, 1),
                SyntheticTexts.productPairs(30, 2));
    }

    @Test
    void refreshPicksUpAVersionActivatedByAnotherReplica() throws Exception {
        String name = Requests.freshModelName();
        inference.train(Requests.topics(name, 20, 1).build());
        ModelVersion second = inference.train(Requests.topics(name, 20, 2).build()).getModel();
        // Another replica switches the active version: only the database changes.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate("update inference.model_version set active = false where model_name = '" + name + "'");
            statement.executeUpdate("update inference.model_version set active = true where id = '"
                    + second.getVersionId() + "'");
            connection.commit();
        }
        registry.syncAll();
        assertEquals(second.getVersionId(), inference.predict(
                Requests.predict(name, SyntheticTexts.topics(1, 3)).build()).getVersionId());
    }
}
