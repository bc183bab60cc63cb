package dev.centaur.deploy.check;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How workloads, Services, probes and gRPC clients fit together: each workload has a Service that
 * selects its pods on ports they open; each Service selects a workload; probes and the metrics
 * annotation use the port the service's application.properties sets; each gRPC client goes to a
 * headless Service on the right port with round robin.
 */
public final class ServiceChecks {

    public static final String READY_PATH = "/q/health/ready";
    public static final String LIVE_PATH = "/q/health/live";
    private static final String CLIENT_PREFIX = "QUARKUS_GRPC_CLIENTS_";

    private ServiceChecks() {
    }

    /** Every workload has a matching Service, every Service matches a workload, ports resolve. */
    public static List<String> servicesMatchWorkloads(Map<String, PodTemplateSpec> templates, List<Service> services) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, PodTemplateSpec> workload : templates.entrySet()) {
            boolean matched = services.stream().anyMatch(s -> selects(s, workload.getValue()));
            if (!matched) {
                problems.add(workload.getKey() + ": no Service selects its pods");
            }
        }
        for (Service service : services) {
            String where = "Service/" + service.getMetadata().getName();
            List<PodTemplateSpec> selected = templates.values().stream().filter(t -> selects(service, t)).toList();
            if (selected.isEmpty()) {
                problems.add(where + ": its selector " + service.getSpec().getSelector() + " matches no workload");
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                for (PodTemplateSpec template : selected) {
                    OptionalInt resolved = containerPort(template, target);
                    if (resolved.isEmpty()) {
                        problems.add(where + ": targetPort " + describe(target) + " is no container port of "
                                + template.getMetadata().getLabels());
                    } else if (resolved.getAsInt() != port.getPort()) {
                        problems.add(where + ": port " + port.getPort() + " leads to container port "
                                + resolved.getAsInt() + "; clients and the services' configuration use one number");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The container listens on quarkus.http.port; readiness, liveness (and startup) probes ask the
     * health paths on that port; Prometheus is told the same port and /q/metrics.
     */
    public static List<String> probesMatchConfiguration(String workload, PodTemplateSpec template, int httpPort) {
        List<String> problems = new ArrayList<>();
        Container c = template.getSpec().getContainers().get(0);
        String where = workload + " container " + c.getName();
        List<Integer> ports = Optional.ofNullable(c.getPorts()).orElse(List.of()).stream()
                .map(ContainerPort::getContainerPort).toList();
        if (!ports.equals(List.of(httpPort))) {
            problems.add(where + ": container ports " + ports + ", but quarkus.http.port is " + httpPort);
        }
        checkProbe(problems, where, "readinessProbe", c.getReadinessProbe(), READY_PATH, template, httpPort);
        checkProbe(problems, where, "livenessProbe", c.getLivenessProbe(), LIVE_PATH, template, httpPort);
        if (c.getStartupProbe() != null) {
            checkProbe(problems, where, "startupProbe", c.getStartupProbe(), "/q/health/started", template, httpPort);
        }
        Map<String, String> annotations = Optional.ofNullable(template.getMetadata().getAnnotations()).orElse(Map.of());
        if (!String.valueOf(httpPort).equals(annotations.get("prometheus.io/port"))) {
            problems.add(where + ": prometheus.io/port is " + annotations.get("prometheus.io/port") + ", not " + httpPort);
        }
        if (!"/q/metrics".equals(annotations.get("prometheus.io/path"))) {
            problems.add(where + ": prometheus.io/path is " + annotations.get("prometheus.io/path") + ", not /q/metrics");
        }
        return problems;
    }

    private static void checkProbe(List<String> problems, String where, String kind, Probe probe, String path,
            PodTemplateSpec template, int httpPort) {
        HTTPGetAction get = probe == null ? null : probe.getHttpGet();
        if (get == null) {
            problems.add(where + ": no HTTP " + kind);
            return;
        }
        if (!path.equals(get.getPath())) {
            problems.add(where + ": " + kind + " asks " + get.getPath() + ", not " + path);
        }
        OptionalInt port = containerPort(template, get.getPort());
        if (port.isEmpty() || port.getAsInt() != httpPort) {
            problems.add(where + ": " + kind + " port " + describe(get.getPort()) + " is not quarkus.http.port " + httpPort);
        }
    }

    /**
     * Each gRPC client the container configures (QUARKUS_GRPC_CLIENTS_X_HOST) points at a headless
     * Service that selects pods, on that Service's port, with the round_robin policy and DNS.
     */
    public static List<String> grpcClientsUseHeadlessServices(String workload, PodTemplateSpec template,
            List<Service> services) {
        List<String> problems = new ArrayList<>();
        Container c = template.getSpec().getContainers().get(0);
        String where = workload + " container " + c.getName();
        for (var env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            String name = env.getName();
            if (!name.startsWith(CLIENT_PREFIX) || !name.endsWith("_HOST")) {
                continue;
            }
            String client = name.substring(CLIENT_PREFIX.length(), name.length() - "_HOST".length());
            String host = env.getValue();
            Optional<Service> target = services.stream().filter(s -> s.getMetadata().getName().equals(host)).findFirst();
            if (target.isEmpty()) {
                problems.add(where + ": gRPC client " + client + " goes to '" + host + "', which is no Service");
                continue;
            }
            if (!"None".equals(target.get().getSpec().getClusterIP())) {
                problems.add(where + ": gRPC client " + client + " goes to Service " + host
                        + ", which is not headless (clusterIP: None): one connection would pin every call to one pod");
            }
            String port = PodChecks.env(c, CLIENT_PREFIX + client + "_PORT").orElse(null);
            boolean portMatches = target.get().getSpec().getPorts().stream()
                    .anyMatch(p -> String.valueOf(p.getPort()).equals(port));
            if (!portMatches) {
                problems.add(where + ": gRPC client " + client + " port " + port + " is not a port of Service " + host);
            }
            String policy = PodChecks.env(c, CLIENT_PREFIX + client + "_LOAD_BALANCING_POLICY").orElse(null);
            if (!"round_robin".equals(policy)) {
                problems.add(where + ": gRPC client " + client + " load-balancing policy is " + policy + ", not round_robin");
            }
            String resolver = PodChecks.env(c, CLIENT_PREFIX + client + "_NAME_RESOLVER").orElse("dns");
            if (!"dns".equals(resolver)) {
                problems.add(where + ": gRPC client " + client + " name resolver is " + resolver + ", not dns");
            }
        }
        return problems;
    }

    static boolean selects(Service service, PodTemplateSpec template) {
        Map<String, String> selector = service.getSpec().getSelector();
        Map<String, String> labels = Optional.ofNullable(template.getMetadata().getLabels()).orElse(Map.of());
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    static OptionalInt containerPort(PodTemplateSpec template, IntOrString port) {
        for (Container c : template.getSpec().getContainers()) {
            for (ContainerPort p : Optional.ofNullable(c.getPorts()).orElse(List.of())) {
                if (port.getIntVal() != null ? port.getIntVal().equals(p.getContainerPort())
                        : port.getStrVal().equals(p.getName())) {
                    return OptionalInt.of(p.getContainerPort());
                }
            }
        }
        return OptionalInt.empty();
    }

    private static String describe(IntOrString port) {
        return port == null ? "null" : port.getIntVal() != null ? String.valueOf(port.getIntVal()) : port.getStrVal();
    }
}
