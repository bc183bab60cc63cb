package dev.centaur.cli.curve;

import dev.centaur.router.v1.CurveEvidence;
import dev.centaur.router.v1.CurvePoint;
import dev.centaur.router.v1.GetCurveResponse;
import dev.centaur.router.v1.OperatingPoint;
import dev.centaur.router.v1.PolicyMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The curve's table and picture, from a hand-made curve (no services). */
class CurveTableTest {

    static CurvePoint point(double threshold, double coverage, double modelAccuracy) {
        double overall = coverage * modelAccuracy + (1 - coverage) * 0.9;
        return CurvePoint.newBuilder().setThreshold(threshold).setCovered(Math.round(coverage * 400)).setCoverage(coverage)
                .setCoverageLow(coverage - 0.02).setCoverageHigh(coverage + 0.02)
                .setModelAccuracy(modelAccuracy).setModelAccuracyLow(modelAccuracy - 0.03).setModelAccuracyHigh(Math.min(1, modelAccuracy + 0.02))
                .setCrowdAccuracy(0.9).setCrowdAccuracyLow(0.87).setCrowdAccuracyHigh(0.93)
                .setOverallAccuracy(overall).setOverallAccuracyLow(overall - 0.03).setOverallAccuracyHigh(overall + 0.02)
                .setCostPerItem(0.02 + (1 - coverage) * 0.12).build();
    }

    static GetCurveResponse curve() {
        CurvePoint chosen = point(0.8, 0.7, 0.97);
        return GetCurveResponse.newBuilder()
                .addPoints(point(0.5, 0.95, 0.9)).addPoints(chosen).addPoints(point(0.95, 0.4, 0.99))
                .setOperatingPoint(OperatingPoint.newBuilder().setSatisfied(true).setThreshold(0.8).setPoint(chosen)
                        .setExplanation("lowest threshold whose overall lower bound reaches 0.90"))
                .setEvidence(CurveEvidence.newBuilder().setGoldenItems(400).setCrowdLabeledItems(120).setCrowdGoldPairs(0)
                        .setCrowdLabelsEnabled(true).setCrowdAccuracyAssumed(true)
                        .setDescription("400 held-out golden items; crowd accuracy assumed 0.90"))
                .setMode(PolicyMode.POLICY_MODE_TARGET_ACCURACY).setEffectiveThreshold(0.8).build();
    }

    @Test
    void theTableHasOneRowPerPointWithIntervalsAndMarksTheOperatingPoint() {
        String[] lines = CurveTable.render(curve()).split("\n");
        assertEquals(CurveTable.HEADER, lines[0]);
        assertEquals("  0.500     0.950    0.900 [0.870, 0.920]  0.900 [0.870, 0.930]  0.900 [0.870, 0.920]  0.0260", lines[1]);
        assertEquals("* 0.800     0.700    0.970 [0.940, 0.990]  0.900 [0.870, 0.930]  0.949 [0.919, 0.969]  0.0560", lines[2]);
        assertTrue(lines[3].startsWith("  0.950"), lines[3]);
        assertEquals("Operating point (*): threshold 0.800, mode TARGET_ACCURACY, effective threshold 0.800", lines[4]);
        assertEquals("  lowest threshold whose overall lower bound reaches 0.90", lines[5]);
        assertEquals("Evidence: 400 held-out golden items, 0 qc-reviewed items (0 model-labeled + 0 crowd-routed), "
                + "120 crowd-labeled items", lines[6]);
        assertEquals("Crowd accuracy: assumed 0.900 (nothing measured it yet)", lines[7]);
        assertEquals("  400 held-out golden items; crowd accuracy assumed 0.90", lines[8]);
    }

    @Test
    void theEvidenceSaysWhatJudgedTheModelAndWhatMeasuredTheCrowd() {
        GetCurveResponse measured = curve().toBuilder().setEvidence(CurveEvidence.newBuilder().setGoldenItems(40)
                .setQcReviewedItems(37).setQcReviewsModelRouted(30).setQcReviewsCrowdRouted(7)
                .setCrowdAccuracyTrials(57).setCrowdAccuracyCorrect(52).setCrowdProbeItems(20).setCrowdQcReviews(30)
                .setCrowdGoldPairs(7)).build();
        String[] lines = CurveTable.render(measured).split("\n");
        assertEquals("Evidence: 40 held-out golden items, 37 qc-reviewed items (30 model-labeled + 7 crowd-routed), "
                + "crowd-aggregated labels not used", lines[6]);
        assertEquals("Crowd accuracy: measured 0.900 [0.870, 0.930] on 57 checked crowd labels, 52 right "
                + "(20 golden probes, 30 qc reviews, 7 crowd/gold pairs)", lines[7]);

        GetCurveResponse leftOut = curve().toBuilder().setEvidence(CurveEvidence.newBuilder()
                .setQcReviewsModelRouted(12).setQcReviewsLeftOutReason("20 items went to the crowd but 1 of them"
                        + " were reviewed (5 needed)").setCrowdAccuracyAssumed(true)).build();
        assertTrue(CurveTable.render(leftOut).contains("0 qc-reviewed items (12 model-labeled + 0 crowd-routed; left out:"
                + " 20 items went to the crowd but 1 of them were reviewed (5 needed))"));
    }

    @Test
    void aCurveWithoutEvidenceSaysSo() {
        String text = CurveTable.render(GetCurveResponse.getDefaultInstance());
        assertTrue(text.startsWith("No curve yet: no evidence"), text);
    }

    @Test
    void thePictureIsAValidPngOfTheChartSize(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("curve.png");
        CurveChart.writePng(png, "test curve", curve());
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(bytes, 8));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(CurveChart.WIDTH, image.getWidth());
        assertEquals(CurveChart.HEIGHT, image.getHeight());
        assertTrue(hasColor(image), "the chart draws more than a blank canvas");
    }

    @Test
    void theSvgPictureIsXmlWithTheCurveAndTheOperatingPoint(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("curve.svg");
        CurveChart.writeSvg(svg, "test curve", curve());

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        Element root = document.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals(CurveChart.WIDTH, Double.parseDouble(root.getAttribute("width")));
        assertEquals(CurveChart.HEIGHT, Double.parseDouble(root.getAttribute("height")));
        String text = texts(document);
        assertTrue(text.contains("test curve"), text);
        assertTrue(text.contains("operating point: threshold 0.80, 30% relabeled, accuracy 0.949"), text);
        assertTrue(text.contains("expected overall accuracy (95% band)"), text);
        // The curve: a stroked path through the three points in the series colour, beside its band (a
        // filled closed path through the six ends of the three intervals).
        NodeList paths = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        boolean curveLine = false;
        boolean band = false;
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            String d = path.getAttribute("d");
            String style = ((Element) path.getParentNode()).getAttribute("style");
            curveLine |= style.contains("stroke:rgb(31,119,180)") && d.startsWith("M") && d.split("L").length == 3
                    && !d.contains("Z");
            band |= style.contains("fill:rgb(31,119,180)") && d.split("L").length == 6 && d.endsWith("Z");
        }
        assertTrue(band, "the 95% band");
        assertTrue(curveLine, "a stroked path of three points in the series colour");
    }

    private static String texts(Document document) {
        StringBuilder all = new StringBuilder();
        NodeList texts = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('\n');
        }
        return all.toString();
    }

    private static boolean hasColor(BufferedImage image) {
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int b = rgb & 0xff;
                if (r > 200 && b < 80) {
                    return true; // the red operating-point marker
                }
            }
        }
        return false;
    }
}
