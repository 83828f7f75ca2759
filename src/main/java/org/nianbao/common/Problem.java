package org.nianbao.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code type} is stable per kind of problem (see {@link
 * ProblemType}); extra members (field errors, findings) are serialized at the top level.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

  public final String type;
  public final String title;
  public final int status;
  public final String detail;
  public String instance;
  private final Map<String, Object> extensions = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  public Problem(ProblemType type, String detail) {
    this.type = type.uri();
    this.title = type.title();
    this.status = type.status();
    this.detail = detail;
  }

  /** Adds a top-level extension member, e.g. {@code errors} or {@code findings}. */
  public Problem with(String name, Object value) {
    extensions.put(name, value);
    return this;
  }

  /** Adds a response header sent with the document, e.g. {@code WWW-Authenticate} on a 401. */
  public Problem header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  @JsonAnyGetter
  public Map<String, Object> extensions() {
    return extensions;
  }

  public Response toResponse() {
    Response.ResponseBuilder response = Response.status(status).type(MEDIA).entity(this);
    headers.forEach(response::header);
    return response.build();
  }
}
