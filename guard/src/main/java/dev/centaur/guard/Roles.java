package dev.centaur.guard;

import java.util.List;

/**
 * The roles a bearer token carries (DESIGN.md, Roles), as the strings that {@code @RolesAllowed}
 * takes. An admin may do everything a client may; the service role is the services' own identity
 * for the calls they make to each other, never given to people.
 */
public final class Roles {

    /** Projects, policies, models, tokens; everything a client may do too. */
    public static final String ADMIN = "admin";
    /** Submits items and reads labels, progress, cost and accuracy. */
    public static final String CLIENT = "client";
    /** Answers their own crowd tasks, nothing else. */
    public static final String ANNOTATOR = "annotator";
    /** Answers QC reviews, nothing else. */
    public static final String EXPERT = "expert";
    /** Another Centaur service (router, crowd, qc, inference) calling this one. */
    public static final String SERVICE = "service";

    /** Every role, in the order above. */
    public static final List<String> ALL = List.of(ADMIN, CLIENT, ANNOTATOR, EXPERT, SERVICE);

    /** The roles a router-issued token may carry; service identities come from configuration. */
    public static final List<String> ISSUABLE = List.of(ADMIN, CLIENT, EXPERT);

    private Roles() {
    }

    /** Whether {@code role} is one of {@link #ALL}. */
    public static boolean isRole(String role) {
        return ALL.contains(role);
    }
}
