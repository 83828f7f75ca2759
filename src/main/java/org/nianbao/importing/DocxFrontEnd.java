package org.nianbao.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads a .docx file into the document model with Apache POI: body paragraphs become paragraphs,
 * tables become grids with {@code w:gridSpan} and {@code w:vMerge} expanded.
 */
final class DocxFrontEnd {

  /**
   * No part of a report's .docx inflates beyond this (POI also refuses parts inflating over 100:1).
   */
  static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;

  static {
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
  }

  private DocxFrontEnd() {}

  static DocumentModel read(byte[] body) {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(body))) {
      List<Block> blocks = new ArrayList<>();
      for (IBodyElement element : doc.getBodyElements()) {
        if (element instanceof XWPFParagraph p) {
          paragraphs(p.getText(), blocks);
        } else if (element instanceof XWPFTable t) {
          blocks.add(table(t));
        } else if (element instanceof XWPFSDT sdt) {
          paragraphs(sdt.getContent().getText(), blocks);
        }
      }
      return new DocumentModel(blocks);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void paragraphs(String text, List<Block> blocks) {
    for (String line : text.split("\n")) {
      String t = Labels.trim(line);
      if (!t.isEmpty()) {
        blocks.add(new Block.Paragraph(t));
      }
    }
  }

  private static Block.Table table(XWPFTable table) {
    List<XWPFTableRow> rows = table.getRows();
    Grid grid = new Grid(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      XWPFTableRow row = rows.get(r);
      int col = gridBefore(row);
      for (XWPFTableCell cell : row.getTableCells()) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        int span = 1;
        boolean continued = false;
        if (pr != null) {
          if (pr.isSetGridSpan() && pr.getGridSpan().getVal() != null) {
            span = Math.max(1, Math.min(200, pr.getGridSpan().getVal().intValue()));
          }
          if (pr.isSetVMerge()) {
            continued = pr.getVMerge().getVal() != STMerge.RESTART;
          }
        }
        col = grid.nextFree(r, col);
        if (continued && r > 0) {
          grid.continueAbove(r, col, span);
        } else {
          grid.place(r, col, 1, span, cellText(cell));
        }
        col += span;
      }
    }
    return new Block.Table(grid.rows());
  }

  private static int gridBefore(XWPFTableRow row) {
    CTTrPr pr = row.getCtRow().getTrPr();
    if (pr != null && pr.sizeOfGridBeforeArray() > 0 && pr.getGridBeforeArray(0).getVal() != null) {
      return pr.getGridBeforeArray(0).getVal().intValue();
    }
    return 0;
  }

  /** The text of a cell: its paragraphs and nested tables, one line each. */
  private static String cellText(XWPFTableCell cell) {
    StringBuilder sb = new StringBuilder();
    for (IBodyElement element : cell.getBodyElements()) {
      String text;
      if (element instanceof XWPFParagraph p) {
        text = p.getText();
      } else if (element instanceof XWPFTable nested) {
        text = nested.getText();
      } else {
        continue;
      }
      String t = Labels.trim(text);
      if (!t.isEmpty()) {
        if (!sb.isEmpty()) {
          sb.append('\n');
        }
        sb.append(t);
      }
    }
    return sb.toString();
  }
}
