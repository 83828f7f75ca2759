package org.nianbao.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.nianbao.common.Sql;
import org.nianbao.unit.Unit;
import org.nianbao.unit.UnitKind;
import org.nianbao.unit.UnitService;
import org.nianbao.unit.UnitViews.UnitView;
import org.nianbao.validation.NarrativeFingerprint;
import org.nianbao.validation.NarrativeSource;
import org.nianbao.validation.NarrativeSource.Peer;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.ValidationContext;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationContext.UnitProfile;
import org.nianbao.validation.ValidationResult;
import org.nianbao.validation.Validator;

/**
 * Runs the pure rule engine with what the database knows: the unit and its previous year's report.
 */
@ApplicationScoped
public class ValidationService {

  private static final int CANDIDATES = NarrativeSource.CANDIDATES;

  private final Validator validator = new Validator();
  private final UnitService units;
  private final ReportStore reports;
  private final NarrativeIndex narratives;
  private final DataSource dataSource;

  public ValidationService(
      UnitService units, ReportStore reports, NarrativeIndex narratives, DataSource dataSource) {
    this.units = units;
    this.reports = reports;
    this.narratives = narratives;
    this.dataSource = dataSource;
  }

  /**
   * Dry run for a unit: {@code year} is optional; with it, cross-year rules and TXT-06 run too. The
   * unit comes from memory (units never change); the database is read only for the previous year's
   * report and other units' narratives, in one round trip (no transaction: nothing is written).
   */
  public ValidationResult dryRun(ReportDocument document, String unitCode, Integer year) {
    UnitProfile unit = profile(units.unit(unitCode));
    if (year == null) { // no cross-year rule, no TXT-06: nothing to read
      return validator.validate(
          document,
          new ValidationContext(null, unit, null, Mode.SUBMISSION).withNarratives(narratives));
    }
    NarrativeFingerprint mine = NarrativeFingerprint.of(document.texts());
    Prefetched reads =
        prefetch(unitCode, year, document.texts(), mine, true, "Dry run failed / 预校验失败");
    return validator.validate(
        document,
        new ValidationContext(year, unit, reads.previous(), Mode.SUBMISSION).withNarratives(reads));
  }

  /**
   * Validation of a submission, on the submitting transaction's connection: the previous year's
   * current document (when {@code previousStored}: the submission's first read found one) and
   * TXT-06's candidates are read as a dry run reads them, in one round trip. {@code mine} is the
   * fingerprint of the document's narrative.
   */
  public ValidationResult validateSubmission(
      ReportDocument document,
      NarrativeFingerprint mine,
      Unit unit,
      int year,
      boolean previousStored,
      Mode mode) {
    Prefetched reads =
        prefetch(
            unit.code, year, document.texts(), mine, previousStored, "Validation failed / 校验失败");
    return validator.validate(
        document,
        new ValidationContext(year, profile(unit), reads.previous(), mode).withNarratives(reads));
  }

  /**
   * What a dry run reads, in one round trip: the previous year's document and, when the narrative
   * can be compared, the other units' reports sharing a bucket with it (TXT-06; null when not
   * read). It gives TXT-06 the fingerprint computed for that read; asked for anything else, it asks
   * the index.
   */
  private record Prefetched(
      ReportDocument previous,
      Map<String, String> texts,
      NarrativeFingerprint fingerprint,
      String unit,
      int year,
      List<Peer> peers,
      NarrativeSource index)
      implements NarrativeSource {

    @Override
    public NarrativeFingerprint fingerprint(Map<String, String> narrative) {
      return narrative == texts ? fingerprint : NarrativeFingerprint.of(narrative);
    }

    @Override
    public List<Peer> candidates(
        NarrativeFingerprint fp, String unitCode, int reportYear, int limit) {
      if (fp == fingerprint
          && peers != null
          && limit <= CANDIDATES
          && reportYear == year
          && unitCode.equals(unit)) {
        return peers.subList(0, Math.min(limit, peers.size()));
      }
      return index.candidates(fp, unitCode, reportYear, limit);
    }
  }

  /**
   * The reads of a validation in one round trip: the previous year's document when {@code
   * withDocument}, the TXT-06 candidates when the narrative can be compared; no round trip when
   * neither is wanted.
   */
  private Prefetched prefetch(
      String unitCode,
      int year,
      Map<String, String> texts,
      NarrativeFingerprint mine,
      boolean withDocument,
      String failure) {
    boolean withPeers = mine.comparable();
    if (!withDocument && !withPeers) {
      return new Prefetched(null, texts, mine, unitCode, year, null, narratives);
    }
    List<String> statements = new ArrayList<>();
    if (withDocument) {
      statements.add(ReportStore.CURRENT_DOCUMENT);
    }
    if (withPeers) {
      statements.add(NarrativeIndex.PEERS);
    }
    String sql = String.join(";\n", statements);
    return Sql.run(
        dataSource,
        failure,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = withDocument ? ReportStore.bindCurrentDocument(ps, 1, unitCode, year - 1) : 1;
            if (withPeers) {
              NarrativeIndex.bindPeers(ps, p, mine, List.of(year), unitCode, CANDIDATES);
            }
            ps.execute();
            ReportDocument previous = null;
            if (withDocument) {
              previous = ReportStore.readCurrentDocument(ps, year - 1).orElse(null);
              if (withPeers) {
                ps.getMoreResults();
              }
            }
            List<Peer> peers = null;
            if (withPeers) {
              try (ResultSet rs = ps.getResultSet()) {
                peers = NarrativeIndex.readPeers(rs);
              }
            }
            return new Prefetched(previous, texts, mine, unitCode, year, peers, narratives);
          }
        });
  }

  /** Dry run without a unit: the pure rule engine alone, no database. */
  public ValidationResult check(ReportDocument document, Integer year) {
    return validator.validate(document, new ValidationContext(year, null, null, Mode.SUBMISSION));
  }

  /** Validates against the stored previous-year report of the same unit, if any. */
  public ValidationResult validate(ReportDocument document, Unit unit, Integer year, Mode mode) {
    ReportDocument previous = null;
    if (unit != null && year != null) {
      previous = reports.currentDocument(unit.code, year - 1).orElse(null);
    }
    return validateAgainst(document, unit, year, previous, mode);
  }

  /**
   * Validates against a given previous-year document (null: none), e.g. one being stored right now;
   * other units' narratives come from the TXT-06 index.
   */
  public ValidationResult validateAgainst(
      ReportDocument document, Unit unit, Integer year, ReportDocument previous, Mode mode) {
    ValidationContext context = new ValidationContext(year, profile(unit), previous, mode);
    return validator.validate(
        document, unit == null ? context : context.withNarratives(narratives));
  }

  /** The facts about a unit the rules use. */
  public static UnitProfile profile(Unit unit) {
    if (unit == null) {
      return null;
    }
    return profile(unit.code, unit.kind, unit.region.level, unit.region.code);
  }

  /** The same facts from a unit's (cached) view. */
  static UnitProfile profile(UnitView unit) {
    return profile(unit.code(), unit.kind(), unit.region().level(), unit.region().code());
  }

  private static UnitProfile profile(String code, UnitKind kind, String level, String region) {
    return new UnitProfile(
        code, kind.name(), "CITY_PLACEHOLDER".equals(level) ? "CITY" : level, region);
  }
}
