// The diaban web page: plain JavaScript over the diaban WebAssembly package (./pkg, copied
// here by `cargo xtask wasm`). Everything runs in the browser; no data leaves the machine.
import { Dataset, demo, version } from './pkg/index.js';

const TEXT = {
  vi: {
    title: 'Kiểm tra phân công theo dõi địa bàn',
    subtitle: 'Quy định 1390-QĐ/TU của Tỉnh ủy Bắc Kạn — chạy hoàn toàn trên máy của bạn, không gửi dữ liệu đi đâu.',
    source: '1. Dữ liệu',
    useDemo: 'Dùng dữ liệu mẫu Bắc Kạn',
    chooseFiles: 'Hoặc chọn tệp: một tệp JSON, hoặc các tệp CSV (units.csv, assignments.csv…)',
    today: 'Ngày xét hạn (hôm nay)',
    at: 'Chỉ xét tại ngày (tùy chọn)',
    rerun: 'Kiểm tra lại',
    findings: '2. Kết quả kiểm tra',
    severity: 'Mức độ',
    code: 'Loại',
    all: 'Tất cả',
    error: 'Lỗi',
    warning: 'Cảnh báo',
    info: 'Thông tin',
    errorsN: 'lỗi',
    warningsN: 'cảnh báo',
    infosN: 'thông tin',
    subject: 'Đối tượng',
    dates: 'Thời gian',
    message: 'Nội dung',
    coverage: '3. Độ phủ các xã, phường, thị trấn',
    coverageAt: 'Tại ngày',
    timeline: '5. Lịch sử phân công của một đơn vị',
    yearReport: '4. Báo cáo năm: nhiệm vụ, đánh giá',
    year: 'Năm',
    onlyShortfalls: 'Chỉ hiện chưa đạt',
    reportSummary: (n, s) => `${n} phân công · ${s} chưa đạt`,
    unit: 'Đơn vị',
    monitor: 'Người theo dõi',
    duties: 'Nhiệm vụ (đã làm/yêu cầu)',
    evaluation: 'Đánh giá',
    shortfall: 'Chưa đạt',
    noReport: 'Không có phân công nào có nhiệm vụ trong năm này.',
    duty: { committee_meeting: 'họp cấp ủy', field_visit: 'xuống thôn', guidance: 'hướng dẫn', proposal: 'kiến nghị', cell_meeting: 'họp chi bộ', contribution: 'đóng góp' },
    evalStatus: { ok: 'đã có', late: 'nộp muộn', missing: 'thiếu', not_due: 'chưa đến hạn', not_required: 'không bắt buộc', none: '—' },
    unitCode: 'Mã đơn vị',
    show: 'Xem',
    footer: 'diaban — dữ liệu được xử lý ngay trong trình duyệt (WebAssembly).',
    loadedDemo: 'Đã nạp dữ liệu mẫu Bắc Kạn',
    loadedFiles: (names) => `Đã nạp ${names}`,
    records: (c) => `${c.units ?? 0} đơn vị, ${c.people ?? 0} dòng cán bộ, ${c.assignments ?? 0} phân công`,
    loadError: 'Không đọc được dữ liệu',
    mixedFiles: 'Hãy chọn một tệp JSON, hoặc các tệp CSV — không trộn lẫn.',
    counts: (s) => `${s.errors} lỗi · ${s.warnings} cảnh báo · ${s.infos} thông tin`,
    noFindings: 'Không phát hiện vấn đề nào.',
    shown: (n, m) => `Hiển thị ${n}/${m}`,
    covered: (c, t) => `${c}/${t} đơn vị có người theo dõi`,
    uncovered: 'Chưa có người theo dõi',
    district: 'Huyện/thành phố',
    noHistory: 'Chưa có phân công nào cho mã này.',
    since: 'từ',
    until: 'đến',
    ongoing: 'đến nay',
    decision: 'Quyết định',
    endReason: { term_ended: 'hết nhiệm kỳ', replaced: 'được thay thế', reorganized: 'sắp xếp đơn vị', revoked: 'thu hồi' },
    clickUnit: 'Bấm vào một đơn vị để xem lịch sử phân công.',
  },
  en: {
    title: 'Commune monitoring assignments check',
    subtitle: 'Regulation 1390-QĐ/TU of the Bắc Kạn Provincial Party Committee — runs entirely on your computer; no data is sent anywhere.',
    source: '1. Data',
    useDemo: 'Use the Bắc Kạn demo data',
    chooseFiles: 'Or choose files: one JSON file, or several CSV files (units.csv, assignments.csv…)',
    today: 'Deadlines judged on (today)',
    at: 'Only on day (optional)',
    rerun: 'Check again',
    findings: '2. Findings',
    severity: 'Severity',
    code: 'Code',
    all: 'All',
    error: 'Error',
    warning: 'Warning',
    info: 'Info',
    errorsN: 'errors',
    warningsN: 'warnings',
    infosN: 'infos',
    subject: 'Subject',
    dates: 'Dates',
    message: 'Message',
    coverage: '3. Coverage of commune-level units',
    coverageAt: 'On day',
    timeline: '5. Assignment history of one unit',
    yearReport: '4. Yearly report: duties and evaluations',
    year: 'Year',
    onlyShortfalls: 'Only shortfalls',
    reportSummary: (n, s) => `${n} assignments · ${s} with a shortfall`,
    unit: 'Unit',
    monitor: 'Monitor',
    duties: 'Duties (done/required)',
    evaluation: 'Evaluation',
    shortfall: 'Shortfall',
    noReport: 'No assignment with duties ran in this year.',
    duty: { committee_meeting: 'committee meetings', field_visit: 'village visits', guidance: 'guidance', proposal: 'proposals', cell_meeting: 'cell meetings', contribution: 'contributions' },
    evalStatus: { ok: 'done', late: 'late', missing: 'missing', not_due: 'not due yet', not_required: 'not required', none: '—' },
    unitCode: 'Unit code',
    show: 'Show',
    footer: 'diaban — the data is processed inside your browser (WebAssembly).',
    loadedDemo: 'Loaded the Bắc Kạn demo data',
    loadedFiles: (names) => `Loaded ${names}`,
    records: (c) => `${c.units ?? 0} units, ${c.people ?? 0} post rows, ${c.assignments ?? 0} assignments`,
    loadError: 'The data could not be read',
    mixedFiles: 'Choose one JSON file, or CSV files — not both.',
    counts: (s) => `${s.errors} errors · ${s.warnings} warnings · ${s.infos} infos`,
    noFindings: 'No problems found.',
    shown: (n, m) => `Showing ${n} of ${m}`,
    covered: (c, t) => `${c} of ${t} units have a monitor`,
    uncovered: 'No monitor',
    district: 'District',
    noHistory: 'No assignment was ever made on this code.',
    since: 'from',
    until: 'to',
    ongoing: 'ongoing',
    decision: 'Decision',
    endReason: { term_ended: 'term ended', replaced: 'replaced', reorganized: 'unit reorganised', revoked: 'revoked' },
    clickUnit: 'Click a unit to see its assignment history.',
  },
};

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const state = {
  lang: params.get('lang') === 'en' ? 'en' : localStorage.getItem('diaban.lang') === 'en' ? 'en' : 'vi',
  dataset: null,
  loaded: null, // { demo: true } or { names: [...] }
  report: null,
  unit: null,
};

