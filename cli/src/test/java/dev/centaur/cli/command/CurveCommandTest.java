package dev.centaur.cli.command;

import dev.centaur.router.v1.CurveEvidence;
import dev.centaur.router.v1.CurvePoint;
import dev.centaur.router.v1.GetCurveRequest;
import dev.centaur.router.v1.GetCurveResponse;
import dev.centaur.router.v1.OperatingPoint;
import dev.centaur.router.v1.RouterServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code centaur curve} against an in-test router: the table, and the picture as PNG and SVG. */
class CurveCommandTest {

    @TempDir
    Path dir;

    private static CurvePoint point(double threshold, double coverage) {
        return CurvePoint.newBuilder().setThreshold(threshold).setCoverage(coverage).setModelAccuracy(0.95)
                .setModelAccuracyLow(0.9).setModelAccuracyHigh(0.98).setCrowdAccuracy(0.88).setCrowdAccuracyLow(0.8)
                .setCrowdAccuracyHigh(0.93).setOverallAccuracy(0.92).setOverallAccuracyLow(0.87)
                .setOverallAccuracyHigh(0.95).setCostPerItem(0.05).build();
    }

    private static FakeRouterRun router(GetCurveResponse curve) {
        return new FakeRouterRun(new RouterServiceGrpc.RouterServiceImplBase() {
            @Override
            public void getCurve(GetCurveRequest request, StreamObserver<GetCurveResponse> response) {
                response.onNext(curve);
                response.onCompleted();
            }
        });
    }

    @Test
    void theCurveIsPrintedAndDrawnAsPngAndSvg() throws Exception {
        GetCurveResponse curve = GetCurveResponse.newBuilder().addPoints(point(0.6, 0.9)).addPoints(point(0.9, 0.5))
                .setOperatingPoint(OperatingPoint.newBuilder().setThreshold(0.9).setSatisfied(true).setPoint(point(0.9, 0.5)))
                .setEvidence(CurveEvidence.newBuilder().setGoldenItems(50).setCrowdAccuracyTrials(20)
                        .setCrowdAccuracyCorrect(18).setCrowdProbeItems(20)).build();
        Path png = dir.resolve("curve.png");
        Path svg = dir.resolve("curve.svg");
        try (FakeRouterRun router = router(curve)) {
            FakeRouterRun.Run run = router.run(new CurveCommand(), "--project", "p", "--png", png.toString(),
                    "--svg", svg.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("Evidence: 50 held-out golden items"), run.out());
            assertTrue(run.out().contains("Crowd accuracy: measured 0.880 [0.800, 0.930] on 20 checked crowd labels, 18 right"
                    + " (20 golden probes, 0 qc reviews, 0 crowd/gold pairs)"), run.out());
            assertTrue(run.out().contains("Curve picture: " + svg.toAbsolutePath()), run.out());
        }
        assertNotNull(ImageIO.read(png.toFile()));
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getTagName());
        assertTrue(Files.readString(svg).contains("Centaur p: quality against human relabeling"));
    }

    @Test
    void aCurveWithoutEvidenceCannotBeDrawn() {
        Path svg = dir.resolve("none.svg");
        try (FakeRouterRun router = router(GetCurveResponse.getDefaultInstance())) {
            FakeRouterRun.Run run = router.run(new CurveCommand(), "--project", "p", "--svg", svg.toString());
            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("centaur curve: no curve to draw yet for p (no evidence)"), run.err());
        }
        assertFalse(Files.exists(svg));
    }
}
