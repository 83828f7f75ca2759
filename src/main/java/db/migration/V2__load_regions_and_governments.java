package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the vendored division list ({@code db/data/divisions-2023.csv}, see its NOTICE.md) into
 * {@code region} under a national root 000000, and registers the people's government of every
 * province, city and county (unit code = division code) and the administration of every flagged
 * development zone. Placeholder rows (市辖区, 省直辖县级行政区划) are grouping nodes and get no unit.
 */
public class V2__load_regions_and_governments extends BaseJavaMigration {

  private static final String CSV = "/db/data/divisions-2023.csv";
  private static final int EDITION = 2023;

  private record Division(String code, String name, String level, String parent, boolean zone) {}

  @Override
  public void migrate(Context context) throws Exception {
    List<Division> divisions = read();
    divisions.sort(Comparator.comparingInt(d -> rank(d.level())));
    Map<String, String> paths = new HashMap<>();
    Connection c = context.getConnection();
    try (PreparedStatement region =
            c.prepareStatement(
                "INSERT INTO region (code, name, level, parent_code, path, depth, statistical_zone, edition)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement unit =
            c.prepareStatement(
                "INSERT INTO unit (code, name, kind, region_code) VALUES (?, ?, ?, ?)")) {
      paths.put("000000", "/000000/");
      addRegion(region, "000000", "全国", "NATION", null, "/000000/", 0, false);
      for (Division d : divisions) {
        if (d.code().equals(d.parent())) {
          // 东莞市, 中山市, 儋州市 have no counties; the list repeats each as a county of itself.
          // The city row already made the region and its government.
          continue;
        }
        String parent = d.parent().isEmpty() ? "000000" : d.parent();
        String parentPath = paths.get(parent);
        if (parentPath == null) {
          throw new IllegalStateException(
              "Division " + d.code() + " comes before its parent " + parent);
        }
        String path = parentPath + d.code() + "/";
        paths.put(d.code(), path);
        int depth = (int) path.chars().filter(ch -> ch == '/').count() - 2;
        addRegion(region, d.code(), d.name(), d.level(), parent, path, depth, d.zone());
        if (d.zone()) {
          addUnit(unit, d.code(), d.name() + "管理委员会", "ZONE_ADMIN");
        } else if (!"CITY_PLACEHOLDER".equals(d.level())) {
          addUnit(unit, d.code(), d.name() + "人民政府", "PEOPLES_GOV");
        }
      }
      region.executeBatch();
      unit.executeBatch();
    }
  }

  private static void addRegion(
      PreparedStatement ps,
      String code,
      String name,
      String level,
      String parent,
      String path,
      int depth,
      boolean zone)
      throws Exception {
    ps.setString(1, code);
    ps.setString(2, name);
    ps.setString(3, level);
    ps.setString(4, parent);
    ps.setString(5, path);
    ps.setInt(6, depth);
    ps.setBoolean(7, zone);
    ps.setInt(8, EDITION);
    ps.addBatch();
  }

  private static void addUnit(PreparedStatement ps, String code, String name, String kind)
      throws Exception {
    ps.setString(1, code);
    ps.setString(2, name);
    ps.setString(3, kind);
    ps.setString(4, code);
    ps.addBatch();
  }

  private static int rank(String level) {
    return switch (level) {
      case "PROVINCE" -> 0;
      case "CITY", "CITY_PLACEHOLDER" -> 1;
      default -> 2;
    };
  }

  private static List<Division> read() throws Exception {
    List<Division> out = new ArrayList<>();
    for (String[] f : FrozenCsv.rows(CSV, 5)) {
      out.add(new Division(f[0], f[1], f[2], f[3], "Y".equals(f[4])));
    }
    return out;
  }
}
