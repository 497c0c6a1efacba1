// The diaban web page: plain JavaScript over the diaban WebAssembly package (./pkg, copied
// here by `cargo xtask wasm`). Everything runs in the browser; no data leaves the machine.
import { Dataset, demo, findingCodes, parseDate, version } from './pkg/index.js';
// Reading and writing XLSX workbooks lives in a second module, loaded on first use.
import { loadOffice } from './pkg/office.js';

const TEXT = {
  vi: {
    title: 'Kiểm tra phân công theo dõi địa bàn',
    subtitle: 'Quy định 1390-QĐ/TU của Tỉnh ủy Bắc Kạn — chạy hoàn toàn trên máy của bạn, không gửi dữ liệu đi đâu.',
    source: '1. Dữ liệu',
    useDemo: 'Dùng dữ liệu mẫu Bắc Kạn',
    exportDataset: 'Lưu bộ dữ liệu thành tệp Excel (XLSX)',
    dropHere: 'Kéo thả tệp vào đây, hoặc',
    chooseFiles: 'Chọn tệp…',
    fileKinds: 'Một sổ Excel (.xlsx, mỗi bảng một trang tính), một tệp JSON, hoặc các tệp CSV (units.csv, assignments.csv…; phân cách bằng dấu phẩy, chấm phẩy hoặc tab).',
    today: 'Ngày xét hạn (hôm nay)',
    at: 'Chỉ xét tại ngày (tùy chọn)',
    rerun: 'Kiểm tra lại',
    findings: '2. Kết quả kiểm tra',
    exportXlsx: 'Tải về Excel (XLSX)',
    exportDocx: 'Tải về Word (DOCX)',
    print: 'In',
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
    subjectKind: 'Loại đối tượng',
    dates: 'Thời gian',
    from: 'Từ ngày',
    to: 'Đến ngày',
    message: 'Nội dung',
    basis: 'Căn cứ',
    coverage: '3. Độ phủ các xã, phường, thị trấn',
    coverageAt: 'Tại ngày',
    timeline: '5. Lịch sử phân công của một đơn vị',
    yearReport: '4. Báo cáo năm: nhiệm vụ, đánh giá',
    year: 'Năm',
    onlyShortfalls: 'Chỉ hiện chưa đạt',
    reportSummary: (n, s) => `${n} phân công · ${s} chưa đạt`,
    unit: 'Đơn vị',
    unitCodeShort: 'Mã đơn vị',
    monitor: 'Người theo dõi',
    agency: 'Cơ quan',
    duties: 'Nhiệm vụ (đã làm/yêu cầu)',
    evaluation: 'Đánh giá',
    rating: 'Xếp loại',
    submittedOn: 'Ngày gửi',
    due: 'Hạn gửi',
    shortfall: 'Chưa đạt',
    yes: 'Có',
    noReport: 'Không có phân công nào có nhiệm vụ trong năm này.',
    duty: { committee_meeting: 'họp cấp ủy', field_visit: 'xuống thôn', guidance: 'hướng dẫn', proposal: 'kiến nghị', cell_meeting: 'họp chi bộ', contribution: 'đóng góp' },
    evalStatus: { ok: 'đã có', late: 'nộp muộn', missing: 'thiếu', not_due: 'chưa đến hạn', not_required: 'không bắt buộc', none: '—' },
    ratings: { excellent: 'Hoàn thành xuất sắc nhiệm vụ', good: 'Hoàn thành tốt nhiệm vụ', fulfilled: 'Hoàn thành nhiệm vụ', unfulfilled: 'Không hoàn thành nhiệm vụ' },
    kinds: { unit: 'đơn vị', organization: 'tổ chức', person: 'cán bộ', term: 'nhiệm kỳ', assignment: 'phân công', activity: 'hoạt động', evaluation: 'đánh giá', scheme: 'hình thức phân công', reorganization: 'sắp xếp đơn vị', ntm_status: 'nông thôn mới', profile: 'quy định' },
    unitCode: 'Mã đơn vị',
    show: 'Xem',
    footer: 'diaban — dữ liệu được xử lý ngay trong trình duyệt (WebAssembly).',
    loadedDemo: 'Đã nạp dữ liệu mẫu Bắc Kạn',
    loadedFiles: (names) => `Đã nạp ${names}`,
    loading: (names) => `Đang đọc ${names}…`,
    loadingOffice: 'Đang tải bộ đọc/ghi tệp Excel (chỉ lần đầu)…',
    officeMissing: 'Không tải được bộ đọc/ghi tệp Excel (thư mục pkg/office/ bên cạnh trang). Hãy chép đủ thư mục pkg/ khi đưa trang lên máy chủ, rồi thử lại; các tệp CSV và JSON vẫn đọc được.',
    records: (c) => `${c.units ?? 0} đơn vị, ${c.people ?? 0} dòng cán bộ, ${c.assignments ?? 0} phân công`,
    loadError: 'Không đọc được dữ liệu',
    mixedFiles: 'Hãy chọn một sổ Excel (.xlsx), hoặc một tệp JSON, hoặc các tệp CSV — không trộn lẫn các loại.',
    unknownKind: (names) => `Không nhận ra loại tệp: ${names}. Chỉ đọc được tệp .xlsx, .json và .csv.`,
    notUtf8: (name) => `Tệp ${name} không phải văn bản UTF-8 (có thể được lưu theo bảng mã Windows-1258). Hãy mở tệp trong Excel và lưu lại bằng «CSV UTF-8 (Comma delimited)».`,
    where: { file: 'tệp', sheet: 'trang tính', cell: 'ô', line: 'dòng', column: 'cột', field: 'trường', path: 'vị trí' },
    fixes: {
      json_syntax: 'Tệp JSON viết sai cú pháp: hãy kiểm tra dấu ngoặc, dấu phẩy và dấu nháy tại vị trí đã nêu.',
      csv_syntax: 'Tệp CSV sai cấu trúc (dấu nháy lẻ, số cột không khớp với dòng tiêu đề, hoặc không phải UTF-8): hãy sửa dòng đã nêu.',
      unknown_field: 'Có cột (hoặc tệp, trang tính) không thuộc mẫu dữ liệu: hãy sửa tên cho đúng mẫu hoặc xóa đi.',
      missing_field: 'Thiếu một cột hoặc một ô bắt buộc: hãy bổ sung.',
      invalid_date: 'Ngày không hợp lệ: hãy viết ngày/tháng/năm (ví dụ 01/10/2024) hoặc năm-tháng-ngày (2024-10-01), và là một ngày có thật.',
      invalid_value: 'Giá trị không hợp lệ: hãy dùng một trong các giá trị được chấp nhận.',
      limit_exceeded: 'Dữ liệu vượt quá giới hạn cho phép (kích thước hoặc số dòng): hãy tách nhỏ hoặc kiểm tra lại tệp.',
      xlsx_syntax: 'Không phải sổ Excel đọc được (.xlsx): hãy mở bằng Excel và lưu lại dạng «Sổ làm việc Excel (.xlsx)».',
      invalid_argument: 'Giá trị nhập vào không hợp lệ.',
      unsupported: 'Trình duyệt chưa tải được bộ đọc tệp Excel.',
      internal: 'Lỗi nội bộ của chương trình (xin báo lại cho người phát triển).',
    },
    detail: 'Chi tiết',
    badDate: (text) => `«${text}» không phải là một ngày: hãy viết ngày/tháng/năm, ví dụ 01/10/2024.`,
    counts: (s) => `${s.errors} lỗi · ${s.warnings} cảnh báo · ${s.infos} thông tin`,
    noFindings: 'Không phát hiện vấn đề nào.',
    shown: (n, m) => `Hiển thị ${n}/${m}`,
    covered: (c, t) => `${c}/${t} đơn vị có người theo dõi`,
    uncovered: 'Chưa có người theo dõi',
    district: 'Huyện/thành phố',
    districtTotals: 'Tổng hợp theo huyện',
    assignmentsN: 'Số phân công',
    evaluationsMissing: 'Thiếu đánh giá',
    noHistory: 'Chưa có phân công nào cho mã này.',
    since: 'từ',
    until: 'đến',
    ongoing: 'đến nay',
    decision: 'Quyết định',
    endReason: { term_ended: 'hết nhiệm kỳ', replaced: 'được thay thế', reorganized: 'sắp xếp đơn vị', revoked: 'thu hồi' },
    clickUnit: 'Bấm vào một đơn vị để xem lịch sử phân công.',
    printContext: (today, at) => `Ngày xét hạn: ${today}${at ? ` · chỉ xét tại ngày ${at}` : ''} · In ngày ${fmtDate(localToday())}`,
    sheetFindings: 'Kết quả kiểm tra',
    sheetReport: (y) => `Báo cáo năm ${y}`,
    findingsTitle: (today, s) => `Kết quả kiểm tra phân công theo dõi địa bàn — ngày xét hạn ${today}: ${s.errors} lỗi, ${s.warnings} cảnh báo, ${s.infos} thông tin`,
    reportTitle: (y, today) => `Báo cáo năm ${y}: nhiệm vụ và đánh giá của các phân công theo dõi địa bàn (tính đến ngày ${today})`,
    exportName: { findings: 'ket-qua-kiem-tra', report: 'bao-cao-nam', dataset: 'bo-du-lieu' },
    exported: (name) => `Đã tạo tệp ${name}.`,
    exportError: 'Không tạo được tệp',
  },
  en: {
    title: 'Commune monitoring assignments check',
    subtitle: 'Regulation 1390-QĐ/TU of the Bắc Kạn Provincial Party Committee — runs entirely on your computer; no data is sent anywhere.',
    source: '1. Data',
    useDemo: 'Use the Bắc Kạn demo data',
    exportDataset: 'Save the dataset as an Excel workbook (XLSX)',
    dropHere: 'Drop files here, or',
    chooseFiles: 'Choose files…',
    fileKinds: 'One Excel workbook (.xlsx, one sheet per table), one JSON file, or several CSV files (units.csv, assignments.csv…; separated by commas, semicolons or tabs).',
    today: 'Deadlines judged on (today)',
    at: 'Only on day (optional)',
    rerun: 'Check again',
    findings: '2. Findings',
    exportXlsx: 'Download as Excel (XLSX)',
    exportDocx: 'Download as Word (DOCX, in Vietnamese)',
    print: 'Print',
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
    subjectKind: 'Subject kind',
    dates: 'Dates',
    from: 'From',
    to: 'To',
    message: 'Message',
    basis: 'Basis',
    coverage: '3. Coverage of commune-level units',
    coverageAt: 'On day',
    timeline: '5. Assignment history of one unit',
    yearReport: '4. Yearly report: duties and evaluations',
    year: 'Year',
    onlyShortfalls: 'Only shortfalls',
    reportSummary: (n, s) => `${n} assignments · ${s} with a shortfall`,
    unit: 'Unit',
    unitCodeShort: 'Unit code',
    monitor: 'Monitor',
    agency: 'Agency',
    duties: 'Duties (done/required)',
    evaluation: 'Evaluation',
    rating: 'Rating',
    submittedOn: 'Submitted on',
    due: 'Due',
    shortfall: 'Shortfall',
    yes: 'Yes',
    noReport: 'No assignment with duties ran in this year.',
    duty: { committee_meeting: 'committee meetings', field_visit: 'village visits', guidance: 'guidance', proposal: 'proposals', cell_meeting: 'cell meetings', contribution: 'contributions' },
    evalStatus: { ok: 'done', late: 'late', missing: 'missing', not_due: 'not due yet', not_required: 'not required', none: '—' },
    ratings: { excellent: 'excellent', good: 'good', fulfilled: 'fulfilled', unfulfilled: 'unfulfilled' },
    kinds: { unit: 'unit', organization: 'organisation', person: 'person', term: 'term', assignment: 'assignment', activity: 'activity', evaluation: 'evaluation', scheme: 'scheme', reorganization: 'reorganisation', ntm_status: 'new-countryside status', profile: 'profile' },
    unitCode: 'Unit code',
    show: 'Show',
    footer: 'diaban — the data is processed inside your browser (WebAssembly).',
    loadedDemo: 'Loaded the Bắc Kạn demo data',
    loadedFiles: (names) => `Loaded ${names}`,
    loading: (names) => `Reading ${names}…`,
    loadingOffice: 'Loading the Excel reader/writer (first time only)…',
    officeMissing: 'The Excel reader/writer (the folder pkg/office/ beside the page) could not be loaded. Copy the whole pkg/ folder with the page to the server and try again; CSV and JSON files still open.',
    records: (c) => `${c.units ?? 0} units, ${c.people ?? 0} post rows, ${c.assignments ?? 0} assignments`,
    loadError: 'The data could not be read',
    mixedFiles: 'Choose one Excel workbook (.xlsx), or one JSON file, or CSV files — not a mix.',
    unknownKind: (names) => `Unknown kind of file: ${names}. Only .xlsx, .json and .csv files are read.`,
    notUtf8: (name) => `${name} is not UTF-8 text (perhaps saved in the Windows-1258 code page). Open it in Excel and save it again as "CSV UTF-8 (Comma delimited)".`,
    where: { file: 'file', sheet: 'sheet', cell: 'cell', line: 'line', column: 'column', field: 'field', path: 'at' },
    fixes: {
      json_syntax: 'The JSON file is malformed: check the brackets, commas and quotes at the place given.',
      csv_syntax: 'The CSV file is malformed (a stray quote, a row whose cells do not match the header, or text that is not UTF-8): fix that line.',
      unknown_field: 'A column (or file, or sheet) is not part of the data format: correct its name or remove it.',
      missing_field: 'A required column or cell is missing: add it.',
      invalid_date: 'Not a valid date: write day/month/year (e.g. 01/10/2024) or year-month-day (2024-10-01), and a day that exists.',
      invalid_value: 'Not an accepted value: use one of the accepted values.',
      limit_exceeded: 'The data is over a limit (size or rows): split it or check the file.',
      xlsx_syntax: 'Not a readable Excel workbook (.xlsx): open it in Excel and save it as "Excel Workbook (.xlsx)".',
      invalid_argument: 'A value typed in is not valid.',
      unsupported: 'The browser could not load the Excel reader.',
      internal: 'Internal error of the program (please report it).',
    },
    detail: 'Details',
    badDate: (text) => `"${text}" is not a date: write day/month/year, e.g. 01/10/2024.`,
    counts: (s) => `${s.errors} errors · ${s.warnings} warnings · ${s.infos} infos`,
    noFindings: 'No problems found.',
    shown: (n, m) => `Showing ${n} of ${m}`,
    covered: (c, t) => `${c} of ${t} units have a monitor`,
    uncovered: 'No monitor',
    district: 'District',
    districtTotals: 'Totals by district',
    assignmentsN: 'Assignments',
    evaluationsMissing: 'Evaluations missing',
    noHistory: 'No assignment was ever made on this code.',
    since: 'from',
    until: 'to',
    ongoing: 'ongoing',
    decision: 'Decision',
    endReason: { term_ended: 'term ended', replaced: 'replaced', reorganized: 'unit reorganised', revoked: 'revoked' },
    clickUnit: 'Click a unit to see its assignment history.',
    printContext: (today, at) => `Deadlines judged on ${today}${at ? ` · only on day ${at}` : ''} · printed ${fmtDate(localToday())}`,
    sheetFindings: 'Findings',
    sheetReport: (y) => `Yearly report ${y}`,
    findingsTitle: (today, s) => `Commune monitoring check — deadlines judged on ${today}: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos`,
    reportTitle: (y, today) => `Yearly report ${y}: duties and evaluations of the monitoring assignments (as of ${today})`,
    exportName: { findings: 'findings', report: 'yearly-report', dataset: 'dataset' },
    exported: (name) => `Wrote ${name}.`,
    exportError: 'The file could not be written',
  },
};

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const state = {
  // The URL's language first, then the one chosen last time on this computer; Vietnamese by default.
  lang: ['vi', 'en'].includes(params.get('lang')) ? params.get('lang') : localStorage.getItem('diaban.lang') === 'en' ? 'en' : 'vi',
  dataset: null,
  loaded: null, // { demo: true } or { names: [...] }
  report: null, // the last check's result
  yearReport: null, // the last yearly report shown
  unit: null,
  // The days of the three date fields, as ISO days (null: blank); the fields show dd/mm/yyyy.
  days: { today: null, at: null, 'coverage-at': null },
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

/** Every date the page shows is dd/mm/yyyy, in both languages (ISO stays in files and JSON). */
function fmtDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function setStatus(text, isError = false) {
  const s = $('status');
  s.replaceChildren(text);
  s.classList.toggle('error', isError);
}

/**
 * What went wrong and what to fix, in the page's language: a sentence for the error's code,
 * where (file, sheet and cell, line, column, field), and the library's own message as detail.
 */
function describeError(e) {
  const w = t('where');
  const has = (k) => e && e[k] !== undefined && e[k] !== null;
  const parts = [];
  if (has('file')) parts.push(`${w.file} ${e.file}`);
  // A cell as Excel names it (assignments!E17); a whole row of a sheet as its row number.
  if (has('sheet') && has('cell') && /^\d+$/.test(String(e.cell))) parts.push(`${w.sheet} ${e.sheet}, ${w.line} ${e.cell}`);
  else if (has('sheet') && has('cell')) parts.push(`${w.cell} ${e.sheet}!${e.cell}`);
  else if (has('sheet')) parts.push(`${w.sheet} ${e.sheet}`);
  for (const k of ['line', 'column', 'path', 'field']) if (has(k)) parts.push(`${w[k]} ${e[k]}`);
  const where = parts.join(', ');
  const code = e?.code ?? 'internal';
  const fix = e?.userText ?? t('fixes')[code] ?? '';
  // The library's message in the page's language (it carries both; `message` is Vietnamese).
  const localized = state.lang === 'vi' ? e?.messageVi : e?.messageEn;
  const lines = [`${t('loadError')}${where ? ` (${where})` : ''}: ${fix}`];
  if (!e?.userText) lines.push(`${t('detail')} [${code}]: ${localized ?? e?.message ?? e}`);
  return lines.join('\n');
}

/** An error the page itself raises about the files given (no library code). */
function userError(text, properties = {}) {
  return Object.assign(new Error(text), { code: 'invalid_argument', userText: text }, properties);
}

// ---- dates typed by a person ----------------------------------------------------------------

/**
 * Reads a date field through the library's rule (dd/mm/yyyy or ISO): the field then shows the
 * day as dd/mm/yyyy and `state.days` keeps it as ISO. A text that is no day marks the field
 * and keeps the last good day. Returns whether the field holds a day (or is blank).
 */
function readDay(id) {
  const input = $(id);
  const text = input.value.trim();
  let iso;
  try {
    iso = parseDate(text, id);
  } catch {
    input.setAttribute('aria-invalid', 'true');
    input.title = t('badDate', text);
    setStatus(t('badDate', text), true);
    return false;
  }
  if (input.getAttribute('aria-invalid') === 'true') {
    input.removeAttribute('aria-invalid');
    input.title = '';
    // The message about this field is no longer true.
    if ($('status').classList.contains('error')) showLoaded();
  }
  state.days[id] = iso;
  input.value = fmtDate(iso);
  return true;
}

function setDay(id, text) {
  $(id).value = text ?? '';
  return readDay(id);
}

const judgedDay = () => state.days.today ?? localToday();

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

const RESULT_CARDS = ['results', 'coverage-card', 'report-card', 'timeline-card'];

function setDataset(ds, loaded) {
  if (state.dataset) state.dataset.free();
  state.dataset = ds;
  state.loaded = loaded;
  state.unit = null;
  for (const id of RESULT_CARDS) $(id).hidden = false;
  $('export-dataset').disabled = false;
  showLoaded();
  runCheck();
  renderCoverage();
  renderReport();
  renderTimeline();
}

/** Forgets the dataset and hides every result: nothing of an earlier dataset stays on screen. */
function clearResults() {
  if (state.dataset) state.dataset.free();
  state.dataset = null;
  state.loaded = null;
  state.report = null;
  state.yearReport = null;
  state.unit = null;
  for (const id of RESULT_CARDS) $(id).hidden = true;
  for (const id of ['summary', 'findings', 'coverage', 'report', 'timeline']) $(id).replaceChildren();
  for (const id of ['shown', 'coverage-summary', 'report-summary']) $(id).textContent = '';
  $('export-dataset').disabled = true;
  document.body.dataset.loaded = 'none';
}

function showLoaded() {
  if (!state.dataset) return;
  const what = state.loaded.demo ? t('loadedDemo') : t('loadedFiles', state.loaded.names.join(', '));
  setStatus(`${what} — ${t('records', state.dataset.counts())}.`);
  document.body.dataset.loaded = state.loaded.demo ? 'demo' : 'files';
}

function kindOf(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  return null;
}

/** A text file's content: UTF-8 (a byte-order mark is dropped); other encodings are an error. */
async function readText(file) {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw userError(t('notUtf8', file.name), { code: 'csv_syntax', file: file.name });
  }
}

