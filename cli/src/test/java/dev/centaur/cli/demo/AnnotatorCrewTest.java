package dev.centaur.cli.demo;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.ServiceAddresses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotatorCrewTest {

    private static final String PROJECT = "crew-test";
    private FakeCrowdService crowd;
    private CentaurClients clients;

    private AnnotatorCrew crewAgainst(FakeCrowdService fake) throws Exception {
        crowd = fake;
        int port = crowd.start();
        // Only the crowd channel is used; the others never connect.
        clients = new CentaurClients(new ServiceAddresses("127.0.0.1", 1, 1, port, 1), Duration.ofSeconds(5));
        return new AnnotatorCrew(clients, PROJECT, 2, new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (crowd != null) {
            crowd.stop();
        }
    }

    @Test
    void replayedWorkersGiveExactlyTheirRecordedAnswersAndOnlyToTheirItems() throws Exception {
        Map<String, Map<String, String>> recorded = new LinkedHashMap<>();
        recorded.put("w1", Map.of("i1", "0", "i2", "1"));
        recorded.put("w2", Map.of("i1", "1", "i3", "0"));
        recorded.put("w3", Map.of("i2", "1", "i3", "1"));
        List<ReplayAnnotator> workers = ReplayAnnotator.forWorkers(recorded, List.of("i1", "i2", "i3"), List.of());
        try (AnnotatorCrew crew = crewAgainst(new FakeCrowdService(List.of("i1", "i2", "i3"), 2))) {
            crew.start(workers);
            await(() -> crew.retiredAnnotators() == 3);
            assertEquals(6, crew.answersSubmitted());
            assertTrue(crew.failure().isEmpty());
        }
        Map<String, Map<String, String>> expected = Map.of(
                "i1", Map.of(PROJECT + "/replay-w1", "0", PROJECT + "/replay-w2", "1"),
                "i2", Map.of(PROJECT + "/replay-w1", "1", PROJECT + "/replay-w3", "1"),
                "i3", Map.of(PROJECT + "/replay-w2", "0", PROJECT + "/replay-w3", "1"));
        assertEquals(expected, crowd.answersSnapshot());
        crowd.onlyItemIdsSent.forEach((annotator, requests) -> {
            String worker = annotator.substring((PROJECT + "/replay-").length());
            for (List<String> onlyItemIds : requests) {
                assertFalse(onlyItemIds.isEmpty(), "an empty list would offer any item to " + annotator);
                assertTrue(recorded.get(worker).keySet().containsAll(onlyItemIds), annotator + " was offered " + onlyItemIds);
            }
        });
    }

    @Test
    void unrestrictedAnnotatorsKeepAskingUntilStopped() throws Exception {
        Map<String, String> gold = Map.of("i1", "a", "i2", "b");
        List<AccuracyAnnotator> annotators = List.of(
                new AccuracyAnnotator("perfect-1", 1.0, 1, gold, List.of("a", "b")),
                new AccuracyAnnotator("perfect-2", 1.0, 1, gold, List.of("a", "b")));
        try (AnnotatorCrew crew = crewAgainst(new FakeCrowdService(List.of("i1", "i2"), 2))) {
            crew.start(annotators);
            await(() -> crew.answersSubmitted() == 4);
            assertEquals(0, crew.retiredAnnotators());
        }
        crowd.answersSnapshot().forEach((item, answers) ->
                answers.values().forEach(label -> assertEquals(gold.get(item), label)));
    }

    @Test
    void refusedTokenStopsTheCrewWithTheRpcAndStatus() throws Exception {
        FakeCrowdService fake = new FakeCrowdService(List.of("i1"), 1);
        try (AnnotatorCrew crew = crewAgainst(fake)) {
            fake.refuseTokens = true; // registration still works; every call with the token is refused
            crew.start(List.of(new ReplayAnnotator("w1", Map.of("i1", "0"))));
            await(() -> crew.failure().isPresent());
            String message = crew.failure().orElseThrow().getMessage();
            assertTrue(message.contains("NextTask failed with UNAUTHENTICATED: authorization: unknown bearer token"), message);
            assertTrue(message.contains("replay-w1"), message);
        }
    }

    @Test
    void taskWithoutAnAnswerIsLeftToExpireWithoutBusyLooping() throws Exception {
        SimulatedAnnotator answersOnlyY = new SimulatedAnnotator() {
            @Override
            public String name() {
                return "only-y";
            }

            @Override
            public Set<String> answerableItemIds() {
                return Set.of();
            }

            @Override
            public Optional<String> answer(String itemId) {
                return itemId.equals("y") ? Optional.of("a") : Optional.empty();
            }
        };
        FakeCrowdService fake = new FakeCrowdService(List.of("x", "y"), 1);
        fake.leaseMillis = 1_500;
        try (AnnotatorCrew crew = crewAgainst(fake)) {
            crew.start(List.of(answersOnlyY));
            await(() -> crew.answersSubmitted() == 1);
            assertEquals(1, crew.unanswerableTasks());
        }
        assertEquals(Map.of("x", Map.of(), "y", Map.of(PROJECT + "/only-y", "a")), crowd.answersSnapshot());
        assertTrue(fake.nextTaskCalls < 10, "NextTask was called " + fake.nextTaskCalls + " times while the lease ran");
    }

    @Test
    void aLongItemListIsOfferedInRotatingWindowsOfTheItemsStillToAnswer() {
        java.util.Map<String, String> recorded = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            recorded.put("i" + i, "0");
        }
        AnnotatorCrew.AnnotatorState state = new AnnotatorCrew.AnnotatorState(new ReplayAnnotator("w", recorded), "token");

        assertEquals(List.of("i0", "i1"), state.nextWindow(2));
        assertEquals(List.of("i2", "i3"), state.nextWindow(2));
        state.remaining.remove("i0");
        assertEquals(List.of("i4", "i1"), state.nextWindow(2), "wraps around and skips answered items");
        state.remaining.retainAll(java.util.Set.of("i3"));
        assertEquals(List.of("i3"), state.nextWindow(2), "never repeats an item within one window");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 20 s");
            Thread.sleep(20);
        }
    }
}
