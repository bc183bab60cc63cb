package dev.centaur.cli.demo;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.crowd.v1.NextTaskRequest;
import dev.centaur.crowd.v1.NextTaskResponse;
import dev.centaur.crowd.v1.RegisterAnnotatorRequest;
import dev.centaur.crowd.v1.SubmitAnswerRequest;
import dev.centaur.crowd.v1.Task;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs simulated annotators against crowd-service on a small thread pool. Each annotator is
 * registered once, then takes turns: NextTask / SubmitAnswer while tasks come, then waits (with
 * a growing pause) and asks again, until the crew is stopped. Annotators with a list of
 * answerable items send it as only_item_ids and retire when every item on it is answered.
 */
public final class AnnotatorCrew implements AutoCloseable {

    /** Tasks one annotator does in a turn before giving the thread to another. */
    static final int TASKS_PER_TURN = 20;
    /**
     * Item ids sent as only_item_ids per NextTask. A replayed worker may have thousands; sending
     * them all makes every call scan them, so the list is offered in rotating windows.
     */
    static final int ITEM_WINDOW = 64;
    static final Duration FIRST_IDLE_PAUSE = Duration.ofMillis(200);
    static final Duration ERROR_PAUSE = Duration.ofSeconds(1);
    private static final int MAX_NAME_LENGTH = 128;

    private final CentaurClients clients;
    private final String projectId;
    private final int threads;
    private final PrintStream log;
    private final DelayQueue<Turn> turns = new DelayQueue<>();
    private final AtomicLong answersSubmitted = new AtomicLong();
    private final AtomicLong tasksReceived = new AtomicLong();
    private final AtomicLong answersRefused = new AtomicLong();
    private final AtomicLong unanswerableTasks = new AtomicLong();
    private final AtomicLong retiredAnnotators = new AtomicLong();
    private volatile String lastTransientError;
    private volatile CliException failure;
    private volatile boolean stopping;
    private ExecutorService pool;
    private long maxIdlePauseMillis;

    public AnnotatorCrew(CentaurClients clients, String projectId, int threads, PrintStream log) {
        this.clients = clients;
        this.projectId = projectId;
        this.threads = threads;
        this.log = log;
    }

