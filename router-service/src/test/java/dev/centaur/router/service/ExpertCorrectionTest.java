package dev.centaur.router.service;

import static dev.centaur.router.TestSupport.count;
import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.newProjectId;
import static dev.centaur.router.TestSupport.project;
import static dev.centaur.router.TestSupport.rows;
import static dev.centaur.router.TestSupport.text;
import static dev.centaur.router.TestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.crowd.v1.RecordExpertVerdictRequest;
import dev.centaur.qc.v1.ListCorrectionsRequest;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.ExportLabelsRequest;
import dev.centaur.router.v1.FinalLabel;
import dev.centaur.router.v1.PolicyMode;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.SubmittedItem;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Expert corrections pulled from qc (the in-test qc serves them; test page size 2) replace final
 * labels once each, are kept in the history, and are never offered back to qc.
 */
@QuarkusTest
@WithTestResource(FakePeers.class)
class ExpertCorrectionTest {

    @Inject
    RouterCalls calls;

    /** A project whose model labels every item "yes" (items i-0, i-1, ...), all offered to qc. */
    private String projectWithModelLabels(int items) {
        String projectId = calls.createProject(0.5, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));
        calls.submit(projectId, IntStream.range(0, items).mapToObj(i -> text("i-" + i, "yes|0.9"))
                .toArray(SubmittedItem[]::new));
        eventually(() -> assertEquals(items, FakePeers.QC.offered(projectId).size()));
        return projectId;
    }

    @Test
    void correctionReplacesTheFinalLabelKeepsTheOriginalAndIsNotOfferedAgain() {
        String projectId = projectWithModelLabels(3);

        FakePeers.QC.addCorrection(projectId, "i-1", "yes", "no", 2);

        eventually(() -> assertEquals(List.of("no", "EXPERT", "1.0", "v1", "0", "null"),
                calls.finalLabel(projectId, "i-1")));
        assertEquals(Map.of("i-0", "", "i-1", "CORRECTED", "i-2", ""), exportedVerdicts(projectId));
        Map<String, Long> bySource = calls.progress(projectId).getLabeledBySourceMap();
        assertEquals(1L, bySource.get("EXPERT"));
        assertEquals(2L, bySource.get("MODEL"));
        assertEquals(List.of(List.of("1", "i-1", "yes", "MODEL", "no", "2")), history(projectId));
        assertEquals(1, cursor(projectId));
        // Polls go on after the correction; none offers the expert's label back.
        int reads = FakePeers.QC.correctionReadsFor(projectId).size();
        eventually(() -> assertTrue(FakePeers.QC.correctionReadsFor(projectId).size() > reads + 1));
        long offersOfItem = FakePeers.QC.callsFor(projectId).stream()
                .flatMap(call -> call.getLabelsOfferedList().stream())
                .filter(label -> label.getItemId().equals("i-1")).count();
        assertEquals(1, offersOfItem);
        assertEquals("yes", FakePeers.QC.offered(projectId).get("i-1").getLabel());
    }

    @Test
    void correctionsArePagedAppliedOnceEachAndLaterOnesAreNotMissed() {
        String projectId = projectWithModelLabels(6);
        FakePeers.QC.addCorrections(projectId, List.of("i-0", "i-1", "i-2", "i-3", "i-4"), "yes", "no");

        eventually(() -> assertEquals(5, cursor(projectId)));
        assertEquals(5, history(projectId).size());
        // Page size 2: sequences 1-2, 3-4, 5, each page asked for after the one before.
        List<Long> afters = FakePeers.QC.correctionReadsFor(projectId).stream()
                .map(ListCorrectionsRequest::getAfter).distinct().toList();
        assertEquals(List.of(0L, 2L, 4L), afters.subList(0, 3));

        // Replaying from the start (as after a lost cursor) changes nothing.
        List<List<String>> labelsBefore = finalLabels(projectId);
        update(calls.dataSource, "UPDATE router.qc_correction_cursor SET last_sequence = 0 WHERE project_id = ?",
                projectId);
        eventually(() -> assertEquals(5, cursor(projectId)));
        assertEquals(5, history(projectId).size());
        assertEquals(labelsBefore, finalLabels(projectId));

        FakePeers.QC.addCorrection(projectId, "i-5", "yes", "no", 3);
        eventually(() -> assertEquals(6, cursor(projectId)));
        assertEquals(6L, calls.progress(projectId).getLabeledBySourceMap().get("EXPERT"));
    }

    @Test
    void correctionThatCannotApplyIsPassedOverWithoutBlockingTheNext() {
        String projectId = projectWithModelLabels(2);
        FakePeers.QC.addCorrection(projectId, "i-0", "yes", "maybe", 1);
        FakePeers.QC.addCorrection(projectId, "unknown-item", "yes", "no", 1);
        FakePeers.QC.addCorrection(projectId, "i-1", "yes", "no", 1);

        eventually(() -> assertEquals(3, cursor(projectId)));
        assertEquals(List.of(List.of("3", "i-1", "yes", "MODEL", "no", "1")), history(projectId));
        assertEquals("yes", calls.finalLabel(projectId, "i-0").get(0));
        assertEquals("MODEL", calls.finalLabel(projectId, "i-0").get(1));
    }

    @Test
    void correctionOfACrowdLabelReachesCrowdOnceAndOneOfAModelLabelDoesNot() {
        String crowdProject = calls.createProject(0.9, "yes", "no");
        calls.submit(crowdProject, text("c-1", "some text"));
        eventually(() -> assertEquals("WITH_CROWD", calls.status(crowdProject, "c-1")));
        assertTrue(calls.report(crowdProject, "c-1", "yes", 0.8, 3, LabelSource.LABEL_SOURCE_CROWD));
        eventually(() -> assertEquals(1, FakePeers.QC.offered(crowdProject).size()));
        String modelProject = projectWithModelLabels(1);

        FakePeers.QC.addCorrection(crowdProject, "c-1", "yes", "no", 2);
        FakePeers.QC.addCorrection(modelProject, "i-0", "yes", "no", 2);

        eventually(() -> assertEquals(1, FakePeers.CROWD.verdictCallsFor(crowdProject).size()));
        RecordExpertVerdictRequest verdict = FakePeers.CROWD.verdictCallsFor(crowdProject).get(0);
        assertEquals(List.of("c-1", "no", "1"), List.of(verdict.getItemId(), verdict.getExpertLabel(),
                String.valueOf(verdict.getCorrectionSequence())));
        eventually(() -> assertEquals(1, cursor(modelProject)));
        eventually(() -> assertEquals(1, count(calls.dataSource, "SELECT count(*) FROM router.crowd_verdict_outbox"
                + " WHERE project_id = ? AND outcome = 'SENT'", crowdProject)));
        // Later polls and outbox runs send nothing more.
        int reads = FakePeers.QC.correctionReadsFor(crowdProject).size();
        eventually(() -> assertTrue(FakePeers.QC.correctionReadsFor(crowdProject).size() > reads + 1));
        assertEquals(1, FakePeers.CROWD.verdictCallsFor(crowdProject).size());
        assertEquals(0, FakePeers.CROWD.verdictCallsFor(modelProject).size());
        assertEquals(0, count(calls.dataSource, "SELECT count(*) FROM router.crowd_verdict_outbox WHERE project_id = ?",
                modelProject));
    }

    @Test
    void offersCarryTheTargetAccuracyInTargetModeAndTheLowestThreshold() {
        String plain = projectWithModelLabels(1);
        OfferRequest plainOffer = FakePeers.QC.callsFor(plain).get(0);
        assertEquals(0.0, plainOffer.getTargetAccuracy());
        assertEquals(0.5, plainOffer.getModelThreshold(), 1e-9);

        String targeted = newProjectId();
        Project.Builder project = project(targeted, 0.6, "yes", "no");
        project.setPolicy(project.getPolicy().toBuilder()
                .setMode(PolicyMode.POLICY_MODE_TARGET_ACCURACY).setTargetAccuracy(0.9).setMinThreshold(0.7));
        calls.projects.createProject(CreateProjectRequest.newBuilder().setProject(project).build());
        FakePeers.INFERENCE.registerModel(targeted, "v1", List.of("yes", "no"));
        calls.submit(targeted, text("t-1", "no|0.95"));
        eventually(() -> assertEquals(1, FakePeers.QC.offered(targeted).size()));
        OfferRequest targetedOffer = FakePeers.QC.callsFor(targeted).get(0);
        assertEquals(0.9, targetedOffer.getTargetAccuracy(), 1e-9);
        // The floor 0.7 lifts the threshold 0.6: the lowest effective threshold is 0.7.
        assertEquals(0.7, targetedOffer.getModelThreshold(), 1e-9);
    }

    private Map<String, String> exportedVerdicts(String projectId) {
        Map<String, String> verdicts = new TreeMap<>();
        calls.router.exportLabels(ExportLabelsRequest.newBuilder().setProjectId(projectId).build())
                .forEachRemaining(response -> {
                    FinalLabel label = response.getLabel();
                    verdicts.put(label.getItemId(), label.getQcVerdict());
                });
        return verdicts;
    }

    private List<List<String>> history(String projectId) {
        return rows(calls.dataSource, """
                SELECT sequence, item_id, previous_label, previous_source, corrected_label, reviews
                FROM router.label_correction WHERE project_id = ? ORDER BY sequence""", projectId);
    }

    private List<List<String>> finalLabels(String projectId) {
        return rows(calls.dataSource, """
                SELECT item_id, label, source, qc_verdict FROM router.final_label
                WHERE project_id = ? ORDER BY item_id""", projectId);
    }

    private long cursor(String projectId) {
        return count(calls.dataSource,
                "SELECT coalesce(max(last_sequence), -1) FROM router.qc_correction_cursor WHERE project_id = ?",
                projectId);
    }
}
