package org.nianbao.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;
import org.nianbao.validation.ValidationContext.Mode;

/**
 * Reads the raw JSON cells of a document into {@link CellValues}, reporting structural problems
 * (FMT-03 to FMT-06) named by cell. A cell with a problem stays unknown, so no arithmetic rule
 * evaluates it.
 */
public final class CellParser {

  private static final Set<String> PLACEHOLDERS =
      Set.of("", "-", "—", "－", "–", "/", "无", "&nbsp;", "\u00a0");
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final int MAX_STORED_DECIMALS = 6;
  private static final int MAX_PLAIN_DECIMALS = 4;

  /** Digits before the point an amount (万元) may have: below 10^14, as stored. */
  static final int MAX_AMOUNT_DIGITS = 14;

  /** Zeros a number is printed with in plain digits; beyond, in scientific notation. */
  private static final int MAX_PLAIN_ZEROS = 40;

  private static final String UNKNOWN_ZH = "单元格“{key}”不属于{format}格式。";
  private static final String UNKNOWN_EN = "Cell \"{key}\" is not part of the {format} format.";
  private static final String NOT_INTEGER_ZH = "“{label}”应为整数，实际为“{raw}”。";
  private static final String NOT_INTEGER_EN = "\"{label}\" must be an integer, got \"{raw}\".";
  private static final String FEE_NEGATIVE_ZH = "金额“{label}”不能为负数：“{raw}”。";
  private static final String FEE_NEGATIVE_EN = "Amount \"{label}\" cannot be negative: \"{raw}\".";
  private static final String FEE_RANGE_ZH = "金额“{label}”超出可保存的范围（应小于10^14万元）：“{raw}”。";
  private static final String FEE_RANGE_EN =
      "Amount \"{label}\" is beyond what can be stored (below 10^14 ten-thousand yuan): \"{raw}\".";
  private static final String FEE_PRECISION_ZH = "金额“{label}”小数位超过6位，无法精确保存：“{raw}”。";
  private static final String FEE_PRECISION_EN =
      "Amount \"{label}\" has more than 6 decimals and cannot be stored exactly: \"{raw}\".";
  private static final String FEE_DECIMALS_ZH = "金额“{label}”（万元）小数位超过4位（精确到1元以下），请核实“{raw}”。";
  private static final String FEE_DECIMALS_EN =
      "Amount \"{label}\" (10,000 yuan) has more than 4 decimals (finer than 1 yuan); check \"{raw}\".";

  private CellParser() {}

  /** Parses without reporting anything (e.g. the previous year's stored report). */
  public static CellValues lenient(Map<String, JsonNode> cells, Catalogue catalogue) {
    return parse(cells, catalogue, Mode.IMPORT, null, null);
  }

  /**
   * Parses the cells of a document against its catalogue.
   *
   * @param findings where to report; null to report nothing
   */
  static CellValues parse(
      Map<String, JsonNode> cells,
      Catalogue catalogue,
      Mode mode,
      ValidationContext.UnitProfile unit,
      Findings findings) {
    CellValues values = new CellValues(catalogue);
    boolean submission = mode != Mode.IMPORT;
    Severity structural = submission ? Severity.ERROR : Severity.WARNING;
    int present = 0;
    for (CellDefinition cell : catalogue.cells()) {
      JsonNode node = cells.get(cell.key());
      if (node == null || node.isMissingNode()) {
        report(findings, Rules.FMT_03, structural, cell, "number", null);
        continue;
      }
      present++;
      if (node.isNull()) {
        if (submission) {
          report(findings, Rules.FMT_03, Severity.ERROR, cell, "number", null);
        } else {
          report(findings, Rules.FMT_04, Severity.WARNING, cell, "number", null);
        }
        continue;
      }
      if (!node.isNumber()) {
        String raw = node.isTextual() ? node.textValue() : node.toString();
        boolean blank = node.isTextual() && PLACEHOLDERS.contains(raw.strip());
        if (blank && !submission) {
          report(findings, Rules.FMT_04, Severity.WARNING, cell, "number", raw);
        } else {
          report(findings, Rules.FMT_03, structural, cell, "number", raw);
        }
        continue;
      }
      if (cell.type() == CellType.DEC) {
        parseAmount(node, cell, unit, values, findings);
      } else {
        parseCount(node, cell, values, findings);
      }
    }
    if (findings != null && present < cells.size()) {
      reportUnknownKeys(cells, catalogue, findings);
    }
    return values;
  }

