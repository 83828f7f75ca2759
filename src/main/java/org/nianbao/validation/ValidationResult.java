package org.nianbao.validation;

import java.util.List;

/** All findings of one validation run, in rule order. */
public record ValidationResult(List<Finding> findings) {

  public boolean valid() {
    return errors() == 0;
  }

  public int errors() {
    return count(Severity.ERROR);
  }

  public int warnings() {
    return count(Severity.WARNING);
  }

  private int count(Severity severity) {
    int n = 0;
    for (Finding f : findings) {
      if (f.severity() == severity) {
        n++;
      }
    }
    return n;
  }
}
