package org.nianbao.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nianbao.unit.Region;
import org.nianbao.unit.Unit;

class TokenScopeTest {

  /** 卧龙区人民政府, in 南阳市, in 河南省. */
  private static final Unit WOLONG = unit("411303", "/000000/410000/411300/411303/");

  /** A department registered in 卧龙区 under its credit code. */
  private static final Unit WOLONG_DEPARTMENT =
      unit("11411303005462140C", "/000000/410000/411300/411303/");

  @Test
  void parsesTheThreeKindsAndNothingElse() {
    assertThat(TokenScope.parse("ADMIN")).contains(TokenScope.ADMIN);
    assertThat(TokenScope.parse("UNIT:411303"))
        .contains(new TokenScope(TokenScope.Kind.UNIT, "411303"));
    assertThat(TokenScope.parse("UNIT:11411303005462140C")).isPresent();
    assertThat(TokenScope.parse("REGION:411300"))
        .contains(new TokenScope(TokenScope.Kind.REGION, "411300"));
    for (String bad :
        new String[] {
          null,
          "",
          "admin",
          " ADMIN",
          "UNIT:4113",
          "UNIT:11411303005462140c",
          "UNIT:1141130300546214OC",
          "REGION:41130",
          "REGION:11411303005462140C",
          "REGION:411300/"
        }) {
      assertThat(TokenScope.parse(bad)).as(bad).isEmpty();
    }
    assertThat(TokenScope.parse("REGION:411300").orElseThrow()).hasToString("REGION:411300");
    assertThat(TokenScope.ADMIN).hasToString("ADMIN");
  }

  @Test
  void aRegionCoversEveryUnitInItsSubtreeOnly() {
    for (String ancestor : new String[] {"000000", "410000", "411300", "411303"}) {
      TokenScope scope = TokenScope.parse("REGION:" + ancestor).orElseThrow();
      assertThat(scope.covers(WOLONG)).as(ancestor).isTrue();
      assertThat(scope.covers(WOLONG_DEPARTMENT)).as(ancestor).isTrue();
    }
    assertThat(TokenScope.parse("REGION:411302").orElseThrow().covers(WOLONG)).isFalse();
    assertThat(TokenScope.parse("REGION:410100").orElseThrow().covers(WOLONG)).isFalse();
    // a code that is a prefix of a path segment is no ancestor
    assertThat(TokenScope.parse("REGION:411").isPresent()).isFalse();
    assertThat(TokenScope.parse("REGION:113034").orElseThrow().covers(WOLONG)).isFalse();
  }

  @Test
  void aUnitCoversItselfOnlyAndAdminCoversAll() {
    assertThat(TokenScope.parse("UNIT:411303").orElseThrow().covers(WOLONG)).isTrue();
    assertThat(TokenScope.parse("UNIT:411303").orElseThrow().covers(WOLONG_DEPARTMENT)).isFalse();
    assertThat(TokenScope.parse("UNIT:411300").orElseThrow().covers(WOLONG)).isFalse();
    assertThat(TokenScope.ADMIN.covers(WOLONG_DEPARTMENT)).isTrue();
  }

  @Test
  void secretsAreLongRandomAndStoredAsTheirHash() {
    String a = TokenSecrets.generate();
    assertThat(a).matches("nb_[A-Za-z0-9_-]{43}").isNotEqualTo(TokenSecrets.generate());
    assertThat(TokenSecrets.hash(a)).matches("[0-9a-f]{64}").isEqualTo(TokenSecrets.hash(a));
    assertThat(TokenSecrets.sameSecret(a, a)).isTrue();
    assertThat(TokenSecrets.sameSecret(a, a + "x")).isFalse();
  }

  private static Unit unit(String code, String path) {
    Region region = new Region();
    region.path = path;
    region.code = path.substring(path.length() - 7, path.length() - 1);
    Unit unit = new Unit();
    unit.code = code;
    unit.region = region;
    return unit;
  }
}
