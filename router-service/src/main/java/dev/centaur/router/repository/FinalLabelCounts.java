package dev.centaur.router.repository;

import dev.centaur.router.service.LabelSourceName;
import java.util.Map;

/** A project's final labels per source, crowd answers behind them and how many went to qc. */
public record FinalLabelCounts(Map<LabelSourceName, Long> bySource, long crowdAnswers, long offeredToQc) {

    public long labeled() {
        return bySource.values().stream().mapToLong(Long::longValue).sum();
    }
}
