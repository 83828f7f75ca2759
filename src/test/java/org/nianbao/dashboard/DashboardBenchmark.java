package org.nianbao.dashboard;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.rollup.bench.NationalDataset;
import org.nianbao.testsupport.PostgresTestResource;

/**
 * Render time of each dashboard view with the national dataset (every government and county
 * department, four years of reports) loaded, in headless Chromium: the page's own figures from the
 * start of navigation (a fresh load of the page, assets from the browser cache) to the view shown
 * (data fetched, tables built, charts drawn) and to the view complete (a region's last-year column
 * and trend filled in from the series). Prints numbers, asserts no timing. Run alone, on a fresh
 * test database: {@code ./mvnw -B test -Dgroups=benchmark -DexcludedGroups=none
 * -Dtest=DashboardBenchmark}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class DashboardBenchmark {

  private static final int RUNS = Integer.getInteger("dashboard.bench.runs", 5);

  @Inject DataSource dataSource;

  @TestHTTPResource("/dashboard/")
  URI dashboard;

  @Test
  void eachViewWithTheNationalDataset() throws Exception {
    assumeTrue(Browser.available(), "no Chromium/chromedriver installed");
    try (Connection c = dataSource.getConnection()) {
      NationalDataset.Stats stats = NationalDataset.load(c);
      System.out.printf(
          "%n== Dashboard benchmark: national dataset, %,d reports, %,d table rows, loaded in %,d ms ==%n",
          stats.reports(), stats.tableRows(), stats.millis());
    }
    int year = NationalDataset.LAST_YEAR;
    String[][] views = {
      {"region", "#/region/000000/" + year}, {"region", "#/region/410000/" + year},
      {"region", "#/region/411300/" + year}, {"region", "#/region/411303/" + year},
      {"report", "#/report/411303/" + year}, {"findings", "#/findings/000000/" + year},
      {"findings", "#/findings/410000/" + year},
    };
    try (Browser browser = Browser.start()) {
      for (String[] view : views) {
        List<Long> shown = new ArrayList<>();
        List<Long> complete = new ArrayList<>();
        for (int i = 0; i <= RUNS; i++) {
          long[] took = browser.open(dashboard + view[1], view[0]);
          if (i > 0) { // the first load warms the JIT, the caches and the browser's asset cache
            shown.add(took[0]);
            complete.add(took[1]);
          }
        }
        List<String> requests = browser.apiTimings();
        Collections.sort(shown);
        Collections.sort(complete);
        System.out.printf(
            "%-28s shown: median %5d ms, max %5d ms; complete: median %5d ms, max %5d ms (%d runs);"
                + " last run's API requests: %s%n",
            view[1],
            shown.get(shown.size() / 2),
            shown.get(shown.size() - 1),
            complete.get(complete.size() / 2),
            complete.get(complete.size() - 1),
            complete.size(),
            String.join(", ", requests));
      }
    }
  }
}
