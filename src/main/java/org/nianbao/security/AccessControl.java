package org.nianbao.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;
import org.nianbao.common.Problem;
import org.nianbao.common.ProblemException;
import org.nianbao.common.ProblemType;
import org.nianbao.unit.RegistrationPolicy;
import org.nianbao.unit.Unit;

/**
 * Decides whether the current request may write: services call it before changing anything. Reads
 * the {@code Authorization: Bearer <token>} header of the current request; no usable token is a
 * 401, a token whose scope does not reach is a 403.
 */
@RequestScoped
public class AccessControl implements RegistrationPolicy {

  private static final String SCHEME = "bearer";

  private final HttpServerRequest request;
  private final TokenAuthenticator authenticator;
  private Caller caller;

  public AccessControl(HttpServerRequest request, TokenAuthenticator authenticator) {
    this.request = request;
    this.authenticator = authenticator;
  }

  /** The caller, who must hold an ADMIN token; 401/403 problem otherwise. */
  public Caller requireAdmin() {
    Caller c = caller();
    if (!scopeOf(c).isAdmin()) {
      throw forbidden("This needs an ADMIN token / 此操作需要管理员令牌");
    }
    return c;
  }

  /** Registering units needs an ADMIN token. */
  @Override
  public void requireMayRegister() {
    requireAdmin();
  }

  /**
   * The caller, whose token must cover {@code unit} (ADMIN, UNIT:code, REGION:ancestor); 401/403
   * otherwise.
   */
  public Caller requireWrite(Unit unit) {
    Caller c = caller();
    if (!scopeOf(c).covers(unit)) {
      throw forbidden(
          "Token scope "
              + c.scope()
              + " does not cover unit "
              + unit.code
              + " / 令牌权限范围"
              + c.scope()
              + "不包括单位"
              + unit.code);
    }
    return c;
  }

  /** The caller, who must hold a valid token of any scope; 401 otherwise. */
  public Caller requireCaller() {
    return caller();
  }

  /**
   * Work done later on behalf of a caller (a batch import, in a request context of its own) is
   * checked against that caller, authenticated when the work was asked for and re-checked since.
   */
  public void actAs(Caller onBehalfOf) {
    this.caller = onBehalfOf;
  }

  /** The authenticated caller of this request (looked up once per request). */
  private Caller caller() {
    if (caller == null) {
      String secret = bearerSecret(request.getHeader("Authorization"));
      caller =
          authenticator
              .authenticate(secret)
              .orElseThrow(() -> unauthorized("Unknown, revoked or expired token / 令牌无效、已撤销或已过期"));
    }
    return caller;
  }

  private static String bearerSecret(String header) {
    if (header == null || header.isBlank()) {
      throw unauthorized(
          "This needs an Authorization: Bearer <token> header / 写操作需要 Authorization: Bearer <令牌> 请求头");
    }
    String value = header.strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      throw unauthorized(
          "The Authorization header must be 'Bearer <token>' / Authorization 请求头应为 'Bearer <令牌>'");
    }
    String secret = value.substring(space + 1).strip();
    if (secret.isEmpty() || secret.chars().anyMatch(ch -> ch <= ' ' || ch > '~')) {
      throw unauthorized("The bearer token is malformed / 令牌格式错误");
    }
    return secret;
  }

  private static TokenScope scopeOf(Caller c) {
    // Scopes are checked when stored; an unreadable one grants nothing.
    return TokenScope.parse(c.scope())
        .orElseThrow(() -> forbidden("Unreadable token scope / 令牌权限范围无法识别"));
  }

  private static ProblemException unauthorized(String detail) {
    return new ProblemException(
        new Problem(ProblemType.UNAUTHORIZED, detail)
            .header("WWW-Authenticate", "Bearer realm=\"nianbao\""));
  }

  private static ProblemException forbidden(String detail) {
    return new ProblemException(new Problem(ProblemType.FORBIDDEN, detail));
  }
}
