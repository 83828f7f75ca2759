package org.nianbao.importing;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The ruling lines of a PDF page — table borders drawn as stroked lines or as thin filled
 * rectangles, as word processors export them — as horizontal and vertical segments in the text's
 * coordinates (x from the left, y from the top of the crop box).
 */
final class PdfRulings extends PDFGraphicsStreamEngine {

  /**
   * A horizontal ({@code x1..x2} at {@code y1 == y2}) or vertical ({@code y1..y2} at {@code x1 ==
   * x2}) segment.
   */
  record Segment(float x1, float y1, float x2, float y2) {

    boolean horizontal() {
      return y1 == y2;
    }
  }

  /**
   * A rectangle thinner than this is a line; a stroke shorter than {@link #MIN_LENGTH} is not a
   * border.
   */
  private static final float MAX_THICKNESS = 2.5f;

  private static final float MIN_LENGTH = 4f;

  /**
   * A page with more segments than this is a drawing, not a table page; its rulings are ignored.
   */
  private static final int MAX_SEGMENTS = 20_000;

  private final float left;
  private final float top;
  private final List<float[]> path = new ArrayList<>();
  private final List<float[]> rectangles = new ArrayList<>();
  private final List<Segment> segments = new ArrayList<>();
  private Point2D.Float current = new Point2D.Float();
  private Point2D.Float start = new Point2D.Float();

  private PdfRulings(PDPage page) {
    super(page);
    PDRectangle crop = page.getCropBox();
    this.left = crop.getLowerLeftX();
    this.top = crop.getUpperRightY();
  }

  /**
   * The ruling segments of a page (empty for a rotated page or one drawn with too many of them).
   */
  static List<Segment> of(PDPage page) throws IOException {
    if (page.getRotation() % 360 != 0) {
      return List.of();
    }
    PdfRulings engine = new PdfRulings(page);
    engine.processPage(page);
    return engine.segments.size() > MAX_SEGMENTS ? List.of() : engine.segments;
  }

  @Override
  public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    float x1 = (float) Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
    float x2 = (float) Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
    float y1 = (float) Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
    float y2 = (float) Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
    rectangles.add(new float[] {x1, y1, x2, y2});
    current = new Point2D.Float((float) p0.getX(), (float) p0.getY());
    start = current;
  }

  @Override
  public void moveTo(float x, float y) {
    current = new Point2D.Float(x, y);
    start = current;
  }

  @Override
  public void lineTo(float x, float y) {
    path.add(new float[] {current.x, current.y, x, y});
    current = new Point2D.Float(x, y);
  }

  @Override
  public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    current = new Point2D.Float(x3, y3);
  }

  @Override
  public Point2D getCurrentPoint() {
    return current;
  }

  @Override
  public void closePath() {
    if (current.x != start.x || current.y != start.y) {
      lineTo(start.x, start.y);
    }
  }

  @Override
  public void endPath() {
    clear();
  }

  @Override
  public void strokePath() {
    for (float[] l : path) {
      add(l[0], l[1], l[2], l[3]);
    }
    for (float[] r : rectangles) {
      add(r[0], r[1], r[2], r[1]);
      add(r[0], r[3], r[2], r[3]);
      add(r[0], r[1], r[0], r[3]);
      add(r[2], r[1], r[2], r[3]);
    }
    clear();
  }

  @Override
  public void fillPath(int windingRule) {
    for (float[] r : rectangles) {
      float w = r[2] - r[0];
      float h = r[3] - r[1];
      if (h <= MAX_THICKNESS && w >= MIN_LENGTH) {
        add(r[0], (r[1] + r[3]) / 2, r[2], (r[1] + r[3]) / 2);
      } else if (w <= MAX_THICKNESS && h >= MIN_LENGTH) {
        add((r[0] + r[2]) / 2, r[1], (r[0] + r[2]) / 2, r[3]);
      }
    }
    clear();
  }

  @Override
  public void fillAndStrokePath(int windingRule) {
    strokePath();
  }

  @Override
  public void clip(int windingRule) {
    // a clipping path draws nothing; the path is ended by the n operator that follows
  }

  @Override
  public void drawImage(PDImage pdImage) {}

  @Override
  public void shadingFill(COSName shadingName) {}

  private void clear() {
    path.clear();
    rectangles.clear();
  }

  /** Keeps axis-parallel segments, converted to the text's coordinates (y from the top). */
  private void add(float x1, float y1, float x2, float y2) {
    if (segments.size() > MAX_SEGMENTS) {
      return;
    }
    float ax = Math.min(x1, x2) - left;
    float bx = Math.max(x1, x2) - left;
    float ay = top - Math.max(y1, y2);
    float by = top - Math.min(y1, y2);
    if (by - ay <= 0.5f && bx - ax >= MIN_LENGTH) {
      float y = (ay + by) / 2;
      segments.add(new Segment(ax, y, bx, y));
    } else if (bx - ax <= 0.5f && by - ay >= MIN_LENGTH) {
      float x = (ax + bx) / 2;
      segments.add(new Segment(x, ay, x, by));
    }
  }
}
