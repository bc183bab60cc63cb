package dev.centaur.qc.service;

import dev.centaur.qc.stats.StratifiedProportion;
import dev.centaur.qc.stats.StratifiedWilson;
import dev.centaur.qc.stats.Stratum;
import dev.centaur.qc.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The accuracy figures of one project from its strata (source, sampling rate), shared by the
 * report and the gauges so both always say the same. A source sampled at one rate gets exactly its
 * Wilson interval; a source sampled at several (the new-model boost) is stratified by rate.
 */
public record AccuracyEstimates(
        List<SourceAccuracy> sources,
        SourceAccuracy overall,
        SourceAccuracy stratified,
        double reviewedWeight) {

    public static AccuracyEstimates of(List<StratumTally> strata) {
        Map<FinalLabelSource, List<StratumTally>> bySource = strata.stream()
                .collect(Collectors.groupingBy(StratumTally::source, TreeMap::new, Collectors.toList()));
        List<SourceAccuracy> sources = new ArrayList<>();
        bySource.forEach((source, ofSource) -> {
            if (decided(ofSource) > 0) {
                sources.add(new SourceAccuracy(source, offered(ofSource), stratify(ofSource).proportion()));
            }
        });
        long decided = decided(strata);
        long correct = strata.stream().mapToLong(StratumTally::correct).sum();
        long offered = offered(strata);
        StratifiedProportion all = stratify(strata);
        return new AccuracyEstimates(sources,
                new SourceAccuracy(null, offered, WilsonInterval.of95(correct, decided)),
                new SourceAccuracy(null, offered, all.proportion()),
                all.reviewedWeight());
    }

    private static StratifiedProportion stratify(List<StratumTally> strata) {
        return StratifiedWilson.of95(strata.stream()
                .map(tally -> new Stratum(tally.offered(), tally.decided(), tally.correct())).toList());
    }

    private static long decided(List<StratumTally> strata) {
        return strata.stream().mapToLong(StratumTally::decided).sum();
    }

    private static long offered(List<StratumTally> strata) {
        return strata.stream().mapToLong(StratumTally::offered).sum();
    }
}
