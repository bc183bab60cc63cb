package dev.centaur.cli.export;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.router.v1.FinalLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LabelFileTest {

    private static final List<FinalLabel> LABELS = List.of(
            FinalLabel.newBuilder().setItemId("a").setLabel("1").setSource(LabelSource.LABEL_SOURCE_MODEL)
                    .setConfidence(0.987654).setModelVersion("m-v1").build(),
            FinalLabel.newBuilder().setItemId("b,\"quoted\"").setLabel("x\ny").setSource(LabelSource.LABEL_SOURCE_CROWD)
                    .setConfidence(0.5).setAnswersUsed(3).setModelVersion("m-v1").build(),
            FinalLabel.newBuilder().setItemId("c\\d\t").setLabel("0").setSource(LabelSource.LABEL_SOURCE_EXPERT)
                    .setConfidence(1).setAnswersUsed(2).setQcVerdict("CORRECTED").build());

    @TempDir
    Path dir;

    private List<FinalLabel> roundTrip(LabelFile.Format format) throws IOException {
        List<String> lines = new ArrayList<>();
        if (LabelFile.header(format) != null) {
            lines.add(LabelFile.header(format));
        }
        LABELS.forEach(label -> lines.add(LabelFile.line(format, label)));
        Path file = Files.write(dir.resolve("labels." + format), lines);
        return LabelFile.read(format, file);
    }

    @Test
    void jsonLinesReadBackEqualToWhatWasWritten() throws IOException {
        assertEquals(LABELS, roundTrip(LabelFile.Format.jsonl));
    }

    @Test
    void csvReadsBackEqualToWhatWasWrittenEvenWithCommasQuotesAndLineBreaks() throws IOException {
        assertEquals(LABELS, roundTrip(LabelFile.Format.csv));
    }

    @Test
    void jsonLineCarriesSourceConfidenceModelVersionAnswersAndVerdict() {
        assertEquals("{\"item_id\":\"c\\\\d\\t\",\"label\":\"0\",\"source\":\"EXPERT\",\"confidence\":1.000000,"
                + "\"answers_used\":2,\"model_version\":\"\",\"qc_verdict\":\"CORRECTED\"}", LabelFile.line(LabelFile.Format.jsonl, LABELS.get(2)));
    }
}
