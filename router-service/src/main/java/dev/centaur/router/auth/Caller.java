package dev.centaur.router.auth;

import java.util.Optional;

/** Who a bearer token stands for: one role and a subject, and router's token id if router issued it. */
public record Caller(String role, String subject, Optional<String> tokenId) {
}
