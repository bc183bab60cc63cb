package dev.centaur.cli.command;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.guard.Roles;
import dev.centaur.router.v1.CreateTokenRequest;
import dev.centaur.router.v1.CreateTokenResponse;
import dev.centaur.router.v1.ListTokensRequest;
import dev.centaur.router.v1.RevokeTokenRequest;
import dev.centaur.router.v1.TokenInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code centaur token create|revoke|list}: router's bearer tokens for people and programs (admin only). */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Create, revoke and list router's bearer tokens (admin, client, expert). Annotator tokens come from "
                + "crowd's RegisterAnnotator; the services' own token and the first admin token from their configuration.",
        subcommands = {TokenCommand.Create.class, TokenCommand.Revoke.class, TokenCommand.ListTokens.class})
public class TokenCommand {

    /** As access.proto says: 1-128 characters of [A-Za-z0-9._@-]. */
    static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

    static String describe(TokenInfo t) {
        return String.format(Locale.ROOT, "%-24s %-7s %-32s created %s%s", t.getTokenId(), t.getRole(), t.getSubject(),
                Instant.ofEpochMilli(t.getCreatedAtEpochMs()),
                t.getRevokedAtEpochMs() == 0 ? "" : ", revoked " + Instant.ofEpochMilli(t.getRevokedAtEpochMs()));
    }

    /** Checks what router would refuse anyway, so the message names the option. */
    static void checkRequest(String role, String subject) {
        if (!Roles.ISSUABLE.contains(role)) {
            String hint = Roles.ANNOTATOR.equals(role) ? " (annotator tokens come from crowd's RegisterAnnotator)"
                    : Roles.SERVICE.equals(role) ? " (the service token comes from the services' configuration)" : "";
            throw new CliException("--role must be one of " + String.join(", ", Roles.ISSUABLE) + ", was '" + role + "'" + hint);
        }
        if (!SUBJECT.matcher(subject).matches()) {
            throw new CliException("--subject must be 1-128 characters of [A-Za-z0-9._@-], was '" + subject + "'");
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token for a role and print it, once: router keeps only its SHA-256.")
    public static class Create implements Callable<Integer> {

        @Option(names = "--role", required = true, description = "admin, client or expert.")
        String role;

        @Option(names = "--subject", required = true,
                description = "Who holds it: the expert id reviews are recorded under, or a name for a client or admin.")
        String subject;

        @Option(names = "--request-id", description = "Makes a repeat harmless: it creates nothing (and shows no token).")
        String requestId;

        @Option(names = "--token-only", description = "Print only the new token (for scripts: export CENTAUR_TOKEN=$(...)).")
        boolean tokenOnly;

        @Mixin
        RouterOptions router;

        @Override
        public Integer call() {
            return Commands.run("token create", () -> {
                checkRequest(role, subject);
                CreateTokenRequest.Builder request = CreateTokenRequest.newBuilder().setRole(role).setSubject(subject);
                if (requestId != null) {
                    request.setRequestId(requestId);
                }
                try (CentaurClients clients = router.clients()) {
                    CreateTokenResponse created = RpcFailure.call("CreateToken", () -> clients.access().createToken(request.build()));
                    if (created.getToken().isEmpty()) {
                        throw new CliException("request " + requestId + " already created " + created.getInfo().getTokenId()
                                + "; its token was shown then and cannot be shown again (revoke it and create another if it is lost)");
                    }
                    if (tokenOnly) {
                        System.out.println(created.getToken());
                        return;
                    }
                    System.out.println("Created " + describe(created.getInfo()));
                    System.out.println("Token (shown only now; router keeps its SHA-256):");
                    System.out.println(created.getToken());
                }
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token: router refuses it at once, the other services within their cache time (30 s by default).")
    public static class Revoke implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "<token-id>", description = "The token's id, as token list shows it.")
        String tokenId;

        @Mixin
        RouterOptions router;

        @Override
        public Integer call() {
            return Commands.run("token revoke", () -> {
                if (tokenId.isBlank()) {
                    throw new CliException("<token-id> is empty");
                }
                try (CentaurClients clients = router.clients()) {
                    TokenInfo info = RpcFailure.call("RevokeToken " + tokenId, () -> clients.access()
                            .revokeToken(RevokeTokenRequest.newBuilder().setTokenId(tokenId).build())).getInfo();
                    System.out.println("Revoked " + describe(info));
                }
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens router issued (never the tokens themselves).")
    public static class ListTokens implements Callable<Integer> {

        @Option(names = "--include-revoked", description = "Also list revoked tokens.")
        boolean includeRevoked;

        @Mixin
        RouterOptions router;

        @Override
        public Integer call() {
            return Commands.run("token list", () -> {
                try (CentaurClients clients = router.clients()) {
                    List<TokenInfo> tokens = RpcFailure.call("ListTokens", () -> clients.access().listTokens(
                            ListTokensRequest.newBuilder().setIncludeRevoked(includeRevoked).build())).getTokensList();
                    if (tokens.isEmpty()) {
                        System.out.println(includeRevoked ? "No tokens." : "No tokens in use.");
                    }
                    tokens.forEach(t -> System.out.println(describe(t)));
                }
            });
        }
    }
}
