package dev.centaur.cli.demo;

import dev.centaur.cli.launch.RunningServices;
import dev.centaur.router.v1.FinalLabel;

import java.nio.file.Path;
import java.util.List;

/** What a demo run produced: the report, every exported final label and the services it ran. */
public record DemoResult(
        String projectId,
        List<String> submittedItemIds,
        List<FinalLabel> exportedLabels,
        RunReport report,
        RunningServices services,
        Path runDir) {
}
