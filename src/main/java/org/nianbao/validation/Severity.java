package org.nianbao.validation;

/**
 * How much a finding weighs: ERROR blocks a submission, WARNING is stored with it, INFO is shown.
 */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}
