package org.nianbao.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.CellValues;

/**
 * Where each catalogue cell lives in the normalized tables: section 二, 三 and 四 are stored as typed
 * rows of {@code report_s2_row}, {@code report_s3_row} and {@code report_s4_row}, one row per
 * printed table row; the column is the last segment of the cell key ({@code natural} is stored as
 * {@code natural_person}, a reserved word in SQL). Derived entirely from the catalogue; the one
 * place that knows the layout (reports write and read through it, rollups rebuild from it).
 */
public final class ReportTables {

  /** One SQL table holding one section. */
  record Table(int section, String name, List<String> columns, List<String> decimalColumns) {}

  /** A printed row of a section in one format: its key and the catalogue cells per SQL column. */
  record Row(Table table, String rowKey, Map<String, CellDefinition> cellsByColumn) {}

  static final Table S2 =
      new Table(
          2,
          "report_s2_row",
          List.of(
              "issued",
              "abolished",
              "in_force",
              "decisions",
              "amount",
              "new_made",
              "new_published",
              "total_published",
              "prev_year_items",
              "change",
              "projects",
              "total_amount"),
          List.of("amount", "total_amount"));
  static final Table S3 =
      new Table(
          3,
          "report_s3_row",
          List.of(
              "natural_person",
              "business",
              "research",
              "nonprofit",
              "legal_service",
              "other_org",
              "total"),
          List.of());
  static final Table S4 =
      new Table(
          4,
          "report_s4_row",
          List.of("upheld", "corrected", "other", "pending", "total"),
          List.of());
  static final List<Table> TABLES = List.of(S2, S3, S4);

  private static final Map<FormatVersion, List<Row>> ROWS = new EnumMap<>(FormatVersion.class);

  /**
   * Per format and section (index {@code section - 2}), row key → the cells of that row in the
   * order of the section table's columns (null where the format has no cell): reading a row finds
   * its cells with one lookup, not one per column.
   */
  private static final Map<FormatVersion, List<Map<String, CellDefinition[]>>> BY_ROW =
      new EnumMap<>(FormatVersion.class);

  /**
   * The typed rows of one version, in one query whose {@link #READ_ROWS_PARAMETERS} parameters are
   * all the version's id: section, row key, then the columns (NULL past a table's last column);
   * read its result with {@link #cells(ResultSet, FormatVersion)}.
   */
  public static final String READ_ROWS = readRowsSql();

  public static final int READ_ROWS_PARAMETERS = TABLES.size();

  static {
    for (FormatVersion version : FormatVersion.values()) {
      Map<String, Row> rows = new LinkedHashMap<>();
      List<Map<String, CellDefinition[]>> bySection = new ArrayList<>();
      for (Table table : TABLES) {
        bySection.add(new HashMap<>());
      }
      BY_ROW.put(version, bySection);
      for (CellDefinition cell : Catalogue.of(version).cells()) {
        Table table = TABLES.get(cell.section() - 2);
        String column = column(cell);
        if (!table.columns().contains(column)) {
          throw new IllegalStateException(
              "No column " + column + " in " + table.name() + " for " + cell.key());
        }
        rows.computeIfAbsent(
                cell.section() + "|" + cell.rowKey(),
                k -> new Row(table, cell.rowKey(), new LinkedHashMap<>()))
            .cellsByColumn()
            .put(column, cell);
        bySection.get(cell.section() - 2)
                .computeIfAbsent(cell.rowKey(), k -> new CellDefinition[table.columns().size()])[
                table.columns().indexOf(column)] =
            cell;
      }
      ROWS.put(version, List.copyOf(rows.values()));
    }
  }

  private ReportTables() {}

  static String column(CellDefinition cell) {
    String column = cell.columnKey();
    return "natural".equals(column) ? "natural_person" : column;
  }

  /**
   * The INSERTs of one version's typed rows as items of a WITH clause, one per section table, each
   * taking all its rows at once from one array parameter per column ({@code unnest}) and the
   * version's {@code id} and {@code format_version} from the WITH item {@code version}: with the
   * version's own INSERT they make one statement. {@link #bindRows} binds the parameters, in order.
   * Unknown (blank) cells are stored as NULL, never 0.
   */
  public static String insertRowsWith(String version) {
    StringBuilder sql = new StringBuilder();
    for (Table table : TABLES) {
      sql.append(",\n")
          .append(table.name())
          .append("_new AS (INSERT INTO ")
          .append(table.name())
          .append(" (version_id, format_version, row_key, ")
          .append(String.join(", ", table.columns()))
          .append(") SELECT v.id, v.format_version, x.* FROM ")
          .append(version)
          .append(" v, unnest(?::varchar[]");
      for (String column : table.columns()) {
        sql.append(table.decimalColumns().contains(column) ? ", ?::numeric[]" : ", ?::bigint[]");
      }
      sql.append(") AS x)");
    }
    return sql.toString();
  }

