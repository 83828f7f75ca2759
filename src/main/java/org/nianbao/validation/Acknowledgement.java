package org.nianbao.validation;

/**
 * A submitter's reasoned override of an overridable rule, e.g. S3-04 after an institutional reform.
 */
public record Acknowledgement(String rule, String reason) {}
