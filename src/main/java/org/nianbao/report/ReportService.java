package org.nianbao.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.checks.ValidationService;
import org.nianbao.common.Problem;
import org.nianbao.common.ProblemException;
import org.nianbao.common.ProblemException.FieldError;
import org.nianbao.common.ProblemType;
import org.nianbao.report.ReportStore.Current;
import org.nianbao.report.ReportStore.NewVersion;
import org.nianbao.report.ReportViews.StoredReport;
import org.nianbao.rollup.ReportChange;
import org.nianbao.rollup.RollupLedger;
import org.nianbao.security.AccessControl;
import org.nianbao.security.Caller;
import org.nianbao.unit.Unit;
import org.nianbao.unit.UnitRepository;
import org.nianbao.validation.Acknowledgement;
import org.nianbao.validation.CellParser;
import org.nianbao.validation.CellValues;
import org.nianbao.validation.Finding;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.Severity;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationResult;
import org.nianbao.validation.Validator;

/**
 * Submits, amends and reads annual reports. A submission is validated, then stored as a new version in
 * one transaction together with the rollup summaries and the re-check of the next year's report; a
 * rejected submission changes nothing.
 */
@ApplicationScoped
public class ReportService {

  /** The cross-year rules re-run on year Y+1 when year Y changes. */
  static final List<String> CROSS_YEAR_RULES = List.of("S3-04", "S2-01");
  static final int FIRST_YEAR = 2007;

  /** What a submission produced: the stored version and whether it created the report. */
  public record Outcome(StoredReport report, boolean created, String etag) {}

  /** How a version came in. */
  public record Submission(
      ReportDocument document,
      String ifMatch,
      String idempotencyKey,
      String origin,
      String sourceSha256,
      List<Finding> extraFindings) {}

  private final UnitRepository units;
  private final ReportStore store;
  private final ValidationService validation;
  private final RollupLedger ledger;
  private final AccessControl access;

  public ReportService(
      UnitRepository units,
      ReportStore store,
      ValidationService validation,
      RollupLedger ledger,
      AccessControl access) {
    this.units = units;
    this.store = store;
    this.validation = validation;
    this.ledger = ledger;
    this.access = access;
  }

  @Transactional
  public Outcome submit(String unitCode, int year, Submission s) {
    Unit unit = units.require(unitCode);
    Caller caller = access.requireWrite(unit);
    checkYear(year);
    ReportDocument document = s.document();
    checkStorable(document, s.idempotencyKey());

    store.lock(unit.code, year);
    Current current = store.current(unit.code, year).orElse(null);
    String sha = Canonical.sha256(document);

    if (current != null && s.idempotencyKey() != null) {
      var keyed = store.byIdempotencyKey(current.reportId(), s.idempotencyKey());
      if (keyed.isPresent()) {
        if (!keyed.get().documentSha256().equals(sha)) {
          throw ProblemException.invalidField(
              "Idempotency-Key",
              "该幂等键已用于另一份不同的报告。",
              "This Idempotency-Key was already used for a different document.");
        }
        StoredReport first = store.load(unit.code, year, keyed.get().version()).orElseThrow();
        return new Outcome(first, first.version() == 1, etag(first.version(), keyed.get().documentSha256()));
      }
    }
    if (current != null && current.documentSha256().equals(sha)) {
      StoredReport same = store.load(unit.code, year, null).orElseThrow();
      return new Outcome(same, false, etag(current.version(), sha));
    }
    if (current != null) {
      checkPrecondition(s.ifMatch(), current);
    }

    ValidationResult result = validation.validate(document, unit, year, mode(s.origin()));
    List<Finding> findings = new ArrayList<>(s.extraFindings());
    findings.addAll(result.findings());
    if (countOf(findings, Severity.ERROR) > 0) {
      throw new ProblemException(
          new Problem(
                  ProblemType.REPORT_REJECTED,
                  "The report was not stored: it has " + countOf(findings, Severity.ERROR)
                      + " error(s) / 报告未保存：存在" + countOf(findings, Severity.ERROR) + "处错误")
              .with("errorCount", countOf(findings, Severity.ERROR))
              .with("warningCount", countOf(findings, Severity.WARNING))
              .with("findings", findings));
    }
    CellValues cells = Validator.read(document);
    NewVersion version =
        new NewVersion(document, cells, sha, s.idempotencyKey(), caller, s.origin(), s.sourceSha256(), 0,
            countOf(findings, Severity.WARNING), findings);

    ReportChange.Snapshot before = null;
    ReportStore.Written written;
    if (current == null) {
      written = store.create(unit.code, year, version);
    } else {
      before = snapshot(store.load(unit.code, year, null).orElseThrow());
      written = store.amend(current, version);
    }
    ledger.apply(
        new ReportChange(unit.code, year, before,
            new ReportChange.Snapshot(document.formatVersion(), document.scope(), cells)));
    recheckNextYear(unit, year, document);

    StoredReport stored =
        new StoredReport(
            unit.code, unit.name, year, written.version(), "ACCEPTED", document.formatVersion(), document.scope(),
            document.publishedAt(), document.sourceUrl(), ReportTables.nodes(document.formatVersion(), cells),
            new java.util.TreeMap<>(document.texts()), sortedAcknowledgements(document), written.submittedAt(),
            new ReportViews.Submitter(caller.tokenId(), caller.name()), s.origin(), 0,
            countOf(findings, Severity.WARNING), findings);
    return new Outcome(stored, current == null, etag(stored.version(), sha));
  }

