package org.nianbao.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Finds API tokens by the hash of their secret. */
@ApplicationScoped
public class ApiTokenRepository implements PanacheRepository<ApiToken> {

  public Optional<ApiToken> findByHash(String tokenHash) {
    return find("tokenHash", tokenHash).firstResultOptional();
  }
}
