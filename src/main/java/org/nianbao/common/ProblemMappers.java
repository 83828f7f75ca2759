package org.nianbao.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become problem+json responses; no stack trace ever reaches a
 * client.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return withInstance(e.problem(), uri).toResponse();
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e, UriInfo uri) {
    String field = e instanceof JsonMappingException m ? path(m) : null;
    String detail;
    if (e instanceof UnrecognizedPropertyException u) {
      detail = "Unknown field '" + u.getPropertyName() + "' / 未知字段";
    } else if (e instanceof InvalidFormatException f) {
      detail = "Invalid value " + f.getValue() + " for '" + field + "' / 字段值无效";
    } else if (e instanceof JsonMappingException && field != null && !field.isEmpty()) {
      detail = "Invalid value for '" + field + "' / 字段值无效: " + e.getOriginalMessage();
    } else {
      detail = "Malformed JSON / JSON 格式错误: " + e.getOriginalMessage();
    }
    Problem p = new Problem(ProblemType.MALFORMED_REQUEST, detail);
    if (field != null && !field.isEmpty()) {
      p.with("errors", List.of(new ProblemException.FieldError(field, detail, null)));
    }
    return withInstance(p, uri).toResponse();
  }

  /** Overrides the built-in Jackson mapper, which answers plain JSON. */
  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e, UriInfo uri) {
    return json(e, uri);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    // a body that is not JSON at all (cut short, not closed) reaches here wrapped in a plain 400:
    // answered as any other JSON error, saying what is wrong rather than "HTTP 400 Bad Request"
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof JsonProcessingException json) {
        return json(json, uri);
      }
    }
    ProblemType type;
    if (e instanceof NotFoundException) {
      type = ProblemType.NOT_FOUND;
    } else if (e instanceof NotAllowedException) {
      type = ProblemType.METHOD_NOT_ALLOWED;
    } else if (e instanceof NotSupportedException) {
      type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
    } else if (e instanceof NotAcceptableException) {
      type = ProblemType.NOT_ACCEPTABLE;
    } else {
      type = forStatus(e.getResponse().getStatus());
    }
    Response.ResponseBuilder out =
        Response.fromResponse(
            withInstance(new Problem(type, detailFor(type, e)), uri).toResponse());
    if (e instanceof NotAllowedException && e.getResponse().getHeaderString("Allow") != null) {
      out.header("Allow", e.getResponse().getHeaderString("Allow"));
    }
    return out.build();
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e, UriInfo uri) {
    Problem fromDatabase = fromDatabase(e);
    if (fromDatabase != null) {
      LOG.debugf("Database refused a request on %s: %s", uri.getPath(), e.getMessage());
      return withInstance(fromDatabase, uri).toResponse();
    }
    LOG.error("Unexpected failure on " + uri.getPath(), e);
    return withInstance(
            new Problem(ProblemType.INTERNAL, "An unexpected error occurred / 服务器内部错误"), uri)
        .toResponse();
  }

  /**
   * What the database refused because of the request's content (never a 500): NUL characters,
   * values too long or out of range, conflicts; and what is temporary (serialization failure, lost
   * connection) as 503.
   */
  static Problem fromDatabase(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql
          && sql.getSQLState() == null
          && String.valueOf(sql.getMessage()).contains("acquisition timeout")) {
        // the pool could not hand out a connection in time (server down, pool exhausted)
        return new Problem(
                ProblemType.UNAVAILABLE, "The database is busy; retry shortly / 数据库繁忙，请稍后重试")
            .header("Retry-After", "1");
      }
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        String message = String.valueOf(sql.getMessage());
        if ("22021".equals(state) || message.contains("0x00")) {
          return new Problem(
              ProblemType.MALFORMED_REQUEST,
              "Text must not contain NUL (U+0000) characters / 文本不能包含空字符");
        }
        if ("22001".equals(state)) {
          return new Problem(ProblemType.INVALID_FIELDS, "A value is too long / 字段值过长");
        }
        if ("22003".equals(state)) {
          return new Problem(ProblemType.INVALID_FIELDS, "A number is out of range / 数值超出范围");
        }
        if (state.startsWith("22")) {
          // any other data exception (a date out of range, a malformed value) comes from what was
          // sent: the request's fault, never a 500 (each known case is also checked up front)
          return new Problem(
              ProblemType.INVALID_FIELDS, "A value is out of range or malformed / 字段值超出范围或格式错误");
        }
        if ("23505".equals(state)) {
          return new Problem(ProblemType.CONFLICT, "This already exists / 记录已存在");
        }
        if (state.startsWith("23")) {
          return new Problem(
              ProblemType.INVALID_FIELDS, "A value violates a constraint / 字段值不符合约束");
        }
        // 55P03: lock_timeout; 57014: statement_timeout; 08xxx: connection lost; 57P0x: server
        // shutting down
        if ("40001".equals(state)
            || "40P01".equals(state)
            || "55P03".equals(state)
            || state.startsWith("08")
            || state.startsWith("57")) {
          return new Problem(
                  ProblemType.UNAVAILABLE, "The database is busy; retry shortly / 数据库繁忙，请稍后重试")
              .header("Retry-After", "1");
        }
      }
    }
    return null;
  }

  static ProblemType forStatus(int status) {
    for (ProblemType t : ProblemType.values()) {
      if (t.status() == status) {
        return t;
      }
    }
    return status >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED_REQUEST;
  }

  private static String detailFor(ProblemType type, WebApplicationException e) {
    return switch (type) {
      case NOT_FOUND -> "No such resource / 资源不存在";
      case METHOD_NOT_ALLOWED -> "This method is not allowed here / 不支持该请求方法";
      case UNSUPPORTED_MEDIA_TYPE -> "Unsupported Content-Type / 不支持的内容类型";
      case NOT_ACCEPTABLE -> "No representation matches the Accept header / 无法提供所请求的格式";
      case PAYLOAD_TOO_LARGE -> "Request body too large / 请求体过大";
      default -> e.getMessage() == null ? type.title() : e.getMessage();
    };
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static Problem withInstance(Problem p, UriInfo uri) {
    if (uri != null && p.instance == null) {
      p.instance = uri.getRequestUri().getRawPath();
    }
    return p;
  }
}
