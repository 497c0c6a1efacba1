// Runs every shared scenario in tests/scenarios/ (the files the Rust and Python suites run) and
// compares the same projection as crates/diaban/tests/scenarios.rs: each finding's code,
// severity, subject, from and to, in order, and the summary; or a load error's code and
// whichever of file, line, field and path the scenario gives; and, when a scenario asks
// the relationship query, the same projection of each relationship.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Dataset, demo } from 'diaban';

const dir = fileURLToPath(new URL('../../../tests/scenarios/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function loadDataset(s) {
  if ('dataset' in s) return Dataset.fromJson(JSON.stringify(s.dataset));
  if (s.csv && typeof s.csv === 'object') return Dataset.fromCsv(s.csv);
  return demo();
}

function profileOf(s) {
  const p = s.profile;
  if (p === undefined) return undefined;
  if (typeof p === 'string' && p.endsWith('.json')) return readFileSync(path.join(dir, p), 'utf8');
  return p;
}

function project(report) {
  return {
    findings: report.findings.map((f) => ({ code: f.code, severity: f.severity, subject: f.subject, from: f.from, to: f.to })),
    summary: report.summary,
  };
}

test('there are shared scenarios to run', () => {
  assert.ok(files.length >= 10, `too few scenarios in ${dir}: ${files.length}`);
});

for (const file of files) {
  test(`scenario ${file}`, () => {
    const s = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    const expect = s.expect;
    const options = s.options ?? {};
    let ds;
    try {
      ds = loadDataset(s);
    } catch (e) {
      assert.ok(expect.error, `unexpected load error: ${e.message}`);
      assert.ok(e instanceof Error, 'errors are Error objects');
      const got = { code: e.code, file: e.file ?? null, line: e.line ?? null, field: e.field ?? null, path: e.path ?? null };
      for (const [k, v] of Object.entries(expect.error)) {
        assert.deepEqual(got[k], v, `error ${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(got[k])} (${e.message})`);
      }
      return;
    }
    try {
      assert.ok(!expect.error, 'expected a load error, the dataset loaded');
      const report = ds.check({
        at: options.at ?? null,
        today: options.today ?? null,
        recordedOn: options.recorded_on ?? null,
        strict: options.strict === true,
        lang: options.lang === 'vi' ? 'vi' : 'en',
        profile: profileOf(s),
      });
      const got = project(report);
      if (s.relations) {
        const rels = ds.relations(s.relations.person, s.relations.at, { profile: profileOf(s) });
        got.relations = rels.map((r) => ({
          kind: r.kind,
          body_id: r.body_id,
          people: r.people.map((p) => p.id),
          article: r.article,
          unresolved: r.unresolved,
        }));
      }
      assert.deepEqual(got, expect);
    } finally {
      ds.free();
    }
  });
}
