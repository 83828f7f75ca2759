package org.nianbao.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.Finding;
import org.nianbao.validation.Message;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.Scope;
import org.nianbao.validation.Severity;

/**
 * Turns a {@link DocumentModel} into a report (SPEC §7.4): finds the sections, detects the format
 * version, matches table rows to catalogue keys by their normalised labels and reads the values.
 */
final class ReportMatcher {

  private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
  private static final Pattern TITLE_UNIT_FIRST =
      Pattern.compile("^(.*?)(\\d{4})年度?(?:本级)?政府信息公开工作年度报告");
  private static final Pattern TITLE_YEAR_FIRST =
      Pattern.compile("^(\\d{4})年度?(.*?)政府信息公开工作年度报告");
  private static final Pattern PERIOD = Pattern.compile("(\\d{4})年1月1日[至到—-]+(?:\\d{4}年)?12月31日");

  /** Labels that only the 2019 trial format prints (FMT-02). */
  private static final List<String> SIGNS_2019 =
      List.of("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "第二十条第（九）项",
          "政府集中采购", "其他对外管理服务事项");

  /** Labels that only the 2021 format prints. */
  private static final List<String> SIGNS_2021 =
      List.of("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "申请人无正当理由逾期不补正", "申请人逾期未按收费通知");

  private static final Set<String> S2_WORDS = Set.of("信息内容");
  private static final Set<String> S3_WORDS = Set.of("申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构");
  private static final Set<String> S4_WORDS =
      Set.of("行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结", "未经复议直接起诉", "复议后起诉", "维持", "纠正",
          "审结");
  /** Labels printed in more than one table; they say nothing about which table it is. */
  private static final Set<String> SHARED_WORDS = Set.of("总计", "合计", "其他", "其他结果", "结果", "尚未");

  private ReportMatcher() {}

  /** One table and the section its heading context places it in. */
  private record PlacedTable(Block.Table table, int context) {}

  static ImportResult match(DocumentModel doc) {
    boolean[] found = new boolean[7];
    List<StringBuilder> texts = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      texts.add(new StringBuilder());
    }
    List<String> preamble = new ArrayList<>();
    List<PlacedTable> tables = new ArrayList<>();
    int current = 0;
    for (Block block : doc.blocks()) {
      if (block instanceof Block.Paragraph p) {
        String text = p.text();
        int heading = Sections.headingOf(text);
        if (heading > current) {
          current = heading;
          found[heading] = true;
          Matcher artefact = Sections.ARTEFACT.matcher(Labels.trim(text));
          if (artefact.find()) {
            texts.get(heading).append(artefact.group(1).strip()).append('\n');
          }
          continue;
        }
        String line = Labels.trim(text);
        if (line.isEmpty()) {
          continue;
        }
        if (current == 0) {
          preamble.add(line);
        } else {
          texts.get(current).append(line).append('\n');
        }
      } else if (block instanceof Block.Table t) {
        tables.add(new PlacedTable(t, current));
      }
    }

    String unitName = null;
    Integer year = null;
    List<String> titleCandidates = new ArrayList<>(preamble);
    if (titleCandidates.isEmpty()) {
      for (StringBuilder sb : texts) {
        titleCandidates.add(sb.toString());
      }
    }
    for (String line : titleCandidates) {
      String compact = line.replaceAll("[\\s\\u3000\\u00A0]+", "");
      Matcher m = TITLE_UNIT_FIRST.matcher(compact);
      if (m.find()) {
        unitName = emptyToNull(m.group(1).replaceFirst("^关于", ""));
        year = Integer.valueOf(m.group(2));
        break;
      }
      m = TITLE_YEAR_FIRST.matcher(compact);
      if (m.find()) {
        year = Integer.valueOf(m.group(1));
        unitName = emptyToNull(m.group(2));
        break;
      }
    }
    if (year == null) {
      for (String line : titleCandidates) {
        Matcher m = PERIOD.matcher(line.replaceAll("\\s+", ""));
        if (m.find()) {
          year = Integer.valueOf(m.group(1));
          break;
        }
      }
    }

    // format version from the label sets
    String first2019 = null;
    Set<String> seen2019 = new LinkedHashSet<>();
    Set<String> seen2021 = new LinkedHashSet<>();
    for (PlacedTable placed : tables) {
      for (List<String> row : placed.table().collapsedRows()) {
        for (String cell : row) {
          if (cell.isEmpty() || cell.length() > 80) {
            continue;
          }
          String n = Labels.normalise(cell);
          for (String sign : SIGNS_2019) {
            if (n.contains(sign) && seen2019.add(sign) && first2019 == null) {
              first2019 = Labels.trim(cell);
            }
          }
          for (String sign : SIGNS_2021) {
            if (n.contains(sign)) {
              seen2021.add(sign);
            }
          }
        }
      }
    }
    FormatVersion version;
    if (seen2019.size() > seen2021.size()) {
      version = FormatVersion.FMT2019;
    } else if (!seen2021.isEmpty()) {
      version = FormatVersion.FMT2021;
    } else {
      version = year != null ? FormatVersion.forYear(year) : FormatVersion.FMT2021;
    }

    LabelIndex index = LabelIndex.of(version);
    Cells cells = new Cells();
    Section2 s2 = new Section2(index, cells);
    Section3 s3 = new Section3(index, cells);
    Section4 s4 = new Section4(cells);
    boolean[] tableFound = new boolean[5];
    for (PlacedTable placed : tables) {
      List<List<String>> rows = placed.table().collapsedRows();
      int section = classify(rows, index, placed.context());
      switch (section) {
        case 2 -> s2.table(rows);
        case 3 -> s3.table(rows);
        case 4 -> s4.table(rows);
        default -> {
          continue;
        }
      }
      tableFound[section] = true;
    }

    List<String> missing = missingItems(index.catalogue(), cells, tableFound);
    if (!missing.isEmpty()) {
      String list = String.join("; ", missing);
      String hint = s3.unrecognised.isEmpty() ? "" : " | " + String.join("; ", s3.unrecognised);
      throw new ImportException(
          new Message("文档缺少以下内容，无法导入：" + list + hint,
              "The document cannot be imported; missing: " + list + hint),
          missing);
    }

    List<Finding> findings = new ArrayList<>();
    for (int n = 1; n <= 6; n++) {
      if (!found[n]) {
        findings.add(
            new Finding("FMT-01", Severity.ERROR, List.of(), Sections.TITLES_ZH.get(n), null,
                new Message(
                    "年度报告缺少第" + Sections.numeral(n) + "部分“" + Sections.TITLES_ZH.get(n) + "”。",
                    "Section " + n + " \"" + Sections.TITLES_EN.get(n) + "\" is missing."),
                null));
      }
    }
    if (year != null && year >= 2021 && version == FormatVersion.FMT2019) {
      findings.add(
          new Finding("FMT-02", Severity.ERROR, List.of(), FormatVersion.FMT2021.name(), first2019,
              new Message(
                  year + "年度报告应使用2021年版格式，检测到旧版表格“" + first2019 + "”。",
                  "A " + year + " report must use the 2021 format; found old-format label \"" + first2019 + "\"."),
              null));
    }

    Map<String, JsonNode> values = new LinkedHashMap<>();
    Map<String, String> provenance = new LinkedHashMap<>();
    for (CellDefinition def : index.catalogue().cells()) {
      String raw = cells.raw.get(def.key());
      provenance.put(def.key(), raw);
      CellValue value = cells.unreadableRows.contains("s" + def.section() + "." + def.rowKey())
          ? CellValue.UNREADABLE
          : CellValue.read(raw, def, cells.units.get(def.key()));
      switch (value.kind()) {
        case NUMBER -> values.put(def.key(), toNode(value.number(), def));
        case BLANK -> {
          values.put(def.key(), JSON.nullNode());
          findings.add(cellFinding("FMT-04", def, raw,
              "单元格“%s／%s”为空，按格式应填写数字（无则填0）。",
              "Cell \"%s/%s\" is blank; the format expects a number (0 if none)."));
        }
        case UNREADABLE -> {
          values.put(def.key(), JSON.nullNode());
          findings.add(cellFinding("FMT-03", def, raw,
              "单元格“%s／%s”缺失或不是有效数字。", "Cell \"%s/%s\" is missing or not a valid number."));
        }
      }
    }

    Map<String, String> narrative = new LinkedHashMap<>();
    for (int n = 1; n <= 6; n++) {
      String body = texts.get(n).toString().strip();
      if (found[n] && (!body.isEmpty() || n == 1 || n == 5 || n == 6)) {
        narrative.put("s" + n, body);
      }
    }
    ReportDocument report =
        new ReportDocument(version, Scope.SELF, null, null, values, narrative, List.of());
    return new ImportResult(report, unitName, year, version, provenance, findings);
  }

