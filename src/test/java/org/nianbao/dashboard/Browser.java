package org.nianbao.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (no driver or browser download),
 * started with the flags this machine needs: no sandbox as root, no background networking on a
 * closed network.
 */
final class Browser implements AutoCloseable {

  private static final String CHROMIUM =
      executable("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  private static final String CHROMEDRIVER = executable("/usr/bin/chromedriver");

  final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  static boolean available() {
    return CHROMIUM != null && CHROMEDRIVER != null;
  }

  static Browser start() throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--lang=zh-CN",
        "--user-data-dir=" + Files.createTempDirectory("nianbao-dashboard-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options));
  }

  /**
   * Loads the page afresh at a view and waits until it has rendered without an error; returns the
   * page's own measures from the start of navigation: when the view was first shown, and when it
   * was complete (a region's last-year column and trend are filled in after it is shown).
   */
  long[] open(String url, String view) {
    driver.get("about:blank");
    driver.get(url);
    waitReady(view);
    return new long[] {
      Long.parseLong(driver.findElement(By.id("main")).getAttribute("data-shown-ms")),
      Long.parseLong(driver.findElement(By.id("main")).getAttribute("data-since-navigation-ms"))
    };
  }

  void waitReady(String view) {
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(d -> view.equals(d.findElement(By.id("main")).getAttribute("data-ready")));
    List<?> errors = driver.findElements(By.id("error"));
    assertThat(errors).as("the view shows no error").isEmpty();
  }

  /** Emulates a screen of this width (a phone below 600 px) until {@link #desktop()}. */
  void viewport(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  void desktop() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /** A PNG of the whole page at this width. */
  void screenshot(Path file, int width) throws IOException, InterruptedException {
    Number height = (Number) js("return Math.ceil(document.documentElement.scrollHeight)");
    viewport(width, Math.min(height.intValue(), 12000));
    Thread.sleep(300); // let the charts follow the resize
    Map<String, Object> shot =
        driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.get("data").toString()));
    desktop();
  }

  /** The API requests of the page just loaded, slowest first: "path duration ms". */
  List<String> apiTimings() {
    @SuppressWarnings("unchecked")
    List<String> timings =
        (List<String>)
            js(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/'))"
                    + ".sort((a, b) => b.duration - a.duration)"
                    + ".map(e => new URL(e.name).pathname + new URL(e.name).search + ' ' + Math.round(e.duration) + ' ms')");
    return timings;
  }

  Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static String executable(String... candidates) {
    for (String p : candidates) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    return null;
  }
}
