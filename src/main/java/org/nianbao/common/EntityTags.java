package org.nianbao.common;

/** Entity tags of conditional GETs (RFC 9110 §8.8.3, §13.1.2). */
public final class EntityTags {

  private EntityTags() {}

  /**
   * Whether an If-None-Match list names this entity tag (given quoted; weak or strong match, or
   * {@code *}).
   */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
