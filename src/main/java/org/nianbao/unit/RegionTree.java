package org.nianbao.unit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.nianbao.common.ProblemException;
import org.nianbao.unit.UnitViews.RegionRef;
import org.nianbao.unit.UnitViews.RegionView;

/**
 * The division tree held in memory: it only changes by migration, so it is read once (on first use)
 * and every region view, lineage and child list is answered without a database round trip.
 */
@ApplicationScoped
public class RegionTree {

  /** One region with its place in the tree, views built once. */
  public record Node(
      String code,
      String path,
      int depth,
      RegionRef ref,
      List<RegionRef> lineage,
      RegionView view) {}

  private final DataSource dataSource;
  private volatile Map<String, Node> nodes;

  public RegionTree(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<Node> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(nodes().get(code));
  }

  /** The region, or a 404 problem naming it. */
  public Node require(String code) {
    return find(code).orElseThrow(() -> ProblemException.notFound("Region", String.valueOf(code)));
  }

  private Map<String, Node> nodes() {
    Map<String, Node> loaded = nodes;
    if (loaded == null) {
      synchronized (this) {
        if (nodes == null) {
          nodes = load();
        }
        loaded = nodes;
      }
    }
    return loaded;
  }

  private Map<String, Node> load() {
    record Row(
        String code,
        String name,
        String level,
        String parent,
        String path,
        int depth,
        boolean zone) {}
    List<Row> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT code, name, level, parent_code, path, depth, statistical_zone FROM region ORDER BY depth, code")) {
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getBoolean(7)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not read the region tree / 无法读取行政区划: " + e.getMessage(), e);
    }
    Map<String, RegionRef> refs = new HashMap<>();
    Map<String, List<RegionRef>> children = new HashMap<>();
    for (Row r : rows) {
      RegionRef ref = new RegionRef(r.code(), r.name(), r.level());
      refs.put(r.code(), ref);
      if (r.parent() != null) {
        children
            .computeIfAbsent(r.parent(), k -> new ArrayList<>())
            .add(ref); // rows come in code order
      }
    }
    Map<String, Node> out = new HashMap<>();
    for (Row r : rows) { // parents before children (ordered by depth)
      Node parent = r.parent() == null ? null : out.get(r.parent());
      List<RegionRef> lineage = new ArrayList<>(parent == null ? List.of() : parent.lineage());
      lineage.add(refs.get(r.code()));
      List<RegionRef> ancestors = List.copyOf(lineage.subList(0, lineage.size() - 1));
      RegionView view =
          new RegionView(
              r.code(),
              r.name(),
              r.level(),
              r.zone(),
              parent == null ? null : parent.ref(),
              ancestors,
              List.copyOf(children.getOrDefault(r.code(), List.of())));
      out.put(
          r.code(),
          new Node(r.code(), r.path(), r.depth(), refs.get(r.code()), List.copyOf(lineage), view));
    }
    return Map.copyOf(out);
  }
}
