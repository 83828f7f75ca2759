package org.nianbao.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.PostgresTestResource;

/**
 * Swagger UI really loads in a browser: headless Chromium renders the page, runs its JavaScript,
 * fetches the contract from /q/openapi and lists the operations. Skipped (with a message) where no
 * Chromium is installed; .ci/run installs it.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class SwaggerUiBrowserTest {

  @TestHTTPResource("/q/swagger-ui/")
  URI swaggerUi;

  @Test
  void rendersEveryOperationOfTheContract() throws Exception {
    String browser =
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").stream()
            .filter(p -> Files.isExecutable(Path.of(p)))
            .findFirst()
            .orElse(null);
    assumeTrue(browser != null, "no Chromium installed: Swagger UI browser check skipped");
    Path profile = Files.createTempDirectory("nianbao-chromium");
    Process chromium =
        new ProcessBuilder(
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=10000",
                "--dump-dom",
                swaggerUi.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(chromium.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(dom)
        .contains("Nianbao")
        .contains("data-path=\"/api/v1/units/{code}/reports/{year}\"")
        .contains("data-path=\"/api/v1/rollups/{region}/{year}\"")
        .contains("data-path=\"/api/v1/imports\"")
        .contains("Authorize");
  }
}
