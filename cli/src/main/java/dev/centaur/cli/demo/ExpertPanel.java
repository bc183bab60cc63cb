package dev.centaur.cli.demo;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.guard.Roles;
import dev.centaur.qc.v1.NextReviewRequest;
import dev.centaur.qc.v1.NextReviewResponse;
import dev.centaur.qc.v1.Review;
import dev.centaur.qc.v1.SubmitReviewRequest;
import dev.centaur.router.v1.CreateTokenRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated experts who drain a project's QC review queue, answering each review with the gold
 * label. An item without gold cannot be reviewed; its review is left to expire. Each expert
 * answers with their own token (router's CreateToken, role expert, subject the expert id), as qc
 * takes reviews only from the expert they are leased to.
 */
public final class ExpertPanel {

    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final int MAX_CONSECUTIVE_RETRIES = 30;

    private final CentaurClients clients;
    private final String projectId;
    private final Map<String, String> gold;
    private final int experts;
    private final AtomicLong reviewsSubmitted = new AtomicLong();
    private final AtomicLong reviewsWithoutGold = new AtomicLong();
    private final AtomicLong finalLabelsWrong = new AtomicLong();

    public ExpertPanel(CentaurClients clients, String projectId, Map<String, String> gold, int experts) {
        this.clients = clients;
        this.projectId = projectId;
        this.gold = gold;
        this.experts = experts;
    }

    public long reviewsSubmitted() {
        return reviewsSubmitted.get();
    }

    public long reviewsWithoutGold() {
        return reviewsWithoutGold.get();
    }

    /** Reviews where QC said the final label differed from the expert's. */
    public long finalLabelsWrong() {
        return finalLabelsWrong.get();
    }

    /** Reviews until NextReview has nothing left for this project, or the timeout passes. */
    public void reviewAll(Duration timeout) {
        ExecutorService pool = Executors.newFixedThreadPool(experts);
        Set<String> skipped = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 1; i <= experts; i++) {
                // A token's subject is [A-Za-z0-9._@-]{1,128}; project ids are [a-z0-9-]{1,64}.
                String expertId = projectId + ".expert-" + i;
                String token = expertToken(expertId);
                running.add(pool.submit(() -> review(expertId, token, skipped)));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Future<?> expert : running) {
                expert.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            throw new CliException("Experts did not finish the QC reviews within " + timeout.toSeconds()
                    + " s (" + reviewsSubmitted() + " submitted)");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof CliException cli ? cli : new CliException("Expert review failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted during the QC reviews", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A new expert token for {@code expertId}, made with the command's (admin) token; null when
     * the command has none (services with auth off), so the expert's calls carry none either.
     * Router may be restarting (fault tests): transient failures are retried; no request id, as
     * a repeat of one would answer without the token.
     */
    private String expertToken(String expertId) {
        if (!clients.hasToken()) {
            return null;
        }
        CreateTokenRequest request = CreateTokenRequest.newBuilder().setRole(Roles.EXPERT).setSubject(expertId).build();
        int retries = 0;
        while (true) {
            try {
                return clients.access().createToken(request).getToken();
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                    return null; // Router before issue 9's tokens: its services take no tokens either.
                }
                if (!isTransient(e.getStatus().getCode()) || ++retries > MAX_CONSECUTIVE_RETRIES) {
                    throw new CliException(RpcFailure.describe("CreateToken for expert " + expertId, e), e);
                }
                pause();
            }
        }
    }

    private static boolean isTransient(Status.Code code) {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                || code == Status.Code.RESOURCE_EXHAUSTED || code == Status.Code.ABORTED;
    }

    private void review(String expertId, String token, Set<String> skipped) {
        int retries = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                NextReviewResponse next = clients.qcAs(token).nextReview(NextReviewRequest.newBuilder()
                        .setExpertId(expertId).setProjectId(projectId).build());
                if (!next.hasReview()) {
                    return;
                }
                Review review = next.getReview();
                String truth = gold.get(review.getItemId());
                if (truth == null) {
                    reviewsWithoutGold.incrementAndGet();
                    if (!skipped.add(review.getReviewId())) {
                        return; // Offered again after its lease expired: nothing more this expert can do.
                    }
                    continue;
                }
                boolean correct = clients.qcAs(token).submitReview(SubmitReviewRequest.newBuilder()
                        .setExpertId(expertId).setReviewId(review.getReviewId()).setLabel(truth).build())
                        .getFinalLabelCorrect();
                reviewsSubmitted.incrementAndGet();
                if (!correct) {
                    finalLabelsWrong.incrementAndGet();
                }
                retries = 0;
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                boolean retryable = isTransient(code) || code == Status.Code.FAILED_PRECONDITION;
                if (!retryable || ++retries > MAX_CONSECUTIVE_RETRIES) {
                    throw new CliException(RpcFailure.describe("QC review by " + expertId, e), e);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
