package dev.centaur.inference.service;

import ai.djl.Device;
import dev.centaur.inference.model.DjlRuntime;
import jakarta.enterprise.context.ApplicationScoped;

/** The device every model kind runs on, chosen once: the first GPU DJL finds, else the CPU. */
@ApplicationScoped
public class DeviceHolder {

    private Device device;

    public synchronized Device device() {
        if (device == null) {
            device = DjlRuntime.chooseDevice();
        }
        return device;
    }
}
