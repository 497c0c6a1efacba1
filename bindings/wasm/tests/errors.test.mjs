// Errors are thrown Error objects (DiabanError) carrying a stable `code` and, for load errors,
// where the problem is; a panic (a bug) does not leave the module unusable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dataset, DiabanError, demo, __testPanic } from 'diaban';

function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('expected an error');
}

test('JSON syntax error: an Error with code, file, line and column', () => {
  const e = thrown(() => Dataset.fromJson('{"units": [\n  {"code": "06",\n'));
  assert.ok(e instanceof Error);
  assert.ok(e instanceof DiabanError);
  assert.equal(e.name, 'DiabanError');
  assert.equal(e.code, 'json_syntax');
  assert.equal(e.file, 'dataset');
  assert.equal(e.line, 3);
  assert.equal(typeof e.column, 'number');
  // Vietnamese by default, both languages carried.
  assert.match(e.message, /dòng 3/);
  assert.equal(e.messageVi, e.message);
  assert.match(e.messageEn, /line 3/);
});

test('JSON unknown field: the JSON path is named', () => {
  const e = thrown(() => Dataset.fromJson({ units: [{ code: '06', name: 'Tỉnh Bắc Kạn', type: 'Tỉnh', colour: 'red' }] }));
  assert.equal(e.code, 'unknown_field');
  assert.match(e.path, /^units\[0\]/);
});

test('JSON invalid date: code invalid_date with its path', () => {
  const e = thrown(() => Dataset.fromJson({ units: [{ code: '06', name: 'Tỉnh Bắc Kạn', type: 'Tỉnh', valid_from: '2024-02-30' }] }));
  assert.equal(e.code, 'invalid_date');
  assert.match(e.path, /units\[0\]\.valid_from/);
});

test('CSV bad date: file, line and field', () => {
  const e = thrown(() =>
    Dataset.fromCsv({
      'units.csv': 'code,name,type,parent_code\n06,Tỉnh Bắc Kạn,Tỉnh,\n062,Huyện Ngân Sơn,Huyện,06\n01954,Thị trấn Vân Tùng,Thị trấn,062\n',
      'assignments.csv': 'id,scheme,subject_id,target,valid_from\na1,commune-monitoring,p1,01954,01/09/2024\na2,commune-monitoring,p1,01954,31/02/2024\n',
    }),
  );
  assert.equal(e.code, 'invalid_date');
  assert.equal(e.file, 'assignments.csv');
  assert.equal(e.line, 3);
  assert.equal(e.field, 'valid_from');
});

test('CSV unknown column names the column', () => {
  const e = thrown(() => Dataset.fromCsv({ 'units.csv': 'code,name,type,colour\n06,Tỉnh Bắc Kạn,Tỉnh,red\n' }));
  assert.equal(e.code, 'unknown_field');
  assert.equal(e.file, 'units.csv');
  assert.equal(e.field, 'colour');
});

test('CSV without units.csv', () => {
  const e = thrown(() => Dataset.fromCsv({ 'assignments.csv': 'id,scheme,subject_id,target,valid_from\n' }));
  assert.ok(e instanceof DiabanError);
  assert.equal(typeof e.code, 'string');
});

test('CSV contents must be strings', () => {
  const e = thrown(() => Dataset.fromCsv({ 'units.csv': 42 }));
  assert.equal(e.code, 'invalid_argument');
  assert.equal(e.argument, 'files');
});

test('unknown profile, unknown scheme, bad profile JSON', () => {
  const ds = demo();
  assert.equal(thrown(() => ds.check({ profile: 'no-such-profile' })).code, 'unknown_profile');
  assert.equal(thrown(() => ds.coverage({ at: '2024-10-01', scheme: 'no-such-scheme' })).code, 'unknown_scheme');
  const bad = thrown(() => ds.check({ profile: '{"id": "x",' }));
  assert.equal(bad.code, 'json_syntax');
  assert.equal(bad.file, 'profile');
  ds.free();
});

test('bad arguments: invalid_argument naming the argument', () => {
  const ds = demo();
  let e = thrown(() => ds.check({ today: '2024-13-01' }));
  assert.equal(e.code, 'invalid_argument');
  assert.equal(e.argument, 'today');
  e = thrown(() => ds.check({ lang: 'fr' }));
  assert.equal(e.argument, 'lang');
  e = thrown(() => ds.check({ tody: '2026-01-01' }));
  assert.equal(e.code, 'invalid_argument');
  assert.match(e.message, /tody/);
  e = thrown(() => ds.coverage({}));
  assert.equal(e.argument, 'at');
  e = thrown(() => ds.whoMonitors('01954'));
  assert.equal(e.argument, 'at');
  e = thrown(() => ds.check({ at: new Date('nonsense') }));
  assert.equal(e.argument, 'at');
  e = thrown(() => ds.check('2026-01-01'));
  assert.equal(e.code, 'invalid_argument');
  ds.free();
});

test('a freed dataset throws dataset_freed; free twice is harmless', () => {
  const ds = demo();
  ds.free();
  ds.free();
  assert.equal(thrown(() => ds.check()).code, 'dataset_freed');
});

test('the constructor is private', () => {
  assert.throws(() => new Dataset(), TypeError);
});

test('a panic (a bug) throws code internal and leaves the module and existing datasets usable', () => {
  const before = Dataset.fromCsv(demo().toCsv());
  const expected = before.check({ today: '2026-01-01' });
  const e = thrown(() => __testPanic());
  assert.ok(e instanceof DiabanError);
  assert.equal(e.code, 'internal');
  assert.match(e.message, /deliberate panic/);
  assert.deepEqual(before.check({ today: '2026-01-01' }), expected, 'a dataset loaded before still works');
  assert.deepEqual(demo().check({ today: '2026-01-01' }), expected, 'new datasets work');
  before.free();
});
