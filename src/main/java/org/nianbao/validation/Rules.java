package org.nianbao.validation;

import static org.nianbao.validation.RuleOrigin.COMMON;
import static org.nianbao.validation.RuleOrigin.HEURISTIC;
import static org.nianbao.validation.RuleOrigin.OFFICIAL;
import static org.nianbao.validation.RuleOrigin.STRUCTURAL;
import static org.nianbao.validation.Severity.ERROR;
import static org.nianbao.validation.Severity.WARNING;

import java.util.List;

/** The rules this engine implements, declared once with the spec's ids, formulas and messages (SPEC §3). */
public final class Rules {

  private Rules() {}

  /**
   * FMT-01: all six sections are present, each found by its number and its keywords; a section found by its
   * keywords under another number (二…六 printed as 三…七), or under a sub-heading only, is misnumbered.
   */
  public static final RuleSpec FMT_01 =
      new RuleSpec(
          "FMT-01",
          ERROR,
          false,
          OFFICIAL,
          "sections 一…六 present, matched by number and keyword (missing: ERROR; misnumbered: WARNING)",
          "年度报告缺少第{n}部分“{title}”。",
          "Section {n} \"{title}\" is missing.");

  /** FMT-01's message for a section found by its keywords under a heading numbered otherwise. */
  public static final String FMT_01_MISNUMBERED_ZH = "第{n}部分“{title}”的标题编号有误：印作“{printed}”。";

  /** FMT-01's message for a misnumbered section, in English. */
  public static final String FMT_01_MISNUMBERED_EN = "Section {n} \"{title}\" is misnumbered: printed as \"{printed}\".";

  /** FMT-02: the declared format matches the report year (≥ 2021 ⇒ FMT2021, 2019–2020 ⇒ FMT2019) and is present. */
  public static final RuleSpec FMT_02 =
      new RuleSpec(
          "FMT-02",
          ERROR,
          false,
          OFFICIAL,
          "year ≥ 2021 ⇒ FMT2021; 2019–2020 ⇒ FMT2019",
          "{year}年度报告应使用{expected}格式，检测到旧版表格“{label}”。",
          "A {year} report must use the {expected} format; found old-format label \"{label}\".");

  /** FMT-03: every catalogue cell of the format is present, parses as its type, and no other key is sent. */
  public static final RuleSpec FMT_03 =
      new RuleSpec(
          "FMT-03",
          ERROR,
          false,
          OFFICIAL,
          "every catalogue cell present and numeric (ERROR on submission, WARNING on import)",
          "单元格“{row}／{col}”缺失或不是有效数字。",
          "Cell \"{row}/{col}\" is missing or not a valid number.");

  /** FMT-04: a cell of a published document is blank or a placeholder; it is kept unknown, never read as 0. */
  public static final RuleSpec FMT_04 =
      new RuleSpec(
          "FMT-04",
          WARNING,
          false,
          COMMON,
          "blank or placeholder cell in an imported document (stored as NULL)",
          "单元格“{row}／{col}”为空，按格式应填写数字（无则填0）。",
          "Cell \"{row}/{col}\" is blank; the format expects a number (0 if none).");

  /** FMT-05: counts (INT) are whole numbers ≥ 0 that fit 64 bits; the 2019 changes (SINT) are whole numbers. */
  public static final RuleSpec FMT_05 =
      new RuleSpec(
          "FMT-05",
          ERROR,
          false,
          STRUCTURAL,
          "INT: integer ≥ 0 within 64 bits; SINT: integer within 64 bits",
          "“{label}”应为非负整数，实际为“{raw}”。",
          "\"{label}\" must be a non-negative integer, got \"{raw}\".");

  /**
   * FMT-06: the fee amount (万元) is ≥ 0 with at most 6 decimals (ERROR); more than 4 decimals, or an amount
   * above the ceiling for the unit's level (元 entered as 万元), is a WARNING.
   */
  public static final RuleSpec FMT_06 =
      new RuleSpec(
          "FMT-06",
          ERROR,
          false,
          STRUCTURAL,
          "amount ≥ 0, ≤ 6 decimals (ERROR); > 4 decimals or above the level ceiling (WARNING)",
          "行政事业性收费金额单位为万元，请核实“{raw}”。",
          "Administrative fee amount is in 10,000 yuan; check \"{raw}\".");

  /** S3-01: in every applicant column, new + carried-in = processed total + carried-out (printed in the format). */
  public static final RuleSpec S3_01 =
      new RuleSpec(
          "S3-01",
          ERROR,
          false,
          OFFICIAL,
          "∀c∈COLS: new.c + carried_in.c = total_processed.c + carried_out.c",
          "第{col}列：本年新收＋上年结转（{l}）不等于办理结果总计＋结转下年度（{r}）。",
          "Column {col}: new + carried-in ({l}) ≠ processed total + carried-out ({r}).");

