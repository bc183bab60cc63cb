package dev.centaur.cli.load;

import io.grpc.Status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of a load run as markdown: what was offered, one row per operation (offered and
 * achieved rate, latency percentiles from the intended send time, errors by status), the
 * lost-work line and the verdict against the goal: zero lost, zero errors.
 *
 * @param title the heading
 * @param setup lines that say what was offered and on what machine
 * @param rows one per operation, measured window only
 * @param notes lines about warm-up, drain and the crowd share
 * @param lostWork the lost-work check
 * @param errors failed calls in every phase (warm-up, window, drain)
 * @param drained whether every acknowledged item had its final label within the drain timeout
 */
public record LoadReport(String title, List<String> setup, List<Row> rows, List<String> notes, LostWork lostWork,
        long errors, boolean drained) {

    /**
     * One operation in the measured window.
     *
     * @param operation the RPC
     * @param offered the offered rate, in words (e.g. "20.0 items (2.0 calls)")
     * @param achieved the achieved rate, in words
     * @param calls calls whose intended time fell in the window and that finished
     * @param p50Micros median latency
     * @param p99Micros 99th percentile
     * @param maxMicros the largest
     * @param serviceP50Micros median time from the call's actual send (no queue)
     * @param serviceP99Micros 99th percentile of that
     * @param errors failures in the window by status
     */
    public record Row(String operation, String offered, String achieved, long calls, long p50Micros, long p99Micros,
            long maxMicros, long serviceP50Micros, long serviceP99Micros, Map<Status.Code, Long> errors) {

        public static Row of(OperationStats stats, String offered, String achieved) {
            LatencyHistogram latency = stats.latency();
            LatencyHistogram service = stats.serviceTime();
            return new Row(stats.name(), offered, achieved, latency.count(), latency.percentileMicros(50),
                    latency.percentileMicros(99), latency.maxMicros(), service.percentileMicros(50),
                    service.percentileMicros(99), stats.errors(RunWindow.Phase.MEASURE));
        }
    }

    /** Zero lost, zero errors, and every acknowledged item labeled in time. */
    public boolean passed() {
        return errors == 0 && drained && lostWork.nothingLost();
    }

    public String verdict() {
        if (passed()) {
            return "Result: PASS: zero lost, zero errors (goal: zero lost, zero errors at the stated rates).";
        }
        StringBuilder reasons = new StringBuilder();
        if (errors > 0) {
            reasons.append(errors).append(" failed calls; ");
        }
        if (!drained) {
            // Unlabeled items may be late rather than lost: only what is wrong already is called lost.
            reasons.append(lostWork.lostItems()).append(" acknowledged items still without a final label when the drain "
                    + "timed out (late or lost); ");
        }
        if (drained ? !lostWork.nothingLost() : lostWork.misplacedOrCountedTwice()) {
            reasons.append("work was lost or counted twice; ");
        }
        return "Result: FAIL: " + reasons.substring(0, reasons.length() - 2)
                + " (goal: zero lost, zero errors at the stated rates).";
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        setup.forEach(line -> md.append(line).append('\n'));
        md.append('\n');
        md.append("| operation | offered /s | achieved /s | calls | p50 ms | p99 ms | max ms | service p50 / p99 ms | errors |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s / %s | %s |%n", row.operation(),
                    row.offered(), row.achieved(), row.calls(), millis(row.p50Micros()), millis(row.p99Micros()),
                    millis(row.maxMicros()), millis(row.serviceP50Micros()), millis(row.serviceP99Micros()),
                    errorText(row.errors())));
        }
        md.append('\n');
        notes.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("- ").append(lostWork.summary()).append('\n');
        md.append('\n').append(verdict()).append('\n');
        return md.toString();
    }

    static String millis(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    /** "0", or the failures by status, most frequent first. */
    static String errorText(Map<Status.Code, Long> errors) {
        long total = errors.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "0";
        }
        return errors.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<Status.Code, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
