package org.nianbao.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Accept-Encoding headers get a rollup's JSON gzip-compressed (RFC 9110 §12.5.3). */
class AcceptEncodingTest {

  @ParameterizedTest(name = "[{0}] → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "gzip | true",
        "gzip, deflate, br | true",
        "br;q=1.0, gzip;q=0.8 | true",
        "GZIP;Q=0.5 | true",
        "x-gzip | true",
        "* | true",
        "*;q=0, gzip | true",
        "gzip;q=0 | false",
        "gzip;q=0.000 | false",
        "gzip; q=0.0, * | false",
        "identity | false",
        "deflate, br | false",
        "*;q=0 | false",
        "'' | false"
      })
  void gzipIsSentExactlyWhenAllowed(String header, boolean gzip) {
    assertThat(RollupResource.acceptsGzip(header)).isEqualTo(gzip);
  }

  @org.junit.jupiter.api.Test
  void noHeaderMeansNoCoding() {
    assertThat(RollupResource.acceptsGzip(null)).isFalse();
  }
}
