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
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.Finding;
import org.nianbao.validation.Message;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.RuleSpec;
import org.nianbao.validation.Rules;
import org.nianbao.validation.Scope;
import org.nianbao.validation.Severity;

/**
 * Turns a {@link DocumentModel} into a report (SPEC §7.4), whatever the layout: the document is
 * flattened into printed lines of cells; section headings are chosen by keyword in order ({@link
 * Sections}); each table's cells become a token stream cut into value runs ({@link Run}); the runs
 * are aligned to the catalogue's template of that table ({@link Template}, {@link Aligner}); every
 * cell keeps its provenance and how it was matched. Rows that cannot be read leave their cells null
 * with a finding; only a document in which no table is found is refused.
 */
final class ReportMatcher {

  private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
  private static final Pattern TITLE_UNIT_FIRST =
      Pattern.compile("^(.*?)(\\d{4})年度?(?:本级)?政府信息公开(?:工作)?年度报告");
  private static final Pattern TITLE_YEAR_FIRST =
      Pattern.compile("^(\\d{4})年度?(.*?)政府信息公开(?:工作)?年度报告");
  private static final Pattern PERIOD = Pattern.compile("(\\d{4})年1月1日[至到—-]+(?:\\d{4}年)?12月31日");

  /** Labels that only the 2019 trial format prints (FMT-02). */
  private static final List<String> SIGNS_2019 =
      List.of(
          "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "第二十条第（九）项", "政府集中采购", "其他对外管理服务事项");

  /** Labels that only the 2021 format prints. */
  private static final List<String> SIGNS_2021 =
      List.of("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "申请人无正当理由逾期不补正", "申请人逾期未按收费通知");

  private ReportMatcher() {}

  /**
   * One printed line: its cells, where it was printed, and whether it is running text of the
   * document.
   */
  private record Line(List<String> cells, List<Integer> xs, Position at, boolean text) {}

  /** What was read for one cell. */
  private record Reading(String raw, Position at, String match, CellValue forced, String unit) {}

  /** More printed lines than any annual report has (a 200-page report prints about 10,000). */
  static final int MAX_LINES = 50_000;

  /**
   * Refuses a document longer than any annual report before reading it, so memory stays bounded.
   */
  static void checkLength(long lines) {
    if (lines > MAX_LINES) {
      throw new ImportException(
          new Message(
              "文档超过" + MAX_LINES + "行，不像一份年度报告。",
              "The document has more than " + MAX_LINES + " lines; that is not an annual report."),
          List.of());
    }
  }

  static ImportResult match(DocumentModel doc) {
    long rows = 0;
    for (Block block : doc.blocks()) {
      rows += block instanceof Block.Table t ? t.rows().size() : 1;
    }
    checkLength(rows);
    List<Line> lines = flatten(doc);
    int count = lines.size();
    List<Run.Token> tokens = new ArrayList<>();
    int[] firstToken = new int[count + 1];
    int[] valuesOnLine = new int[count];
    List<String> headingTexts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Line line = lines.get(i);
      firstToken[i] = tokens.size();
      List<String> cells = line.cells();
      int firstValue = -1;
      int lastValue = -1;
      for (int c = 0; c < cells.size(); c++) {
        if (CellValue.looksLikeValue(cells.get(c))) {
          firstValue = firstValue < 0 ? c : firstValue;
          lastValue = c;
        }
      }
      for (int c = 0; c < cells.size(); c++) {
        // a word printed among a row's values (不详, 待统计) is an unreadable value, not a label
        boolean value = c >= firstValue && c <= lastValue && firstValue >= 0;
        tokens.add(new Run.Token(cells.get(c), value, i, line.at(), line.xs().get(c)));
        valuesOnLine[i] += value ? 1 : 0;
      }
      headingTexts.add(
          line.cells().size() == 1 && valuesOnLine[i] == 0 ? line.cells().get(0) : null);
    }
    firstToken[count] = tokens.size();
    Sections.Heading[] headings = Sections.find(headingTexts);

    // format version from the label sets
    String first2019 = null;
    Set<String> seen2019 = new LinkedHashSet<>();
    Set<String> seen2021 = new LinkedHashSet<>();
    for (Run.Token t : tokens) {
      if (t.value() || t.text().length() > 60) {
        continue;
      }
      String n = t.text();
      if (n.length() < 4) {
        continue;
      }
      n = Labels.normalise(n);
      for (String sign : SIGNS_2019) {
        if (n.contains(sign) && seen2019.add(sign) && first2019 == null) {
          first2019 = Labels.trim(t.text());
        }
      }
      for (String sign : SIGNS_2021) {
        if (n.contains(sign)) {
          seen2021.add(sign);
        }
      }
    }

    // title: unit and year, possibly split over lines
    String unitName = null;
    Integer year = null;
    int preambleEnd = Math.min(count, 12);
    for (Sections.Heading h : headings) {
      if (h != null) {
        preambleEnd = Math.min(Math.max(h.line(), 1), count);
        break;
      }
    }
    outer:
    for (int i = 0; i < preambleEnd; i++) {
      StringBuilder joined = new StringBuilder();
      for (int k = i; k < Math.min(preambleEnd, i + 3); k++) {
        joined.append(
            String.join("", lines.get(k).cells()).replaceAll("[\\s\\u3000\\u00A0#*]+", ""));
        String compact = joined.toString();
        Matcher m = TITLE_UNIT_FIRST.matcher(compact);
        if (m.find()) {
          unitName = emptyToNull(m.group(1).replaceFirst("^关于", ""));
          year = Integer.valueOf(m.group(2));
          break outer;
        }
        m = TITLE_YEAR_FIRST.matcher(compact);
        if (m.find()) {
          year = Integer.valueOf(m.group(1));
          unitName = emptyToNull(m.group(2));
          break outer;
        }
      }
    }
    if (year == null) {
      for (Line line : lines) {
        Matcher m = PERIOD.matcher(String.join("", line.cells()).replaceAll("\\s+", ""));
        if (m.find()) {
          year = Integer.valueOf(m.group(1));
          break;
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
    Template template = Template.of(version);

    // where each table is printed
    int s3 =
        firstLine(
            tokens,
            0,
            count,
            k ->
                k.contains("申请人情况") || k.contains("本年新收政府信息公开申请数量") || k.contains("上年结转政府信息公开申请数量"),
            40);
    if (s3 < 0 && headings[3] != null) {
      s3 = headings[3].line();
    }
    int s4 = firstLine(tokens, Math.max(s3, 0), count, k -> k.contains("行政复议"), 30);
    if (s4 < 0 && headings[4] != null && headings[4].line() > s3) {
      s4 = headings[4].line();
    }
    int s2Anchor =
        firstLine(
            tokens,
            0,
            s3 >= 0 ? s3 : s4 >= 0 ? s4 : count,
            k -> k.startsWith("第二十条第") || k.equals("信息内容") || k.equals("规章") || k.equals("规范性文件"),
            40);
    int s2 = s2Anchor;
    if (headings[2] != null
        && (s2 < 0 || headings[2].line() < s2)
        && (s3 < 0 || headings[2].line() < s3)) {
      s2 = headings[2].line();
    }
    if (s2 < 0) {
      s2 = 0;
    }
    int end = count;
    for (int n = 5; n <= 6; n++) {
      if (headings[n] != null && headings[n].line() > Math.max(s4, s3)) {
        end = Math.min(end, headings[n].line());
      }
    }
    int s2End = s3 >= 0 ? s3 : s4 >= 0 ? s4 : end;
    int s3End = s4 >= 0 ? s4 : end;
    if (s4 >= 0) {
      // the table 四 ends at the first long paragraph after its values
      boolean valuesSeen = false;
      for (int i = s4; i < end; i++) {
        valuesSeen |= valuesOnLine[i] > 0;
        if (valuesSeen
            && lines.get(i).text()
            && valuesOnLine[i] == 0
            && String.join("", lines.get(i).cells()).length() > 60) {
          end = i;
          break;
        }
      }
    }

    Map<String, Reading> readings = new HashMap<>();
    int[] lastUsed = {-1, -1, -1, -1, -1};
    readSection2(
        template,
        region(tokens, firstToken, s2, s2End),
        valuesOnLine,
        readings,
        lastUsed,
        s2Anchor);
    if (s3 >= 0) {
      readAligned(
          template, 3, region(tokens, firstToken, s3, s3End), valuesOnLine, readings, lastUsed);
    }
    if (s4 >= 0) {
      readAligned(
          template, 4, region(tokens, firstToken, s4, end), valuesOnLine, readings, lastUsed);
    }
    if (readings.isEmpty()) {
      throw new ImportException(
          new Message(
              "文档中未找到年度报告的任何表格（主动公开、依申请公开、行政复议和行政诉讼）。",
              "No table of the annual report (proactive disclosure, applications, review and litigation) was found."),
          List.of(
              "section 二 table (第二部分表格)", "section 三 table (第三部分表格)", "section 四 table (第四部分表格)"));
    }

    List<Finding> findings = new ArrayList<>();
    for (int n = 1; n <= 6; n++) {
      Map<String, Object> args = new HashMap<>();
      args.put("n", Sections.numeral(n));
      args.put("title", Sections.TITLES_ZH.get(n));
      if (headings[n] == null) {
        Map<String, Object> en = new HashMap<>(args);
        en.put("n", n);
        en.put("title", Sections.TITLES_EN.get(n));
        findings.add(
            new Finding(
                Rules.FMT_01.id(),
                Severity.ERROR,
                List.of(),
                Sections.TITLES_ZH.get(n),
                null,
                new Message(Rules.FMT_01.message(args).zh(), Rules.FMT_01.message(en).en()),
                null));
      } else if (!headings[n].numberedRight()) {
        String printed = headings[n].printed().isEmpty() ? "（无编号）" : headings[n].printed();
        args.put("printed", printed);
        Map<String, Object> en = new HashMap<>(args);
        en.put("n", n);
        en.put("title", Sections.TITLES_EN.get(n));
        en.put("printed", headings[n].printed().isEmpty() ? "(unnumbered)" : headings[n].printed());
        Message zh =
            RuleSpec.message(Rules.FMT_01_MISNUMBERED_ZH, Rules.FMT_01_MISNUMBERED_EN, args);
        Message english =
            RuleSpec.message(Rules.FMT_01_MISNUMBERED_ZH, Rules.FMT_01_MISNUMBERED_EN, en);
        findings.add(
            new Finding(
                Rules.FMT_01.id(),
                Severity.WARNING,
                List.of(),
                Sections.numeral(n) + "、" + Sections.TITLES_ZH.get(n),
                printed,
                new Message(zh.zh(), english.en()),
                null));
      }
    }
    if (year != null && year >= 2021 && version == FormatVersion.FMT2019) {
      Message zh =
          Rules.FMT_02.message(Map.of("year", year, "expected", "2021年版", "label", first2019));
      Message en =
          Rules.FMT_02.message(Map.of("year", year, "expected", "2021", "label", first2019));
      findings.add(
          new Finding(
              Rules.FMT_02.id(),
              Severity.ERROR,
              List.of(),
              FormatVersion.FMT2021.name(),
              first2019,
              new Message(zh.zh(), en.en()),
              null));
    }

    Map<String, JsonNode> values = new LinkedHashMap<>();
    Map<String, String> provenance = new LinkedHashMap<>();
    Map<String, CellSource> sources = new LinkedHashMap<>();
    for (CellDefinition def : template.catalogue().cells()) {
      Reading r = readings.get(def.key());
      String raw = r == null ? null : r.raw();
      provenance.put(def.key(), raw);
      Position at = r == null ? null : r.at();
      sources.put(
          def.key(),
          new CellSource(
              raw,
              at == null || at.page() == 0 ? null : at.page(),
              at == null || at.line() == 0 ? null : at.line(),
              r == null ? "none" : r.match()));
      CellValue value =
          r == null
              ? CellValue.UNREADABLE
              : r.forced() != null
                  ? r.forced()
                  : CellValue.read(raw, def, def.type() == CellType.DEC ? r.unit() : null);
      switch (value.kind()) {
        case NUMBER -> values.put(def.key(), toNode(value.number(), def));
        case BLANK -> {
          values.put(def.key(), JSON.nullNode());
          findings.add(cellFinding(Rules.FMT_04, def, raw));
        }
        case UNREADABLE -> {
          values.put(def.key(), JSON.nullNode());
          findings.add(cellFinding(Rules.FMT_03, def, raw));
        }
      }
    }

    java.util.Set<String> unread = new java.util.HashSet<>();
    findings.stream()
        .filter(f -> f.rule().equals(Rules.FMT_03.id()))
        .forEach(f -> unread.addAll(f.cells()));
    findings.addAll(uncertainRows(template, sources, unread));

    // narrative: running text between the chosen headings, tables left out
    boolean[] tableLine = new boolean[count];
    markTable(tableLine, s2, lastUsed[2]);
    markTable(tableLine, s3, lastUsed[3]);
    markTable(tableLine, s4, lastUsed[4]);
    Map<String, String> narrative = new LinkedHashMap<>();
    for (int n = 1; n <= 6; n++) {
      if (headings[n] == null) {
        continue;
      }
      int from = headings[n].line();
      int to = count;
      for (int k = n + 1; k <= 6; k++) {
        if (headings[k] != null) {
          to = headings[k].line();
          break;
        }
      }
      StringBuilder body = new StringBuilder();
      Matcher artefact = Sections.ARTEFACT.matcher(Labels.trim(headingTexts.get(from)));
      if (artefact.find()) {
        body.append(artefact.group(1).strip()).append('\n');
      }
      for (int i = from + 1; i < to; i++) {
        Line line = lines.get(i);
        if (!line.text() || tableLine[i]) {
          continue;
        }
        String text = Labels.trim(String.join(" ", line.cells()));
        if (!text.isEmpty()) {
          body.append(text).append('\n');
        }
      }
      String text = body.toString().strip();
      if (!text.isEmpty() || n == 1 || n == 5 || n == 6) {
        narrative.put("s" + n, text);
      }
    }
    ReportDocument report =
        new ReportDocument(version, Scope.SELF, null, null, values, narrative, List.of());
    return new ImportResult(report, unitName, year, version, provenance, findings, sources);
  }

  private static void markTable(boolean[] tableLine, int from, int to) {
    for (int i = Math.max(from, 0); i <= to && i < tableLine.length; i++) {
      tableLine[i] = true;
    }
  }

  private static List<Line> flatten(DocumentModel doc) {
    List<Line> lines = new ArrayList<>();
    for (Block block : doc.blocks()) {
      if (block instanceof Block.Paragraph p) {
        lines.add(new Line(List.of(p.text()), List.of(-1), position(p.at(), lines.size()), true));
      } else if (block instanceof Block.Table t) {
        for (int r = 0; r < t.rows().size(); r++) {
          Position at = t.at().get(r);
          List<String> cells = new ArrayList<>();
          List<Integer> xs = new ArrayList<>();
          for (GridCell cell : t.rows().get(r)) {
            if (cell.merge() == GridCell.Merge.LEFT
                || cell.merge() == GridCell.Merge.UP && CellValue.looksLikeValue(cell.text())) {
              continue;
            }
            cells.add(cell.text());
            xs.add(cell.x());
          }
          // a row of a text layout is running text where it is not a table; grid rows never are
          lines.add(new Line(cells, xs, position(at, lines.size()), at.line() > 0));
        }
      }
    }
    return lines;
  }

  private static Position position(Position at, int ordinal) {
    return at.line() > 0 ? at : new Position(0, ordinal + 1);
  }

  private static int firstLine(
      List<Run.Token> tokens,
      int from,
      int to,
      java.util.function.Predicate<String> test,
      int maxLength) {
    for (Run.Token t : tokens) {
      if (t.line() < from || t.value() || t.text().length() > maxLength) {
        continue;
      }
      if (t.line() >= to) {
        break;
      }
      if (test.test(t.key())) {
        return t.line();
      }
    }
    return -1;
  }

  private static List<Run.Token> region(
      List<Run.Token> tokens, int[] firstToken, int from, int to) {
    if (from < 0 || to <= from) {
      return List.of();
    }
    return tokens.subList(firstToken[from], firstToken[Math.min(to, firstToken.length - 1)]);
  }

  /** Tables 三 and 四: the runs aligned to the template in printed order. */
  private static void readAligned(
      Template template,
      int section,
      List<Run.Token> tokens,
      int[] valuesOnLine,
      Map<String, Reading> out,
      int[] lastUsed) {
    List<Template.Row> rows = template.section(section);
    List<Run> runs = Run.runs(tokens, valuesOnLine);
    if (section == 3) {
      runs = Run.columnMajor(runs, rows.size(), rows.get(0).width());
    }
    int[] order = section == 3 ? applicantOrder(tokens, rows.get(0)) : null;
    if (section == 4 && printedBefore(tokens, "复议后起诉", "直接起诉")) {
      // the litigation groups printed the other way round: align to the rows as printed
      rows = List.of(rows.get(0), rows.get(2), rows.get(1));
    }
    if (section == 4 && placeFourByHeader(rows, runs, tokens, out)) {
      lastUsed[section] = Math.max(lastUsed[section], runs.get(0).lastLine());
      return;
    }
    if (section == 4 && !runs.isEmpty()) {
      // table 四 copied one cell per line with its blank cells as empty lines: all 15 columns as one
      // row
      Template.Row all =
          new Template.Row(
              rows.get(0).rowKey(),
              rows.get(0).label(),
              rows.get(0).group(),
              rows.stream().flatMap(r -> r.cells().stream()).toList(),
              rows.get(0).bigrams());
      int consumed = fillEmptyLines(all, runs.get(0), runs, java.util.Set.of(), out, true);
      if (consumed > 0) {
        lastUsed[section] = Math.max(lastUsed[section], runs.get(consumed - 1).lastLine());
        return;
      }
    }
    List<Aligner.RowReading> readings =
        section == 3
            ? Aligner.align(
                runs,
                rows,
                template.section3Context(),
                template.otherFirst(),
                template.otherRows(),
                template.otherGroup())
            : Aligner.align(runs, rows, List.of(), -1, 0, null);
    double[] columns = columnCentres(readings, rows.get(0).width());
    for (int j = 0; j < rows.size(); j++) {
      Template.Row row = rows.get(j);
      Aligner.RowReading reading = readings.get(j);
      if (columns != null
          && reading.fill() == Aligner.Fill.PARTIAL
          && placeByColumn(row, reading, columns, out)) {
        lastUsed[section] = Math.max(lastUsed[section], reading.run().lastLine());
        continue;
      }
      if (order == null
          && reading.fill() == Aligner.Fill.PARTIAL
          && fillEmptyLines(row, reading, runs, readings, out)) {
        lastUsed[section] = Math.max(lastUsed[section], reading.run().lastLine());
        continue;
      }
      if (order != null) {
        List<CellDefinition> cells = new ArrayList<>(row.cells());
        for (int p = 0; p < order.length; p++) {
          cells.set(p, row.cells().get(order[p]));
        }
        row = new Template.Row(row.rowKey(), row.label(), row.group(), cells, row.bigrams());
      }
      store(row, readings.get(j), out, null);
      if (readings.get(j).run() != null) {
        lastUsed[section] = Math.max(lastUsed[section], readings.get(j).run().lastLine());
      }
    }
  }

  /**
   * The applicant columns of table 三 in printed order, when one header line names all seven (a
   * header printed in another order than the format's); else null (the format's order).
   */
  private static int[] applicantOrder(List<Run.Token> tokens, Template.Row first) {
    List<String> leaves = new ArrayList<>();
    for (CellDefinition def : first.cells()) {
      leaves.add(Labels.key(Labels.lastSegment(def.columnLabel())));
    }
    int line = -1;
    List<Integer> found = new ArrayList<>();
    for (Run.Token t : tokens) {
      if (t.value() && CellValue.looksLikeValue(t.text()) && !CellValue.isBlank(t.text())) {
        break; // the header is above the first value
      }
      if (t.line() != line) {
        line = t.line();
        found.clear();
      }
      int c = leaves.indexOf(t.key());
      if (c >= 0 && !found.contains(c)) {
        found.add(c);
        if (found.size() == leaves.size()) {
          int[] order = new int[found.size()];
          for (int p = 0; p < order.length; p++) {
            order[p] = found.get(p);
          }
          return order;
        }
      }
    }
    return null;
  }

  /**
   * The display columns of a table's value columns, from the rows printed whole on one line (the
   * median centre of each column), or null when fewer than three such rows were printed with
   * positions.
   */
  private static double[] columnCentres(List<Aligner.RowReading> readings, int width) {
    List<double[]> rows = new ArrayList<>();
    for (Aligner.RowReading r : readings) {
      Run run = r.run();
      if (r.fill() == Aligner.Fill.VALUES && run.size() == width && run.positioned()) {
        double[] centres = new double[width];
        for (int c = 0; c < width; c++) {
          centres[c] = run.values().get(c).centre();
        }
        rows.add(centres);
      }
    }
    if (rows.size() < 3) {
      return null;
    }
    double[] out = new double[width];
    for (int c = 0; c < width; c++) {
      double[] column = new double[rows.size()];
      for (int k = 0; k < rows.size(); k++) {
        column[k] = rows.get(k)[c];
      }
      java.util.Arrays.sort(column);
      out[c] = column[column.length / 2];
      if (c > 0 && out[c] <= out[c - 1]) {
        return null;
      }
    }
    return out;
  }

  /**
   * A row copied one cell per line (browser or crawler text, no TABs) whose blank cells became
   * empty lines: its labelled run was cut at the first empty line, the rest follow as unlabelled
   * runs no row took. When the values plus one blank per empty line <em>between</em> two values
   * make exactly the row's width, the blanks go where the empty lines are (FMT-04). False, and
   * nothing placed, otherwise — an empty line before the first or after the last value cannot be
   * told from a row break, so such rows stay unread rather than shifted.
   */
  private static boolean fillEmptyLines(
      Template.Row row,
      Aligner.RowReading reading,
      List<Run> runs,
      List<Aligner.RowReading> readings,
      Map<String, Reading> out) {
    java.util.Set<Run> used = new java.util.HashSet<>();
    for (Aligner.RowReading r : readings) {
      if (r.run() != null && r.fill() != Aligner.Fill.NONE) {
        used.add(r.run());
      }
    }
    return fillEmptyLines(row, reading.run(), runs, used, out, false) > 0;
  }

  /** The same, answering how many runs from {@code run} on it used (0: nothing placed). */
  private static int fillEmptyLines(
      Template.Row row,
      Run run,
      List<Run> runs,
      java.util.Set<Run> used,
      Map<String, Reading> out,
      boolean unlabelled) {
    int i = runs.indexOf(run);
    if (i < 0) {
      return 0;
    }
    int consumed = 0;
    List<Run.Token> cells = new ArrayList<>();
    Run.Token previous = null;
    for (int k = i; k < runs.size() && cells.size() < row.width(); k++) {
      Run r = runs.get(k);
      if ((k > i || unlabelled)
          && (used.contains(r) || !r.before().isEmpty() || !r.same().isEmpty())
          && !(unlabelled && k == i)) {
        break;
      }
      consumed++;
      for (Run.Token t : r.values()) {
        if (t.x() < 0 || t.at().line() <= 0 || (previous != null && t.line() == previous.line())) {
          return 0; // not one cell per line without TABs
        }
        if (previous != null) {
          if (t.at().page() != previous.at().page()) {
            return 0;
          }
          for (int blank = t.at().line() - previous.at().line() - 1; blank > 0; blank--) {
            cells.add(null);
          }
        }
        cells.add(t);
        previous = t;
      }
    }
    if (cells.size() != row.width() || !cells.contains(null)) {
      return 0;
    }
    putByStructure(row, cells.toArray(new Run.Token[0]), run, out);
    return consumed;
  }

  /**
   * Table 四 printed as one line of fewer values than its columns (pdftotext drops blank cells):
   * when the header prints every column's leaf label (结果维持 … 总计, once per group) with its position,
   * each value goes to the column printed right above it and the others are blank (FMT-04). False,
   * and nothing placed, otherwise or when a value is not clearly under one column.
   */
  private static boolean placeFourByHeader(
      List<Template.Row> rows, List<Run> runs, List<Run.Token> tokens, Map<String, Reading> out) {
    int width = 0;
    for (Template.Row row : rows) {
      width += row.width();
    }
    List<Run> withValues = new ArrayList<>();
    for (Run run : runs) {
      if (!run.allBlank()) {
        withValues.add(run);
      }
    }
    if (withValues.size() != 1) {
      return false;
    }
    Run run = withValues.get(0);
    if (!run.positioned() || run.size() >= width || run.size() < 1) {
      return false;
    }
    List<String> leaves = new ArrayList<>();
    for (CellDefinition def : rows.get(0).cells()) {
      leaves.add(Labels.key(Labels.lastSegment(def.columnLabel())));
    }
    List<Double> centres = new ArrayList<>();
    for (Run.Token t : tokens) {
      if (t.value() || t.line() >= run.firstLine()) {
        if (t.line() >= run.firstLine()) {
          break;
        }
        continue;
      }
      if (t.x() >= 0 && leaves.contains(t.key())) {
        centres.add(t.centre());
      }
    }
    if (centres.size() != width) {
      return false;
    }
    java.util.Collections.sort(centres);
    double[] columns = new double[width];
    for (int c = 0; c < width; c++) {
      columns[c] = centres.get(c);
      if (c > 0 && columns[c] <= columns[c - 1]) {
        return false;
      }
    }
    Template.Row all =
        new Template.Row(
            rows.get(0).rowKey(),
            rows.get(0).label(),
            rows.get(0).group(),
            rows.stream().flatMap(r -> r.cells().stream()).toList(),
            rows.get(0).bigrams());
    return placeByColumn(
        all, new Aligner.RowReading(Aligner.Fill.PARTIAL, run, 0, null, "structure"), columns, out);
  }

  /**
   * A row printed with fewer values than columns on one line (pdftotext drops blank cells): each
   * value goes to the column printed right above or below it, the columns left without a value are
   * blank (FMT-04). False, and nothing placed, when a value is not clearly under one column.
   */
  private static boolean placeByColumn(
      Template.Row row, Aligner.RowReading reading, double[] columns, Map<String, Reading> out) {
    Run run = reading.run();
    if (!run.positioned() || run.size() >= row.width()) {
      return false;
    }
    double gap = Double.MAX_VALUE;
    for (int c = 1; c < columns.length; c++) {
      gap = Math.min(gap, columns[c] - columns[c - 1]);
    }
    Run.Token[] placed = new Run.Token[row.width()];
    for (Run.Token t : run.values()) {
      int best = 0;
      for (int c = 1; c < columns.length; c++) {
        if (Math.abs(columns[c] - t.centre()) < Math.abs(columns[best] - t.centre())) {
          best = c;
        }
      }
      if (Math.abs(columns[best] - t.centre()) > gap / 3 || placed[best] != null) {
        return false;
      }
      placed[best] = t;
    }
    putByStructure(row, placed, run, out);
    return true;
  }

  /**
   * True if a short label containing {@code first} is printed before one containing {@code second}.
   */
  private static boolean printedBefore(List<Run.Token> tokens, String first, String second) {
    for (Run.Token t : tokens) {
      if (t.value() || t.text().length() > 30) {
        continue;
      }
      boolean a = t.key().contains(first);
      boolean b = t.key().contains(second);
      if (a != b) {
        return a;
      }
    }
    return false;
  }

  private static void store(
      Template.Row row, Aligner.RowReading reading, Map<String, Reading> out, String unit) {
    Run run = reading.run();
    switch (reading.fill()) {
      case VALUES -> {
        for (int c = 0; c < row.width(); c++) {
          Run.Token t = run.values().get(reading.offset() + c);
          out.put(
              row.cells().get(c).key(), new Reading(t.text(), t.at(), reading.match(), null, unit));
        }
      }
      case PARTIAL, MERGED -> {
        for (CellDefinition def : row.cells()) {
          out.put(
              def.key(),
              new Reading(
                  run.raw(),
                  run.values().get(0).at(),
                  reading.match(),
                  CellValue.UNREADABLE,
                  unit));
        }
      }
      case NONE -> {}
    }
  }

  /**
   * Table 二: its rows have distinct labels and are sometimes printed out of order, so a run whose
   * label names one row by a margin fills it; the rows left are aligned by structure with the runs
   * left.
   */
  private static void readSection2(
      Template template,
      List<Run.Token> tokens,
      int[] valuesOnLine,
      Map<String, Reading> out,
      int[] lastUsed,
      int anchor) {
    List<Run> runs = Run.runs(tokens, valuesOnLine);
    List<Template.Row> rows = template.section(2);
    boolean[] rowDone = new boolean[rows.size()];
    boolean[] runDone = new boolean[runs.size()];
    Map<Run, String> units = new HashMap<>();
    String unit = null;
    int ti = 0;
    for (Run run : runs) {
      // the unit printed in the column header most recently before this run (本年收费金额（单位：元）)
      for (; ti < tokens.size() && tokens.get(ti).line() < run.firstLine(); ti++) {
        Run.Token t = tokens.get(ti);
        if (!t.value() && t.text().length() <= 40) {
          String u = unitOfHeader(t.text());
          if (u != null) {
            unit = u;
          }
        }
      }
      units.put(run, unit);
    }
    Run[] shortRun = new Run[rows.size()];
    for (int i = 0; i < runs.size(); i++) {
      Run run = runs.get(i);
      List<Aligner.RowReading> one =
          Aligner.align(List.of(run), rows, List.of(), -1, 0, null, false);
      for (int j = 0; j < rows.size(); j++) {
        Aligner.RowReading r = one.get(j);
        if (rowDone[j] || r.fill() == Aligner.Fill.NONE || "structure".equals(r.match())) {
          continue;
        }
        rowDone[j] = true;
        runDone[i] = true;
        lastUsed[2] = Math.max(lastUsed[2], run.lastLine());
        if (r.fill() == Aligner.Fill.VALUES) {
          store(rows.get(j), r, out, units.get(run));
        } else {
          shortRun[j] = run;
        }
        break;
      }
    }
    // a row printed one value short, and a lone value whose remark names that row's missing column:
    // the
    // extraction took a cell with a remark (22（其中修订16件）, 55（含自然失效29件）) out of its row
    for (int j = 0; j < rows.size(); j++) {
      Run run = shortRun[j];
      if (run == null) {
        continue;
      }
      Template.Row row = rows.get(j);
      boolean filled = false;
      if (run.size() == row.width() - 1) {
        for (int i = 0; i < runs.size() && !filled; i++) {
          Run lone = runs.get(i);
          if (runDone[i] || lone.size() != 1 || lone.allBlank() || lone.after().isEmpty()) {
            continue;
          }
          int column = remarkColumn(row, lone.after().get(0));
          if (column < 0) {
            continue;
          }
          runDone[i] = true;
          filled = true;
          int k = 0;
          for (int c = 0; c < row.width(); c++) {
            Run.Token t = c == column ? lone.values().get(0) : run.values().get(k++);
            String raw = c == column ? t.text() + lone.after().get(0) : t.text();
            out.put(
                row.cells().get(c).key(),
                new Reading(
                    raw, t.at(), c == column ? "structure" : "nearest", null, units.get(run)));
          }
        }
      }
      if (!filled) {
        java.util.Set<Run> used = new java.util.HashSet<>();
        for (int i = 0; i < runs.size(); i++) {
          if (runDone[i] && runs.get(i) != run) {
            used.add(runs.get(i));
          }
        }
        int consumed = fillEmptyLines(row, run, runs, used, out, false);
        if (consumed > 0) {
          int first = runs.indexOf(run);
          for (int i = first; i < first + consumed; i++) {
            runDone[i] = true;
          }
        } else {
          store(
              row,
              new Aligner.RowReading(Aligner.Fill.PARTIAL, run, 0, null, "nearest"),
              out,
              null);
        }
      }
    }
    if (anchor < 0) {
      return; // no table 二 printed here (only its heading): nothing to place by structure
    }
    List<Run> restRuns = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      if (!runDone[i] && runs.get(i).firstLine() >= anchor) {
        restRuns.add(runs.get(i));
      }
    }
    List<Template.Row> restRows = new ArrayList<>();
    for (int j = 0; j < rows.size(); j++) {
      if (!rowDone[j]) {
        restRows.add(rows.get(j));
      }
    }
    if (restRows.isEmpty() || restRuns.isEmpty()) {
      return;
    }
    List<Aligner.RowReading> rest = Aligner.align(restRuns, restRows, List.of(), -1, 0, null);
    for (int j = 0; j < restRows.size(); j++) {
      Aligner.RowReading r = rest.get(j);
      if (r.fill() == Aligner.Fill.VALUES) {
        store(restRows.get(j), r, out, units.get(r.run()));
        lastUsed[2] = Math.max(lastUsed[2], r.run().lastLine());
      }
    }
  }

  /** The column of a table 二 row a remark names (废止/失效 → 本年废止件数, 修订/制发 → 本年制发件数), or -1. */
  private static int remarkColumn(Template.Row row, String remark) {
    String r = Labels.normalise(remark);
    if (!r.startsWith("（")) {
      return -1;
    }
    String column =
        r.contains("废止") || r.contains("失效")
            ? "废止"
            : r.contains("修订") || r.contains("制发") || r.contains("制定")
                ? "制发"
                : r.contains("有效") ? "有效" : null;
    if (column == null) {
      return -1;
    }
    for (int c = 0; c < row.width(); c++) {
      if (row.cells().get(c).columnLabel().contains(column)) {
        return c;
      }
    }
    return -1;
  }

  private static String unitOfHeader(String header) {
    String n = Labels.normalise(header);
    if (!n.contains("收费") && !n.contains("单位") && !n.contains("金额")) {
      return null;
    }
    if (n.contains("万元")) {
      return "万元";
    }
    if (n.contains("（元）") || n.contains("：元") || n.contains("单位元") || n.endsWith("元")) {
      return "元";
    }
    return null;
  }

  private static String emptyToNull(String s) {
    String t = s == null ? null : Labels.trim(s);
    return t == null || t.isEmpty() ? null : t;
  }

  private static JsonNode toNode(BigDecimal number, CellDefinition def) {
    if (def.type() != CellType.DEC) {
      BigDecimal stripped = number.stripTrailingZeros();
      if (stripped.scale() <= 0) {
        return JSON.numberNode(stripped.longValueExact());
      }
    }
    return JSON.numberNode(number);
  }

  /**
   * IMP-01 per row read by the nearest label or by structure, naming its read cells (unread ones
   * have FMT-03). Table 四 read whole as its fixed 15 values is certain (it has no row labels: its
   * rows are the header's groups) and is not flagged.
   */
  private static List<Finding> uncertainRows(
      Template template, Map<String, CellSource> sources, java.util.Set<String> unread) {
    boolean wholeFour = true;
    Map<String, List<CellDefinition>> rows = new LinkedHashMap<>();
    for (CellDefinition def : template.catalogue().cells()) {
      String match = sources.get(def.key()).match();
      if (def.section() == 4 && !"structure".equals(match)) {
        wholeFour = false;
      }
      rows.computeIfAbsent(def.section() + "|" + def.rowLabel(), k -> new ArrayList<>()).add(def);
    }
    List<Finding> out = new ArrayList<>();
    for (List<CellDefinition> row : rows.values()) {
      CellDefinition first = row.get(0);
      if (first.section() == 4 && wholeFour) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      boolean structure = false;
      String raw = null;
      for (CellDefinition def : row) {
        CellSource source = sources.get(def.key());
        if (!unread.contains(def.key())
            && ("structure".equals(source.match()) || "nearest".equals(source.match()))) {
          cells.add(def.key());
          structure |= "structure".equals(source.match());
          raw = raw == null ? source.raw() : raw;
        }
      }
      if (cells.isEmpty()) {
        continue;
      }
      String label = Labels.lastSegment(first.rowLabel());
      String numeral = Sections.numeral(first.section());
      Message zh =
          Rules.IMP_01.message(
              Map.of(
                  "row",
                  "第" + numeral + "部分“" + label + "”",
                  "how",
                  structure ? Rules.IMP_01_STRUCTURE_ZH : Rules.IMP_01_NEAREST_ZH));
      Message en =
          Rules.IMP_01.message(
              Map.of(
                  "row",
                  "\"" + label + "\" of section " + numeral,
                  "how",
                  structure ? Rules.IMP_01_STRUCTURE_EN : Rules.IMP_01_NEAREST_EN));
      out.add(
          new Finding(
              Rules.IMP_01.id(),
              Severity.WARNING,
              List.copyOf(cells),
              "label",
              raw,
              new Message(zh.zh(), en.en()),
              null));
    }
    return out;
  }

  private static Finding cellFinding(RuleSpec rule, CellDefinition def, String raw) {
    String row = Labels.lastSegment(def.rowLabel());
    String col = def.section() == 2 ? def.columnLabel() : Labels.lastSegment(def.columnLabel());
    String section = "第" + Sections.numeral(def.section()) + "部分 ";
    Map<String, Object> zh = Map.of("row", section + row, "col", col);
    Map<String, Object> en =
        Map.of("row", "section " + Sections.numeral(def.section()) + " " + row, "col", col);
    return new Finding(
        rule.id(),
        Severity.WARNING,
        List.of(def.key()),
        "number",
        raw,
        new Message(rule.message(zh).zh(), rule.message(en).en()),
        null);
  }

  /**
   * Puts a row whose cells the structure placed: each token where it stands, a missing one as a
   * blank (FMT-04), all matched by {@code structure}; a blank takes the position of the run's first
   * value.
   */
  private static void putByStructure(
      Template.Row row, Run.Token[] cells, Run run, Map<String, Reading> out) {
    for (int c = 0; c < row.width(); c++) {
      Run.Token t = cells[c];
      Position at = t != null ? t.at() : run.values().get(0).at();
      out.put(
          row.cells().get(c).key(),
          new Reading(
              t != null ? t.text() : "",
              at,
              "structure",
              t != null ? null : CellValue.BLANK,
              null));
    }
  }
}
