package org.nianbao.security;

import jakarta.enterprise.context.RequestScoped;
import org.nianbao.unit.Unit;

/**
 * Decides whether the current request may write: services call it before changing anything.
 * (Stub until the security issue lands: everyone is an anonymous admin.)
 */
@RequestScoped
public class AccessControl {

  /** The caller, who must hold an ADMIN token; 401/403 problem otherwise. */
  public Caller requireAdmin() {
    return new Caller(null, "bootstrap-admin", "ADMIN");
  }

  /** The caller, whose token must cover {@code unit} (ADMIN, UNIT:code, REGION:ancestor); 401/403 otherwise. */
  public Caller requireWrite(Unit unit) {
    return new Caller(null, "bootstrap-admin", "ADMIN");
  }
}
