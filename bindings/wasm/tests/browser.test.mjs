// The browser test: serves examples/web/ (with the freshly built package at /pkg/) on
// 127.0.0.1 and drives headless Chromium (Debian's `chromium` through playwright-core). The
// page must show what the Node API returns for the same check. Files are opened as an officer
// would: picked or dropped (a semicolon CSV set saved by Excel, the workbook `diaban convert`
// wrote, the filled template workbook of tests/fixtures/office, JSON, broken files); findings,
// the yearly report and the dataset are downloaded as workbooks and read back, the yearly report
// and the coverage list as Word documents; views are printed (print media, A4). Screenshots are kept in
// target/ (web-screenshot*.png, web-print-*.png) with the printed PDF (web-print-report.pdf).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Dataset, demo } from 'diaban';
import { loadOffice } from '../pkg/office.js';
import { readSheets, unzip } from './xlsx-parts.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const webDir = path.join(root, 'examples/web');
const pkgDir = path.join(root, 'bindings/wasm/pkg');
const targetDir = path.join(root, 'target');
const executablePath = process.env.DIABAN_CHROMIUM ?? '/usr/bin/chromium';
const TODAY = '2026-01-01';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
};
const FIXTURES = path.join(here, 'fixtures');
/** Every request the page made, by path (to see when the office module is fetched). */
const requests = [];

