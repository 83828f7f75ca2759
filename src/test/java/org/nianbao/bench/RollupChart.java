package org.nianbao.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws rollup p99 per level against dataset size from {@code scale level p50 p99} lines
 * (bench/run.sh).
 */
final class RollupChart {

  private RollupChart() {}

  static void draw(Path data, Path png) throws IOException {
    Map<String, XYSeries> series = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(data);
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 4 || f[0].startsWith("#")) {
        continue;
      }
      double reports = Double.parseDouble(f[0]);
      series.computeIfAbsent(f[1], k -> new XYSeries(k)).add(reports, Double.parseDouble(f[3]));
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    series.values().forEach(dataset::addSeries);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Rollup p99 over HTTP vs dataset size",
            "reports in the database (millions)",
            "p99 latency (ms)",
            dataset,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < series.size(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    chart.getXYPlot().setRenderer(renderer);
    chart.getXYPlot().setBackgroundPaint(Color.WHITE);
    chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 540);
    System.out.println("CHART " + png);
  }
}
