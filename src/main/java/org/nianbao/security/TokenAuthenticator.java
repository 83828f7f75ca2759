package org.nianbao.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns a presented secret into a {@link Caller}: the bootstrap admin token from configuration, or
 * an active token found by the hash of its secret. Looks the token up on every request, so a
 * revocation takes effect at once.
 */
@ApplicationScoped
public class TokenAuthenticator {

  /** The name under which the bootstrap admin token writes. */
  public static final String BOOTSTRAP_NAME = "bootstrap-admin";

  private static final Logger LOG = Logger.getLogger(TokenAuthenticator.class);

  /**
   * lastUsedAt is only rewritten when older than this, so that busy tokens do not write on every
   * request.
   */
  private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  private final ApiTokenRepository tokens;
  private final Optional<String> bootstrapToken;

  public TokenAuthenticator(
      ApiTokenRepository tokens,
      @ConfigProperty(name = "nianbao.admin-token") Optional<String> bootstrapToken) {
    this.tokens = tokens;
    this.bootstrapToken = bootstrapToken.map(String::strip).filter(s -> !s.isEmpty());
  }

  void announce(@Observes StartupEvent event) {
    if (bootstrapToken.isEmpty()) {
      LOG.warn(
          "No bootstrap admin token: set NIANBAO_ADMIN_TOKEN (e.g. to the output of `openssl rand -base64 32`)"
              + " to create API tokens; until then every write is refused with 401.");
    } else if (bootstrapToken.get().length() < 16 && LaunchMode.current() == LaunchMode.NORMAL) {
      LOG.warn("NIANBAO_ADMIN_TOKEN is shorter than 16 characters; use a long random value.");
    }
  }

  /**
   * The caller holding {@code secret}, or empty if it is unknown, revoked or expired. Joins the
   * request's transaction: lastUsedAt is recorded with a write that commits, and a refused or
   * rejected write leaves the database exactly as it was.
   */
  @Transactional
  public Optional<Caller> authenticate(String secret) {
    if (bootstrapToken.isPresent() && TokenSecrets.sameSecret(secret, bootstrapToken.get())) {
      return Optional.of(new Caller(null, BOOTSTRAP_NAME, TokenScope.ADMIN.toString()));
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return tokens
        .findByHash(TokenSecrets.hash(secret))
        .filter(token -> token.isActive(now))
        .map(
            token -> {
              if (token.lastUsedAt == null
                  || token.lastUsedAt.isBefore(now.minus(LAST_USED_RESOLUTION))) {
                token.lastUsedAt = now;
              }
              return new Caller(token.id, token.name, token.scope);
            });
  }

  /**
   * The same caller if its token is still usable (not revoked or expired; the bootstrap token still
   * configured), with the token's current scope; empty otherwise. For work done later on a caller's
   * behalf.
   */
  @Transactional
  public Optional<Caller> stillValid(Caller caller) {
    if (caller.tokenId() == null) {
      return bootstrapToken.isPresent() ? Optional.of(caller) : Optional.empty();
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return tokens
        .findByIdOptional(caller.tokenId())
        .filter(token -> token.isActive(now))
        .map(token -> new Caller(token.id, token.name, token.scope));
  }
}
