package dev.centaur.crowd.service;

import dev.centaur.crowd.config.CrowdConfig;
import dev.centaur.crowd.repository.AnnotatorRepository;
import dev.centaur.crowd.repository.AnswerRepository;
import dev.centaur.crowd.repository.AssignmentRepository;
import dev.centaur.crowd.repository.ItemRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Handing tasks to annotators and taking their answers. */
@ApplicationScoped
public class TaskService {

    /** A task given to an annotator: the assignment, its item and project. */
    public record AssignedTask(Assignment assignment, Item item, Project project) {
    }

    /**
     * The item's answers after a SubmitAnswer, and whether this answer gave it the answers it wants
     * (it is then due for evaluation, which the evaluation worker does shortly after).
     */
    public record SubmitOutcome(long itemAnswers, boolean evaluationDue) {
    }

    @Inject
    CrowdConfig config;

    @Inject
    ProjectService projects;

    @Inject
    ItemRepository items;

    @Inject
    AnnotatorRepository annotators;

    @Inject
    AssignmentRepository assignments;

    @Inject
    AnswerRepository answers;

    @Inject
    SkillService skills;

    @Inject
    CrowdMetrics metrics;

    @Inject
    Clock clock;

    /**
     * Gives the annotator an item of the project that still needs answers and that they were never
     * assigned (restricted to {@code onlyItemIds} when not empty), oldest first, leased for the
     * configured duration. An annotator who still holds a live unanswered assignment in the project
     * gets that one again, so a retried call does not take a second item. At the project's control
     * rate the task is a control item instead, in the same shape. A suspended annotator is refused.
     *
     * @return empty when there is no task for this annotator now
     */
    @Transactional
    public Optional<AssignedTask> nextTask(Annotator caller, String projectId, List<String> onlyItemIds) {
        Project project = projects.require(projectId);
        // Serializes one annotator's concurrent calls, so that the held-task check below is reliable,
        // and orders this call with a RevokeAnnotator: once it committed, no task goes to them.
        requireNotRevoked(annotators.findById(caller.annotatorId, LockModeType.PESSIMISTIC_WRITE));
        skills.requireNotSuspended(caller, projectId);
        Instant now = clock.instant();
        Optional<Assignment> held = assignments.findLiveUnanswered(caller.annotatorId, projectId, now);
        if (held.isPresent()) {
            return Optional.of(new AssignedTask(held.get(), items.findById(held.get().itemPk), project));
        }
        if (onlyItemIds.isEmpty() && skills.controlDue(caller, project)) {
            Optional<Long> control = items.nextControlItem(projectId, caller.annotatorId);
            if (control.isPresent()) {
                return Optional.of(new AssignedTask(assign(caller, project, control.get(), now),
                        items.findById(control.get()), project));
            }
        }
        Set<Long> foundFull = new HashSet<>();
        while (true) {
            Optional<Long> candidate = items.lockNextCandidate(projectId, caller.annotatorId, project.overlap, now,
                    onlyItemIds, foundFull);
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            long itemPk = candidate.get();
            // The candidate query counted slots in a snapshot taken before it won the row lock, so an
            // assignment committed meanwhile by another replica may be missing: recount under the lock.
            Item item = items.findById(itemPk);
            if (items.countOccupyingAssignments(itemPk, now) < project.overlap + item.extraAnswers) {
                return Optional.of(new AssignedTask(assign(caller, project, itemPk, now), item, project));
            }
            foundFull.add(itemPk);
        }
    }

    private Assignment assign(Annotator caller, Project project, long itemPk, Instant now) {
        Assignment assignment = new Assignment();
        assignment.assignmentId = UUID.randomUUID().toString();
        assignment.itemPk = itemPk;
        assignment.projectId = project.projectId;
        assignment.annotatorId = caller.annotatorId;
        assignment.assignedAt = now;
        assignment.leaseExpiresAt = now.plus(config.leaseDuration());
        assignments.persist(assignment);
        metrics.taskAssignedOnCommit();
        return assignment;
    }

    /**
     * Records the annotator's answer to their assignment. When the item has the answers it wants
     * (overlap plus its extra answers), it is marked due for evaluation in the same transaction:
     * the {@link EvaluationWorker} aggregates it, with one fit for many items, and completes it or
     * asks for one more answer. Until then the item offers no slot. An answer to a control item
     * only scores the annotator's skill.
     */
    @Transactional
    public SubmitOutcome submitAnswer(Annotator caller, String assignmentId, String label) {
        // Shared with the annotator's other answers, exclusive with RevokeAnnotator: a revocation never
        // releases an assignment whose answer is being written.
        requireNotRevoked(annotators.findById(caller.annotatorId, LockModeType.PESSIMISTIC_READ));
        Assignment assignment = assignments.findById(assignmentId, LockModeType.PESSIMISTIC_WRITE);
        if (assignment == null) {
            throw CrowdException.notFound("assignment_id '" + assignmentId + "' not found");
        }
        if (!assignment.annotatorId.equals(caller.annotatorId)) {
            throw CrowdException.failedPrecondition("assignment " + assignmentId + " was given to another annotator");
        }
        if (answers.findById(assignmentId) != null) {
            throw CrowdException.failedPrecondition("assignment " + assignmentId + " was already answered");
        }
        Instant now = clock.instant();
        if (assignment.leaseExpiredAt(now)) {
            throw CrowdException.failedPrecondition("assignment " + assignmentId + " expired at "
                    + assignment.leaseExpiresAt + "; ask NextTask for a new task");
        }
        // Answers to one item are serialized, so exactly one of them sees the overlap reached.
        Item item = items.findById(assignment.itemPk, LockModeType.PESSIMISTIC_WRITE);
        Project project = projects.require(item.projectId);
        skills.requireNotSuspended(caller, project.projectId);
        if (!project.labelList().contains(label)) {
            throw CrowdException.invalidArgument("label '" + label + "' is not one of project " + project.projectId
                    + "'s labels " + project.labelList());
        }
        Answer answer = new Answer();
        answer.assignmentId = assignmentId;
        answer.itemPk = item.id;
        answer.projectId = item.projectId;
        answer.annotatorId = caller.annotatorId;
        answer.label = label;
        answer.answeredAt = now;
        answers.persist(answer);
        answers.flush();
        metrics.answerSubmittedOnCommit();
        long itemAnswers = answers.countForItem(item.id);
        if (item.isControl()) {
            skills.recordControlAnswer(caller, project, item, label);
            return new SubmitOutcome(itemAnswers, false);
        }
        boolean due = !item.isCompleted() && itemAnswers >= project.overlap + item.extraAnswers;
        if (due && item.evaluationDueAt == null) {
            item.evaluationDueAt = now;
        }
        return new SubmitOutcome(itemAnswers, due);
    }

    private static void requireNotRevoked(Annotator locked) {
        if (locked.isRevoked()) {
            throw AnnotatorService.revoked(locked);
        }
    }
}
