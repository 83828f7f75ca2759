package org.nianbao.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A credential for writing: its name, its scope and the SHA-256 of its secret (the secret itself is
 * never kept).
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, length = 100)
  public String name;

  @Column(nullable = false, length = 30)
  public String scope;

  @Column(name = "token_hash", nullable = false, length = 64, unique = true)
  public String tokenHash;

  @Column(name = "created_by", nullable = false, length = 100)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "expires_at")
  public OffsetDateTime expiresAt;

  @Column(name = "revoked_at")
  public OffsetDateTime revokedAt;

  @Column(name = "last_used_at")
  public OffsetDateTime lastUsedAt;

  /** True while the token may be used: not revoked and not past its expiry. */
  public boolean isActive(OffsetDateTime now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }
}