  /** S3-02: in every applicant column, (七)总计 equals the sum of the outcome rows (一)–(六). */
  public static final RuleSpec S3_02 =
      new RuleSpec(
          "S3-02",
          ERROR,
          false,
          STRUCTURAL,
          "∀c∈COLS: total_processed.c = Σ_{r∈RESULT_ROWS} r.c",
          "第{col}列：（七）总计{r}与各办理结果之和{l}不符。",
          "Column {col}: (七) total {r} ≠ sum of outcome rows {l}.");

  /** S3-03: in every section 三 row, the 总计 column equals the sum of the six applicant columns. */
  public static final RuleSpec S3_03 =
      new RuleSpec(
          "S3-03",
          ERROR,
          false,
          STRUCTURAL,
          "∀ row r: r.total = Σ_{c∈C6} r.c",
          "“{row}”行：总计{r}不等于各类申请人之和{l}。",
          "Row \"{row}\": total {r} ≠ sum of the six applicant columns {l}.");

  /** S3-04: this year's carried-in equals last year's carried-out, column by column (overridable). */
  public static final RuleSpec S3_04 =
      new RuleSpec(
          "S3-04",
          ERROR,
          true,
          COMMON,
          "∀c: carried_in(Y).c = carried_out(Y−1).c",
          "第{col}列：上年结转数（{l}）与{Y-1}年度报告“结转下年度继续办理”（{r}）不一致。",
          "Column {col}: carried-in ({l}) differs from the {Y-1} report's carried-out ({r}).");

  /** S4-01: for review and both litigation groups, 总计 = 维持 + 纠正 + 其他结果 + 尚未审结. */
  public static final RuleSpec S4_01 =
      new RuleSpec(
          "S4-01",
          ERROR,
          false,
          STRUCTURAL,
          "∀g: g.total = g.upheld + g.corrected + g.other + g.pending",
          "{group}：总计{r}不等于维持、纠正、其他结果、尚未审结之和{l}。",
          "{group}: total {r} ≠ upheld + corrected + other + pending {l}.");

  /** S2-01: documents in force this year = last year's in force + issued − abolished (rules and normative documents). */
  public static final RuleSpec S2_01 =
      new RuleSpec(
          "S2-01",
          WARNING,
          false,
          COMMON,
          "k.in_force(Y) = k.in_force(Y−1) + k.issued(Y) − k.abolished(Y)",
          "{doc}现行有效件数{a}与“上年{b}＋本年制发{c}－本年废止{d}”不符，请说明（修改、到期失效等）。",
          "{doc} in-force {a} ≠ last year {b} + issued {c} − abolished {d}; explain (amendments, expiry).");

  /** S2-02: documents issued this year do not outnumber the documents in force. */
  public static final RuleSpec S2_02 =
      new RuleSpec(
          "S2-02",
          WARNING,
          false,
          HEURISTIC,
          "k.issued ≤ k.in_force",
          "{doc}本年制发件数大于现行有效件数。",
          "{doc}: issued this year exceeds the number in force.");

  /** S2-03: a unit without rule-making power (not a 国务院部门, provincial or city government) reports no 规章. */
  public static final RuleSpec S2_03 =
      new RuleSpec(
          "S2-03",
          WARNING,
          false,
          HEURISTIC,
          "regulation.* = 0 unless the unit may make 规章",
          "本单位无规章制定权，规章栏应为0。",
          "This unit has no rule-making power; the 规章 row should be 0.");

  /** TXT-01: numbers in section 一 that name a table quantity equal the table. */
  public static final RuleSpec TXT_01 =
      new RuleSpec(
          "TXT-01",
          WARNING,
          false,
          COMMON,
          "quantities named in 一 (收到/办结/结转/行政复议/行政诉讼) = table cells",
          "正文“{quote}”中的数字{n}与表格{key}={v}不一致。",
          "Narrative \"{quote}\" says {n} but table {key} = {v}.");

  /** TXT-02: an enumeration 共N…其中a…b…c… has parts that add up to N. */
  public static final RuleSpec TXT_02 =
      new RuleSpec(
          "TXT-02",
          WARNING,
          false,
          HEURISTIC,
          "共N…其中a、b、c… ⇒ Σparts = N",
          "正文合计{N}与分项之和{S}不一致（差{d}）。",
          "Narrative total {N} ≠ sum of parts {S} (difference {d}).");

