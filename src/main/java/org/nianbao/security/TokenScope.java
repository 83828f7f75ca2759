package org.nianbao.security;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.unit.Unit;

/**
 * What a token may write: everything ({@code ADMIN}), one unit's reports ({@code UNIT:<code>}) or
 * those of every unit in a region's subtree ({@code REGION:<division code>}).
 *
 * @param kind the kind of scope
 * @param code the unit or division code; null for ADMIN
 */
public record TokenScope(Kind kind, String code) {

  /** The three kinds of scope. */
  public enum Kind {
    ADMIN,
    UNIT,
    REGION
  }

  private static final Pattern SYNTAX =
      Pattern.compile("ADMIN|UNIT:([0-9]{6}|[0-9A-HJ-NPQRTUWXY]{18})|REGION:([0-9]{6})");

  public static final TokenScope ADMIN = new TokenScope(Kind.ADMIN, null);

  /**
   * Parses {@code ADMIN}, {@code UNIT:<code>} or {@code REGION:<code>}; empty if the syntax is
   * wrong.
   */
  public static Optional<TokenScope> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    Matcher m = SYNTAX.matcher(raw);
    if (!m.matches()) {
      return Optional.empty();
    }
    if (m.group(1) != null) {
      return Optional.of(new TokenScope(Kind.UNIT, m.group(1)));
    }
    if (m.group(2) != null) {
      return Optional.of(new TokenScope(Kind.REGION, m.group(2)));
    }
    return Optional.of(ADMIN);
  }

  public boolean isAdmin() {
    return kind == Kind.ADMIN;
  }

  /** Whether this scope lets its holder write {@code unit}'s reports. */
  public boolean covers(Unit unit) {
    return switch (kind) {
      case ADMIN -> true;
      case UNIT -> code.equals(unit.code);
      case REGION -> unit.region.path.contains("/" + code + "/");
    };
  }

  @Override
  public String toString() {
    return isAdmin() ? kind.name() : kind.name() + ":" + code;
  }
}
