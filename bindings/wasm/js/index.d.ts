// Types of the diaban JavaScript API (browsers, bundlers and Node share them).

/** A calendar day as an ISO `YYYY-MM-DD` string (what every result uses). */
export type IsoDate = string;
/** A day as input: `YYYY-MM-DD`, `DD/MM/YYYY`, or a `Date` (its local calendar day). */
export type DateInput = string | Date;
/** The language of finding messages. */
export type Lang = 'vi' | 'en';
/** How serious a finding is. */
export type Severity = 'error' | 'warning' | 'info';
/** The stable finding codes (docs/design.md, "Findings"); new codes may be added. */
export type FindingCode =
  | 'duplicate_id'
  | 'unknown_reference'
  | 'invalid_period'
  | 'unit_code_overlap'
  | 'unit_not_in_force'
  | 'coverage_gap'
  | 'coverage_overlap'
  | 'assignee_overloaded'
  | 'ineligible_assignee'
  | 'outside_term'
  | 'outside_regulation'
  | 'open_after_reorganization'
  | 'activity_outside_assignment'
  | 'duty_frequency_unmet'
  | 'evaluation_missing'
  | 'evaluation_late'
  | 'evaluation_wrong_author'
  | 'evaluation_duplicate'
  | 'district_lead_missing'
  | 'unfulfilled_not_replaced'
  | 'target_out_of_scope'
  | 'ntm_status_invalid'
  | 'coverage_ending'
  | 'assignment_duplicated'
  | 'acting_too_long'
  | (string & {});
/** The stable error codes of `DiabanError`. */
export type ErrorCode =
  | 'json_syntax'
  | 'csv_syntax'
  | 'xlsx_syntax'
  | 'unknown_field'
  | 'missing_field'
  | 'invalid_date'
  | 'invalid_value'
  | 'limit_exceeded'
  | 'io'
  | 'unknown_profile'
  | 'unknown_scheme'
  | 'invalid_argument'
  | 'dataset_freed'
  | 'unsupported'
  | 'internal'
  | (string & {});
/** Why an assignment ended. */
export type EndReason = 'term_ended' | 'replaced' | 'reorganized' | 'revoked';

/** What a finding is about. */
export interface SubjectRef {
  /** `unit`, `organization`, `person`, `term`, `assignment`, `activity`, `evaluation`, `scheme`… */
  kind: string;
  /** Its id (for a unit, its code). */
  id: string;
}

/** One problem found in a dataset (the JSON of `diaban check --format json`). */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** In the language asked for. */
  message: string;
  subject: SubjectRef;
  /** First day concerned, if the finding is about days. */
  from: IsoDate | null;
  /** Last day concerned (`null` with a `from`: still going on). */
  to: IsoDate | null;
  /** The article the rule rests on, e.g. `1390-QĐ/TU, Điều 3`. */
  article: string | null;
  /** Structured details (ids, counts, the scheme…). */
  details: Record<string, unknown>;
}

/** Counts of findings by severity. */
export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

/** The result of `check`. */
export interface Report {
  findings: Finding[];
  summary: Summary;
}

/** A profile as a JSON object (see `diaban schema` and `crates/diaban/profiles/`). */
export type ProfileObject = Record<string, unknown>;

/** Options of `Dataset.check`. */
export interface CheckOptions {
  /** View the records as they stood on this single day; omitted: the whole history. */
  at?: DateInput | null;
  /** The day the check is judged on (deadlines, years over, gaps begun); omitted: `at` when
   * given, else the system date — the same default as the command line and Python. */
  today?: DateInput | null;
  /** Leave out assignments whose decision was signed after this day. */
  recordedOn?: DateInput | null;
  /** Language of the messages; default `vi`, as on the command line and in Python. */
  lang?: Lang;
  /** A built-in profile id (default `bac-kan-1390`), profile JSON text, or a profile object. */
  profile?: string | ProfileObject | null;
  /** Also report, as information, the records the regulation does not cover. */
  strict?: boolean;
}

/** Options of `Dataset.coverage`. */
export interface CoverageOptions {
  /** The day (required). */
  at: DateInput;
  /** Scheme id; default: the profile's first scheme with a coverage rule (`commune-monitoring`). */
  scheme?: string | null;
  /** As in `CheckOptions.profile`. */
  profile?: string | ProfileObject | null;
}

