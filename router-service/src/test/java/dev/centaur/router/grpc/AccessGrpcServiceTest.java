package dev.centaur.router.grpc;

import static dev.centaur.router.TestSupport.assertFails;
import static dev.centaur.router.TestSupport.count;
import static dev.centaur.router.TestSupport.rows;
import static dev.centaur.router.auth.Bearer.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.guard.BearerTokens;
import dev.centaur.router.auth.AuthOnProfile;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.AccessServiceGrpc.AccessServiceBlockingStub;
import dev.centaur.router.v1.AuthenticateRequest;
import dev.centaur.router.v1.AuthenticateResponse;
import dev.centaur.router.v1.CreateTokenRequest;
import dev.centaur.router.v1.CreateTokenResponse;
import dev.centaur.router.v1.ListTokensRequest;
import dev.centaur.router.v1.RevokeTokenRequest;
import dev.centaur.router.v1.TokenInfo;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AccessService with auth on: the bootstrap admin issues tokens, the services resolve them. */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
@WithTestResource(FakePeers.class)
class AccessGrpcServiceTest {

    @GrpcClient("router")
    AccessServiceBlockingStub access;

    @Inject
    DataSource dataSource;

    private AccessServiceBlockingStub admin() {
        return as(access, AuthOnProfile.ADMIN_TOKEN);
    }

    private AccessServiceBlockingStub service() {
        return as(access, AuthOnProfile.SERVICE_TOKEN);
    }

    private long tokenRows() {
        return count(dataSource, "SELECT count(*) FROM router.access_token");
    }

    private static String subject() {
        return "s-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private CreateTokenResponse create(String role, String subject, String requestId) {
        return admin().createToken(CreateTokenRequest.newBuilder()
                .setRole(role).setSubject(subject).setRequestId(requestId).build());
    }

    @Test
    void newTokenIsShownOnceAndOnlyItsHashIsKept() {
        String subject = subject();
        long before = tokenRows();

        CreateTokenResponse created = create("client", subject, "");

        String token = created.getToken();
        assertTrue(token.startsWith("ctk_") && token.length() > 40, token);
        TokenInfo info = created.getInfo();
        assertTrue(info.getTokenId().startsWith("tok-"), info.getTokenId());
        assertEquals("client", info.getRole());
        assertEquals(subject, info.getSubject());
        assertTrue(info.getCreatedAtEpochMs() > 0);
        assertEquals(0, info.getRevokedAtEpochMs());
        assertEquals(before + 1, tokenRows());
        List<String> row = rows(dataSource, "SELECT * FROM router.access_token WHERE token_id = ?",
                info.getTokenId()).get(0);
        assertTrue(row.contains(BearerTokens.sha256Hex(token)), row.toString());
        assertFalse(row.stream().anyMatch(column -> column.contains(token.substring(4))), "no column holds the token");
        assertTrue(admin().listTokens(ListTokensRequest.getDefaultInstance()).getTokensList().contains(info));
    }

    @Test
    void repeatWithTheSameRequestIdAnswersTheSameTokenIdAndNoToken() {
        String subject = subject();
        String requestId = "req-" + UUID.randomUUID();
        CreateTokenResponse first = create("expert", subject, requestId);
        long after = tokenRows();

        CreateTokenResponse repeat = create("expert", subject, requestId);

        assertEquals(first.getInfo(), repeat.getInfo());
        assertEquals("", repeat.getToken(), "a token is shown once");
        assertEquals(after, tokenRows());
        AuthenticateResponse holder = service().authenticate(AuthenticateRequest.newBuilder()
                .setToken(first.getToken()).build());
        assertEquals(first.getInfo().getTokenId(), holder.getTokenId());
    }

    @Test
    void repeatWithTheSameRequestIdForAnotherRoleOrSubjectIsAlreadyExists() {
        String subject = subject();
        String requestId = "req-" + UUID.randomUUID();
        CreateTokenResponse first = create("client", subject, requestId);
        long after = tokenRows();

        assertFails(Status.Code.ALREADY_EXISTS, () -> create("admin", subject, requestId),
                "request_id", requestId, first.getInfo().getTokenId(), "\"admin\"");
        assertFails(Status.Code.ALREADY_EXISTS, () -> create("client", subject + "x", requestId),
                "request_id", requestId, subject + "x");
        assertEquals(after, tokenRows());
    }

    static Stream<Arguments> badCreateRequests() {
        return Stream.of(
                bad("empty role", r -> r.setRole(""), "role", "\"\""),
                bad("service role", r -> r.setRole("service"), "role", "\"service\""),
                bad("annotator role", r -> r.setRole("annotator"), "role", "\"annotator\""),
                bad("unknown role", r -> r.setRole("root"), "role", "\"root\""),
                bad("upper-case role", r -> r.setRole("ADMIN"), "role", "\"ADMIN\""),
                bad("role with NUL", r -> r.setRole("admin\0"), "role", "admin\\0"),
                bad("empty subject", r -> r.setSubject(""), "subject", "\"\""),
                bad("subject with a space", r -> r.setSubject("ann smith"), "subject", "\"ann smith\""),
                bad("subject with a slash", r -> r.setSubject("a/b"), "subject", "\"a/b\""),
                bad("non-ASCII subject", r -> r.setSubject("jürgen"), "subject", "\"jürgen\""),
                bad("subject over 128", r -> r.setSubject("x".repeat(129)), "subject", "129 characters"),
                bad("request id with a space", r -> r.setRequestId("a b"), "request_id", "\"a b\""),
                bad("request id over 128", r -> r.setRequestId("r".repeat(129)), "request_id", "129 characters"));
    }