  private static void parseCount(
      JsonNode node, CellDefinition cell, CellValues values, Findings findings) {
    boolean signed = cell.type() == CellType.SINT;
    long value;
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong()) {
        badCount(findings, cell, node, signed);
        return;
      }
      value = node.longValue();
    } else {
      if (node.isFloatingPointNumber()
          && !node.isBigDecimal()
          && !Double.isFinite(node.doubleValue())) {
        badCount(findings, cell, node, signed);
        return;
      }
      BigDecimal decimal = node.decimalValue();
      if (decimal.signum() == 0) {
        value = 0;
      } else {
        BigDecimal stripped = decimal.stripTrailingZeros();
        // a fraction, or more digits than a long has (1e999999999 is refused before any arithmetic)
        if (stripped.scale() > 0 || integerDigits(stripped) > 19) {
          badCount(findings, cell, node, signed);
          return;
        }
        BigInteger whole = stripped.toBigIntegerExact();
        if (whole.compareTo(LONG_MAX) > 0 || whole.compareTo(LONG_MIN) < 0) {
          badCount(findings, cell, node, signed);
          return;
        }
        value = whole.longValue();
      }
    }
    if (value < 0 && !signed) {
      badCount(findings, cell, node, false);
      return;
    }
    values.setCount(cell.index(), value);
  }

  private static void badCount(
      Findings findings, CellDefinition cell, JsonNode node, boolean signed) {
    if (findings == null) {
      return;
    }
    String raw = raw(node);
    Map<String, Object> zh = Map.of("label", cell.shortLabel(), "raw", raw);
    Map<String, Object> en = Map.of("label", cell.key(), "raw", raw);
    Message message =
        signed
            ? new Message(Templates.fill(NOT_INTEGER_ZH, zh), Templates.fill(NOT_INTEGER_EN, en))
            : Templates.message(Rules.FMT_05, zh, en);
    findings.add(
        Rules.FMT_05,
        Severity.ERROR,
        List.of(cell.key()),
        signed ? "integer within 64 bits" : "non-negative integer within 64 bits",
        raw,
        message);
  }

  private static void parseAmount(
      JsonNode node,
      CellDefinition cell,
      ValidationContext.UnitProfile unit,
      CellValues values,
      Findings findings) {
    if (node.isFloatingPointNumber()
        && !node.isBigDecimal()
        && !Double.isFinite(node.doubleValue())) {
      amountFinding(
          findings,
          Severity.ERROR,
          cell,
          node,
          "finite amount ≥ 0",
          FEE_NEGATIVE_ZH,
          FEE_NEGATIVE_EN);
      return;
    }
    BigDecimal amount = node.decimalValue();
    if (amount.signum() < 0) {
      amountFinding(
          findings, Severity.ERROR, cell, node, "amount ≥ 0", FEE_NEGATIVE_ZH, FEE_NEGATIVE_EN);
      return;
    }
    if (amount.signum() > 0 && integerDigits(amount.stripTrailingZeros()) > MAX_AMOUNT_DIGITS) {
      // beyond what is stored (numeric(20,6)): refused before any arithmetic on it
      amountFinding(
          findings,
          Severity.ERROR,
          cell,
          node,
          "amount < 10^" + MAX_AMOUNT_DIGITS,
          FEE_RANGE_ZH,
          FEE_RANGE_EN);
      return;
    }
    int decimals = amount.signum() == 0 ? 0 : Math.max(0, amount.stripTrailingZeros().scale());
    if (decimals > MAX_STORED_DECIMALS) {
      amountFinding(
          findings,
          Severity.ERROR,
          cell,
          node,
          "at most 6 decimals",
          FEE_PRECISION_ZH,
          FEE_PRECISION_EN);
      return;
    }
    values.setAmount(cell.index(), amount);
    if (decimals > MAX_PLAIN_DECIMALS) {
      amountFinding(
          findings,
          Severity.WARNING,
          cell,
          node,
          "at most 4 decimals",
          FEE_DECIMALS_ZH,
          FEE_DECIMALS_EN);
    }
    BigDecimal ceiling =
        FeeCeiling.forRegionLevel(unit == null ? null : unit.regionLevel()).wanYuan();
    if (amount.compareTo(ceiling) > 0) {
      amountFinding(
          findings,
          Severity.WARNING,
          cell,
          node,
          "≤ " + ceiling.toPlainString(),
          Rules.FMT_06.messageZh(),
          Rules.FMT_06.messageEn());
    }
  }

  private static void amountFinding(
      Findings findings,
      Severity severity,
      CellDefinition cell,
      JsonNode node,
      String expected,
      String zh,
      String en) {
    if (findings == null) {
      return;
    }
    String raw = raw(node);
    findings.add(
        Rules.FMT_06,
        severity,
        List.of(cell.key()),
        expected,
        raw,
        new Message(
            Templates.fill(zh, Map.of("label", cell.shortLabel(), "raw", raw)),
            Templates.fill(en, Map.of("label", cell.key(), "raw", raw))));
  }

  private static void report(
      Findings findings,
      RuleSpec rule,
      Severity severity,
      CellDefinition cell,
      String expected,
      String raw) {
    if (findings == null) {
      return;
    }
    Map<String, Object> zh = new HashMap<>();
    zh.put("row", lastSegment(cell.rowLabel()));
    zh.put("col", lastSegment(cell.columnLabel()));
    Map<String, Object> en = new HashMap<>();
    en.put("row", cell.rowKey());
    en.put("col", cell.columnKey());
    findings.add(
        rule, severity, List.of(cell.key()), expected, raw, Templates.message(rule, zh, en));
  }

  /** Unknown keys named one by one; beyond this, one finding counts the rest. */
  static final int MAX_UNKNOWN_NAMED = 50;

  private static final String MORE_UNKNOWN_ZH = "另有{n}个单元格键不属于{format}格式。";
  private static final String MORE_UNKNOWN_EN =
      "{n} more keys are not cells of the {format} format.";

  private static void reportUnknownKeys(
      Map<String, JsonNode> cells, Catalogue catalogue, Findings findings) {
    List<String> unknown = new ArrayList<>();
    for (String key : cells.keySet()) {
      if (!catalogue.contains(key)) {
        unknown.add(key);
      }
    }
    Collections.sort(unknown);
    if (unknown.size() > MAX_UNKNOWN_NAMED) {
      // a document that is mostly not this format: name the first keys, count the rest (no
      // amplification)
      List<String> rest = unknown.subList(MAX_UNKNOWN_NAMED, unknown.size());
      Map<String, Object> args = Map.of("n", rest.size(), "format", catalogue.version().name());
      findings.add(
          Rules.FMT_03,
          Severity.ERROR,
          List.of(),
          "cells of " + catalogue.version().name(),
          rest.size() + " more unknown keys",
          new Message(
              Templates.fill(MORE_UNKNOWN_ZH, args), Templates.fill(MORE_UNKNOWN_EN, args)));
      unknown = unknown.subList(0, MAX_UNKNOWN_NAMED);
    }
    for (String key : unknown) {
      Map<String, Object> args = Map.of("key", key, "format", catalogue.version().name());
      JsonNode node = cells.get(key);
      findings.add(
          Rules.FMT_03,
          Severity.ERROR,
          List.of(key),
          "a cell of " + catalogue.version().name(),
          node == null ? null : raw(node),
          new Message(Templates.fill(UNKNOWN_ZH, args), Templates.fill(UNKNOWN_EN, args)));
    }
  }

  static String raw(JsonNode node) {
    if (node.isBigDecimal()) {
      return plain(node.decimalValue());
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }

  /**
   * A number in plain digits, or in scientific notation when that would take more than {@value
   * #MAX_PLAIN_ZEROS} zeros: {@code 1e-999999999} is 12 characters to send and a billion to print.
   */
  public static String plain(BigDecimal d) {
    return Math.abs((long) d.scale()) <= MAX_PLAIN_ZEROS ? d.toPlainString() : d.toString();
  }

  /** Digits before the point of a non-zero number (0 or less for a pure fraction). */
  private static long integerDigits(BigDecimal d) {
    return (long) d.precision() - d.scale();
  }

  static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
