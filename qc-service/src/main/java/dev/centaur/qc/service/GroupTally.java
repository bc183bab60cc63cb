package dev.centaur.qc.service;

/** Labels of one group (a label value or a model version): offered, decided, and found right. */
public record GroupTally(String group, long offered, long decided, long correct) {
}
