package org.nianbao.unit;

/**
 * Who may register units. Owned here and implemented by {@code security} (which sits above {@code
 * unit} on the package ladder, since token scopes are resolved against units and regions).
 */
public interface RegistrationPolicy {

  /** Returns when the current caller may register units; throws the 401/403 problem otherwise. */
  void requireMayRegister();
}
