package org.nianbao.common;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Problem documents for what never reaches a resource: unknown routes (404) and bodies refused by
 * the HTTP layer (413), so that every error of the service is application/problem+json.
 */
@ApplicationScoped
public class HttpProblems {

  /** Bodies above this are refused everywhere but on imports. */
  public static final long BODY_LIMIT = 1024 * 1024;

  /** Published documents (.docx with images) may be larger. */
  public static final long IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

  /** Reads a chunked body (no Content-Length) up to the limit, failing with 413 beyond it. */
  private static final BodyHandler CHUNKED_BODY =
      BodyHandler.create(false).setBodyLimit(BODY_LIMIT);

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(HttpProblems::checkDeclaredLength);
    router.route().order(Integer.MIN_VALUE + 1).handler(HttpProblems::limitChunkedBody);
    router
        .route()
        .last()
        .handler(ctx -> send(ctx, ProblemType.NOT_FOUND, "No such resource / 资源不存在"));
    // failures no failure handler took (e.g. an address whose %-escapes cannot be decoded fails
    // route matching)
    for (int status : new int[] {400, 404, 405, 406, 413, 414, 415, 431, 500, 503}) {
      ProblemType type = ProblemMappers.forStatus(status);
      router.errorHandler(
          status,
          ctx ->
              send(
                  ctx,
                  type,
                  status == 400
                      ? "The request could not be parsed (e.g. a bad %-escape in the address) / 无法解析的请求"
                      : type.title()));
    }
    router
        .route()
        .order(Integer.MIN_VALUE)
        .failureHandler(
            ctx -> {
              int status = ctx.statusCode();
              if (status < 0
                  && ctx.failure() instanceof io.vertx.ext.web.handler.HttpException http) {
                status = http.getStatusCode();
              } else if (status < 0 && ctx.failure() instanceof IllegalArgumentException) {
                status = 400; // a query string whose %-escapes cannot be decoded
              }
              if (status == 413) {
                send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "Request body too large / 请求体过大");
              } else if (status == 431) {
                send(ctx, ProblemType.HEADERS_TOO_LARGE, "Request headers too large / 请求头过大");
              } else if (status >= 400) {
                // e.g. Vert.x's own 400 for an address it cannot decode (%zz, a bad escape)
                ProblemType type = ProblemMappers.forStatus(status);
                send(
                    ctx,
                    type,
                    type == ProblemType.MALFORMED_REQUEST
                        ? "The request could not be parsed (e.g. a bad %-escape in the address) / 无法解析的请求"
                        : type.title());
              } else {
                org.jboss.logging.Logger.getLogger(HttpProblems.class)
                    .error("Unexpected failure on " + ctx.request().path(), ctx.failure());
                send(ctx, ProblemType.INTERNAL, "An unexpected error occurred / 服务器内部错误");
              }
            });
  }

  /**
   * Refuses a declared body over the limit before it is read (also answers Expect: 100-continue).
   */
  /** The longest request line (method, address, version) the service reads. */
  public static final int MAX_REQUEST_LINE = 8 * 1024;

  /** The most header bytes the service reads. */
  public static final int MAX_HEADERS = 16 * 1024;

  private static void checkDeclaredLength(RoutingContext ctx) {
    String uri = ctx.request().uri();
    if (uri != null
        && uri.length() + ctx.request().method().name().length() + 10 > MAX_REQUEST_LINE) {
      send(ctx, ProblemType.URI_TOO_LONG, "Request line over 8 KiB / 请求地址超过8 KiB");
      return;
    }
    int headerBytes = 0;
    for (var header : ctx.request().headers()) {
      headerBytes += header.getKey().length() + header.getValue().length() + 4;
    }
    if (headerBytes > MAX_HEADERS) {
      send(ctx, ProblemType.HEADERS_TOO_LARGE, "Request headers over 16 KiB / 请求头超过16 KiB");
      return;
    }
    if (uri != null && uri.toLowerCase(java.util.Locale.ROOT).contains("%00")) {
      send(
          ctx,
          ProblemType.MALFORMED_REQUEST,
          "The address must not contain NUL (%00) characters / 地址不能包含空字符");
      return;
    }
    if (uri != null && !validAddress(uri)) {
      send(
          ctx,
          ProblemType.MALFORMED_REQUEST,
          "The address has a character that must be %-encoded, or a bad %-escape / 地址含有未编码字符或错误的%转义");
      return;
    }
    String coding = ctx.request().getHeader(HttpHeaders.CONTENT_ENCODING);
    if (coding != null && !coding.strip().equalsIgnoreCase("identity")) {
      // a compressed body is not decoded: read as JSON it would be garbage, or silently wrong
      // (RFC 9110 §15.5.16: 415, with the codings accepted)
      ctx.response().putHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
      send(
          ctx,
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "Content-Encoding is not accepted; send the body uncompressed / 不接受压缩的请求体，请以未压缩形式发送");
      return;
    }
    String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.strip());
      } catch (NumberFormatException e) {
        length = Long.MAX_VALUE;
      }
      long limit = isImport(ctx) ? IMPORT_BODY_LIMIT : BODY_LIMIT;
      if (length > limit) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        send(
            ctx,
            ProblemType.PAYLOAD_TOO_LARGE,
            "Request body over "
                + (limit / (1024 * 1024))
                + " MiB / 请求体超过"
                + (limit / (1024 * 1024))
                + " MiB");
        return;
      }
    }
    ctx.next();
  }

  /**
   * RFC 3986: an address is printable ASCII without space, {@code "<>\\^`{|}}, and every {@code %}
   * starts a two-digit hex escape. (Quarkus's own check, which answers a bare 400, is switched off
   * in favour of this one: see {@link MalformedRequests#beforeStart()}.)
   */
  static boolean validAddress(String uri) {
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c <= 0x20 || c >= 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0) {
        return false;
      }
      if (c == '%') {
        if (i + 2 >= uri.length()
            || Character.digit(uri.charAt(i + 1), 16) < 0
            || Character.digit(uri.charAt(i + 2), 16) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A chunked body declares no length: outside imports (whose 20 MiB is the global Vert.x limit) it
   * is read here, counted as it arrives, and refused with 413 once past 1 MiB; the resource then
   * reads the buffer.
   */
  private static void limitChunkedBody(RoutingContext ctx) {
    boolean chunked =
        ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
            && ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    if (chunked && !isImport(ctx)) {
      CHUNKED_BODY.handle(ctx);
    } else {
      ctx.next();
    }
  }

  private static boolean isImport(RoutingContext ctx) {
    return ctx.request().path().startsWith("/api/v1/imports");
  }

  static void send(RoutingContext ctx, ProblemType type, String detail) {
    if (ctx.response().headWritten()) {
      ctx.response().end();
      return;
    }
    JsonObject body =
        new JsonObject()
            .put("type", type.uri())
            .put("title", type.title())
            .put("status", type.status())
            .put("detail", detail)
            .put("instance", ctx.request().path());
    ctx.response()
        .setStatusCode(type.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(body.encode());
  }
}
