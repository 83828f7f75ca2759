package org.nianbao.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's files, read once from the class path and published under content-hashed names
 * ({@code app.3f2a9c0d11e4.js}), so a browser may cache each for a year and still never run a stale
 * one; the page itself names the current ones.
 */
@ApplicationScoped
public class DashboardAssets {

  /** An asset: its bytes and media type. */
  public record Asset(byte[] bytes, String mediaType) {}

  /**
   * ECharts from its webjar (org.webjars.npm:echarts, version in the pom); only the minified bundle
   * is served.
   */
  static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  private final Map<String, Asset> byHashedName = new LinkedHashMap<>();
  private final String page;

  public DashboardAssets() {
    Map<String, String> placeholders = new LinkedHashMap<>();
    placeholders.put(
        "@app.css@", publish("app.css", "dashboard/app.css", "text/css; charset=UTF-8"));
    placeholders.put(
        "@echarts.js@", publish("echarts.js", ECHARTS, "text/javascript; charset=UTF-8"));
    placeholders.put(
        "@app.js@", publish("app.js", "dashboard/app.js", "text/javascript; charset=UTF-8"));
    String html = new String(read("dashboard/index.html"), StandardCharsets.UTF_8);
    for (Map.Entry<String, String> p : placeholders.entrySet()) {
      html = html.replace(p.getKey(), "/dashboard/assets/" + p.getValue());
    }
    this.page = html;
  }

  /** The HTML page, naming the current hashed assets. */
  public String page() {
    return page;
  }

  /** The asset published under this hashed name. */
  public Optional<Asset> asset(String hashedName) {
    return Optional.ofNullable(byHashedName.get(hashedName));
  }

  private String publish(String name, String classPath, String mediaType) {
    byte[] bytes = read(classPath);
    int dot = name.lastIndexOf('.');
    String hashed = name.substring(0, dot) + "." + hash(bytes) + name.substring(dot);
    byHashedName.put(hashed, new Asset(bytes, mediaType));
    return hashed;
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          .substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] read(String classPath) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(classPath)) {
      if (in == null) {
        throw new IllegalStateException(
            "Dashboard asset missing from the class path: " + classPath);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
