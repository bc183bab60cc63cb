package dev.centaur.deploy;

import dev.centaur.deploy.Repository.CentaurService;
import dev.centaur.deploy.check.AuthChecks;
import dev.centaur.deploy.check.PodChecks;
import dev.centaur.deploy.check.ServiceChecks;
import dev.centaur.deploy.check.ShutdownChecks;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pods of every overlay: sized, hardened, wired to their Services, probes and peers as the services expect. */
class WorkloadTest {

    static final List<String> OVERLAYS = Repository.OVERLAYS;
    private static final Pattern GRPC_CLIENT = Pattern.compile("@GrpcClient\\(\"([a-z]+)\"\\)");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasCpuAndMemoryRequestsAndLimits(String overlay) {
        assertEquals(List.of(), PodChecks.resources(Manifests.overlay(overlay).podTemplates()));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerRunsAsNonRootOnAReadOnlyRootWithoutCapabilities(String overlay) {
        Map<String, PodTemplateSpec> pods = Manifests.overlay(overlay).podTemplates();
        List<String> problems = new ArrayList<>(PodChecks.securityContext(pods));
        problems.addAll(PodChecks.writableTmp(pods));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void credentialsComeFromSecretsAndNeverSitInConfigMaps(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<String> problems = new ArrayList<>(PodChecks.credentialsFromSecrets(manifests.podTemplates()));
        for (ConfigMap configMap : manifests.of(ConfigMap.class)) {
            for (String key : configMap.getData() == null ? Set.<String>of() : configMap.getData().keySet()) {
                String upper = key.toUpperCase(Locale.ROOT);
                if (upper.contains("PASSWORD") || upper.contains("TOKEN") || upper.contains("SECRET")) {
                    problems.add("ConfigMap/" + configMap.getMetadata().getName() + ": key " + key + " belongs in a Secret");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceReadsBothAuthVariablesFromTheAuthSecretAndLeavesAuthOn(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Map<String, PodTemplateSpec> services = new LinkedHashMap<>();
        for (CentaurService service : CentaurService.values()) {
            services.put("Deployment/" + service.deployment, manifests.deployment(service.deployment).getSpec().getTemplate());
        }
        assertEquals(List.of(), AuthChecks.servicesReadAuthFromSecret(services));
    }

    /** Production's centaur-auth is made outside (ProductionTest checks it is documented, not committed). */
    @Test
    void theLocalOverlayGeneratesTheAuthSecretWithBothKeys() {
        Secret secret = Manifests.overlay("local").named(Secret.class, AuthChecks.SECRET)
                .orElseThrow(() -> new AssertionError("the local overlay generates no Secret " + AuthChecks.SECRET));
        assertEquals(List.of(), AuthChecks.secretHoldsBothKeys(secret));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void terminationGraceOutlastsEachServicesShutdownDelayAndTimeout(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (CentaurService service : CentaurService.values()) {
            problems.addAll(ShutdownChecks.graceExceedsShutdown("Deployment/" + service.deployment,
                    manifests.deployment(service.deployment).getSpec().getTemplate(), Repository.applicationProperties(service)));
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyWorkloadHasAServiceOnThePortsItsPodsOpen(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        assertEquals(List.of(), ServiceChecks.servicesMatchWorkloads(manifests.podTemplates(), manifests.services()));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void portsProbesAndMetricsMatchEachServicesApplicationProperties(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (CentaurService service : CentaurService.values()) {
            PodTemplateSpec template = manifests.deployment(service.deployment).getSpec().getTemplate();
            problems.addAll(ServiceChecks.probesMatchConfiguration("Deployment/" + service.deployment, template,
                    Repository.httpPort(service)));
        }
        assertEquals(List.of(), problems);
    }

    /** The clients each service's code declares are exactly those its Deployment configures, each balanced per call. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void grpcClientsOfTheCodeGoToHeadlessServicesWithRoundRobin(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (CentaurService service : CentaurService.values()) {
            PodTemplateSpec template = manifests.deployment(service.deployment).getSpec().getTemplate();
            problems.addAll(ServiceChecks.grpcClientsUseHeadlessServices("Deployment/" + service.deployment, template,
                    manifests.services()));
            TreeSet<String> configured = new TreeSet<>();
            template.getSpec().getContainers().get(0).getEnv().stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("QUARKUS_GRPC_CLIENTS_") && n.endsWith("_HOST"))
                    .forEach(n -> configured.add(n.substring("QUARKUS_GRPC_CLIENTS_".length(), n.length() - 5)
                            .toLowerCase(Locale.ROOT)));
            TreeSet<String> inCode = grpcClientsInCode(service);
            if (!configured.equals(inCode)) {
                problems.add("Deployment/" + service.deployment + " configures gRPC clients " + configured
                        + " but " + service.module() + " declares " + inCode);
            }
        }
        assertEquals(List.of(), problems);
    }

    static TreeSet<String> grpcClientsInCode(CentaurService service) {
        Path sources = Repository.root().resolve(service.module()).resolve("src/main/java");
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = GRPC_CLIENT.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
