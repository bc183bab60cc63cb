package dev.centaur.cli.demo;

/** QC's measurement for one label source: expert reviews, how many agreed, 95% Wilson interval. */
public record QcAccuracy(String source, long reviews, long correct, double accuracy, double lower, double upper) {
}
