package dev.centaur.deploy.kustomize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Generated Secret values are encoded as kustomize 5.5 (kubectl 1.32) encodes them. */
class GeneratorsTest {

    @Test
    void shortValuesAreOneLine() {
        assertEquals("Y2VudGF1ci1sb2NhbC1vbmx5", Kustomizer.Generators.base64AsKustomize("centaur-local-only"));
    }

    @Test
    void longValuesAreWrappedAtSeventyCharactersWithATrailingNewline() {
        // kubectl kustomize k8s/overlays/local, Secret centaur-auth, key admin-token-sha256.
        assertEquals("NTQzNmY4NTNjNDg3ZmExNWY3MGJlOWRkOWRmOWUxYWMyOTU0OTk4MDkzZTk1OTYzOGZkNG\nM4NzE5YjE2M2YyMQ==\n",
                Kustomizer.Generators.base64AsKustomize("5436f853c487fa15f70be9dd9df9e1ac2954998093e959638fd4c8719b163f21"));
    }
}
