package dev.centaur.inference.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Where the PyTorch engine runs, and the one switch that must be set before it starts. */
public final class DjlRuntime {

    public static final String ENGINE = "PyTorch";
    private static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private DjlRuntime() {
    }

    /**
     * Keeps DJL from downloading native libraries or models at run time: the natives ship in the
     * pytorch-native-cpu jar. Respects an explicit setting.
     */
    public static void ensureOffline() {
        if (System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
    }

    /** The first GPU when the engine reports one, else the CPU. */
    public static Device chooseDevice() {
        ensureOffline();
        Engine engine = Engine.getEngine(ENGINE);
        return engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    public static String engineVersion() {
        ensureOffline();
        return Engine.getEngine(ENGINE).getVersion();
    }
}
