package org.nianbao.rollup;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nianbao.common.Params;
import org.nianbao.common.ProblemException;
import org.nianbao.unit.UnitKind;

/**
 * Which units a rollup counts: the unit kinds (all when none given) and whether only the units
 * located exactly at the region (本级, {@code level=own}) or its whole subtree ({@code level=all}).
 */
public record RollupFilter(Set<UnitKind> kinds, boolean own) {

  public static final RollupFilter ALL = new RollupFilter(EnumSet.allOf(UnitKind.class), false);

  /**
   * Parses {@code ?kinds=PEOPLES_GOV,DEPARTMENT&level=own}; a bad value is a 400 naming the
   * parameter.
   */
  public static RollupFilter parse(String kinds, String level) {
    Set<UnitKind> set = EnumSet.noneOf(UnitKind.class);
    if (kinds != null && !kinds.isBlank()) {
      for (String kind : kinds.split(",")) {
        if (!kind.isBlank()) {
          set.add(Params.enumValue("kinds", kind, UnitKind.class));
        }
      }
    }
    if (set.isEmpty()) {
      set = EnumSet.allOf(UnitKind.class);
    }
    boolean own;
    String l = level == null ? "all" : level.strip().toLowerCase(Locale.ROOT);
    switch (l) {
      case "", "all" -> own = false;
      case "own" -> own = true;
      default ->
          throw ProblemException.badRequest(
              "level", "level must be all or own / level应为all（全辖区）或own（本级）");
    }
    return new RollupFilter(set, own);
  }

  /** Whether every kind is counted. */
  public boolean allKinds() {
    return kinds.size() == UnitKind.values().length;
  }

  /** The kind names, for SQL. */
  public String[] kindNames() {
    return kinds.stream().map(Enum::name).toArray(String[]::new);
  }

  /** The kind names as given back in a rollup. */
  public List<String> kindList() {
    return new ArrayList<>(List.of(kindNames()));
  }

  public String level() {
    return own ? "own" : "all";
  }
}
