package dev.centaur.cli.load;

import io.grpc.Status;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one kind of call did during a run: latencies of the measured window's calls (from their
 * intended send time, and the service time from the moment the call was actually sent, which
 * tells a slow service from a queue in front of it), successes and the units they carried (items
 * of a SubmitItems), empty answers (NextTask without a task), and failures by gRPC status, each
 * per phase.
 */
public final class OperationStats {

    private final String name;
    private final RunWindow window;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LatencyHistogram serviceTime = new LatencyHistogram();
    private final Map<RunWindow.Phase, LongAdder> successes = new EnumMap<>(RunWindow.Phase.class);
    private final Map<RunWindow.Phase, LongAdder> units = new EnumMap<>(RunWindow.Phase.class);
    private final Map<RunWindow.Phase, LongAdder> empty = new EnumMap<>(RunWindow.Phase.class);
    private final Map<RunWindow.Phase, Map<Status.Code, LongAdder>> errors = new EnumMap<>(RunWindow.Phase.class);
    /** When the last measured call finished: calls still running after the window stretch it. */
    private final AtomicLong lastMeasuredDoneNanos;

    public OperationStats(String name, RunWindow window) {
        this.name = name;
        this.window = window;
        this.lastMeasuredDoneNanos = new AtomicLong(window.measureEndNanos());
        for (RunWindow.Phase phase : RunWindow.Phase.values()) {
            successes.put(phase, new LongAdder());
            units.put(phase, new LongAdder());
            empty.put(phase, new LongAdder());
            errors.put(phase, new ConcurrentHashMap<>());
        }
    }

    public String name() {
        return name;
    }

    /**
     * A call that succeeded and carried {@code unitCount} units (items, answers). The phase is that
     * of {@code intendedNanos} (the intended time of the operation the call is part of); the
     * latency runs from {@code startNanos} (the intended time, or the moment a follow-up call
     * could be sent), the service time from {@code sentNanos} (when the call went out).
     */
    public void success(long intendedNanos, long startNanos, long sentNanos, long doneNanos, long unitCount) {
        RunWindow.Phase phase = finished(intendedNanos, startNanos, sentNanos, doneNanos);
        successes.get(phase).increment();
        units.get(phase).add(unitCount);
    }

    /** A call that succeeded with nothing to do (NextTask without a task). */
    public void empty(long intendedNanos, long startNanos, long sentNanos, long doneNanos) {
        RunWindow.Phase phase = finished(intendedNanos, startNanos, sentNanos, doneNanos);
        successes.get(phase).increment();
        empty.get(phase).increment();
    }

    public void failure(long intendedNanos, long startNanos, long sentNanos, long doneNanos, Status.Code code) {
        RunWindow.Phase phase = finished(intendedNanos, startNanos, sentNanos, doneNanos);
        errors.get(phase).computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    private RunWindow.Phase finished(long intendedNanos, long startNanos, long sentNanos, long doneNanos) {
        RunWindow.Phase phase = window.phaseOf(intendedNanos);
        if (phase == RunWindow.Phase.MEASURE) {
            latency.recordNanos(doneNanos - startNanos);
            serviceTime.recordNanos(doneNanos - sentNanos);
            lastMeasuredDoneNanos.accumulateAndGet(doneNanos, (a, b) -> b - a > 0 ? b : a);
        }
        return phase;
    }

    public LatencyHistogram latency() {
        return latency;
    }

    /** The measured window's calls from the moment they went out (no time in a queue). */
    public LatencyHistogram serviceTime() {
        return serviceTime;
    }

    public long successes(RunWindow.Phase phase) {
        return successes.get(phase).sum();
    }

    public long units(RunWindow.Phase phase) {
        return units.get(phase).sum();
    }

    public long empty(RunWindow.Phase phase) {
        return empty.get(phase).sum();
    }

    /** Failures of the phase by status, in the order of the status codes. */
    public Map<Status.Code, Long> errors(RunWindow.Phase phase) {
        Map<Status.Code, Long> copy = new TreeMap<>();
        errors.get(phase).forEach((code, count) -> copy.put(code, count.sum()));
        return copy;
    }

    public long errorCount(RunWindow.Phase phase) {
        return errors.get(phase).values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Calls of every phase that failed. */
    public long errorCount() {
        long count = 0;
        for (RunWindow.Phase phase : RunWindow.Phase.values()) {
            count += errorCount(phase);
        }
        return count;
    }

    /**
     * Time from the window's start until the last measured call finished, at least the window:
     * the span achieved rates divide by, so calls a stall pushed past the window lower them.
     */
    public long measuredSpanNanos() {
        return Math.max(window.measureNanos(), lastMeasuredDoneNanos.get() - window.measureStartNanos());
    }

    /** Units of the measured window's successful calls per second of {@link #measuredSpanNanos()}. */
    public double achievedUnitsPerSecond() {
        return units(RunWindow.Phase.MEASURE) * 1e9 / measuredSpanNanos();
    }

    /** Successful calls (with or without work) of the measured window per second. */
    public double achievedCallsPerSecond() {
        return successes(RunWindow.Phase.MEASURE) * 1e9 / measuredSpanNanos();
    }
}
