package dev.centaur.cli.demo;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.ServiceAddresses;
import dev.centaur.qc.v1.NextReviewRequest;
import dev.centaur.qc.v1.NextReviewResponse;
import dev.centaur.qc.v1.QcServiceGrpc;
import dev.centaur.qc.v1.Review;
import dev.centaur.qc.v1.SubmitReviewRequest;
import dev.centaur.qc.v1.SubmitReviewResponse;
import dev.centaur.router.v1.AccessServiceGrpc;
import dev.centaur.router.v1.CreateTokenRequest;
import dev.centaur.router.v1.CreateTokenResponse;
import dev.centaur.router.v1.TokenInfo;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated experts against an in-test router (tokens) and qc that, like the real one, check who answers. */
class ExpertPanelTest {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> CALLER = Context.key("authorization");
    private static final ServerInterceptor READ_TOKEN = new ServerInterceptor() {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            return Contexts.interceptCall(Context.current().withValue(CALLER, headers.get(AUTHORIZATION)), call, headers, next);
        }
    };

    /** Issues "expert-token:<subject>" to the admin only. */
    static final class FakeAccess extends AccessServiceGrpc.AccessServiceImplBase {
        final List<CreateTokenRequest> created = new CopyOnWriteArrayList<>();

        @Override
        public void createToken(CreateTokenRequest request, StreamObserver<CreateTokenResponse> answer) {
            if (!"Bearer admin".equals(CALLER.get())) {
                answer.onError(Status.PERMISSION_DENIED.withDescription("CreateToken is for admins").asRuntimeException());
                return;
            }
            created.add(request);
            answer.onNext(CreateTokenResponse.newBuilder().setToken("expert-token:" + request.getSubject())
                    .setInfo(TokenInfo.newBuilder().setTokenId("tok-" + created.size()).setRole(request.getRole())
                            .setSubject(request.getSubject())).build());
            answer.onCompleted();
        }
    }

    /** Hands out reviews and takes answers only from the expert whose token the call carries. */
    static final class FakeQc extends QcServiceGrpc.QcServiceImplBase {
        final Deque<String> pending = new ArrayDeque<>(List.of("i1", "i2", "i3", "i4"));
        final Map<String, String> answeredBy = new ConcurrentHashMap<>();

        private static boolean callerIs(String expertId) {
            return ("Bearer expert-token:" + expertId).equals(CALLER.get());
        }

        @Override
        public synchronized void nextReview(NextReviewRequest request, StreamObserver<NextReviewResponse> answer) {
            if (!callerIs(request.getExpertId())) {
                answer.onError(Status.PERMISSION_DENIED.withDescription("expert_id '" + request.getExpertId()
                        + "' is not the token's subject (" + CALLER.get() + ")").asRuntimeException());
                return;
            }
            NextReviewResponse.Builder next = NextReviewResponse.newBuilder();
            String item = pending.poll();
            if (item != null) {
                next.setReview(Review.newBuilder().setReviewId("r-" + item).setItemId(item));
            }
            answer.onNext(next.build());
            answer.onCompleted();
        }

        @Override
        public void submitReview(SubmitReviewRequest request, StreamObserver<SubmitReviewResponse> answer) {
            if (!callerIs(request.getExpertId())) {
                answer.onError(Status.PERMISSION_DENIED.withDescription("not the token's subject").asRuntimeException());
                return;
            }
            answeredBy.put(request.getReviewId(), request.getExpertId());
            answer.onNext(SubmitReviewResponse.newBuilder().setFinalLabelCorrect(true).build());
            answer.onCompleted();
        }
    }

    private Server router;
    private Server qc;

    @AfterEach
    void stop() {
        router.shutdownNow();
        qc.shutdownNow();
    }

    @Test
    void eachExpertAnswersWithARouterTokenForTheirOwnId() throws IOException {
        FakeAccess access = new FakeAccess();
        FakeQc reviews = new FakeQc();
        router = NettyServerBuilder.forPort(0).addService(ServerInterceptors.intercept(access, READ_TOKEN)).build().start();
        qc = NettyServerBuilder.forPort(0).addService(ServerInterceptors.intercept(reviews, READ_TOKEN)).build().start();
        ServiceAddresses addresses = new ServiceAddresses("127.0.0.1", router.getPort(), 1, 1, qc.getPort());
        Map<String, String> gold = Map.of("i1", "yes", "i2", "no", "i3", "yes", "i4", "no");

        try (CentaurClients clients = new CentaurClients(addresses, Duration.ofSeconds(5), "admin")) {
            ExpertPanel panel = new ExpertPanel(clients, "p-1", gold, 2);
            panel.reviewAll(Duration.ofSeconds(30));
            assertEquals(4, panel.reviewsSubmitted());
        }

        assertEquals(List.of("p-1.expert-1", "p-1.expert-2"), access.created.stream().map(CreateTokenRequest::getSubject).sorted().toList());
        assertTrue(access.created.stream().allMatch(request -> request.getRole().equals("expert")), access.created.toString());
        assertEquals(4, reviews.answeredBy.size());
    }
}
