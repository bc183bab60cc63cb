package dev.centaur.qc.auth;

import dev.centaur.qc.config.AuthConfig;
import dev.centaur.qc.service.PermissionDeniedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An expert reviews only as themselves: the expert id of a NextReview or SubmitReview (or of the
 * review page) must be the token's subject, and an empty one means the subject. With auth off the
 * request's id stands as sent.
 */
@ApplicationScoped
public class ExpertCaller {

    private final boolean enabled;
    private final SecurityIdentity identity;

    ExpertCaller(AuthConfig config, SecurityIdentity identity) {
        this.enabled = config.enabled();
        this.identity = identity;
    }

    /** The expert id to act as; PermissionDeniedException when {@code requested} names someone else. */
    public String expertId(String field, String requested) {
        if (!enabled) {
            return requested;
        }
        String subject = identity.getPrincipal().getName();
        if (requested == null || requested.isEmpty()) {
            return subject;
        }
        if (!requested.equals(subject)) {
            throw new PermissionDeniedException(field + " '" + requested + "' is not the caller: the token belongs to expert '"
                    + subject + "', and an expert reviews only as themselves (leave " + field + " empty or send '"
                    + subject + "')");
        }
        return requested;
    }
}
