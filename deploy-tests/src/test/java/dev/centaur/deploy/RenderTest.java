package dev.centaur.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.centaur.deploy.check.CrdSchema;
import dev.centaur.deploy.check.UnknownFields;
import dev.centaur.deploy.kustomize.Kustomizer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every overlay renders, and every object in it is a Kubernetes object the API server would take as written. */
class RenderTest {

    static final List<String> OVERLAYS = Repository.OVERLAYS;
    static final List<CrdSchema> CRDS = List.of(
            CrdSchema.load("postgresql.cnpg.io_clusters"), CrdSchema.load("postgresql.cnpg.io_databases"));

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectParsesWithoutUnknownFields(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<String> problems = problemsOf(manifests);
        assertEquals(List.of(), problems, overlay + ": objects the API server would refuse or prune");
        assertTrue(manifests.all().size() > 10, overlay + " renders only " + manifests.all().size() + " objects");
    }

    /** Built-in kinds against fabric8's model, custom resources against their CRD schema. */
    static List<String> problemsOf(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < manifests.all().size(); i++) {
            HasMetadata object = manifests.all().get(i);
            if (object instanceof GenericKubernetesResource generic) {
                CrdSchema schema = CRDS.stream()
                        .filter(s -> s.apiVersion().equals(generic.getApiVersion()) && s.kind().equals(generic.getKind()))
                        .findFirst().orElse(null);
                if (schema == null) {
                    problems.add(generic.getApiVersion() + " " + generic.getKind() + "/" + generic.getMetadata().getName()
                            + ": neither a built-in kind nor a custom resource with a schema in src/test/resources/crd");
                } else {
                    problems.addAll(schema.validate(manifests.trees().get(i)));
                }
            } else {
                problems.addAll(UnknownFields.of(object));
            }
        }
        return problems;
    }

    /** The Java renderer gives what kubectl kustomize gives; checked where kubectl is installed. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void javaRenderingEqualsKubectlKustomize(String overlay) throws Exception {
        Path dir = Repository.overlay(overlay);
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            Assumptions.abort("kubectl is not installed: " + e.getMessage());
            return;
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
        assertEquals(0, process.exitValue(), "kubectl kustomize failed: " + err);
        Path rendered = Files.createTempFile("kustomize-" + overlay, ".yaml");
        try {
            Files.write(rendered, out);
            assertEquals(byId(kubectlOutput(rendered)), byId(Kustomizer.render(dir)));
        } finally {
            Files.delete(rendered);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> kubectlOutput(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Map<String, Object>> docs = new ArrayList<>();
        try (var parser = yaml.getFactory().createParser(file.toFile())) {
            var it = yaml.readValues(parser, Map.class);
            while (it.hasNext()) {
                docs.add(it.next());
            }
        }
        return docs;
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> objects) {
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        for (Map<String, Object> o : objects) {
            byId.put(Kustomizer.idOf(o), o);
        }
        return byId;
    }
}
