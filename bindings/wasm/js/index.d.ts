// Types of the diaban JavaScript API (browsers, bundlers and Node share them).
//
// The result shapes and vocabularies (Report, Finding, Coverage, YearReport, FindingCode,
// Rating…) are generated from the core's schema into `types.generated.d.ts` (`cargo xtask
// codegen`); this file declares the API surface by hand: the classes, their methods and the
// option objects.

import type {
  AssignmentView,
  Changes,
  Coverage,
  ErrorCode,
  FindingCode,
  IsoDate,
  Lang,
  LineageReport,
  ReorganizationEdge,
  Relation,
  Report,
  Severity,
  YearReport,
} from './types.generated.js';

export * from './types.generated.js';

/** A day as input: `YYYY-MM-DD`, `DD/MM/YYYY`, or a `Date` (its local calendar day). */
export type DateInput = string | Date;

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

/** Reorganisation edges as input: like `ReorganizationEdge`, with a `Date` allowed for `effective`. */
export type ReorganizationEdgeInput = Omit<ReorganizationEdge, 'effective'> & { effective: DateInput };

/** Reorganisation events: a built-in id (`'bac-kan-2025'`), `reorganizations.csv` text (or a
 * JSON list of edges as text), or an array of edges. */
export type Events = 'bac-kan-2025' | (string & {}) | ReorganizationEdgeInput[];

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
/** A finding code as the registry declares it, in one language. */
export interface CodeInfo {
  code: FindingCode;
  severity: Severity;
  /** Its title ("Đơn vị không có người theo dõi"). */
  title: string;
  /** What the office can do about such a finding. */
  hint: string;
}
/** Every finding code with its severity, title and hint in `lang` (default `'vi'`). */
export function findingCodes(lang?: 'vi' | 'en'): CodeInfo[];
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
  /**
   * The yearly report as the bytes of a printable Word document (Vietnamese), as `diaban report
   * --year Y --out report.docx` writes it. Only the office module (`writesDocx`); otherwise
   * throws `unsupported`.
   */
  reportDocx(options: ReportOptions): Uint8Array;
  /**
   * The coverage list of a day as the bytes of a printable Word document, as `diaban coverage
   * --at D --out coverage.docx` writes it. Only the office module (`writesDocx`).
   */
  coverageDocx(options: CoverageOptions): Uint8Array;
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
/** Whether this build of the module writes Word documents (`reportDocx`, `coverageDocx`). */
export const writesDocx: boolean;
/** Writes tables as the bytes of an XLSX workbook (office module only; else `unsupported`). */
export function writeTables(tables: Tables): Uint8Array;
/**
 * A day as a person types it (`DD/MM/YYYY` or `YYYY-MM-DD`), read by the library's rule: the
 * ISO day, `null` for blank text; `invalid_argument` naming `name` otherwise.
 */
export function parseDate(text: string, name?: string): string | null;
