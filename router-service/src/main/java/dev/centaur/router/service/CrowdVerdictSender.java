package dev.centaur.router.service;

import dev.centaur.crowd.v1.RecordExpertVerdictRequest;
import dev.centaur.router.client.CrowdClient;
import dev.centaur.router.client.PeerCallException;
import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.repository.CorrectionRepository;
import dev.centaur.router.repository.CorrectionRepository.PendingVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Sends the experts' corrections of crowd labels (queued by {@link CorrectionPuller}) to crowd's
 * RecordExpertVerdict, so the annotators' skills learn from them. The call is idempotent per
 * correction, so a send repeated after a crash changes nothing.
 */
@ApplicationScoped
public class CrowdVerdictSender {

    static final String SENT = "SENT";
    static final String REFUSED = "REFUSED";
    private static final Logger LOG = Logger.getLogger(CrowdVerdictSender.class);

    @Inject
    CorrectionRepository corrections;

    @Inject
    CrowdClient crowd;

    @Inject
    RouterConfig config;

    /**
     * Sends the verdict due longest.
     *
     * @return true when one was due (more may be)
     */
    @Transactional
    public boolean sendNext() {
        PendingVerdict verdict = corrections.claimDueVerdict().orElse(null);
        if (verdict == null) {
            return false;
        }
        try {
            crowd.recordExpertVerdict(RecordExpertVerdictRequest.newBuilder()
                    .setProjectId(verdict.projectId())
                    .setItemId(verdict.itemId())
                    .setExpertLabel(verdict.expertLabel())
                    .setCorrectionSequence(verdict.sequence())
                    .build());
            corrections.markVerdictHandled(verdict, SENT);
        } catch (PeerCallException e) {
            if (e.kind() == PeerCallException.Kind.UNAVAILABLE) {
                LOG.warnf("expert verdict %d of project %s not sent, next try in %s: %s", verdict.sequence(),
                        verdict.projectId(), config.outbox().retryBackoff(), e.getMessage());
                corrections.postponeVerdict(verdict, config.outbox().retryBackoff());
            } else {
                // crowd will never take it (unknown or open item): only the skills miss one observation.
                LOG.warnf("expert verdict %d of project %s refused by crowd: %s", verdict.sequence(),
                        verdict.projectId(), e.getMessage());
                corrections.markVerdictHandled(verdict, REFUSED);
            }
        }
        return true;
    }
}