    /** Registers every annotator with crowd-service, then starts answering. */
    public void start(List<? extends SimulatedAnnotator> annotators) {
        // Many idle annotators polling often would only load crowd-service; more annotators, longer pauses.
        maxIdlePauseMillis = Math.max(1_000, Math.min(5_000, annotators.size() * 20L));
        for (SimulatedAnnotator annotator : annotators) {
            String name = truncate(projectId + "/" + annotator.name());
            String token = RpcFailure.call("RegisterAnnotator(" + name + ")", () -> clients.crowd()
                    .registerAnnotator(RegisterAnnotatorRequest.newBuilder().setName(name).build())).getToken();
            turns.put(new Turn(new AnnotatorState(annotator, token), 0));
        }
        pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "annotator-crew");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            pool.submit(this::work);
        }
    }

    public long answersSubmitted() {
        return answersSubmitted.get();
    }

    public long tasksReceived() {
        return tasksReceived.get();
    }

    /** SubmitAnswer calls refused (lease expired, already answered). */
    public long answersRefused() {
        return answersRefused.get();
    }

    /** Tasks for items an annotator had no answer for (left to expire). */
    public long unanswerableTasks() {
        return unanswerableTasks.get();
    }

    /** Annotators who answered every item on their list. */
    public long retiredAnnotators() {
        return retiredAnnotators.get();
    }

    public Optional<String> lastTransientError() {
        return Optional.ofNullable(lastTransientError);
    }

    /** Set when an RPC failed in a way retrying cannot fix; the crew stops then. */
    public Optional<CliException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        stopping = true;
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(clients.rpcTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        while (!stopping) {
            Turn turn;
            try {
                turn = turns.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (turn == null) {
                continue;
            }
            long pauseMillis = takeTurn(turn.state);
            if (pauseMillis >= 0) {
                turns.put(new Turn(turn.state, pauseMillis));
            }
        }
    }

    /** Answers tasks for one annotator; returns the pause before its next turn, or -1 to retire it. */
    long takeTurn(AnnotatorState state) {
        for (int i = 0; i < TASKS_PER_TURN && !stopping; i++) {
            if (state.restricted && state.remaining.isEmpty()) {
                retiredAnnotators.incrementAndGet();
                return -1; // An empty only_item_ids would mean "any item".
            }
            NextTaskResponse next;
            List<String> window = state.restricted ? state.nextWindow(ITEM_WINDOW) : List.of();
            try {
                NextTaskRequest.Builder request = NextTaskRequest.newBuilder().setProjectId(projectId);
                request.addAllOnlyItemIds(window);
                next = clients.crowdAs(state.token).nextTask(request.build());
            } catch (StatusRuntimeException e) {
                return onError("NextTask", state, e);
            }
            if (!next.hasTask() && state.restricted) {
                state.idleInRotation += window.size();
                if (state.idleInRotation < state.remaining.size()) {
                    continue; // nothing free in this window: try the next one at once
                }
            }
            state.idleInRotation = 0;
            if (!next.hasTask()) {
                state.idlePauseMillis = state.idlePauseMillis == 0 ? FIRST_IDLE_PAUSE.toMillis()
                        : Math.min(maxIdlePauseMillis, state.idlePauseMillis * 2);
                return state.idlePauseMillis;
            }
            state.idlePauseMillis = 0;
            tasksReceived.incrementAndGet();
            Task task = next.getTask();
            if (state.abandoned.contains(task.getItemId())) {
                // crowd-service hands a held assignment back until its lease ends: wait that out.
                return Math.max(ERROR_PAUSE.toMillis(), task.getLeaseExpiresAtEpochMs() - System.currentTimeMillis());
            }
            Optional<String> label = state.annotator.answer(task.getItemId());
            if (label.isEmpty()) {
                unanswerableTasks.incrementAndGet();
                state.abandoned.add(task.getItemId());
                state.remaining.remove(task.getItemId());
                continue;
            }
            try {
                clients.crowdAs(state.token).submitAnswer(SubmitAnswerRequest.newBuilder()
                        .setAssignmentId(task.getAssignmentId()).setLabel(label.get()).build());
                answersSubmitted.incrementAndGet();
                state.remaining.remove(task.getItemId());
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                if (code == Status.Code.FAILED_PRECONDITION || code == Status.Code.NOT_FOUND) {
                    // The lease expired or the item is done; the item may be offered again.
                    answersRefused.incrementAndGet();
                    lastTransientError = RpcFailure.describe("SubmitAnswer", e);
                    continue;
                }
                return onError("SubmitAnswer", state, e);
            }
        }
        return 0;
    }

    private long onError(String rpc, AnnotatorState state, StatusRuntimeException e) {
        String description = RpcFailure.describe(rpc, e) + " for annotator " + state.annotator.name();
        switch (e.getStatus().getCode()) {
            // NOT_FOUND on NextTask: crowd-service may not know the project until router hands it items.
            case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, NOT_FOUND -> {
                lastTransientError = description;
                return ERROR_PAUSE.toMillis();
            }
            default -> {
                if (failure == null) {
                    failure = new CliException(description, e);
                    log.println("Annotators stop: " + description);
                }
                stopping = true;
                return -1;
            }
        }
    }

    private static String truncate(String name) {
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH);
    }

    /** One registered annotator and what is left for it to answer; used by one thread at a time. */
    static final class AnnotatorState {
        final SimulatedAnnotator annotator;
        final String token;
        final boolean restricted;
        final Set<String> remaining;
        /** Items offered that this annotator has no answer for; their assignments are left to expire. */
        final Set<String> abandoned = new HashSet<>();
        /** The answerable items in a fixed order, for the rotating windows. */
        private final List<String> order;
        private int cursor;
        /** Items offered in windows since the last task; a whole rotation without one means idle. */
        int idleInRotation;
        long idlePauseMillis;

        AnnotatorState(SimulatedAnnotator annotator, String token) {
            this.annotator = annotator;
            this.token = token;
            this.order = new ArrayList<>(new TreeSet<>(annotator.answerableItemIds()));
            this.remaining = new HashSet<>(order);
            this.restricted = !remaining.isEmpty();
        }

        /** The next at most {@code size} remaining items after the last window, wrapping around once. */
        List<String> nextWindow(int size) {
            List<String> window = new ArrayList<>(size);
            for (int seen = 0; seen < order.size() && window.size() < size; seen++) {
                String id = order.get(cursor);
                cursor = (cursor + 1) % order.size();
                if (remaining.contains(id)) {
                    window.add(id);
                }
            }
            return window;
        }
    }

    private static final class Turn implements Delayed {
        final AnnotatorState state;
        final long dueNanos;

        Turn(AnnotatorState state, long pauseMillis) {
            this.state = state;
            this.dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Turn) other).dueNanos);
        }
    }
}