  private static String emptyToNull(String s) {
    String t = s == null ? null : Labels.trim(s);
    return t == null || t.isEmpty() ? null : t;
  }

  private static JsonNode toNode(BigDecimal number, CellDefinition def) {
    if (def.type() != org.nianbao.catalogue.CellType.DEC) {
      BigDecimal stripped = number.stripTrailingZeros();
      if (stripped.scale() <= 0) {
        return JSON.numberNode(stripped.longValueExact());
      }
    }
    return JSON.numberNode(number);
  }

  private static Finding cellFinding(String rule, CellDefinition def, String raw, String zh, String en) {
    String row = Labels.lastSegment(def.rowLabel());
    String col = def.section() == 2 ? def.columnLabel() : Labels.lastSegment(def.columnLabel());
    return new Finding(rule, Severity.WARNING, List.of(def.key()), "number", raw,
        new Message(String.format(zh, row, col), String.format(en, row, col)), null);
  }

  /** Which section a table holds, by its labels; the heading context decides when labels say nothing. */
  private static int classify(List<List<String>> rows, LabelIndex index, int context) {
    int[] score = new int[5];
    for (List<String> row : rows) {
      for (String cell : row) {
        if (cell.isEmpty() || cell.length() > 80 || CellValue.looksLikeValue(cell)) {
          continue;
        }
        String n = Labels.normalise(cell);
        if (SHARED_WORDS.contains(n)) {
          continue;
        }
        if (n.startsWith("第二十条") || S2_WORDS.contains(n) || index.section2Row(n) != null
            || index.section2Column(n) != null) {
          score[2]++;
        }
        if (S3_WORDS.contains(n) || n.startsWith("（本列数据") || (n.length() >= 4 && index.section3Row(n, null) != null)
            || index.group(n) != null) {
          score[3]++;
        }
        if (S4_WORDS.contains(n)) {
          score[4]++;
        }
      }
    }
    int best = 0;
    for (int s = 2; s <= 4; s++) {
      if (score[s] > 0 && (best == 0 || score[s] > score[best])) {
        best = s;
      }
    }
    if (best == 0 && context >= 2 && context <= 4) {
      return context;
    }
    return best;
  }

