package dev.centaur.crowd.service;

import dev.centaur.crowd.config.CrowdConfig;
import dev.centaur.crowd.repository.AnnotatorSkillRepository;
import dev.centaur.crowd.repository.AnnotatorSkillRepository.ControlRecord;
import dev.centaur.crowd.repository.AnswerRepository;
import dev.centaur.crowd.repository.AssignmentRepository;
import dev.centaur.crowd.repository.ItemRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Annotators' skills, measured on control tasks: the accuracy of their control answers smoothed
 * by a Beta prior ({@code centaur.crowd.control.prior-correct} / {@code prior-wrong}). An annotator
 * whose skill falls below the project's min_skill after enough control answers is suspended from
 * the project; their answers to its open items are discarded, which frees those items' slots.
 */
@ApplicationScoped
public class SkillService {

    private static final Logger LOG = Logger.getLogger(SkillService.class);

    @Inject
    AnnotatorSkillRepository records;

    @Inject
    AnswerRepository answers;

    @Inject
    AssignmentRepository assignments;

    @Inject
    ItemRepository items;

    @Inject
    CrowdConfig config;

    @Inject
    Clock clock;

    /** The smoothed control accuracy of every annotator of the project with a control answer. */
    public Map<String, Double> skillsOf(String projectId) {
        Map<String, Double> skills = new HashMap<>();
        records.recordsOf(projectId).forEach((annotatorId, record) -> skills.put(annotatorId, skill(record)));
        return skills;
    }

    double skill(ControlRecord record) {
        double priorCorrect = config.control().priorCorrect();
        double priorWrong = config.control().priorWrong();
        return (record.correct() + priorCorrect) / (record.answers() + priorCorrect + priorWrong);
    }

    /** PERMISSION_DENIED naming the annotator when they are suspended from the project. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireNotSuspended(Annotator annotator, String projectId) {
        if (records.isSuspended(annotator.annotatorId, projectId)) {
            throw CrowdException.permissionDenied("annotator " + annotator.annotatorId + " (" + annotator.name
                    + ") is suspended from project " + projectId + ": their accuracy on control tasks fell below "
                    + "the project's minimum skill");
        }
    }

    /**
     * True when the annotator's next task should be a control task: while their control
     * assignments are fewer than control_rate times all their assignments (counting the next), so
     * control tasks come at the project's rate from the first task on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean controlDue(Annotator annotator, Project project) {
        if (project.controlRate <= 0) {
            return false;
        }
        long[] counts = assignments.countForAnnotator(annotator.annotatorId, project.projectId);
        return counts[1] < project.controlRate * (counts[0] + 1);
    }

    /** Scores a control answer and suspends the annotator when their skill fell below the project's minimum. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordControlAnswer(Annotator annotator, Project project, Item controlItem, String label) {
        ControlRecord record = records.recordControlAnswer(annotator.annotatorId, project.projectId,
                controlItem.controlLabel.equals(label));
        if (record.suspended() || project.minSkill <= 0
                || record.answers() < config.control().minAnswersBeforeSuspension()
                || skill(record) >= project.minSkill) {
            return;
        }
        records.suspend(annotator.annotatorId, project.projectId, clock.instant());
        items.lockOpenItemsAssignedTo(annotator.annotatorId, project.projectId);
        int discarded = answers.deleteOpenAnswersOf(annotator.annotatorId, project.projectId);
        int released = assignments.deleteOpenAssignmentsOf(annotator.annotatorId, project.projectId);
        LOG.infof("Suspended annotator %s from project %s (skill %.3f after %d control answers); discarded %d "
                + "answers to open items and released %d assignments", annotator.annotatorId, project.projectId,
                skill(record), record.answers(), discarded, released);
    }
}