/** The office module (workbooks), fetched on first use; a failure says which files are missing. */
async function office() {
  try {
    return await loadOffice();
  } catch (e) {
    throw userError(t('officeMissing'), { code: 'unsupported', detail: e?.message });
  }
}

async function loadFiles(fileList) {
  const files = [...fileList];
  if (files.length === 0) return;
  const names = files.map((f) => f.name);
  setStatus(t('loading', names.join(', ')));
  document.body.dataset.loaded = 'loading';
  try {
    const kinds = files.map(kindOf);
    const unknown = files.filter((_, i) => kinds[i] === null).map((f) => f.name);
    if (unknown.length > 0) throw userError(t('unknownKind', unknown.join(', ')));
    let ds;
    if (files.length === 1 && kinds[0] === 'xlsx') {
      setStatus(t('loadingOffice'));
      const bytes = new Uint8Array(await files[0].arrayBuffer());
      const mod = await office();
      ds = mod.Dataset.fromXlsx(bytes, files[0].name);
    } else if (files.length === 1 && kinds[0] === 'json') {
      ds = Dataset.fromJson(await readText(files[0]));
    } else if (kinds.every((k) => k === 'csv')) {
      const texts = {};
      for (const f of files) texts[f.name] = await readText(f);
      ds = Dataset.fromCsv(texts);
    } else {
      throw userError(t('mixedFiles'));
    }
    setDataset(ds, { names });
  } catch (e) {
    clearResults();
    setStatus(describeError(e), true);
  }
}

