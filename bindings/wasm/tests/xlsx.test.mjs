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
