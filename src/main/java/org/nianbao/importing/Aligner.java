package org.nianbao.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns the value runs of one table to the rows of its template by dynamic programming (a global
 * sequence alignment): runs and rows are taken in printed order; a run whose size fits a row may
 * fill it, scored by how well the labels printed around the run match the row's label; runs that
 * fit no row (page numbers, placeholder tables, spurious header rows) and rows never printed may be
 * skipped at a cost. A run that carries no label is placed by the form's fixed structure (row order
 * and width); a run whose label names another row is not forced into this one. The result says, row
 * by row, which run filled it and how the match was made.
 */
final class Aligner {

  /** How a row was read. */
  enum Fill {
    /** Its values were read from one run, or from a share of a run spanning several rows. */
    VALUES,
    /** Its label was found with too few values to place them: every cell unread. */
    PARTIAL,
    /** Printed merged with its sibling rows (（六）其他处理 as one row): every cell unread. */
    MERGED,
    /** Not found. */
    NONE
  }

  /** The reading of one template row. */
  record RowReading(Fill fill, Run run, int offset, String label, String match) {
    static final RowReading NONE = new RowReading(Fill.NONE, null, 0, null, null);
  }

  /** What the labels around one run say about each template row. */
  private record Scores(
      double[] sim, double[] raw, String[] label, double best, double second, double other) {}

  /**
   * Weights of label evidence: printed on the run's own line it is the row's; on lines before or
   * after it may be a wrapped part of the label or a detached label of another row (extractions
   * that lose the table print labels and values apart), so it counts for less.
   */
  private static final double BEFORE = 0.5;

  private static final double AFTER = 0.4;
  private static final double SKIP_ROW = 0.8;
  private static final double SKIP_RUN = 0.8;
  private static final double SKIP_SHORT_RUN = 0.05;

  private Aligner() {}

  /**
   * Aligns runs to rows. {@code context} lists label keys spanning several rows (group labels) that
   * are stripped from a printed label before it is compared; {@code merged} (the first row of a
   * group the document may print as one row, its size and its label's bigrams) may be null.
   */
  static List<RowReading> align(
      List<Run> runs,
      List<Template.Row> rows,
      List<String> context,
      int mergedFirst,
      int mergedRows,
      int[] mergedLabel) {
    return align(runs, rows, context, mergedFirst, mergedRows, mergedLabel, true);
  }

  /**
   * As above; {@code spanning} allows one run to fill several consecutive rows (their widths
   * summed).
   */
  static List<RowReading> align(
      List<Run> runs,
      List<Template.Row> rows,
      List<String> context,
      int mergedFirst,
      int mergedRows,
      int[] mergedLabel,
      boolean spanning) {
    int m = runs.size();
    int n = rows.size();
    Scores[] scores = new Scores[m];
    for (int i = 0; i < m; i++) {
      scores[i] = score(runs.get(i), rows, context, mergedLabel);
    }
    double[][] dp = new double[m + 1][n + 1];
    int[][] move = new int[m + 1][n + 1];
    for (double[] row : dp) {
      java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    dp[0][0] = 0;
    // move codes: 1 skip run, 2 skip row, 3 values, 4 partial, 5 merged, 10+t spans t rows
    for (int i = 0; i <= m; i++) {
      for (int j = 0; j <= n; j++) {
        double here = dp[i][j];
        if (here == Double.NEGATIVE_INFINITY) {
          continue;
        }
        if (j < n) {
          relax(dp, move, i, j + 1, here - SKIP_ROW, 2);
        }
        if (i == m) {
          continue;
        }
        Run run = runs.get(i);
        Scores s = scores[i];
        int width = j < n ? rows.get(j).width() : rows.get(n - 1).width();
        relax(
            dp,
            move,
            i + 1,
            j,
            here - (run.fits(width) && !run.allBlank() ? SKIP_RUN : SKIP_SHORT_RUN),
            1);
        if (j == n) {
          continue;
        }
        double sim = s.sim()[j];
        if (run.fits(width)) {
          double gain = run.allBlank() && sim < 0.5 ? 0.05 : 0.5 + 2 * sim - 1.5 * s.best();
          relax(dp, move, i + 1, j + 1, here + gain, 3);
        } else if (run.size() < width
            && !run.allBlank()
            && s.raw()[j] >= 0.7
            && sim >= 0.45
            && sim >= s.best() - 1e-9) {
          // the row's label, printed on the run's line or just before it, with too few values to
          // place
          relax(dp, move, i + 1, j + 1, here + 0.2 + 2 * sim - 1.5 * s.best(), 4);
        }
        if (j == mergedFirst
            && mergedRows > 1
            && j + mergedRows <= n
            && run.fits(width)
            && s.other() >= 0.7) {
          double gain = 0.3 + 2 * s.other() - 1.5 * Math.max(s.best(), s.other());
          relax(dp, move, i + 1, j + mergedRows, here + gain, 5);
        }
        if (spanning && run.size() > width && !run.allBlank()) {
          int sum = width;
          for (int t = 2; j + t <= n; t++) {
            sum += rows.get(j + t - 1).width();
            if (sum == run.size()) {
              relax(dp, move, i + 1, j + t, here + 0.45 * t - 0.5 * s.best() + 0.5 * sim, 10 + t);
            }
            if (sum >= run.size()) {
              break;
            }
          }
        }
      }
    }
    List<RowReading> out = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      out.add(RowReading.NONE);
    }
    int i = m;
    int j = n;
    while (i > 0 || j > 0) {
      int mv = move[i][j];
      switch (mv) {
        case 1 -> i--;
        case 2 -> j--;
        case 3 -> {
          i--;
          j--;
          Scores s = scores[i];
          out.set(
              j,
              new RowReading(Fill.VALUES, runs.get(i), 0, s.label()[j], kind(rows.get(j), s, j)));
        }
        case 4 -> {
          i--;
          j--;
          out.set(j, new RowReading(Fill.PARTIAL, runs.get(i), 0, scores[i].label()[j], "nearest"));
        }
        case 5 -> {
          i--;
          j -= mergedRows;
          for (int k = 0; k < mergedRows; k++) {
            out.set(j + k, new RowReading(Fill.MERGED, runs.get(i), 0, null, "nearest"));
          }
        }
        default -> {
          int t = mv - 10;
          i--;
          j -= t;
          int offset = 0;
          for (int k = 0; k < t; k++) {
            out.set(j + k, new RowReading(Fill.VALUES, runs.get(i), offset, null, "structure"));
            offset += rows.get(j + k).width();
          }
        }
      }
    }
    return out;
  }

