package org.nianbao.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fair use of the expensive open endpoints ({@code POST /api/v1/imports}, {@code POST
 * /api/v1/validations}): a token bucket per client — the bearer token when one is sent, else the
 * client address — and a second, wider bucket per address (so that inventing tokens does not buy
 * more), answered with 429 and {@code Retry-After}; and a bound on concurrent imports, overall and
 * per client, so one client cannot hold every worker thread.
 */
@ApplicationScoped
public class FairUse {

  private final boolean enabled;
  private final long perMinute;
  private final long burst;
  private final long addressPerMinute;
  private final long addressBurst;
  private final int importsInFlight;
  private final int importsInFlightPerClient;

  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(10, TimeUnit.MINUTES).build();
  private final AtomicInteger imports = new AtomicInteger();
  private final ConcurrentHashMap<String, AtomicInteger> importsByClient =
      new ConcurrentHashMap<>();

  public FairUse(
      @ConfigProperty(name = "nianbao.fair-use.enabled", defaultValue = "true") boolean enabled,
      @ConfigProperty(name = "nianbao.fair-use.requests-per-minute", defaultValue = "60")
          long perMinute,
      @ConfigProperty(name = "nianbao.fair-use.burst", defaultValue = "20") long burst,
      @ConfigProperty(name = "nianbao.fair-use.address-requests-per-minute", defaultValue = "240")
          long addressPerMinute,
      @ConfigProperty(name = "nianbao.fair-use.address-burst", defaultValue = "80")
          long addressBurst,
      @ConfigProperty(name = "nianbao.imports.max-concurrent", defaultValue = "4")
          int importsInFlight,
      @ConfigProperty(name = "nianbao.imports.max-concurrent-per-client", defaultValue = "1")
          int importsInFlightPerClient) {
    this.enabled = enabled;
    this.perMinute = perMinute;
    this.burst = burst;
    this.addressPerMinute = addressPerMinute;
    this.addressBurst = addressBurst;
    this.importsInFlight = importsInFlight;
    this.importsInFlightPerClient = importsInFlightPerClient;
  }

  void register(@Observes Router router) {
    // after HttpProblems' size checks (MIN_VALUE, MIN_VALUE + 1), before the body is read by a
    // resource
    router
        .route(HttpMethod.POST, "/api/v1/imports")
        .order(Integer.MIN_VALUE + 2)
        .handler(this::check);
    router
        .route(HttpMethod.POST, "/api/v1/imports/*")
        .order(Integer.MIN_VALUE + 2)
        .handler(this::check);
    router
        .route(HttpMethod.POST, "/api/v1/validations")
        .order(Integer.MIN_VALUE + 2)
        .handler(this::check);
  }

  private void check(RoutingContext ctx) {
    if (!enabled) {
      ctx.next();
      return;
    }
    String address =
        ctx.request().remoteAddress() == null
            ? "unknown"
            : ctx.request().remoteAddress().hostAddress();
    String client = clientKey(ctx.request().getHeader(HttpHeaders.AUTHORIZATION), address);
    long waitNanos = refusal(client, "address:" + address);
    if (waitNanos > 0) {
      refuse(
          ctx,
          Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L),
          "Too many requests from this client; retry later / 请求过于频繁，请稍后再试");
      return;
    }
    ctx.next();
  }

  /** Nanoseconds to wait before either bucket has a token again, or 0 when both granted one. */
  long refusal(String client, String address) {
    ConsumptionProbe own = bucket(client, perMinute, burst).tryConsumeAndReturnRemaining(1);
    if (!own.isConsumed()) {
      return own.getNanosToWaitForRefill();
    }
    if (!client.equals(address)) {
      ConsumptionProbe shared =
          bucket(address, addressPerMinute, addressBurst).tryConsumeAndReturnRemaining(1);
      if (!shared.isConsumed()) {
        return shared.getNanosToWaitForRefill();
      }
    }
    return 0;
  }

  private Bucket bucket(String key, long rate, long capacity) {
    return buckets.get(
        key,
        k ->
            Bucket.builder()
                .addLimit(
                    limit -> limit.capacity(capacity).refillGreedy(rate, Duration.ofMinutes(1)))
                .build());
  }

  /**
   * Takes one of the bounded slots for reading an import (overall and per client), or refuses with
   * 429. The caller holds it in try-with-resources around the reading, so the slot comes back
   * however the request ends — also when the client went away mid-upload (a slot kept by a route's
   * end handler leaked then).
   */
  public ImportSlot importSlot(String authorization, String address) {
    if (!enabled) {
      return new ImportSlot(null, null);
    }
    String client = clientKey(authorization, address == null ? "unknown" : address);
    AtomicInteger mine = importsByClient.computeIfAbsent(client, k -> new AtomicInteger());
    if (mine.incrementAndGet() > importsInFlightPerClient) {
      release(client, mine, false);
      throw tooMany("This client already has an import running; wait for it / 您已有导入正在处理，请稍候");
    }
    if (imports.incrementAndGet() > importsInFlight) {
      release(client, mine, true);
      throw tooMany("Every import slot is busy; retry shortly / 导入任务已满，请稍后重试");
    }
    return new ImportSlot(client, mine);
  }

  /** An import slot; {@link #close()} gives it back once. */
  public final class ImportSlot implements AutoCloseable {
    private final String client;
    private final AtomicInteger mine;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private ImportSlot(String client, AtomicInteger mine) {
      this.client = client;
      this.mine = mine;
    }

    @Override
    public void close() {
      if (mine != null && open.compareAndSet(true, false)) {
        release(client, mine, true);
      }
    }
  }

  private static ProblemException tooMany(String detail) {
    return new ProblemException(
        new Problem(ProblemType.TOO_MANY_REQUESTS, detail).header("Retry-After", "1"));
  }

  private void release(String client, AtomicInteger mine, boolean global) {
    if (global) {
      imports.decrementAndGet();
    }
    if (mine.decrementAndGet() <= 0) {
      importsByClient.remove(client, mine);
    }
  }

  /** The bearer token (hashed: secrets are not kept) or, without one, the address. */
  static String clientKey(String authorization, String address) {
    if (authorization != null
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && authorization.length() > 7) {
      return "token:" + sha256(authorization.substring(7).strip());
    }
    return "address:" + address;
  }

  private static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void refuse(RoutingContext ctx, long retryAfterSeconds, String detail) {
    ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    HttpProblems.send(ctx, ProblemType.TOO_MANY_REQUESTS, detail);
  }
}
