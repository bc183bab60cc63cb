package dev.centaur.crowd.service;

import dev.centaur.crowd.repository.AnnotatorRepository;
import dev.centaur.crowd.repository.AnswerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Annotators: registration, their bearer tokens, and the answer counts they have given. */
@ApplicationScoped
public class AnnotatorService {

    /** 256 random bits: far beyond guessing, and 43 URL-safe characters once encoded. */
    static final int TOKEN_BYTES = 32;

    /** A new annotator and the token that identifies them; the token is not stored and shown once. */
    public record Registration(Annotator annotator, String token) {
    }

    /** An annotator with the number of answers they have given. */
    public record AnnotatorSummary(Annotator annotator, long answers) {
    }

    private final SecureRandom random = new SecureRandom();

    @Inject
    AnnotatorRepository annotators;

    @Inject
    AnswerRepository answers;

    @Inject
    Clock clock;

    @Transactional
    public Registration register(String name) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Annotator annotator = new Annotator();
        annotator.annotatorId = UUID.randomUUID().toString();
        annotator.name = name;
        annotator.tokenSha256 = sha256Hex(token);
        annotator.createdAt = clock.instant();
        annotators.persist(annotator);
        return new Registration(annotator, token);
    }

    @Transactional
    public List<AnnotatorSummary> listWithAnswerCounts() {
        Map<String, Long> counts = answers.countByAnnotator();
        return annotators.listOldestFirst().stream()
                .map(annotator -> new AnnotatorSummary(annotator, counts.getOrDefault(annotator.annotatorId, 0L)))
                .toList();
    }

    /** The annotator the token belongs to; UNAUTHENTICATED when it belongs to none. */
    @Transactional
    public Annotator authenticate(String token) {
        return annotators.findByTokenSha256(sha256Hex(token))
                .orElseThrow(() -> CrowdException.unauthenticated("the bearer token belongs to no annotator"));
    }

    static String sha256Hex(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
