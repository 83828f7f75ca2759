package org.nianbao.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;

/**
 * Normalised labels of one catalogue, built once per format version: the row labels of sections 二 and
 * 三, the section 二 column labels and the group labels （三）…（六）, with a tiered matcher (exact, without
 * note, without numbering, unique prefix).
 */
final class LabelIndex {

  /** A catalogue row: its key part, its own (leaf) label and its group label, normalised. */
  record Row(String rowKey, String leaf, String group, List<CellDefinition> cells, List<String> forms) {

    Row(String rowKey, String leaf, String group, List<CellDefinition> cells) {
      this(rowKey, leaf, group, cells, TIERS.stream().map(t -> t.apply(leaf)).toList());
    }
  }

  /** Matching tiers, strictest first: as printed, without note, without numbering, without both. */
  private static final List<UnaryOperator<String>> TIERS =
      List.of(
          s -> s,
          Labels::core,
          Labels::unnumbered,
          s -> Labels.core(Labels.unnumbered(s)));

  private static final Map<FormatVersion, LabelIndex> INDEXES = new EnumMap<>(FormatVersion.class);

  static {
    for (FormatVersion version : FormatVersion.values()) {
      INDEXES.put(version, new LabelIndex(Catalogue.of(version)));
    }
  }

  private final Catalogue catalogue;
  private final List<Row> section2Rows;
  private final List<Row> section3Rows;
  private final Set<String> groups = new LinkedHashSet<>();
  private final Set<String> tops = new LinkedHashSet<>();
  private final Map<String, String> section2Columns = new HashMap<>();

  private LabelIndex(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.section2Rows = rows(catalogue, 2);
    this.section3Rows = rows(catalogue, 3);
    for (CellDefinition cell : catalogue.cells()) {
      if (cell.section() == 2) {
        String label = Labels.normalise(cell.columnLabel());
        section2Columns.put(label, cell.columnKey());
        section2Columns.putIfAbsent(Labels.core(label), cell.columnKey());
      }
      if (cell.section() == 3) {
        String[] segments = cell.rowLabel().split("/");
        if (segments.length >= 2) {
          tops.add(Labels.normalise(segments[0]));
        }
        if (segments.length == 3) {
          groups.add(Labels.normalise(segments[1]));
        }
      }
    }
  }

  static LabelIndex of(FormatVersion version) {
    return INDEXES.get(version);
  }

  Catalogue catalogue() {
    return catalogue;
  }

  private static List<Row> rows(Catalogue catalogue, int section) {
    Map<String, List<CellDefinition>> byRow = new LinkedHashMap<>();
    Map<String, String> labels = new HashMap<>();
    for (CellDefinition cell : catalogue.cells()) {
      if (cell.section() == section) {
        byRow.computeIfAbsent(cell.rowKey(), k -> new ArrayList<>()).add(cell);
        labels.putIfAbsent(cell.rowKey(), cell.rowLabel());
      }
    }
    List<Row> rows = new ArrayList<>();
    byRow.forEach(
        (rowKey, cells) -> {
          String[] segments = labels.get(rowKey).split("/");
          String leaf = Labels.normalise(segments[segments.length - 1]);
          String group = segments.length == 3 ? Labels.normalise(segments[1]) : null;
          rows.add(new Row(rowKey, leaf, group, List.copyOf(cells)));
        });
    return List.copyOf(rows);
  }

  List<Row> section3Rows() {
    return section3Rows;
  }

  /** The section 二 row a printed label names, or null. */
  Row section2Row(String normalised) {
    return match(section2Rows, normalised, null, false);
  }

  /** The section 三 row a printed (leaf) label names within the current group, or null. */
  Row section3Row(String normalised, String group) {
    return match(section3Rows, normalised, group, true);
  }

  /** The section 二 column key a printed column header names, or null. */
  String section2Column(String normalised) {
    String key = section2Columns.get(normalised);
    return key != null ? key : section2Columns.get(Labels.core(normalised));
  }

  /** The normalised group label （三）…（六） a printed label names, or null. */
  String group(String normalised) {
    if (groups.contains(normalised)) {
      return normalised;
    }
    String bare = Labels.unnumbered(normalised);
    for (String group : groups) {
      if (Labels.unnumbered(group).equals(bare)) {
        return group;
      }
    }
    return null;
  }

  /** True if the label is the spanning top label （三、本年度办理结果）. */
  boolean isTop(String normalised) {
    if (tops.contains(normalised)) {
      return true;
    }
    for (String top : tops) {
      if (Labels.unnumbered(top).equals(Labels.unnumbered(normalised))) {
        return true;
      }
    }
    return false;
  }


  private static Row match(List<Row> rows, String label, String group, boolean prefix) {
    if (label.isEmpty()) {
      return null;
    }
    for (int t = 0; t < TIERS.size(); t++) {
      String wanted = TIERS.get(t).apply(label);
      List<Row> found = new ArrayList<>(2);
      for (Row row : rows) {
        if (row.forms().get(t).equals(wanted)) {
          found.add(row);
        }
      }
      Row chosen = choose(found, group);
      if (chosen != null || found.size() > 1) {
        return chosen;
      }
    }
    if (prefix) {
      String bare = Labels.unnumbered(label);
      if (bare.length() >= 4) {
        List<Row> found = new ArrayList<>(2);
        for (Row row : rows) {
          if (row.forms().get(2).startsWith(bare)) {
            found.add(row);
          }
        }
        return choose(found, group);
      }
    }
    return null;
  }

  private static Row choose(List<Row> found, String group) {
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.size() > 1 && group != null) {
      Row only = null;
      for (Row row : found) {
        if (group.equals(row.group())) {
          if (only != null) {
            return null;
          }
          only = row;
        }
      }
      return only;
    }
    return null;
  }
}
