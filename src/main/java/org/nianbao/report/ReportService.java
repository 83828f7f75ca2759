package org.nianbao.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.common.Problem;
import org.nianbao.common.ProblemException;
import org.nianbao.common.ProblemException.FieldError;
import org.nianbao.common.ProblemType;
import org.nianbao.report.ReportStore.Current;
import org.nianbao.report.ReportStore.NewVersion;
import org.nianbao.report.ReportViews.StoredReport;
import org.nianbao.security.AccessControl;
import org.nianbao.security.Caller;
import org.nianbao.tables.ReportTables;
import org.nianbao.unit.Unit;
import org.nianbao.unit.UnitRepository;
import org.nianbao.validation.Acknowledgement;
import org.nianbao.validation.CellParser;
import org.nianbao.validation.CellValues;
import org.nianbao.validation.Finding;
import org.nianbao.validation.NarrativeFingerprint;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.Severity;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationResult;
import org.nianbao.validation.Validator;

/**
 * Submits, amends and reads annual reports. A submission is validated, then stored as a new version
 * in one transaction together with the rollup summaries and the re-check of the next year's report;
 * a rejected submission changes nothing.
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
  private final Event<ReportChange> changes;
  private final AccessControl access;

  public ReportService(
      UnitRepository units,
      ReportStore store,
      ValidationService validation,
      Event<ReportChange> changes,
      AccessControl access) {
    this.units = units;
    this.store = store;
    this.validation = validation;
    this.changes = changes;
    this.access = access;
  }

  /**
   * Submits a first version or amends the current one, in one transaction: check the request,
   * serialize on the (unit, year), answer a replay from what is stored, validate (rejecting with
   * every finding), store the version, let observers of {@link ReportChange} update in the same
   * transaction, re-check the next year.
   */
  @Transactional
  public Outcome submit(String unitCode, int year, Submission s) {
    // a unit not in memory is read in the same round trip as the locks and versions
    Unit cached = units.cached(unitCode);
    ReportStore.Opened opened = store.open(unitCode, year, cached == null);
    Unit unit = cached != null ? cached : units.remember(unitCode, opened.unit());
    Caller caller = access.requireWrite(unit);
    checkYear(year);
    checkStorable(s.document(), s.idempotencyKey());

    Map<Integer, Current> stored = opened.versions();
    Current current = stored.get(year);
    String sha = Canonical.sha256(s.document());
    Optional<Outcome> replay = replay(unit.code, year, current, s.idempotencyKey(), sha);
    if (replay.isPresent()) {
      return replay.get();
    }
    if (current != null) {
      checkPrecondition(s.ifMatch(), current);
    } else {
      checkNoVersionExpected(s.ifMatch());
    }

    // the narrative's fingerprint, computed once: TXT-06's candidates and the index rows written
    NarrativeFingerprint fingerprint = NarrativeFingerprint.of(s.document().texts());
    List<Finding> findings =
        validateOrReject(unit, year, s, fingerprint, stored.containsKey(year - 1));
    CellValues cells = Validator.read(s.document());
    NewVersion version =
        new NewVersion(
            s.document(),
            cells,
            sha,
            s.idempotencyKey(),
            caller,
            s.origin(),
            s.sourceSha256(),
            0,
            countOf(findings, Severity.WARNING),
            findings,
            fingerprint);
    ReportStore.Written written = storeVersion(unit.code, year, current, version);
    recheckNextYear(unit, year, s.document(), stored.get(year + 1));
    return new Outcome(
        stored(unit, year, version, written), current == null, etag(written.version(), sha));
  }

  /**
   * The stored answer to a request already served: same Idempotency-Key, or the current document
   * again.
   */
  private Optional<Outcome> replay(
      String unitCode, int year, Current current, String idempotencyKey, String sha) {
    if (current == null) {
      return Optional.empty();
    }
    if (idempotencyKey != null) {
      var keyed = store.byIdempotencyKey(current.reportId(), idempotencyKey);
      if (keyed.isPresent()) {
        if (!keyed.get().documentSha256().equals(sha)) {
          throw ProblemException.invalidField(
              "Idempotency-Key",
              "该幂等键已用于另一份不同的报告。",
              "This Idempotency-Key was already used for a different document.");
        }
        StoredReport first = store.load(unitCode, year, keyed.get().version()).orElseThrow();
        return Optional.of(
            new Outcome(
                first, first.version() == 1, etag(first.version(), keyed.get().documentSha256())));
      }
    }
    if (current.documentSha256().equals(sha)) {
      StoredReport same = store.load(unitCode, year, null).orElseThrow();
      return Optional.of(new Outcome(same, false, etag(current.version(), sha)));
    }
    return Optional.empty();
  }

  /**
   * Every finding of the submission (the caller's, then the rules'); a 422 with all of them on any
   * error.
   */
  private List<Finding> validateOrReject(
      Unit unit, int year, Submission s, NarrativeFingerprint fingerprint, boolean previousStored) {
    ValidationResult result =
        validation.validateSubmission(
            s.document(), fingerprint, unit, year, previousStored, mode(s.origin()));
    List<Finding> findings = new ArrayList<>(s.extraFindings());
    findings.addAll(result.findings());
    int errors = countOf(findings, Severity.ERROR);
    if (errors > 0) {
      throw new ProblemException(
          new Problem(
                  ProblemType.REPORT_REJECTED,
                  "The report was not stored: it has "
                      + errors
                      + " error(s) / 报告未保存：存在"
                      + errors
                      + "处错误")
              .with("errorCount", errors)
              .with("warningCount", countOf(findings, Severity.WARNING))
              .with("findings", findings));
    }
    return findings;
  }

  /**
   * Stores the version as the current one and publishes the change to its observers (same
   * transaction).
   */
  private ReportStore.Written storeVersion(
      String unitCode, int year, Current current, NewVersion version) {
    ReportChange.Snapshot before =
        current == null
            ? null
            : new ReportChange.Snapshot(
                current.format(),
                current.scope(),
                CellParser.lenient(store.cells(current), Catalogue.of(current.format())));
    ReportStore.Written written =
        current == null
            ? store.create(unitCode, year, version)
            : store.amend(unitCode, current, version);
    ReportDocument document = version.document();
    changes.fire(
        new ReportChange(
            unitCode,
            year,
            before,
            new ReportChange.Snapshot(
                document.formatVersion(), document.scope(), version.cells())));
    return written;
  }

  /** The stored version as the API shows it, built from what was written (no read-back). */
  private static StoredReport stored(
      Unit unit, int year, NewVersion version, ReportStore.Written written) {
    ReportDocument document = version.document();
    return new StoredReport(
        unit.code,
        unit.name,
        year,
        written.version(),
        VersionStatus.ACCEPTED,
        document.formatVersion(),
        document.scope(),
        document.publishedAt(),
        document.sourceUrl(),
        ReportTables.nodes(document.formatVersion(), version.cells()),
        new TreeMap<>(document.texts()),
        sortedAcknowledgements(document),
        written.submittedAt(),
        new ReportViews.Submitter(version.caller().tokenId(), version.caller().name()),
        version.origin(),
        0,
        version.warnings(),
        version.findings());
  }

  @Transactional
  public Outcome read(String unitCode, int year, Integer version) {
    units.require(unitCode);
    StoredReport report =
        store
            .load(unitCode, year, version)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "Report",
                        unitCode + "/" + year + (version == null ? "" : " version " + version)));
    // the ETag is that of the document as it was stored, the same one If-Match is compared with
    return new Outcome(
        report,
        false,
        etag(report.version(), store.documentSha256(unitCode, year, report.version())));
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
      if (r.status() == VersionStatus.ACCEPTED) {
        currentVersion = n;
      }
      out.add(Diff.summary(previous, r));
      previous = r;
    }
    return new ReportViews.VersionHistory(unitCode, year, currentVersion, out);
  }

  /**
   * When year Y changes, the next year's S3-04 / S2-01 findings are recomputed (flagged, never
   * rejected).
   */
  private void recheckNextYear(Unit unit, int year, ReportDocument changed, Current next) {
    // the next year's lock was taken with this year's (ReportStore.open), so a concurrent amendment
    // of Y+1 either saw the Y before this one and is re-checked here, or waits and sees this Y
    if (next == null) {
      return;
    }
    ValidationResult result =
        validation.validateAgainst(store.document(next), unit, year + 1, changed, Mode.SUBMISSION);
    List<Finding> crossYear =
        result.findings().stream().filter(f -> CROSS_YEAR_RULES.contains(f.rule())).toList();
    store.replaceFindings(next.versionId(), CROSS_YEAR_RULES, crossYear);
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
                  "Version "
                      + current.version()
                      + " of this report exists; send If-Match: "
                      + etag
                      + " to amend it / 该报告已有第"
                      + current.version()
                      + "版，修改时请在If-Match中提供其ETag")
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
                "The report is now at version "
                    + current.version()
                    + " (ETag "
                    + etag
                    + "); read it again before amending / 报告已被修改为第"
                    + current.version()
                    + "版，请重新读取后再修改")
            .with("currentVersion", current.version())
            .with("currentETag", etag));
  }

  /**
   * A client that names a version (an ETag) of a report that does not exist is amending something
   * that is not there: 412, as RFC 9110 §13.1.1 asks. {@code *} keeps the contract's "matches any".
   */
  private static void checkNoVersionExpected(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return;
    }
    for (String candidate : ifMatch.split(",")) {
      if (candidate.strip().equals("*")) {
        return;
      }
    }
    throw new ProblemException(
        new Problem(
            ProblemType.PRECONDITION_FAILED,
            "No version of this report exists; send it without If-Match to create it / "
                + "该报告尚无任何版本，首次提交时请勿提供If-Match"));
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
      errors.add(
          new FieldError("scope", "scope is required: SELF or AGGREGATE", "报告口径（scope）不能为空。"));
    }
    if (d.sourceUrl() != null && (d.sourceUrl().length() > 2048 || hasNul(d.sourceUrl()))) {
      errors.add(
          new FieldError(
              "sourceUrl", "sourceUrl must be at most 2048 characters", "来源网址过长或含非法字符。"));
    } else if (d.sourceUrl() != null && !WEB_ADDRESS.matcher(d.sourceUrl()).matches()) {
      // shown as a link by the dashboard and by portals: only a web address, never javascript:
      errors.add(
          new FieldError(
              "sourceUrl",
              "sourceUrl must be an http:// or https:// address",
              "来源网址应为以http://或https://开头的网址。"));
    }
    if (d.publishedAt() != null && d.publishedAt().isAfter(LocalDate.now(CHINA).plusDays(1))) {
      errors.add(
          new FieldError(
              "publishedAt",
              "publishedAt " + d.publishedAt() + " is in the future",
              "公布日期" + d.publishedAt() + "晚于今天。"));
    }
    for (Map.Entry<String, String> t : d.texts().entrySet()) {
      if (!t.getKey().matches("s[1-6]")) {
        errors.add(
            new FieldError("texts." + t.getKey(), "texts are keyed s1 … s6", "正文部分应为s1至s6。"));
      } else if (t.getValue() == null || hasNul(t.getValue())) {
        errors.add(
            new FieldError(
                "texts." + t.getKey(),
                "text must be a string without NUL characters",
                "正文不能为空值或含非法字符。"));
      }
    }
    Set<String> rules = new HashSet<>();
    for (int i = 0; i < d.acknowledgements().size(); i++) {
      Acknowledgement a = d.acknowledgements().get(i);
      String field = "acknowledgements[" + i + "]";
      if (a == null || a.rule() == null || a.rule().isBlank() || hasNul(a.rule())) {
        errors.add(new FieldError(field + ".rule", "rule is required", "须注明规则编号。"));
      } else if (!rules.add(a.rule())) {
        errors.add(
            new FieldError(
                field + ".rule", "rule " + a.rule() + " is acknowledged twice", "同一规则重复说明。"));
      }
      if (a != null && (a.reason() == null || a.reason().isBlank() || hasNul(a.reason()))) {
        errors.add(new FieldError(field + ".reason", "a reason is required", "须说明理由。"));
      }
    }
    if (idempotencyKey != null && (idempotencyKey.length() > 200 || idempotencyKey.isBlank())) {
      errors.add(
          new FieldError(
              "Idempotency-Key", "Idempotency-Key must be 1–200 characters", "幂等键长度应为1至200。"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalidFields(errors);
    }
  }

  /** An absolute http(s) address: a host, no white space or control characters. */
  private static final Pattern WEB_ADDRESS =
      Pattern.compile("(?i)https?://[^\\s\\p{Cntrl}/?#@]+(?:[/?#][^\\s\\p{Cntrl}]*)?");

  /** Publication dates are the publisher's, in China's time zone (UTC+8, no daylight saving). */
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

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
}
