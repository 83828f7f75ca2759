package org.nianbao.common;

/** Page number (from 1) and size of a list request, with defaults and bounds. */
public record Paging(int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 500;

  /** Validates the query parameters; out-of-range values are a 400 naming the parameter. */
  public static Paging of(String page, String size) {
    int p = Params.integer("page", page, 1);
    int s = Params.integer("size", size, DEFAULT_SIZE);
    if (p < 1) {
      throw ProblemException.badRequest("page", "page counts from 1 / 页码从1开始");
    }
    if (s < 1 || s > MAX_SIZE) {
      throw ProblemException.badRequest(
          "size", "size must be 1.." + MAX_SIZE + " / 每页条数应在1至" + MAX_SIZE + "之间");
    }
    return new Paging(p, s);
  }

  /** 0-based page index. */
  public int index() {
    return page - 1;
  }

  public int offset() {
    return (page - 1) * size;
  }
}
