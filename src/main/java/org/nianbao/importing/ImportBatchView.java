package org.nianbao.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.nianbao.common.Csv;

/** A batch as the API shows it: progress, and per document what was read, found or refused. */
public record ImportBatchView(
    UUID id,
    String status,
    boolean submit,
    int total,
    int done,
    int failed,
    OffsetDateTime createdAt,
    OffsetDateTime finishedAt,
    List<DocumentView> documents) {

  /** One document of the batch. */
  public record DocumentView(
      int index,
      String fileName,
      String mediaType,
      String status,
      String unit,
      String unitName,
      Integer year,
      Integer cellsRead,
      Integer cellsTotal,
      Integer errorCount,
      Integer warningCount,
      Integer version,
      JsonNode findings,
      @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode problem) {}

  static ImportBatchView of(
      ImportBatchStore.Batch batch, List<ImportBatchStore.Document> documents) {
    List<DocumentView> views =
        documents.stream()
            .map(
                d ->
                    new DocumentView(
                        d.position(),
                        d.fileName(),
                        d.mediaType(),
                        d.status(),
                        d.unit(),
                        d.unitName(),
                        d.year(),
                        d.cellsRead(),
                        d.cellsTotal(),
                        d.errorCount(),
                        d.warningCount(),
                        d.version(),
                        d.findings(),
                        d.problem()))
            .toList();
    int done = (int) views.stream().filter(d -> !d.status().equals("PENDING")).count();
    int failed = (int) views.stream().filter(d -> d.status().equals("FAILED")).count();
    return new ImportBatchView(
        batch.id(),
        done == batch.total() ? "FINISHED" : "RUNNING",
        batch.submit(),
        batch.total(),
        done,
        failed,
        batch.createdAt(),
        batch.finishedAt(),
        views);
  }

  /** The batch as CSV, one line per document (UTF-8 with BOM, formulas neutralised). */
  String csv() {
    StringBuilder out = Csv.document();
    Csv.line(
        out,
        List.of(
            "序号 index",
            "文件 file",
            "状态 status",
            "单位代码 unit",
            "单位名称 unit name",
            "年度 year",
            "读取单元格 cells read",
            "单元格总数 cells",
            "错误 errors",
            "警告 warnings",
            "版本 version",
            "问题 problem"));
    for (DocumentView d : documents) {
      Csv.line(
          out,
          java.util.Arrays.asList(
              String.valueOf(d.index()),
              d.fileName(),
              d.status(),
              d.unit(),
              d.unitName(),
              text(d.year()),
              text(d.cellsRead()),
              text(d.cellsTotal()),
              text(d.errorCount()),
              text(d.warningCount()),
              text(d.version()),
              d.problem() == null ? null : d.problem().path("detail").asText(null)));
    }
    return out.toString();
  }

  private static String text(Integer n) {
    return n == null ? null : n.toString();
  }
}
