package dev.centaur.deploy;

import dev.centaur.deploy.Repository.CentaurService;
import dev.centaur.deploy.check.PodChecks;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production overlay: GPU inference, autoscaling, disruption budgets and one database per service. */
class ProductionTest {

    static final String GPU = "nvidia.com/gpu";
    /** Connections kept free for the operator, replication and a person with psql. */
    static final int RESERVED_CONNECTIONS = 10;
    /** Agroal's default pool size, when a Deployment does not set QUARKUS_DATASOURCE_JDBC_MAX_SIZE. */
    static final int DEFAULT_POOL_SIZE = 20;

    private static Manifests production;
    private static Manifests local;

    @BeforeAll
    static void render() {
        production = Manifests.overlay("production");
        local = Manifests.overlay("local");
    }

    @Test
    void inferenceRunsOnGpuNodesWithOneGpuPerPod() {
        assertEquals(List.of(), gpuProblems(production));
    }

    static List<String> gpuProblems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        PodSpec pod = manifests.deployment("inference").getSpec().getTemplate().getSpec();
        Quantity gpus = Optional.ofNullable(pod.getContainers().get(0).getResources().getLimits())
                .map(l -> l.get(GPU)).orElse(null);
        if (gpus == null || gpus.getNumericalAmount().intValue() < 1) {
            problems.add("inference: no " + GPU + " limit");
        }
        if (pod.getNodeSelector() == null || !"true".equals(pod.getNodeSelector().get(GPU + ".present"))) {
            problems.add("inference: no node selector " + GPU + ".present=true");
        }
        boolean tolerates = Optional.ofNullable(pod.getTolerations()).orElse(List.of()).stream()
                .anyMatch(t -> GPU.equals(t.getKey()) && "NoSchedule".equals(t.getEffect()));
        if (!tolerates) {
            problems.add("inference: does not tolerate the " + GPU + " NoSchedule taint");
        }
        return problems;
    }

    @Test
    void localNeedsNoGpu() {
        PodSpec pod = local.deployment("inference").getSpec().getTemplate().getSpec();
        assertTrue(pod.getNodeSelector() == null || pod.getNodeSelector().isEmpty(), "local inference has a node selector");
        assertTrue(pod.getContainers().get(0).getResources().getLimits().get(GPU) == null, "local inference asks for a GPU");
    }

    @Test
    void everyServiceAutoscalesAndHasADisruptionBudget() {
        List<String> problems = new ArrayList<>();
        for (CentaurService service : CentaurService.values()) {
            Deployment deployment = production.deployment(service.deployment);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<HorizontalPodAutoscaler> hpas = production.of(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                            && h.getSpec().getScaleTargetRef().getName().equals(service.deployment)).toList();
            if (hpas.size() != 1) {
                problems.add(service.deployment + ": " + hpas.size() + " HorizontalPodAutoscalers, not 1");
            } else if (hpas.get(0).getSpec().getMinReplicas() < 2) {
                problems.add(service.deployment + ": minReplicas " + hpas.get(0).getSpec().getMinReplicas()
                        + " leaves one pod, which a node drain takes away");
            }
            if (deployment.getSpec().getReplicas() != null) {
                problems.add(service.deployment + ": sets replicas, which every apply would reset under the autoscaler");
            }
            List<PodDisruptionBudget> budgets = production.of(PodDisruptionBudget.class).stream()
                    .filter(b -> podLabels.entrySet().containsAll(b.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();
            if (budgets.size() != 1) {
                problems.add(service.deployment + ": " + budgets.size() + " PodDisruptionBudgets, not 1");
            } else if (budgets.get(0).getSpec().getMaxUnavailable() == null
                    || budgets.get(0).getSpec().getMaxUnavailable().getIntVal() == null
                    || budgets.get(0).getSpec().getMaxUnavailable().getIntVal() != 1) {
                problems.add(service.deployment + ": the budget should allow exactly one pod down (maxUnavailable: 1)");
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * Each service connects to its own database on the CloudNativePG primary, as that database's
     * owner, whose password Secret the Cluster manages; the database is made by initdb or a Database.
     */
    @Test
    void eachServiceHasItsOwnDatabaseAndRole() {
        List<String> problems = new ArrayList<>();
        List<GenericKubernetesResource> clusters = production.custom("postgresql.cnpg.io/v1", "Cluster");
        assertEquals(1, clusters.size(), "one CloudNativePG Cluster");
        Map<String, Object> spec = specOf(clusters.get(0));
        String clusterName = clusters.get(0).getMetadata().getName();
        Map<String, Object> initdb = map(map(spec.get("bootstrap")).get("initdb"));
        List<Object> roles = list(map(spec.get("managed")).get("roles"));
        for (CentaurService service : CentaurService.values()) {
            Container c = production.deployment(service.deployment).getSpec().getTemplate().getSpec().getContainers().get(0);
            String url = PodChecks.env(c, "QUARKUS_DATASOURCE_JDBC_URL").orElse("");
            String wanted = "jdbc:postgresql://" + clusterName + "-rw:5432/" + service.deployment;
            if (!url.equals(wanted)) {
                problems.add(service.deployment + ": JDBC URL " + url + ", not " + wanted);
            }
            String secret = PodChecks.secretRef(c, "QUARKUS_DATASOURCE_PASSWORD").map(r -> r[0]).orElse(null);
            String userSecret = PodChecks.secretRef(c, "QUARKUS_DATASOURCE_USERNAME").map(r -> r[0]).orElse(null);
            if (secret == null || !secret.equals(userSecret)) {
                problems.add(service.deployment + ": user and password from different Secrets " + userSecret + ", " + secret);
            }
            String owner = databaseOwner(service.deployment, initdb, clusterName);
            if (owner == null) {
                problems.add(service.deployment + ": no database '" + service.deployment + "' (initdb or Database) in " + clusterName);
                continue;
            }
            String ownerSecret = owner.equals(initdb.get("owner")) ? (String) map(initdb.get("secret")).get("name")
                    : roles.stream().map(ProductionTest::map).filter(r -> owner.equals(r.get("name")))
                            .map(r -> (String) map(r.get("passwordSecret")).get("name")).findFirst().orElse(null);
            if (ownerSecret == null || !ownerSecret.equals(secret)) {
                problems.add(service.deployment + ": connects with Secret " + secret + " but its database's owner "
                        + owner + " has " + ownerSecret);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static String databaseOwner(String database, Map<String, Object> initdb, String cluster) {
        if (database.equals(initdb.get("database"))) {
            return (String) initdb.get("owner");
        }
        return production.custom("postgresql.cnpg.io/v1", "Database").stream().map(ProductionTest::specOf)
                .filter(s -> database.equals(s.get("name")) && cluster.equals(map(s.get("cluster")).get("name")))
                .map(s -> (String) s.get("owner")).findFirst().orElse(null);
    }

    /** At full scale every pool still fits in max_connections. */
    @Test
    void connectionPoolsFitMaxConnectionsAtMaximumScale() {
        Map<String, Object> parameters = map(map(specOf(production.custom("postgresql.cnpg.io/v1", "Cluster").get(0))
                .get("postgresql")).get("parameters"));
        int maxConnections = Integer.parseInt(String.valueOf(parameters.get("max_connections")));
        int total = 0;
        StringBuilder sum = new StringBuilder();
        for (HorizontalPodAutoscaler hpa : production.of(HorizontalPodAutoscaler.class)) {
            Container c = production.deployment(hpa.getSpec().getScaleTargetRef().getName())
                    .getSpec().getTemplate().getSpec().getContainers().get(0);
            int pool = PodChecks.env(c, "QUARKUS_DATASOURCE_JDBC_MAX_SIZE").map(Integer::parseInt).orElse(DEFAULT_POOL_SIZE);
            total += hpa.getSpec().getMaxReplicas() * pool;
            sum.append(' ').append(hpa.getMetadata().getName()).append(' ').append(hpa.getSpec().getMaxReplicas())
                    .append('x').append(pool);
        }
        assertTrue(total + RESERVED_CONNECTIONS <= maxConnections,
                "pools" + sum + " = " + total + " + " + RESERVED_CONNECTIONS + " reserved > max_connections " + maxConnections);
    }

    /** Production Secrets are not committed, and k8s/README.md tells how to create each one. */
    @Test
    void productionSecretsAreDocumentedNotCommitted() throws IOException {
        assertEquals(List.of(), production.of(Secret.class), "a Secret is committed in the production overlay");
        String readme = Files.readString(Repository.root().resolve("k8s/README.md"));
        List<String> undocumented = new ArrayList<>();
        PodChecks.forEachSecretName(production.podTemplates(), name -> {
            if (!readme.contains(name)) {
                undocumented.add(name);
            }
        });
        assertEquals(List.of(), undocumented, "Secrets the pods read but k8s/README.md does not explain");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static Map<String, Object> specOf(GenericKubernetesResource resource) {
        return map(resource.getAdditionalProperties().get("spec"));
    }
}
