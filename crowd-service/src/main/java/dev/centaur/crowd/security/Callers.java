package dev.centaur.crowd.security;

import dev.centaur.crowd.service.CrowdException;
import dev.centaur.guard.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * The identities crowd gives its callers, and what the annotator RPCs read from them: the
 * annotator's id is the token's, never a request field.
 */
public final class Callers {

    /** Identity attribute: the annotator whose token made the call. */
    static final String ANNOTATOR_ID = "centaur.crowd.annotator-id";
    /** Identity attribute (auth off only): why the call carries no annotator token. */
    static final String NO_ANNOTATOR_REASON = "centaur.crowd.no-annotator-reason";

    /** Principal of every caller while auth is off. */
    public static final String LOCAL = "local";
    /** Principal of the services' own token. */
    public static final String SERVICE = "service";
    /** Principal of the bootstrap admin's token. */
    public static final String BOOTSTRAP_ADMIN = "bootstrap-admin";

    static final String MISSING_HEADER = "missing the 'authorization: Bearer <token>' header";
    static final String MALFORMED_HEADER = "the authorization header is not of the form 'Bearer <token>'";
    static final String UNKNOWN_TOKEN = "the bearer token is unknown or revoked";

    private Callers() {
    }

    /**
     * The id of the annotator whose token made this call.
     *
     * @throws CrowdException UNAUTHENTICATED when the call carries no annotator's token (only
     *                        possible with auth off: with auth on, the annotator role requires one)
     */
    public static String annotatorId(SecurityIdentity caller) {
        String annotatorId = caller.getAttribute(ANNOTATOR_ID);
        if (annotatorId != null) {
            return annotatorId;
        }
        String reason = caller.getAttribute(NO_ANNOTATOR_REASON);
        throw CrowdException.unauthenticated(reason != null ? reason
                : "the caller " + caller.getPrincipal().getName() + " is not an annotator");
    }

    static SecurityIdentity withRole(String principal, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principal)).addRole(role).build();
    }

    static SecurityIdentity annotator(String annotatorId) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(annotatorId))
                .addRole(Roles.ANNOTATOR).addAttribute(ANNOTATOR_ID, annotatorId).build();
    }

    /** Auth off: every role; the annotator when the token is one's, else why it is not. */
    static SecurityIdentity local(String annotatorId, String noAnnotatorReason) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(annotatorId != null ? annotatorId : LOCAL))
                .addRoles(java.util.Set.copyOf(Roles.ALL));
        if (annotatorId != null) {
            builder.addAttribute(ANNOTATOR_ID, annotatorId);
        } else {
            builder.addAttribute(NO_ANNOTATOR_REASON, noAnnotatorReason);
        }
        return builder.build();
    }
}
