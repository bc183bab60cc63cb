package dev.centaur.guard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bearer tokens: reading them from an {@code authorization} header, making new ones and hashing
 * them. Only hashes are stored; a token is shown once, when it is made.
 */
public final class BearerTokens {

    /** The gRPC metadata key and HTTP header that carry the token. */
    public static final String HEADER = "authorization";
    private static final String SCHEME = "Bearer ";
    /** 256 random bits: guessing one is out of the question, so a plain SHA-256 is enough. */
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BearerTokens() {
    }

    /** The token of an {@code authorization: Bearer <token>} header; empty when absent or malformed. */
    public static Optional<String> fromHeader(String header) {
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = header.substring(SCHEME.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The header value that carries {@code token}. */
    public static String header(String token) {
        return SCHEME + token;
    }

    /** A new random token, {@code prefix} followed by 43 URL-safe characters. */
    public static String newToken(String prefix) {
        byte[] secret = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(secret);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Hex SHA-256 of the token: what is stored and compared. */
    public static String sha256Hex(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether {@code token} hashes to {@code expectedSha256Hex}, compared in constant time. */
    public static boolean matches(String token, String expectedSha256Hex) {
        if (token == null || expectedSha256Hex == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256Hex(token).getBytes(StandardCharsets.US_ASCII),
                expectedSha256Hex.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
