package dev.centaur.inference.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * Builds the tests' TorchScript model directory at run time: model.pt from
 * src/test/resources/torchscript/make_tiny_classifier.py run by Debian's python3-torch
 * (/usr/bin/python3, or -Dcentaur.test.python), beside the hand-written tokenizer.json and
 * centaur-model.json. Fails, never skips, when Python or torch is missing.
 */
public final class TinyTorchScriptModel {

    /** The tests' model store (centaur.inference.model-store in the test profile). */
    public static final Path STORE = Path.of("target/test-model-store");
    public static final String DIR = "tiny-sentiment";
    private static final long PYTHON_TIMEOUT_SECONDS = 120;
    private static boolean built;

    private TinyTorchScriptModel() {
    }

    /** The directory inside {@link #STORE}, built once per test JVM. */
    public static synchronized Path build() {
        Path dir = STORE.resolve(DIR);
        if (built) {
            return dir;
        }
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve("make_tiny_classifier.py");
            for (String file : new String[] {"make_tiny_classifier.py", "tokenizer.json", "centaur-model.json"}) {
                try (InputStream in = TinyTorchScriptModel.class.getResourceAsStream("/torchscript/" + file)) {
                    Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            String python = System.getProperty("centaur.test.python", "/usr/bin/python3");
            Process process = new ProcessBuilder(python, script.toString(), dir.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(PYTHON_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(python + " " + script + " failed (is python3-torch installed?"
                        + " .ci/run installs it): " + output);
            }
            built = true;
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the TorchScript test model: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the built directory under another name, to be broken by a test. */
    public static Path copy(String name) {
        Path source = build();
        Path target = STORE.resolve(name);
        try {
            Files.createDirectories(target);
            for (String file : new String[] {"model.pt", "tokenizer.json", "centaur-model.json"}) {
                Files.copy(source.resolve(file), target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return target;
    }

    /** softmax((a, b)) of the positive label, as the tests compute it by hand. */
    public static double positive(double negativeLogit, double positiveLogit) {
        return 1 / (1 + Math.exp(negativeLogit - positiveLogit));
    }
}
