package dev.centaur.deploy.check;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A custom resource checked against the OpenAPI schema of its CustomResourceDefinition, as the API
 * server would: unknown fields (which it would silently prune), wrong types, values outside an
 * enum and missing required fields. The schemas are kept in src/test/resources/crd (see the README
 * there for where they come from).
 */
public final class CrdSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String apiVersion;
    private final String kind;
    private final Map<String, Object> schema;

    private CrdSchema(String apiVersion, String kind, Map<String, Object> schema) {
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.schema = schema;
    }

    /** Loads {@code crd/<resource>.schema.json} from the test class path. */
    @SuppressWarnings("unchecked")
    public static CrdSchema load(String resource) {
        String path = "/crd/" + resource + ".schema.json";
        try (InputStream in = CrdSchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + path + " on the class path");
            }
            Map<String, Object> file = JSON.readValue(in, Map.class);
            return new CrdSchema(file.get("group") + "/" + file.get("version"), (String) file.get("kind"),
                    (Map<String, Object>) file.get("openAPIV3Schema"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String kind() {
        return kind;
    }

    /** Problems of one object (as a YAML tree), each with its path; empty when valid. */
    public List<String> validate(Map<String, Object> object) {
        List<String> problems = new ArrayList<>();
        Object name = object.get("metadata") instanceof Map<?, ?> m ? m.get("name") : null;
        // metadata is ObjectMeta, which the API server checks on its own, not through the CRD schema
        Map<String, Object> withoutMetadata = new LinkedHashMap<>(object);
        withoutMetadata.put("metadata", Map.of());
        validate(withoutMetadata, schema, kind + "/" + name, problems);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void validate(Object value, Map<String, Object> schema, String path, List<String> problems) {
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields")) && !schema.containsKey("properties")) {
            return;
        }
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            if (!(value instanceof String || value instanceof Integer || value instanceof Long)) {
                problems.add(path + ": expected an integer or a string, found " + value);
            }
            return;
        }
        String type = (String) schema.get("type");
        if (type == null) {
            return; // anyOf and friends: not used by the fields we set
        }
        switch (type) {
            case "object" -> {
                if (!(value instanceof Map<?, ?> map)) {
                    problems.add(path + ": expected an object, found " + value);
                    return;
                }
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                Object additional = schema.get("additionalProperties");
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String key = String.valueOf(e.getKey());
                    Object child = properties.get(key);
                    if (child instanceof Map<?, ?> childSchema) {
                        validate(e.getValue(), (Map<String, Object>) childSchema, path + "." + key, problems);
                    } else if (additional instanceof Map<?, ?> valueSchema) {
                        validate(e.getValue(), (Map<String, Object>) valueSchema, path + "." + key, problems);
                    } else if (!Boolean.TRUE.equals(additional)
                            && !Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"))) {
                        problems.add(path + "." + key + ": unknown field");
                    }
                }
                for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                    if (!map.containsKey(required)) {
                        problems.add(path + "." + required + ": required field missing");
                    }
                }
            }
            case "array" -> {
                if (!(value instanceof List<?> list)) {
                    problems.add(path + ": expected a list, found " + value);
                    return;
                }
                Map<String, Object> items = (Map<String, Object>) schema.getOrDefault("items", Map.of());
                for (int i = 0; i < list.size(); i++) {
                    validate(list.get(i), items, path + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!(value instanceof String)) {
                    problems.add(path + ": expected a string, found " + value);
                } else if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
                    problems.add(path + ": '" + value + "' is not one of " + allowed);
                }
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    problems.add(path + ": expected an integer, found " + value);
                }
            }
            case "number" -> {
                if (!(value instanceof Number)) {
                    problems.add(path + ": expected a number, found " + value);
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    problems.add(path + ": expected true or false, found " + value);
                }
            }
            default -> problems.add(path + ": schema type '" + type + "' is not supported by this check");
        }
    }
}
