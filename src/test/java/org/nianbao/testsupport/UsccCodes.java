package org.nianbao.testsupport;

import java.util.concurrent.atomic.AtomicInteger;
import org.nianbao.unit.Uscc;

/** Fresh, valid 统一社会信用代码 for tests that register units. */
public final class UsccCodes {

  private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final AtomicInteger SERIAL = new AtomicInteger(1);

  private UsccCodes() {}

  /**
   * A valid code of an organ registered in {@code division} (6 digits), different on every call.
   */
  public static String next(String division) {
    String body = "11" + division + String.format("%09d", SERIAL.getAndIncrement());
    for (char c : CHARSET.toCharArray()) {
      if (Uscc.isValid(body + c)) {
        return body + c;
      }
    }
    throw new IllegalStateException("no check character for " + body);
  }
}