  private static void relax(double[][] dp, int[][] move, int i, int j, double value, int code) {
    if (value > dp[i][j]) {
      dp[i][j] = value;
      move[i][j] = code;
    }
  }

  /**
   * How the label matched: as printed, as normalised, nearest with a margin, or only by structure.
   */
  private static String kind(Template.Row row, Scores s, int j) {
    String printed = s.label()[j];
    double sim = s.raw()[j];
    if (printed != null && sim > 0) {
      if (Labels.trim(printed).equals(row.label())) {
        return "exact";
      }
      if (Labels.normalise(printed).equals(Labels.normalise(row.label())) || sim >= 0.999) {
        // the same words once group labels are stripped and wrapped pieces joined
        return "normalised";
      }
      if (sim >= 0.5 && s.sim()[j] >= s.best() - 1e-9 && s.sim()[j] - s.second() >= 0.05) {
        return "nearest";
      }
    }
    return "structure";
  }

  /** Compares every label candidate around a run with every row. */
  private static Scores score(
      Run run, List<Template.Row> rows, List<String> context, int[] mergedLabel) {
    List<String> texts = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    List<String> same = run.same();
    List<String> before = run.before();
    List<String> after = run.after();
    String sameJoined = String.join("", same);
    for (String t : same) {
      add(texts, weights, t, 1.0);
    }
    if (same.size() > 1) {
      add(texts, weights, sameJoined, 1.0);
      add(texts, weights, String.join("", same.subList(same.size() - 2, same.size())), 1.0);
    }
    String suffix = "";
    for (int k = before.size() - 1; k >= Math.max(0, before.size() - 3); k--) {
      suffix = before.get(k) + suffix;
      add(texts, weights, suffix, BEFORE);
      if (!same.isEmpty()) {
        add(texts, weights, suffix + sameJoined, 0.95);
      }
    }
    String prefix = sameJoined;
    for (int k = 0; k < Math.min(3, after.size()); k++) {
      prefix = prefix + after.get(k);
      add(texts, weights, prefix, same.isEmpty() ? AFTER : 0.95);
    }
    // a label wrapped above and below its values line (centred in a tall cell): the pieces joined
    String around = "";
    for (int k = before.size() - 1; k >= Math.max(0, before.size() - 3) && !same.isEmpty(); k--) {
      around = before.get(k) + around;
      String joined = around + sameJoined;
      for (int a = 0; a < Math.min(3, after.size()); a++) {
        joined = joined + after.get(a);
        add(texts, weights, joined, 0.95);
      }
    }
    int n = rows.size();
    double[] sim = new double[n];
    double[] rawSim = new double[n];
    String[] label = new String[n];
    double other = 0;
    for (int c = 0; c < texts.size(); c++) {
      String key = Labels.key(texts.get(c));
      for (String ctx : context) {
        if (key.length() > ctx.length() && key.contains(ctx)) {
          key = key.replace(ctx, "");
        }
      }
      int[] grams = Labels.bigrams(key);
      double w = weights.get(c);
      for (int j = 0; j < n; j++) {
        double dice = Labels.dice(grams, rows.get(j).bigrams());
        double d = w * dice;
        if (d > sim[j]) {
          sim[j] = d;
          rawSim[j] = dice;
          label[j] = texts.get(c);
        }
      }
      if (mergedLabel != null && mergedLabel.length > 0) {
        other =
            Math.max(other, w * Labels.dice(Labels.bigrams(Labels.key(texts.get(c))), mergedLabel));
      }
    }
    double best = 0;
    double second = 0;
    for (double d : sim) {
      if (d > best) {
        second = best;
        best = d;
      } else if (d > second) {
        second = d;
      }
    }
    return new Scores(sim, rawSim, label, best, second, other);
  }

  private static void add(List<String> texts, List<Double> weights, String text, double weight) {
    if (!text.isEmpty() && text.length() <= 80) {
      texts.add(text);
      weights.add(weight);
    }
  }
}