  @Transactional
  public Outcome read(String unitCode, int year, Integer version) {
    units.require(unitCode);
    StoredReport report =
        store.load(unitCode, year, version)
            .orElseThrow(() -> ProblemException.notFound(
                "Report", unitCode + "/" + year + (version == null ? "" : " version " + version)));
    // the ETag is that of the document as it was stored, the same one If-Match is compared with
    return new Outcome(report, false, etag(report.version(), store.documentSha256(unitCode, year, report.version())));
  }

  /** Every version of a report, each with what changed since the one before. */
  @Transactional
  public ReportViews.VersionHistory history(String unitCode, int year) {
    units.require(unitCode);
    List<Integer> numbers = store.versions(unitCode, year);
    if (numbers.isEmpty()) {
      throw ProblemException.notFound("Report", unitCode + "/" + year);
    }
    List<ReportViews.VersionSummary> out = new ArrayList<>();
    StoredReport previous = null;
    int currentVersion = 0;
    for (int n : numbers) {
      StoredReport r = store.load(unitCode, year, n).orElseThrow();
      if ("ACCEPTED".equals(r.status())) {
        currentVersion = n;
      }
      out.add(Diff.summary(previous, r));
      previous = r;
    }
    return new ReportViews.VersionHistory(unitCode, year, currentVersion, out);
  }

  /** When year Y changes, the next year's S3-04 / S2-01 findings are recomputed (flagged, never rejected). */
  private void recheckNextYear(Unit unit, int year, ReportDocument changed) {
    // take the next year's lock too (always in increasing year order: no deadlock), so that a concurrent
    // amendment of Y+1 either sees this Y or is re-checked here after it commits
    store.lock(unit.code, year + 1);
    var next = store.current(unit.code, year + 1);
    if (next.isEmpty()) {
      return;
    }
    StoredReport nextReport = store.load(unit.code, year + 1, null).orElseThrow();
    ValidationResult result =
        validation.validator().validate(
            ValidationService.document(nextReport),
            new org.nianbao.validation.ValidationContext(
                year + 1, ValidationService.profile(unit), changed, Mode.SUBMISSION));
    List<Finding> crossYear =
        result.findings().stream().filter(f -> CROSS_YEAR_RULES.contains(f.rule())).toList();
    store.replaceFindings(next.get().versionId(), CROSS_YEAR_RULES, crossYear);
  }

  static String etag(int version, String sha) {
    return "\"" + version + "-" + sha.substring(0, 16) + "\"";
  }

