package dev.centaur.cli.bench;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The bench's picture, like the seed post's: accuracy against the share relabeled by humans when
 * the model keeps its most confident items and the crowd-only labels cover the rest, with the
 * four measured runs marked as points.
 */
public final class CurvePicture {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;
    private static final Color[] POINT_COLOURS = {Color.BLACK, new Color(0xd6, 0x27, 0x28), new Color(0x2c, 0xa0, 0x2c),
            new Color(0x94, 0x67, 0xbd)};

    private CurvePicture() {
    }

    public static JFreeChart build(String title, List<RelabelingCurve.Point> curve, HeadlineTable table) {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries line = new XYSeries("model's most confident items + crowd-only labels for the rest", false);
        curve.forEach(point -> line.add(point.relabeledShare(), point.accuracy()));
        data.addSeries(line);
        for (HeadlineTable.Row row : table.rows()) {
            XYSeries measured = new XYSeries(row.name() + " (measured run)");
            measured.add(1 - row.modelShare(), row.accuracy());
            data.addSeries(measured);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesShapesVisible(0, false);
        for (int i = 1; i < data.getSeriesCount(); i++) {
            renderer.setSeriesLinesVisible(i, false);
            renderer.setSeriesShapesVisible(i, true);
            renderer.setSeriesPaint(i, POINT_COLOURS[(i - 1) % POINT_COLOURS.length]);
        }
        NumberAxis x = new NumberAxis("share relabeled by humans");
        x.setRange(-0.02, 1.02);
        NumberAxis y = new NumberAxis("accuracy against gold (evaluated items)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    public static void writePng(Path file, String title, List<RelabelingCurve.Point> curve, HeadlineTable table) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), build(title, curve, table), WIDTH, HEIGHT);
    }
}
