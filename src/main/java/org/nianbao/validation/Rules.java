package org.nianbao.validation;

import static org.nianbao.validation.RuleOrigin.COMMON;
import static org.nianbao.validation.RuleOrigin.HEURISTIC;
import static org.nianbao.validation.RuleOrigin.OFFICIAL;
import static org.nianbao.validation.RuleOrigin.STRUCTURAL;
import static org.nianbao.validation.Severity.ERROR;
import static org.nianbao.validation.Severity.INFO;
import static org.nianbao.validation.Severity.WARNING;

import java.util.List;

/**
 * The rules this engine implements, declared once with the spec's ids, formulas and messages (SPEC
 * §3).
 */
public final class Rules {

  private Rules() {}

  /**
   * FMT-01: all six sections are present, each found by its number and its keywords; a section
   * found by its keywords under another number (二…六 printed as 三…七), or under a sub-heading only,
   * is misnumbered.
   */
  public static final RuleSpec FMT_01 =
      new RuleSpec(
          "FMT-01",
          ERROR,
          false,
          OFFICIAL,
          "sections 一…六 present, matched by number and keyword (missing: ERROR; misnumbered: WARNING)",
          "年度报告缺少第{n}部分“{title}”。",
          "Section {n} \"{title}\" is missing.",
          RuleStage.IMPORT);

  /** FMT-01's message for a section found by its keywords under a heading numbered otherwise. */
  public static final String FMT_01_MISNUMBERED_ZH = "第{n}部分“{title}”的标题编号有误：印作“{printed}”。";

  /** FMT-01's message for a misnumbered section, in English. */
  public static final String FMT_01_MISNUMBERED_EN =
      "Section {n} \"{title}\" is misnumbered: printed as \"{printed}\".";

  /**
   * FMT-02: the declared format matches the report year (≥ 2021 ⇒ FMT2021, 2019–2020 ⇒ FMT2019) and
   * is present.
   */
  public static final RuleSpec FMT_02 =
      new RuleSpec(
          "FMT-02",
          ERROR,
          false,
          OFFICIAL,
          "year ≥ 2021 ⇒ FMT2021; 2019–2020 ⇒ FMT2019",
          "{year}年度报告应使用{expected}格式，检测到旧版表格“{label}”。",
          "A {year} report must use the {expected} format; found old-format label \"{label}\".");

  /**
   * FMT-03: every catalogue cell of the format is present, parses as its type, and no other key is
   * sent.
   */
  public static final RuleSpec FMT_03 =
      new RuleSpec(
          "FMT-03",
          ERROR,
          false,
          OFFICIAL,
          "every catalogue cell present and numeric (ERROR on submission, WARNING on import)",
          "单元格“{row}／{col}”缺失或不是有效数字。",
          "Cell \"{row}/{col}\" is missing or not a valid number.");

  /**
   * FMT-04: a cell of a published document is blank or a placeholder; it is kept unknown, never
   * read as 0.
   */
  public static final RuleSpec FMT_04 =
      new RuleSpec(
          "FMT-04",
          WARNING,
          false,
          COMMON,
          "blank or placeholder cell in an imported document (stored as NULL)",
          "单元格“{row}／{col}”为空，按格式应填写数字（无则填0）。",
          "Cell \"{row}/{col}\" is blank; the format expects a number (0 if none).");

