package org.nianbao.security;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nianbao.common.Page;
import org.nianbao.common.Paging;
import org.nianbao.common.ProblemException;
import org.nianbao.common.ProblemException.FieldError;
import org.nianbao.security.TokenViews.CreatedToken;
import org.nianbao.security.TokenViews.NewToken;
import org.nianbao.security.TokenViews.TokenView;
import org.nianbao.unit.RegionRepository;
import org.nianbao.unit.UnitRepository;

/** Creates, lists and revokes API tokens; every operation needs an ADMIN caller. */
@ApplicationScoped
public class TokenService {

  static final int NAME_MAX = 100;

  /** The last year an expiry may fall in (timestamps are stored as PostgreSQL timestamptz). */
  static final int LAST_EXPIRY_YEAR = 9999;

  private final AccessControl access;
  private final ApiTokenRepository tokens;
  private final UnitRepository units;
  private final RegionRepository regions;

  public TokenService(
      AccessControl access,
      ApiTokenRepository tokens,
      UnitRepository units,
      RegionRepository regions) {
    this.access = access;
    this.tokens = tokens;
    this.units = units;
    this.regions = regions;
  }

  /** Creates a token and returns its secret, which is not stored and cannot be shown again. */
  @Transactional
  public CreatedToken create(NewToken input) {
    Caller caller = access.requireAdmin();
    if (input == null) {
      throw ProblemException.invalidField("body", "请求体不能为空。", "A token document is required.");
    }
    OffsetDateTime now = now();
    List<FieldError> errors = new ArrayList<>();
    String name = input.name() == null ? "" : input.name().strip();
    if (name.isEmpty() || name.length() > NAME_MAX) {
      errors.add(
          new FieldError("name", "name is required (1–100 characters)", "令牌名称不能为空，且不超过100字。"));
    }
    checkScope(input.scope()).ifPresent(errors::add);
    if (input.expiresAt() != null && !input.expiresAt().isAfter(now)) {
      errors.add(new FieldError("expiresAt", "expiresAt must be in the future", "过期时间应晚于当前时间。"));
    } else if (input.expiresAt() != null && input.expiresAt().getYear() > LAST_EXPIRY_YEAR) {
      // beyond what PostgreSQL's timestamptz holds; a token that never expires has no expiresAt
      errors.add(
          new FieldError(
              "expiresAt",
              "expiresAt must be before the year "
                  + (LAST_EXPIRY_YEAR + 1)
                  + " (omit it for no expiry)",
              "过期时间应早于" + (LAST_EXPIRY_YEAR + 1) + "年（不过期请省略该字段）。"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalidFields(errors);
    }
    String secret = TokenSecrets.generate();
    ApiToken token = new ApiToken();
    token.name = name;
    token.scope = input.scope();
    token.tokenHash = TokenSecrets.hash(secret);
    token.createdBy = caller.name();
    token.createdAt = now;
    token.expiresAt =
        input.expiresAt() == null ? null : input.expiresAt().truncatedTo(ChronoUnit.MICROS);
    tokens.persist(token);
    return new CreatedToken(
        token.id, token.name, token.scope, token.expiresAt, token.createdAt, secret);
  }

  /** All tokens, oldest first, revoked and expired ones included. */
  @Transactional
  public Page<TokenView> list(Paging paging) {
    access.requireAdmin();
    var query = tokens.findAll(Sort.by("id"));
    long total = query.count();
    List<TokenView> items =
        query.page(paging.index(), paging.size()).list().stream().map(TokenView::of).toList();
    return new Page<>(items, paging.page(), paging.size(), total);
  }

  /** Revokes a token from now on; revoking a revoked token changes nothing. */
  @Transactional
  public void revoke(String id) {
    access.requireAdmin();
    ApiToken token = parseId(id).map(tokens::findById).orElse(null);
    if (token == null) {
      throw ProblemException.notFound("Token", id);
    }
    if (token.revokedAt == null) {
      token.revokedAt = now();
    }
  }

  /**
   * The problem with {@code scope}, if any: wrong syntax, or a unit or region that does not exist.
   */
  private Optional<FieldError> checkScope(String raw) {
    Optional<TokenScope> scope = TokenScope.parse(raw);
    if (scope.isEmpty()) {
      return Optional.of(
          new FieldError(
              "scope",
              "scope must be ADMIN, UNIT:<unit code> or REGION:<6-digit division code>",
              "权限范围应为 ADMIN、UNIT:<单位代码> 或 REGION:<6位行政区划代码>。"));
    }
    TokenScope s = scope.get();
    return switch (s.kind()) {
      case ADMIN -> Optional.empty();
      case UNIT ->
          units.findByIdOptional(s.code()).isPresent()
              ? Optional.empty()
              : Optional.of(
                  new FieldError("scope", "unknown unit " + s.code(), "单位" + s.code() + "不存在。"));
      case REGION ->
          regions.findByIdOptional(s.code()).isPresent()
              ? Optional.empty()
              : Optional.of(
                  new FieldError(
                      "scope", "unknown region " + s.code(), "行政区划" + s.code() + "不存在。"));
    };
  }

  private static Optional<Long> parseId(String id) {
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