  /**
   * Binds the parameters of {@link #insertRowsWith} from {@code first}; returns the next parameter
   * index.
   */
  public static int bindRows(
      PreparedStatement ps, int first, FormatVersion format, CellValues values)
      throws SQLException {
    Connection c = ps.getConnection();
    int p = first;
    for (Table table : TABLES) {
      List<Row> rows = ROWS.get(format).stream().filter(r -> r.table() == table).toList();
      String[] keys = new String[rows.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = rows.get(i).rowKey();
      }
      ps.setArray(p++, c.createArrayOf("varchar", keys));
      for (String column : table.columns()) {
        boolean decimal = table.decimalColumns().contains(column);
        Object[] cellsOfColumn = decimal ? new BigDecimal[keys.length] : new Long[keys.length];
        for (int i = 0; i < keys.length; i++) {
          CellDefinition cell = rows.get(i).cellsByColumn().get(column);
          if (cell != null && values.known(cell.index())) {
            cellsOfColumn[i] =
                cell.type() == CellType.DEC
                    ? values.amount(cell.index())
                    : (Object) values.count(cell.index());
          }
        }
        ps.setArray(p++, c.createArrayOf(decimal ? "numeric" : "int8", cellsOfColumn));
      }
    }
    return p;
  }

  /** Reads the cells of one version back, keyed and ordered by the catalogue. */
  public static Map<String, JsonNode> load(Connection c, long versionId, FormatVersion format)
      throws SQLException {
    Map<String, JsonNode> cells = new LinkedHashMap<>();
    readCells(c, versionId, format).forEach((key, value) -> cells.put(key, node(value)));
    return cells;
  }

  private static String readRowsSql() {
    int width = TABLES.stream().mapToInt(t -> t.columns().size()).max().orElseThrow();
    StringBuilder sql = new StringBuilder();
    for (Table table : TABLES) {
      if (sql.length() > 0) {
        sql.append(" UNION ALL ");
      }
      sql.append("SELECT ").append(table.section()).append(", row_key");
      // each column as it is stored: a position holding an amount in one table is numeric in all
      // (UNION's type resolution), the others stay bigint and are read as longs
      for (int i = 0; i < width; i++) {
        sql.append(", ").append(i < table.columns().size() ? table.columns().get(i) : "NULL");
      }
      sql.append(" FROM ").append(table.name()).append(" WHERE version_id = ?");
    }
    return sql.toString();
  }

  /**
   * The stored cells of one version, key → Long, or BigDecimal in 万元 for amounts; every key of the
   * format is present (in catalogue order), null where the cell is blank.
   */
  public static Map<String, Object> readCells(Connection c, long versionId, FormatVersion format)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(READ_ROWS)) {
      for (int i = 1; i <= READ_ROWS_PARAMETERS; i++) {
        ps.setLong(i, versionId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return readCells(rs, format);
      }
    }
  }

  /** The cells of a {@link #READ_ROWS} result, as {@link #load} gives them. */
  public static Map<String, JsonNode> cells(ResultSet rs, FormatVersion format)
      throws SQLException {
    Map<String, JsonNode> cells = new LinkedHashMap<>();
    readCells(rs, format).forEach((key, value) -> cells.put(key, node(value)));
    return cells;
  }

  private static Map<String, Object> readCells(ResultSet rs, FormatVersion format)
      throws SQLException {
    Map<String, Object> cells = new LinkedHashMap<>();
    for (CellDefinition cell : Catalogue.of(format).cells()) {
      cells.put(cell.key(), null);
    }
    while (rs.next()) {
      CellDefinition[] row = rowCells(format, rs.getInt(1), rs.getString(2));
      for (int i = 0; i < row.length; i++) {
        CellDefinition cell = row[i];
        if (cell == null) {
          continue;
        }
        if (cell.type() == CellType.DEC) {
          BigDecimal amount = rs.getBigDecimal(3 + i);
          if (amount != null) {
            cells.put(cell.key(), plain(amount));
          }
        } else {
          long count = rs.getLong(3 + i);
          if (!rs.wasNull()) {
            cells.put(cell.key(), count);
          }
        }
      }
    }
    return cells;
  }

  /** The SQL table holding a section's rows. */
  public static String table(int section) {
    return TABLES.get(section - 2).name();
  }

  /** The SQL columns of a section's table. */
  public static List<String> columns(int section) {
    return TABLES.get(section - 2).columns();
  }

  /** The SQL column of a cell. */
  public static String sqlColumn(CellDefinition cell) {
    return column(cell);
  }

  /**
   * The cells stored in a row of a section's table, in the order of {@link #columns}: null where
   * the format has no cell; all null for a row key the format does not have. The array is shared:
   * do not change it.
   */
  public static CellDefinition[] rowCells(FormatVersion format, int section, String rowKey) {
    CellDefinition[] row = BY_ROW.get(format).get(section - 2).get(rowKey);
    return row != null ? row : new CellDefinition[columns(section).size()];
  }

  /** The cells of typed values as the API shows them (the same form as {@link #load}). */
  public static Map<String, JsonNode> nodes(FormatVersion format, CellValues values) {
    Map<String, JsonNode> cells = new LinkedHashMap<>();
    for (CellDefinition cell : Catalogue.of(format).cells()) {
      Object value = null;
      if (values.known(cell.index())) {
        value =
            cell.type() == CellType.DEC
                ? values.amount(cell.index())
                : (Object) values.count(cell.index());
      }
      cells.put(cell.key(), node(value));
    }
    return cells;
  }

  /**
   * An amount without the trailing zeros numeric(20,6) adds: 143.206200 → 143.2062, 100.000000 →
   * 100.
   */
  private static BigDecimal plain(BigDecimal d) {
    BigDecimal p = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    return p.scale() < 0 ? p.setScale(0) : p;
  }

  private static JsonNode node(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof BigDecimal d) {
      return DecimalNode.valueOf(plain(d));
    }
    return LongNode.valueOf(((Number) value).longValue());
  }
}
