package org.nianbao.common;

import java.util.List;

/** A domain failure that maps to one problem document; thrown by services, mapped in one place. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail, null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException notFound(String what, String id) {
    return new ProblemException(
        new Problem(ProblemType.NOT_FOUND, what + " " + id + " does not exist / 不存在"));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(new Problem(ProblemType.CONFLICT, detail));
  }

  /** A 422 naming each offending field. */
  public static ProblemException invalidFields(List<FieldError> errors) {
    return new ProblemException(
        new Problem(ProblemType.INVALID_FIELDS, "Some fields are invalid / 部分字段无效")
            .with("errors", errors));
  }

  public static ProblemException invalidField(String field, String zh, String en) {
    return invalidFields(List.of(new FieldError(field, en, zh)));
  }

  public static ProblemException badRequest(String field, String detail) {
    return new ProblemException(
        new Problem(ProblemType.MALFORMED_REQUEST, detail)
            .with("errors", List.of(new FieldError(field, detail, null))));
  }

  /** One invalid field of a request: where it is and what is wrong, in English and Chinese. */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record FieldError(String field, String message, String messageZh) {}
}
