package dev.centaur.cli.command;

import dev.centaur.router.v1.AccessServiceGrpc;
import dev.centaur.router.v1.CreateTokenRequest;
import dev.centaur.router.v1.CreateTokenResponse;
import dev.centaur.router.v1.ListTokensRequest;
import dev.centaur.router.v1.ListTokensResponse;
import dev.centaur.router.v1.RevokeTokenRequest;
import dev.centaur.router.v1.RevokeTokenResponse;
import dev.centaur.router.v1.TokenInfo;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCommandTest {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final long CREATED = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final String SECRET = "centaur_tok_s3cr3t";

    /** Router's AccessService as far as these commands see it; remembers requests and tokens sent. */
    static final class FakeAccess extends AccessServiceGrpc.AccessServiceImplBase {
        final List<Object> requests = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        volatile boolean repeat;
        volatile boolean refuse;

        FakeRouterRun run() {
            ServerInterceptor recordToken = new ServerInterceptor() {
                @Override
                public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                    authorizations.add(String.valueOf(headers.get(AUTHORIZATION)));
                    if (refuse) {
                        call.close(Status.UNAUTHENTICATED.withDescription("missing the 'authorization: Bearer <token>' header"), new Metadata());
                        return new ServerCall.Listener<>() { };
                    }
                    return next.startCall(call, headers);
                }
            };
            return new FakeRouterRun(ServerInterceptors.intercept(this, recordToken));
        }

        @Override
        public void createToken(CreateTokenRequest request, StreamObserver<CreateTokenResponse> answer) {
            requests.add(request);
            TokenInfo info = TokenInfo.newBuilder().setTokenId("tok-1").setRole(request.getRole())
                    .setSubject(request.getSubject()).setCreatedAtEpochMs(CREATED).build();
            answer.onNext(CreateTokenResponse.newBuilder().setInfo(info).setToken(repeat ? "" : SECRET).build());
            answer.onCompleted();
        }

        @Override
        public void revokeToken(RevokeTokenRequest request, StreamObserver<RevokeTokenResponse> answer) {
            requests.add(request);
            if (!request.getTokenId().equals("tok-1")) {
                answer.onError(Status.NOT_FOUND.withDescription("token_id '" + request.getTokenId() + "' is unknown").asRuntimeException());
                return;
            }
            answer.onNext(RevokeTokenResponse.newBuilder().setInfo(TokenInfo.newBuilder().setTokenId("tok-1").setRole("client")
                    .setSubject("acme").setCreatedAtEpochMs(CREATED).setRevokedAtEpochMs(CREATED + 60_000)).build());
            answer.onCompleted();
        }

        @Override
        public void listTokens(ListTokensRequest request, StreamObserver<ListTokensResponse> answer) {
            requests.add(request);
            ListTokensResponse.Builder list = ListTokensResponse.newBuilder().addTokens(TokenInfo.newBuilder()
                    .setTokenId("tok-1").setRole("expert").setSubject("alice").setCreatedAtEpochMs(CREATED));
            if (request.getIncludeRevoked()) {
                list.addTokens(TokenInfo.newBuilder().setTokenId("tok-2").setRole("client").setSubject("acme")
                        .setCreatedAtEpochMs(CREATED).setRevokedAtEpochMs(CREATED + 60_000));
            }
            answer.onNext(list.build());
            answer.onCompleted();
        }
    }

    @Test
    void createSendsRoleAndSubjectWithTheCommandsTokenAndPrintsTheNewTokenOnce() {
        FakeAccess access = new FakeAccess();
        try (FakeRouterRun router = access.run()) {
            FakeRouterRun.Run run = router.run(new TokenCommand.Create(), "--role", "expert", "--subject", "alice@example.org",
                    "--request-id", "r-1", "--token", "adm-1");

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(List.of(CreateTokenRequest.newBuilder().setRole("expert").setSubject("alice@example.org")
                    .setRequestId("r-1").build()), access.requests);
            assertEquals(List.of("Bearer adm-1"), access.authorizations);
            assertTrue(run.out().startsWith("Created tok-1"), run.out());
            assertTrue(run.out().contains("expert  alice@example.org"), run.out());
            assertTrue(run.out().contains("created 2026-01-01T00:00:00Z"), run.out());
            assertEquals(1, run.out().split(SECRET, -1).length - 1, "the token is printed exactly once:\n" + run.out());
        }
    }

    @Test
    void tokenOnlyPrintsJustTheToken() {
        FakeAccess access = new FakeAccess();
        try (FakeRouterRun router = access.run()) {
            FakeRouterRun.Run run = router.run(new TokenCommand.Create(), "--role", "client", "--subject", "acme", "--token-only");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(SECRET + System.lineSeparator(), run.out());
        }
    }

    @Test
    void aRoleRouterDoesNotIssueOrABadSubjectIsRefusedBeforeAnyCall() {
        FakeAccess access = new FakeAccess();
        try (FakeRouterRun router = access.run()) {
            FakeRouterRun.Run annotator = router.run(new TokenCommand.Create(), "--role", "annotator", "--subject", "w1");
            assertEquals(1, annotator.exitCode());
            assertTrue(annotator.err().contains("--role must be one of admin, client, expert, was 'annotator'"), annotator.err());
            assertTrue(annotator.err().contains("RegisterAnnotator"), annotator.err());

            FakeRouterRun.Run service = router.run(new TokenCommand.Create(), "--role", "service", "--subject", "x");
            assertEquals(1, service.exitCode());
            assertTrue(service.err().contains("was 'service'"), service.err());

            FakeRouterRun.Run subject = router.run(new TokenCommand.Create(), "--role", "client", "--subject", "a/b");
            assertEquals(1, subject.exitCode());
            assertTrue(subject.err().contains("--subject must be 1-128 characters of [A-Za-z0-9._@-], was 'a/b'"), subject.err());

            FakeRouterRun.Run missing = router.run(new TokenCommand.Create(), "--role", "client");
            assertEquals(2, missing.exitCode(), "picocli's usage error");
            assertTrue(missing.err().contains("--subject"), missing.err());
            assertTrue(access.requests.isEmpty(), "nothing reached router: " + access.requests);
        }
    }

    @Test
    void aRepeatedRequestIdSaysTheTokenCannotBeShownAgain() {
        FakeAccess access = new FakeAccess();
        access.repeat = true;
        try (FakeRouterRun router = access.run()) {
            FakeRouterRun.Run run = router.run(new TokenCommand.Create(), "--role", "client", "--subject", "acme", "--request-id", "r-1");
            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("request r-1 already created tok-1"), run.err());
        }
    }

    @Test
    void revokeNamesTheTokenAndWhenAndAnUnknownIdFails() {
        FakeAccess access = new FakeAccess();
        try (FakeRouterRun router = access.run()) {
            FakeRouterRun.Run run = router.run(new TokenCommand.Revoke(), "tok-1");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().startsWith("Revoked tok-1"), run.out());
            assertTrue(run.out().contains("revoked 2026-01-01T00:01:00Z"), run.out());

            FakeRouterRun.Run unknown = router.run(new TokenCommand.Revoke(), "tok-9");
            assertEquals(1, unknown.exitCode());
            assertTrue(unknown.err().contains("RevokeToken tok-9 failed with NOT_FOUND: token_id 'tok-9' is unknown"), unknown.err());
        }
    }

    @Test
    void listShowsTokensWithoutSecretsAndRevokedOnesOnRequest() {
        FakeAccess access = new FakeAccess();
        try (FakeRouterRun router = access.run()) {
            FakeRouterRun.Run active = router.run(new TokenCommand.ListTokens());
            assertEquals(0, active.exitCode(), active.err());
            assertEquals(1, active.out().lines().count(), active.out());
            assertTrue(active.out().startsWith("tok-1"), active.out());
            assertFalse(active.out().contains("revoked"), active.out());

            FakeRouterRun.Run all = router.run(new TokenCommand.ListTokens(), "--include-revoked");
            assertEquals(2, all.out().lines().count(), all.out());
            assertTrue(all.out().contains("tok-2"), all.out());
            assertTrue(all.out().contains("revoked 2026-01-01T00:01:00Z"), all.out());
            assertEquals(ListTokensRequest.newBuilder().setIncludeRevoked(true).build(), access.requests.get(1));
        }
    }

    @Test
    void aRefusedCallSaysHowToPassAToken() {
        FakeAccess access = new FakeAccess();
        access.refuse = true;
        try (FakeRouterRun router = access.run()) {
            FakeRouterRun.Run run = router.run(new TokenCommand.ListTokens());
            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("ListTokens failed with UNAUTHENTICATED: missing the 'authorization: Bearer <token>' header"), run.err());
            assertTrue(run.err().contains("--token-file <file>, $CENTAUR_TOKEN or --token"), run.err());
        }
    }
}
