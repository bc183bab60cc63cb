package dev.centaur.crowd.service;

import dev.centaur.crowd.repository.AnnotatorSkillRepository;
import dev.centaur.crowd.repository.AnswerRepository;
import dev.centaur.crowd.repository.ItemRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Experts' verdicts on completed items: each annotator who answered the item gets one more
 * observation in their skill (the record control answers keep, under the same Beta prior), right
 * when their answer equals the expert's label. A verdict is applied once per correction sequence.
 */
@ApplicationScoped
public class ExpertVerdictService {

    /** How many annotators the verdict scored, and whether it had been applied before. */
    public record VerdictOutcome(int annotatorsScored, boolean duplicate) {
    }

    @Inject
    ProjectService projects;

    @Inject
    ItemRepository items;

    @Inject
    AnswerRepository answers;

    @Inject
    AnnotatorSkillRepository skills;

    @Inject
    Clock clock;

    @Transactional
    public VerdictOutcome record(String projectId, String itemId, String expertLabel, long sequence) {
        Project project = projects.require(projectId);
        Item item = items.findByProjectAndItemId(projectId, itemId).orElseThrow(() -> CrowdException.notFound(
                "item_id '" + itemId + "' not found in project " + projectId));
        if (!Arrays.asList(project.labels).contains(expertLabel)) {
            throw CrowdException.invalidArgument("expert_label '" + expertLabel + "' is not one of project "
                    + projectId + "'s labels " + Arrays.toString(project.labels));
        }
        if (!item.isCompleted()) {
            throw CrowdException.failedPrecondition("item_id '" + itemId + "' of project " + projectId
                    + " is not completed; an expert verdict applies to a completed item only");
        }
        List<Answer> itemAnswers = answers.listForItem(item.id);
        if (!skills.recordExpertVerdict(projectId, itemId, sequence, expertLabel, itemAnswers.size(),
                clock.instant())) {
            return new VerdictOutcome(0, true);
        }
        for (Answer answer : itemAnswers) {
            skills.recordControlAnswer(answer.annotatorId, projectId, expertLabel.equals(answer.label));
        }
        return new VerdictOutcome(itemAnswers.size(), false);
    }
}