/** An assignment with the names a reader needs. */
export interface AssignmentView {
  id: string;
  scheme: string;
  subject_id: string;
  subject_name: string | null;
  /** The subject's post title on the day asked about (or at the assignment's start). */
  subject_title: string | null;
  /** Unit code or organisation id. */
  target: string;
  target_name: string | null;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  end_reason: EndReason | null;
  decision_number: string | null;
  decision_date: IsoDate | null;
  replaces: string | null;
}

/** One row of a coverage table. */
export interface CoverageRow {
  code: string;
  name: string;
  /** GSO type (Xã, Phường, Thị trấn…), for units. */
  type: string | null;
  district_code: string | null;
  district_name: string | null;
  covered: boolean;
  assignments: AssignmentView[];
}

/** The coverage table of a scheme on a day. */
export interface Coverage {
  scheme: string;
  at: IsoDate;
  covered: number;
  uncovered: number;
  rows: CoverageRow[];
}

/** The kind of a working relationship (Chapter III of 1390-QĐ/TU). */
export type RelationKind = 'reports_to' | 'directed_by' | 'coordinates_with' | 'evaluated_by';

/** A person on the other side of a relationship. */
export interface PersonRef {
  id: string;
  name: string;
  /** The post that puts them there. */
  title: string;
}

/** One working relationship of one assignment. */
export interface Relation {
  kind: RelationKind;
  /** The person or organisation that has the relationship. */
  subject_id: string;
  /** The assignment it comes from. */
  assignment_id: string;
  scheme: string;
  target: string;
  /** The counterpart body, when known. */
  body_id: string | null;
  body_name: string | null;
  /** The counterpart people, where known. */
  people: PersonRef[];
  article: string | null;
  /** What the profile says about it. */
  note: string;
  /** True when the dataset cannot name the counterpart. */
  unresolved: boolean;
}

/** Options of the queries that depend on the profile. */
export interface ProfileOptions {
  /** As in `CheckOptions.profile`. */
  profile?: string | ProfileObject | null;
}

/** Options of `Dataset.report`. */
export interface ReportOptions {
  /** The year (required). */
  year: number;
  /** The day deadlines are judged against; omitted: the system date, as everywhere. */
  today?: DateInput | null;
  /** As in `CheckOptions.profile`. */
  profile?: string | ProfileObject | null;
}

/** A span of days, both ends inclusive; `to` is absent while it has no end. */
export interface Period {
  from: IsoDate;
  to?: IsoDate;
}

/** What an activity was. */
export type ActivityKind =
  | 'committee_meeting'
  | 'field_visit'
  | 'guidance'
  | 'proposal'
  | 'cell_meeting'
  | 'contribution';
/** What a contribution to the rural-development programme consisted of. */
export type ContributionKind = 'works' | 'gifts' | 'bicycles' | 'houses' | 'cash' | 'labour_days';
/** The rating of a yearly evaluation. */
export type Rating = 'excellent' | 'good' | 'fulfilled' | 'unfulfilled';
/** Where an assignment-year's evaluation stands. */
export type EvaluationState = 'ok' | 'late' | 'missing' | 'not_due' | 'not_required' | 'none';

/** One duty of one assignment in the year. */
export interface DutyRow {
  /** Duty id (from the profile). */
  duty: string;
  /** The activity kind that fulfils it. */
  activity_kind: ActivityKind;
  /** Required in the year (prorated to the days assigned). */
  required: number;
  /** Done in the year. */
  done: number;
  /** `done >= required`. */
  met: boolean;
}

/** The evaluation of an assignment-year. */
export interface EvaluationStatus {
  status: EvaluationState;
  evaluation_id: string | null;
  rating: Rating | null;
  submitted_on: IsoDate | null;
  /** The deadline. */
  due: IsoDate | null;
}

/** One assignment in the year of a `YearReport`. */
export interface AssignmentYear {
  assignment_id: string;
  scheme: string;
  subject_id: string;
  subject_name: string | null;
  /** The subject's agency (of their post on the last assigned day of the year). */
  agency_id: string | null;
  agency_name: string | null;
  target: string;
  target_name: string | null;
  district_code: string | null;
  district_name: string | null;
  /** The days of the year assigned. */
  period: Period;
  days: number;
  /** Duties, in profile order. */
  duties: DutyRow[];
  /** Proposals made in the year. */
  proposals: number;
  evaluation: EvaluationStatus;
  /** Some duty not met, or the evaluation missing, late or rated unfulfilled. */
  shortfall: boolean;
}

