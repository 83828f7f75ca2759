package org.nianbao.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;

/**
 * The printed form of one format version as the aligner sees it, derived from the cell catalogue:
 * for each table the rows in printed order, each with its label (compared by meaning, {@link
 * Labels#key}) and the cells its values fill, left to right.
 */
final class Template {

  /**
   * One printed row: catalogue row key, its own label as printed in the format, its group label
   * (（三）不予公开) or null, and its cells in column order.
   */
  record Row(String rowKey, String label, String group, List<CellDefinition> cells, int[] bigrams) {

    int width() {
      return cells.size();
    }
  }

  private static final Map<FormatVersion, Template> TEMPLATES = new EnumMap<>(FormatVersion.class);

  static {
    for (FormatVersion version : FormatVersion.values()) {
      TEMPLATES.put(version, new Template(Catalogue.of(version)));
    }
  }

  private final Catalogue catalogue;
  private final List<Row> section2;
  private final List<Row> section3;
  private final List<Row> section4;

  /**
   * Keys of the group and spanning labels of table 三 (不予公开, 本年度办理结果…), stripped from row labels.
   */
  private final List<String> section3Context;

  /** The first row of （六）其他处理 when the format splits it into sub-rows, else -1. */
  private final int otherFirst;

  private final int otherRows;
  private final int[] otherGroup;

  private Template(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.section2 = rows(catalogue, 2);
    this.section3 = rows(catalogue, 3);
    this.section4 = rows(catalogue, 4);
    Set<String> context = new LinkedHashSet<>();
    int first = -1;
    int count = 0;
    String otherLabel = null;
    for (int i = 0; i < section3.size(); i++) {
      Row row = section3.get(i);
      String[] segments = row.cells().get(0).rowLabel().split("/");
      if (segments.length >= 2) {
        context.add(Labels.key(segments[0]));
      }
      if (row.group() != null) {
        context.add(Labels.key(row.group()));
        if (Labels.key(row.group()).startsWith("其他")) {
          first = first < 0 ? i : first;
          count++;
          otherLabel = row.group();
        }
      }
    }
    context.remove("");
    this.section3Context = List.copyOf(context);
    this.otherFirst = first;
    this.otherRows = count;
    this.otherGroup = otherLabel == null ? new int[0] : Labels.bigrams(Labels.key(otherLabel));
  }

  static Template of(FormatVersion version) {
    return TEMPLATES.get(version);
  }

  Catalogue catalogue() {
    return catalogue;
  }

  List<Row> section(int section) {
    return switch (section) {
      case 2 -> section2;
      case 3 -> section3;
      default -> section4;
    };
  }

  List<String> section3Context() {
    return section3Context;
  }

  /** The first （六） sub-row, or -1 when the format prints （六）其他处理 as one row. */
  int otherFirst() {
    return otherFirst;
  }

  int otherRows() {
    return otherRows;
  }

  int[] otherGroup() {
    return otherGroup;
  }

  private static List<Row> rows(Catalogue catalogue, int section) {
    Map<String, List<CellDefinition>> byRow = new LinkedHashMap<>();
    for (CellDefinition cell : catalogue.cells()) {
      if (cell.section() == section) {
        byRow.computeIfAbsent(cell.rowKey(), k -> new ArrayList<>()).add(cell);
      }
    }
    List<Row> rows = new ArrayList<>();
    byRow.forEach(
        (rowKey, cells) -> {
          String[] segments = cells.get(0).rowLabel().split("/");
          String label = segments[segments.length - 1];
          String group = section == 3 && segments.length == 3 ? segments[1] : null;
          rows.add(
              new Row(rowKey, label, group, List.copyOf(cells), Labels.bigrams(Labels.key(label))));
        });
    return List.copyOf(rows);
  }
}
