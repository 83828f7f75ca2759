package org.nianbao.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ruled tables of a PDF page from its ruling segments: a table is a connected set of horizontal and
 * vertical borders; its rows are the bands between the borders that reach its right edge (the value
 * columns), and a row's cells are cut by the vertical borders crossing the middle of that band — so
 * merged cells (a group label spanning rows, a header spanning columns) come out as one cell.
 */
final class PdfTables {

  /** A table row: the band between two borders, and the x of the cell borders crossing it. */
  record Band(float top, float bottom, float[] columns) {}

  private static final float TOLERANCE = 2f;

  /** More segments than this on a page: too costly to connect pairwise, and no report table. */
  private static final int MAX_SEGMENTS = 3_000;

  private PdfTables() {}

  /** The bounding boxes {x1, y1, x2, y2} of the page's tables. */
  static List<float[]> regions(List<PdfRulings.Segment> segments) {
    int n = segments.size();
    if (n < 4 || n > MAX_SEGMENTS) {
      return List.of();
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (touch(segments.get(i), segments.get(j))) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    List<float[]> out = new ArrayList<>();
    boolean[] done = new boolean[n];
    for (int i = 0; i < n; i++) {
      int root = find(parent, i);
      if (done[root]) {
        continue;
      }
      done[root] = true;
      float[] box = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
      List<Float> ys = new ArrayList<>();
      List<Float> xs = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        if (find(parent, k) != root) {
          continue;
        }
        PdfRulings.Segment s = segments.get(k);
        box[0] = Math.min(box[0], s.x1());
        box[1] = Math.min(box[1], s.y1());
        box[2] = Math.max(box[2], s.x2());
        box[3] = Math.max(box[3], s.y2());
        (s.horizontal() ? ys : xs).add(s.horizontal() ? s.y1() : s.x1());
      }
      if (distinct(ys).length >= 2
          && distinct(xs).length >= 2
          && box[2] - box[0] >= 50
          && box[3] - box[1] >= 10) {
        out.add(box);
      }
    }
    return out;
  }

  /** The rows of a table, top to bottom. */
  static List<Band> bands(float[] table, List<PdfRulings.Segment> segments) {
    List<Float> borders = new ArrayList<>();
    borders.add(table[1]);
    borders.add(table[3]);
    for (PdfRulings.Segment s : segments) {
      if (s.horizontal() && inside(s, table) && s.x2() >= table[2] - TOLERANCE - 1) {
        borders.add(s.y1());
      }
    }
    float[] ys = distinct(borders);
    List<Band> out = new ArrayList<>();
    for (int i = 0; i + 1 < ys.length; i++) {
      float top = ys[i];
      float bottom = ys[i + 1];
      if (bottom - top < 3) {
        continue;
      }
      float middle = (top + bottom) / 2;
      List<Float> xs = new ArrayList<>(List.of(table[0], table[2]));
      for (PdfRulings.Segment s : segments) {
        if (!s.horizontal() && inside(s, table) && s.y1() <= middle && s.y2() >= middle) {
          xs.add(s.x1());
        }
      }
      out.add(new Band(top, bottom, distinct(xs)));
    }
    return out;
  }

  private static boolean inside(PdfRulings.Segment s, float[] box) {
    return s.x1() >= box[0] - TOLERANCE
        && s.x2() <= box[2] + TOLERANCE
        && s.y1() >= box[1] - TOLERANCE
        && s.y2() <= box[3] + TOLERANCE;
  }

  private static boolean touch(PdfRulings.Segment a, PdfRulings.Segment b) {
    return a.x1() <= b.x2() + TOLERANCE
        && b.x1() <= a.x2() + TOLERANCE
        && a.y1() <= b.y2() + TOLERANCE
        && b.y1() <= a.y2() + TOLERANCE;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Sorted values with those closer than 1.5 to the previous one dropped. */
  private static float[] distinct(List<Float> values) {
    float[] sorted = new float[values.size()];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = values.get(i);
    }
    Arrays.sort(sorted);
    float[] out = new float[sorted.length];
    int n = 0;
    for (float v : sorted) {
      if (n == 0 || v - out[n - 1] > 1.5f) {
        out[n++] = v;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
