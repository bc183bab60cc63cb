package dev.centaur.deploy.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes strategic merge, as far as the patches here need it: mappings merge key by key, a
 * null deletes, lists of the pod spec merge by their merge key (containers, env and volumes by
 * name, volume mounts by mount path, container ports by container port), every other list is
 * replaced, and "$patch: delete" in a list element removes the matching element.
 */
final class StrategicMerge {

    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "ports", "containerPort",
            "imagePullSecrets", "name");
    private static final String PATCH_DIRECTIVE = "$patch";

    private StrategicMerge() {
    }

    /** Merges {@code patch} into {@code target} in place; apiVersion, kind and name only identify. */
    static void apply(Map<String, Object> target, Map<String, Object> patch) {
        mergeMaps(target, patch, "");
    }

    @SuppressWarnings("unchecked")
    private static void mergeMaps(Map<String, Object> target, Map<String, Object> patch, String path) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.startsWith("$")) {
                throw new KustomizeException("directive '" + key + "' at " + path + " is not supported");
            }
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> patchMap && target.get(key) instanceof Map<?, ?> targetMap) {
                mergeMaps((Map<String, Object>) targetMap, (Map<String, Object>) patchMap, path + "." + key);
            } else if (value instanceof List<?> patchList && target.get(key) instanceof List<?> targetList
                    && MERGE_KEYS.containsKey(key)) {
                target.put(key, mergeLists(targetList, patchList, mergeKey(key, patchList), path + "." + key));
            } else {
                target.put(key, value);
            }
        }
    }

    /** Service ports merge by port, container ports by containerPort: the same field name, two keys. */
    private static String mergeKey(String field, List<?> patchList) {
        if (field.equals("ports") && !patchList.isEmpty() && patchList.get(0) instanceof Map<?, ?> first
                && !first.containsKey("containerPort")) {
            return "port";
        }
        return MERGE_KEYS.get(field);
    }

    /** As kubectl does it: the patch's elements first, in its order, then the others as they were. */
    @SuppressWarnings("unchecked")
    private static List<Object> mergeLists(List<?> target, List<?> patch, String mergeKey, String path) {
        List<Object> remaining = new ArrayList<>(target);
        List<Object> merged = new ArrayList<>();
        for (Object element : patch) {
            if (!(element instanceof Map<?, ?> patchElement) || !patchElement.containsKey(mergeKey)) {
                throw new KustomizeException(path + ": every element needs its merge key '" + mergeKey + "'");
            }
            Object keyValue = patchElement.get(mergeKey);
            Map<String, Object> existing = null;
            for (Object candidate : remaining) {
                if (candidate instanceof Map<?, ?> c && keyValue.equals(c.get(mergeKey))) {
                    existing = (Map<String, Object>) c;
                }
            }
            remaining.remove(existing);
            if ("delete".equals(patchElement.get(PATCH_DIRECTIVE))) {
                continue;
            }
            if (existing == null) {
                merged.add(patchElement);
            } else {
                mergeMaps(existing, (Map<String, Object>) patchElement, path + "[" + keyValue + "]");
                merged.add(existing);
            }
        }
        merged.addAll(remaining);
        return merged;
    }
}