/** Counts for a district or an agency. */
export interface Rollup {
  /** District code or agency id. */
  id: string;
  name: string;
  assignments: number;
  with_shortfall: number;
  evaluations_missing: number;
  /** Evaluations by rating. */
  ratings: Partial<Record<Rating, number>>;
}

/** A proposal made in the year. */
export interface ProposalRow {
  id: string;
  date: IsoDate;
  subject_id: string;
  subject_name: string | null;
  target: string;
  recipient: string | null;
  note: string | null;
}

/** Totals of the contributions of one kind. */
export interface Totals {
  /** Number of contribution records. */
  records: number;
  /** Sum of quantities. */
  quantity: number;
  /** Sum of values in đồng (records without a value count as 0). */
  value_vnd: number;
}

/** Contributions of one agency, commune or year, by kind. */
export interface ContributionTotals {
  /** Agency id, commune code or year. */
  id: string;
  name: string;
  by_kind: Partial<Record<ContributionKind, Totals>>;
}

/** The rural-development programme's contributions. */
export interface Programme {
  /** Per helping agency, in the year. */
  by_agency: ContributionTotals[];
  /** Per commune, in the year. */
  by_commune: ContributionTotals[];
  /** Per year, every year recorded. */
  by_year: ContributionTotals[];
}

/** The yearly report (the JSON of `diaban report --year Y --format json`). */
export interface YearReport {
  year: number;
  /** The day deadlines were judged against. */
  today: IsoDate | null;
  /** The regulation's number, e.g. `1390-QĐ/TU`. */
  regulation: string;
  /** Every assignment of a scheme with duties that ran in the year, by scheme, district, target. */
  assignments: AssignmentYear[];
  districts: Rollup[];
  agencies: Rollup[];
  proposals: ProposalRow[];
  programme: Programme;
}

/** The GSO type of an administrative unit. */
export type UnitType =
  | 'Tỉnh'
  | 'Thành phố Trung ương'
  | 'Huyện'
  | 'Quận'
  | 'Thị xã'
  | 'Thành phố'
  | 'Xã'
  | 'Phường'
  | 'Thị trấn'
  | 'Đặc khu';

/** An administrative unit (one version of a code), as in a dataset. */
export interface Unit {
  code: string;
  name: string;
  type: UnitType;
  /** Absent for a province. */
  parent_code?: string;
  /** Absent when not recorded. */
  valid_from?: IsoDate;
  /** Absent while in force. */
  valid_to?: IsoDate;
}

/** Whether an old unit passes whole, in part, or to no new unit. */
export type Part = 'full' | 'partial' | 'abolished';

/** One edge of a reorganisation (a row of `reorganizations.csv`); input and output. */
export interface ReorganizationEdge {
  /** First day of the new arrangement (as input, a `Date` is accepted too). */
  effective: IsoDate;
  /** The old unit's code (as in force the day before). */
  old_code: string;
  /** The new unit; absent when the old unit is abolished. */
  new_code?: string;
  new_name?: string;
  new_type?: UnitType;
  part: Part;
  /** The legal basis. */
  basis?: string;
}

/** Reorganisation edges as input: like `ReorganizationEdge`, with a `Date` allowed for `effective`. */
export type ReorganizationEdgeInput = Omit<ReorganizationEdge, 'effective'> & { effective: DateInput };

/** Reorganisation events: a built-in id (`'bac-kan-2025'`), `reorganizations.csv` text (or a
 * JSON list of edges as text), or an array of edges. */
export type Events = 'bac-kan-2025' | (string & {}) | ReorganizationEdgeInput[];

/** A unit that an application ended or started. */
export interface UnitChange {
  /** The effective day of the event. */
  effective: IsoDate;
  /** The unit as it stands after the change. */
  unit: Unit;
}

/** An assignment that an application ended (reason `reorganized`). */
export interface ClosedAssignment {
  id: string;
  scheme: string;
  subject_id: string;
  /** The ended unit it was on. */
  target: string;
  /** Its last day now (the day before the event). */
  valid_to: IsoDate;
  /** Its last day before (`null`: it was open). */
  previous_valid_to: IsoDate | null;
  /** The new units that follow its target (empty when the target was abolished). */
  successors: string[];
  /** The legal basis of the edges that ended its target. */
  basis: string[];
}

