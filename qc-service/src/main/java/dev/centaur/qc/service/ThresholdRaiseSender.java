package dev.centaur.qc.service;

import dev.centaur.qc.client.RouterCallException;
import dev.centaur.qc.client.RouterClient;
import dev.centaur.qc.config.QcConfig;
import dev.centaur.qc.repository.ThresholdRaiseRepository;
import dev.centaur.router.v1.RaiseThresholdRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The threshold-raise outbox worker: sends due requests to router's RaiseThreshold and marks each
 * sent once router acknowledged it; a failed one waits the retry backoff. RaiseThreshold is
 * idempotent, so a request sent twice (crash after the call, before the commit) changes nothing.
 */
@ApplicationScoped
public class ThresholdRaiseSender {

    private static final Logger LOG = Logger.getLogger(ThresholdRaiseSender.class);

    private final ThresholdRaiseRepository raises;
    private final RouterClient router;
    private final QcConfig.Feedback settings;

    ThresholdRaiseSender(ThresholdRaiseRepository raises, RouterClient router, QcConfig config) {
        this.raises = raises;
        this.router = router;
        this.settings = config.feedback();
    }

    @Scheduled(every = "${centaur.qc.feedback.send-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        try {
            QuarkusTransaction.requiringNew().run(() -> raises.claimDue(settings.batchSize()).forEach(this::send));
        } catch (RuntimeException e) {
            // Rolled back: the rows are due again on the next run.
            LOG.errorf(e, "the threshold raise worker failed");
        }
    }

    private void send(ThresholdRaise raise) {
        raise.attempts++;
        try {
            raise.raised = router.raiseThreshold(RaiseThresholdRequest.newBuilder()
                    .setProjectId(raise.projectId)
                    .setMinThreshold(raise.minThreshold)
                    .setEvidence(raise.evidence)
                    .build());
            raise.sentAt = Instant.now();
            raise.lastError = null;
        } catch (RouterCallException e) {
            LOG.warnf("threshold raise %d of project %s not sent, retrying in %s: %s", raise.id, raise.projectId,
                    settings.retryBackoff(), e.getMessage());
            raise.lastError = e.getMessage();
            raise.nextAttemptAt = Instant.now().plus(settings.retryBackoff());
        }
    }
}
