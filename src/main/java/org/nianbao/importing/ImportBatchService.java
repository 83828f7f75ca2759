package org.nianbao.importing;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.nianbao.common.Problem;
import org.nianbao.common.ProblemException;
import org.nianbao.common.ProblemType;
import org.nianbao.security.AccessControl;
import org.nianbao.security.Caller;
import org.nianbao.security.TokenAuthenticator;
import org.nianbao.unit.Unit;
import org.nianbao.unit.UnitRepository;
import org.nianbao.validation.Finding;
import org.nianbao.validation.Severity;

/**
 * Batch imports: stores a batch's documents, then reads each in the background with bounded
 * concurrency, through {@link ImportService} exactly as {@code POST /api/v1/imports} does (and,
 * with submit, as {@code PUT …/reports/{year}} does, checked against the caller who sent the
 * batch). Every document is finished in its own transaction and fails alone; documents left pending
 * by a stop are resumed at start.
 */
@ApplicationScoped
public class ImportBatchService {

  private static final Logger LOG = Logger.getLogger(ImportBatchService.class);

  /** A unit code at the start of a file name: {@code 411303_…}, {@code 411303-…}, or a USCC. */
  private static final Pattern CODE_PREFIX =
      Pattern.compile("^([0-9]{6}|[0-9A-HJ-NPQRTUWXY]{18})(?![0-9A-Z])");

  private final ImportBatchStore store;
  private final ImportService imports;
  private final UnitRepository units;
  private final AccessControl access;
  private final TokenAuthenticator tokens;
  private final DocumentImporter importer = new DocumentImporter();
  private final ExecutorService workers;