/** An organisation (a row of `organizations.csv`) as a reorganisation ended or created it. */
export interface OrganizationChange {
  /** The effective day of the event. */
  effective: IsoDate;
  organization: {
    id: string;
    name: string;
    kind: string;
    level: 'province' | 'district' | 'commune';
    unit_code?: string;
    parent_id?: string;
    valid_from?: IsoDate;
    valid_to?: IsoDate;
  };
}

/** A record left unchanged that a person should look at. */
export interface LeftRecord {
  kind: 'activity' | 'evaluation' | 'organization' | 'reorganization';
  /** Its id (for an edge, `effective:old_code`). */
  id: string;
  reason: string;
}

/** What `reorganize` changed. */
export interface Changes {
  /** The effective days of the events applied, in order. */
  events: IsoDate[];
  units_ended: UnitChange[];
  units_started: UnitChange[];
  /** Party and standing committees ended with their unit. */
  organizations_ended: OrganizationChange[];
  /** Party committees created for the new units: proposals for the Organisation Board to review. */
  organizations_created: OrganizationChange[];
  /** Assignments ended with reason `reorganized`. */
  assignments_closed: ClosedAssignment[];
  /** Edges added to the dataset's `reorganizations`. */
  edges_added: number;
  left: LeftRecord[];
}

/** The result of `reorganize`. */
export interface Reorganized {
  /** The carried-over dataset (a new one; the original is unchanged). */
  dataset: Dataset;
  changes: Changes;
}

/** Options of `Dataset.lineage`. */
export interface LineageOptions {
  /** The day that picks the version of the code (required: `01843` names different units before and after 2025-07-01). */
  at: DateInput;
  /** More edges besides the dataset's own `reorganizations`. */
  events?: Events | null;
}

/** One unit reached by following edges from the unit asked about. */
export interface LineageStep {
  /** `null` when the edge abolished the unit it comes from. */
  code: string | null;
  name: string | null;
  /** First day of this version of the code, when known. */
  valid_from: IsoDate | null;
  /** Last day of this version, when known. */
  valid_to: IsoDate | null;
  /** The code this step is reached from (one step closer to the unit asked about). */
  via: string;
  /** The effective day of the edge. */
  effective: IsoDate;
  part: Part;
  basis: string | null;
  /** 1 for a direct predecessor or successor, 2 for the next reform, and so on. */
  depth: number;
}

/** The lineage of one unit (a code on a day). */
export interface LineageReport {
  code: string;
  name: string | null;
  at: IsoDate;
  valid_from: IsoDate | null;
  valid_to: IsoDate | null;
  /** Every unit it came from, nearest first. */
  predecessors: LineageStep[];
  /** Every unit it became, nearest first. */
  successors: LineageStep[];
}

/** Records per table (`counts`). */
export type Counts = {
  units: number;
  organizations: number;
  people: number;
  terms: number;
  assignments: number;
  activities: number;
  evaluations: number;
  reorganizations: number;
  ntm_statuses: number;
};

/** CSV texts by file name: `{"units.csv": "code,name,type\n…", "assignments.csv": …}`. */
export type CsvFiles = Record<string, string>;

/** An error thrown by diaban. */
export class DiabanError extends Error {
  name: 'DiabanError';
  /** Stable snake_case code. */
  code: ErrorCode;
  /** The message in Vietnamese (also `message`, Vietnamese being the default language). */
  messageVi: string;
  /** The message in English. */
  messageEn: string;
  /** Load errors: the file (`units.csv`, `dataset`, `profile`…). */
  file?: string;
  /** Load errors: the 1-based line. */
  line?: number;
  /** Load errors (JSON): the 1-based column. */
  column?: number;
  /** Load errors: the field or CSV column at fault. */
  field?: string;
  /** Load errors (XLSX): the sheet. */
  sheet?: string;
  /** Load errors (XLSX): the cell as Excel names it (`D17`), or the row number. */
  cell?: string;
  /** Load errors (JSON): the path of the value at fault, e.g. `assignments[3].valid_from`. */
  path?: string;
  /** `invalid_argument` errors: the argument at fault. */
  argument?: string;
}

