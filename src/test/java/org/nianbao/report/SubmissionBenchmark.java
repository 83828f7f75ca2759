package org.nianbao.report;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.testsupport.Tokens;

/**
 * Prints the throughput and latency of full report submissions (validation, storage of 29 table
 * rows, findings, rollup summaries, next-year re-check) over HTTP, from 8 concurrent clients. Run:
 * ./mvnw -B test -Dgroups=benchmark -DexcludedGroups=none -Dtest=SubmissionBenchmark
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class SubmissionBenchmark {

  @TestHTTPResource("/")
  URI root;

  @Test
  void submissionsPerSecond() throws Exception {
    List<String> units =
        given()
            .queryParam("kind", "PEOPLES_GOV")
            .queryParam("size", 500)
            .get("/api/v1/units")
            .jsonPath()
            .getList("items.code");
    Random random = new Random(42);
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      bodies.add(ReportDocuments.random(FormatVersion.FMT2021, random).json());
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    int warmup = 200;
    run(client, pool, units.subList(0, warmup), 2021, bodies);
    List<String> measured = units.subList(warmup, units.size());
    long start = System.nanoTime();
    List<Long> latencies = run(client, pool, measured, 2022, bodies);
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Collections.sort(latencies);
    System.out.printf(
        "SUBMISSIONS: %d in %.2f s = %.0f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (8 clients)%n",
        latencies.size(),
        seconds,
        latencies.size() / seconds,
        latencies.get(latencies.size() / 2) / 1e6,
        latencies.get((int) (latencies.size() * 0.95)) / 1e6,
        latencies.get((int) (latencies.size() * 0.99)) / 1e6);
  }

  private List<Long> run(
      HttpClient client, ExecutorService pool, List<String> units, int year, List<String> bodies)
      throws Exception {
    List<Future<Long>> futures = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      String unit = units.get(i);
      String body = bodies.get(i % bodies.size());
      futures.add(
          pool.submit(
              () -> {
                HttpRequest request =
                    HttpRequest.newBuilder(
                            root.resolve("/api/v1/units/" + unit + "/reports/" + year))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + Tokens.ADMIN)
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                long t0 = System.nanoTime();
                HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString());
                long t = System.nanoTime() - t0;
                if (response.statusCode() != 201) {
                  throw new IllegalStateException(
                      unit + ": " + response.statusCode() + " " + response.body());
                }
                return t;
              }));
    }
    List<Long> out = new ArrayList<>();
    for (Future<Long> f : futures) {
      out.add(f.get());
    }
    return out;
  }
}
