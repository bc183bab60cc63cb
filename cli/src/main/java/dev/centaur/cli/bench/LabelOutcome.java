package dev.centaur.cli.bench;

/** One item's final label as a run delivered it: the label, its source and the crowd answers behind it. */
public record LabelOutcome(String label, String source, int answersUsed) {

    public boolean byModel() {
        return "MODEL".equals(source);
    }
}
