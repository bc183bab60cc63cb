package dev.centaur.crowd.support;

import dev.centaur.router.v1.AccessServiceGrpc;
import dev.centaur.router.v1.AuthenticateRequest;
import dev.centaur.router.v1.AuthenticateResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Router's AccessService.Authenticate as crowd sees it (router's contract, centaur/router/v1/access.proto:
 * NOT_FOUND for an unknown or revoked token), for crowd's tests, where router does not run: the
 * tokens it knows are given by the test, and it can be made to fail like a router that is down.
 */
public class FakeAccessService extends AccessServiceGrpc.AccessServiceImplBase {

    /** Who holds a token router issued. */
    public record Holder(String role, String subject) {
    }

    private final Map<String, Holder> tokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile Status failure;

    @Override
    public void authenticate(AuthenticateRequest request, StreamObserver<AuthenticateResponse> responseObserver) {
        calls.computeIfAbsent(request.getToken(), t -> new AtomicInteger()).incrementAndGet();
        if (failure != null) {
            responseObserver.onError(failure.asRuntimeException());
            return;
        }
        Holder holder = tokens.get(request.getToken());
        if (holder == null) {
            responseObserver.onError(Status.NOT_FOUND.withDescription("token not found").asRuntimeException());
            return;
        }
        responseObserver.onNext(AuthenticateResponse.newBuilder().setTokenId("tok-" + request.getToken().hashCode())
                .setRole(holder.role()).setSubject(holder.subject()).build());
        responseObserver.onCompleted();
    }

    public void issue(String token, String role, String subject) {
        tokens.put(token, new Holder(role, subject));
    }

    public void revoke(String token) {
        tokens.remove(token);
    }

    /** From now on every call fails with the status; null restores normal answers. */
    public void failWith(Status status) {
        failure = status;
    }

    /** How often crowd asked about this token. */
    public int callsFor(String token) {
        AtomicInteger count = calls.get(token);
        return count == null ? 0 : count.get();
    }
}
