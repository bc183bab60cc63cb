package dev.centaur.qc.service;

import static dev.centaur.qc.service.Values.quote;

import dev.centaur.qc.repository.ProjectRepository;
import dev.centaur.qc.repository.VerdictRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Every decided verdict, confirmed or corrected: recorded when decided, read page by page. */
@ApplicationScoped
public class VerdictService {

    private final ProjectRepository projects;
    private final VerdictRepository verdicts;

    VerdictService(ProjectRepository projects, VerdictRepository verdicts) {
        this.projects = projects;
        this.verdicts = verdicts;
    }

    /** Records the decided verdict of a sampled label, in the caller's transaction. */
    void record(OfferedLabel offered, int reviews, Long correctionSequence, Instant at) {
        DecidedVerdict verdict = new DecidedVerdict();
        verdict.projectId = offered.projectId;
        verdict.sequence = verdicts.nextSequence(offered.projectId);
        verdict.offeredLabelId = offered.id;
        verdict.itemId = offered.itemId;
        verdict.finalLabel = offered.finalLabel;
        verdict.source = offered.source;
        verdict.modelVersion = offered.modelVersion;
        verdict.expertLabel = offered.verdictLabel;
        verdict.correct = offered.verdictCorrect;
        verdict.reviews = reviews;
        verdict.sampleRate = offered.sampleRate;
        verdict.correctionSequence = correctionSequence;
        verdict.decidedAt = at;
        verdicts.persist(verdict);
    }

    /**
     * Up to {@code pageSize} verdicts numbered after {@code after}; one more is read to tell
     * whether the page is the last for now.
     */
    @Transactional
    public VerdictPage list(String projectId, long after, int pageSize) {
        if (!projects.exists(projectId)) {
            throw new NotFoundException("project_id " + quote(projectId) + " not found");
        }
        List<DecidedVerdict> page = verdicts.page(projectId, after, pageSize + 1);
        boolean hasMore = page.size() > pageSize;
        List<DecidedVerdict> shown = hasMore ? page.subList(0, pageSize) : page;
        long nextAfter = shown.isEmpty() ? after : shown.get(shown.size() - 1).sequence;
        return new VerdictPage(List.copyOf(shown), nextAfter, hasMore);
    }
}