/** A dataset held in WebAssembly memory. */
export class Dataset {
  private constructor();
  /** Reads a dataset from JSON text (as `diaban convert` writes) or a parsed object. */
  static fromJson(text: string | object): Dataset;
  /** Reads a dataset from CSV texts by file name; `units.csv` is required. */
  static fromCsv(files: CsvFiles | Map<string, string>): Dataset;
  /**
   * Reads a dataset from the bytes of an XLSX workbook, one sheet per table; `units` is
   * required. Throws `unsupported` in a module built without the `xlsx` feature (the main
   * module: the office module reads workbooks). `name` names the workbook in errors.
   */
  static fromXlsx(bytes: Uint8Array | ArrayBuffer, name?: string): Dataset;
  /** Whether this build of the module reads XLSX workbooks. */
  static readonly readsXlsx: boolean;
  /** The embedded Bắc Kạn demo dataset. */
  static demo(): Dataset;
  /** Checks the dataset: every finding, in a deterministic order, and their counts. */
  check(options?: CheckOptions): Report;
  /** The coverage table of a scheme on a day. */
  coverage(options: CoverageOptions): Coverage;
  /** The assignments on a unit code (or organisation id) on a day. */
  whoMonitors(code: string, at: DateInput): AssignmentView[];
  /** The assignments a person (or organisation) holds on a day. */
  monitoredBy(id: string, at: DateInput): AssignmentView[];
  /** The working relationships a person (or organisation) has on a day. */
  relations(id: string, at: DateInput, options?: ProfileOptions): Relation[];
  /** The reverse of `relations`: every relationship on a day whose counterpart is `id` (a body or a person). */
  relationsTowards(id: string, at: DateInput, options?: ProfileOptions): Relation[];
  /** The yearly report: duties against requirements, evaluations, roll-ups, the programme's contributions. */
  report(options: ReportOptions): YearReport;
  /** Applies reorganisation events; returns a new, carried-over dataset and what changed. */
  reorganize(events: Events): Reorganized;
  /** What the unit `code` in force on a day came from and what it became. */
  lineage(code: string, options: LineageOptions): LineageReport;
  /** Every assignment ever made on a target, by start date. */
  history(code: string): AssignmentView[];
  /** The dataset as pretty JSON text (lossless). */
  toJson(): string;
  /** The dataset as CSV texts by file name. */
  toCsv(): CsvFiles;
  /** Records per table, e.g. `{units: 117, assignments: 182, …}` (cheap: nothing is serialised). */
  counts(): Counts;
  /** Frees the WebAssembly memory now; later use throws `dataset_freed`. Safe to call twice. */
  free(): void;
}

/** The embedded Bắc Kạn demo dataset. */
export function demo(): Dataset;
/** The library's version. */
export function version(): string;
/** The ids of the built-in profiles. */
export function builtinProfiles(): string[];
/** The ids of the built-in reorganisation events. */
export function builtinEvents(): string[];
/** Where the demo dataset's facts come from. */
export function demoProvenance(): string;

// ---- The office module: workbooks written in the browser, dates typed by a person ----------
// (Declared apart from the generated output types above; `office.d.ts` declares the loader.)

export interface Dataset {
  /**
   * The dataset as the bytes of an XLSX workbook, one sheet per table, as `diaban convert
   * --out book.xlsx` writes it. Only the office module writes workbooks (`writesXlsx`);
   * otherwise this throws `unsupported`.
   */
  toXlsx(): Uint8Array;
}

/** How a column's cells are written: text (the default), ISO days as dd/mm/yyyy date cells, numbers. */
export type TableColumnType = 'text' | 'date' | 'number';

/** One column of a sheet written by `writeTables`. */
export interface TableColumn {
  header: string;
  type?: TableColumnType;
}

/** One sheet written by `writeTables`: an optional bold title line, the header row, the rows. */
export interface TableSheet {
  /** The sheet's name (at most 31 characters, none of `[]:*?/\`). */
  name: string;
  title?: string | null;
  columns: TableColumn[];
  /** Cells in column order: a string, a number or `null` (empty). */
  rows?: Array<Array<string | number | null>>;
}

/** The tables of a workbook, in order. */
export interface Tables {
  sheets: TableSheet[];
}

/** Whether this build of the module writes XLSX workbooks (the office module does). */
export const writesXlsx: boolean;
/** Writes tables as the bytes of an XLSX workbook (office module only; else `unsupported`). */
export function writeTables(tables: Tables): Uint8Array;
/**
 * A day as a person types it (`DD/MM/YYYY` or `YYYY-MM-DD`), read by the library's rule: the
 * ISO day, `null` for blank text; `invalid_argument` naming `name` otherwise.
 */
export function parseDate(text: string, name?: string): string | null;
