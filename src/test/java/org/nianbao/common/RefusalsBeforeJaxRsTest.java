package org.nianbao.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nianbao.testsupport.PostgresTestResource;

/**
 * Requests refused by Vert.x or Quarkus before any resource — undecodable request lines and
 * headers, absurd lengths, bad %-escapes, NUL — still get a problem document with its Content-Type.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RefusalsBeforeJaxRsTest {

  @TestHTTPResource("/")
  URI root;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "NUL in a path segment          | GET /api/v1/rollups/41%00/2024 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n | 400 | malformed-request",
        "a lone NUL as the unit         | GET /api/v1/units/%00 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n          | 400 | malformed-request",
        "bad %-escape in the path       | GET /api/v1/units/%zz HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n          | 400 | malformed-request",
        "bad %-escape in the query      | GET /api/v1/units?region=%zz HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n   | 400 | malformed-request",
        "not HTTP at all                | GARBAGE\\r\\n\\r\\n                                            | 400 | malformed-request",
        "spaces in the request line     | GET /a b c HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                     | 400 | malformed-request",
        "a header without a colon       | GET /api/v1/units HTTP/1.1\\r\\nHost: x\\r\\nBad Header\\r\\n\\r\\n | 400 | malformed-request",
        "a Content-Length that is text  | POST /api/v1/validations HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: abc\\r\\n\\r\\n | 400 | malformed-request",
        "asterisk form                  | GET * HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                           | 404 | not-found",
        "a gzip-compressed body         | POST /api/v1/validations HTTP/1.1\\r\\nHost: x\\r\\nContent-Type: application/json\\r\\nContent-Encoding: gzip\\r\\nContent-Length: 2\\r\\n\\r\\n{} | 415 | unsupported-media-type",
        "a brotli-compressed body       | POST /api/v1/validations HTTP/1.1\\r\\nHost: x\\r\\nContent-Type: application/json\\r\\nContent-Encoding: br\\r\\nContent-Length: 2\\r\\n\\r\\n{} | 415 | unsupported-media-type",
      })
  void isAProblemDocument(String what, String request, int status, String type) throws IOException {
    String response = exchange(request.replace("\\r\\n", "\r\n"));
    assertProblem(response, status, type);
  }

  @ParameterizedTest(name = "{0} bytes")
  @CsvSource({"request line, 70000", "header, 70000"})
  void beyondTheDecodersLimitsStillAProblemDocument(String what, int length) throws IOException {
    String response =
        what.equals("header")
            ? exchange(
                "GET /api/v1/units HTTP/1.1\r\nHost: x\r\nX-Padding: "
                    + "x".repeat(length)
                    + "\r\n\r\n")
            : exchange(
                "GET /api/v1/units?region=" + "4".repeat(length) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    if (what.equals("header")) {
      assertProblem(response, 431, "headers-too-large");
    } else {
      assertProblem(response, 414, "uri-too-long");
    }
  }

  private static void assertProblem(String response, int status, String type) {
    assertThat(response).matches("(?s)HTTP/1\\.[01] " + status + " .*");
    assertThat(response.toLowerCase(Locale.ROOT))
        .contains("content-type: application/problem+json");
    assertThat(response)
        .contains("\"type\":\"https://nianbao.org/problems/" + type + "\"")
        .contains("\"status\":" + status);
  }

  private String exchange(String request) throws IOException {
    try (Socket socket = new Socket(root.getHost(), root.getPort())) {
      socket.setSoTimeout(10_000);
      try {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
      } catch (IOException refusedMidway) {
        // answered and closed before everything was sent
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      byte[] bytes = new byte[8192];
      try {
        int n;
        while ((n = in.read(bytes)) > 0) {
          buffer.write(bytes, 0, n);
          if (buffer.toString(StandardCharsets.UTF_8).matches("(?s).*\r\n\r\n\\{.*}")) {
            break;
          }
        }
      } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
        // keep what arrived
      }
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }
}
