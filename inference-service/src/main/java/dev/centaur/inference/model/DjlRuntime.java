package dev.centaur.inference.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Where the PyTorch engine runs, and the switches that must be set before it starts. */
public final class DjlRuntime {

    public static final String ENGINE = "PyTorch";
    /**
     * One intra-op thread by default: these models are small, and on a shared machine PyTorch's
     * OpenMP workers spin-wait for each other (a test went from 43 s to 4 s). Concurrent requests
     * still use every core.
     */
    public static final int DEFAULT_ENGINE_THREADS = 1;
    private static final String OFFLINE = "ai.djl.offline";
    private static final String THREADS = "ai.djl.pytorch.num_threads";
    private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    private DjlRuntime() {
    }

    /**
     * Keeps DJL from downloading anything at run time (the natives ship in the pytorch-native-cpu
     * jar) and sets PyTorch's thread counts (0 keeps PyTorch's default of one per core). Explicit
     * system properties win; has no effect once the engine has started.
     */
    public static void prepare(int engineThreads) {
        setIfAbsent(OFFLINE, "true");
        if (engineThreads > 0) {
            setIfAbsent(THREADS, Integer.toString(engineThreads));
            setIfAbsent(INTEROP_THREADS, Integer.toString(engineThreads));
        }
    }

    /** The first GPU when the engine reports one, else the CPU. */
    public static Device chooseDevice() {
        prepare(DEFAULT_ENGINE_THREADS);
        Engine engine = Engine.getEngine(ENGINE);
        return engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    public static String engineVersion() {
        prepare(DEFAULT_ENGINE_THREADS);
        return Engine.getEngine(ENGINE).getVersion();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
