package dev.centaur.deploy;

import dev.centaur.deploy.Repository.CentaurService;
import dev.centaur.deploy.check.NetworkPolicies;
import dev.centaur.deploy.check.NetworkPolicies.Peer;
import dev.centaur.deploy.check.NetworkPolicies.Port;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network policies let through exactly the calls of DESIGN.md and what running them needs
 * (database, DNS, Prometheus, the ingress controller, the database operator), nothing else.
 */
class NetworkPolicyTest {

    static final List<String> OVERLAYS = Repository.OVERLAYS;

    /**
     * DESIGN.md, "Services": who calls whom over gRPC; and (Roles) every service asks router about
     * tokens it does not know, so inference calls router too.
     */
    static final List<String[]> CALLS = List.of(
            new String[] {"router", "inference"}, new String[] {"router", "crowd"}, new String[] {"router", "qc"},
            new String[] {"crowd", "router"}, new String[] {"qc", "router"}, new String[] {"inference", "router"});
    /** Reached through the ingress controller: clients (router), annotators (crowd), experts (qc). */
    static final List<String> BEHIND_INGRESS = List.of("router", "crowd", "qc");

    private static final String PROMETHEUS = "prometheus";
    private static final String INGRESS = "ingress-nginx";
    private static final String DNS = "kube-dns";
    private static final String OPERATOR = "cnpg-operator";
    private static final String DATABASE = "postgres";
    private static final String API_SERVER = "api-server";
    private static final String INTERNET = "internet";
    private static final String STRANGER_HERE = "unlabelled-pod-in-namespace";
    private static final String STRANGER_ELSEWHERE = "pod-in-another-namespace";
    private static final List<Port> DNS_PORTS = List.of(new Port(53, "UDP"), new Port(53, "TCP"));
    private static final List<Port> DATABASE_PORTS = List.of(new Port(5432, "TCP"));
    private static final List<Port> CNPG_PORTS = List.of(new Port(5432, "TCP"), new Port(8000, "TCP"), new Port(9187, "TCP"));

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void policiesAllowExactlyTheDesignedConnections(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        assertEquals(expected(manifests), connections(manifests));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everythingIsDeniedUnlessAllowed(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        NetworkPolicy deny = manifests.named(NetworkPolicy.class, "default-deny")
                .orElseThrow(() -> new AssertionError(overlay + ": no NetworkPolicy default-deny"));
        assertTrue(deny.getSpec().getPodSelector().getMatchLabels() == null
                || deny.getSpec().getPodSelector().getMatchLabels().isEmpty(), "default-deny selects every pod");
        assertEquals(List.of("Ingress", "Egress"), deny.getSpec().getPolicyTypes());
        assertTrue(deny.getSpec().getIngress() == null || deny.getSpec().getIngress().isEmpty(), "default-deny allows no ingress");
        assertTrue(deny.getSpec().getEgress() == null || deny.getSpec().getEgress().isEmpty(), "default-deny allows no egress");
    }

    @Test
    void theCallsOfDesignAreTheClientsDeclaredInCode() {
        TreeSet<String> inCode = new TreeSet<>();
        for (CentaurService service : CentaurService.values()) {
            WorkloadTest.grpcClientsInCode(service).forEach(peer -> inCode.add(service.deployment + " -> " + peer));
        }
        TreeSet<String> designed = new TreeSet<>();
        CALLS.forEach(c -> designed.add(c[0] + " -> " + c[1]));
        assertEquals(designed, inCode);
    }

    /** The connections the manifests' policies allow among the pods and the outside peers. */
    static TreeSet<String> connections(Manifests manifests) {
        String namespace = manifests.of(Namespace.class).get(0).getMetadata().getName();
        List<Peer> peers = new ArrayList<>();
        Map<String, List<Port>> ports = new HashMap<>();
        manifests.podTemplates().forEach((workload, template) -> {
            String name = workload.substring(workload.indexOf('/') + 1);
            peers.add(Peer.pod(name, namespace, template.getMetadata().getLabels(), namedPorts(template)));
            ports.put(name, containerPorts(template));
        });
        for (GenericKubernetesResource cluster : manifests.custom("postgresql.cnpg.io/v1", "Cluster")) {
            peers.add(Peer.pod(DATABASE, namespace, cnpgPodLabels(cluster), Map.of()));
            ports.put(DATABASE, CNPG_PORTS);
        }
        peers.add(Peer.pod(STRANGER_HERE, namespace, Map.of("app", "debug"), Map.of()));
        ports.put(STRANGER_HERE, List.of(new Port(8080, "TCP")));
        peers.add(Peer.pod(PROMETHEUS, "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of()));
        peers.add(Peer.pod(INGRESS, "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of()));
        peers.add(Peer.pod(DNS, "kube-system", Map.of("k8s-app", "kube-dns"), Map.of()));
        ports.put(DNS, DNS_PORTS);
        peers.add(Peer.pod(OPERATOR, "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"), Map.of()));
        peers.add(Peer.pod(STRANGER_ELSEWHERE, "default", Map.of("app.kubernetes.io/name", "router"), Map.of()));
        peers.add(Peer.address(API_SERVER, "192.0.2.10"));
        ports.put(API_SERVER, List.of(new Port(443, "TCP"), new Port(6443, "TCP")));
        peers.add(Peer.address(INTERNET, "203.0.113.7"));
        ports.put(INTERNET, List.of(new Port(443, "TCP"), new Port(80, "TCP")));
        return new NetworkPolicies(namespace, manifests.of(NetworkPolicy.class)).allowedConnections(peers, ports);
    }

    /** What DESIGN.md and operations need, with the ports from the services' application.properties. */
    static TreeSet<String> expected(Manifests manifests) {
        Map<String, Integer> port = new LinkedHashMap<>();
        for (CentaurService s : CentaurService.values()) {
            port.put(s.deployment, Repository.httpPort(s));
        }
        TreeSet<String> expected = new TreeSet<>();
        for (String[] call : CALLS) {
            expected.add(call[0] + " -> " + call[1] + ":" + port.get(call[1]) + "/TCP");
        }
        for (String service : port.keySet()) {
            expected.add(service + " -> " + DATABASE + ":5432/TCP");
            expected.add(PROMETHEUS + " -> " + service + ":" + port.get(service) + "/TCP");
        }
        for (String service : BEHIND_INGRESS) {
            expected.add(INGRESS + " -> " + service + ":" + port.get(service) + "/TCP");
        }
        List<String> inNamespace = new ArrayList<>(port.keySet());
        inNamespace.add(DATABASE);
        inNamespace.add(STRANGER_HERE);
        for (String pod : inNamespace) {
            DNS_PORTS.forEach(p -> expected.add(pod + " -> " + DNS + ":" + p));
        }
        if (!manifests.custom("postgresql.cnpg.io/v1", "Cluster").isEmpty()) {
            for (String p : List.of("5432/TCP", "8000/TCP")) {
                expected.add(OPERATOR + " -> " + DATABASE + ":" + p);
                expected.add(DATABASE + " -> " + DATABASE + ":" + p); // replication and status between instances
            }
            expected.add(PROMETHEUS + " -> " + DATABASE + ":9187/TCP");
            expected.add(DATABASE + " -> " + API_SERVER + ":443/TCP");
            expected.add(DATABASE + " -> " + API_SERVER + ":6443/TCP");
            // The API server's address is the cluster's own, so the rule opens 443 to any address.
            expected.add(DATABASE + " -> " + INTERNET + ":443/TCP");
        }
        return expected;
    }

    private static Map<String, String> cnpgPodLabels(GenericKubernetesResource cluster) {
        Map<String, String> labels = new HashMap<>();
        Map<String, Object> inherited = ProductionTest.map(ProductionTest.map(
                ProductionTest.specOf(cluster).get("inheritedMetadata")).get("labels"));
        inherited.forEach((k, v) -> labels.put(k, String.valueOf(v)));
        labels.put("cnpg.io/cluster", cluster.getMetadata().getName()); // set by the operator on every instance
        labels.put("cnpg.io/podRole", "instance");
        return labels;
    }

    private static Map<String, Integer> namedPorts(PodTemplateSpec template) {
        Map<String, Integer> named = new HashMap<>();
        template.getSpec().getContainers().forEach(c -> Optional.ofNullable(c.getPorts()).orElse(List.of())
                .stream().filter(p -> p.getName() != null).forEach(p -> named.put(p.getName(), p.getContainerPort())));
        return named;
    }

    private static List<Port> containerPorts(PodTemplateSpec template) {
        List<Port> list = new ArrayList<>();
        template.getSpec().getContainers().forEach(c -> Optional.ofNullable(c.getPorts()).orElse(List.of())
                .forEach((ContainerPort p) -> list.add(new Port(p.getContainerPort(),
                        p.getProtocol() == null ? "TCP" : p.getProtocol()))));
        return list;
    }
}
