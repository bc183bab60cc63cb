package dev.centaur.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokensTest {

    @Test
    void readsTheTokenOfABearerHeaderAndNothingElse() {
        assertEquals(Optional.of("abc"), BearerTokens.fromHeader("Bearer abc"));
        assertEquals(Optional.of("abc"), BearerTokens.fromHeader("bearer  abc "));
        assertEquals(Optional.empty(), BearerTokens.fromHeader(null));
        assertEquals(Optional.empty(), BearerTokens.fromHeader("Bearer "));
        assertEquals(Optional.empty(), BearerTokens.fromHeader("Bearer    "));
        assertEquals(Optional.empty(), BearerTokens.fromHeader("Basic dXNlcjpwYXNz"));
        assertEquals(Optional.empty(), BearerTokens.fromHeader("abc"));
        assertEquals("Bearer abc", BearerTokens.header("abc"));
    }

    @Test
    void hashesAreTheKnownSha256AndCompareCaseInsensitively() {
        // echo -n abc | sha256sum
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(abc, BearerTokens.sha256Hex("abc"));
        assertTrue(BearerTokens.matches("abc", abc));
        assertTrue(BearerTokens.matches("abc", abc.toUpperCase()));
        assertFalse(BearerTokens.matches("abd", abc));
        assertFalse(BearerTokens.matches(null, abc));
        assertFalse(BearerTokens.matches("abc", null));
    }

    @Test
    void newTokensAreLongRandomAndCarryTheirPrefix() {
        String first = BearerTokens.newToken("ctk_");
        String second = BearerTokens.newToken("ctk_");
        assertTrue(first.startsWith("ctk_"));
        assertEquals(4 + 43, first.length());
        assertTrue(first.substring(4).matches("[A-Za-z0-9_-]+"), first);
        assertNotEquals(first, second);
    }
}
