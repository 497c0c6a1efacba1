// Type-checked by `tsc --noEmit -p tests/tsconfig.json` (run by `cargo xtask test`): every
// function and every returned shape of the package's .d.ts, used as a TypeScript user would.
import {
  Dataset,
  DiabanError,
  builtinProfiles,
  demo,
  demoProvenance,
  version,
  type AssignmentView,
  type CheckOptions,
  type Coverage,
  type CoverageRow,
  type CsvFiles,
  type EndReason,
  type Finding,
  type IsoDate,
  type PersonRef,
  type Relation,
  type RelationKind,
  type Report,
  type Severity,
  type Summary,
} from 'diaban';

const options: CheckOptions = { today: '2026-01-01', at: new Date(2024, 9, 1), lang: 'vi', profile: 'bac-kan-1390' };
const ds: Dataset = demo();
const report: Report = ds.check(options);
const summary: Summary = report.summary;
const total: number = summary.errors + summary.warnings + summary.infos;
const first: Finding | undefined = report.findings[0];
if (first) {
  const severity: Severity = first.severity;
  const from: IsoDate | null = first.from;
  const article: string | null = first.article;
  const kind: string = first.subject.kind;
  const detail: unknown = first.details['scheme'];
  console.log(severity, from, article, kind, detail, first.code === 'coverage_gap', first.message.length);
}
ds.check();
ds.check({ profile: { id: 'custom' }, recordedOn: null });

const coverage: Coverage = ds.coverage({ at: '2024-10-01', scheme: 'commune-monitoring' });
const row: CoverageRow | undefined = coverage.rows[0];
const byDistrict = new Map<string, CoverageRow[]>();
for (const r of coverage.rows) {
  const key = r.district_name ?? '';
  byDistrict.set(key, [...(byDistrict.get(key) ?? []), r]);
}
console.log(coverage.covered, coverage.uncovered, coverage.at, row?.covered, row?.type);

const who: AssignmentView[] = ds.whoMonitors('01954', '2024-10-01');
const by: AssignmentView[] = ds.monitoredBy('p-ha-sy-thang', new Date(2024, 9, 1));
const history: AssignmentView[] = ds.history('01954');
for (const a of [...who, ...by, ...history]) {
  const reason: EndReason | null = a.end_reason;
  const until: IsoDate | null = a.valid_to;
  const name: string | null = a.subject_name;
  console.log(a.id, a.scheme, a.target, a.valid_from, reason, until, name, a.decision_date, a.replaces);
}

const relations: Relation[] = ds.relations('p-ha-sy-thang', '2024-10-01', { profile: 'bac-kan-1390' });
for (const r of relations) {
  const kind: RelationKind = r.kind;
  const people: PersonRef[] = r.people;
  console.log(kind, r.body_id, r.body_name, people.map((p) => p.name), r.unresolved, r.note, r.article);
}
ds.relations('p-ha-sy-thang', new Date(2024, 9, 1));

const json: string = ds.toJson();
const csv: CsvFiles = ds.toCsv();
const again: Dataset = Dataset.fromCsv(csv);
const fromText: Dataset = Dataset.fromJson(json);
const fromObject: Dataset = Dataset.fromJson(JSON.parse(json) as object);
const counts: Record<string, number> = again.counts();
console.log(counts['units'], total, version(), builtinProfiles().join(), demoProvenance().length);
for (const d of [again, fromText, fromObject, ds, Dataset.demo()]) d.free();

try {
  Dataset.fromJson('{');
} catch (e) {
  if (e instanceof DiabanError) {
    const line: number | undefined = e.line;
    const where: string | undefined = e.path ?? e.field ?? e.file;
    console.log(e.code === 'json_syntax', line, where, e.column, e.argument, e.message);
  }
}

// @ts-expect-error: the constructor is private
new Dataset();
// @ts-expect-error: languages are 'vi' | 'en'
ds.check({ lang: 'fr' });
// @ts-expect-error: coverage needs a day
ds.coverage({});
