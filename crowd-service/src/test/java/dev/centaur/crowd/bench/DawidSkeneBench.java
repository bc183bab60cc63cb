package dev.centaur.crowd.bench;

import dev.centaur.crowd.aggregation.Aggregate;
import dev.centaur.crowd.aggregation.DawidSkene;
import dev.centaur.crowd.aggregation.SyntheticCrowd;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Dawid-Skene at scale: generates 1,000,000 items x 10 answers (10,000 workers of skill 0.35-0.95,
 * 4 labels), fits DS on 2 threads, and prints the time, answers per second, peak memory and the
 * accuracy against the generated truth. A benchmark, not a test:
 *
 * <pre>
 * cd /work/main && mvn -B -q -o -pl crowd-service test-compile
 * java -Xmx3g -cp crowd-service/target/classes:crowd-service/target/test-classes \
 *     dev.centaur.crowd.bench.DawidSkeneBench [items] [threads]
 * </pre>
 */
public final class DawidSkeneBench {

    private static final int WORKERS = 10_000;
    private static final int LABELS = 4;
    private static final int ANSWERS_PER_ITEM = 10;
    private static final double MIN_SKILL = 0.35;
    private static final double MAX_SKILL = 0.95;

    private DawidSkeneBench() {
    }

    public static void main(String[] args) throws IOException {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long generateStart = System.nanoTime();
        SyntheticCrowd crowd = SyntheticCrowd.generate(42, items, WORKERS, LABELS, ANSWERS_PER_ITEM, MIN_SKILL,
                MAX_SKILL);
        double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
        System.out.printf("generated %,d answers (%,d items, %,d workers, %d labels) in %.2f s%n",
                crowd.answers.size(), items, WORKERS, LABELS, generateSeconds);

        DawidSkene dawidSkene = new DawidSkene(DawidSkene.DEFAULT_MAX_ITERATIONS, DawidSkene.DEFAULT_TOLERANCE,
                threads);
        long fitStart = System.nanoTime();
        Aggregate aggregate = dawidSkene.fit(crowd.answers);
        double fitSeconds = (System.nanoTime() - fitStart) / 1e9;

        System.out.printf("Dawid-Skene on %d thread(s): %.2f s, %,.0f answers/s%n", threads, fitSeconds,
                crowd.answers.size() / fitSeconds);
        System.out.printf("accuracy vs generated truth: DS %.4f (majority vote %.4f)%n", crowd.accuracy(aggregate),
                crowd.accuracy(new dev.centaur.crowd.aggregation.MajorityVote().fit(crowd.answers)));
        System.out.printf("peak heap (sum of pool peaks) %,d MB; process peak RSS (VmHWM) %s%n",
                peakHeapBytes() / (1 << 20), vmHighWaterMark());
        System.out.printf("load average at the end: %s", Files.readString(Path.of("/proc/loadavg")));
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String vmHighWaterMark() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM"))
                .map(line -> line.substring("VmHWM:".length()).trim()).findFirst().orElse("unknown");
    }
}