function t(key, ...args) {
  const v = TEXT[state.lang][key];
  return typeof v === 'function' ? v(...args) : v;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function fmtDate(iso) {
  if (!iso) return '';
  if (state.lang === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function setStatus(text, isError = false) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', isError);
}

function describeError(e) {
  const where = ['file', 'line', 'column', 'field', 'path']
    .filter((k) => e && e[k] !== undefined)
    .map((k) => `${k}: ${e[k]}`)
    .join(', ');
  return `${t('loadError')} [${e?.code ?? 'error'}]${where ? ` (${where})` : ''}: ${e?.message ?? e}`;
}

// ---- language -------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const b of document.querySelectorAll('.lang button')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
  document.title = `diaban — ${t('title')}`;
}

function setLanguage(lang) {
  state.lang = lang;
  localStorage.setItem('diaban.lang', lang);
  applyLanguage();
  if (state.dataset) {
    showLoaded();
    runCheck();
    renderCoverage();
    renderReport();
    renderTimeline();
  }
}

// ---- loading --------------------------------------------------------------------------------

function setDataset(ds, loaded) {
  if (state.dataset) state.dataset.free();
  state.dataset = ds;
  state.loaded = loaded;
  state.unit = null;
  for (const id of ['results', 'coverage-card', 'report-card', 'timeline-card']) $(id).hidden = false;
  showLoaded();
  runCheck();
  renderCoverage();
  renderReport();
  renderTimeline();
}

function showLoaded() {
  if (!state.dataset) return;
  const what = state.loaded.demo ? t('loadedDemo') : t('loadedFiles', state.loaded.names.join(', '));
  setStatus(`${what} — ${t('records', state.dataset.counts())}.`);
}

async function loadFiles(fileList) {
  const files = [...fileList];
  if (files.length === 0) return;
  try {
    const json = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
    let ds;
    if (json.length === 1 && files.length === 1) {
      ds = Dataset.fromJson(await json[0].text());
    } else if (json.length === 0) {
      const texts = {};
      for (const f of files) texts[f.name] = await f.text();
      ds = Dataset.fromCsv(texts);
    } else {
      setStatus(t('mixedFiles'), true);
      return;
    }
    setDataset(ds, { names: files.map((f) => f.name) });
  } catch (e) {
    setStatus(describeError(e), true);
  }
}

// ---- findings -------------------------------------------------------------------------------

function runCheck() {
  if (!state.dataset) return;
  try {
    state.report = state.dataset.check({
      today: $('today').value || null,
      at: $('at').value || null,
      lang: state.lang,
    });
  } catch (e) {
    setStatus(describeError(e), true);
    return;
  }
  const s = state.report.summary;
  const summary = $('summary');
  summary.replaceChildren(
    el('span', { class: 'pill error', text: `${s.errors} ${t('errorsN')}` }),
    el('span', { class: 'pill warning', text: `${s.warnings} ${t('warningsN')}` }),
    el('span', { class: 'pill info', text: `${s.infos} ${t('infosN')}` }),
  );
  summary.dataset.total = String(state.report.findings.length);
  summary.setAttribute('aria-label', t('counts', s));

  const select = $('filter-code');
  const previous = select.value;
  const byCode = new Map();
  for (const f of state.report.findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  select.replaceChildren(
    el('option', { value: '', text: `${t('all')} (${state.report.findings.length})` }),
    ...[...byCode.entries()].sort().map(([code, n]) => el('option', { value: code, text: `${code} (${n})` })),
  );
  select.value = byCode.has(previous) ? previous : '';
  renderFindings();
}

function renderFindings() {
  const sev = $('filter-severity').value;
  const code = $('filter-code').value;
  const all = state.report?.findings ?? [];
  const shown = all.filter((f) => (!sev || f.severity === sev) && (!code || f.code === code));
  const body = $('findings');
  body.replaceChildren(
    ...shown.map((f) =>
      el(
        'tr',
        { class: f.severity, 'data-code': f.code, 'data-subject': f.subject.id },
        el('td', {}, el('span', { class: `badge ${f.severity}`, text: t(f.severity) })),
        el('td', {}, el('code', { text: f.code })),
        el(
          'td',
          {},
          f.subject.kind === 'unit'
            ? el('a', { href: '#timeline-card', text: f.subject.id, onclick: () => showUnit(f.subject.id) })
            : el('span', { text: f.subject.id }),
          el('div', { class: 'muted small', text: f.subject.kind }),
        ),
        el('td', { class: 'nowrap', text: f.from ? `${fmtDate(f.from)} – ${f.to ? fmtDate(f.to) : t('ongoing')}` : '' }),
        el('td', {}, f.message, f.article ? el('div', { class: 'muted small', text: f.article }) : null),
      ),
    ),
  );
  if (all.length === 0) body.replaceChildren(el('tr', {}, el('td', { colspan: '5', class: 'ok', text: t('noFindings') })));
  $('shown').textContent = t('shown', shown.length, all.length);
}

// ---- coverage -------------------------------------------------------------------------------

function renderCoverage() {
  const box = $('coverage');
  if (!state.dataset) return;
  const at = $('coverage-at').value || $('today').value || localToday();
  let cov;
  try {
    cov = state.dataset.coverage({ at });
  } catch (e) {
    box.replaceChildren(el('p', { class: 'status error', text: describeError(e) }));
    $('coverage-summary').textContent = '';
    return;
  }
  $('coverage-summary').textContent = t('covered', cov.covered, cov.rows.length);
  const groups = new Map();
  for (const row of cov.rows) {
    const key = row.district_code ?? '';
    if (!groups.has(key)) groups.set(key, { name: row.district_name ?? '—', rows: [] });
    groups.get(key).rows.push(row);
  }
  box.replaceChildren(
    ...[...groups.entries()].map(([code, g]) => {
      const covered = g.rows.filter((r) => r.covered).length;
      const missing = g.rows.length - covered;
      return el(
        'details',
        { class: missing ? 'district has-gaps' : 'district', open: true, 'data-district': code },
        el(
          'summary',
          {},
          el('strong', { text: g.name }),
          el('span', { class: 'muted', text: ` ${code} · ` }),
          el('span', { class: missing ? 'bad' : 'good', text: `${covered}/${g.rows.length}` }),
        ),
        el(
          'ul',
          { class: 'units' },
          g.rows.map((r) => {
            const who = r.assignments.map((a) => `${a.subject_name ?? a.subject_id}${a.subject_title ? ` — ${a.subject_title}` : ''}`).join('; ');
            return el(
              'li',
              { class: r.covered ? 'unit covered' : 'unit uncovered', 'data-code': r.code },
              el(
                'button',
                { type: 'button', title: r.covered ? who : t('uncovered'), onclick: () => showUnit(r.code) },
                el('span', { class: 'name', text: r.name }),
                el('span', { class: 'who', text: r.covered ? who : `⚠ ${t('uncovered')}` }),
              ),
            );
          }),
        ),
      );
    }),
  );
}

// ---- yearly report --------------------------------------------------------------------------

function fillYears() {
  const select = $('report-year');
  const today = $('today').value || localToday();
  const last = Number(today.slice(0, 4));
  const wanted = select.value || params.get('year') || '';
  const years = [];
  for (let y = last; y >= Math.min(2020, last); y -= 1) years.push(y);
  select.replaceChildren(...years.map((y) => el('option', { value: String(y), text: String(y) })));
  // Default: the last year whose evaluations are due (the year before today's).
  select.value = years.includes(Number(wanted)) ? wanted : String(last - 1);
}

function renderReport() {
  const box = $('report');
  if (!state.dataset) return;
  const year = Number($('report-year').value);
  let report;
  try {
    report = state.dataset.report({ year, today: $('today').value || null });
  } catch (e) {
    box.replaceChildren(el('p', { class: 'status error', text: describeError(e) }));
    $('report-summary').textContent = '';
    return;
  }
  const only = $('report-only-shortfalls').checked;
  const rows = report.assignments.filter((a) => a.district_code !== null);
  $('report-summary').textContent = t('reportSummary', rows.length, rows.filter((a) => a.shortfall).length);
  if (rows.length === 0) {
    box.replaceChildren(el('p', { class: 'muted', text: t('noReport') }));
    return;
  }
  const kinds = t('duty');
  const states = t('evalStatus');
  box.replaceChildren(
    ...report.districts.map((d) => {
      const mine = rows.filter((a) => a.district_code === d.id && (!only || a.shortfall));
      if (mine.length === 0) return null;
      return el(
        'details',
        { class: d.with_shortfall ? 'district has-gaps' : 'district', open: true, 'data-district': d.id },
        el(
          'summary',
          {},
          el('strong', { text: d.name }),
          el('span', { class: 'muted', text: ` ${d.id} · ` }),
          el('span', { class: d.with_shortfall ? 'bad' : 'good', text: `${d.assignments - d.with_shortfall}/${d.assignments}` }),
        ),
        el(
          'table',
          { class: 'report' },
          el(
            'thead',
            {},
            el('tr', {}, ...['unit', 'monitor', 'duties', 'evaluation'].map((k) => el('th', { text: t(k) }))),
          ),
          el(
            'tbody',
            {},
            mine.map((a) =>
              el(
                'tr',
                { class: a.shortfall ? 'shortfall' : 'met', 'data-assignment': a.assignment_id, 'data-target': a.target },
                el(
                  'td',
                  {},
                  el('a', { href: '#timeline-card', text: a.target_name ?? a.target, onclick: () => showUnit(a.target) }),
                  el('div', { class: 'muted small', text: `${fmtDate(a.period.from)} – ${fmtDate(a.period.to ?? '')}` }),
                ),
                el('td', {}, a.subject_name ?? a.subject_id, a.agency_name ? el('div', { class: 'muted small', text: a.agency_name }) : null),
                el(
                  'td',
                  {},
                  a.duties.map((u) =>
                    el('span', { class: u.met ? 'duty met' : 'duty unmet', title: u.duty, text: `${kinds[u.activity_kind] ?? u.activity_kind} ${u.done}/${u.required}` }),
                  ),
                ),
                el(
                  'td',
                  { class: ['missing', 'late'].includes(a.evaluation.status) || a.evaluation.rating === 'unfulfilled' ? 'bad' : '' },
                  `${states[a.evaluation.status] ?? a.evaluation.status}${a.evaluation.rating ? ` (${a.evaluation.rating})` : ''}`,
                  a.shortfall ? el('div', { class: 'badge error', text: `⚠ ${t('shortfall')}` }) : null,
                ),
              ),
            ),
          ),
        ),
      );
    }).filter((node) => node !== null),
  );
}

// ---- timeline -------------------------------------------------------------------------------

function showUnit(code) {
  $('unit').value = code;
  state.unit = code;
  renderTimeline();
  $('timeline-card').scrollIntoView({ block: 'start' });
}

function dayNumber(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}

function renderTimeline() {
  const box = $('timeline');
  const code = (state.unit ?? '').trim();
  if (!state.dataset || !code) {
    box.replaceChildren(el('p', { class: 'muted', text: t('clickUnit') }));
    return;
  }
  const history = state.dataset.history(code);
  if (history.length === 0) {
    box.replaceChildren(el('p', { class: 'muted', text: `${code}: ${t('noHistory')}` }));
    return;
  }
  const today = $('today').value || localToday();
  const start = Math.min(...history.map((a) => dayNumber(a.valid_from)));
  const end = Math.max(dayNumber(today), ...history.map((a) => dayNumber(a.valid_to ?? a.valid_from) + 1));
  const span = Math.max(1, end - start);
  const title = history.find((a) => a.target_name)?.target_name ?? code;
  box.replaceChildren(
    el('h3', { text: `${title} (${code})` }),
    el(
      'ol',
      { class: 'timeline' },
      history.map((a) => {
        const from = dayNumber(a.valid_from);
        const to = a.valid_to ? dayNumber(a.valid_to) + 1 : end;
        const left = ((from - start) / span) * 100;
        const width = Math.max(0.8, ((to - from) / span) * 100);
        const reason = a.end_reason ? ` (${t('endReason')[a.end_reason] ?? a.end_reason})` : '';
        return el(
          'li',
          { 'data-assignment': a.id },
          el(
            'div',
            { class: 'label' },
            el('strong', { text: a.subject_name ?? a.subject_id }),
            a.subject_title ? el('span', { class: 'muted', text: ` — ${a.subject_title}` }) : null,
            el('div', {
              class: 'small',
              text: `${t('since')} ${fmtDate(a.valid_from)} ${a.valid_to ? `${t('until')} ${fmtDate(a.valid_to)}` : t('ongoing')}${reason}` +
                `${a.decision_number ? ` · ${t('decision')} ${a.decision_number}` : ''} · ${a.scheme}`,
            }),
          ),
          el('div', { class: 'track' }, el('div', { class: a.valid_to ? 'bar ended' : 'bar open', style: `left:${left}%;width:${width}%` })),
        );
      }),
    ),
    el('div', { class: 'axis muted small' }, el('span', { text: fmtDate(history[0].valid_from) }), el('span', { text: fmtDate(today) })),
  );
}

// ---- wiring ---------------------------------------------------------------------------------

$('today').value = params.get('today') ?? localToday();
if (params.get('at')) $('at').value = params.get('at');
$('coverage-at').value = params.get('coverage') ?? $('today').value;
fillYears();
$('version').textContent = `v${version()}`;
for (const b of document.querySelectorAll('.lang button')) b.addEventListener('click', () => setLanguage(b.dataset.lang));
$('use-demo').addEventListener('click', () => setDataset(demo(), { demo: true }));
$('files').addEventListener('change', (e) => loadFiles(e.target.files));
$('rerun').addEventListener('click', runCheck);
$('today').addEventListener('change', () => { runCheck(); fillYears(); renderReport(); renderTimeline(); });
$('report-year').addEventListener('change', renderReport);
$('report-only-shortfalls').addEventListener('change', renderReport);
$('at').addEventListener('change', runCheck);
$('filter-severity').addEventListener('change', renderFindings);
$('filter-code').addEventListener('change', renderFindings);
$('coverage-at').addEventListener('change', renderCoverage);
$('show-unit').addEventListener('click', () => { state.unit = $('unit').value; renderTimeline(); });
$('unit').addEventListener('keydown', (e) => { if (e.key === 'Enter') { state.unit = $('unit').value; renderTimeline(); } });
applyLanguage();
setDataset(demo(), { demo: true });
document.body.dataset.ready = 'true';
