package org.nianbao.common;

/** The stable kinds of problem the API answers with; the URI never changes once published. */
public enum ProblemType {
  MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
  UNAUTHORIZED(401, "unauthorized", "Missing or invalid credentials"),
  FORBIDDEN(403, "forbidden", "Not allowed for these credentials"),
  NOT_FOUND(404, "not-found", "Resource not found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
  CONFLICT(409, "conflict", "Conflict with the current state"),
  PRECONDITION_FAILED(412, "precondition-failed", "The report changed since you read it"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
  URI_TOO_LONG(414, "uri-too-long", "Request address too long"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  INVALID_FIELDS(422, "invalid-fields", "Invalid fields"),
  REPORT_REJECTED(422, "report-rejected", "The report has errors"),
  UNREADABLE_DOCUMENT(422, "unreadable-document", "The document could not be read"),
  NO_TEXT_LAYER(422, "no-text-layer", "The PDF has no text layer"),
  PRECONDITION_REQUIRED(428, "precondition-required", "If-Match required"),
  TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
  HEADERS_TOO_LARGE(431, "headers-too-large", "Request headers too large"),
  INTERNAL(500, "internal-error", "Internal error"),
  UNAVAILABLE(503, "unavailable", "Service unavailable");

  public static final String BASE = "https://nianbao.org/problems/";

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String uri() {
    return BASE + slug;
  }

  public String title() {
    return title;
  }
}
