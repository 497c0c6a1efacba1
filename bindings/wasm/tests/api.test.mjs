// The JavaScript API: plain objects, ISO dates, every query, round trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dataset, builtinProfiles, demo, demoProvenance, findingCodes, version } from 'diaban';
import { readFileSync } from 'node:fs';

const TODAY = '2026-01-01';

function plain(value, where = 'value') {
  if (Array.isArray(value)) {
    value.forEach((v, i) => plain(v, `${where}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    assert.equal(Object.getPrototypeOf(value), Object.prototype, `${where} is a plain object`);
    for (const [k, v] of Object.entries(value)) plain(v, `${where}.${k}`);
  } else {
    assert.ok(['string', 'number', 'boolean'].includes(typeof value) || value === null, `${where}: ${typeof value}`);
  }
}

test('module facts', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(version(), pkg.version);
  assert.deepEqual(builtinProfiles(), ['bac-kan-1390']);
  assert.match(demoProvenance(), /GSO/);
});

test('check returns plain {findings, summary} with ISO dates and the documented keys', () => {
  const ds = demo();
  const report = ds.check({ today: TODAY });
  plain(report);
  assert.deepEqual(Object.keys(report), ['findings', 'summary']);
  assert.deepEqual(Object.keys(report.summary), ['errors', 'warnings', 'infos']);
  assert.ok(report.findings.length > 0);
  const f = report.findings[0];
  // `basis` (issue 11): what the finding rests on (source, topic, parameter, value).
  assert.deepEqual(Object.keys(f), ['code', 'severity', 'message', 'subject', 'from', 'to', 'article', 'basis', 'details']);
  for (const g of report.findings) {
    for (const d of [g.from, g.to]) assert.ok(d === null || /^\d{4}-\d{2}-\d{2}$/.test(d));
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const g of report.findings) counts[g.severity] += 1;
  assert.deepEqual(report.summary, { errors: counts.error, warnings: counts.warning, infos: counts.info });
  ds.free();
});

test('languages: same findings, messages in Vietnamese or English', () => {
  const ds = demo();
  const en = ds.check({ today: TODAY, lang: 'en' });
  const vi = ds.check({ today: TODAY, lang: 'vi' });
  assert.equal(en.findings.length, vi.findings.length);
  assert.deepEqual(en.findings.map((f) => f.code), vi.findings.map((f) => f.code));
  assert.notEqual(en.findings[0].message, vi.findings[0].message);
  assert.deepEqual(ds.check({ today: TODAY }), vi, 'Vietnamese is the default, as on the command line and in Python');
  ds.free();
});

test('dates as ISO, Vietnamese DD/MM/YYYY or Date give the same answer', () => {
  const ds = demo();
  const a = ds.check({ today: TODAY, at: '2024-10-01' });
  assert.deepEqual(ds.check({ today: '01/01/2026', at: '01/10/2024' }), a);
  assert.deepEqual(ds.check({ today: new Date(2026, 0, 1), at: new Date(2024, 9, 1) }), a);
  assert.deepEqual(ds.check({ today: TODAY, at: '2024-10-01', recordedOn: null }), a);
  ds.free();
});

test('profile as built-in id, JSON text or object give the same answer', () => {
  const ds = demo();
  const byDefault = ds.check({ today: TODAY });
  assert.deepEqual(ds.check({ today: TODAY, profile: 'bac-kan-1390' }), byDefault);
  const text = readFileSync(new URL('../../../crates/diaban/profiles/bac-kan-1390.json', import.meta.url), 'utf8');
  assert.deepEqual(ds.check({ today: TODAY, profile: text }), byDefault);
  assert.deepEqual(ds.check({ today: TODAY, profile: JSON.parse(text) }), byDefault);
  ds.free();
});

test('recordedOn leaves out later decisions', () => {
  const ds = demo();
  const all = ds.check({ today: TODAY });
  const early = ds.check({ today: TODAY, recordedOn: '2024-08-01' });
  assert.notDeepEqual(early, all);
  ds.free();
});

test('coverage: 108 commune-level units, grouped by district, plain rows', () => {
  const ds = demo();
  const cov = ds.coverage({ at: '2024-10-01' });
  plain(cov);
  assert.equal(cov.scheme, 'commune-monitoring');
  assert.equal(cov.at, '2024-10-01');
  assert.equal(cov.rows.length, 108);
  assert.equal(cov.covered + cov.uncovered, 108);
  assert.equal(new Set(cov.rows.map((r) => r.district_code)).size, 8);
  const vanTung = cov.rows.find((r) => r.code === '01954');
  assert.equal(vanTung.name, 'Thị trấn Vân Tùng');
  assert.equal(vanTung.type, 'Thị trấn');
  assert.equal(vanTung.covered, true);
  assert.equal(vanTung.assignments[0].subject_name, 'Hà Sỹ Thắng');
  assert.deepEqual(ds.coverage({ at: '2024-10-01', scheme: 'commune-monitoring' }), cov);
  ds.free();
});

test('whoMonitors, monitoredBy, history', () => {
  const ds = demo();
  const who = ds.whoMonitors('01954', '2024-10-01');
  plain(who);
  assert.equal(who.length, 1);
  assert.equal(who[0].subject_name, 'Hà Sỹ Thắng');
  assert.equal(who[0].valid_from, '2024-09-01');
  assert.deepEqual(ds.whoMonitors('01954', new Date(2024, 9, 1)), who);
  const held = ds.monitoredBy(who[0].subject_id, '2024-10-01');
  assert.ok(held.some((a) => a.target === '01954'));
  const history = ds.history('01954');
  assert.ok(history.length >= 1);
  for (let i = 1; i < history.length; i += 1) assert.ok(history[i - 1].valid_from <= history[i].valid_from);
  // A place or a person by id or by name (case, tone placement and Sĩ/Sỹ do not matter); an
  // unknown one is an error (never an empty list), an ambiguous one lists the candidates.
  assert.deepEqual(ds.whoMonitors('thị trấn vân tùng', '2024-10-01'), who);
  assert.deepEqual(ds.history('Vân Tùng'), history);
  assert.deepEqual(ds.monitoredBy('hà sĩ thắng', '2024-10-01'), held);
  assert.throws(() => ds.whoMonitors('99999', '2024-10-01'), { name: 'DiabanError', code: 'not_found', argument: 'target' });
  assert.throws(() => ds.history('99999'), { code: 'not_found' });
  assert.throws(
    () => ds.history('Bắc Kạn'),
    (e) => e.code === 'ambiguous_name' && e.candidates.map((c) => c.id).join() === '058,06',
  );
  ds.free();
});

test('toJson and toCsv round trips give the same findings', () => {
  const ds = demo();
  const expected = ds.check({ today: TODAY });
  const json = ds.toJson();
  assert.equal(typeof json, 'string');
  const fromJson = Dataset.fromJson(json);
  assert.deepEqual(fromJson.check({ today: TODAY }), expected);
  assert.deepEqual(Dataset.fromJson(JSON.parse(json)).check({ today: TODAY }), expected);
  const csv = ds.toCsv();
  plain(csv);
  assert.ok('units.csv' in csv);
  const fromCsv = Dataset.fromCsv(csv);
  assert.deepEqual(fromCsv.check({ today: TODAY }), expected);
  assert.deepEqual(Dataset.fromCsv(new Map(Object.entries(csv))).check({ today: TODAY }), expected);
  assert.deepEqual(fromCsv.counts(), ds.counts());
  assert.equal(ds.counts().units, 117);
  for (const d of [ds, fromJson, fromCsv]) d.free();
});

test('a commune dropped from the records shows as a coverage gap', () => {
  const csv = demo().toCsv();
  csv['assignments.csv'] = csv['assignments.csv']
    .split('\n')
    .filter((line) => !line.startsWith('cm-01954,'))
    .join('\n');
  const report = Dataset.fromCsv(csv).check({ today: TODAY });
  assert.ok(report.findings.some((f) => f.code === 'coverage_gap' && f.subject.id === '01954'));
});

test('relations: the working relationships of a monitor', () => {
  const ds = demo();
  const rels = ds.relations('p-ha-sy-thang', '2024-10-01');
  plain(rels);
  assert.ok(rels.length > 0);
  assert.ok(rels.every((r) => r.subject_id === 'p-ha-sy-thang'));
  assert.ok(rels.some((r) => r.kind === 'evaluated_by'));
  assert.deepEqual(ds.relations('p-ha-sy-thang', new Date(2024, 9, 1), { profile: 'bac-kan-1390' }), rels);
  assert.deepEqual(ds.relations('Hà Sỹ Thắng', '2024-10-01'), rels);
  assert.throws(() => ds.relations('nobody', '2024-10-01'), { code: 'not_found', argument: 'person' });
  ds.free();
});

test('findingCodes lists the registry with titles and hints in the language asked for', () => {
  const vi = findingCodes();
  const en = findingCodes('en');
  assert.equal(vi.length, en.length);
  const gap = vi.find((c) => c.code === 'coverage_gap');
  assert.equal(gap.title, 'Đơn vị không có người theo dõi');
  assert.equal(gap.severity, 'error');
  assert.equal(en.find((c) => c.code === 'coverage_gap').title, 'Unit without a monitor');
  // Every code a check can report has an entry.
  const codes = new Set(vi.map((c) => c.code));
  for (const f of demo().check({ today: '2026-01-01' }).findings) assert.ok(codes.has(f.code), f.code);
  assert.throws(() => findingCodes('fr'), (e) => e.code === 'invalid_argument');
});