  /** TXT-03: section 六 states the 信息处理费 collected, including that none was collected. */
  public static final RuleSpec TXT_03 =
      new RuleSpec(
          "TXT-03",
          WARNING,
          false,
          OFFICIAL,
          "section 六 mentions 信息处理费 (including 未收取)",
          "第六部分未说明信息处理费收取情况。",
          "Section 六 does not state the information processing fees collected.");

  /** TXT-04: the regulation is cited as 《中华人民共和国政府信息公开条例》 and a 2021+ report does not cite the 2019 format. */
  public static final RuleSpec TXT_04 =
      new RuleSpec(
          "TXT-04",
          WARNING,
          false,
          COMMON,
          "correct title of the regulation; no 国办公开办函〔2019〕60号 in a ≥2021 report",
          "法规名称或格式依据引用有误：“{quote}”。",
          "Wrong legal title or format basis cited: \"{quote}\".");

  /** TXT-05: no conversion artefacts ([bookmark: …]) or stray digits inside a domain term (政府23信息公开). */
  public static final RuleSpec TXT_05 =
      new RuleSpec(
          "TXT-05",
          WARNING,
          false,
          HEURISTIC,
          "no [bookmark: …] artefacts; no digits inside a domain term",
          "疑似残留字符：“{quote}”。",
          "Stray characters: \"{quote}\".");

  /** TXT-07: a people's government's report covers 工作考核、社会评议和责任追究结果 (Art. 50(4)). */
  public static final RuleSpec TXT_07 =
      new RuleSpec(
          "TXT-07",
          WARNING,
          false,
          OFFICIAL,
          "PEOPLES_GOV: narrative mentions 工作考核 / 社会评议 / 责任追究 (or 绩效考核 / 考评)",
          "人民政府年报应报告工作考核、社会评议和责任追究结果情况。",
          "A government's report must cover evaluation, public appraisal and accountability results.");

  /** Every rule of this engine, in the spec's order; findings are sorted by this order. */
  /**
   * LC-01: the report is published by its statutory deadline (Art. 49): 31 March of Y+1 for a people's
   * government's report, 31 January of Y+1 for every other organ.
   */
  public static final RuleSpec LC_01 =
      new RuleSpec(
          "LC-01",
          WARNING,
          false,
          OFFICIAL,
          "publishedAt ≤ deadline(unit, Y): 31 Mar Y+1 (people's government), else 31 Jan Y+1",
          "年度报告应于{deadline}前公布，实际公布于{date}（逾期{d}天）。",
          "Report due by {deadline}, published {date} ({d} days late).");

  /** LC-02: a report cannot be published before its statistics year has ended (publishedAt ≥ 1 Jan Y+1). */
  public static final RuleSpec LC_02 =
      new RuleSpec(
          "LC-02",
          ERROR,
          false,
          STRUCTURAL,
          "publishedAt ≥ 1 Jan Y+1",
          "年度报告不得早于统计年度结束前公布。",
          "A report cannot be published before its year ends.");

  /**
   * IMP-01: a row of an imported document was placed without its label confirming it — by the nearest label
   * (mistyped, wrapped, cut) or by the table's structure (its place and width) — so a reviewer checks it.
   */
  public static final RuleSpec IMP_01 =
      new RuleSpec(
          "IMP-01",
          WARNING,
          false,
          HEURISTIC,
          "an imported row matched by the nearest label or by the table's structure, not by its printed label",
          "{row}一行按{how}读取，未由标签确认，请核对。",
          "Row {row} was read by {how}, not confirmed by its label; please check it.");

  /** IMP-01's {how} for a row matched by the nearest label. */
  public static final String IMP_01_NEAREST_ZH = "最相近的标签";

  /** IMP-01's {how} for a row matched by the nearest label, in English. */
  public static final String IMP_01_NEAREST_EN = "the nearest label";

  /** IMP-01's {how} for a row placed by the table's structure. */
  public static final String IMP_01_STRUCTURE_ZH = "表格结构（位置和列数）";

  /** IMP-01's {how} for a row placed by the table's structure, in English. */
  public static final String IMP_01_STRUCTURE_EN = "the table's structure (its place and width)";

  public static final List<RuleSpec> ALL =
      List.of(
          FMT_01, FMT_02, FMT_03, FMT_04, FMT_05, FMT_06, S3_01, S3_02, S3_03, S3_04, S4_01, S2_01, S2_02, S2_03,
          TXT_01, TXT_02, TXT_03, TXT_04, TXT_05, TXT_07, LC_01, LC_02, IMP_01);

  /** The position of a rule id in {@link #ALL}, or {@code ALL.size()} for an unknown id. */
  static int rank(String id) {
    for (int i = 0; i < ALL.size(); i++) {
      if (ALL.get(i).id().equals(id)) {
        return i;
      }
    }
    return ALL.size();
  }
}
