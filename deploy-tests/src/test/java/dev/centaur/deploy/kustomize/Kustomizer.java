package dev.centaur.deploy.kustomize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization directory to its objects, in plain Java, for the kustomize features this
 * repository uses: resources (files and directories), namespace, images, secretGenerator and
 * configMapGenerator (literals, no name hash) and strategic-merge patches. Any other field is
 * refused, so a manifest change that needs more fails here instead of being checked half-way.
 * Where {@code kubectl} is installed, {@code RenderTest} compares this output with
 * {@code kubectl kustomize}.
 */
public final class Kustomizer {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources",
            "images", "secretGenerator", "configMapGenerator", "patches");
    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of("Namespace", "ClusterRole",
            "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass",
            "PriorityClass", "IngressClass");

    private Kustomizer() {
    }

    /** The objects of the kustomization in {@code dir}, each as a YAML tree of maps and lists. */
    public static List<Map<String, Object>> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new KustomizeException("no kustomization.yaml in " + dir);
        }
        Map<String, Object> kustomization = Yaml.readSingle(file);
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new KustomizeException(file + ": field '" + field + "' is not supported by this renderer");
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object entry : Yaml.list(kustomization.get("resources"), file + " resources")) {
            Path resource = dir.resolve(String.valueOf(entry)).normalize();
            List<Map<String, Object>> loaded = Files.isDirectory(resource) ? render(resource) : Yaml.readAll(resource);
            for (Map<String, Object> object : loaded) {
                add(objects, object, resource);
            }
        }
        for (Map<String, Object> secret : Generators.secrets(kustomization.get("secretGenerator"), file)) {
            add(objects, secret, file);
        }
        for (Map<String, Object> configMap : Generators.configMaps(kustomization.get("configMapGenerator"), file)) {
            add(objects, configMap, file);
        }
        for (Object patchEntry : Yaml.list(kustomization.get("patches"), file + " patches")) {
            applyPatch(objects, Yaml.map(patchEntry, file + " patch"), dir, file);
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> object : objects) {
                if (!CLUSTER_SCOPED_KINDS.contains(String.valueOf(object.get("kind")))) {
                    Yaml.map(object.computeIfAbsent("metadata", k -> new LinkedHashMap<>()), "metadata")
                            .put("namespace", namespace);
                }
            }
        }
        for (Object image : Yaml.list(kustomization.get("images"), file + " images")) {
            Images.apply(objects, Yaml.map(image, file + " image"));
        }
        return objects;
    }

    private static void add(List<Map<String, Object>> objects, Map<String, Object> object, Path from) {
        String id = idOf(object);
        for (Map<String, Object> existing : objects) {
            if (idOf(existing).equals(id)) {
                throw new KustomizeException(from + ": " + id + " is defined twice");
            }
        }
        objects.add(object);
    }

    private static void applyPatch(List<Map<String, Object>> objects, Map<String, Object> entry, Path dir, Path file) {
        for (String key : entry.keySet()) {
            if (!key.equals("path")) {
                throw new KustomizeException(file + ": patch field '" + key + "' is not supported (only 'path')");
            }
        }
        Path patchFile = dir.resolve(String.valueOf(entry.get("path")));
        Map<String, Object> patch = Yaml.readSingle(patchFile);
        String kind = String.valueOf(patch.get("kind"));
        String name = String.valueOf(Yaml.map(patch.get("metadata"), patchFile + " metadata").get("name"));
        Map<String, Object> target = objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(nameOf(o)))
                .findFirst()
                .orElseThrow(() -> new KustomizeException(patchFile + ": no " + kind + " '" + name + "' to patch"));
        StrategicMerge.apply(target, patch);
    }

    /** kind/namespace/name, how kustomize tells objects apart. */
    public static String idOf(Map<String, Object> object) {
        Object metadata = object.get("metadata");
        Object namespace = metadata instanceof Map<?, ?> m ? m.get("namespace") : null;
        return object.get("kind") + "/" + (namespace == null ? "" : namespace) + "/" + nameOf(object);
    }

    static String nameOf(Map<String, Object> object) {
        Object metadata = object.get("metadata");
        return metadata instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : "null";
    }

    /** Generated Secrets and ConfigMaps; names keep no hash suffix, so nothing refers to a renamed object. */
    static final class Generators {
        /** Kustomize wraps a Secret's base64 values at this many characters (Kubernetes ignores the newlines). */
        private static final int BASE64_LINE = 70;

        private Generators() {
        }

        static List<Map<String, Object>> secrets(Object generators, Path file) {
            return generate(generators, file, "Secret");
        }

        static List<Map<String, Object>> configMaps(Object generators, Path file) {
            return generate(generators, file, "ConfigMap");
        }

        /** Kustomize's encodeBase64: lines of 70 characters, each ending in a newline once there are two or more. */
        static String base64AsKustomize(String value) {
            String encoded = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
            if (encoded.length() < BASE64_LINE) {
                return encoded;
            }
            StringBuilder wrapped = new StringBuilder();
            for (int i = 0; i < encoded.length(); i += BASE64_LINE) {
                wrapped.append(encoded, i, Math.min(encoded.length(), i + BASE64_LINE)).append('\n');
            }
            return wrapped.toString();
        }

        private static List<Map<String, Object>> generate(Object generators, Path file, String kind) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object g : Yaml.list(generators, file + " " + kind + " generator")) {
                Map<String, Object> generator = Yaml.map(g, file + " generator");
                for (String key : generator.keySet()) {
                    if (!Set.of("name", "literals", "options", "type").contains(key)) {
                        throw new KustomizeException(file + ": generator field '" + key + "' is not supported");
                    }
                }
                Map<String, Object> options = Yaml.map(generator.getOrDefault("options", Map.of()), "options");
                if (!Boolean.TRUE.equals(options.get("disableNameSuffixHash"))) {
                    throw new KustomizeException(file + ": generator '" + generator.get("name")
                            + "' must set options.disableNameSuffixHash: true (name hashes are not supported)");
                }
                Map<String, Object> data = new LinkedHashMap<>();
                for (Object literal : Yaml.list(generator.get("literals"), "literals")) {
                    String text = String.valueOf(literal);
                    int eq = text.indexOf('=');
                    if (eq <= 0) {
                        throw new KustomizeException(file + ": literal '" + text + "' is not key=value");
                    }
                    String value = text.substring(eq + 1);
                    data.put(text.substring(0, eq), kind.equals("Secret") ? base64AsKustomize(value) : value);
                }
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("apiVersion", "v1");
                object.put("kind", kind);
                object.put("metadata", new LinkedHashMap<>(Map.of("name", generator.get("name"))));
                if (kind.equals("Secret")) {
                    object.put("type", generator.getOrDefault("type", "Opaque"));
                }
                object.put("data", data);
                out.add(object);
            }
            return out;
        }
    }

    /** The images transformer: a new tag or name for every container whose image has the given name. */
    static final class Images {
        private Images() {
        }

        @SuppressWarnings("unchecked")
        static void apply(List<Map<String, Object>> objects, Map<String, Object> rule) {
            String name = String.valueOf(rule.get("name"));
            for (Map<String, Object> object : objects) {
                Object spec = object.get("spec");
                Object template = spec instanceof Map<?, ?> s ? s.get("template") : null;
                Object podSpec = template instanceof Map<?, ?> t ? t.get("spec") : null;
                if (!(podSpec instanceof Map<?, ?> pod)) {
                    continue;
                }
                for (String field : List.of("initContainers", "containers")) {
                    if (!(pod.get(field) instanceof List<?> containers)) {
                        continue;
                    }
                    for (Object c : containers) {
                        Map<String, Object> container = (Map<String, Object>) c;
                        String image = String.valueOf(container.get("image"));
                        int colon = image.lastIndexOf(':');
                        String imageName = colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
                        if (!imageName.equals(name)) {
                            continue;
                        }
                        String tag = colon > image.lastIndexOf('/') ? image.substring(colon + 1) : null;
                        String newName = String.valueOf(rule.getOrDefault("newName", imageName));
                        Object newTag = rule.getOrDefault("newTag", tag);
                        container.put("image", newTag == null ? newName : newName + ":" + newTag);
                    }
                }
            }
        }
    }

    /** YAML reading and the casts of an untyped tree, with the file in every message. */
    static final class Yaml {
        private Yaml() {
        }

        static List<Map<String, Object>> readAll(Path file) {
            try (var parser = YAML.getFactory().createParser(file.toFile())) {
                List<Map<String, Object>> docs = new ArrayList<>();
                var it = YAML.readValues(parser, Object.class);
                while (it.hasNext()) {
                    Object doc = it.next();
                    if (doc != null) {
                        docs.add(map(doc, file.toString()));
                    }
                }
                return docs;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        static Map<String, Object> readSingle(Path file) {
            List<Map<String, Object>> docs = readAll(file);
            if (docs.size() != 1) {
                throw new KustomizeException(file + ": expected one YAML document, found " + docs.size());
            }
            return docs.get(0);
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Object value, String where) {
            if (value instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            throw new KustomizeException(where + ": expected a mapping, found " + value);
        }

        static List<?> list(Object value, String where) {
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> l) {
                return l;
            }
            throw new KustomizeException(where + ": expected a list, found " + value);
        }
    }
}
