package org.nianbao.report;

/**
 * The status of a stored report version ({@code report_version.status}): one ACCEPTED version per
 * report.
 */
public enum VersionStatus {
  /** The current version. */
  ACCEPTED,
  /** Replaced by a later amendment. */
  SUPERSEDED
}
