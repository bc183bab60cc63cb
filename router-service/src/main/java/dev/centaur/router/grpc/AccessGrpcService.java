package dev.centaur.router.grpc;

import dev.centaur.guard.Roles;
import dev.centaur.router.service.AccessTokenEntity;
import dev.centaur.router.service.AccessTokens;
import dev.centaur.router.v1.AccessServiceGrpc;
import dev.centaur.router.v1.AuthenticateRequest;
import dev.centaur.router.v1.AuthenticateResponse;
import dev.centaur.router.v1.CreateTokenRequest;
import dev.centaur.router.v1.CreateTokenResponse;
import dev.centaur.router.v1.ListTokensRequest;
import dev.centaur.router.v1.ListTokensResponse;
import dev.centaur.router.v1.RevokeTokenRequest;
import dev.centaur.router.v1.RevokeTokenResponse;
import dev.centaur.router.v1.TokenInfo;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Pattern;

/** Router as the token authority (access.proto): issue, revoke, list and resolve bearer tokens. */
@GrpcService
public class AccessGrpcService extends AccessServiceGrpc.AccessServiceImplBase {

    static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,128}");
    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    @Inject
    AccessTokens tokens;

    @Override
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public void createToken(CreateTokenRequest request, StreamObserver<CreateTokenResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            if (!Roles.ISSUABLE.contains(request.getRole())) {
                Fields.storable("role", request.getRole());
                throw Fields.invalid("role", Fields.show(request.getRole()) + " is not one of " + Roles.ISSUABLE
                        + " (service identities come from configuration, annotators from crowd)");
            }
            matches("subject", request.getSubject(), SUBJECT);
            Optional<String> requestId = request.getRequestId().isEmpty()
                    ? Optional.empty()
                    : Optional.of(matches("request_id", request.getRequestId(), REQUEST_ID));
            AccessTokens.Created created = tokens.create(request.getRole(), request.getSubject(), requestId);
            return CreateTokenResponse.newBuilder()
                    .setInfo(toProto(created.info()))
                    .setToken(created.token().orElse(""))
                    .build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public void revokeToken(RevokeTokenRequest request, StreamObserver<RevokeTokenResponse> observer) {
        UnaryCalls.answer(observer, () -> RevokeTokenResponse.newBuilder()
                .setInfo(toProto(tokens.revoke(Fields.id("token_id", request.getTokenId()))))
                .build());
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public void listTokens(ListTokensRequest request, StreamObserver<ListTokensResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            ListTokensResponse.Builder response = ListTokensResponse.newBuilder();
            tokens.list(request.getIncludeRevoked()).forEach(token -> response.addTokens(toProto(token)));
            return response.build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.SERVICE)
    public void authenticate(AuthenticateRequest request, StreamObserver<AuthenticateResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            if (request.getToken().isEmpty()) {
                throw Fields.invalid("token", "is empty");
            }
            AccessTokenEntity token = tokens.authenticate(request.getToken());
            return AuthenticateResponse.newBuilder()
                    .setTokenId(token.tokenId)
                    .setRole(token.role)
                    .setSubject(token.subject)
                    .build();
        });
    }

    private static String matches(String field, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            Fields.storable(field, value);
            throw Fields.invalid(field, Fields.show(value) + " must match " + pattern.pattern());
        }
        return value;
    }

    static TokenInfo toProto(AccessTokenEntity token) {
        return TokenInfo.newBuilder()
                .setTokenId(token.tokenId)
                .setRole(token.role)
                .setSubject(token.subject)
                .setCreatedAtEpochMs(token.createdAt.toEpochMilli())
                .setRevokedAtEpochMs(token.revoked() ? token.revokedAt.toEpochMilli() : 0)
                .build();
    }
}