  private static void checkPrecondition(String ifMatch, Current current) {
    String etag = etag(current.version(), current.documentSha256());
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          new Problem(
                  ProblemType.PRECONDITION_REQUIRED,
                  "Version " + current.version() + " of this report exists; send If-Match: " + etag
                      + " to amend it / 该报告已有第" + current.version() + "版，修改时请在If-Match中提供其ETag")
              .with("currentVersion", current.version())
              .with("currentETag", etag));
    }
    for (String candidate : ifMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
        return;
      }
    }
    throw new ProblemException(
        new Problem(
                ProblemType.PRECONDITION_FAILED,
                "The report is now at version " + current.version() + " (ETag " + etag
                    + "); read it again before amending / 报告已被修改为第" + current.version() + "版，请重新读取后再修改")
            .with("currentVersion", current.version())
            .with("currentETag", etag));
  }

  private static void checkYear(int year) {
    int last = Year.now().getValue();
    if (year < FIRST_YEAR || year > last) {
      throw ProblemException.invalidField(
          "year",
          "报告年度应在" + FIRST_YEAR + "至" + last + "之间。",
          "The report year must be between " + FIRST_YEAR + " and " + last + ".");
    }
  }

  /** What the database could not hold is refused up front, each field named (never a 500). */
  private static void checkStorable(ReportDocument d, String idempotencyKey) {
    List<FieldError> errors = new ArrayList<>();
    if (d.scope() == null) {
      errors.add(new FieldError("scope", "scope is required: SELF or AGGREGATE", "报告口径（scope）不能为空。"));
    }
    if (d.sourceUrl() != null && (d.sourceUrl().length() > 2048 || hasNul(d.sourceUrl()))) {
      errors.add(new FieldError("sourceUrl", "sourceUrl must be at most 2048 characters", "来源网址过长或含非法字符。"));
    }
    for (Map.Entry<String, String> t : d.texts().entrySet()) {
      if (!t.getKey().matches("s[1-6]")) {
        errors.add(new FieldError("texts." + t.getKey(), "texts are keyed s1 … s6", "正文部分应为s1至s6。"));
      } else if (t.getValue() == null || hasNul(t.getValue())) {
        errors.add(new FieldError("texts." + t.getKey(), "text must be a string without NUL characters", "正文不能为空值或含非法字符。"));
      }
    }
    Set<String> rules = new HashSet<>();
    for (int i = 0; i < d.acknowledgements().size(); i++) {
      Acknowledgement a = d.acknowledgements().get(i);
      String field = "acknowledgements[" + i + "]";
      if (a == null || a.rule() == null || a.rule().isBlank() || hasNul(a.rule())) {
        errors.add(new FieldError(field + ".rule", "rule is required", "须注明规则编号。"));
      } else if (!rules.add(a.rule())) {
        errors.add(new FieldError(field + ".rule", "rule " + a.rule() + " is acknowledged twice", "同一规则重复说明。"));
      }
      if (a != null && (a.reason() == null || a.reason().isBlank() || hasNul(a.reason()))) {
        errors.add(new FieldError(field + ".reason", "a reason is required", "须说明理由。"));
      }
    }
    if (d.formatVersion() != null) {
      Catalogue catalogue = Catalogue.of(d.formatVersion());
      for (var cell : catalogue.cells()) {
        var node = d.cells().get(cell.key());
        if (node != null && node.isNumber() && cell.type() == org.nianbao.catalogue.CellType.DEC
            && node.decimalValue().abs().compareTo(new BigDecimal("100000000000000")) >= 0) {
          errors.add(new FieldError("cells." + cell.key(), "amount must be below 10^14 万元", "金额超出可存储范围。"));
        }
      }
    }
    if (idempotencyKey != null && (idempotencyKey.length() > 200 || idempotencyKey.isBlank())) {
      errors.add(new FieldError("Idempotency-Key", "Idempotency-Key must be 1–200 characters", "幂等键长度应为1至200。"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalidFields(errors);
    }
  }

  private static boolean hasNul(String s) {
    return s.indexOf('\u0000') >= 0;
  }

  private static Mode mode(String origin) {
    return "IMPORT".equals(origin) ? Mode.IMPORT : Mode.SUBMISSION;
  }

  private static int countOf(List<Finding> findings, Severity severity) {
    int n = 0;
    for (Finding f : findings) {
      if (f.severity() == severity) {
        n++;
      }
    }
    return n;
  }

  private static List<Acknowledgement> sortedAcknowledgements(ReportDocument d) {
    List<Acknowledgement> acks = new ArrayList<>(d.acknowledgements());
    acks.sort(java.util.Comparator.comparing(Acknowledgement::rule));
    return acks;
  }

  private static ReportChange.Snapshot snapshot(StoredReport r) {
    CellValues values = CellParser.lenient(r.cells(), Catalogue.of(r.formatVersion()));
    return new ReportChange.Snapshot(r.formatVersion(), r.scope(), values);
  }
}
