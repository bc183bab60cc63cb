package dev.centaur.qc.service;

import static dev.centaur.qc.service.Values.quote;

import dev.centaur.qc.repository.CorrectionRepository;
import dev.centaur.qc.repository.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Final labels the experts found wrong: recorded when a verdict is decided, read page by page. */
@ApplicationScoped
public class CorrectionService {

    private final ProjectRepository projects;
    private final CorrectionRepository corrections;

    CorrectionService(ProjectRepository projects, CorrectionRepository corrections) {
        this.projects = projects;
        this.corrections = corrections;
    }

    /** Records the decided verdict of a wrong final label, in the caller's transaction; answers its sequence. */
    long record(OfferedLabel offered, int reviews, Instant at) {
        Correction correction = new Correction();
        correction.projectId = offered.projectId;
        correction.sequence = corrections.nextSequence(offered.projectId);
        correction.offeredLabelId = offered.id;
        correction.itemId = offered.itemId;
        correction.finalLabel = offered.finalLabel;
        correction.source = offered.source;
        correction.modelVersion = offered.modelVersion;
        correction.correctedLabel = offered.verdictLabel;
        correction.reviews = reviews;
        correction.correctedAt = at;
        corrections.persist(correction);
        return correction.sequence;
    }

    /**
     * Up to {@code pageSize} corrections numbered after {@code after}; one more is read to tell
     * whether the page is the last for now.
     */
    @Transactional
    public CorrectionPage list(String projectId, long after, int pageSize) {
        if (!projects.exists(projectId)) {
            throw new NotFoundException("project_id " + quote(projectId) + " not found");
        }
        List<Correction> page = corrections.page(projectId, after, pageSize + 1);
        boolean hasMore = page.size() > pageSize;
        List<Correction> shown = hasMore ? page.subList(0, pageSize) : page;
        long nextAfter = shown.isEmpty() ? after : shown.get(shown.size() - 1).sequence;
        return new CorrectionPage(List.copyOf(shown), nextAfter, hasMore);
    }

    long count(String projectId) {
        return corrections.countFor(projectId);
    }
}
