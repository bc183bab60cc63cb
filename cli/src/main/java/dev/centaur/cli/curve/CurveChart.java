package dev.centaur.cli.curve;

import dev.centaur.router.v1.CurvePoint;
import dev.centaur.router.v1.GetCurveResponse;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The curve as a picture: expected overall accuracy with its 95% band against the share of items
 * relabeled by humans (1 - coverage), the operating point marked. Drawn headless (no display), as
 * PNG or as SVG (JFreeSVG's Graphics2D: vector shapes and text, scales without blur).
 */
public final class CurveChart {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;

    private CurveChart() {
    }

    public static JFreeChart build(String title, GetCurveResponse curve) {
        System.setProperty("java.awt.headless", "true");
        YIntervalSeries overall = new YIntervalSeries("expected overall accuracy (95% band)");
        List<CurvePoint> points = curve.getPointsList().stream()
                .sorted(Comparator.comparingDouble(CurvePoint::getCoverage).reversed()).toList();
        for (CurvePoint p : points) {
            overall.add(1 - p.getCoverage(), p.getOverallAccuracy(), p.getOverallAccuracyLow(), p.getOverallAccuracyHigh());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(overall);
        NumberAxis x = new NumberAxis("share relabeled by humans (1 - coverage)");
        x.setRange(0, 1);
        NumberAxis y = new NumberAxis("quality (expected accuracy)");
        y.setAutoRangeIncludesZero(false);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4));
        renderer.setSeriesFillPaint(0, new Color(0x1f, 0x77, 0xb4));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setAlpha(0.25f);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (curve.hasOperatingPoint() && curve.getOperatingPoint().hasPoint()) {
            CurvePoint chosen = curve.getOperatingPoint().getPoint();
            double relabeled = 1 - chosen.getCoverage();
            ValueMarker marker = new ValueMarker(relabeled, Color.RED, new BasicStroke(1.5f));
            plot.addDomainMarker(marker);
            XYPointerAnnotation label = new XYPointerAnnotation(String.format(Locale.ROOT,
                    "operating point: threshold %.2f, %.0f%% relabeled, accuracy %.3f",
                    chosen.getThreshold(), 100 * relabeled, chosen.getOverallAccuracy()),
                    relabeled, chosen.getOverallAccuracy(), relabeled < 0.5 ? -Math.PI / 4 : -3 * Math.PI / 4);
            // Text on the side of the point with more room, so it is never cut off at the plot's edge.
            label.setTextAnchor(relabeled < 0.5 ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
            label.setPaint(Color.RED);
            label.setArrowPaint(Color.RED);
            plot.addAnnotation(label);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    public static void writePng(Path file, String title, GetCurveResponse curve) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), build(title, curve), WIDTH, HEIGHT);
    }

    public static void writeSvg(Path file, String title, GetCurveResponse curve) throws IOException {
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        build(title, curve).draw(svg, new Rectangle(WIDTH, HEIGHT));
        // No DOCTYPE (SVG 2 has none): XML tools then never try to fetch the W3C's DTD.
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.getSVGElement() + "\n",
                StandardCharsets.UTF_8);
    }
}
