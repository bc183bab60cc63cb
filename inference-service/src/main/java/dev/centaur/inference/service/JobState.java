package dev.centaur.inference.service;

/** A FineTune job's state, stored by name. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED
}
