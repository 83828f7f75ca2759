package org.nianbao.rollup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.nianbao.unit.UnitViews.RegionRef;

/** JSON shapes of rollups, as the contract defines them. */
public final class RollupViews {

  private RollupViews() {}

  /**
   * The rollup of a region and year, with coverage, indicators, the declared aggregate and
   * children.
   */
  public record Rollup(
      RegionRef region,
      int year,
      String formatVersion,
      String level,
      List<String> kinds,
      Map<String, Object> cells,
      Indicators indicators,
      Coverage coverage,
      @JsonInclude(Include.NON_NULL) Declared declared,
      @JsonInclude(Include.NON_NULL) List<RollupChild> children) {}

  /** The rollup of one region of the next level down. */
  public record RollupChild(
      RegionRef region, Map<String, Object> cells, Indicators indicators, Coverage coverage) {}

  /**
   * Who is in the sum (AGG-03). The lists are given for the requested region only (capped at {@link
   * RollupService#LIST_CAP}); children carry the counts.
   */
  public record Coverage(
      long expectedUnits,
      long reportingUnits,
      long missingTotal,
      long aggregateOnlyTotal,
      long excludedOtherFormatTotal,
      @JsonInclude(Include.NON_NULL) List<String> missing,
      @JsonInclude(Include.NON_NULL) String missingNext,
      @JsonInclude(Include.NON_NULL) List<String> aggregateOnly,
      @JsonInclude(Include.NON_NULL) List<String> excludedOtherFormat) {}

  /**
   * Ratios computed after summing, as decimals rounded to 4 places; null when the denominator is 0.
   */
  public record Indicators(
      BigDecimal disclosureRate,
      BigDecimal partialRate,
      BigDecimal withheldRate,
      BigDecimal notHeldRate,
      BigDecimal reviewCorrectionRate,
      BigDecimal litigationCorrectionRate,
      BigDecimal carriedOutShare,
      BigDecimal newApplicationsChange) {}

  /**
   * The AGGREGATE report of the region's own people's government compared with the computed sum
   * (AGG-02).
   */
  public record Declared(
      String unit, String formatVersion, Map<String, Object> cells, List<Difference> differences) {}

  /** One cell where the declared aggregate and the computed sum disagree. */
  public record Difference(String key, Object declared, Object computed) {}

  /** Rollups of consecutive years, for trend charts (children omitted). */
  public record RollupSeries(RegionRef region, int from, int to, List<Rollup> years) {}

  /** One expected unit without a report. */
  public record MissingUnit(String code, String name, String kind, String regionCode) {}

  /** A page of units without a report. */
  public record MissingPage(List<MissingUnit> items, int page, int size, long total) {}
}
