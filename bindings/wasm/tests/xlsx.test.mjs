// XLSX workbooks in the browser and Node: Dataset.fromXlsx(bytes) reads a workbook written by
// `diaban convert` (tests/fixtures/small.xlsx, made from the CSV folder beside it) into the same
// dataset, with the same findings, as the CSV files; what is not a workbook is a clear error.
// The module reads workbooks only when built with the `xlsx` cargo feature (it would pass its
// size budget otherwise); without it, fromXlsx throws `unsupported` and the reading tests skip.
// It never writes workbooks: `diaban convert --out book.xlsx` and Python's `to_xlsx` do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dataset, DiabanError } from 'diaban';
import { readFileSync, readdirSync } from 'node:fs';

const TODAY = '2026-03-01';
const FIXTURES = new URL('./fixtures/', import.meta.url);

function csvFolder() {
  const dir = new URL('small/', FIXTURES);
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(new URL(name, dir), 'utf8')]));
}

const SKIP = Dataset.readsXlsx ? false : 'module built without the xlsx feature';

test('without the xlsx feature, fromXlsx says so', { skip: Dataset.readsXlsx }, () => {
  const bytes = new Uint8Array(readFileSync(new URL('small.xlsx', FIXTURES)));
  assert.throws(() => Dataset.fromXlsx(bytes), (e) => e instanceof DiabanError && e.code === 'unsupported');
});

test('a workbook reads like the CSV files it was made from, with the same findings', { skip: SKIP }, () => {
  const bytes = new Uint8Array(readFileSync(new URL('small.xlsx', FIXTURES)));
  const fromBook = Dataset.fromXlsx(bytes);
  const fromCsv = Dataset.fromCsv(csvFolder());
  assert.equal(fromBook.toJson(), fromCsv.toJson());
  const fromBuffer = Dataset.fromXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  assert.equal(fromBuffer.toJson(), fromCsv.toJson());
  const expected = fromCsv.check({ today: TODAY }).findings;
  assert.ok(expected.length > 0);
  assert.deepEqual(fromBook.check({ today: TODAY }).findings, expected);
});

test('a file that is not a workbook, and a wrong argument, are clear errors', { skip: SKIP }, () => {
  const text = new TextEncoder().encode('code,name,type\n06,Tỉnh Bắc Kạn,Tỉnh\n');
  assert.throws(() => Dataset.fromXlsx(text), (e) => e instanceof DiabanError && e.code === 'xlsx_syntax');
  assert.throws(() => Dataset.fromXlsx('book.xlsx'), (e) => e instanceof DiabanError && e.code === 'invalid_argument');
});

// Hostile workbooks in the browser: the same codes as the core (crates/diaban/tests/xlsx.rs)
// under the default caps that fromXlsx uses, quickly. The workbooks are zipped here (deflate
// from node:zlib, a CRC-32 table below), so that every byte is under the test's control.
import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of `parts` ({name: text}), each part deflated. */
function zip(parts) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const nameBytes = new TextEncoder().encode(name);
    const data = typeof text === 'string' ? new TextEncoder().encode(text) : text;
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    local.push(head, nameBytes, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += head.length + nameBytes.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const inline = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const UNITS_ROWS =
  `<row r="1">${inline('A1', 'code')}${inline('B1', 'name')}${inline('C1', 'type')}</row>` +
  `<row r="2">${inline('A2', '06')}${inline('B2', 'Tỉnh Bắc Kạn')}${inline('C2', 'Tỉnh')}</row>`;

/** A workbook whose only sheet is `units`: a header, one province, then the cells `row3` of
 * row 3, with `before` and `after` around the sheet data. */
function unitsBook({ row3 = '', before = '', after = '' } = {}) {
  const rows = UNITS_ROWS + (row3 ? `<row r="3">${row3}</row>` : '');
  return zip({
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="units" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet ${NS}>${before}<sheetData>${rows}</sheetData>${after}</worksheet>`,
  });
}

test('the baseline hostile workbook loads', { skip: SKIP }, () => {
  // Every refusal below is due to what was added to this workbook.
  assert.equal(JSON.parse(Dataset.fromXlsx(unitsBook()).toJson()).units.length, 1);
});

const HOSTILE = [
  ['formula without value', { row3: '<c r="A3" t="str"><f>"062"</f></c>' }, 'invalid_value', ['units!A3', 'no computed value']],
  ['error value', { row3: '<c r="A3" t="e"><v>#N/A</v></c>' }, 'invalid_value', ['units!A3', '#N/A']],
  ['merged cells', { after: '<mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>' }, 'invalid_value', ['units!C2', 'merged']],
  ['shared formula over the whole sheet', { row3: '<c r="B3" t="str"><f t="shared" ref="A1:XFD1048576" si="0">A1</f><v>x</v></c>' }, 'limit_exceeded', ['shared formula']],
  ['cell past the last column', { row3: inline('AAAAAAAAA3', 'x') }, 'xlsx_syntax', ['XFD1048576']],
  ['one run of 64 MiB', { before: ' '.repeat(64 * 1024 * 1024) }, 'limit_exceeded', ['without markup']],
];

for (const [name, parts, code, words] of HOSTILE) {
  test(`hostile workbook: ${name} → ${code}, quickly`, { skip: SKIP }, () => {
    const bytes = unitsBook(parts);
    const start = performance.now();
    assert.throws(
      () => Dataset.fromXlsx(bytes),
      (e) => e instanceof DiabanError && e.code === code && words.every((w) => e.messageEn.includes(w)),
    );
    assert.ok(performance.now() - start < 20_000);
  });
}

test('other spreadsheet formats say what to do', { skip: SKIP }, () => {
  const workbooks = new URL('../../../crates/diaban/tests/workbooks/', import.meta.url);
  for (const [file, words] of [
    ['password-protected.xlsx', 'password-protected'],
    ['excel-97-2003.xls', 'Excel 97–2003'],
  ]) {
    const bytes = new Uint8Array(readFileSync(new URL(file, workbooks)));
    assert.throws(
      () => Dataset.fromXlsx(bytes),
      (e) => e instanceof DiabanError && e.code === 'xlsx_syntax' && e.messageEn.includes(words),
      file,
    );
  }
});
