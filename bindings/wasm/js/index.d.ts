// Types of the diaban JavaScript API (browsers, bundlers and Node share them).

/** A calendar day as an ISO `YYYY-MM-DD` string (what every result uses). */
export type IsoDate = string;
/** A day as input: `YYYY-MM-DD`, `DD/MM/YYYY`, or a `Date` (its local calendar day). */
export type DateInput = string | Date;
/** The language of finding messages. */
export type Lang = 'vi' | 'en';
/** How serious a finding is. */
export type Severity = 'error' | 'warning' | 'info';
/** The stable finding codes (DESIGN §5); new codes may be added. */
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
  | (string & {});
/** The stable error codes of `DiabanError`. */
export type ErrorCode =
  | 'json_syntax'
  | 'csv_syntax'
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
  /** Check the dataset as it stands on this single day; omitted: the whole history. */
  at?: DateInput | null;
  /** The day deadlines are judged against; omitted: no deadline has passed (no clock is read). */
  today?: DateInput | null;
  /** Leave out assignments whose decision was signed after this day. */
  recordedOn?: DateInput | null;
  /** Language of the messages; default `en`. */
  lang?: Lang;
  /** A built-in profile id (default `bac-kan-1390`), profile JSON text, or a profile object. */
  profile?: string | ProfileObject | null;
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

/** CSV texts by file name: `{"units.csv": "code,name,type\n…", "assignments.csv": …}`. */
export type CsvFiles = Record<string, string>;

/** An error thrown by diaban. */
export class DiabanError extends Error {
  name: 'DiabanError';
  /** Stable snake_case code. */
  code: ErrorCode;
  /** Load errors: the file (`units.csv`, `dataset`, `profile`…). */
  file?: string;
  /** Load errors: the 1-based line. */
  line?: number;
  /** Load errors (JSON): the 1-based column. */
  column?: number;
  /** Load errors: the field or CSV column at fault. */
  field?: string;
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
  /** Every assignment ever made on a target, by start date. */
  history(code: string): AssignmentView[];
  /** The dataset as pretty JSON text (lossless). */
  toJson(): string;
  /** The dataset as CSV texts by file name. */
  toCsv(): CsvFiles;
  /** Record counts per table, e.g. `{units: 117, assignments: 182}`. */
  counts(): Record<string, number>;
  /** Frees the WebAssembly memory now; later use throws `dataset_freed`. Safe to call twice. */
  free(): void;
}

/** The embedded Bắc Kạn demo dataset. */
export function demo(): Dataset;
/** The library's version. */
export function version(): string;
/** The ids of the built-in profiles. */
export function builtinProfiles(): string[];
/** Where the demo dataset's facts come from. */
export function demoProvenance(): string;
