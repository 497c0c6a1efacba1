// The office module (`diaban/office`, `pkg/office/`): the same library built with XLSX reading
// and writing, loaded lazily by pages (`pkg/office.js`). The main module reads and writes no
// workbook; the office module reads the workbook `diaban convert` wrote as the CSV files it
// came from, writes the dataset back losslessly, and writes tables (the page's findings and
// yearly report) with typed cells. Dates typed by a person go through the library's rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as main from 'diaban';
import { loadOffice } from '../pkg/office.js';
import { readSheets, styleFormats, unzip } from './xlsx-parts.mjs';
import { runCli } from './cli-run.mjs';

const TODAY = '2026-03-01';
const FIXTURES = new URL('./fixtures/', import.meta.url);
const office = await loadOffice();

function folder(name) {
  const dir = new URL(`${name}/`, FIXTURES);
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(new URL(f, dir), 'utf8')]));
}

test('the lazy loader gives one office module, which reads and writes workbooks; the main module does not', async () => {
  assert.equal(await loadOffice(), office);
  assert.equal(office.Dataset.readsXlsx, true);
  assert.equal(office.writesXlsx, true);
  assert.equal(main.Dataset.readsXlsx, false);
  assert.equal(main.writesXlsx, false);
  assert.throws(() => main.writeTables({ sheets: [] }), (e) => e instanceof main.DiabanError && e.code === 'unsupported');
  assert.throws(() => main.demo().toXlsx(), (e) => e instanceof main.DiabanError && e.code === 'unsupported');
  assert.equal(office.version(), main.version());
});

test('the workbook written by diaban convert, the comma CSV set, the semicolon set and JSON give the same findings', () => {
  const comma = main.Dataset.fromCsv(folder('small'));
  const semicolon = main.Dataset.fromCsv(folder('small-semicolon'));
  const book = office.Dataset.fromXlsx(new Uint8Array(readFileSync(new URL('small.xlsx', FIXTURES))));
  const json = main.Dataset.fromJson(comma.toJson());
  const expected = comma.check({ today: TODAY });
  assert.ok(expected.findings.length > 0);
  for (const ds of [semicolon, book, json]) {
    assert.equal(ds.toJson(), comma.toJson());
    assert.deepEqual(ds.check({ today: TODAY }), expected);
  }
});

test('a dataset written as a workbook by the office module reads back unchanged', () => {
  const demo = office.demo();
  const bytes = demo.toXlsx();
  assert.ok(bytes instanceof Uint8Array && bytes.length > 1000);
  assert.equal(office.Dataset.fromXlsx(bytes).toJson(), main.demo().toJson());
});

test('tables are written with a title, a frozen bold header, dates as dd/mm/yyyy date cells and numbers as numbers', () => {
  const bytes = office.writeTables({
    sheets: [
      {
        name: 'Kết quả kiểm tra',
        title: 'Kết quả — ngày xét hạn 01/01/2026',
        columns: [{ header: 'Mã đơn vị' }, { header: 'Từ ngày', type: 'date' }, { header: 'Số', type: 'number' }, { header: 'Nội dung' }],
        rows: [
          ['01954', '2024-09-01', 3, 'Thị trấn Vân Tùng; "Nà Héo" & <khác>'],
          ['01957', null, null, 'đến nay'],
          ['01960', 'không rõ', 'nhiều', null],
        ],
      },
      { name: 'Tổng hợp', columns: [{ header: 'Huyện' }], rows: [['Huyện Ngân Sơn']] },
    ],
  });
  const [first, second] = readSheets(bytes);
  const formats = styleFormats(bytes);
  assert.equal(first.name, 'Kết quả kiểm tra');
  assert.equal(second.name, 'Tổng hợp');
  assert.equal(first.rows.get(1).A, 'Kết quả — ngày xét hạn 01/01/2026');
  assert.deepEqual(first.rows.get(3), { A: 'Mã đơn vị', B: 'Từ ngày', C: 'Số', D: 'Nội dung' });
  assert.equal(first.frozen, 'A4');
  // The code keeps its leading zero (text); 2024-09-01 is Excel day 45536, shown dd/mm/yyyy.
  assert.deepEqual(first.rows.get(4), { A: '01954', B: '45536', C: '3', D: 'Thị trấn Vân Tùng; "Nà Héo" & <khác>' });
  assert.equal(formats[first.formats.get('B4')], 'dd/mm/yyyy');
  assert.equal(first.formats.has('C4') ? formats[first.formats.get('C4')] : null, null);
  assert.deepEqual(first.rows.get(5), { A: '01957', D: 'đến nay' });
  // What is not a day or a number stays as the text it was.
  assert.deepEqual(first.rows.get(6), { A: '01960', B: 'không rõ', C: 'nhiều' });
  const setup = /<pageSetup [^>]*>/.exec(first.xml)?.[0] ?? '';
  assert.match(setup, /paperSize="9"/);
  assert.match(setup, /orientation="landscape"/);
  assert.deepEqual(second.rows.get(1), { A: 'Huyện' });
  assert.equal(second.frozen, 'A2');
});