  private static List<String> missingItems(Catalogue catalogue, Cells cells, boolean[] tableFound) {
    List<String> missing = new ArrayList<>();
    Map<String, List<CellDefinition>> byRow = new LinkedHashMap<>();
    for (CellDefinition def : catalogue.cells()) {
      if (!tableFound[def.section()]) {
        continue;
      }
      if (!cells.raw.containsKey(def.key())) {
        byRow.computeIfAbsent("s" + def.section() + "." + def.rowKey(), k -> new ArrayList<>()).add(def);
      }
    }
    for (int s = 2; s <= 4; s++) {
      if (!tableFound[s]) {
        missing.add("section " + Sections.numeral(s) + " table (第" + Sections.numeral(s) + "部分“"
            + Sections.TITLES_ZH.get(s) + "”表格)");
      }
    }
    Map<String, Integer> rowSizes = new HashMap<>();
    for (CellDefinition def : catalogue.cells()) {
      rowSizes.merge("s" + def.section() + "." + def.rowKey(), 1, Integer::sum);
    }
    byRow.forEach(
        (row, defs) -> {
          if (defs.size() == rowSizes.get(row)) {
            missing.add("row " + row + " (" + defs.get(0).rowLabel() + ")");
          } else {
            for (CellDefinition def : defs) {
              missing.add("cell " + def.key() + " (" + def.shortLabel() + ")");
            }
          }
        });
    return missing;
  }

