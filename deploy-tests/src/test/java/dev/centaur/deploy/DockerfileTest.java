package dev.centaur.deploy;

import dev.centaur.deploy.Repository.CentaurService;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The images the manifests run: not root, the port of application.properties, the DJL cache where the pod mounts it. */
class DockerfileTest {

    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");

    @Test
    void everyImageRunsAsANumericNonRootUserAndExposesTheServicesPort() throws IOException {
        List<String> problems = new ArrayList<>();
        for (CentaurService service : CentaurService.values()) {
            Path docker = Repository.root().resolve(service.module()).resolve("src/main/docker");
            List<Path> files;
            try (Stream<Path> list = Files.list(docker)) {
                files = list.filter(f -> f.getFileName().toString().startsWith("Dockerfile")).sorted().toList();
            }
            if (files.stream().noneMatch(f -> f.getFileName().toString().equals("Dockerfile.jvm"))) {
                problems.add(service.module() + ": no Dockerfile.jvm");
            }
            for (Path file : files) {
                String text = Files.readString(file);
                String user = last(USER.matcher(text));
                if (user == null || !user.matches("\\d+") || user.equals("0")) {
                    problems.add(file + ": runs as user " + user + ", not a numeric non-root user"
                            + " (Kubernetes can only verify runAsNonRoot for a number)");
                }
                String expose = last(EXPOSE.matcher(text));
                if (!String.valueOf(Repository.httpPort(service)).equals(expose)) {
                    problems.add(file + ": EXPOSE " + expose + ", but quarkus.http.port is " + Repository.httpPort(service));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void inferenceImageAndPodAgreeOnTheDjlCache() throws IOException {
        String dockerfile = Files.readString(Repository.root().resolve("inference-service/src/main/docker/Dockerfile.jvm"));
        List<String> problems = new ArrayList<>();
        for (String overlay : Repository.OVERLAYS) {
            PodSpec pod = Manifests.overlay(overlay).deployment("inference").getSpec().getTemplate().getSpec();
            Container c = pod.getContainers().get(0);
            String cache = c.getEnv().stream().filter(e -> e.getName().equals("DJL_CACHE_DIR")).map(e -> e.getValue())
                    .findFirst().orElse(null);
            boolean mounted = c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals(cache)
                    && pod.getVolumes().stream().anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
            if (cache == null || !mounted) {
                problems.add(overlay + ": DJL_CACHE_DIR " + cache + " is not an emptyDir mount of the inference pod");
            }
            if (!dockerfile.contains("DJL_CACHE_DIR=" + cache)) {
                problems.add(overlay + ": the image's DJL_CACHE_DIR is not " + cache);
            }
        }
        if (!dockerfile.contains("-Dai.djl.offline=true")) {
            problems.add("inference image: DJL is not told to stay offline");
        }
        assertEquals(List.of(), problems);
    }

    private static String last(Matcher m) {
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }
}
