package dev.centaur.crowd.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.v1.Task;
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

/** Many annotators racing NextTask and SubmitAnswer never over-assign an item nor lose an answer. */
@QuarkusTest
class ConcurrentAssignmentTest extends CrowdTestSupport {

    private static final int ANNOTATORS = 20;
    private static final int ITEMS = 30;
    private static final int OVERLAP = 2;

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
}
