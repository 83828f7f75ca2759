package org.nianbao.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cell catalogue of one report format, read once from the vendored CSV ({@code
 * catalogue/cells_2021.csv}, {@code catalogue/cells_2019.csv}) — the single source of keys, labels
 * and types for validation, storage, import and rollups.
 */
public final class Catalogue {

  /** Section 三 applicant columns in printed order; {@code total} is the derived last column. */
  public static final List<String> APPLICANT_COLUMNS =
      List.of(
          "natural", "business", "research", "nonprofit", "legal_service", "other_org", "total");

  /** Section 四 groups, in printed order. */
  public static final List<String> REVIEW_GROUPS =
      List.of("review", "litigation_direct", "litigation_after_review");

  /** Section 四 columns of each group, in printed order; {@code total} is derived. */
  public static final List<String> REVIEW_COLUMNS =
      List.of("upheld", "corrected", "other", "pending", "total");

  private static final Map<FormatVersion, Catalogue> CATALOGUES =
      new EnumMap<>(FormatVersion.class);

  static {
    for (FormatVersion version : FormatVersion.values()) {
      CATALOGUES.put(version, load(version));
    }
  }

  private final FormatVersion version;
  private final List<CellDefinition> cells;
  private final Map<String, CellDefinition> byKey;
  private final List<String> section3Rows;

  private Catalogue(FormatVersion version, List<CellDefinition> cells) {
    this.version = version;
    this.cells = List.copyOf(cells);
    Map<String, CellDefinition> map = new LinkedHashMap<>();
    List<String> rows = new ArrayList<>();
    for (CellDefinition cell : cells) {
      map.put(cell.key(), cell);
      if (cell.section() == 3 && !rows.contains(cell.rowKey())) {
        rows.add(cell.rowKey());
      }
    }
    this.byKey = Collections.unmodifiableMap(map);
    this.section3Rows = List.copyOf(rows);
  }

  /** The catalogue of a format version. */
  public static Catalogue of(FormatVersion version) {
    return CATALOGUES.get(version);
  }

  public FormatVersion version() {
    return version;
  }

  /** All cells in table order. */
  public List<CellDefinition> cells() {
    return cells;
  }

  public int size() {
    return cells.size();
  }

  public Optional<CellDefinition> find(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** The cell with this key; fails if the key is not in this catalogue. */
  public CellDefinition cell(String key) {
    CellDefinition cell = byKey.get(key);
    if (cell == null) {
      throw new IllegalArgumentException("No cell " + key + " in " + version);
    }
    return cell;
  }

  public boolean contains(String key) {
    return byKey.containsKey(key);
  }

  /** Section 三 row keys in printed order (25 in 2021, 23 in 2019). */
  public List<String> section3Rows() {
    return section3Rows;
  }

  /**
   * Section 三 rows that are handling outcomes (（一）–（六）): every row between carried_in and
   * total_processed.
   */
  public List<String> section3ResultRows() {
    int from = section3Rows.indexOf("carried_in") + 1;
    int to = section3Rows.indexOf("total_processed");
    return section3Rows.subList(from, to);
  }

  private static Catalogue load(FormatVersion version) {
    List<CellDefinition> cells = new ArrayList<>();
    for (String[] f : CsvResource.rows("/catalogue/" + version.resource(), 7)) {
      String unit = f[6].contains(" ") ? f[6].substring(0, f[6].indexOf(' ')) : f[6];
      cells.add(
          new CellDefinition(
              cells.size(),
              f[0],
              Integer.parseInt(f[1]),
              f[2],
              f[3],
              CellType.valueOf(f[4]),
              "Y".equals(f[5]),
              unit));
    }
    return new Catalogue(version, cells);
  }
}
