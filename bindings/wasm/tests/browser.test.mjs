// The browser test: serves examples/web/ (with the freshly built package at /pkg/) on
// 127.0.0.1 and drives headless Chromium (Debian's `chromium` through playwright-core). The
// page must show what the Node API returns for the same check. A screenshot is kept at
// target/web-screenshot.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Dataset, demo } from 'diaban';

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

/** A tiny static server: /pkg/* from bindings/wasm/pkg, everything else from examples/web. */
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
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
  assert.match(status, /assignments\.csv/);
  assert.match(status, /line: 2/);
});
