package dev.centaur.guard.auth;

/**
 * Who holds a bearer token: the subject its calls are recorded under (an expert id, a client's
 * name, "service", "bootstrap-admin") and its role (one of {@link dev.centaur.guard.Roles}).
 */
public record Caller(String subject, String role) {
}
