package org.nianbao.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses query parameters so that a bad value is a 400 naming the parameter (JAX-RS would answer
 * 404).
 */
public final class Params {

  private Params() {}

  public static int integer(String name, String raw, int fallback) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(name, name + " must be an integer / " + name + "应为整数");
    }
  }

  public static Integer optionalInteger(String name, String raw) {
    return raw == null || raw.isBlank() ? null : integer(name, raw, 0);
  }

  public static Boolean optionalBoolean(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default ->
          throw ProblemException.badRequest(
              name, name + " must be true or false / " + name + "应为true或false");
    };
  }

  public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      throw ProblemException.badRequest(
          name, name + " must be one of " + allowed + " / " + name + "取值无效");
    }
  }
}
