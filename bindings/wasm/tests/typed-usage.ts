// Type-checked by `tsc --noEmit -p tests/tsconfig.json` (run by `cargo xtask test`): every
// function and every returned shape of the package's .d.ts, used as a TypeScript user would.
import {
  Dataset,
  DiabanError,
  builtinEvents,
  builtinProfiles,
  demo,
  demoProvenance,
  version,
  type ActivityKind,
  type AssignmentView,
  type AssignmentYear,
  type Changes,
  type CheckOptions,
  type ClosedAssignment,
  type ContributionKind,
  type ContributionTotals,
  type Counts,
  type Coverage,
  type CoverageRow,
  type CsvFiles,
  type DutyRow,
  type EndReason,
  type EvaluationState,
  type ErrorCode,
  type EvaluationStatus,
  type Events,
  type Basis,
  type Finding,
  type FindingCode,
  type IsoDate,
  type LeftRecord,
  type Organization,
  type OrganizationChange,
  type LineageOptions,
  type LineageReport,
  type LineageStep,
  type Part,
  type Period,
  type PersonRef,
  type Programme,
  type ProposalRow,
  type Rating,
  type Relation,
  type RelationKind,
  type Reorganized,
  type ReorganizationEdge,
  type ReorganizationEdgeInput,
  type Report,
  type ReportOptions,
  type Rollup,
  type Severity,
  type Source,
  type Summary,
  type Totals,
  type Unit,
  type UnitChange,
  type UnitType,
  type YearReport,
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
  // The basis and the codes are generated from the core's schema (types.generated.d.ts).
  const basis: Basis = first.basis;
  const source: Source = basis.source;
  const code: FindingCode = first.code;
  console.log(source === 'assumed', basis.topic_vi, basis.topic_en, basis.parameter, basis.value, code);
}
// @ts-expect-error: finding codes are the core's vocabulary
const notACode: FindingCode = 'no_such_code';
console.log(notACode);
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

const towards: Relation[] = ds.relationsTowards('dang-uy-01954', new Date(2024, 9, 1), { profile: null });
console.log(towards.length);

const reportOptions: ReportOptions = { year: 2024, today: '2026-01-01', profile: 'bac-kan-1390' };
const yearly: YearReport = ds.report(reportOptions);
console.log(yearly.year, yearly.today, yearly.regulation);
for (const a of yearly.assignments as AssignmentYear[]) {
  const period: Period = a.period;
  const duties: DutyRow[] = a.duties;
  const evaluation: EvaluationStatus = a.evaluation;
  const state: EvaluationState = evaluation.status;
  const rating: Rating | null = evaluation.rating;
  const kinds: ActivityKind[] = duties.map((d) => d.activity_kind);
  console.log(a.assignment_id, a.district_code, a.agency_name, period.from, period.to, a.days, a.proposals, a.shortfall);
  console.log(state, rating, evaluation.due, evaluation.submitted_on, kinds, duties.map((d) => [d.duty, d.required, d.done, d.met]));
}
const rollups: Rollup[] = [...yearly.districts, ...yearly.agencies];
for (const r of rollups) console.log(r.id, r.name, r.assignments, r.with_shortfall, r.evaluations_missing, r.ratings.good ?? 0);
const proposals: ProposalRow[] = yearly.proposals;
console.log(proposals.map((p) => [p.date, p.subject_name, p.target, p.recipient, p.note]));
const programme: Programme = yearly.programme;
const siBinh: ContributionTotals | undefined = programme.by_commune.find((c) => c.id === '01978');
const bicycles: Totals | undefined = siBinh?.by_kind.bicycles;
const kind: ContributionKind = 'labour_days';
console.log(bicycles?.quantity, bicycles?.records, bicycles?.value_vnd, siBinh?.by_kind[kind], programme.by_agency.length, programme.by_year.length);

const events: Events = 'bac-kan-2025';
const reorganized: Reorganized = ds.reorganize(events);
const changes: Changes = reorganized.changes;
const started: UnitChange[] = changes.units_started;
const unit: Unit | undefined = started[0]?.unit;
const unitType: UnitType | undefined = unit?.type;
console.log(changes.events, changes.edges_added, unit?.code, unit?.parent_code, unit?.valid_from, unitType);
const closed: ClosedAssignment[] = changes.assignments_closed;
console.log(closed.map((c) => [c.id, c.valid_to, c.previous_valid_to, c.successors, c.basis]), changes.units_ended.length);
const created: OrganizationChange[] = changes.organizations_created;
const committee: Organization | undefined = created[0]?.organization;
console.log(committee?.kind === 'party_committee', committee?.level, committee?.unit_code, changes.organizations_ended.length);
const left: LeftRecord[] = changes.left;
console.log(left.map((l) => [l.kind, l.id, l.reason]));
const edge: ReorganizationEdge = { effective: '2025-07-01', old_code: '01945', new_code: '01954', new_name: 'Xã Ngân Sơn', new_type: 'Xã', part: 'full' };
const edgeInput: ReorganizationEdgeInput = { ...edge, effective: new Date(2025, 6, 1) };
const part: Part = edge.part;
ds.reorganize([edge, edgeInput, { effective: '2025-07-01', old_code: '062', part: 'abolished' }]).dataset.free();
ds.reorganize('effective,old_code,new_code,new_name,new_type,part,basis\n').dataset.free();
const lineageOptions: LineageOptions = { at: '2025-07-01' };
const lineage: LineageReport = reorganized.dataset.lineage('01843', lineageOptions);
const steps: LineageStep[] = [...lineage.predecessors, ...lineage.successors];
console.log(lineage.code, lineage.name, lineage.at, lineage.valid_from, lineage.valid_to, part);
console.log(steps.map((s) => [s.code, s.name, s.via, s.effective, s.part, s.basis, s.depth, s.valid_from, s.valid_to]));
ds.lineage('01843', { at: new Date(2024, 9, 1), events: 'bac-kan-2025' });
const allCounts: Counts = reorganized.dataset.counts();
console.log(allCounts.reorganizations, allCounts.ntm_statuses, builtinEvents().join());
reorganized.dataset.free();

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
    const code: ErrorCode = e.code;
    console.log(code === 'json_syntax', line, where, e.column, e.argument, e.message);
  }
}

// @ts-expect-error: the constructor is private
new Dataset();
// @ts-expect-error: languages are 'vi' | 'en'
ds.check({ lang: 'fr' });
// @ts-expect-error: coverage needs a day
ds.coverage({});
// @ts-expect-error: the report needs a year
ds.report({ today: '2026-01-01' });
// @ts-expect-error: lineage needs a day
ds.lineage('01843', {});
// @ts-expect-error: an edge needs its part
ds.reorganize([{ effective: '2025-07-01', old_code: '01954' }]);
