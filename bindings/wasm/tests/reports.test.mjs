// The yearly report, relationsTowards, reorganisations and lineage: the core's own structures,
// checked against the article's figures, the Bắc Kạn reform of 1 July 2025 and the CLI's JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Dataset, DiabanError, builtinEvents, demo } from 'diaban';
import { root, runCli } from './cli-run.mjs';

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

function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  return assert.fail('expected an error');
}

/** The quantities of a commune's contributions in the report's year, by kind. */
function quantities(report, code) {
  const commune = report.programme.by_commune.find((c) => c.id === code);
  assert.ok(commune, `no contributions for ${code}`);
  return Object.fromEntries(Object.entries(commune.by_kind).map(([kind, t]) => [kind, t.quantity]));
}

test('report: the Sỹ Bình figures of the article (commune 01978)', () => {
  const ds = demo();
  const r2023 = ds.report({ year: 2023, today: TODAY });
  plain(r2023);
  assert.deepEqual(Object.keys(r2023), ['year', 'today', 'regulation', 'assignments', 'districts', 'agencies', 'proposals', 'programme']);
  assert.equal(r2023.year, 2023);
  assert.equal(r2023.today, TODAY);
  assert.deepEqual(quantities(r2023, '01978'), { works: 2, gifts: 10, bicycles: 56 });
  const r2024 = ds.report({ year: 2024, today: new Date(2026, 0, 1) });
  assert.deepEqual(quantities(r2024, '01978'), { works: 1, gifts: 52, houses: 1 });
  assert.ok(r2024.programme.by_year.some((y) => y.id === '2023') && r2024.programme.by_year.some((y) => y.id === '2024'));
  ds.free();
});

