package org.nianbao.common;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Problem documents for requests the HTTP decoder cannot parse (a garbled request line or header, a
 * line or header block beyond the decoder's hard limits): they never reach a route, and Vert.x
 * would answer them with a bare status. Vert.x offers {@code HttpServer.invalidRequestHandler} for
 * exactly this, but Quarkus creates its servers without exposing them, so the handler is installed
 * on the running servers' connection handlers by reflection. If a Vert.x upgrade moves those
 * internals the service starts anyway, logs a warning, and such requests get Vert.x's bare status
 * again ({@code MalformedRequestsTest} then fails).
 */
@ApplicationScoped
public class MalformedRequests {

  private static final Logger LOG = Logger.getLogger(MalformedRequests.class);

  /**
   * Answers what the decoder refused: 414 / 431 for over-long lines and headers, else 400; then
   * closes.
   */
  static final Handler<HttpServerRequest> PROBLEM =
      request -> {
        DecoderResult result = request.decoderResult();
        Throwable cause = result == null ? null : result.cause();
        ProblemType type = ProblemType.MALFORMED_REQUEST;
        String detail = "The request could not be parsed as HTTP/1.1 / 无法解析的HTTP请求";
        if (cause instanceof TooLongFrameException && cause.getMessage() != null) {
          if (cause.getMessage().startsWith("An HTTP line is larger than")) {
            type = ProblemType.URI_TOO_LONG;
            detail = "Request line too long / 请求地址过长";
          } else if (cause.getMessage().startsWith("HTTP header is larger than")) {
            type = ProblemType.HEADERS_TOO_LARGE;
            detail = "Request headers too large / 请求头过大";
          }
        }
        JsonObject body =
            new JsonObject()
                .put("type", type.uri())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail);
        request
            .response()
            .setStatusCode(type.status())
            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
            .putHeader(HttpHeaders.CONNECTION, "close")
            .end(body.encode());
      };

  /**
   * Called before Quarkus starts: Quarkus's root handler otherwise refuses an address with a bad
   * %-escape or a control character with a bare 400 before any route; without that check the router
   * refuses it with a problem.
   */
  public static void beforeStart() {
    System.setProperty("vertx.disableURIValidation", "true");
  }

  void install(@ObservesAsync HttpServerStart started, Vertx vertx) {
    try {
      int installed = 0;
      for (Object server : ((VertxInternal) vertx).sharedHttpServers().values()) {
        for (Object perVerticle : verticleServers(server)) {
          Object worker = read(perVerticle, "childHandler");
          Object connections = read(worker, "connectionHandler");
          write(connections, "invalidRequestHandler", PROBLEM);
          installed++;
        }
      }
      LOG.debugf(
          "Problem documents for undecodable requests installed on %d HTTP server(s)", installed);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warnf(
          "Undecodable requests will get Vert.x's bare status (its internals changed: %s)", e);
    }
  }

  /**
   * Every verticle's server bound to the shared listening socket (each registered a worker with
   * it).
   */
  private static List<Object> verticleServers(Object actualServer)
      throws ReflectiveOperationException {
    List<Object> servers = new ArrayList<>();
    Object balancer = read(actualServer, "channelBalancer");
    for (Object workers : ((Map<?, ?>) read(balancer, "workerMap")).values()) {
      for (Object handler : (Collection<?>) read(workers, "list")) {
        for (Field f : handler.getClass().getDeclaredFields()) {
          f.setAccessible(true);
          Object captured = f.get(handler);
          if (captured instanceof io.vertx.core.http.HttpServer) {
            servers.add(captured);
          }
        }
      }
    }
    if (servers.isEmpty()) {
      throw new IllegalStateException("no HTTP server workers found");
    }
    return servers;
  }

  private static Object read(Object target, String name) throws ReflectiveOperationException {
    Field f = field(target.getClass(), name);
    return f.get(target);
  }

  private static void write(Object target, String name, Object value)
      throws ReflectiveOperationException {
    field(target.getClass(), name).set(target, value);
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }
}