test('tables that cannot be a workbook are invalid_argument errors', () => {
  const bad = [
    undefined,
    { sheets: [] },
    { sheets: [{ name: 'a/b', columns: [{ header: 'x' }], rows: [] }] },
    { sheets: [{ name: 'a', columns: [{ header: 'x' }], rows: [['1', '2']] }] },
    { sheets: [{ name: 'a', columns: [{ header: 'x', type: 'colour' }], rows: [] }] },
    { sheets: [{ name: 'a', columns: [{ header: 'x' }], rows: [], extra: 1 }] },
  ];
  for (const tables of bad) {
    assert.throws(() => office.writeTables(tables), (e) => e instanceof office.DiabanError && e.code === 'invalid_argument', JSON.stringify(tables));
  }
});

test('a day typed as dd/mm/yyyy or ISO is read by the library rule; anything else names the field', () => {
  assert.equal(main.parseDate('01/10/2024', 'today'), '2024-10-01');
  assert.equal(main.parseDate('1/2/2025', 'today'), '2025-02-01');
  assert.equal(main.parseDate('2024-10-01', 'today'), '2024-10-01');
  assert.equal(main.parseDate('  ', 'today'), null);
  for (const text of ['31/02/2024', '2024-1-5', '10/2024', 'hôm nay']) {
    assert.throws(() => main.parseDate(text, 'today'), (e) => e instanceof main.DiabanError && e.code === 'invalid_argument' && e.argument === 'today', text);
  }
});

/** The text of a Word document's body: the `<w:t>` runs of `word/document.xml`, joined. */
function documentText(bytes) {
  const xml = unzip(bytes).get('word/document.xml');
  assert.ok(xml, 'word/document.xml is missing');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
}

test('the office module writes the yearly report and the coverage list as Word documents; the main module does not', () => {
  assert.equal(office.writesDocx, true);
  assert.equal(main.writesDocx, false);
  assert.throws(() => main.demo().reportDocx({ year: 2024, today: TODAY }), (e) => e instanceof main.DiabanError && e.code === 'unsupported');
  const ds = office.demo();
  const report = ds.reportDocx({ year: 2024, today: TODAY });
  assert.ok(report instanceof Uint8Array);
  assert.equal(Buffer.from(report.subarray(0, 2)).toString('latin1'), 'PK');
  const text = documentText(report);
  for (const expected of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'BÁO CÁO', 'TỈNH ỦY BẮC KẠN', 'năm 2024']) {
    assert.ok(text.includes(expected), `the report lacks ${expected}`);
  }
  const coverage = documentText(ds.coverageDocx({ at: '01/10/2024' }));
  for (const expected of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'BÁO CÁO', '01/10/2024']) {
    assert.ok(coverage.includes(expected), `the coverage list lacks ${expected}`);
  }
  assert.throws(() => ds.reportDocx({ today: TODAY }), (e) => e.code === 'invalid_argument' && e.argument === 'year');
  assert.throws(() => ds.coverageDocx({}), (e) => e.code === 'invalid_argument' && e.argument === 'at');
});

// ---- one dataset in the four forms an office keeps it in, as the command line reads it ----------

const OFFICE_FIXTURE = new URL('../../../tests/fixtures/office/', import.meta.url);


/** The CSV files of a folder of the office fixture, as a page reads picked files (text). */
function officeFolder(name) {
  const dir = new URL(`${name}/`, OFFICE_FIXTURE);
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(new URL(f, dir), 'utf8')]));
}

test('the filled template workbook, the semicolon and comma CSV sets and JSON give the findings of `diaban check`', (t) => {
  const out = runCli(t, ['check', fileURLToPath(new URL('records.json', OFFICE_FIXTURE)), '--format', 'json', '--today', '01/03/2025']);
  if (out === null) return;
  const expected = JSON.parse(out);
  assert.ok(expected.findings.some((f) => f.subject.id === 'ub-04' && f.code === 'assignee_overloaded'));
  const forms = {
    'filled.xlsx': () => office.Dataset.fromXlsx(new Uint8Array(readFileSync(new URL('filled.xlsx', OFFICE_FIXTURE))), 'filled.xlsx'),
    semicolon: () => office.Dataset.fromCsv(officeFolder('semicolon')),
    comma: () => office.Dataset.fromCsv(officeFolder('comma')),
    'records.json': () => office.Dataset.fromJson(readFileSync(new URL('records.json', OFFICE_FIXTURE), 'utf8')),
  };
  for (const [name, load] of Object.entries(forms)) {
    const ds = load();
    try {
      assert.deepEqual(ds.check({ today: '01/03/2025' }), expected, name);
    } finally {
      ds.free();
    }
  }
});
