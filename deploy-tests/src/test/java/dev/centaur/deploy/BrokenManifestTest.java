package dev.centaur.deploy;

import dev.centaur.deploy.check.AuthChecks;
import dev.centaur.deploy.check.CrdSchema;
import dev.centaur.deploy.check.PodChecks;
import dev.centaur.deploy.check.ServiceChecks;
import dev.centaur.deploy.check.ShutdownChecks;
import dev.centaur.deploy.check.UnknownFields;
import dev.centaur.deploy.kustomize.KustomizeException;
import dev.centaur.deploy.kustomize.Kustomizer;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks can fail: deliberately broken manifests (src/test/resources/broken) and mutated overlays are rejected. */
class BrokenManifestTest {

    private static Manifests broken;
    private static Map<String, PodTemplateSpec> pods;

    @BeforeAll
    static void render() {
        broken = Manifests.render(Path.of("src/test/resources/broken"));
        pods = broken.podTemplates();
    }

    @Test
    void misspeltFieldIsReported() {
        List<String> problems = new ArrayList<>();
        broken.all().forEach(o -> problems.addAll(UnknownFields.of(o)));
        assertEquals(List.of("Deployment/router.spec.template.spec.containers[0].resouces: unknown field"), problems);
    }

    @Test
    void missingRequestsAndLimitsAreReported() {
        assertEquals(List.of(
                "Deployment/router container router: no cpu request",
                "Deployment/router container router: no cpu limit",
                "Deployment/router container router: no memory request",
                "Deployment/router container router: no memory limit"), PodChecks.resources(pods));
    }

    @Test
    void rootAndWritableRootAreReported() {
        List<String> problems = PodChecks.securityContext(pods);
        assertEquals(List.of(
                "Deployment/router container router: runAsNonRoot is not true",
                "Deployment/router container router: readOnlyRootFilesystem is not true",
                "Deployment/router container router: allowPrivilegeEscalation is not false",
                "Deployment/router container router: capabilities do not drop ALL",
                "Deployment/router container router: seccomp profile is null, not RuntimeDefault"), problems);
        assertEquals(List.of("Deployment/router container router: no volume mounted at /tmp"), PodChecks.writableTmp(pods));
    }

    @Test
    void plainTextPasswordAndTokenAndASecretFromAConfigMapAreReported() {
        assertEquals(List.of(
                "Deployment/router container router: QUARKUS_DATASOURCE_PASSWORD is not read from a Secret",
                "Deployment/router container router: CENTAUR_AUTH_SERVICE_TOKEN is not read from a Secret",
                "Deployment/router container router: WEBHOOK_SECRET is not read from a Secret"),
                PodChecks.credentialsFromSecrets(pods));
    }

    @Test
    void authNotFromTheSecretOrTurnedOffIsReported() {
        assertEquals(List.of(
                "Deployment/router container router: CENTAUR_AUTH_SERVICE_TOKEN is not read from Secret centaur-auth",
                "Deployment/router container router: CENTAUR_AUTH_ADMIN_TOKEN_SHA256 is not read from Secret centaur-auth",
                "Deployment/router container router: CENTAUR_AUTH_ENABLED is 'false': auth is off"),
                AuthChecks.servicesReadAuthFromSecret(Map.of("Deployment/router", pods.get("Deployment/router"))));
    }

