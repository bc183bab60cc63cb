package dev.centaur.cli.demo;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.qc.v1.NextReviewRequest;
import dev.centaur.qc.v1.NextReviewResponse;
import dev.centaur.qc.v1.Review;
import dev.centaur.qc.v1.SubmitReviewRequest;
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
 * label. An item without gold cannot be reviewed; its review is left to expire.
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
                String expertId = projectId + "/expert-" + i;
                running.add(pool.submit(() -> review(expertId, skipped)));
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

    private void review(String expertId, Set<String> skipped) {
        int retries = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                NextReviewResponse next = clients.qc().nextReview(NextReviewRequest.newBuilder()
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
                boolean correct = clients.qc().submitReview(SubmitReviewRequest.newBuilder()
                        .setExpertId(expertId).setReviewId(review.getReviewId()).setLabel(truth).build())
                        .getFinalLabelCorrect();
                reviewsSubmitted.incrementAndGet();
                if (!correct) {
                    finalLabelsWrong.incrementAndGet();
                }
                retries = 0;
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                boolean retryable = code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                        || code == Status.Code.RESOURCE_EXHAUSTED || code == Status.Code.ABORTED
                        || code == Status.Code.FAILED_PRECONDITION;
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