test('report: assignments, duties and roll-ups per district', () => {
  const ds = demo();
  const r = ds.report({ year: 2024, today: TODAY, profile: 'bac-kan-1390' });
  const communes = r.assignments.filter((a) => a.scheme === 'commune-monitoring');
  assert.equal(communes.length, 108);
  assert.equal(r.districts.length, 8);
  assert.equal(r.districts.reduce((n, d) => n + d.assignments, 0), r.assignments.filter((a) => a.district_code !== null).length);
  for (const a of r.assignments) {
    assert.match(a.period.from, /^\d{4}-\d{2}-\d{2}$/);
    const unmet = a.duties.some((d) => !d.met) || ['missing', 'late'].includes(a.evaluation.status) || a.evaluation.rating === 'unfulfilled';
    assert.equal(a.shortfall, unmet, a.assignment_id);
  }
  for (const d of r.districts) {
    assert.equal(d.with_shortfall, r.assignments.filter((a) => a.district_code === d.id && a.shortfall).length, d.id);
  }
  // Without `today`, deadlines are judged on the system date, as on the command line and in Python.
  const now = new Date();
  const pad = (n, w) => String(n).padStart(w, '0');
  const systemDay = `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
  assert.equal(ds.report({ year: 2024 }).today, systemDay);
  assert.ok(r.assignments.some((a) => a.evaluation.status === 'missing'));
  ds.free();
});

test('report: errors name the argument', () => {
  const ds = demo();
  assert.equal(thrown(() => ds.report()).argument, 'year');
  assert.equal(thrown(() => ds.report({ year: 2024, today: '2024-02-30' })).argument, 'today');
  const e = thrown(() => ds.report({ year: 2024, lang: 'vi' }));
  assert.equal(e.code, 'invalid_argument');
  assert.match(e.message, /lang/);
  assert.equal(thrown(() => ds.report({ year: 2024, profile: 'nope' })).code, 'unknown_profile');
  ds.free();
});


test('report equals the JSON of `diaban report --format json`', (t) => {
  const out = runCli(t, ['report', '--year', '2024', '--today', TODAY, '--format', 'json']);
  if (out === null) return;
  const ds = demo();
  assert.deepEqual(ds.report({ year: 2024, today: TODAY }), JSON.parse(out));
  ds.free();
});

test('check with no arguments equals `diaban check` (Vietnamese, judged on the system date)', (t) => {
  const out = runCli(t, ['check', '--format', 'json']);
  if (out === null) return;
  const ds = demo();
  assert.deepEqual(ds.check(), JSON.parse(out));
  ds.free();
});

test('relationsTowards: the reverse of relations', () => {
  const ds = demo();
  const towards = ds.relationsTowards('dang-uy-01954', '2024-10-01');
  plain(towards);
  assert.ok(towards.length > 0);
  assert.ok(towards.every((r) => r.body_id === 'dang-uy-01954' || r.people.some((p) => p.id === 'dang-uy-01954')));
  const mine = ds.relations('p-ha-sy-thang', '2024-10-01').filter((r) => r.body_id === 'dang-uy-01954');
  for (const r of mine) assert.ok(towards.some((x) => x.subject_id === 'p-ha-sy-thang' && x.kind === r.kind));
  const byPerson = ds.relationsTowards('p-001', new Date(2024, 9, 1), { profile: 'bac-kan-1390' });
  assert.ok(byPerson.some((r) => r.kind === 'reports_to' && r.subject_id === 'p-ha-sy-thang'));
  assert.deepEqual(ds.relationsTowards('nobody', '2024-10-01'), []);
  assert.equal(thrown(() => ds.relationsTowards('p-001')).argument, 'at');
  ds.free();
});

test('reorganize: the Bắc Kạn reform of 1 July 2025 on the demo', () => {
  assert.deepEqual(builtinEvents(), ['bac-kan-2025']);
  const ds = demo();
  const before = JSON.parse(ds.toJson());
  const { dataset, changes } = ds.reorganize('bac-kan-2025');
  assert.ok(dataset instanceof Dataset);
  plain(changes);
  assert.deepEqual(changes.events, ['2025-07-01']);
  assert.equal(changes.units_started.filter((u) => u.unit.code.length === 5).length, 37, '37 new commune-level units');
  assert.equal(changes.units_ended.length, 117);
  assert.equal(changes.edges_added, 117);
  assert.equal(dataset.counts().units, ds.counts().units + changes.units_started.length);
  assert.equal(dataset.counts().reorganizations, 117);

  const after = new Map(JSON.parse(dataset.toJson()).assignments.map((a) => [a.id, a]));
  const units = new Set(before.units.map((u) => u.code));
  const running = before.assignments.filter((a) => a.valid_from <= '2025-06-30' && (!a.valid_to || a.valid_to > '2025-06-30'));
  const onUnits = running.filter((a) => units.has(a.target));
  assert.ok(onUnits.length > 100);
  for (const a of onUnits) {
    const b = after.get(a.id);
    assert.equal(b.valid_to, '2025-06-30', a.id);
    assert.equal(b.end_reason, 'reorganized', a.id);
  }
  // The reform also ends the assignments of the term of Tỉnh ủy Bắc Kạn, which ended with the
  // province: the 10 cell-attendance assignments (their party cells live on).
  const ofTerm = running.filter((a) => !units.has(a.target) && a.term_id === 'tinh-uy-xii');
  assert.equal(ofTerm.length, 10);
  assert.equal(changes.assignments_closed.length, onUnits.length + ofTerm.length);
  // The old party committees end; one is proposed for each new unit.
  assert.equal(changes.organizations_ended.length, 118);
  assert.equal(changes.organizations_created.length, 38);
  const cm = dataset.whoMonitors('01954', '2025-06-30')[0];
  assert.deepEqual([cm.id, cm.valid_to, cm.end_reason], ['cm-01954', '2025-06-30', 'reorganized']);
  assert.deepEqual(dataset.whoMonitors('01954', '2025-07-01'), []);
  const closed = changes.assignments_closed.find((c) => c.id === 'cm-01954');
  assert.equal(closed.previous_valid_to, null);
  assert.ok(closed.successors.length === 1 && closed.basis[0].startsWith('Nghị quyết 1683'));

  // The original is unchanged; applying the same events again changes nothing.
  assert.deepEqual(JSON.parse(ds.toJson()), before);
  const again = dataset.reorganize('bac-kan-2025');
  assert.deepEqual(
    [again.changes.units_ended, again.changes.units_started, again.changes.organizations_ended,
      again.changes.organizations_created, again.changes.assignments_closed, again.changes.edges_added],
    [[], [], [], [], [], 0],
  );
  assert.equal(again.dataset.toJson(), dataset.toJson());
  // The reorganised dataset checks like any other. The built-in 1390-QĐ/TU ends with Bắc Kạn on
  // 2025-06-30 and judges nothing after it; the same rules kept in force by the merged province
  // (its proposed Tỉnh ủy as issuer, no territory) find the new units unmonitored.
  const newGap = (f) => f.code === 'coverage_gap' && f.from === '2025-07-01';
  assert.ok(!dataset.check({ today: TODAY }).findings.some(newGap));
  const continued = JSON.parse(readFileSync(`${root}crates/diaban/profiles/bac-kan-1390.json`, 'utf8'));
  for (const key of ['in_force_until', 'in_force_until_source', 'in_force_until_note', 'territory']) {
    delete continued.regulation[key];
  }
  continued.role_ids = { issuer: 'tinh-uy-19-2025' };
  assert.ok(dataset.check({ today: TODAY, profile: continued }).findings.some(newGap));
  for (const d of [ds, dataset, again.dataset]) d.free();
});

test('reorganize: events as reorganizations.csv text or edge objects give the same result', () => {
  const ds = demo();
  const { dataset, changes } = ds.reorganize('bac-kan-2025');
  const csv = dataset.toCsv()['reorganizations.csv'];
  assert.ok(csv, 'the carried-over dataset writes reorganizations.csv');
  const fromCsv = ds.reorganize(csv);
  assert.deepEqual(fromCsv.changes, changes);
  const edges = JSON.parse(dataset.toJson()).reorganizations;
  const fromObjects = ds.reorganize(edges.map((e) => ({ ...e, effective: new Date(2025, 6, 1) })));
  assert.deepEqual(fromObjects.changes, changes);
  assert.deepEqual(ds.reorganize(JSON.stringify(edges)).changes, changes);
  // One event by hand: Vân Tùng and Cốc Đán merge into a new 01954.
  const small = ds.reorganize([
    { effective: '2025-07-01', old_code: '01954', new_code: '01954', new_name: 'Xã Ngân Sơn', new_type: 'Xã', part: 'full' },
    { effective: '2025-07-01', old_code: '01945', new_code: '01954', new_name: 'Xã Ngân Sơn', new_type: 'Xã', part: 'full' },
  ]);
  assert.deepEqual(small.changes.units_started.map((u) => [u.unit.code, u.unit.name, u.unit.parent_code]), [['01954', 'Xã Ngân Sơn', '062']]);
  assert.deepEqual(small.changes.units_ended.map((u) => u.unit.code).sort(), ['01945', '01954']);
  for (const d of [ds, dataset, fromCsv.dataset, fromObjects.dataset, small.dataset]) d.free();
});

test('reorganize: bad events are invalid_argument or a load error with its place', () => {
  const ds = demo();
  let e = thrown(() => ds.reorganize());
  assert.ok(e instanceof DiabanError);
  assert.equal(e.argument, 'events');
  e = thrown(() => ds.reorganize('bac-kan-2024'));
  assert.equal(e.code, 'invalid_argument');
  assert.match(e.message, /bac-kan-2025/);
  e = thrown(() => ds.reorganize([{ effective: '2025-02-30', old_code: '01954', part: 'abolished' }]));
  assert.equal(e.code, 'invalid_date');
  assert.match(e.path, /^\[0\]\.effective/);
  e = thrown(() => ds.reorganize([{ effective: '2025-07-01', old_code: '01954', part: 'abolished', colour: 'red' }]));
  assert.equal(e.code, 'unknown_field');
  e = thrown(() => ds.reorganize([{ effective: '2025-07-01', old_code: '058', new_code: '999', part: 'abolished' }]));
  assert.equal(e.code, 'invalid_argument');
  const header = 'effective,old_code,new_code,new_name,new_type,part,basis\n';
  e = thrown(() => ds.reorganize(`${header}2025-07-01,01954,,,,abolished,\n2025-13-01,01945,,,,abolished,\n`));
  assert.equal(e.file, 'reorganizations.csv');
  assert.equal(e.line, 3);
  assert.equal(e.field, 'effective');
  e = thrown(() => ds.reorganize('effective,old_code,part\n2025-07-01,01954,abolished\n'));
  assert.deepEqual([e.code, e.file, e.field], ['missing_field', 'reorganizations.csv', 'new_code']);
  assert.equal(thrown(() => ds.reorganize(42)).argument, 'events');
  ds.free();
});

test('reorganize: a dataset made by reorganize survives a module reset', async () => {
  const { __testPanic } = await import('diaban');
  const ds = demo();
  const { dataset } = ds.reorganize('bac-kan-2025');
  const expected = dataset.check({ today: TODAY });
  assert.equal(thrown(() => __testPanic()).code, 'internal');
  assert.deepEqual(dataset.check({ today: TODAY }), expected);
  ds.free();
  dataset.free();
});

test('lineage: 01843 on 2025-07-01 came from Sông Cầu, Phùng Chí Kiên, Nông Thượng and Xuất Hóa', () => {
  const ds = demo();
  const { dataset } = ds.reorganize('bac-kan-2025');
  const l = dataset.lineage('01843', { at: '2025-07-01' });
  plain(l);
  assert.equal(l.code, '01843');
  assert.equal(l.name, 'Phường Bắc Kạn');
  assert.equal(l.at, '2025-07-01');
  assert.equal(l.valid_from, '2025-07-01');
  assert.deepEqual(
    l.predecessors.map((s) => [s.code, s.name]),
    [
      ['01837', 'Phường Sông Cầu'],
      ['01843', 'Phường Phùng Chí Kiên'],
      ['01852', 'Xã Nông Thượng'],
      ['01855', 'Phường Xuất Hóa'],
    ],
  );
  assert.ok(l.predecessors.every((s) => s.depth === 1 && s.part === 'full' && s.effective === '2025-07-01' && s.valid_to === '2025-06-30'));
  assert.deepEqual(l.successors, []);
  // The old 01843 (a different unit with the same code), and the same answer from the demo plus events.
  const old = dataset.lineage('01843', { at: new Date(2024, 9, 1) });
  assert.equal(old.name, 'Phường Phùng Chí Kiên');
  assert.deepEqual(old.successors.map((s) => [s.code, s.name]), [['01843', 'Phường Bắc Kạn']]);
  assert.deepEqual(ds.lineage('01843', { at: '2024-10-01', events: 'bac-kan-2025' }).successors, old.successors);
  assert.deepEqual(ds.lineage('01843', { at: '2024-10-01' }).successors, [], 'the demo records no reorganisation');
  const district = dataset.lineage('058', { at: '2025-06-30' });
  assert.deepEqual(district.successors.map((s) => [s.code, s.part]), [[null, 'abolished']]);
  assert.equal(thrown(() => dataset.lineage('01843')).argument, 'at');
  ds.free();
  dataset.free();
});

test('counts: every table, from the tables themselves', () => {
  const ds = demo();
  const counts = ds.counts();
  plain(counts);
  assert.deepEqual(Object.keys(counts), [
    'units',
    'organizations',
    'people',
    'terms',
    'assignments',
    'activities',
    'evaluations',
    'reorganizations',
    'ntm_statuses',
  ]);
  const json = JSON.parse(ds.toJson());
  for (const [table, n] of Object.entries(counts)) assert.equal(n, (json[table] ?? []).length, table);
  assert.equal(counts.reorganizations, 0);
  const empty = Dataset.fromJson({ units: [] }).counts();
  assert.ok(Object.values(empty).every((n) => n === 0));
  ds.free();
});