    @Test
    void authFromTheWrongSecretOrKeyIsReported() {
        Manifests local = Manifests.overlay("local");
        PodTemplateSpec qc = local.deployment("qc").getSpec().getTemplate();
        qc.getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("CENTAUR_AUTH_ADMIN_TOKEN_SHA256"))
                .forEach(e -> e.getValueFrom().getSecretKeyRef().setName("centaur-db"));
        qc.getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("CENTAUR_AUTH_SERVICE_TOKEN"))
                .forEach(e -> e.getValueFrom().getSecretKeyRef().setKey("token"));
        assertEquals(List.of(
                "Deployment/qc container qc: CENTAUR_AUTH_SERVICE_TOKEN reads Secret centaur-auth key token, not centaur-auth key service-token",
                "Deployment/qc container qc: CENTAUR_AUTH_ADMIN_TOKEN_SHA256 reads Secret centaur-db key admin-token-sha256, not centaur-auth key admin-token-sha256"),
                AuthChecks.servicesReadAuthFromSecret(Map.of("Deployment/qc", qc)));
    }

    @Test
    void aGeneratedAuthSecretWithoutAProperHashIsReported() {
        Secret secret = new SecretBuilder().withMetadata(new ObjectMetaBuilder().withName("centaur-auth").build())
                .withData(Map.of("admin-token-sha256", java.util.Base64.getEncoder().encodeToString("centaur-local-admin-token".getBytes())))
                .build();
        assertEquals(List.of("Secret/centaur-auth: no service-token",
                "Secret/centaur-auth: admin-token-sha256 is 'centaur-local-admin-token', not 64 lowercase hex digits"),
                AuthChecks.secretHoldsBothKeys(secret));
    }

    @Test
    void aGracePeriodShorterThanTheShutdownIsReported() {
        assertEquals(List.of("Deployment/router container router: terminationGracePeriodSeconds 10 does not exceed "
                        + "quarkus.shutdown.delay 5.0 s + quarkus.shutdown.timeout 15.0 s: Kubernetes would kill it while it drains"),
                ShutdownChecks.graceExceedsShutdown("Deployment/router", pods.get("Deployment/router"),
                        Repository.applicationProperties(Repository.CentaurService.ROUTER)));
    }

    @Test
    void aShutdownTimeoutRaisedInTheDeploymentCountsAgainstTheGracePeriod() {
        Manifests local = Manifests.overlay("local");
        PodTemplateSpec crowd = local.deployment("crowd").getSpec().getTemplate();
        assertEquals(List.of(), ShutdownChecks.graceExceedsShutdown("Deployment/crowd", crowd,
                Repository.applicationProperties(Repository.CentaurService.CROWD)));
        crowd.getSpec().getContainers().get(0).getEnv().add(new io.fabric8.kubernetes.api.model.EnvVar("QUARKUS_SHUTDOWN_TIMEOUT", "25s", null));
        assertEquals(List.of("Deployment/crowd container crowd: terminationGracePeriodSeconds 30 does not exceed "
                        + "quarkus.shutdown.delay 5.0 s + quarkus.shutdown.timeout 25.0 s: Kubernetes would kill it while it drains"),
                ShutdownChecks.graceExceedsShutdown("Deployment/crowd", crowd,
                        Repository.applicationProperties(Repository.CentaurService.CROWD)));
    }

    @Test
    void servicesSelectingNothingAreReported() {
        assertEquals(List.of(
                "Deployment/router: no Service selects its pods",
                "Service/crowd: its selector {app.kubernetes.io/name=crowd} matches no workload",
                "Service/router: its selector {app.kubernetes.io/name=routr} matches no workload"),
                ServiceChecks.servicesMatchWorkloads(pods, broken.services()));
    }

    @Test
    void wrongPortsAndProbePathsAreReported() {
        List<String> problems = ServiceChecks.probesMatchConfiguration("Deployment/router",
                pods.get("Deployment/router"), Repository.httpPort(Repository.CentaurService.ROUTER));
        assertEquals(List.of(
                "Deployment/router container router: container ports [9090], but quarkus.http.port is 8080",
                "Deployment/router container router: readinessProbe asks /health, not /q/health/ready",
                "Deployment/router container router: readinessProbe port http is not quarkus.http.port 8080",
                "Deployment/router container router: no HTTP livenessProbe",
                "Deployment/router container router: prometheus.io/port is 9000, not 8080",
                "Deployment/router container router: prometheus.io/path is /metrics, not /q/metrics"), problems);
    }

    @Test
    void grpcClientThroughAClusterIpServiceIsReported() {
        assertEquals(List.of(
                "Deployment/router container router: gRPC client CROWD goes to Service crowd, which is not headless"
                        + " (clusterIP: None): one connection would pin every call to one pod",
                "Deployment/router container router: gRPC client CROWD load-balancing policy is null, not round_robin"),
                ServiceChecks.grpcClientsUseHeadlessServices("Deployment/router", pods.get("Deployment/router"),
                        broken.services()));
    }

    @Test
    void customResourceAgainstItsSchema() {
        Map<String, Object> cluster = broken.trees().stream().filter(t -> "Cluster".equals(t.get("kind"))).findFirst().orElseThrow();
        assertEquals(List.of(
                "Cluster/centaur-db.spec.instaces: unknown field",
                "Cluster/centaur-db.spec.storage.size: expected a string, found 20",
                "Cluster/centaur-db.spec.instances: required field missing"),
                CrdSchema.load("postgresql.cnpg.io_clusters").validate(cluster));
    }

    @Test
    void anAllowAllPolicyOpensConnectionsTheDesignForbids() {
        Manifests production = Manifests.overlay("production");
        NetworkPolicy allowAll = (NetworkPolicy) Manifests.toTyped(Map.of(
                "apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", Map.of("name", "allow-all", "namespace", "centaur"),
                "spec", Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress", "Egress"),
                        "ingress", List.of(Map.of()), "egress", List.of(Map.of()))));
        production.all().add(allowAll);
        TreeSet<String> extra = NetworkPolicyTest.connections(production);
        extra.removeAll(NetworkPolicyTest.expected(production));
        assertTrue(extra.contains("inference -> crowd:8082/TCP"), "allow-all lets inference call crowd: " + extra);
        assertTrue(extra.contains("pod-in-another-namespace -> postgres:5432/TCP"), "allow-all opens the database: " + extra);
    }

    @Test
    void withoutRoutersPolicyItsCallsAreCutOff() {
        Manifests production = Manifests.overlay("production");
        production.all().removeIf(o -> o instanceof NetworkPolicy && o.getMetadata().getName().equals("router"));
        TreeSet<String> missing = NetworkPolicyTest.expected(production);
        missing.removeAll(NetworkPolicyTest.connections(production));
        assertTrue(missing.containsAll(List.of("router -> inference:8081/TCP", "crowd -> router:8080/TCP",
                "ingress-nginx -> router:8080/TCP")), "missing: " + missing);
    }

    @Test
    void localInferenceIsNotAGpuDeployment() {
        assertEquals(List.of("inference: no nvidia.com/gpu limit", "inference: no node selector nvidia.com/gpu.present=true",
                "inference: does not tolerate the nvidia.com/gpu NoSchedule taint"),
                ProductionTest.gpuProblems(Manifests.overlay("local")));
    }

    @Test
    void unsupportedKustomizeFieldIsRefused() {
        KustomizeException e = assertThrows(KustomizeException.class,
                () -> Kustomizer.render(Path.of("src/test/resources/unsupported")));
        assertTrue(e.getMessage().contains("field 'commonLabels' is not supported"), e.getMessage());
    }

    @Test
    void objectDefinedTwiceIsRefused() {
        KustomizeException e = assertThrows(KustomizeException.class,
                () -> Kustomizer.render(Path.of("src/test/resources/duplicate")));
        assertTrue(e.getMessage().endsWith("Service//crowd is defined twice"), e.getMessage());
    }
}