  /** The raw cell texts found so far, keyed by catalogue key, with column units and unreadable rows. */
  private static final class Cells {
    final Map<String, String> raw = new HashMap<>();
    final Map<String, String> units = new HashMap<>();
    final Set<String> unreadableRows = new LinkedHashSet<>();

    void put(String key, String text) {
      raw.putIfAbsent(key, text);
    }
  }

  /** Trailing value cells of a row: how many of the last cells look like values (blank or numeric). */
  private static int trailingValues(List<String> row) {
    int n = 0;
    for (int i = row.size() - 1; i >= 0 && CellValue.looksLikeValue(row.get(i)); i--) {
      n++;
    }
    return n;
  }

  /** True if more than half of the cells look like values and none is a section 四 header label. */
  private static boolean mostlyValues(List<String> row) {
    int values = 0;
    for (String cell : row) {
      if (CellValue.looksLikeValue(cell)) {
        values++;
      } else if (S4_WORDS.contains(Labels.normalise(cell)) || SHARED_WORDS.contains(Labels.normalise(cell))) {
        return false;
      }
    }
    return values * 2 > row.size();
  }

  private static boolean anyFilled(List<String> cells) {
    for (String cell : cells) {
      if (!Labels.trim(cell).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String unitOfHeader(String header) {
    String n = Labels.normalise(header);
    if (n.contains("万元")) {
      return "万元";
    }
    if (n.contains("（元）") || n.contains("：元") || n.contains("单位元")) {
      return "元";
    }
    return null;
  }

  /** Section 二: caption rows 第二十条第（X）项, header rows 信息内容 + columns, data rows label + values. */
  private static final class Section2 {
    private final LabelIndex index;
    private final Cells cells;
    private List<String> header;

    Section2(LabelIndex index, Cells cells) {
      this.index = index;
      this.cells = cells;
    }

    void table(List<List<String>> rows) {
      for (List<String> row : rows) {
        row(row);
      }
    }

    private void row(List<String> row) {
      int labelAt = -1;
      LabelIndex.Row match = null;
      for (int i = 0; i < row.size() && match == null; i++) {
        String cell = row.get(i);
        if (cell.isEmpty() || CellValue.looksLikeValue(cell)) {
          continue;
        }
        match = index.section2Row(Labels.normalise(cell));
        labelAt = i;
      }
      if (match == null) {
        for (int i = 0; i < row.size(); i++) {
          if (index.section2Column(Labels.normalise(row.get(i))) != null) {
            header = row.subList(i, row.size());
            return;
          }
        }
        return;
      }
      List<String> values = row.subList(labelAt + 1, row.size());
      List<CellDefinition> expected = match.cells();
      if (header != null && header.size() == values.size()) {
        Map<String, CellDefinition> byColumn = new HashMap<>();
        expected.forEach(def -> byColumn.put(def.columnKey(), def));
        List<CellDefinition> mapped = new ArrayList<>();
        for (String h : header) {
          CellDefinition def = byColumn.get(index.section2Column(Labels.normalise(h)));
          if (def != null) {
            mapped.add(def);
          }
        }
        if (mapped.size() == values.size() && new LinkedHashSet<>(mapped).size() == expected.size()) {
          for (int i = 0; i < values.size(); i++) {
            put(mapped.get(i), values.get(i), unitOfHeader(header.get(i)));
          }
          return;
        }
      }
      if (values.size() >= expected.size()) {
        List<String> last = values.subList(values.size() - expected.size(), values.size());
        for (int i = 0; i < expected.size(); i++) {
          String unit = header != null && header.size() == expected.size() ? unitOfHeader(header.get(i)) : null;
          put(expected.get(i), last.get(i), unit);
        }
      } else {
        cells.unreadableRows.add("s2." + match.rowKey());
        String joined = String.join(" ", values);
        expected.forEach(def -> cells.put(def.key(), joined));
      }
    }

    private void put(CellDefinition def, String raw, String unit) {
      cells.put(def.key(), raw);
      if (unit != null) {
        cells.units.putIfAbsent(def.key(), unit);
      }
    }
  }

  /** Section 三: 25 (2019: 23) data rows of seven applicant columns, labels on the left. */
  private static final class Section3 {
    private final LabelIndex index;
    private final Cells cells;
    private final int width = Catalogue.APPLICANT_COLUMNS.size();
    private final List<String> columnLeaves = new ArrayList<>();
    private int[] order;
    private String group;
    private String pending = "";
    private boolean dataSeen;
    private final List<List<String>> headers = new ArrayList<>();
    final List<String> unrecognised = new ArrayList<>();

    Section3(LabelIndex index, Cells cells) {
      this.index = index;
      this.cells = cells;
      for (String column : Catalogue.APPLICANT_COLUMNS) {
        String label = index.catalogue().cell("s3.new." + column).columnLabel();
        columnLeaves.add(Labels.normalise(Labels.lastSegment(label)));
      }
      order = new int[width];
      for (int i = 0; i < width; i++) {
        order[i] = i;
      }
    }

    void table(List<List<String>> rows) {
      for (List<String> row : rows) {
        row(row);
      }
    }

    private void row(List<String> row) {
      if (row.size() > width) {
        List<String> values = row.subList(row.size() - width, row.size());
        int valueLike = 0;
        for (String v : values) {
          valueLike += CellValue.looksLikeValue(v) ? 1 : 0;
        }
        if (valueLike * 2 > width && anyFilled(values)) {
          LabelIndex.Row match = label(row.subList(0, row.size() - width));
          if (match != null) {
            dataRow(match);
            for (int i = 0; i < width; i++) {
              cells.put(match.cells().get(order[i]).key(), values.get(i));
            }
            return;
          }
        }
      }
      int trailing = Math.min(trailingValues(row), width);
      List<String> values = row.subList(row.size() - trailing, row.size());
      if (trailing > 0 && trailing < width && anyFilled(values)) {
        LabelIndex.Row match = label(row.subList(0, row.size() - trailing));
        if (match != null) {
          // fewer values than columns: which ones are missing is unknown, so the whole row is unreadable
          dataRow(match);
          cells.unreadableRows.add("s3." + match.rowKey());
          String joined = String.join(" ", values);
          match.cells().forEach(def -> cells.put(def.key(), joined));
          return;
        }
      }
      List<String> labels = labels(row.subList(0, row.size() - trailing));
      if (!dataSeen) {
        headers.add(row);
      }
      if (trailing > 0 && anyFilled(values) && !labels.isEmpty()) {
        unrecognised.add("unrecognised row 未识别的行: " + labels.get(labels.size() - 1));
      }
      fragment(labels, row);
    }

    private static List<String> labels(List<String> cells) {
      List<String> labels = new ArrayList<>();
      for (String cell : cells) {
        String t = Labels.trim(cell);
        if (!t.isEmpty()) {
          labels.add(t);
        }
      }
      return labels;
    }

    /** The catalogue row named by the label cells of a data row (group labels update the state). */
    private LabelIndex.Row label(List<String> labelCells) {
      List<String> labels = labels(labelCells);
      if (labels.isEmpty()) {
        return null;
      }
      String before = group;
      for (int i = 0; i < labels.size() - 1; i++) {
        String g = index.group(Labels.normalise(labels.get(i)));
        if (g != null) {
          group = g;
        }
      }
      String leaf = labels.get(labels.size() - 1);
      LabelIndex.Row match =
          pending.isEmpty() ? null : index.section3Row(Labels.normalise(pending + leaf), group);
      if (match == null) {
        match = index.section3Row(Labels.normalise(leaf), group);
      }
      if (match == null) {
        group = before;
      }
      return match;
    }

    private void dataRow(LabelIndex.Row match) {
      if (!dataSeen) {
        dataSeen = true;
        columnOrder();
      }
      pending = "";
      group = match.group();
    }

    /** A one-cell row that is not a data row: a group label or a wrapped fragment of the next label. */
    private void fragment(List<String> labels, List<String> row) {
      if (labels.size() != 1 || row.size() > 2) {
        pending = "";
        return;
      }
      String label = labels.get(0);
      String normalised = Labels.normalise(label);
      String g = index.group(normalised);
      if (g != null) {
        group = g;
        pending = "";
      } else if (!index.isTop(normalised) && !CellValue.looksLikeValue(label)) {
        pending = pending + label;
      }
    }

    /** Verifies (and if need be takes) the applicant column order from the header rows above the data. */
    private void columnOrder() {
      List<List<Integer>> found = new ArrayList<>();
      for (List<String> row : headers) {
        List<Integer> columns = new ArrayList<>();
        for (String cell : row) {
          int c = columnLeaves.indexOf(Labels.normalise(cell));
          if (c >= 0 && !columns.contains(c)) {
            columns.add(c);
          }
        }
        if (columns.size() == width) {
          for (int i = 0; i < width; i++) {
            order[i] = columns.get(i);
          }
          return;
        }
        found.add(columns);
      }
      for (List<Integer> columns : found) {
        for (int i = 1; i < columns.size(); i++) {
          if (columns.get(i) < columns.get(i - 1)) {
            throw new ImportException(
                new Message("第三部分表格的申请人列顺序无法识别。",
                    "The applicant columns of the section 三 table are in an unrecognised order."),
                List.of("section 三 applicant column header (申请人情况表头)"));
          }
        }
      }
    }
  }

  /** Section 四: 15 numbers in one row, or split tables of 5 (行政复议) and 10 (行政诉讼). */
  private static final class Section4 {
    private final Cells cells;
    private final Set<String> filled = new LinkedHashSet<>();

    Section4(Cells cells) {
      this.cells = cells;
    }

    void table(List<List<String>> rows) {
      List<String> groups = new ArrayList<>();
      for (List<String> row : rows) {
        int trailing = trailingValues(row);
        if (trailing < row.size() && row.size() % 5 == 0 && mostlyValues(row)) {
          trailing = row.size(); // a value row with an unreadable cell in it
        }
        List<String> values = row.subList(row.size() - trailing, row.size());
        if (trailing >= 5 && anyFilled(values)) {
          values(values.subList(Math.max(0, values.size() - 15), values.size()), groups);
          groups.clear();
          continue;
        }
        for (String cell : row) {
          String n = Labels.normalise(cell);
          String g = null;
          if (n.equals("行政复议")) {
            g = "review";
          } else if (n.contains("未经复议") || n.contains("直接起诉")) {
            g = "litigation_direct";
          } else if (n.contains("复议后起诉")) {
            g = "litigation_after_review";
          }
          if (g != null && !groups.contains(g)) {
            groups.add(g);
          }
        }
      }
    }

    private void values(List<String> values, List<String> groups) {
      List<String> targets;
      int per = Catalogue.REVIEW_COLUMNS.size();
      if (groups.size() * per == values.size()) {
        targets = groups;
      } else if (values.size() % per == 0) {
        targets = new ArrayList<>();
        for (String g : Catalogue.REVIEW_GROUPS) {
          if (!filled.contains(g) && targets.size() < values.size() / per) {
            targets.add(g);
          }
        }
      } else {
        return;
      }
      for (int gi = 0; gi < targets.size(); gi++) {
        String g = targets.get(gi);
        if (!filled.add(g)) {
          continue;
        }
        for (int c = 0; c < per; c++) {
          cells.put("s4." + g + "." + Catalogue.REVIEW_COLUMNS.get(c), values.get(gi * per + c));
        }
      }
    }
  }
}
