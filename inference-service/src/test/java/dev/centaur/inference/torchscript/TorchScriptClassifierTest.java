package dev.centaur.inference.torchscript;

import static dev.centaur.inference.testdata.TinyTorchScriptModel.positive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.centaur.inference.model.DjlRuntime;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.testdata.TinyTorchScriptModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The TorchScript kind on a model built during the run by python3-torch, with a hand-written WordLevel tokenizer. */
class TorchScriptClassifierTest {

    private static Path dir;

    @BeforeAll
    static void build() {
        dir = TinyTorchScriptModel.build();
    }

    @Test
    void tokenizerNativeLibraryLoadsOfflineFromTheJar() throws Exception {
        assertEquals("true", System.getProperty("ai.djl.offline"), "surefire runs DJL offline");
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(dir.resolve("tokenizer.json"))) {
            assertArrayEquals(new long[] {2, 4, 8, 3}, tokenizer.encode("Good movie").getIds());
            assertArrayEquals(new long[] {2, 4, 3, 6, 1, 3}, tokenizer.encode("good", "bad zebra").getIds());
            assertArrayEquals(new long[] {0, 0, 0, 1, 1, 1}, tokenizer.encode("good", "bad zebra").getTypeIds());
        }
    }

    @Test
    void predictsTheModelsDistributionsComputedByHand() {
        ModelDirectory directory = ModelDirectory.read(dir);
        assertEquals(List.of("negative", "positive"), directory.labels());
        try (TorchScriptClassifier model = TorchScriptClassifier.load(directory, 1.0, 16, DjlRuntime.chooseDevice())) {
            double[][] p = model.predict(List.of(
                    ItemText.single("good great movie"),       // (0, 4)
                    ItemText.single("bad movie"),              // (2, 0)
                    ItemText.single("the movie"),              // (0, 0)
                    ItemText.pair("good", "awful awful"),      // both sides count: (4, 2)
                    ItemText.single("good good good good good good good good good"))); // max_length 8: 6 goods
            assertEquals(positive(0, 4), p[0][1], 1e-6);
            assertEquals(positive(2, 0), p[1][1], 1e-6);
            assertEquals(0.5, p[2][1], 1e-6);
            assertEquals(positive(4, 2), p[3][1], 1e-6);
            assertEquals(positive(0, 12), p[4][1], 1e-6);
            for (double[] row : p) {
                assertEquals(1.0, row[0] + row[1], 1e-9);
            }
        }
    }

    @Test
    void temperatureSoftensTheDistribution() {
        try (TorchScriptClassifier model = TorchScriptClassifier.load(ModelDirectory.read(dir), 2.0, 16,
                DjlRuntime.chooseDevice())) {
            assertEquals(positive(0, 2 / 2.0), model.predict(List.of(ItemText.single("great")))[0][1], 1e-6); // (0, 2) / T
        }
    }

    @Test
    void directoriesWithoutTheirFilesOrWithBadConfigAreRefused() throws Exception {
        Path noTokenizer = TinyTorchScriptModel.copy("unit-no-tokenizer");
        Files.delete(noTokenizer.resolve("tokenizer.json"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelDirectory.read(noTokenizer)).getMessage()
                .contains("has no tokenizer.json"));
        Path badConfig = TinyTorchScriptModel.copy("unit-bad-config");
        Files.writeString(badConfig.resolve("centaur-model.json"), "{\"labels\": [\"only\"], \"max_length\": 8}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelDirectory.read(badConfig)).getMessage()
                .contains("need at least 2"));
        Path badModel = TinyTorchScriptModel.copy("unit-bad-model");
        Files.writeString(badModel.resolve("model.pt"), "not a model");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TorchScriptClassifier.load(
                ModelDirectory.read(badModel), 1.0, 16, DjlRuntime.chooseDevice())).getMessage()
                .contains("model.pt is not a loadable TorchScript model"));
    }
}
