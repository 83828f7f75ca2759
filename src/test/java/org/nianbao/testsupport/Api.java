package org.nianbao.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Request builders for API tests: contract-checked, with the test admin token for writes. */
public final class Api {

  private Api() {}

  /** A contract-validated request carrying the admin token. */
  public static RequestSpecification asAdmin() {
    return given().filter(Contract.CONTRACT).header(Tokens.admin());
  }

  /**
   * A request carrying the admin token whose request may break the contract on purpose (the
   * response is still checked).
   */
  public static RequestSpecification asAdminUnchecked() {
    return given().filter(Contract.RESPONSE_ONLY).header(Tokens.admin());
  }
}
