package dev.centaur.crowd.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.v1.ControlItem;
import dev.centaur.crowd.v1.Task;
import dev.centaur.crowd.v1.UploadControlItemsRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many annotators racing NextTask and SubmitAnswer never over-assign an item nor lose an answer.
 * One @QuarkusTest runs one service instance, so two replicas cannot be started here; instead many
 * threads race through gRPC, each call a separate transaction on its own connection, which
 * contends for exactly the row locks (SKIP LOCKED candidates, the per-item lock on answers) that
 * two replicas sharing the database would.
 */
@QuarkusTest
class ConcurrentAssignmentTest extends CrowdTestSupport {

    private static final int ANNOTATORS = 20;
    private static final int ITEMS = 30;
    private static final int OVERLAP = 2;
    private static final long NO_TASK_PAUSE_MILLIS = 100;

    @Test
    void racingAnnotatorsFillEveryItemExactlyToItsOverlap() throws Exception {
        String projectId = newProjectId();
        upsertProject(projectId, OVERLAP, "a", "b");
        enqueueTexts(projectId, IntStream.range(0, ITEMS).mapToObj(i -> "item-" + i).toArray(String[]::new));
        List<TestAnnotator> annotators = new ArrayList<>();
        for (int i = 0; i < ANNOTATORS; i++) {
            annotators.add(registerAnnotator("racer-" + i));
        }

        ExecutorService pool = Executors.newFixedThreadPool(ANNOTATORS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> accepted = new ArrayList<>();
        for (TestAnnotator annotator : annotators) {
            accepted.add(pool.submit(() -> {
                start.await();
                int answers = 0;
                for (Task task = annotator.nextTask(projectId); task != null; task = annotator.nextTask(projectId)) {
                    annotator.answer(task.getAssignmentId(), answers % 2 == 0 ? "a" : "b");
                    answers++;
                }
                return answers;
            }));
        }
        start.countDown();
        int acceptedAnswers = 0;
        for (Future<Integer> result : accepted) {
            acceptedAnswers += result.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        awaitEvaluated(projectId);

        assertEquals(ITEMS * OVERLAP, acceptedAnswers, "every slot answered, each answer accepted once");
        assertEquals(ITEMS * OVERLAP, db.answers(projectId), "every accepted answer stored once");
        assertEquals(ITEMS * OVERLAP, db.assignments(projectId), "no assignment beyond the overlap");
        assertEquals(0, db.number("""
                SELECT count(*) FROM crowd.item i WHERE i.project_id = ?
                   AND ((SELECT count(*) FROM crowd.answer an WHERE an.item_pk = i.id) <> ?
                        OR (SELECT count(*) FROM crowd.assignment a WHERE a.item_pk = i.id) > ?)""",
                projectId, OVERLAP, OVERLAP), "every item has exactly overlap answers and assignments");
        assertEquals(ITEMS, db.number("SELECT count(*) FROM crowd.item WHERE project_id = ?"
                + " AND completed_at IS NOT NULL", projectId));
        assertEquals(ITEMS, db.outboxRows(projectId), "one result per item");
        assertTrue(db.number("SELECT count(DISTINCT annotator_id) FROM crowd.answer an JOIN crowd.item i"
                + " ON i.id = an.item_pk WHERE i.project_id = ?", projectId) > 1, "the work was shared");
    }

    @Test
    void racingAnnotatorsWithDynamicOverlapAndControlTasksNeverExceedMaxOverlap() throws Exception {
        String projectId = newProjectId();
        int maxOverlap = 4;
        upsertProject(project(projectId, OVERLAP, "a", "b").setAggregationMethod("MV").setMaxOverlap(maxOverlap)
                .setConfidenceTarget(0.9).setControlRate(0.2));
        enqueueTexts(projectId, IntStream.range(0, ITEMS).mapToObj(i -> "item-" + i).toArray(String[]::new));
        crowd.uploadControlItems(UploadControlItemsRequest.newBuilder().setProjectId(projectId)
                .addItems(ControlItem.newBuilder().setItemId("gold").setLabel("a")
                        .setContent(ItemContent.newBuilder().setText("gold text")))
                .build());
        List<TestAnnotator> annotators = new ArrayList<>();
        for (int i = 0; i < ANNOTATORS; i++) {
            annotators.add(registerAnnotator("racer-" + i));
        }

        ExecutorService pool = Executors.newFixedThreadPool(ANNOTATORS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> accepted = new ArrayList<>();
        for (int a = 0; a < annotators.size(); a++) {
            TestAnnotator annotator = annotators.get(a);
            int seed = a;
            accepted.add(pool.submit(() -> {
                start.await();
                int answers = 0;
                // An extra slot opens only once the evaluation worker found an item unsure, so "no task now"
                // ends an annotator's work only when every item is completed.
                while (true) {
                    Task task = annotator.nextTask(projectId);
                    if (task == null) {
                        if (db.completedItems(projectId) == ITEMS) {
                            return answers;
                        }
                        Thread.sleep(NO_TASK_PAUSE_MILLIS);
                        continue;
                    }
                    // Disagreement on some items forces extra answers; the control item is answered right.
                    boolean dissent = (seed + task.getItemId().hashCode()) % 3 == 0;
                    annotator.answer(task.getAssignmentId(), dissent ? "b" : "a");
                    answers++;
                }
            }));
        }
        start.countDown();
        int acceptedAnswers = 0;
        for (Future<Integer> result : accepted) {
            acceptedAnswers += result.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertEquals(acceptedAnswers, db.answers(projectId), "every accepted answer stored once");
        assertEquals(0, db.number("""
                SELECT count(*) FROM crowd.item i WHERE i.project_id = ? AND i.control_label IS NULL
                   AND ((SELECT count(*) FROM crowd.assignment a WHERE a.item_pk = i.id) > ?
                        OR (SELECT count(*) FROM crowd.answer an WHERE an.item_pk = i.id) < ?)""",
                projectId, maxOverlap, OVERLAP), "between overlap and max_overlap answers, never more assignments");
        assertEquals(0, db.number("""
                SELECT count(*) FROM crowd.item i WHERE i.project_id = ? AND i.control_label IS NULL
                   AND (SELECT count(*) FROM crowd.answer an WHERE an.item_pk = i.id) <> i.result_answers""",
                projectId), "every item completed with exactly the answers it has");
        assertEquals(ITEMS, db.outboxRows(projectId), "one result per ordinary item, none for the control item");
        assertTrue(db.number("SELECT count(*) FROM crowd.item WHERE project_id = ? AND result_answers > ?",
                projectId, OVERLAP) > 0, "some items needed extra answers");
    }
}
