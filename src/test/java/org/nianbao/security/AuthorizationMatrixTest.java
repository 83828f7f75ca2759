package org.nianbao.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.nianbao.testsupport.Contract.CONTRACT;
import static org.nianbao.testsupport.Contract.RESPONSE_ONLY;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.testsupport.Tokens;
import org.nianbao.testsupport.UsccCodes;

/**
 * Every write endpoint × every kind of credential: refusals are 401/403 problem documents and leave
 * the database unchanged; accepted requests change it. Report endpoints join as rows of {@link
 * #ENDPOINTS}.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class AuthorizationMatrixTest {

  /** The unit whose reports the unit-scoped rows write: 桐柏县人民政府, in 南阳市. */
  static final String UNIT = "411330";

  /** What the caller presents. */
  enum Credential {
    NONE,
    MALFORMED_HEADER,
    UNKNOWN_TOKEN,
    WRONG_UNIT,
    WRONG_REGION,
    REVOKED,
    EXPIRED,
    ADMIN,
    RIGHT_UNIT,
    RIGHT_REGION;

    /**
     * Whether the request carries a syntactically valid bearer header (and so can be checked
     * against the contract).
     */
    boolean wellFormed() {
      return this != NONE && this != MALFORMED_HEADER;
    }
  }

  /** Who an endpoint admits: administrators only, or also tokens covering {@link #UNIT}. */
  enum Needs {
    ADMIN,
    UNIT_WRITE
  }

  /**
   * A write prepared against a fresh target: how to send it and how to see whether it changed
   * anything.
   */
  record Attempt(Function<RequestSpecification, Response> send, Supplier<Object> probe) {}

  /** One write endpoint of the API. {@code prepare} sets up a fresh target before each request. */
  record WriteEndpoint(String name, Needs needs, int successStatus, Supplier<Attempt> prepare) {}

  private static final Map<Credential, String> HEADERS = new EnumMap<>(Credential.class);

  /**
   * The rows of the matrix; add {@code PUT /api/v1/units/{code}/reports/{year}} and imports here.
   */
  static final List<WriteEndpoint> ENDPOINTS = endpoints();

  /** For the probes, which run in the test instance. */
  private static AgroalDataSource database;

  @Inject AgroalDataSource dataSource;

  @BeforeEach
  void useDatabase() {
    database = dataSource;
  }

  private static List<WriteEndpoint> endpoints() {
    List<WriteEndpoint> list = new ArrayList<>();
    list.add(
        new WriteEndpoint(
            "POST /api/v1/units",
            Needs.ADMIN,
            201,
            () -> {
              // registered in 宁国市, away from the 南阳市 subtree that other tests count
              String code = UsccCodes.next("341881");
              return new Attempt(
                  spec ->
                      spec.contentType(ContentType.JSON)
                          .body(
                              Map.of(
                                  "code",
                                  code,
                                  "name",
                                  "宁国市测试局",
                                  "kind",
                                  "DEPARTMENT",
                                  "regionCode",
                                  "341881"))
                          .post("/api/v1/units"),
                  () ->
                      List.of(
                          count("select count(*) from unit"),
                          count("select count(*) from unit where code = ?", code)));
            }));
    list.add(
        new WriteEndpoint(
            "POST /api/v1/tokens",
            Needs.ADMIN,
            201,
            () ->
                new Attempt(
                    spec ->
                        spec.contentType(ContentType.JSON)
                            .body(Map.of("name", "matrix", "scope", "UNIT:" + UNIT))
                            .post("/api/v1/tokens"),
                    () -> count("select count(*) from api_token"))));
    list.add(
        new WriteEndpoint(
            "DELETE /api/v1/tokens/{id}",
            Needs.ADMIN,
            204,
            () -> {
              long victim = Tokens.create("victim", "UNIT:" + UNIT).id();
              return new Attempt(
                  spec -> spec.delete("/api/v1/tokens/" + victim),
                  () ->
                      List.of(
                          count("select count(*) from api_token"),
                          count("select count(*) from api_token where revoked_at is not null")));
            }));
    list.add(
        new WriteEndpoint(
            "PUT /api/v1/units/{code}/reports/{year}",
            Needs.UNIT_WRITE,
            201,
            () -> {
              // years two apart, so that no cross-year rule links two accepted attempts
              int year = freeYear(2014, 2018);
              String json = org.nianbao.testsupport.ReportDocuments.fmt2019().json();
              return new Attempt(
                  spec ->
                      spec.contentType(ContentType.JSON)
                          .body(json)
                          .put("/api/v1/units/" + UNIT + "/reports/" + year),
                  () ->
                      List.of(
                          count("select count(*) from report_version"),
                          count("select count(*) from report")));
            }));
    list.add(
        new WriteEndpoint(
            "POST /api/v1/imports?submit=true",
            Needs.UNIT_WRITE,
            201,
            () -> {
              int year = freeYear(2021, 2025);
              byte[] text = ReportDocuments.sample("wolong-2024.txt");
              return new Attempt(
                  spec ->
                      spec.contentType("text/plain; charset=UTF-8")
                          .body(text)
                          .post("/api/v1/imports?submit=true&unit=" + UNIT + "&year=" + year),
                  () ->
                      List.of(
                          count("select count(*) from report_version"),
                          count("select count(*) from report")));
            }));
    return List.copyOf(list);
  }

  /** The first of from, from + 2, … ≤ to for which {@link #UNIT} has no report yet. */
  private static int freeYear(int from, int to) {
    for (int y = from; y <= to; y += 2) {
      if (count("select count(*) from report where unit_code = ? and year = ?", UNIT, y) == 0) {
        return y;
      }
    }
    throw new IllegalStateException("no free year for " + UNIT);
  }

  static Stream<Arguments> matrix() {
    // Names, not lambdas: Quarkus copies the arguments into its class loader.
    return ENDPOINTS.stream()
        .map(WriteEndpoint::name)
        .flatMap(endpoint -> Stream.of(Credential.values()).map(c -> Arguments.of(endpoint, c)));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("matrix")
  void onlyTheRightCredentialsWrite(String endpointName, Credential credential) {
    WriteEndpoint endpoint =
        ENDPOINTS.stream().filter(e -> e.name().equals(endpointName)).findFirst().orElseThrow();
    Attempt attempt = endpoint.prepare().get();
    Object before = attempt.probe().get();

    RequestSpecification spec = given().filter(credential.wellFormed() ? CONTRACT : RESPONSE_ONLY);
    String header = header(credential);
    if (header != null) {
      spec.header("Authorization", header);
    }
    ValidatableResponse response = attempt.send().apply(spec.when()).then();

    int expected = expectedStatus(endpoint, credential);
    response.statusCode(expected);
    Object after = attempt.probe().get();
    if (expected == 401 || expected == 403) {
      response
          .contentType("application/problem+json")
          .body("status", equalTo(expected))
          .body(
              "type",
              equalTo(
                  "https://nianbao.org/problems/"
                      + (expected == 401 ? "unauthorized" : "forbidden")));
      if (expected == 401) {
        response.header("WWW-Authenticate", startsWith("Bearer"));
      }
      assertThat(after).as("database after a refused %s", endpointName).isEqualTo(before);
    } else {
      assertThat(after).as("database after an accepted %s", endpointName).isNotEqualTo(before);
    }
  }

  private static int expectedStatus(WriteEndpoint endpoint, Credential credential) {
    return switch (credential) {
      case NONE, MALFORMED_HEADER, UNKNOWN_TOKEN, REVOKED, EXPIRED -> 401;
      case WRONG_UNIT, WRONG_REGION -> 403;
      case ADMIN -> endpoint.successStatus();
      case RIGHT_UNIT, RIGHT_REGION ->
          endpoint.needs() == Needs.UNIT_WRITE ? endpoint.successStatus() : 403;
    };
  }

  /** The Authorization header of each credential; tokens are made once for the class. */
  private String header(Credential credential) {
    synchronized (HEADERS) {
      if (HEADERS.isEmpty()) {
        HEADERS.put(Credential.MALFORMED_HEADER, "Basic " + Tokens.ADMIN);
        HEADERS.put(Credential.UNKNOWN_TOKEN, "Bearer " + TokenSecrets.generate());
        HEADERS.put(Credential.WRONG_UNIT, bearer(Tokens.create("宛城区", "UNIT:411302")));
        HEADERS.put(Credential.WRONG_REGION, bearer(Tokens.create("郑州市", "REGION:410100")));
        Tokens.Created revoked = Tokens.create("revoked", "UNIT:" + UNIT);
        Tokens.revoke(revoked.id());
        HEADERS.put(Credential.REVOKED, bearer(revoked));
        Tokens.Created expired = Tokens.create("expired", "ADMIN");
        update(
            "update api_token set expires_at = now() - interval '1 minute' where id = ?",
            expired.id());
        HEADERS.put(Credential.EXPIRED, bearer(expired));
        HEADERS.put(Credential.ADMIN, "Bearer " + Tokens.ADMIN);
        HEADERS.put(Credential.RIGHT_UNIT, bearer(Tokens.create("卧龙区", "UNIT:" + UNIT)));
        HEADERS.put(Credential.RIGHT_REGION, bearer(Tokens.create("南阳市", "REGION:411300")));
      }
      return HEADERS.get(credential);
    }
  }

  private static String bearer(Tokens.Created token) {
    return "Bearer " + token.secret();
  }

  private static long count(String sql, Object... params) {
    try (Connection c = database.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static void update(String sql, Object... params) {
    try (Connection c = database.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
