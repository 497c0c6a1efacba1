// XLSX workbooks in the browser and Node: Dataset.fromXlsx(bytes) reads what toXlsx wrote,
// gives the same findings as CSV and JSON; what is not a workbook is a clear error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dataset, DiabanError, demo } from 'diaban';

const TODAY = '2026-03-01';

test('a workbook round-trips and checks like JSON and CSV', () => {
  const ds = demo();
  const bytes = ds.toXlsx();
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  const fromBook = Dataset.fromXlsx(bytes);
  assert.equal(fromBook.toJson(), ds.toJson());
  const fromBuffer = Dataset.fromXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  assert.equal(fromBuffer.toJson(), ds.toJson());
  const expected = ds.check({ today: TODAY }).findings;
  assert.ok(expected.length > 0);
  assert.deepEqual(fromBook.check({ today: TODAY }).findings, expected);
  assert.deepEqual(Dataset.fromCsv(ds.toCsv()).check({ today: TODAY }).findings, expected);
});

test('a file that is not a workbook, and a wrong argument, are clear errors', () => {
  const text = new TextEncoder().encode('code,name,type\n06,Tỉnh Bắc Kạn,Tỉnh\n');
  assert.throws(() => Dataset.fromXlsx(text), (e) => e instanceof DiabanError && e.code === 'xlsx_syntax');
  assert.throws(() => Dataset.fromXlsx('book.xlsx'), (e) => e instanceof DiabanError && e.code === 'invalid_argument');
});
