package dev.centaur.crowd.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.centaur.crowd.repository.ItemRepository;
import dev.centaur.crowd.repository.ProjectRepository;
import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.v1.GetItemResultRequest;
import dev.centaur.crowd.v1.GetItemResultResponse;
import dev.centaur.crowd.v1.Task;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The evaluation worker, run by hand: this profile turns the scheduled rounds off, so the tests
 * decide when (and how many) workers run, and what is due stays due until they do.
 */
@QuarkusTest
@TestProfile(EvaluationWorkerTest.ManualWorker.class)
class EvaluationWorkerTest extends CrowdTestSupport {

    private static final int BATCH_SIZE = 10;
    /** Longer than a few rounds of the scheduled worker, were it on. */
    private static final long EVALUATION_ROUNDS_MILLIS = 2_500;

    public static class ManualWorker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("centaur.crowd.evaluation.enabled", "false",
                    "centaur.crowd.evaluation.batch-size", String.valueOf(BATCH_SIZE));
        }
    }

    @Inject
    EvaluationWorker worker;

    @Inject
    ItemCompletion completion;

    @Inject
    ItemRepository items;

    @Inject
    ProjectRepository projects;

    @Inject
    MeterRegistry registry;

    /** Items other tests left due are settled first, so each test counts only its own. */
    @BeforeEach
    void settleLeftovers() {
        worker.evaluateDue();
    }

    @Test
    void theDueItemsOfAProjectAreCompletedWithOneFit() {
        String projectId = newProjectId();
        upsertProject(projectId, 2, "a", "b");
        String[] itemIds = IntStream.range(0, BATCH_SIZE - 2).mapToObj(i -> "item-" + i).toArray(String[]::new);
        enqueueTexts(projectId, itemIds);
        answerEveryItem(projectId, itemIds.length, "a", "a");
        assertEquals(itemIds.length, db.dueItems(projectId));
        assertEquals(0, db.completedItems(projectId), "SubmitAnswer aggregates nothing itself");
        long fitsBefore = fits();

        EvaluationWorker.RoundOutcome round = worker.evaluateDue();

        assertEquals(new EvaluationWorker.RoundOutcome(1, itemIds.length, 0, 0), round);
        assertEquals(1, fits() - fitsBefore, "one fit settled the whole batch");
        assertEquals(itemIds.length, db.completedItems(projectId));
        assertEquals(itemIds.length, db.outboxRows(projectId));
        assertEquals(0, db.dueItems(projectId));
        GetItemResultResponse result = result(projectId, "item-0");
        assertEquals("a", result.getLabel());
        assertEquals("DS", result.getMethod());
        assertEquals(2, result.getAnswersUsed());
        assertEquals(new EvaluationWorker.RoundOutcome(0, 0, 0, 0), worker.evaluateDue(), "nothing is left due");
    }

    @Test
    void anItemLeftDueByAStoppedOrFailedWorkerIsCompletedByALaterRound() throws InterruptedException {
        String projectId = newProjectId();
        upsertProject(projectId, 2, "a", "b");
        enqueueTexts(projectId, "item-1");
        answerEveryItem(projectId, 1, "b", "b");

        Thread.sleep(EVALUATION_ROUNDS_MILLIS);
        assertEquals(1, db.dueItems(projectId), "no worker ran: the item waits in the database, not in memory");
        // A worker that dies after claiming the item: its transaction rolls back and leaves the item due.
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            completion.settleDue(projects.findById(projectId), items.claimDueItems(projectId, BATCH_SIZE));
            throw new IllegalStateException("the worker crashed before its commit");
        }));
        assertEquals(1, db.dueItems(projectId));
        assertEquals(0, db.completedItems(projectId));
        assertEquals(0, db.outboxRows(projectId));

        worker.evaluateDue();

        assertEquals(0, db.dueItems(projectId));
        assertEquals("b", result(projectId, "item-1").getLabel());
        assertEquals(1, db.outboxRows(projectId), "reported once");
    }

    @Test
    void anUnsureDueItemOffersNoSlotUntilTheWorkerAsksForOneMoreAnswer() {
        String projectId = newProjectId();
        upsertProject(project(projectId, 2, "a", "b").setAggregationMethod("MV").setMaxOverlap(3)
                .setConfidenceTarget(0.9));
        enqueueTexts(projectId, "disputed");
        answerEveryItem(projectId, 1, "a", "b");

        assertNull(registerAnnotator("too-early").nextTask(projectId),
                "a due item is offered to no one beyond its current target");
        assertEquals(new EvaluationWorker.RoundOutcome(1, 0, 1, 0), worker.evaluateDue());
        assertEquals(0, db.dueItems(projectId));
        assertEquals(1, db.number("SELECT extra_answers FROM crowd.item WHERE project_id = ?", projectId));
        TestAnnotator third = registerAnnotator("third");
        Task task = third.nextTask(projectId);
        assertNotNull(task, "1/2 is below the 0.9 target: one more slot");
        assertNull(registerAnnotator("fourth").nextTask(projectId), "only one more");
        third.answer(task.getAssignmentId(), "a");

        assertEquals(new EvaluationWorker.RoundOutcome(1, 1, 0, 0), worker.evaluateDue(), "max_overlap 3 reached");
        GetItemResultResponse result = result(projectId, "disputed");
        assertEquals("a", result.getLabel());
        assertEquals(3, result.getAnswersUsed());
        assertEquals(1, db.outboxRows(projectId));
    }

    @Test
    void twoRacingWorkersNeverSettleAnItemTwice() throws Exception {
        String projectId = newProjectId();
        upsertProject(projectId, 2, "a", "b");
        int itemCount = 8 * BATCH_SIZE;
        enqueueTexts(projectId, IntStream.range(0, itemCount).mapToObj(i -> "item-" + i).toArray(String[]::new));
        answerEveryItem(projectId, itemCount, "a", "b");
        assertEquals(itemCount, db.dueItems(projectId));
        long fitsBefore = fits();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EvaluationWorker.RoundOutcome>> rounds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rounds.add(pool.submit(() -> {
                start.await();
                return worker.evaluateDue();
            }));
        }
        start.countDown();
        int completed = 0;
        int batches = 0;
        for (Future<EvaluationWorker.RoundOutcome> round : rounds) {
            EvaluationWorker.RoundOutcome outcome = round.get(2, TimeUnit.MINUTES);
            completed += outcome.completed();
            batches += outcome.batches();
        }
        pool.shutdown();

        assertEquals(itemCount, completed, "every item completed by exactly one of the workers");
        assertEquals(itemCount, db.completedItems(projectId));
        assertEquals(itemCount, db.outboxRows(projectId), "one result per item");
        assertEquals(0, db.number("SELECT count(*) FROM (SELECT item_id FROM crowd.result_outbox WHERE project_id = ?"
                + " GROUP BY item_id HAVING count(*) > 1) twice", projectId));
        assertEquals(0, db.dueItems(projectId));
        assertEquals(batches, fits() - fitsBefore, "one fit per batch");
    }

    /** Two new annotators answer every item of the project (all of them still open), with these labels. */
    private void answerEveryItem(String projectId, int itemCount, String firstLabel, String secondLabel) {
        for (String label : List.of(firstLabel, secondLabel)) {
            TestAnnotator annotator = registerAnnotator("annotator-" + label);
            for (int i = 0; i < itemCount; i++) {
                Task task = annotator.nextTask(projectId);
                assertNotNull(task, "task " + i);
                annotator.answer(task.getAssignmentId(), label);
            }
        }
    }

    private long fits() {
        return registry.get("centaur.crowd.aggregation.fit").timer().count();
    }

    private GetItemResultResponse result(String projectId, String itemId) {
        return crowd.getItemResult(GetItemResultRequest.newBuilder().setProjectId(projectId).setItemId(itemId).build());
    }
}
