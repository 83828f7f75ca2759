/*
 * 年报 dashboard: a read-only view of the public API (/api/v1). Three views, chosen by the URL fragment:
 *   #/region/{code}/{year}    coverage, key figures, trend, declared-vs-computed
 *   #/report/{unit}/{year}    one report as printed, findings on their cells, narrative, history
 *   #/findings/{code}/{year}  which rules fire most, which units have errors or warnings
 * No inline script or style (the page's Content-Security-Policy forbids them); ECharts is served by the service.
 */
'use strict';

(() => {
  // ---- language -----------------------------------------------------------------------------------------
  const I18N = {
    zh: {
      title: '年报 · 政府信息公开工作年度报告', skip: '跳到正文', loading: '加载中…', brand: '年报',
      navRegion: '地区汇总', navFindings: '问题统计', views: '视图', switchLang: 'English',
      year: '年度', yearSuffix: '年度', nation: '全国', breadcrumbs: '所在地区',
      coverage: '报送情况', expected: '应报单位', reporting: '已报送（本机关报告）', missing: '未报送',
      aggregateOnly: '仅报送汇总报告', otherFormat: '格式不符（未汇总）', reportingRate: '报送率',
      missingUnits: '未报送单位', noneMissing: '全部单位均已报送。', moreMissing: '另有 {0} 个单位未列出',
      allMissing: '全部未报送单位（JSON）',
      childCoverage: '下级地区报送情况', childCoverageHint: '按报送率排序', region: '地区',
      keyFigures: '主要数据', figure: '指标', thisYear: '{0}年', lastYear: '{0}年', change: '同比',
      received: '本年新收申请', handled: '本年办理申请', carriedOut: '结转下年度',
      granted: '予以公开', partial: '部分公开', withheld: '不予公开', unable: '无法提供',
      notProcessed: '不予处理', other: '其他处理', disclosureRate: '予以公开率',
      outcomeShares: '办理结果构成', review: '行政复议', litigation: '行政诉讼',
      reviewRate: '行政复议纠错率', litigationRate: '行政诉讼纠错率', fee: '行政事业性收费金额（万元）',
      regulations: '现行有效规章', normativeDocs: '现行有效行政规范性文件',
      trend: '历年趋势', trendEmpty: '暂无历年数据。',
      declared: '汇总报告与计算值比对', declaredIntro: '{0} 报送的汇总报告（AGGREGATE）与下级本级报告之和逐项比对。',
      declaredOk: '汇总报告与计算值一致。', declaredDiffer: '有 {0} 个栏目与计算值不一致。', declaredList: '不一致的栏目', declaredValue: '报告值', computedValue: '计算值', difference: '差额',
      cell: '栏目', noRollup: '该年度尚无报告。', jsonLink: 'JSON', csvLink: 'CSV', downloadCsv: '下载 CSV',
      findingsOfRegion: '查看问题统计', regionOf: '返回地区汇总',
      report: '年度报告', version: '版本', status: '状态', scope: '口径', format: '格式',
      publishedAt: '发布日期', submittedAt: '提交时间', submittedBy: '提交人', origin: '来源', source: '原文',
      errors: '错误', warnings: '警告', findings: '校验结果', noFindings: '未发现问题。',
      cells: '涉及栏目', expectedValue: '应为', actualValue: '实际', acknowledged: '已说明理由：{0}',
      s2: '二、主动公开政府信息情况', s3: '三、收到和处理政府信息公开申请情况',
      s4: '四、政府信息公开行政复议、行政诉讼情况', narrative: '报告正文', noNarrative: '未提交正文。',
      textFindingsElsewhere: '正文中未能定位的问题', versions: '版本历史', changes: '变更栏目',
      changedTexts: '变更正文', changedFields: '变更字段', firstVersion: '首次提交', notSubmitted: '{0} 尚未报送 {1} 年度报告。',
      otherYears: '其他年度', infoContent: '信息内容', unitName: '单位',
      ERROR: '错误', WARNING: '警告', INFO: '提示', SELF: '本机关', AGGREGATE: '汇总',
      ACCEPTED: '现行版本', SUPERSEDED: '已被替代', API: '接口', IMPORT: '导入',
      findingsTitle: '问题统计', reports: '报告数', reportsWithErrors: '有错误的报告', reportsWithWarnings: '有警告的报告',
      rulesMost: '触发最多的规则', rule: '规则', severity: '级别', ruleMeaning: '规则说明', findingCount: '问题数',
      reportCount: '涉及报告', unitsWithFindings: '有问题的单位', kind: '类型', regionCode: '地区代码',
      rules: '规则', sortBy: '按{0}排序', shownOf: '显示 {0} / {1}', noUnits: '没有错误或警告。',
      error: '出错了：{0}', notFound: '未找到：{0}', retry: '重试', apiNote: '数据来自公开接口 /api/v1',
      pp: '个百分点', openReport: '查看报告',
      'kind.PEOPLES_GOV': '人民政府', 'kind.GOV_OFFICE': '政府办公厅（室）', 'kind.DEPARTMENT': '政府部门',
      'kind.TOWNSHIP_GOV': '乡镇人民政府', 'kind.SUBDISTRICT_OFFICE': '街道办事处', 'kind.ZONE_ADMIN': '开发区管委会',
      'kind.DISPATCHED': '派出机构', 'kind.AUTHORIZED_ORG': '授权组织', 'kind.VERTICAL_BRANCH': '垂直管理机构',
    },
    en: {
      title: 'Nianbao · Government information disclosure annual reports', skip: 'Skip to content',
      loading: 'Loading…', brand: 'Nianbao', navRegion: 'Region rollup', navFindings: 'Findings', views: 'Views',
      switchLang: '中文', year: 'Year', yearSuffix: '', nation: 'Nation', breadcrumbs: 'Region path',
      coverage: 'Coverage', expected: 'Expected units', reporting: 'Reporting (SELF)', missing: 'Missing',
      aggregateOnly: 'Aggregate report only', otherFormat: 'Other format (not summed)', reportingRate: 'Reporting rate',
      missingUnits: 'Units that have not reported', noneMissing: 'Every unit has reported.',
      moreMissing: '{0} more not listed', allMissing: 'All missing units (JSON)',
      childCoverage: 'Coverage by child region', childCoverageHint: 'sorted by reporting rate', region: 'Region',
      keyFigures: 'Key figures', figure: 'Figure', thisYear: '{0}', lastYear: '{0}', change: 'Change',
      received: 'Applications received', handled: 'Applications handled', carriedOut: 'Carried over',
      granted: 'Disclosed', partial: 'Partly disclosed', withheld: 'Withheld', unable: 'Unable to provide',
      notProcessed: 'Not processed', other: 'Other outcome', disclosureRate: 'Disclosure rate',
      outcomeShares: 'Outcomes', review: 'Administrative reviews', litigation: 'Lawsuits',
      reviewRate: 'Review correction rate', litigationRate: 'Lawsuit correction rate',
      fee: 'Administrative fees (10k yuan)', regulations: 'Regulations in force',
      normativeDocs: 'Normative documents in force', trend: 'Trend', trendEmpty: 'No earlier years stored.',
      declared: 'Declared aggregate vs computed sum',
      declaredIntro: 'The AGGREGATE report of {0} compared cell by cell with the sum of the SELF reports.',
      declaredOk: 'The aggregate report equals the computed sum.', declaredDiffer: '{0} cells differ from the computed sum.',
      declaredList: 'Cells that differ', declaredValue: 'Declared',
      computedValue: 'Computed', difference: 'Difference', cell: 'Cell', noRollup: 'No reports for this year yet.',
      jsonLink: 'JSON', csvLink: 'CSV', downloadCsv: 'Download CSV', findingsOfRegion: 'Findings of this region',
      regionOf: 'Back to the region', report: 'Annual report', version: 'Version', status: 'Status', scope: 'Scope',
      format: 'Format', publishedAt: 'Published', submittedAt: 'Submitted', submittedBy: 'Submitted by',
      origin: 'Origin', source: 'Source', errors: 'Errors', warnings: 'Warnings', findings: 'Findings',
      noFindings: 'No findings.', cells: 'Cells', expectedValue: 'Expected', actualValue: 'Actual',
      acknowledged: 'Acknowledged: {0}', s2: '2. Proactive disclosure', s3: '3. Applications received and handled',
      s4: '4. Administrative reviews and lawsuits', narrative: 'Report text', noNarrative: 'No text submitted.',
      textFindingsElsewhere: 'Text findings not located in the text', versions: 'Version history',
      changes: 'Changed cells', changedTexts: 'Changed texts', changedFields: 'Changed fields',
      firstVersion: 'First submission', notSubmitted: '{0} has not submitted its {1} report.',
      otherYears: 'Other years', infoContent: 'Item', unitName: 'Unit',
      ERROR: 'Error', WARNING: 'Warning', INFO: 'Info', SELF: 'Own work', AGGREGATE: 'Aggregate',
      ACCEPTED: 'Current', SUPERSEDED: 'Superseded', API: 'API', IMPORT: 'Import',
      findingsTitle: 'Findings', reports: 'Reports', reportsWithErrors: 'Reports with errors',
      reportsWithWarnings: 'Reports with warnings', rulesMost: 'Rules that fire most', rule: 'Rule',
      severity: 'Severity', ruleMeaning: 'What it checks', findingCount: 'Findings', reportCount: 'Reports',
      unitsWithFindings: 'Units with errors or warnings', kind: 'Kind', regionCode: 'Region code', rules: 'Rules',
      sortBy: 'Sort by {0}', shownOf: 'Showing {0} of {1}', noUnits: 'No errors or warnings.',
      error: 'Something went wrong: {0}', notFound: 'Not found: {0}', retry: 'Retry',
      apiNote: 'Data from the public API /api/v1', pp: ' pp', openReport: 'Open report',
      'kind.PEOPLES_GOV': "People's government", 'kind.GOV_OFFICE': 'Government office', 'kind.DEPARTMENT': 'Department',
      'kind.TOWNSHIP_GOV': 'Township government', 'kind.SUBDISTRICT_OFFICE': 'Subdistrict office',
      'kind.ZONE_ADMIN': 'Zone administration', 'kind.DISPATCHED': 'Dispatched office',
      'kind.AUTHORIZED_ORG': 'Authorized organisation', 'kind.VERTICAL_BRANCH': 'Vertical branch',
    },
  };
  let lang = localStorage.getItem('nianbao.lang') === 'en' ? 'en' : 'zh';
  const t = (key, ...args) => {
    let s = I18N[lang][key] ?? I18N.zh[key] ?? key;
    args.forEach((a, i) => { s = s.replace('{' + i + '}', a); });
    return s;
  };

  // ---- DOM ----------------------------------------------------------------------------------------------
  /** Creates an element; attrs: class, text, data (object), on (object of listeners), any attribute. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k === 'data') Object.entries(v).forEach(([dk, dv]) => { if (dv !== undefined && dv !== null) el.dataset[dk] = dv; });
      else if (k === 'on') Object.entries(v).forEach(([ev, fn]) => el.addEventListener(ev, fn));
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  const main = document.getElementById('main');

  // ---- API ----------------------------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(status, problem, path) {
      super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
      this.status = status;
      this.path = path;
    }
  }
  const memo = new Map();
  /** GET a JSON resource of the public API; immutable ones (catalogue) are remembered. */
  async function api(path, { keep = false } = {}) {
    if (keep && memo.has(path)) return memo.get(path);
    const promise = fetch(path, { headers: { Accept: 'application/json' } }).then(async (r) => {
      if (!r.ok) {
        let problem = null;
        try { problem = await r.json(); } catch (e) { /* not JSON */ }
        throw new ApiError(r.status, problem, path);
      }
      return r.json();
    });
    if (keep) {
      memo.set(path, promise);
      promise.catch(() => memo.delete(path));
    }
    return promise;
  }
  const orNull = (p) => p.catch((e) => { if (e.status === 404) return null; throw e; });
  const catalogue = (format) => api('/api/v1/catalogue?format=' + format, { keep: true });
  const formatOfYear = (year) => (year >= 2021 ? 'FMT2021' : 'FMT2019');

  /** Downloads a response of the API with Accept: text/csv (links cannot set Accept). */
  async function downloadCsv(path, filename) {
    const r = await fetch(path, { headers: { Accept: 'text/csv' } });
    if (!r.ok) throw new ApiError(r.status, null, path);
    saveBlob(await r.blob(), filename);
  }
  function saveBlob(blob, filename) {
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: filename, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---- formatting ---------------------------------------------------------------------------------------
  const locale = () => (lang === 'zh' ? 'zh-CN' : 'en-US');
  const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
  const fmtInt = (v) => (isNum(v) ? new Intl.NumberFormat(locale(), { maximumFractionDigits: 6 }).format(v) : '—');
  const fmtPct = (v) => (isNum(v) ? (v * 100).toFixed(1) + '%' : '—');
  function fmtChange(cur, prev, rate) {
    if (!isNum(cur) || !isNum(prev)) return '—';
    if (rate) {
      const d = (cur - prev) * 100;
      return (d > 0 ? '+' : d < 0 ? '−' : '±') + Math.abs(d).toFixed(1) + t('pp');
    }
    if (prev === 0) return cur === 0 ? '±0%' : '—';
    const d = ((cur - prev) / prev) * 100;
    return (d > 0 ? '+' : d < 0 ? '−' : '±') + Math.abs(d).toFixed(1) + '%';
  }

  // ---- charts -------------------------------------------------------------------------------------------
  let charts = [];
  const PALETTE = ['#1f5fa8', '#c0392b', '#2e8540', '#b36b00', '#6b4c9a', '#5a6470'];
  function chart(el, option) {
    if (!window.echarts) return null;
    const c = window.echarts.init(el, null, { renderer: 'canvas' });
    c.setOption(Object.assign({ color: PALETTE, animation: false, textStyle: { fontFamily: 'inherit' } }, option));
    charts.push(c);
    return c;
  }
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

  // ---- shared pieces ------------------------------------------------------------------------------------
  let state = { region: '000000', year: null };

  async function defaultYear() {
    if (state.year) return state.year;
    const page = await api('/api/v1/reports?size=1&sort=-year');
    state.year = page.items.length ? page.items[0].year : new Date().getFullYear() - 1;
    return state.year;
  }

  function yearSelect(current, years, onPick) {
    const id = 'year-select';
    const select = h('select', { id, on: { change: (e) => onPick(Number(e.target.value)) } },
      years.map((y) => h('option', { value: y, selected: y === current }, String(y))));
    return h('div', { class: 'field' }, h('label', { for: id, text: t('year') }), select);
  }
  function yearsAround(year) {
    const last = Math.max(new Date().getFullYear() - 1, year);
    const out = [];
    for (let y = last; y >= 2019; y--) out.push(y);
    return out;
  }

  function breadcrumbs(path, hrefOf) {
    return h('nav', { class: 'crumbs', 'aria-label': t('breadcrumbs') },
      h('ol', null, path.map((r, i) => h('li', null, i === path.length - 1
        ? h('span', { 'aria-current': 'page' }, r.name)
        : h('a', { href: hrefOf(r.code) }, r.name)))));
  }

  const section = (id, title, ...body) =>
    h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id, text: title }), body);

  function stat(label, value, data) {
    return h('div', { class: 'stat', data }, h('dt', { text: label }), h('dd', { text: value }));
  }

  function setNav(route) {
    const nav = document.getElementById('nav');
    nav.setAttribute('aria-label', t('views'));
    const year = state.year || '';
    nav.replaceChildren(
      h('a', { href: `#/region/${state.region}/${year}`, 'aria-current': route === 'region' ? 'page' : null, text: t('navRegion') }),
      h('a', { href: `#/findings/${state.region}/${year}`, 'aria-current': route === 'findings' ? 'page' : null, text: t('navFindings') }));
  }

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    const button = document.getElementById('lang');
    button.textContent = lang === 'zh' ? 'EN' : '中文';
    button.setAttribute('aria-label', t('switchLang'));
    button.setAttribute('lang', lang === 'zh' ? 'en' : 'zh-CN');
    document.querySelector('.skip').textContent = t('skip');
    document.getElementById('brand').textContent = t('brand');
    document.getElementById('foot-api').textContent = t('apiNote');
  }

  // ---- region view --------------------------------------------------------------------------------------
  const OUTCOMES = ['granted', 'partial', 'withheld', 'unable', 'not_processed', 'other'];
  const OUTCOME_LABEL = { granted: 'granted', partial: 'partial', withheld: 'withheld', unable: 'unable', not_processed: 'notProcessed', other: 'other' };

  /** Sum of an outcome group's totals (s3.withheld.*.total …); undefined when the format has no such cell. */
  function outcome(cells, group) {
    const re = new RegExp('^s3\\.' + group + '(\\.[a-z_]+)?\\.total$');
    let sum;
    for (const [k, v] of Object.entries(cells || {})) {
      if (re.test(k) && k !== 's3.total_processed.total') sum = (sum || 0) + (v || 0);
    }
    return sum;
  }
  const cellSum = (cells, keys) => {
    let sum;
    keys.forEach((k) => { if (cells && isNum(cells[k])) sum = (sum || 0) + cells[k]; });
    return sum;
  };
  const share = (part, whole) => (isNum(part) && isNum(whole) && whole > 0 ? part / whole : null);

  /** The key figures of a rollup: [id, label, value, isRate]. */
  function figures(r) {
    if (!r) return [];
    const c = r.cells || {};
    const processed = c['s3.total_processed.total'];
    const list = [
      ['s3.new.total', 'received', c['s3.new.total'], false],
      ['s3.total_processed.total', 'handled', processed, false],
      ['s3.carried_out.total', 'carriedOut', c['s3.carried_out.total'], false],
      ['disclosureRate', 'disclosureRate', r.indicators.disclosureRate, true],
    ];
    OUTCOMES.slice(1).forEach((g) => list.push(['share.' + g, OUTCOME_LABEL[g], share(outcome(c, g), processed), true]));
    list.push(
      ['s4.review.total', 'review', c['s4.review.total'], false],
      ['reviewCorrectionRate', 'reviewRate', r.indicators.reviewCorrectionRate, true],
      ['s4.litigation.total', 'litigation', cellSum(c, ['s4.litigation_direct.total', 's4.litigation_after_review.total']), false],
      ['litigationCorrectionRate', 'litigationRate', r.indicators.litigationCorrectionRate, true],
      ['s2.admin_fee.amount', 'fee', c['s2.admin_fee.amount'], false],
      ['s2.regulation.in_force', 'regulations', c['s2.regulation.in_force'], false],
      ['s2.normative_doc.in_force', 'normativeDocs', c['s2.normative_doc.in_force'], false]);
    return list;
  }

  async function regionView([code = '000000', yearText]) {
    const year = Number(yearText) || (await defaultYear());
    state = { region: code, year };
    setNav('region');
    // The four years before come from the series (no children), the year itself from the full rollup. The
    // series of a large region takes longest: the view is shown without it, and last year's column and the
    // trend are filled in when it arrives (view.later).
    const earlierPromise = api(`/api/v1/rollups/${code}/series?from=${year - 4}&to=${year - 1}`);
    earlierPromise.catch(() => {});
    const [region, rollup, missing] = await Promise.all([
      api(`/api/v1/regions/${code}`),
      api(`/api/v1/rollups/${code}/${year}`),
      api(`/api/v1/rollups/${code}/${year}/missing?size=100`),
    ]);
    const declared = rollup.declared;
    const cat = declared ? await catalogue(rollup.formatVersion) : null;
    const cov = rollup.coverage;
    const view = h('div', { class: 'view', data: { view: 'region', region: code, year: String(year) } });

    view.append(
      breadcrumbs([...region.ancestors, region], (c) => `#/region/${c}/${year}`),
      h('div', { class: 'head' },
        h('h1', null, region.name, ' ', h('span', { class: 'sub', text: year + (lang === 'zh' ? '年度' : '') })),
        h('div', { class: 'tools' },
          yearSelect(year, yearsAround(year), (y) => { location.hash = `#/region/${code}/${y}`; }),
          h('a', { class: 'button', href: `#/findings/${code}/${year}`, text: t('findingsOfRegion') }),
          h('a', { class: 'button', href: `/api/v1/rollups/${code}/${year}`, text: t('jsonLink') }),
          h('button', { type: 'button', class: 'button', on: { click: () => downloadCsv(`/api/v1/rollups/${code}/${year}`, `rollup-${code}-${year}.csv`) }, text: t('downloadCsv') }))));

    // coverage
    const rate = share(cov.reportingUnits, cov.expectedUnits);
    const missingList = missing.items.length
      ? h('ul', { class: 'missing', id: 'missing-units' }, missing.items.map((u) =>
        h('li', null, h('a', { href: `#/report/${u.code}/${year}`, data: { unit: u.code } }, u.name), ' ', h('span', { class: 'code', text: u.code }))))
      : h('p', { text: t('noneMissing') });
    view.append(section('h-coverage', t('coverage'),
      h('dl', { class: 'stats' },
        stat(t('expected'), fmtInt(cov.expectedUnits), { cov: 'expectedUnits', value: cov.expectedUnits }),
        stat(t('reporting'), fmtInt(cov.reportingUnits), { cov: 'reportingUnits', value: cov.reportingUnits }),
        stat(t('missing'), fmtInt(cov.missingTotal), { cov: 'missingTotal', value: cov.missingTotal }),
        stat(t('aggregateOnly'), fmtInt(cov.aggregateOnlyTotal), { cov: 'aggregateOnlyTotal', value: cov.aggregateOnlyTotal }),
        stat(t('otherFormat'), fmtInt(cov.excludedOtherFormatTotal), { cov: 'excludedOtherFormatTotal', value: cov.excludedOtherFormatTotal }),
        stat(t('reportingRate'), fmtPct(rate), { cov: 'rate' })),
      h('details', { class: 'missing-box', open: cov.missingTotal > 0 && cov.missingTotal <= 20 },
        h('summary', null, t('missingUnits'), ` (${fmtInt(cov.missingTotal)})`),
        missingList,
        missing.total > missing.items.length
          ? h('p', null, t('moreMissing', fmtInt(missing.total - missing.items.length)), ' · ',
            h('a', { href: `/api/v1/rollups/${code}/${year}/missing?size=500`, text: t('allMissing') }))
          : null)));

    // children coverage
    const children = (rollup.children || []).map((c) => ({
      code: c.region.code, name: c.region.name, expected: c.coverage.expectedUnits, reporting: c.coverage.reportingUnits,
      rate: share(c.coverage.reportingUnits, c.coverage.expectedUnits),
    })).sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.code.localeCompare(b.code));
    if (children.length) {
      const box = h('div', { class: 'chart', id: 'chart-children', role: 'img', 'aria-label': t('childCoverage') + ' — ' + t('childCoverageHint') });
      box.style.height = Math.max(160, children.length * 26 + 60) + 'px';
      const table = h('table', { class: 'data', id: 'children-table' },
        h('caption', { class: 'sr-only', text: t('childCoverage') }),
        h('thead', null, h('tr', null, [t('region'), t('expected'), t('reporting'), t('reportingRate')].map((x) => h('th', { scope: 'col', text: x })))),
        h('tbody', null, children.map((c) => h('tr', { data: { child: c.code } },
          h('th', { scope: 'row' }, h('a', { href: `#/region/${c.code}/${year}`, text: c.name })),
          h('td', { class: 'num', data: { value: c.expected }, text: fmtInt(c.expected) }),
          h('td', { class: 'num', data: { value: c.reporting }, text: fmtInt(c.reporting) }),
          h('td', { class: 'num', text: fmtPct(c.rate) })))));
      view.append(section('h-children', t('childCoverage'), h('p', { class: 'hint', text: t('childCoverageHint') }), box,
        h('details', null, h('summary', { text: t('childCoverage') + ' · ' + t('region') }), table)));
      requestAnimationFrame(() => {
        const rows = children.slice().reverse();
        const c = chart(box, {
          grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
          yAxis: { type: 'category', data: rows.map((r) => r.name) },
          series: [{
            type: 'bar', name: t('reportingRate'), data: rows.map((r) => (r.rate === null ? 0 : +(r.rate * 100).toFixed(1))),
            label: { show: true, position: 'right', formatter: (p) => `${rows[p.dataIndex].reporting}/${rows[p.dataIndex].expected}` },
          }],
        });
        if (c) c.on('click', (p) => { location.hash = `#/region/${rows[p.dataIndex].code}/${year}`; });
      });
    }

    // key figures
    const cur = figures(rollup);
    view.append(section('h-figures', t('keyFigures'),
      cov.reportingUnits === 0 ? h('p', { class: 'hint', text: t('noRollup') }) : null,
      h('div', { class: 'scroll' }, h('table', { class: 'data figures', id: 'figures' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col', text: t('figure') }),
          h('th', { scope: 'col', text: t('thisYear', year) }),
          h('th', { scope: 'col', text: t('lastYear', year - 1) }),
          h('th', { scope: 'col', text: t('change') }))),
        h('tbody', null, cur.map(([id, label, value, isRate]) => h('tr', { data: { figure: id } },
          h('th', { scope: 'row', text: t(label) }),
          h('td', { class: 'num', data: { value: isNum(value) ? String(value) : '' }, text: isRate ? fmtPct(value) : fmtInt(value) }),
          h('td', { class: 'num prev', text: '…' }),
          h('td', { class: 'num change', text: '…' }))))))));

    // outcome shares and trend
    const processed = rollup.cells['s3.total_processed.total'];
    if (isNum(processed) && processed > 0) {
      const pie = h('div', { class: 'chart', id: 'chart-outcomes', role: 'img', 'aria-label': t('outcomeShares') });
      view.append(section('h-outcomes', t('outcomeShares'), pie));
      requestAnimationFrame(() => chart(pie, {
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: { bottom: 0, type: 'scroll' },
        series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { formatter: '{d}%' },
          data: OUTCOMES.map((g) => ({ name: t(OUTCOME_LABEL[g]), value: outcome(rollup.cells, g) || 0 })) }],
      }));
    }
    const trendSection = section('h-trend', t('trend'), h('p', { class: 'hint', text: t('loading') }));
    view.append(trendSection);
    view.later = async () => {
      const earlier = await earlierPromise;
      const previous = earlier.years.find((y) => y.year === year - 1);
      const prev = new Map(figures(previous).map((f) => [f[0], f[2]]));
      cur.forEach(([id, , value, isRate]) => {
        const row = view.querySelector(`tr[data-figure="${id}"]`);
        row.querySelector('.prev').textContent = isRate ? fmtPct(prev.get(id)) : fmtInt(prev.get(id));
        row.querySelector('.change').textContent = fmtChange(value, prev.get(id), isRate);
      });
      const years = [...earlier.years, rollup].filter((y) => y.coverage.reportingUnits > 0);
      if (years.length < 2) {
        trendSection.querySelector('.hint').textContent = t('trendEmpty');
        return;
      }
      const trend = h('div', { class: 'chart', id: 'chart-trend', role: 'img', 'aria-label': t('trend') });
      trendSection.querySelector('.hint').replaceWith(trend);
      chart(trend, {
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
        xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
        yAxis: [{ type: 'value' }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } }],
        series: [
          { type: 'bar', name: t('received'), data: years.map((y) => y.cells['s3.new.total'] ?? 0) },
          { type: 'bar', name: t('handled'), data: years.map((y) => y.cells['s3.total_processed.total'] ?? 0) },
          { type: 'line', name: t('disclosureRate'), yAxisIndex: 1,
            data: years.map((y) => (isNum(y.indicators.disclosureRate) ? +(y.indicators.disclosureRate * 100).toFixed(1) : null)) },
        ],
      });
    };

    // declared vs computed
    if (declared) {
      const label = labeller(cat);
      view.append(section('h-declared', t('declared'),
        h('p', null, t('declaredIntro', declared.unit), ' ', h('a', { href: `#/report/${declared.unit}/${year}`, text: t('openReport') })),
        declared.differences.length === 0
          ? h('p', { class: 'ok', text: t('declaredOk') })
          : h('p', { class: 'alert', role: 'status', text: t('declaredDiffer', declared.differences.length) }),
        declared.differences.length === 0 ? null : h('details', { open: declared.differences.length <= 12 },
          h('summary', { text: t('declaredList') }),
          h('div', { class: 'scroll' }, h('table', { class: 'data', id: 'declared' },
            h('thead', null, h('tr', null, [t('cell'), t('declaredValue'), t('computedValue'), t('difference')].map((x) => h('th', { scope: 'col', text: x })))),
            h('tbody', null, declared.differences.map((d) => h('tr', { class: 'flag', data: { key: d.key } },
              h('th', { scope: 'row' }, label(d.key), h('span', { class: 'code', text: ' ' + d.key })),
              h('td', { class: 'num', data: { value: d.declared ?? '' }, text: fmtInt(d.declared) }),
              h('td', { class: 'num', data: { value: d.computed }, text: fmtInt(d.computed) }),
              h('td', { class: 'num', text: isNum(d.declared) ? fmtInt(+(d.declared - d.computed).toFixed(6)) : '—' })))))))));
    }
    return view;
  }

  function labeller(cat) {
    const byKey = new Map((cat ? cat.cells : []).map((c) => [c.key, c]));
    return (key) => {
      const c = byKey.get(key);
      return c ? c.rowLabel.split('/').pop() + ' · ' + c.columnLabel.split('/').pop() : key;
    };
  }

  // ---- report view --------------------------------------------------------------------------------------
  async function reportView([unitCode, yearText]) {
    const year = Number(yearText) || (await defaultYear());
    const guess = catalogue(formatOfYear(year));
    const [unit, report, history, list] = await Promise.all([
      api(`/api/v1/units/${unitCode}`),
      orNull(api(`/api/v1/units/${unitCode}/reports/${year}`)),
      orNull(api(`/api/v1/units/${unitCode}/reports/${year}/versions`)),
      api(`/api/v1/reports?unit=${unitCode}&size=100&sort=-year`),
    ]);
    state = { region: unit.region.code, year };
    setNav('report');
    const cat = report ? await (report.formatVersion === formatOfYear(year) ? guess : catalogue(report.formatVersion)) : null;
    const years = [...new Set([year, ...list.items.map((i) => i.year)])].sort((a, b) => b - a);
    const view = h('div', { class: 'view', data: { view: 'report', unit: unitCode, year: String(year) } });
    view.append(
      breadcrumbs(unit.regionPath, (c) => `#/region/${c}/${year}`),
      h('div', { class: 'head' },
        h('h1', null, unit.name, ' ', h('span', { class: 'sub', text: `${year}${lang === 'zh' ? '年度' : ''} ${t('report')}` })),
        h('div', { class: 'tools' },
          yearSelect(year, years, (y) => { location.hash = `#/report/${unitCode}/${y}`; }),
          report ? h('a', { class: 'button', id: 'link-json', href: `/api/v1/units/${unitCode}/reports/${year}`, text: t('jsonLink') }) : null,
          report ? h('button', { type: 'button', class: 'button', id: 'link-csv', on: { click: () => saveBlob(reportCsv(report, cat), `report-${unitCode}-${year}.csv`) }, text: t('downloadCsv') }) : null)));
    if (!report) {
      view.append(h('p', { class: 'card', id: 'not-submitted', text: t('notSubmitted', unit.name, year) }));
      return view;
    }

    const findings = report.findings.map((f, i) => Object.assign({ n: i + 1 }, f));
    const byCell = new Map();
    findings.forEach((f) => f.cells.forEach((c) => { if (!byCell.has(c)) byCell.set(c, []); byCell.get(c).push(f); }));
    const msg = (f) => (lang === 'zh' ? f.message.zh : f.message.en);

    view.append(h('dl', { class: 'meta card' },
      [[t('version'), `v${report.version} · ${t(report.status)}`], [t('scope'), t(report.scope)], [t('format'), report.formatVersion],
        [t('publishedAt'), report.publishedAt || '—'], [t('submittedAt'), report.submittedAt.replace('T', ' ').replace(/\..*|Z$/, '')],
        [t('submittedBy'), report.submittedBy.name], [t('origin'), t(report.origin)],
        [t('errors'), String(report.errors)], [t('warnings'), String(report.warnings)]]
        .map(([k, v]) => h('div', null, h('dt', { text: k }), h('dd', { text: v }))),
      report.sourceUrl ? h('div', null, h('dt', { text: t('source') }), h('dd', null,
        // a link only to a web address (never javascript: or data:, whatever was stored earlier)
        /^https?:\/\//i.test(report.sourceUrl)
          ? h('a', { href: report.sourceUrl, rel: 'noopener noreferrer external', text: report.sourceUrl })
          : h('span', { text: report.sourceUrl }))) : null));

    // findings list
    view.append(section('h-findings', `${t('findings')} (${findings.length})`,
      findings.length === 0 ? h('p', { class: 'ok', text: t('noFindings') }) : h('ol', { class: 'findings', id: 'findings-list' },
        findings.map((f) => h('li', { id: `finding-${f.n}`, class: 'sev-' + f.severity, data: { rule: f.rule } },
          h('span', { class: 'badge', text: t(f.severity) }), ' ', h('strong', { text: f.rule }), ' ', msg(f),
          f.acknowledgement ? h('div', { class: 'hint', text: t('acknowledged', f.acknowledgement) }) : null,
          f.cells.length ? h('div', { class: 'cells' }, t('cells'), ': ', f.cells.map((c) => h('button', {
            type: 'button', class: 'linkish', on: { click: () => focusCell(c) }, text: c }))) : null,
          (f.expected !== null && f.expected !== undefined) || (f.actual !== null && f.actual !== undefined)
            ? h('div', { class: 'hint' }, `${t('expectedValue')}: ${show(f.expected)} · ${t('actualValue')}: ${show(f.actual)}`) : null)))));

    // the three tables
    const cellsOf = (s) => cat.cells.filter((c) => c.section === s);
    const td = (c) => {
      const v = report.cells[c.key];
      const fs = byCell.get(c.key) || [];
      const worst = fs.some((f) => f.severity === 'ERROR') ? 'ERROR' : fs.length ? 'WARNING' : null;
      const tipId = fs.length ? 'tip-' + c.key.replace(/\./g, '-') : null;
      return h('td', {
        id: 'cell-' + c.key, class: ['num', c.total ? 'total' : '', worst ? 'flag-' + worst : ''].join(' ').trim(),
        tabindex: fs.length ? '0' : null, 'aria-describedby': tipId,
        data: { key: c.key, value: v === null || v === undefined ? '' : String(v), rules: fs.length ? fs.map((f) => f.rule).join(' ') : null },
      }, v === null || v === undefined ? '—' : fmtInt(v),
      fs.length ? h('sup', { class: 'marks', 'aria-hidden': 'true', text: fs.map((f) => f.n).join(',') }) : null,
      fs.length ? h('span', { class: 'tip', role: 'tooltip', id: tipId }, fs.map((f) => h('span', { class: 'tip-line' }, `[${f.n}] ${f.rule} ${msg(f)}`))) : null);
    };
    view.append(section('h-s2', t('s2'), ...sectionTwo(cellsOf(2), td)));
    view.append(section('h-s3', t('s3'), gridTable('table-s3', cellsOf(3), td)));
    view.append(section('h-s4', t('s4'), transposedTable('table-s4', cellsOf(4), td)));

    // narrative
    const textFindings = findings.filter((f) => f.rule.startsWith('TXT') && typeof f.actual === 'string' && f.actual.length);
    const located = new Set();
    const texts = Object.entries(report.texts || {}).sort(([a], [b]) => a.localeCompare(b));
    view.append(section('h-narrative', t('narrative'),
      texts.length === 0 ? h('p', { class: 'hint', text: t('noNarrative') }) : h('div', { class: 'narrative', id: 'narrative' },
        texts.map(([key, body]) => h('div', { class: 'text-section', data: { section: key } },
          body.split(/\n+/).map((para) => h('p', null, highlight(para, textFindings, located, msg)))))),
      textFindings.some((f) => !located.has(f.n))
        ? h('div', null, h('h3', { text: t('textFindingsElsewhere') }), h('ul', null, textFindings.filter((f) => !located.has(f.n))
          .map((f) => h('li', { class: 'sev-' + f.severity }, `[${f.n}] ${f.rule} ${msg(f)}`)))) : null));

    // history
    const label = labeller(cat);
    view.append(section('h-versions', t('versions'), h('div', { class: 'scroll' }, h('table', { class: 'data', id: 'versions' },
      h('thead', null, h('tr', null, [t('version'), t('status'), t('submittedAt'), t('submittedBy'), t('origin'), t('warnings'), t('changes')]
        .map((x) => h('th', { scope: 'col', text: x })))),
      h('tbody', null, (history ? history.versions : []).slice().reverse().map((v) => h('tr', { data: { version: String(v.version) } },
        h('th', { scope: 'row' }, h('a', { href: `/api/v1/units/${unitCode}/reports/${year}?version=${v.version}`, text: 'v' + v.version })),
        h('td', { text: t(v.status) }),
        h('td', { text: v.submittedAt.replace('T', ' ').replace(/\..*|Z$/, '') }),
        h('td', { text: v.submittedBy.name }),
        h('td', { text: t(v.origin) }),
        h('td', { class: 'num', text: String(v.warnings) }),
        h('td', null, v.version === 1 ? t('firstVersion') : h('ul', { class: 'changes' },
          v.changes.map((c) => h('li', { data: { cell: c.cell } }, label(c.cell), h('span', { class: 'code', text: ` ${c.cell}` }), `: ${fmtInt(c.old)} → ${fmtInt(c.new)}`)),
          v.changedTexts.length ? h('li', null, `${t('changedTexts')}: ${v.changedTexts.join(', ')}`) : null,
          v.changedFields.length ? h('li', null, `${t('changedFields')}: ${v.changedFields.join(', ')}`) : null)))))))));
    return view;
  }

  const show = (v) => (v === null || v === undefined ? '—' : typeof v === 'number' ? fmtInt(v) : String(v));

  function focusCell(key) {
    const el = document.getElementById('cell-' + key);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
    }
  }

  /** Wraps each text finding's quoted text in a <mark> carrying its message. */
  function highlight(text, textFindings, located, msg) {
    const hits = [];
    textFindings.forEach((f) => {
      let at = text.indexOf(f.actual);
      while (at >= 0) {
        if (!hits.some((x) => at < x.end && at + f.actual.length > x.start)) {
          hits.push({ start: at, end: at + f.actual.length, f });
          located.add(f.n);
        }
        at = text.indexOf(f.actual, at + f.actual.length);
      }
    });
    hits.sort((a, b) => a.start - b.start);
    const out = [];
    let pos = 0;
    hits.forEach((x) => {
      out.push(text.slice(pos, x.start));
      out.push(h('mark', { class: 'sev-' + x.f.severity, title: `${x.f.rule} ${msg(x.f)}`, tabindex: '0', data: { rule: x.f.rule } },
        text.slice(x.start, x.end), h('sup', { text: String(x.f.n) }), h('span', { class: 'sr-only', text: ` (${x.f.rule} ${msg(x.f)})` })));
      pos = x.end;
    });
    out.push(text.slice(pos));
    return out;
  }

  /** Multi-level column headers from '/'-separated labels, merging equal neighbours as the printed form does. */
  function headerRows(paths, corner) {
    const depth = Math.max(...paths.map((p) => p.length));
    const rows = [];
    for (let level = 0; level < depth; level++) {
      const tr = h('tr');
      if (level === 0 && corner) tr.append(corner(depth));
      for (let i = 0; i < paths.length;) {
        const p = paths[i];
        if (p.length <= level) { i++; continue; }
        if (p.length === level + 1) {
          tr.append(h('th', { scope: 'col', rowspan: depth - level > 1 ? depth - level : null, text: p[level] }));
          i++;
          continue;
        }
        let j = i;
        while (j < paths.length && paths[j].length > level + 1 && paths[j].slice(0, level + 1).join('/') === p.slice(0, level + 1).join('/')) j++;
        tr.append(h('th', { scope: 'colgroup', colspan: j - i > 1 ? j - i : null, text: p[level] }));
        i = j;
      }
      rows.push(tr);
    }
    return rows;
  }

  /** A table whose rows are the catalogue's row labels and columns its column labels (section 三). */
  function gridTable(id, cells, td, cornerText) {
    const rowKeys = [...new Set(cells.map((c) => c.rowLabel))];
    const colKeys = [...new Set(cells.map((c) => c.columnLabel))];
    const at = new Map(cells.map((c) => [c.rowLabel + '\u0000' + c.columnLabel, c]));
    const rowPaths = rowKeys.map((r) => r.split('/'));
    const rowDepth = Math.max(...rowPaths.map((p) => p.length));
    const head = headerRows(colKeys.map((c) => c.split('/')),
      (depth) => (cornerText
        ? h('th', { scope: 'col', class: 'corner', colspan: rowDepth > 1 ? rowDepth : null, rowspan: depth > 1 ? depth : null, text: cornerText })
        : h('td', { class: 'corner', colspan: rowDepth > 1 ? rowDepth : null, rowspan: depth > 1 ? depth : null })));
    const body = rowPaths.map((path, r) => {
      const tr = h('tr');
      for (let level = 0; level < path.length; level++) {
        const prefix = path.slice(0, level + 1).join('/');
        if (level < path.length - 1) {
          if (r > 0 && rowPaths[r - 1].length > level + 1 && rowPaths[r - 1].slice(0, level + 1).join('/') === prefix) continue;
          let span = 1;
          while (r + span < rowPaths.length && rowPaths[r + span].length > level + 1 && rowPaths[r + span].slice(0, level + 1).join('/') === prefix) span++;
          tr.append(h('th', { scope: 'rowgroup', rowspan: span > 1 ? span : null, text: path[level] }));
        } else {
          tr.append(h('th', { scope: 'row', colspan: rowDepth - level > 1 ? rowDepth - level : null, text: path[level] }));
        }
      }
      colKeys.forEach((col) => {
        const c = at.get(rowKeys[r] + '\u0000' + col);
        tr.append(c ? td(c) : h('td', { class: 'empty' }));
      });
      return tr;
    });
    return h('div', { class: 'scroll' }, h('table', { class: 'form', id }, h('thead', null, head), h('tbody', null, body)));
  }

  /** Section 二 as printed: one small table per article item (第二十条第（一）项 …). */
  function sectionTwo(cells, td) {
    const groups = new Map();
    cells.forEach((c) => {
      const [group, ...rest] = c.rowLabel.split('/');
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group).push(Object.assign({}, c, { rowLabel: rest.join('/') || group }));
    });
    return [...groups.entries()].map(([group, list], i) => h('div', { class: 'subtable' },
      h('h3', { text: group }),
      gridTable('table-s2-' + (i + 1), list, (c) => td(cells.find((x) => x.key === c.key)), t('infoContent'))));
  }

  /** Section 四 as printed: the groups side by side in the header, one row of values. */
  function transposedTable(id, cells, td) {
    const head = headerRows(cells.map((c) => [...c.rowLabel.split('/'), c.columnLabel]));
    return h('div', { class: 'scroll' }, h('table', { class: 'form', id },
      h('thead', null, head), h('tbody', null, h('tr', null, cells.map(td)))));
  }

  /** The report as a spreadsheet: one line per cell (key, row, column, unit, value), UTF-8 with BOM. */
  function reportCsv(report, cat) {
    const q = (s) => (/[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);
    const lines = [['key', '栏目', '项目', '单位', '数值'].join(',')];
    cat.cells.forEach((c) => {
      const v = report.cells[c.key];
      lines.push([c.key, c.rowLabel, c.columnLabel, c.unit, v === null || v === undefined ? '' : String(v)].map(q).join(','));
    });
    return new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  }

  // ---- findings view ------------------------------------------------------------------------------------
  let unitSort = { key: 'errors', desc: true };

  async function findingsView([code = '000000', yearText]) {
    const year = Number(yearText) || (await defaultYear());
    state = { region: code, year };
    setNav('findings');
    const [region, summary, cat] = await Promise.all([
      api(`/api/v1/regions/${code}`),
      api(`/api/v1/findings?region=${code}&year=${year}&size=500`),
      catalogue(formatOfYear(year)),
    ]);
    const ruleText = new Map(cat.rules.map((r) => [r.id, (lang === 'zh' ? r.messageZh : r.messageEn).replace(/\{[a-z]+\}/gi, '…')]));
    const view = h('div', { class: 'view', data: { view: 'findings', region: code, year: String(year) } });
    view.append(
      breadcrumbs([...region.ancestors, region], (c) => `#/findings/${c}/${year}`),
      h('div', { class: 'head' },
        h('h1', null, region.name, ' ', h('span', { class: 'sub', text: `${year}${lang === 'zh' ? '年度' : ''} ${t('findingsTitle')}` })),
        h('div', { class: 'tools' },
          yearSelect(year, yearsAround(year), (y) => { location.hash = `#/findings/${code}/${y}`; }),
          h('a', { class: 'button', href: `#/region/${code}/${year}`, text: t('regionOf') }),
          h('a', { class: 'button', href: `/api/v1/findings?region=${code}&year=${year}`, text: t('jsonLink') }))),
      h('dl', { class: 'stats card' },
        stat(t('reports'), fmtInt(summary.reports), { count: 'reports', value: summary.reports }),
        stat(t('reportsWithErrors'), fmtInt(summary.reportsWithErrors), { count: 'reportsWithErrors', value: summary.reportsWithErrors }),
        stat(t('reportsWithWarnings'), fmtInt(summary.reportsWithWarnings), { count: 'reportsWithWarnings', value: summary.reportsWithWarnings })));

    const rules = summary.rules;
    const box = h('div', { class: 'chart', id: 'chart-rules', role: 'img', 'aria-label': t('rulesMost') });
    box.style.height = Math.max(140, Math.min(rules.length, 15) * 26 + 50) + 'px';
    view.append(section('h-rules', t('rulesMost'),
      rules.length ? box : h('p', { class: 'ok', text: t('noFindings') }),
      rules.length ? h('div', { class: 'scroll' }, h('table', { class: 'data', id: 'rules' },
        h('thead', null, h('tr', null, [t('rule'), t('severity'), t('ruleMeaning'), t('reportCount'), t('findingCount')].map((x) => h('th', { scope: 'col', text: x })))),
        h('tbody', null, rules.map((r) => h('tr', { class: 'sev-' + r.severity, data: { rule: r.rule, severity: r.severity } },
          h('th', { scope: 'row', text: r.rule }),
          h('td', null, h('span', { class: 'badge', text: t(r.severity) })),
          h('td', { text: ruleText.get(r.rule) || '' }),
          h('td', { class: 'num', data: { value: r.reports }, text: fmtInt(r.reports) }),
          h('td', { class: 'num', data: { value: r.findings }, text: fmtInt(r.findings) })))))) : null));
    if (rules.length) {
      requestAnimationFrame(() => {
        const top = rules.slice(0, 15).reverse();
        chart(box, {
          grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: top.map((r) => r.rule) },
          series: [{ type: 'bar', name: t('reportCount'), label: { show: true, position: 'right' },
            data: top.map((r) => ({ value: r.reports, itemStyle: { color: r.severity === 'ERROR' ? PALETTE[1] : PALETTE[3] } })) }],
        });
      });
    }

    const units = summary.units.items;
    const table = h('table', { class: 'data sortable', id: 'units' });
    const columns = [
      ['unitName', t('unitName'), false], ['regionCode', t('regionCode'), false], ['unitKind', t('kind'), false],
      ['errors', t('errors'), true], ['warnings', t('warnings'), true], ['rules', t('rules'), false],
    ];
    const draw = () => {
      const { key, desc } = unitSort;
      const sorted = units.slice().sort((a, b) => {
        const x = key === 'rules' ? a.rules.length : a[key];
        const y = key === 'rules' ? b.rules.length : b[key];
        const c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
        return (desc ? -c : c) || a.unit.localeCompare(b.unit);
      });
      table.replaceChildren(
        h('caption', { class: 'sr-only', text: t('unitsWithFindings') }),
        h('thead', null, h('tr', null, columns.map(([k, label, num]) => h('th', {
          scope: 'col', class: num ? 'num' : null, 'aria-sort': k === key ? (desc ? 'descending' : 'ascending') : 'none',
        }, h('button', { type: 'button', class: 'sort', data: { sort: k }, 'aria-label': t('sortBy', label), on: { click: () => {
          unitSort = { key: k, desc: unitSort.key === k ? !unitSort.desc : num };
          draw();
          table.querySelector(`button[data-sort="${k}"]`).focus();
        } } }, label, h('span', { class: 'arrow', 'aria-hidden': 'true', text: k === key ? (desc ? '▼' : '▲') : '' })))))),
        h('tbody', null, sorted.map((u) => h('tr', { data: { unit: u.unit } },
          h('th', { scope: 'row' }, h('a', { href: `#/report/${u.unit}/${year}`, text: u.unitName })),
          h('td', { text: u.regionCode }),
          h('td', { text: t('kind.' + u.unitKind) }),
          h('td', { class: 'num', data: { value: u.errors }, text: String(u.errors) }),
          h('td', { class: 'num', data: { value: u.warnings }, text: String(u.warnings) }),
          h('td', { text: u.rules.join(' ') })))));
    };
    draw();
    view.append(section('h-units', t('unitsWithFindings'),
      units.length ? h('p', { class: 'hint', text: t('shownOf', fmtInt(units.length), fmtInt(summary.units.total)) }) : null,
      units.length ? h('div', { class: 'scroll' }, table) : h('p', { class: 'ok', text: t('noUnits') })));
    return view;
  }

  // ---- router -------------------------------------------------------------------------------------------
  const VIEWS = { region: regionView, report: reportView, findings: findingsView };
  let sequence = 0;

  async function render() {
    const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
    const name = VIEWS[parts[0]] ? parts[0] : 'region';
    const args = VIEWS[parts[0]] ? parts.slice(1) : [];
    const mine = ++sequence;
    const started = performance.now();
    main.setAttribute('aria-busy', 'true');
    delete main.dataset.ready;
    applyLanguage();
    let content;
    try {
      content = await VIEWS[name](args);
    } catch (e) {
      console.error(e);
      content = h('div', { class: 'card error', role: 'alert', id: 'error' },
        h('p', { text: e.status === 404 ? t('notFound', e.path) : t('error', e.message) }),
        h('button', { type: 'button', class: 'button', on: { click: render }, text: t('retry') }));
    }
    if (mine !== sequence) return;
    charts.forEach((c) => c.dispose());
    charts = [];
    main.replaceChildren(content);
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await painted();
    if (mine !== sequence) return;
    main.dataset.shownMs = String(Math.round(performance.now()));
    if (content.later) {
      try {
        await content.later();
      } catch (e) {
        console.error(e);
        content.append(h('p', { class: 'card error', role: 'alert', text: t('error', e.message) }));
      }
      await painted();
      if (mine !== sequence) return;
    }
    main.setAttribute('aria-busy', 'false');
    main.dataset.renderMs = String(Math.round(performance.now() - started));
    main.dataset.sinceNavigationMs = String(Math.round(performance.now()));
    main.dataset.ready = name;
  }

  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('nianbao.lang', lang);
    document.getElementById('lang').setAttribute('aria-pressed', String(lang === 'en'));
    render();
  });
  document.addEventListener('securitypolicyviolation', (e) => {
    document.body.dataset.cspViolations = String(Number(document.body.dataset.cspViolations || 0) + 1);
    console.error('CSP violation', e.violatedDirective, e.blockedURI);
  });
  window.addEventListener('hashchange', render);
  render();
})();
