package org.nianbao.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.common.ProblemException;
import org.nianbao.rollup.bench.NationalDataset;
import org.nianbao.unit.UnitKind;
import org.nianbao.unit.Uscc;

/** Plain tests of the rollup building blocks: filters, indicators, generated codes and reports. */
class RollupBuildingBlocksTest {

  @Test
  void checkCharacterMatchesPublishedCodes() {
    assertThat(Uscc.withCheckCharacter("11410402005462140")).isEqualTo("11410402005462140C");
    assertThat(Uscc.withCheckCharacter("11341702486344515")).isEqualTo("11341702486344515H");
    assertThatThrownBy(() -> Uscc.withCheckCharacter("1141040200546214"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void departmentCodesAreValidAndDistinct() {
    String a = NationalDataset.departmentCode("411303", 1);
    String b = NationalDataset.departmentCode("411303", 2);
    assertThat(Uscc.isValid(a)).isTrue();
    assertThat(Uscc.isValid(b)).isTrue();
    assertThat(a).isNotEqualTo(b).startsWith("11411303");
  }

  @Test
  void filterParsesKindsAndLevel() {
    RollupFilter f = RollupFilter.parse("peoples_gov, DEPARTMENT", "own");
    assertThat(f.kinds()).containsExactlyInAnyOrder(UnitKind.PEOPLES_GOV, UnitKind.DEPARTMENT);
    assertThat(f.own()).isTrue();
    assertThat(RollupFilter.parse(null, null)).isEqualTo(RollupFilter.ALL);
    assertThatThrownBy(() -> RollupFilter.parse("BUREAU", null))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> RollupFilter.parse(null, "below"))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void indicatorsAreRatiosOfSumsAndNullOnZero() {
    Catalogue catalogue = Catalogue.of(FormatVersion.FMT2021);
    Sums empty = new Sums(catalogue);
    assertThat(IndicatorCalculator.of(empty, null).disclosureRate()).isNull();
    Sums sums = new Sums(catalogue);
    SyntheticReport r = SyntheticReport.generate(42, 50, null);
    Long[] counts = new Long[catalogue.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = r.counts[i];
    }
    sums.add(1, counts, new BigDecimal[0]);
    BigDecimal expected =
        BigDecimal.valueOf(r.get("s3.granted.total"))
            .divide(
                BigDecimal.valueOf(r.get("s3.total_processed.total")),
                4,
                java.math.RoundingMode.HALF_UP);
    assertThat(IndicatorCalculator.of(sums, null).disclosureRate()).isEqualTo(expected);
    assertThat(IndicatorCalculator.of(sums, null).newApplicationsChange()).isNull();
  }

  @Test
  void syntheticReportsPassTheArithmeticRules() {
    long[] carried = null;
    for (int year = 0; year < 3; year++) {
      SyntheticReport r = SyntheticReport.generate(7 + year, 40, carried);
      if (carried != null) {
        for (int c = 0; c < 6; c++) {
          assertThat(r.get("s3.carried_in." + Catalogue.APPLICANT_COLUMNS.get(c)))
              .isEqualTo(carried[c]);
        }
      }
      carried = r.carriedOut();
      for (String c : Catalogue.APPLICANT_COLUMNS) {
        assertThat(r.get("s3.new." + c) + r.get("s3.carried_in." + c))
            .as("S3-01 " + c)
            .isEqualTo(r.get("s3.total_processed." + c) + r.get("s3.carried_out." + c));
        long outcomes =
            Catalogue.of(FormatVersion.FMT2021).section3ResultRows().stream()
                .mapToLong(row -> r.get("s3." + row + "." + c))
                .sum();
        assertThat(outcomes).as("S3-02 " + c).isEqualTo(r.get("s3.total_processed." + c));
      }
      for (String g : Catalogue.REVIEW_GROUPS) {
        assertThat(
                List.of("upheld", "corrected", "other", "pending").stream()
                    .mapToLong(col -> r.get("s4." + g + "." + col))
                    .sum())
            .isEqualTo(r.get("s4." + g + ".total"));
      }
    }
  }
}
