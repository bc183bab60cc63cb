package dev.centaur.deploy;

import dev.centaur.deploy.kustomize.Kustomizer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects of one rendered overlay, both as the YAML tree kustomize produced and as fabric8's
 * typed model (a kind fabric8 does not know becomes a {@link GenericKubernetesResource}).
 */
public final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final String name;
    private final List<Map<String, Object>> trees;
    private final List<HasMetadata> objects;

    private Manifests(String name, List<Map<String, Object>> trees) {
        this.name = name;
        this.trees = trees;
        this.objects = new ArrayList<>();
        for (Map<String, Object> tree : trees) {
            objects.add(toTyped(tree));
        }
    }

    public static Manifests render(Path kustomizationDir) {
        return new Manifests(kustomizationDir.getFileName().toString(), Kustomizer.render(kustomizationDir));
    }

    public static Manifests overlay(String overlay) {
        return render(Repository.overlay(overlay));
    }

    /** A typed object, or a generic one for kinds without a fabric8 class (custom resources). */
    public static HasMetadata toTyped(Map<String, Object> tree) {
        Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(
                String.valueOf(tree.get("apiVersion")), String.valueOf(tree.get("kind")));
        if (type == null || !HasMetadata.class.isAssignableFrom(type)) {
            return SERIALIZATION.convertValue(tree, GenericKubernetesResource.class);
        }
        return (HasMetadata) SERIALIZATION.convertValue(tree, type);
    }

    public String name() {
        return name;
    }

    public List<Map<String, Object>> trees() {
        return trees;
    }

    public List<HasMetadata> all() {
        return objects;
    }

    public <T extends HasMetadata> List<T> of(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Custom resources of one kind, for example the CloudNativePG Cluster. */
    public List<GenericKubernetesResource> custom(String apiVersion, String kind) {
        return of(GenericKubernetesResource.class).stream()
                .filter(o -> apiVersion.equals(o.getApiVersion()) && kind.equals(o.getKind()))
                .toList();
    }

    public <T extends HasMetadata> Optional<T> named(Class<T> type, String objectName) {
        return of(type).stream().filter(o -> objectName.equals(o.getMetadata().getName())).findFirst();
    }

    public Deployment deployment(String deploymentName) {
        return named(Deployment.class, deploymentName)
                .orElseThrow(() -> new AssertionError(name + ": no Deployment '" + deploymentName + "'"));
    }

    /** Every pod template with the workload it belongs to ("Deployment/router"). */
    public Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        for (Deployment d : of(Deployment.class)) {
            templates.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate());
        }
        for (StatefulSet s : of(StatefulSet.class)) {
            templates.put("StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate());
        }
        return templates;
    }

    public List<Service> services() {
        return of(Service.class);
    }

    @Override
    public String toString() {
        return name;
    }
}
