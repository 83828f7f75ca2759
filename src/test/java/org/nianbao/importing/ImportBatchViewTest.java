package org.nianbao.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nianbao.security.Caller;

class ImportBatchViewTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theCsvSummaryNeutralisesFormulasAndQuotesWhatNeedsIt() throws Exception {
    ImportBatchStore.Batch batch =
        new ImportBatchStore.Batch(
            UUID.randomUUID(),
            true,
            new Caller(null, "bootstrap-admin", "ADMIN"),
            2,
            OffsetDateTime.parse("2026-12-03T10:00:00Z"),
            null);
    List<ImportBatchStore.Document> documents =
        List.of(
            new ImportBatchStore.Document(
                1,
                "=HYPERLINK(\"http://x\").pdf",
                "application/pdf",
                "FAILED",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                JSON.readTree("[]"),
                JSON.readTree("{\"type\":\"t\",\"status\":422,\"detail\":\"+1, bad / 无法读取\"}")),
            new ImportBatchStore.Document(
                2,
                "411303_卧龙区.html",
                "text/html",
                "PENDING",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                JSON.readTree("[]"),
                null));

    ImportBatchView view = ImportBatchView.of(batch, documents);

    assertThat(view.status()).isEqualTo("RUNNING");
    assertThat(view.done()).isEqualTo(1);
    assertThat(view.failed()).isEqualTo(1);
    String[] lines = view.csv().split("\r\n");
    assertThat(lines[0]).startsWith("\uFEFF序号 index,");
    assertThat(lines[1])
        .isEqualTo("1,\"'=HYPERLINK(\"\"http://x\"\").pdf\",FAILED,,,,,,,,,\"'+1, bad / 无法读取\"");
    assertThat(lines[2]).isEqualTo("2,411303_卧龙区.html,PENDING,,,,,,,,,");
  }
}