  public ImportBatchService(
      ImportBatchStore store,
      ImportService imports,
      UnitRepository units,
      AccessControl access,
      TokenAuthenticator tokens,
      @ConfigProperty(name = "nianbao.import.batch.concurrency", defaultValue = "2")
          int concurrency) {
    this.store = store;
    this.imports = imports;
    this.units = units;
    this.access = access;
    this.tokens = tokens;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            Math.max(1, concurrency),
            r -> {
              Thread t = new Thread(r, "import-batch-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Stores a new batch for the calling token (any scope) and starts reading it; returns its id. */
  public UUID create(List<BatchArchive.Entry> entries, boolean submit) {
    BatchArchive.checkCount(entries.size());
    Caller caller = access.requireCaller();
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew().run(() -> store.create(id, submit, caller, entries));
    for (int i = 1; i <= entries.size(); i++) {
      schedule(id, i);
    }
    return id;
  }

  /** The batch and its documents; 404 if there is none. */
  public ImportBatchView view(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ImportBatchStore.Batch batch =
                  store
                      .batch(id)
                      .orElseThrow(() -> ProblemException.notFound("import batch", id.toString()));
              return ImportBatchView.of(batch, store.documents(id));
            });
  }

  void resume(@Observes StartupEvent event) {
    List<ImportBatchStore.Pending> pending =
        QuarkusTransaction.requiringNew().call(store::pendingKeys);
    if (!pending.isEmpty()) {
      LOG.infof(
          "Resuming %d batch import document(s) not read before the last stop", pending.size());
    }
    for (ImportBatchStore.Pending p : pending) {
      schedule(p.batchId(), p.position());
    }
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    workers.shutdownNow();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }

  private void schedule(UUID id, int position) {
    workers.execute(() -> process(id, position));
  }

  /**
   * Reads one document and records the outcome; nothing it meets escapes (a document fails alone).
   */
  void process(UUID id, int position) {
    Optional<ImportBatchStore.Pending> found;
    ImportBatchStore.Batch batch;
    try {
      found = QuarkusTransaction.requiringNew().call(() -> store.pending(id, position));
      if (found.isEmpty()) {
        return; // finished already (a resume racing a late task)
      }
      batch = QuarkusTransaction.requiringNew().call(() -> store.batch(id).orElseThrow());
    } catch (RuntimeException e) {
      LOG.errorf(e, "Batch %s document %d could not be loaded", id, position);
      return;
    }
    ImportBatchStore.Pending doc = found.get();
    ImportBatchStore.Document outcome;
    try {
      outcome = read(batch, doc);
    } catch (ProblemException e) {
      outcome = failed(doc, null, null, null, e.problem());
    } catch (RuntimeException | StackOverflowError e) {
      LOG.errorf(e, "Batch %s document %d (%s) failed unexpectedly", id, position, doc.fileName());
      outcome =
          failed(
              doc,
              null,
              null,
              null,
              new Problem(ProblemType.INTERNAL, "The document could not be processed / 文档处理失败"));
    }
    ImportBatchStore.Document result = outcome;
    try {
      QuarkusTransaction.requiringNew().run(() -> store.finish(id, result));
    } catch (RuntimeException e) {
      LOG.errorf(
          e,
          "Batch %s document %d: the outcome could not be stored; it stays pending",
          id,
          position);
    }
  }

  private ImportBatchStore.Document read(
      ImportBatchStore.Batch batch, ImportBatchStore.Pending doc) {
    ImportResult read;
    try {
      read = importer.importDocument(doc.content(), doc.mediaType());
    } catch (ImportException e) {
      throw ImportService.unreadable(e);
    }
    Unit unit = unitOf(doc.fileName(), read.unitName());
    Integer year = read.year();
    if (unit == null) {
      return failed(
          doc,
          null,
          read.unitName(),
          year,
          ProblemException.invalidField(
                  "unit",
                  "未找到单位：文件名不以单位代码开头，标题中的单位名称（" + read.unitName() + "）也不唯一对应一个单位。",
                  "No unit: the file name does not start with a unit code and the title's unit name ("
                      + read.unitName()
                      + ") matches no single unit.")
              .problem());
    }
    if (year == null) {
      return failed(
          doc,
          unit.code,
          read.unitName(),
          null,
          ProblemException.invalidField("year", "文档标题中未找到年度。", "No year in the document title.")
              .problem());
    }
    ImportService.Imported imported;
    try {
      imported =
          batch.submit()
              ? onBehalfOf(batch.caller(), () -> importAndSubmit(doc, unit, year))
              : imports.importDocument(
                  doc.content(), doc.mediaType(), unit.code, year, false, null, null);
    } catch (ProblemException e) {
      return failed(doc, unit.code, read.unitName(), year, e.problem());
    }
    ImportResult r = imported.result();
    int cellsRead =
        (int) r.report().cells().values().stream().filter(v -> v != null && v.isNumber()).count();
    return new ImportBatchStore.Document(
        doc.position(),
        doc.fileName(),
        doc.mediaType(),
        imported.submitted() != null ? "SUBMITTED" : "READ",
        unit.code,
        r.unitName(),
        year,
        cellsRead,
        r.report().cells().size(),
        count(imported.findings(), Severity.ERROR),
        count(imported.findings(), Severity.WARNING),
        imported.submitted() == null ? null : imported.submitted().report().version(),
        store.tree(imported.findings()),
        null);
  }

  private ImportService.Imported importAndSubmit(
      ImportBatchStore.Pending doc, Unit unit, int year) {
    // the key makes a document resumed after a stop store the same version once
    String key = "batch:" + doc.batchId() + ":" + doc.position();
    return imports.importDocument(doc.content(), doc.mediaType(), unit.code, year, true, null, key);
  }

  /**
   * Runs work in a request context of its own, checked against the batch's caller (if still valid).
   */
  private <T> T onBehalfOf(Caller caller, java.util.function.Supplier<T> work) {
    ManagedContext requestContext = Arc.container().requestContext();
    requestContext.activate();
    try {
      Caller current =
          tokens
              .stillValid(caller)
              .orElseThrow(
                  () ->
                      new ProblemException(
                          new Problem(
                              ProblemType.UNAUTHORIZED,
                              "The batch's token was revoked or expired / 提交本批次的令牌已撤销或已过期")));
      access.actAs(current);
      return work.get();
    } finally {
      requestContext.terminate();
    }
  }

  /**
   * The unit named by the file name's leading code, else the one unit whose name is the title's.
   */
  private Unit unitOf(String fileName, String unitName) {
    Matcher m = CODE_PREFIX.matcher(fileName);
    if (m.find()) {
      Unit byCode = QuarkusTransaction.requiringNew().call(() -> units.findById(m.group(1)));
      if (byCode != null) {
        return byCode;
      }
    }
    if (unitName == null || unitName.isBlank()) {
      return null;
    }
    List<Unit> named =
        QuarkusTransaction.requiringNew().call(() -> units.list("name", unitName.strip()));
    return named.size() == 1 ? named.get(0) : null;
  }

  private ImportBatchStore.Document failed(
      ImportBatchStore.Pending doc, String unit, String unitName, Integer year, Problem problem) {
    return new ImportBatchStore.Document(
        doc.position(),
        doc.fileName(),
        doc.mediaType(),
        "FAILED",
        unit,
        unitName,
        year,
        null,
        null,
        null,
        null,
        null,
        null,
        store.tree(problem));
  }

  private static int count(List<Finding> findings, Severity severity) {
    return (int) findings.stream().filter(f -> f.severity() == severity).count();
  }
}
