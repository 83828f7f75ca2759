package org.nianbao.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.Tokens;

/**
 * The HTTP layer's bounds: chunked bodies, request line and headers, each refused with a problem
 * document.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class HttpLimitsTest {

  private static final String PROBLEM = "application/problem+json";

  @TestHTTPResource("/")
  URI root;

  @Test
  void aChunkedBodyOverOneMebibyteIs413() throws IOException {
    String response =
        exchange(
            "POST /api/v1/units HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer "
                + Tokens.ADMIN
                + "\r\nTransfer-Encoding: chunked\r\n\r\n",
            2 * 1024 * 1024);
    assertThat(response)
        .startsWith("HTTP/1.1 413")
        .containsIgnoringCase("Content-Type: " + PROBLEM)
        .contains("payload-too-large");
  }

  @Test
  void aSmallChunkedBodyIsRead() throws IOException {
    String body =
        "{\"code\":\""
            + org.nianbao.testsupport.UsccCodes.next("410402")
            + "\",\"name\":\"分块测试局\",\"kind\":\"DEPARTMENT\",\"regionCode\":\"410402\"}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /api/v1/units HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Authorization: Bearer "
            + Tokens.ADMIN
            + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readAll(socket.getInputStream())).startsWith("HTTP/1.1 201");
    }
  }

  @Test
  void anOverlongQueryStringIs414Problem() throws IOException {
    String response =
        exchange(
            "GET /api/v1/units?region="
                + "4".repeat(10_000)
                + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
            0);
    assertThat(response)
        .startsWith("HTTP/1.1 414")
        .containsIgnoringCase("Content-Type: " + PROBLEM)
        .contains("https://nianbao.org/problems/uri-too-long");
  }

  @Test
  void overlongHeadersAre431Problem() throws IOException {
    String response =
        exchange(
            "GET /api/v1/units HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "x".repeat(20_000)
                + "\r\n\r\n",
            0);
    assertThat(response)
        .startsWith("HTTP/1.1 431")
        .containsIgnoringCase("Content-Type: " + PROBLEM)
        .contains("https://nianbao.org/problems/headers-too-large");
  }

  /**
   * Beyond the decoder's hard limits (64 KiB) Vert.x itself refuses, in the connection, before any
   * route.
   */
  @Test
  void absurdRequestLinesAndHeadersAreStillRefused() throws IOException {
    assertThat(
            exchange(
                "GET /api/v1/units?region="
                    + "4".repeat(70_000)
                    + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                0))
        .matches("(?s)HTTP/1\\.[01] 414 .*");
    assertThat(
            exchange(
                "GET /api/v1/units HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                    + "x".repeat(70_000)
                    + "\r\n\r\n",
                0))
        .startsWith("HTTP/1.1 431");
  }

  /**
   * Sends {@code head}, then (when {@code chunkedBytes > 0}) a chunked body of that size, and
   * returns the answer.
   */
  private String exchange(String head, int chunkedBytes) throws IOException {
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      try {
        for (int sent = 0; sent < chunkedBytes; sent += chunk.length) {
          out.write(
              (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (chunkedBytes > 0) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (IOException closedEarly) {
        // the server may answer and close before the whole body is sent
      }
      return readAll(socket.getInputStream());
    }
  }

  private Socket socket() throws IOException {
    Socket socket = new Socket(root.getHost(), root.getPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  /**
   * Reads the first response's head and (when short) body, up to 16 KiB or the end of the
   * connection.
   */
  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] bytes = new byte[4096];
    try {
      int n;
      while (buffer.size() < 16 * 1024 && (n = in.read(bytes)) > 0) {
        buffer.write(bytes, 0, n);
        String text = buffer.toString(StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd >= 0 && text.contains("}")) {
          break;
        }
      }
    } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
      // keep what arrived
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