function useDemo() {
  // The file field forgets what was chosen before: the demo is what is loaded now.
  $('files').value = '';
  setDataset(demo(), { demo: true });
}

// ---- findings -------------------------------------------------------------------------------

function runCheck() {
  if (!state.dataset) return;
  try {
    state.report = state.dataset.check({
      today: state.days.today,
      at: state.days.at,
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
    ...[...byCode.entries()]
      .map(([code, n]) => [codeTitle(code), code, n])
      .sort(([a], [b]) => a.localeCompare(b, state.lang))
      .map(([title, code, n]) => el('option', { value: code, text: `${title} (${n}) [${code}]` })),
  );
  select.value = byCode.has(previous) ? previous : '';
  renderFindings();
  renderPrintContext();
}

function shownFindings() {
  const sev = $('filter-severity').value;
  const code = $('filter-code').value;
  return (state.report?.findings ?? []).filter((f) => (!sev || f.severity === sev) && (!code || f.code === code));
}

/** A finding code's title in the page's language, from the library's registry. */
const codeTitles = new Map();
function codeTitle(code) {
  if (!codeTitles.has(state.lang)) {
    codeTitles.set(state.lang, new Map(findingCodes(state.lang).map((c) => [c.code, c.title])));
  }
  return codeTitles.get(state.lang).get(code) ?? code;
}

const basisText = (f) => f.article ?? (state.lang === 'vi' ? f.basis?.topic_vi : f.basis?.topic_en) ?? '';

function renderFindings() {
  const all = state.report?.findings ?? [];
  const shown = shownFindings();
  const body = $('findings');
  body.replaceChildren(
    ...shown.map((f) =>
      el(
        'tr',
        { class: f.severity, 'data-code': f.code, 'data-subject': f.subject.id },
        el('td', {}, el('span', { class: `badge ${f.severity}`, text: t(f.severity) })),
        el('td', {}, codeTitle(f.code), el('div', { class: 'muted small' }, el('code', { text: `[${f.code}]` }))),
        el(
          'td',
          {},
          f.subject.kind === 'unit'
            ? el('a', { href: '#timeline-card', text: `[${f.subject.id}]`, onclick: () => showUnit(f.subject.id) })
            : el('span', { text: `[${f.subject.id}]` }),
          el('div', { class: 'muted small', text: t('kinds')[f.subject.kind] ?? f.subject.kind }),
        ),
        el('td', { class: 'nowrap', text: f.from ? `${fmtDate(f.from)} – ${f.to ? fmtDate(f.to) : t('ongoing')}` : '' }),
        el('td', {}, f.message, basisText(f) ? el('div', { class: 'muted small', text: basisText(f) }) : null),
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
  const at = state.days['coverage-at'] ?? judgedDay();
  let cov;
  try {
    cov = state.dataset.coverage({ at });
  } catch (e) {
    box.replaceChildren(el('p', { class: 'status error', text: describeError(e) }));
    $('coverage-summary').textContent = '';
    return;
  }
  $('coverage-summary').textContent = t('covered', cov.covered, cov.rows.length);
  $('coverage-at-print').textContent = `${t('coverageAt')} ${fmtDate(at)}`;
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
  const last = Number(judgedDay().slice(0, 4));
  const wanted = select.value || params.get('year') || '';
  const years = [];
  for (let y = last; y >= Math.min(2020, last); y -= 1) years.push(y);
  select.replaceChildren(...years.map((y) => el('option', { value: String(y), text: String(y) })));
  // Default: the last year whose evaluations are due (the year before today's).
  select.value = years.includes(Number(wanted)) ? wanted : String(last - 1);
}

const dutiesText = (a) => a.duties.map((u) => `${t('duty')[u.activity_kind] ?? u.activity_kind} ${u.done}/${u.required}`).join('; ');
const ratingText = (r) => (r ? t('ratings')[r] ?? r : '');

function renderReport() {
  const box = $('report');
  if (!state.dataset) return;
  const year = Number($('report-year').value);
  let report;
  try {
    report = state.dataset.report({ year, today: state.days.today });
  } catch (e) {
    state.yearReport = null;
    box.replaceChildren(el('p', { class: 'status error', text: describeError(e) }));
    $('report-summary').textContent = '';
    return;
  }
  state.yearReport = report;
  $('report-year-print').textContent = `${t('year')} ${year}`;
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
                  `${states[a.evaluation.status] ?? a.evaluation.status}${a.evaluation.rating ? ` (${ratingText(a.evaluation.rating)})` : ''}`,
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
  const today = judgedDay();
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
                `${a.decision_number ? ` · ${t('decision')} ${a.decision_number}` : ''}`,
            }),
          ),
          el('div', { class: 'track' }, el('div', { class: a.valid_to ? 'bar ended' : 'bar open', style: `left:${left}%;width:${width}%` })),
        );
      }),
    ),
    el('div', { class: 'axis muted small' }, el('span', { text: fmtDate(history[0].valid_from) }), el('span', { text: fmtDate(today) })),
  );
}