    private static Arguments bad(String name, Consumer<CreateTokenRequest.Builder> change, String... fragments) {
        return Arguments.of(name, change, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCreateRequests")
    void badCreateTokenIsInvalidArgumentNamingFieldAndValueAndWritesNothing(String name,
            Consumer<CreateTokenRequest.Builder> change, String[] fragments) {
        CreateTokenRequest.Builder request = CreateTokenRequest.newBuilder()
                .setRole("client").setSubject(subject()).setRequestId("req-" + UUID.randomUUID());
        change.accept(request);
        long before = tokenRows();

        assertFails(Status.Code.INVALID_ARGUMENT, () -> admin().createToken(request.build()), fragments);

        assertEquals(before, tokenRows());
    }

    @Test
    void revokedTokenIsNotFoundAtOnceAndRevokingAgainChangesNothing() {
        CreateTokenResponse created = create("client", subject(), "");
        String tokenId = created.getInfo().getTokenId();
        AuthenticateRequest resolve = AuthenticateRequest.newBuilder().setToken(created.getToken()).build();
        assertEquals("client", service().authenticate(resolve).getRole());

        TokenInfo revoked = admin().revokeToken(RevokeTokenRequest.newBuilder().setTokenId(tokenId).build()).getInfo();
        List<List<String>> rowAfterRevoke = rows(dataSource, "SELECT * FROM router.access_token WHERE token_id = ?",
                tokenId);
        TokenInfo again = admin().revokeToken(RevokeTokenRequest.newBuilder().setTokenId(tokenId).build()).getInfo();

        assertTrue(revoked.getRevokedAtEpochMs() > 0);
        assertEquals(revoked, again);
        assertEquals(rowAfterRevoke, rows(dataSource, "SELECT * FROM router.access_token WHERE token_id = ?", tokenId));
        assertFails(Status.Code.NOT_FOUND, () -> service().authenticate(resolve), "token", "unknown or revoked");
        assertFalse(admin().listTokens(ListTokensRequest.getDefaultInstance()).getTokensList().stream()
                .anyMatch(token -> token.getTokenId().equals(tokenId)), "revoked tokens are left out by default");
        assertTrue(admin().listTokens(ListTokensRequest.newBuilder().setIncludeRevoked(true).build())
                .getTokensList().contains(revoked));
    }

    @Test
    void revokingAnUnknownOrEmptyTokenIdIsRefusedAndWritesNothing() {
        List<List<String>> before = rows(dataSource, "SELECT * FROM router.access_token ORDER BY token_id");

        assertFails(Status.Code.NOT_FOUND, () -> admin().revokeToken(RevokeTokenRequest.newBuilder()
                .setTokenId("tok-00000000-0000-0000-0000-000000000000").build()),
                "token_id", "\"tok-00000000-0000-0000-0000-000000000000\"");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> admin().revokeToken(RevokeTokenRequest.getDefaultInstance()),
                "token_id", "empty");

        assertEquals(before, rows(dataSource, "SELECT * FROM router.access_token ORDER BY token_id"));
    }

    @Test
    void authenticateAnswersTheHolderOfAWorkingToken() {
        String subject = subject();
        CreateTokenResponse created = create("expert", subject, "");

        AuthenticateResponse holder = service().authenticate(AuthenticateRequest.newBuilder()
                .setToken(created.getToken()).build());

        assertEquals(created.getInfo().getTokenId(), holder.getTokenId());
        assertEquals("expert", holder.getRole());
        assertEquals(subject, holder.getSubject());
    }

    @Test
    void authenticateRefusesAnEmptyOrUnknownToken() {
        assertFails(Status.Code.INVALID_ARGUMENT, () -> service().authenticate(AuthenticateRequest.getDefaultInstance()),
                "token", "empty");
        String unknown = BearerTokens.newToken("ctk_");
        assertFails(Status.Code.NOT_FOUND, () -> service().authenticate(AuthenticateRequest.newBuilder()
                .setToken(unknown).build()), "token", "unknown or revoked",
                BearerTokens.sha256Hex(unknown).substring(0, 12));
    }

    @Test
    void onlyAdminsManageTokensAndOnlyServicesResolveThem() {
        CreateTokenResponse client = create("client", subject(), "");
        CreateTokenResponse issuedAdmin = create("admin", subject(), "");
        long before = tokenRows();

        assertFails(Status.Code.PERMISSION_DENIED, () -> as(access, client.getToken()).createToken(
                CreateTokenRequest.newBuilder().setRole("admin").setSubject("me").build()),
                "AccessService/CreateToken", "'client'", "[admin]");
        assertFails(Status.Code.PERMISSION_DENIED, () -> service().listTokens(ListTokensRequest.getDefaultInstance()),
                "AccessService/ListTokens", "'service'");
        assertFails(Status.Code.PERMISSION_DENIED, () -> admin().authenticate(AuthenticateRequest.newBuilder()
                .setToken(client.getToken()).build()), "AccessService/Authenticate", "'admin'", "[service]");
        assertEquals(before, tokenRows());

        // An admin token router issued manages tokens like the bootstrap admin.
        CreateTokenResponse byIssuedAdmin = as(access, issuedAdmin.getToken()).createToken(CreateTokenRequest
                .newBuilder().setRole("expert").setSubject(subject()).build());
        assertNotEquals("", byIssuedAdmin.getToken());
    }
}
