package dev.centaur.deploy.kustomize;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The strategic merge of the renderer behaves as kubectl's does (order as observed with kubectl 1.32). */
class StrategicMergeTest {

    @Test
    void envMergesByNameWithThePatchsElementsFirst() {
        Map<String, Object> container = mutable(Map.of("name", "c", "env", List.of(
                env("A", "1"), env("B", "2"), env("C", "3"))));
        StrategicMerge.apply(container, Map.of("env", List.of(env("B", "20"), env("D", "4"))));
        assertEquals(List.of(env("B", "20"), env("D", "4"), env("A", "1"), env("C", "3")), container.get("env"));
    }

    @Test
    void nullDeletesAFieldAndDeleteDirectiveRemovesAnElement() {
        Map<String, Object> spec = mutable(Map.of("replicas", 3, "volumes", List.of(
                mutable(Map.of("name", "tmp")), mutable(Map.of("name", "cache")))));
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("replicas", null);
        patch.put("volumes", List.of(Map.of("name", "cache", "$patch", "delete")));
        StrategicMerge.apply(spec, patch);
        assertEquals(Map.of("volumes", List.of(Map.of("name", "tmp"))), spec);
    }

    @Test
    void listsWithoutAMergeKeyAreReplaced() {
        Map<String, Object> pod = mutable(Map.of("tolerations", List.of(Map.of("key", "a"))));
        StrategicMerge.apply(pod, Map.of("tolerations", List.of(Map.of("key", "b"))));
        assertEquals(List.of(Map.of("key", "b")), pod.get("tolerations"));
    }

    @Test
    void servicePortsMergeByPortAndContainerPortsByContainerPort() {
        Map<String, Object> service = mutable(Map.of("ports", List.of(mutable(Map.of("port", 80, "name", "http")))));
        StrategicMerge.apply(service, Map.of("ports", List.of(Map.of("port", 80, "name", "web"))));
        assertEquals(List.of(Map.of("port", 80, "name", "web")), service.get("ports"));
        Map<String, Object> container = mutable(Map.of("ports", List.of(mutable(Map.of("containerPort", 8080)))));
        StrategicMerge.apply(container, Map.of("ports", List.of(Map.of("containerPort", 9090))));
        assertEquals(List.of(Map.of("containerPort", 9090), Map.of("containerPort", 8080)), container.get("ports"));
    }

    @Test
    void anElementWithoutItsMergeKeyIsRefused() {
        Map<String, Object> container = mutable(Map.of("env", List.of(env("A", "1"))));
        KustomizeException e = assertThrows(KustomizeException.class,
                () -> StrategicMerge.apply(container, Map.of("env", List.of(Map.of("value", "x")))));
        assertEquals(".env: every element needs its merge key 'name'", e.getMessage());
    }

    private static Map<String, Object> env(String name, String value) {
        return mutable(Map.of("name", name, "value", value));
    }

    /** Deep copy into mutable maps and lists, as the YAML reader gives them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutable(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? mutable((Map<String, ?>) m)
                : v instanceof List<?> l ? new ArrayList<>(l.stream().map(x -> x instanceof Map<?, ?> xm
                        ? mutable((Map<String, ?>) xm) : x).toList()) : v));
        return copy;
    }
}