// ---- export ---------------------------------------------------------------------------------

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Offers bytes as a file to save (the browser's download). */
function download(bytes, name) {
  const blob = new Blob([bytes], { type: MIME[name.split('.').pop()] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  setStatus(t('exported', name));
}

const fileDay = () => judgedDay();

/** The findings shown (filters applied) as one sheet, in the page's language and words. */
function findingsTables() {
  const s = state.report.summary;
  return {
    sheets: [
      {
        name: t('sheetFindings'),
        title: t('findingsTitle', fmtDate(judgedDay()), s),
        columns: [
          { header: t('severity') },
          { header: t('code') },
          { header: t('subject') },
          { header: t('subjectKind') },
          { header: t('from'), type: 'date' },
          { header: t('to'), type: 'date' },
          { header: t('message') },
          { header: t('basis') },
        ],
        rows: shownFindings().map((f) => [
          t(f.severity),
          f.code,
          f.subject.id,
          t('kinds')[f.subject.kind] ?? f.subject.kind,
          f.from,
          f.from && !f.to ? t('ongoing') : f.to,
          f.message,
          basisText(f),
        ]),
      },
    ],
  };
}

/** The yearly report shown: one row per assignment (all of them), and the district totals. */
function reportTables() {
  const r = state.yearReport;
  const rows = r.assignments.filter((a) => a.district_code !== null);
  return {
    sheets: [
      {
        name: t('sheetReport', r.year),
        title: t('reportTitle', r.year, fmtDate(r.today ?? judgedDay())),
        columns: [
          { header: t('district') },
          { header: t('unit') },
          { header: t('unitCodeShort') },
          { header: t('monitor') },
          { header: t('agency') },
          { header: t('from'), type: 'date' },
          { header: t('to'), type: 'date' },
          { header: t('duties') },
          { header: t('evaluation') },
          { header: t('rating') },
          { header: t('submittedOn'), type: 'date' },
          { header: t('due'), type: 'date' },
          { header: t('shortfall') },
        ],
        rows: rows.map((a) => [
          a.district_name ?? a.district_code,
          a.target_name ?? a.target,
          a.target,
          a.subject_name ?? a.subject_id,
          a.agency_name,
          a.period.from,
          a.period.to,
          dutiesText(a),
          t('evalStatus')[a.evaluation.status] ?? a.evaluation.status,
          ratingText(a.evaluation.rating),
          a.evaluation.submitted_on,
          a.evaluation.due,
          a.shortfall ? t('yes') : null,
        ]),
      },
      {
        name: t('districtTotals'),
        columns: [
          { header: t('district') },
          { header: t('unitCodeShort') },
          { header: t('assignmentsN'), type: 'number' },
          { header: t('shortfall'), type: 'number' },
          { header: t('evaluationsMissing'), type: 'number' },
        ],
        rows: r.districts.map((d) => [d.name, d.id, d.assignments, d.with_shortfall, d.evaluations_missing]),
      },
    ],
  };
}

async function exportXlsx(what) {
  if (!state.dataset) return;
  try {
    setStatus(t('loadingOffice'));
    const mod = await office();
    let bytes;
    let name;
    if (what === 'findings') {
      bytes = mod.writeTables(findingsTables());
      name = `${t('exportName').findings}-${fileDay()}.xlsx`;
    } else if (what === 'report') {
      bytes = mod.writeTables(reportTables());
      name = `${t('exportName').report}-${state.yearReport.year}.xlsx`;
    } else {
      bytes = withOfficeCopy(mod, (copy) => copy.toXlsx());
      name = `${t('exportName').dataset}.xlsx`;
    }
    download(bytes, name);
  } catch (e) {
    setStatus(`${t('exportError')}: ${describeError(e)}`, true);
  }
}

/** Runs `f` on the dataset in the office module: it moves there as JSON (lossless), unless it came from there. */
function withOfficeCopy(mod, f) {
  const copy = state.dataset instanceof mod.Dataset ? state.dataset : mod.Dataset.fromJson(state.dataset.toJson());
  try {
    return f(copy);
  } finally {
    if (copy !== state.dataset) copy.free();
  }
}

/**
 * The yearly report (or the coverage list of the day shown) as a printable Word document, as
 * `diaban report --out` writes it: always in Vietnamese, the language of the Party's documents,
 * so the file is named in Vietnamese too.
 */
async function exportDocx(what) {
  if (!state.dataset) return;
  try {
    setStatus(t('loadingOffice'));
    const mod = await office();
    let bytes;
    let name;
    if (what === 'report') {
      if (!state.yearReport) return;
      const year = state.yearReport.year;
      bytes = withOfficeCopy(mod, (copy) => copy.reportDocx({ year, today: state.days.today }));
      name = `bao-cao-nam-${year}.docx`;
    } else {
      const at = state.days['coverage-at'] ?? judgedDay();
      bytes = withOfficeCopy(mod, (copy) => copy.coverageDocx({ at }));
      name = `danh-sach-theo-doi-dia-ban-${at}.docx`;
    }
    download(bytes, name);
  } catch (e) {
    setStatus(`${t('exportError')}: ${describeError(e)}`, true);
  }
}

// ---- print ----------------------------------------------------------------------------------

function renderPrintContext() {
  $('print-context').textContent = t('printContext', fmtDate(judgedDay()), fmtDate(state.days.at));
}

/** Prints one view: the other cards are left off the paper while the print dialog is open. */
function printView(id) {
  document.body.dataset.print = id;
  for (const card of document.querySelectorAll('main > section')) card.classList.toggle('print-target', card.id === id);
  try {
    window.print();
  } finally {
    endPrint();
  }
}

function endPrint() {
  delete document.body.dataset.print;
  for (const card of document.querySelectorAll('main > section.print-target')) card.classList.remove('print-target');
}

// Closed district groups would print as one line: paper shows them all open.
window.addEventListener('beforeprint', () => {
  renderPrintContext();
  for (const d of document.querySelectorAll('details')) d.open = true;
});

// ---- wiring ---------------------------------------------------------------------------------

setDay('today', params.get('today') ?? localToday());
setDay('at', params.get('at') ?? '');
setDay('coverage-at', params.get('coverage') ?? $('today').value);
fillYears();
$('version').textContent = `v${version()}`;
for (const b of document.querySelectorAll('.lang button')) b.addEventListener('click', () => setLanguage(b.dataset.lang));
$('use-demo').addEventListener('click', useDemo);
$('files').addEventListener('change', (e) => loadFiles(e.target.files));
$('rerun').addEventListener('click', () => { if (readDay('today') && readDay('at')) runCheck(); });
$('today').addEventListener('change', () => {
  if (!readDay('today')) return;
  runCheck(); fillYears(); renderReport(); renderTimeline();
});
$('at').addEventListener('change', () => { if (readDay('at')) runCheck(); });
$('coverage-at').addEventListener('change', () => { if (readDay('coverage-at')) renderCoverage(); });
$('report-year').addEventListener('change', renderReport);
$('report-only-shortfalls').addEventListener('change', renderReport);
$('filter-severity').addEventListener('change', renderFindings);
$('filter-code').addEventListener('change', renderFindings);
$('show-unit').addEventListener('click', () => { state.unit = $('unit').value; renderTimeline(); });
$('unit').addEventListener('keydown', (e) => { if (e.key === 'Enter') { state.unit = $('unit').value; renderTimeline(); } });
$('export-findings').addEventListener('click', () => exportXlsx('findings'));
$('export-report').addEventListener('click', () => exportXlsx('report'));
$('export-dataset').addEventListener('click', () => exportXlsx('dataset'));
$('export-report-docx').addEventListener('click', () => exportDocx('report'));
$('export-coverage-docx').addEventListener('click', () => exportDocx('coverage'));
for (const b of document.querySelectorAll('button.print')) b.addEventListener('click', () => printView(b.dataset.print));

// Files dropped anywhere on the page are opened (the drop zone shows where).
const drop = $('drop');
let dragDepth = 0;
document.addEventListener('dragenter', (e) => {
  if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
  dragDepth += 1;
  drop.classList.add('over');
});
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) drop.classList.remove('over');
});
document.addEventListener('dragover', (e) => {
  if ([...(e.dataTransfer?.types ?? [])].includes('Files')) e.preventDefault();
});
document.addEventListener('drop', (e) => {
  if (!e.dataTransfer || e.dataTransfer.files.length === 0) return;
  e.preventDefault();
  dragDepth = 0;
  drop.classList.remove('over');
  $('files').value = '';
  loadFiles(e.dataTransfer.files);
});

applyLanguage();
setDataset(demo(), { demo: true });
document.body.dataset.ready = 'true';