  /**
   * FMT-05: counts (INT) are whole numbers ≥ 0 that fit 64 bits; the 2019 changes (SINT) are whole
   * numbers.
   */
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
   * FMT-06: the fee amount (万元) is ≥ 0, below 10^14 (what is stored) and has at most 6 decimals
   * (ERROR); more than 4 decimals, or an amount above the ceiling for the unit's level (元 entered
   * as 万元), is a WARNING.
   */
  public static final RuleSpec FMT_06 =
      new RuleSpec(
          "FMT-06",
          ERROR,
          false,
          STRUCTURAL,
          "amount ≥ 0, < 10^14, ≤ 6 decimals (ERROR); > 4 decimals or above the level ceiling (WARNING)",
          "行政事业性收费金额单位为万元，请核实“{raw}”。",
          "Administrative fee amount is in 10,000 yuan; check \"{raw}\".");

  /**
   * FMT-07: the report year is a calendar year before the publication year (LC-02 checks the date),
   * and a statistics period stated in the narrative runs from 1 January to 31 December of the
   * report year.
   */
  public static final RuleSpec FMT_07 =
      new RuleSpec(
          "FMT-07",
          ERROR,
          false,
          OFFICIAL,
          "report_year ≤ publication year − 1; stated period = 1 Jan – 31 Dec of report_year",
          "报告年度与统计期限不一致：“{quote}”。",
          "Report year and statistics period disagree: \"{quote}\".");

  /**
   * S3-01: in every applicant column, new + carried-in = processed total + carried-out (printed in
   * the format).
   */
  public static final RuleSpec S3_01 =
      new RuleSpec(
          "S3-01",
          ERROR,
          false,
          OFFICIAL,
          "∀c∈COLS: new.c + carried_in.c = total_processed.c + carried_out.c",
          "“{col}”列：本年新收＋上年结转（{l}）不等于办理结果总计＋结转下年度（{r}）。",
          "Column {col}: new + carried-in ({l}) ≠ processed total + carried-out ({r}).");

  /** S3-02: in every applicant column, (七)总计 equals the sum of the outcome rows (一)–(六). */
  public static final RuleSpec S3_02 =
      new RuleSpec(
          "S3-02",
          ERROR,
          false,
          STRUCTURAL,
          "∀c∈COLS: total_processed.c = Σ_{r∈RESULT_ROWS} r.c",
          "“{col}”列：（七）总计{r}与各办理结果之和{l}不符。",
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

  /**
   * S3-04: this year's carried-in equals last year's carried-out, column by column (overridable).
   */
  public static final RuleSpec S3_04 =
      new RuleSpec(
          "S3-04",
          ERROR,
          true,
          COMMON,
          "∀c: carried_in(Y).c = carried_out(Y−1).c",
          "“{col}”列：上年结转数（{l}）与{Y-1}年度报告“结转下年度继续办理”（{r}）不一致。",
          "Column {col}: carried-in ({l}) differs from the {Y-1} report's carried-out ({r}).");

  /**
   * S3-05: the narrative says every application was closed while the table carries some over to
   * next year.
   */
  public static final RuleSpec S3_05 =
      new RuleSpec(
          "S3-05",
          WARNING,
          false,
          COMMON,
          "carried_out.total > 0 while section 一 says all applications were closed (均已办结 …)",
          "正文称申请均已办结，但表格有结转下年度{n}件。",
          "Narrative says all applications were closed but {n} are carried over.");

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

  /**
   * S4-02: correction rates of review and litigation, shown for information as rollup indicators
   * (never cells).
   */
  public static final RuleSpec S4_02 =
      new RuleSpec(
          "S4-02",
          INFO,
          false,
          COMMON,
          "correction rate = corrected / (upheld + corrected + other), review and litigation; shown as rollup indicators",
          "{group}纠错率{rate}%（纠正{c}件，已审结{d}件）。",
          "{group}: correction rate {rate}% ({c} corrected of {d} decided).",
          RuleStage.ROLLUP);

  /**
   * S2-01: documents in force this year = last year's in force + issued − abolished (rules and
   * normative documents).
   */
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

  /**
   * S2-03: a unit without rule-making power (not a 国务院部门, provincial or city government) reports no
   * 规章.
   */
  public static final RuleSpec S2_03 =
      new RuleSpec(
          "S2-03",
          WARNING,
          false,
          HEURISTIC,
          "regulation.* = 0 unless the unit may make 规章",
          "本单位无规章制定权，规章栏应为0。",
          "This unit has no rule-making power; the 规章 row should be 0.");

  /**
   * S2-04: a people's government's SELF report whose licensing, penalty or coercion decisions are
   * far above what one government decides suggests section 二 holds region-wide figures: confirm the
   * scope.
   */
  public static final RuleSpec S2_04 =
      new RuleSpec(
          "S2-04",
          INFO,
          false,
          HEURISTIC,
          "PEOPLES_GOV, scope SELF: licensing / penalty / coercion decisions above the region-wide threshold",
          "第二部分数据疑似为全区汇总数，请确认报告口径。",
          "Section 二 looks region-wide; confirm the report scope.");

  /** TXT-01: numbers in section 一 that name a table quantity equal the table. */
  public static final RuleSpec TXT_01 =
      new RuleSpec(
          "TXT-01",
          WARNING,
          false,
          COMMON,
          "quantities named in 一 (收到/办结/结转/行政复议/行政诉讼) = table cells; 含/其中/包括 clauses qualify the figure before them; 约/近/余/多 skip",
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

  /**
   * TXT-04: the regulation is cited as 《中华人民共和国政府信息公开条例》 and a 2021+ report does not cite the 2019
   * format.
   */
  public static final RuleSpec TXT_04 =
      new RuleSpec(
          "TXT-04",
          WARNING,
          false,
          COMMON,
          "correct title of the regulation; no 国办公开办函〔2019〕60号 in a ≥2021 report",
          "法规名称或格式依据引用有误：“{quote}”。",
          "Wrong legal title or format basis cited: \"{quote}\".");

  /**
   * TXT-05: no conversion artefacts: {@code [bookmark: …]}, a doubled word (资金资金), a word cut at a
   * line end (审查管⏎), or stray digits inside a domain term (政府23信息公开).
   */
  public static final RuleSpec TXT_05 =
      new RuleSpec(
          "TXT-05",
          WARNING,
          false,
          HEURISTIC,
          "no [bookmark: …], doubled words (资金资金), words cut at a line end, digits inside a domain term",
          "疑似残留字符：“{quote}”。",
          "Stray characters: \"{quote}\".");

  /**
   * TXT-06: sections 一 and 五 are not a copy: similarity to the same unit's previous report above 90
   * %, or a large verbatim overlap with another unit's report of the same year.
   */
  public static final RuleSpec TXT_06 =
      new RuleSpec(
          "TXT-06",
          WARNING,
          false,
          COMMON,
          "similarity(一+五, previous year of the unit) ≥ 90 %, or with another unit's report of the same year ≥ 60 %",
          "年报正文与{ref}重复度{p}%，存在内容雷同风险。",
          "Narrative is {p}% identical to {ref}.");

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

  /** TXT-08: section 五 reports both the problems and how they are being improved (not just 无). */
  public static final RuleSpec TXT_08 =
      new RuleSpec(
          "TXT-08",
          INFO,
          false,
          OFFICIAL,
          "section 五 names problems and improvements (not only 无 / 暂无问题)",
          "第五部分缺少改进情况。",
          "Section 五 lacks the improvement part.");

  /**
   * LC-01: the report is published by its statutory deadline (Art. 49): 31 March of Y+1 for a
   * people's government's report, 31 January of Y+1 for every other organ.
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

  /**
   * LC-02: a report cannot be published before its statistics year has ended (publishedAt ≥ 1 Jan
   * Y+1).
   */
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
   * LC-03: one active version per unit, year and scope; a resubmission is a new version (If-Match).
   */
  public static final RuleSpec LC_03 =
      new RuleSpec(
          "LC-03",
          ERROR,
          false,
          STRUCTURAL,
          "one active version per (unit, year, scope); resubmission = version n+1",
          "该单位该年度已有有效报告，请以新版本提交。",
          "An active report exists; submit a new version.",
          RuleStage.STORAGE);

  /** LC-04: the report changed after publication (a new version after the deadline). */
  public static final RuleSpec LC_04 =
      new RuleSpec(
          "LC-04",
          WARNING,
          false,
          COMMON,
          "a new version stored after the publication deadline",
          "年度报告发布后被修改。",
          "Report changed after publication.",
          RuleStage.STORAGE);

  /**
   * ID-01: the unit's division code is 6 digits and valid in the report year (codes are created and
   * abolished).
   */
  public static final RuleSpec ID_01 =
      new RuleSpec(
          "ID-01",
          ERROR,
          false,
          OFFICIAL,
          "region_code: 6 digits, in the division table valid for report_year (GB/T 2260)",
          "行政区划代码{code}在{year}年无效。",
          "Division code {code} is not valid for {year}.");

  /**
   * ID-02: a 统一社会信用代码 has the GB 32100 charset and check character (checked when a unit is
   * registered).
   */
  public static final RuleSpec ID_02 =
      new RuleSpec(
          "ID-02",
          ERROR,
          false,
          OFFICIAL,
          "USCC: 18 characters of the GB 32100 charset, positions 3–8 digits, check character matches",
          "统一社会信用代码{code}校验位错误。",
          "USCC {code} has an invalid check character.",
          RuleStage.STORAGE);

  /** ID-03: the organisation code inside a USCC (positions 9–17) passes the GB 11714 check. */
  public static final RuleSpec ID_03 =
      new RuleSpec(
          "ID-03",
          WARNING,
          false,
          OFFICIAL,
          "USCC positions 9–17 pass the GB 11714 check",
          "统一社会信用代码中组织机构代码校验失败。",
          "Embedded organisation code fails its check.");

  /**
   * ID-04: the registering authority's province in a USCC (positions 3–4) is the unit's province.
   */
  public static final RuleSpec ID_04 =
      new RuleSpec(
          "ID-04",
          WARNING,
          false,
          HEURISTIC,
          "USCC positions 3–4 = region_code[0..1]",
          "信用代码登记地与单位所在省不一致。",
          "USCC registration province differs from the unit's province.");

  /**
   * ID-05: the unit name in the document's title matches the registered name after normalisation.
   */
  public static final RuleSpec ID_05 =
      new RuleSpec(
          "ID-05",
          WARNING,
          false,
          HEURISTIC,
          "title unit name = registered unit name (spaces and bracket widths ignored), on import",
          "报告标题单位名称“{title}”与登记名称“{name}”不一致。",
          "Title unit name \"{title}\" differs from the registered name \"{name}\".",
          RuleStage.IMPORT);

  /** AGG-01: an AGGREGATE report is never added to a report it covers. */
  public static final RuleSpec AGG_01 =
      new RuleSpec(
          "AGG-01",
          ERROR,
          false,
          STRUCTURAL,
          "rollups sum SELF reports only",
          "汇总型年报不得与其覆盖单位的年报重复相加。",
          "An aggregate report must not be summed with reports it covers.",
          RuleStage.ROLLUP);

  /**
   * AGG-02: a declared AGGREGATE value against the value computed from the SELF reports, cell by
   * cell.
   */
  public static final RuleSpec AGG_02 =
      new RuleSpec(
          "AGG-02",
          WARNING,
          false,
          COMMON,
          "declared aggregate cell = Σ SELF reports of the region",
          "汇总年报{key}={a}，下级单位合计={b}。",
          "Declared aggregate {key}={a}, computed from members {b}.",
          RuleStage.ROLLUP);

  /** AGG-03: coverage, expected units against units with an accepted report. */
  public static final RuleSpec AGG_03 =
      new RuleSpec(
          "AGG-03",
          INFO,
          false,
          COMMON,
          "units with an accepted report / expected units",
          "覆盖率{x}/{y}，缺报单位：{list}。",
          "Coverage {x}/{y}; missing: {list}.",
          RuleStage.ROLLUP);

  /** AGG-04: section 二 of different format versions is never summed. */
  public static final RuleSpec AGG_04 =
      new RuleSpec(
          "AGG-04",
          ERROR,
          false,
          STRUCTURAL,
          "one format version per rollup of section 二",
          "不同格式版本的第二部分数据不可相加。",
          "Section 二 data of different format versions cannot be summed.",
          RuleStage.ROLLUP);

  /**
   * IMP-01: a row of an imported document was placed without its label confirming it — by the
   * nearest label (mistyped, wrapped, cut) or by the table's structure (its place and width) — so a
   * reviewer checks it.
   */
  public static final RuleSpec IMP_01 =
      new RuleSpec(
          "IMP-01",
          WARNING,
          false,
          HEURISTIC,
          "an imported row matched by the nearest label or by the table's structure, not by its printed label",
          "{row}一行按{how}读取，未由标签确认，请核对。",
          "Row {row} was read by {how}, not confirmed by its label; please check it.",
          RuleStage.IMPORT);

  /** IMP-01's {how} for a row matched by the nearest label. */
  public static final String IMP_01_NEAREST_ZH = "最相近的标签";

  /** IMP-01's {how} for a row matched by the nearest label, in English. */
  public static final String IMP_01_NEAREST_EN = "the nearest label";

  /** IMP-01's {how} for a row placed by the table's structure. */
  public static final String IMP_01_STRUCTURE_ZH = "表格结构（位置和列数）";

  /** IMP-01's {how} for a row placed by the table's structure, in English. */
  public static final String IMP_01_STRUCTURE_EN = "the table's structure (its place and width)";

  /**
   * Every rule of SPEC §3, in the spec's order (then the importer's IMP-01); findings are sorted by
   * this order.
   */
  public static final List<RuleSpec> ALL =
      List.of(
          FMT_01, FMT_02, FMT_03, FMT_04, FMT_05, FMT_06, FMT_07, S3_01, S3_02, S3_03, S3_04, S3_05,
          S4_01, S4_02, S2_01, S2_02, S2_03, S2_04, TXT_01, TXT_02, TXT_03, TXT_04, TXT_05, TXT_06,
          TXT_07, TXT_08, LC_01, LC_02, LC_03, LC_04, ID_01, ID_02, ID_03, ID_04, ID_05, AGG_01,
          AGG_02, AGG_03, AGG_04, IMP_01);

  /** The rule with this id. */
  public static java.util.Optional<RuleSpec> byId(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }

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
