package dev.centaur.deploy.check;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks of pod templates that hold for every workload: requests and limits, the hardened
 * security context, a writable /tmp on a read-only root, and credentials only from Secrets.
 * Each method returns the problems found (empty: fine), naming the workload and container.
 */
public final class PodChecks {

    private static final List<String> RESOURCES = List.of("cpu", "memory");
    private static final List<String> SECRET_WORDS = List.of("PASSWORD", "TOKEN", "SECRET", "CREDENTIAL");

    private PodChecks() {
    }

    /** Every container requests and limits CPU and memory, with the request at most the limit. */
    public static List<String> resources(Map<String, PodTemplateSpec> templates) {
        List<String> problems = new ArrayList<>();
        forEachContainer(templates, (where, pod, c) -> {
            ResourceRequirements r = c.getResources();
            Map<String, Quantity> requests = r == null || r.getRequests() == null ? Map.of() : r.getRequests();
            Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
            for (String resource : RESOURCES) {
                Quantity request = requests.get(resource);
                Quantity limit = limits.get(resource);
                if (request == null) {
                    problems.add(where + ": no " + resource + " request");
                }
                if (limit == null) {
                    problems.add(where + ": no " + resource + " limit");
                }
                if (request != null && limit != null && request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                    problems.add(where + ": " + resource + " request " + request + " is above its limit " + limit);
                }
            }
        });
        return problems;
    }

    /**
     * Non-root, read-only root file system, no privilege escalation, all capabilities dropped and
     * the RuntimeDefault seccomp profile (on the container or inherited from the pod).
     */
    public static List<String> securityContext(Map<String, PodTemplateSpec> templates) {
        List<String> problems = new ArrayList<>();
        forEachContainer(templates, (where, pod, c) -> {
            PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
            SecurityContext context = Optional.ofNullable(c.getSecurityContext()).orElse(new SecurityContext());
            Boolean nonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot() : podContext.getRunAsNonRoot();
            Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
            if (!Boolean.TRUE.equals(nonRoot)) {
                problems.add(where + ": runAsNonRoot is not true");
            }
            if (user != null && user == 0L) {
                problems.add(where + ": runs as user 0");
            }
            if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                problems.add(where + ": readOnlyRootFilesystem is not true");
            }
            if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                problems.add(where + ": allowPrivilegeEscalation is not false");
            }
            if (context.getPrivileged() != null && context.getPrivileged()) {
                problems.add(where + ": privileged");
            }
            List<String> dropped = context.getCapabilities() == null || context.getCapabilities().getDrop() == null
                    ? List.of() : context.getCapabilities().getDrop();
            if (!dropped.contains("ALL")) {
                problems.add(where + ": capabilities do not drop ALL");
            }
            if (context.getCapabilities() != null && context.getCapabilities().getAdd() != null
                    && !context.getCapabilities().getAdd().isEmpty()) {
                problems.add(where + ": adds capabilities " + context.getCapabilities().getAdd());
            }
            String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                    : podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
            if (!"RuntimeDefault".equals(seccomp)) {
                problems.add(where + ": seccomp profile is " + seccomp + ", not RuntimeDefault");
            }
        });
        return problems;
    }

    /** A read-only root needs somewhere to write: /tmp on an emptyDir with a size limit. */
    public static List<String> writableTmp(Map<String, PodTemplateSpec> templates) {
        List<String> problems = new ArrayList<>();
        forEachContainer(templates, (where, pod, c) -> {
            Optional<VolumeMount> tmp = Optional.ofNullable(c.getVolumeMounts()).orElse(List.of()).stream()
                    .filter(m -> m.getMountPath().equals("/tmp")).findFirst();
            if (tmp.isEmpty()) {
                problems.add(where + ": no volume mounted at /tmp");
                return;
            }
            Optional<Volume> volume = Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                    .filter(v -> v.getName().equals(tmp.get().getName())).findFirst();
            if (volume.isEmpty() || volume.get().getEmptyDir() == null) {
                problems.add(where + ": /tmp is not an emptyDir volume");
            } else if (volume.get().getEmptyDir().getSizeLimit() == null) {
                problems.add(where + ": the /tmp emptyDir has no sizeLimit");
            }
        });
        return problems;
    }

    /** Variables that look like credentials come from a Secret, never from a value or a ConfigMap. */
    public static List<String> credentialsFromSecrets(Map<String, PodTemplateSpec> templates) {
        List<String> problems = new ArrayList<>();
        forEachContainer(templates, (where, pod, c) -> {
            for (EnvVar env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                String name = env.getName().toUpperCase(Locale.ROOT);
                boolean credential = SECRET_WORDS.stream().anyMatch(name::contains) || name.endsWith("_USERNAME");
                boolean fromSecret = env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null;
                if (credential && !fromSecret) {
                    problems.add(where + ": " + env.getName() + " is not read from a Secret");
                }
            }
        });
        return problems;
    }

    /** The value of an environment variable set literally in a container, if any. */
    public static Optional<String> env(Container container, String name) {
        return Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                .filter(e -> e.getName().equals(name) && e.getValue() != null)
                .map(EnvVar::getValue).findFirst();
    }

    /** The Secret name and key an environment variable is read from, if it is. */
    public static Optional<String[]> secretRef(Container container, String name) {
        return Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                .filter(e -> e.getName().equals(name) && e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> new String[] {e.getValueFrom().getSecretKeyRef().getName(), e.getValueFrom().getSecretKeyRef().getKey()})
                .findFirst();
    }

    /** Calls {@code consumer} with the name of every Secret an environment variable reads. */
    public static void forEachSecretName(Map<String, PodTemplateSpec> templates, java.util.function.Consumer<String> consumer) {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        forEachContainer(templates, (where, pod, c) -> Optional.ofNullable(c.getEnv()).orElse(List.of()).stream()
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .forEach(e -> seen.add(e.getValueFrom().getSecretKeyRef().getName())));
        seen.forEach(consumer);
    }

    interface ContainerVisitor {
        void visit(String where, PodSpec pod, Container container);
    }

    static void forEachContainer(Map<String, PodTemplateSpec> templates, ContainerVisitor visitor) {
        templates.forEach((workload, template) -> {
            PodSpec pod = template.getSpec();
            Stream.concat(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream(),
                            Optional.ofNullable(pod.getContainers()).orElse(List.of()).stream())
                    .forEach(c -> visitor.visit(workload + " container " + c.getName(), pod, c));
        });
    }
}
