package org.nianbao.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import java.nio.file.Path;

/** Rest Assured filters that check every request and response against openapi/openapi.yaml. */
public final class Contract {

  private static final String SPEC =
      Path.of("openapi/openapi.yaml").toAbsolutePath().toUri().toString();

  /** Validates both the request and the response. */
  public static final OpenApiValidationFilter CONTRACT =
      new OpenApiValidationFilter(
          OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build());

  /**
   * Validates only the response: for tests that deliberately send what the contract forbids (bad
   * JSON, wrong types, missing headers) and check that the answer still follows the contract.
   */
  public static final OpenApiValidationFilter RESPONSE_ONLY =
      new OpenApiValidationFilter(
          OpenApiInteractionValidator.createForSpecificationUrl(SPEC)
              .withLevelResolver(
                  LevelResolver.create()
                      .withLevel("validation.request", ValidationReport.Level.IGNORE)
                      .build())
              .build());

  private Contract() {}
}