/** A tiny static server: /pkg/* from bindings/wasm/pkg, everything else from examples/web. */
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const base = rel.startsWith('/pkg/') ? pkgDir : webDir;
    const file = path.normalize(path.join(base, rel.startsWith('/pkg/') ? rel.slice(5) : rel));
    if (!file.startsWith(base) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server;
let browser;
let page;
let base;
const problems = [];
const tmp = mkdtempSync(path.join(tmpdir(), 'diaban-web-'));

before(async () => {
  assert.ok(existsSync(executablePath), `Chromium not found at ${executablePath} (apt-get install -y chromium)`);
  assert.ok(existsSync(path.join(pkgDir, 'index.js')), 'build the package first: cargo xtask wasm');
  server = await serve();
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('the demo loads and shows the findings the Node API returns', async () => {
  const expected = demo().check({ today: TODAY, lang: 'en' });
  await page.goto(`${base}/?today=${TODAY}&lang=en`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  assert.equal(await page.getAttribute('#summary', 'data-total'), String(expected.findings.length));
  assert.equal(await page.locator('#findings tr[data-code]').count(), expected.findings.length);
  const codes = await page.locator('#findings tr[data-code]').evaluateAll((rows) => rows.map((r) => r.dataset.code));
  assert.deepEqual(codes, expected.findings.map((f) => f.code));
  assert.equal(await page.locator('#findings tr[data-code] td:nth-child(5)').first().evaluate((td) => td.firstChild.textContent), expected.findings[0].message);

  await page.selectOption('#filter-severity', 'error');
  assert.equal(await page.locator('#findings tr[data-code]').count(), expected.summary.errors);
  await page.selectOption('#filter-severity', '');
  const someCode = expected.findings[expected.findings.length - 1].code;
  await page.selectOption('#filter-code', someCode);
  assert.equal(await page.locator('#findings tr[data-code]').count(), expected.findings.filter((f) => f.code === someCode).length);
  await page.selectOption('#filter-code', '');

  const coverage = demo().coverage({ at: TODAY });
  assert.equal(await page.locator('#coverage li.unit').count(), coverage.rows.length);
  assert.equal(await page.locator('#coverage li.unit.uncovered').count(), coverage.uncovered);
  assert.equal(await page.locator('#coverage details.district').count(), new Set(coverage.rows.map((r) => r.district_code)).size);

  await page.click('#coverage li.unit[data-code="01954"] button');
  const history = demo().history('01954');
  assert.equal(await page.locator('#timeline li[data-assignment]').count(), history.length);
  assert.match(await page.textContent('#timeline'), /Hà Sỹ Thắng/);

  mkdirSync(targetDir, { recursive: true });
  await page.locator('#timeline-card').screenshot({ path: path.join(targetDir, 'web-screenshot-timeline.png') });
  await page.locator('#coverage-card').screenshot({ path: path.join(targetDir, 'web-screenshot-coverage.png') });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(targetDir, 'web-screenshot.png'), fullPage: false });
  await page.screenshot({ path: path.join(targetDir, 'web-screenshot-full.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('the yearly report shows a table per district with the shortfalls the Node API reports', async () => {
  const report = demo().report({ year: 2024, today: TODAY });
  const rows = report.assignments.filter((a) => a.district_code !== null);
  const short = rows.filter((a) => a.shortfall);
  assert.ok(short.length > 0, 'the demo has shortfalls in 2024');
  await page.selectOption('#report-year', '2025');
  await page.selectOption('#report-year', '2024');
  assert.equal(await page.locator('#report details.district').count(), report.districts.length);
  assert.equal(await page.locator('#report details.district table.report').count(), report.districts.length);
  assert.equal(await page.locator('#report tr[data-assignment]').count(), rows.length);
  const marked = await page.locator('#report tr.shortfall').evaluateAll((trs) => trs.map((tr) => tr.dataset.assignment));
  assert.deepEqual(marked, short.map((a) => a.assignment_id));
  for (const d of report.districts) {
    const hasGaps = await page.locator(`#report details.district[data-district="${d.id}"]`).evaluate((n) => n.classList.contains('has-gaps'));
    assert.equal(hasGaps, d.with_shortfall > 0, d.id);
  }
  const first = short[0];
  const unmet = first.duties.filter((d) => !d.met).length;
  assert.equal(await page.locator(`#report tr[data-assignment="${first.assignment_id}"] .duty.unmet`).count(), unmet);
  await page.check('#report-only-shortfalls');
  assert.equal(await page.locator('#report tr[data-assignment]').count(), short.length);
  assert.equal(await page.locator('#report details.district').count(), report.districts.filter((d) => d.with_shortfall > 0).length);
  await page.locator('#report-card').screenshot({ path: path.join(targetDir, 'web-screenshot-report.png') });
  await page.uncheck('#report-only-shortfalls');
  assert.deepEqual(problems, []);
});

test('the language switch changes the page and the messages', async () => {
  const vi = demo().check({ today: TODAY, lang: 'vi' });
  await page.click('#lang-vi');
  assert.equal(await page.textContent('h1'), 'Kiểm tra phân công theo dõi địa bàn');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.equal(await page.locator('#findings tr[data-code] td:nth-child(5)').first().evaluate((td) => td.firstChild.textContent), vi.findings[0].message);
  await page.click('#lang-en');
  assert.equal(await page.textContent('h1'), 'Commune monitoring assignments check');
  assert.deepEqual(problems, []);
});

test('choosing a defective CSV set shows the expected finding', async () => {
  const files = demo().toCsv();
  files['assignments.csv'] = files['assignments.csv']
    .split('\n')
    .filter((line) => !line.startsWith('cm-01954,'))
    .join('\n');
  const expected = Dataset.fromCsv(files).check({ today: TODAY, lang: 'en' });
  assert.ok(expected.findings.some((f) => f.code === 'coverage_gap' && f.subject.id === '01954'));
  const dir = path.join(tmp, 'csv');
  mkdirSync(dir);
  const paths = Object.entries(files).map(([name, text]) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  });
  await page.setInputFiles('#files', paths);
  await page.waitForFunction((n) => document.querySelector('#summary')?.dataset.total === String(n) && /assignments\.csv/.test(document.querySelector('#status').textContent), expected.findings.length);
  assert.equal(await page.locator('#findings tr[data-code="coverage_gap"][data-subject="01954"]').count(), 1);
  assert.equal(await page.locator('#coverage li.unit.uncovered[data-code="01954"]').count(), 1);
  await page.screenshot({ path: path.join(targetDir, 'web-screenshot-csv.png') });
  assert.deepEqual(problems, []);
});

test('an unreadable CSV set shows the load error with its file and line', async () => {
  const dir = path.join(tmp, 'bad');
  mkdirSync(dir);
  const units = path.join(dir, 'units.csv');
  const assignments = path.join(dir, 'assignments.csv');
  writeFileSync(units, 'code,name,type,parent_code\n06,Tỉnh Bắc Kạn,Tỉnh,\n062,Huyện Ngân Sơn,Huyện,06\n01954,Thị trấn Vân Tùng,Thị trấn,062\n');
  writeFileSync(assignments, 'id,scheme,subject_id,target,valid_from\na1,commune-monitoring,p1,01954,31/02/2024\n');
  await page.setInputFiles('#files', [units, assignments]);
  await page.waitForSelector('#status.error');
  const status = await page.textContent('#status');
  assert.match(status, /invalid_date/);
  assert.match(status, /file assignments\.csv, line 2/);
  // Nothing of the dataset loaded before stays on screen.
  assert.equal(await page.locator('#results').isHidden(), true);
  assert.equal(await page.locator('#findings tr').count(), 0);
  assert.equal(await page.locator('#coverage li.unit').count(), 0);
});

// ---- files an officer opens, exports, printing, dates, file:// ------------------------------

function fixturePaths(name) {
  const dir = path.join(FIXTURES, name);
  return readdirSync(dir).map((f) => path.join(dir, f));
}

function fixtureTexts(name) {
  const dir = path.join(FIXTURES, name);
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

async function fresh(lang) {
  await page.goto(`${base}/?today=${TODAY}&lang=${lang}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
}

/** Runs `action` (a load) and waits until the page has loaded the files, or failed to. */
async function loading(action) {
  await page.evaluate(() => { document.body.dataset.loaded = 'pending'; });
  await action();
  await page.waitForSelector('body[data-loaded="files"], body[data-loaded="none"]', { timeout: 30000 });
  return page.getAttribute('body', 'data-loaded');
}

/** Drops files on the page as a file manager would (a `drop` event carrying the files). */
async function drop(files) {
  const list = files.map(({ name, bytes }) => ({ name, b64: Buffer.from(bytes).toString('base64') }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const { name, b64 } of items) {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i += 1) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], name));
    }
    return dt;
  }, list);
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
}

async function shownFindings() {
  return page
    .locator('#findings tr[data-code]')
    .evaluateAll((rows) => rows.map((r) => [r.dataset.code, r.dataset.subject, r.querySelector('td:nth-child(5)').firstChild.textContent]));
}

const findingRows = (ds, lang) => ds.check({ today: TODAY, lang }).findings.map((f) => [f.code, f.subject.id, f.message]);
const officeFetched = () => requests.some((r) => r.startsWith('/pkg/office/'));

test('a semicolon CSV set saved by Excel opens by picking, with the findings of the comma set', async () => {
  await fresh('vi');
  const expected = findingRows(Dataset.fromCsv(fixtureTexts('small')), 'vi');
  assert.ok(expected.length > 0);
  assert.equal(await loading(() => page.setInputFiles('#files', fixturePaths('small-semicolon'))), 'files');
  assert.deepEqual(await shownFindings(), expected);
  assert.match(await page.textContent('#status'), /^Đã nạp .*units\.csv/);
  // CSV needs no workbook reader: the office module is not fetched.
  assert.equal(officeFetched(), false);
  assert.deepEqual(problems, []);
});

test('the workbook diaban convert wrote opens by dropping it (fetching the office module then), and JSON by picking', async () => {
  const expected = findingRows(Dataset.fromCsv(fixtureTexts('small')), 'vi');
  assert.equal(officeFetched(), false);
  const bytes = readFileSync(path.join(FIXTURES, 'small.xlsx'));
  assert.equal(await loading(() => drop([{ name: 'small.xlsx', bytes }])), 'files');
  assert.ok(requests.includes('/pkg/office/diaban_wasm_bg.wasm'));
  assert.deepEqual(await shownFindings(), expected);
  assert.match(await page.textContent('#status'), /small\.xlsx/);
  await page.screenshot({ path: path.join(targetDir, 'web-screenshot-xlsx.png') });

  const json = path.join(tmp, 'small.json');
  writeFileSync(json, Dataset.fromCsv(fixtureTexts('small')).toJson());
  await page.click('#use-demo');
  assert.equal(await loading(() => page.setInputFiles('#files', json)), 'files');
  assert.deepEqual(await shownFindings(), expected);
  assert.deepEqual(problems, []);
});

test('the filled template workbook and the semicolon set of the office fixture show the findings of its JSON', async () => {
  // tests/fixtures/office: one dataset in four forms (office.test.mjs pins its JSON's findings
  // to those of `diaban check`); here the page opens two of them as an officer would.
  const office = path.join(root, 'tests/fixtures/office');
  const day = '2025-03-01';
  await page.goto(`${base}/?today=${day}&lang=vi`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const expected = Dataset.fromJson(readFileSync(path.join(office, 'records.json'), 'utf8'))
    .check({ today: day, lang: 'vi' })
    .findings.map((f) => [f.code, f.subject.id, f.message]);
  assert.ok(expected.some(([code, subject]) => code === 'assignee_overloaded' && subject === 'ub-04'));
  assert.equal(await loading(() => page.setInputFiles('#files', path.join(office, 'filled.xlsx'))), 'files');
  assert.deepEqual(await shownFindings(), expected);
  const semicolon = path.join(office, 'semicolon');
  const files = readdirSync(semicolon).map((f) => path.join(semicolon, f));
  assert.equal(await loading(() => page.setInputFiles('#files', files)), 'files');
  assert.deepEqual(await shownFindings(), expected);
  assert.deepEqual(problems, []);
});

test('a failed load clears the old results and says in Vietnamese what to fix, and where', async () => {
  await fresh('vi');
  const office = await loadOffice();
  // A workbook with a date that does not exist, in the cell E2 of the `assignments` sheet.
  const brokenBook = office.writeTables({
    sheets: [
      {
        name: 'units',
        columns: ['code', 'name', 'type', 'parent_code'].map((header) => ({ header })),
        rows: [['06', 'Tỉnh Bắc Kạn', 'Tỉnh', null], ['062', 'Huyện Ngân Sơn', 'Huyện', '06'], ['01954', 'Thị trấn Vân Tùng', 'Thị trấn', '062']],
      },
      {
        name: 'assignments',
        columns: ['id', 'scheme', 'subject_id', 'target', 'valid_from'].map((header) => ({ header })),
        rows: [['a1', 'commune-monitoring', 'p1', '01954', '31/02/2024']],
      },
    ],
  });
  const cp1258 = Buffer.concat([Buffer.from('code,name,type,parent_code\n06,T'), Buffer.from([0xec]), Buffer.from('nh B\xe3c K\xe3n,T'), Buffer.from([0xec]), Buffer.from('nh,\n')]);
  const cases = [
    { files: [{ name: 'so-theo-doi.xlsx', bytes: brokenBook }], want: [/Ngày không hợp lệ/, /tệp so-theo-doi\.xlsx, ô assignments!E2/, /invalid_date/] },
    { files: [{ name: 'units.csv', bytes: cp1258 }], want: [/units\.csv không phải văn bản UTF-8/, /CSV UTF-8/] },
    { files: [{ name: 'ghi-chu.txt', bytes: Buffer.from('x') }], want: [/Không nhận ra loại tệp: ghi-chu\.txt/] },
    { files: [{ name: 'small.xlsx', bytes: readFileSync(path.join(FIXTURES, 'small.xlsx')) }, { name: 'units.csv', bytes: Buffer.from('code,name,type\n') }], want: [/không trộn lẫn/] },
    { files: [{ name: 'units.csv', bytes: Buffer.from('code;name;type;parent_code\n"06;Tỉnh Bắc Kạn;Tỉnh;\n') }], want: [/tệp units\.csv/, /csv_syntax|missing_field|invalid_value/] },
  ];
  for (const { files, want } of cases) {
    await page.click('#use-demo');
    assert.equal(await page.locator('#results').isHidden(), false);
    assert.equal(await loading(() => drop(files)), 'none', files[0].name);
    const status = await page.textContent('#status.error');
    for (const pattern of want) assert.match(status, pattern, status);
    assert.equal(await page.locator('#results').isHidden(), true);
    assert.equal(await page.locator('#findings tr').count(), 0);
    assert.equal(await page.locator('#report tr').count(), 0);
    assert.equal(await page.locator('#coverage li.unit').count(), 0);
    assert.equal(await page.isDisabled('#export-dataset'), true);
  }
  await page.screenshot({ path: path.join(targetDir, 'web-screenshot-error.png') });

  // After "load demo" the file field no longer shows the files picked before.
  await loading(() => page.setInputFiles('#files', fixturePaths('small-semicolon')));
  assert.ok((await page.$eval('#files', (i) => i.files.length)) > 0);
  await page.click('#use-demo');
  assert.equal(await page.$eval('#files', (i) => i.files.length), 0);
  assert.match(await page.textContent('#status'), /^Đã nạp dữ liệu mẫu Bắc Kạn/);
  assert.deepEqual(problems, []);
});

test('when the office module cannot be fetched, opening a workbook says so and CSV still opens', async () => {
  await fresh('vi');
  await page.route('**/pkg/office/**', (route) => route.abort());
  try {
    const bytes = readFileSync(path.join(FIXTURES, 'small.xlsx'));
    assert.equal(await loading(() => drop([{ name: 'small.xlsx', bytes }])), 'none');
    assert.match(await page.textContent('#status.error'), /Không tải được bộ đọc\/ghi tệp Excel \(thư mục pkg\/office\//);
    assert.equal(await loading(() => page.setInputFiles('#files', fixturePaths('small-semicolon'))), 'files');
  } finally {
    await page.unroute('**/pkg/office/**');
  }
  // The blocked fetches are logged by the browser as errors: expected here, and only here.
  const blocked = problems.filter((p) => /Failed to (load resource|fetch dynamically imported module)|net::ERR_FAILED/.test(p));
  assert.ok(blocked.length > 0);
  assert.deepEqual(problems.filter((p) => !blocked.includes(p)), []);
  problems.length = 0;
});

async function download(button, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const to = path.join(targetDir, name);
  await file.saveAs(to);
  return { suggested: file.suggestedFilename(), bytes: readFileSync(to) };
}

test('findings, the yearly report and the dataset download as Excel workbooks', async () => {
  await fresh('vi');
  const check = demo().check({ today: TODAY, lang: 'vi' });
  const findings = await download('#export-findings', 'web-export-findings.xlsx');
  assert.equal(findings.suggested, `ket-qua-kiem-tra-${TODAY}.xlsx`);
  const [sheet] = readSheets(findings.bytes);
  assert.equal(sheet.name, 'Kết quả kiểm tra');
  assert.match(sheet.rows.get(1).A, /ngày xét hạn 01\/01\/2026/);
  assert.deepEqual(Object.values(sheet.rows.get(3)), ['Mức độ', 'Loại', 'Đối tượng', 'Loại đối tượng', 'Từ ngày', 'Đến ngày', 'Nội dung', 'Căn cứ']);
  assert.equal(sheet.rows.size, 2 + check.findings.length);
  check.findings.forEach((f, i) => {
    const row = sheet.rows.get(4 + i);
    assert.equal(row.B, f.code);
    assert.equal(row.C, f.subject.id);
    assert.equal(row.G, f.message);
  });

  const report = demo().report({ year: 2024, today: TODAY });
  const rows = report.assignments.filter((a) => a.district_code !== null);
  await page.selectOption('#report-year', '2024');
  const book = await download('#export-report', 'web-export-report.xlsx');
  assert.equal(book.suggested, 'bao-cao-nam-2024.xlsx');
  const [detail, totals] = readSheets(book.bytes);
  assert.equal(detail.name, 'Báo cáo năm 2024');
  assert.equal(detail.rows.size, 2 + rows.length);
  rows.forEach((a, i) => {
    assert.equal(detail.rows.get(4 + i).C, a.target);
    assert.equal(detail.rows.get(4 + i).M, a.shortfall ? 'Có' : undefined);
  });
  assert.equal(totals.name, 'Tổng hợp theo huyện');
  assert.equal(totals.rows.size, 1 + report.districts.length);
  report.districts.forEach((d, i) => assert.deepEqual(totals.rows.get(2 + i), {
    A: d.name, B: d.id, C: String(d.assignments), D: String(d.with_shortfall), E: String(d.evaluations_missing),
  }));

  const dataset = await download('#export-dataset', 'web-export-dataset.xlsx');
  const office = await loadOffice();
  assert.equal(office.Dataset.fromXlsx(new Uint8Array(dataset.bytes)).toJson(), demo().toJson());
  assert.deepEqual(problems, []);
});

/** The text runs of a Word document's body, one per line. */
function wordText(bytes) {
  const xml = unzip(bytes).get('word/document.xml') ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
}

test('the yearly report and the coverage list download as Word documents (in Vietnamese, whatever the page language)', async () => {
  await fresh('vi');
  await page.selectOption('#report-year', '2024');
  const report = await download('#export-report-docx', 'web-export-report.docx');
  assert.equal(report.suggested, 'bao-cao-nam-2024.docx');
  assert.equal(report.bytes.subarray(0, 2).toString('latin1'), 'PK');
  const text = wordText(report.bytes);
  assert.ok(text.includes('ĐẢNG CỘNG SẢN VIỆT NAM') && text.includes('BÁO CÁO'));
  // The same text as the office module writes for the same dataset, year and day (the XML
  // itself differs: paragraph ids are numbered afresh on every document).
  const office = await loadOffice();
  assert.equal(wordText(office.demo().reportDocx({ year: 2024, today: TODAY })), text);

  await fresh('en');
  const coverage = await download('#export-coverage-docx', 'web-export-coverage.docx');
  assert.equal(coverage.suggested, `danh-sach-theo-doi-dia-ban-${TODAY}.docx`);
  assert.equal(coverage.bytes.subarray(0, 2).toString('latin1'), 'PK');
  assert.ok(wordText(coverage.bytes).includes('ĐẢNG CỘNG SẢN VIỆT NAM'));
  assert.deepEqual(problems, []);
});

test('a view prints on A4 without controls, the other views left off, rows kept whole', async () => {
  await fresh('vi');
  await page.selectOption('#report-year', '2024');
  await page.emulateMedia({ media: 'print' });
  try {
    await printed();
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
  assert.deepEqual(problems, []);
});

async function printed() {
  // The print dialog is replaced by a probe of what would be on paper.
  await page.evaluate(() => {
    window.print = () => {
      window.printed = {
        view: document.body.dataset.print,
        shown: [...document.querySelectorAll('main > section')].filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.id),
      };
    };
  });
  for (const view of ['results', 'coverage-card', 'report-card', 'timeline-card']) {
    await page.evaluate((v) => document.querySelector(`button.print[data-print="${v}"]`).click(), view);
    assert.deepEqual(await page.evaluate(() => window.printed), { view, shown: ['source', view] });
    assert.equal(await page.getAttribute('body', 'data-print'), null);
  }
  await page.evaluate(() => {
    document.body.dataset.print = 'report-card';
    document.querySelector('#report-card').classList.add('print-target');
  });
  const onPaper = await page.evaluate(() => {
    const visible = (n) => n.getClientRects().length > 0 && getComputedStyle(n).visibility !== 'hidden';
    return {
      controls: [...document.querySelectorAll('input, select, button, .tools, .filters, .lang')].filter((n) => visible(n) && !n.closest('li.unit')).length,
      header: getComputedStyle(document.querySelector('#report thead')).display,
      row: getComputedStyle(document.querySelector('#report tbody tr')).breakInside,
      context: document.querySelector('#print-context').textContent,
      year: document.querySelector('#report-year-print').textContent,
    };
  });
  assert.deepEqual(onPaper, {
    controls: 0,
    header: 'table-header-group',
    row: 'avoid',
    context: onPaper.context,
    year: 'Năm 2024',
  });
  assert.match(onPaper.context, /^Ngày xét hạn: 01\/01\/2026/);
  await page.screenshot({ path: path.join(targetDir, 'web-print-report.png'), fullPage: true });
  const pdf = await page.pdf({ path: path.join(targetDir, 'web-print-report.pdf'), preferCSSPageSize: true, printBackground: true });
  const text = pdf.toString('latin1');
  assert.ok(text.startsWith('%PDF'));
  // A4 portrait is 595 × 842 points.
  const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  assert.ok(boxes.length >= 1);
  for (const box of boxes) assert.deepEqual(box, [595, 842]);
  await page.evaluate(() => {
    document.body.dataset.print = 'coverage-card';
    document.querySelector('#report-card').classList.remove('print-target');
    document.querySelector('#coverage-card').classList.add('print-target');
  });
  await page.screenshot({ path: path.join(targetDir, 'web-print-coverage.png'), fullPage: true });
  await page.evaluate(() => {
    delete document.body.dataset.print;
    document.querySelector('#coverage-card').classList.remove('print-target');
  });
}

test('dates show as dd/mm/yyyy in both languages; typed dates are read by the library rule', async () => {
  for (const lang of ['vi', 'en']) {
    await fresh(lang);
    assert.equal(await page.inputValue('#today'), '01/01/2026');
    assert.equal(await page.inputValue('#coverage-at'), '01/01/2026');
    assert.equal(await page.getAttribute('#today', 'type'), 'text');
    await page.click('#coverage li.unit[data-code="01954"] button');
    await page.selectOption('#report-year', '2024');
    const shown = await page.evaluate(() =>
      ['#coverage-card', '#report-card', '#timeline-card'].map((s) => document.querySelector(s).innerText).join('\n') +
      [...document.querySelectorAll('#findings td:nth-child(4)')].map((td) => td.textContent).join('\n'),
    );
    assert.doesNotMatch(shown, /\d{4}-\d{2}-\d{2}/);
    assert.match(shown, /\d{2}\/\d{2}\/\d{4}/);
  }
  const at = demo().check({ today: TODAY, at: '2025-03-15', lang: 'en' });
  await page.fill('#at', '15/03/2025');
  await page.dispatchEvent('#at', 'change');
  await page.waitForFunction((n) => document.querySelector('#summary').dataset.total === String(n), at.findings.length);
  assert.deepEqual(await shownFindings(), at.findings.map((f) => [f.code, f.subject.id, f.message]));
  await page.fill('#at', '2025-03-15');
  await page.dispatchEvent('#at', 'change');
  assert.equal(await page.inputValue('#at'), '15/03/2025');
  await page.fill('#at', '31/02/2025');
  await page.dispatchEvent('#at', 'change');
  assert.equal(await page.getAttribute('#at', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#status.error'), /"31\/02\/2025" is not a date/);
  assert.equal(await page.getAttribute('#summary', 'data-total'), String(at.findings.length));
  await page.fill('#at', '');
  await page.dispatchEvent('#at', 'change');
  assert.equal(await page.getAttribute('#at', 'aria-invalid'), null);
  assert.doesNotMatch(await page.getAttribute('#status', 'class'), /error/);
  assert.equal(await page.getAttribute('#summary', 'data-total'), String(demo().check({ today: TODAY }).findings.length));
  assert.deepEqual(problems, []);
});

test('opened from the disk (file://), the page says how to serve it', async () => {
  const own = await browser.newPage();
  try {
    for (const [query, title, serve] of [
      ['', /máy chủ web/, /Chạy lệnh python3 -m http\.server 8000/],
      ['?lang=en', /web server/, /Run python3 -m http\.server 8000/],
    ]) {
      await own.goto(`file://${path.join(webDir, 'index.html')}${query}`);
      await own.waitForSelector('#file-protocol', { state: 'visible' });
      assert.match(await own.textContent('#file-protocol h2'), title);
      assert.match(await own.textContent('#file-protocol'), serve);
      assert.equal(await own.locator('main').isHidden(), true);
      assert.match(await own.textContent('h1'), query ? /^Commune monitoring/ : /^Kiểm tra phân công/);
    }
    await own.screenshot({ path: path.join(targetDir, 'web-screenshot-file-protocol.png') });
  } finally {
    await own.close();
  }
});

/**
 * The English words of the core's vocabularies: every string value of the generated
 * declarations' unions (finding codes, ratings, activity kinds, ranks, levels, end reasons…).
 */
function vocabulary() {
  const text = readFileSync(path.join(root, 'bindings/wasm/js/types.generated.d.ts'), 'utf8');
  const words = new Set();
  for (const m of text.matchAll(/^\s*\|?\s*'([a-z_]{3,})'/gm)) words.add(m[1]);
  return words;
}

/** Every record id of a dataset (people, assignments, organisations, activities, evaluations, terms). */
function recordIds(json) {
  const ids = new Set();
  for (const table of ['people', 'assignments', 'organizations', 'activities', 'evaluations', 'terms']) {
    for (const r of json[table] ?? []) if (r.id && !/^\d+$/.test(r.id)) ids.add(r.id);
  }
  return ids;
}

/** What a Vietnamese reader should not meet in a line: ISO dates, English words, bare ids. */
function offences(line, words, ids) {
  const out = [];
  for (const d of line.match(/\d{4}-\d{2}-\d{2}/g) ?? []) out.push(`ISO date ${d}`);
  // Brackets are locators: the ids of the records, a finding's stable code.
  let bare = line;
  for (;;) {
    const next = bare.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
    if (next === bare) break;
    bare = next;
  }
  for (const token of bare.split(/[^\p{L}\p{N}_.\-/]+/u)) {
    const word = token.replace(/[.\-/]+$/, '');
    if (words.has(word.toLowerCase())) out.push(`English word «${word}»`);
    if (ids.has(word)) out.push(`bare id «${word}»`);
  }
  return out;
}

test('in Vietnamese the page names people and places: no ISO date, English vocabulary word or bare id', async () => {
  const words = vocabulary();
  const ids = recordIds(JSON.parse(demo().toJson()));
  assert.ok(words.has('committee_meeting') && words.has('coverage_gap') && ids.has('cm-01870'));
  assert.deepEqual(offences('phân công cm-01870 (2024-09-01) head', words, ids).length, 3);
  assert.deepEqual(offences('phân công [cm-01870] (đồng chí A) [coverage_gap]', words, ids), []);
  await fresh('vi');
  const seen = [];
  const look = async (view) => {
    const text = await page.evaluate(() => document.querySelector('main').innerText);
    for (const line of text.split('\n')) {
      const why = offences(line, words, ids);
      if (why.length) seen.push(`${view}: ${line.trim()}\n    → ${why.join('; ')}`);
    }
  };
  await look('findings');
  await page.click('#coverage li.unit[data-code="01954"] button');
  await look('coverage and the history of 01954');
  for (const year of ['2024', '2025']) {
    await page.selectOption('#report-year', year);
    await look(`the yearly report of ${year}`);
  }
  assert.deepEqual(seen, [], `${seen.length} lines:\n${seen.join('\n')}`);
  assert.deepEqual(problems, []);
});
