package org.nianbao.validation;

/**
 * Another stored report a finding refers to (TXT-06: the report a narrative resembles).
 *
 * @param unit the unit code
 * @param year the statistics year
 */
public record ReportRef(String unit, int year) {}
