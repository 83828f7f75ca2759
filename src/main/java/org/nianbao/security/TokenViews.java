package org.nianbao.security;

import java.time.OffsetDateTime;

/** JSON shapes of API tokens, as the contract defines them. */
public final class TokenViews {

  private TokenViews() {}

  /** A request to create a token. */
  public record NewToken(String name, String scope, OffsetDateTime expiresAt) {}

  /** A token as listed: never its secret nor the secret's hash. */
  public record TokenView(
      Long id,
      String name,
      String scope,
      String createdBy,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      OffsetDateTime revokedAt,
      OffsetDateTime lastUsedAt) {

    static TokenView of(ApiToken t) {
      return new TokenView(
          t.id, t.name, t.scope, t.createdBy, t.createdAt, t.expiresAt, t.revokedAt, t.lastUsedAt);
    }
  }

  /** A token just created, with its secret: the only time the secret is shown. */
  public record CreatedToken(
      Long id,
      String name,
      String scope,
      OffsetDateTime expiresAt,
      OffsetDateTime createdAt,
      String token) {}
}
