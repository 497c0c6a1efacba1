// The public JavaScript API of diaban, over the wasm-bindgen glue (`diaban_wasm.js`).
// Entry points: `index.js` (browsers and bundlers) and `node.js` (Node) load the WebAssembly
// module, then re-export everything here. Results are plain objects and arrays (no Maps),
// dates are ISO `YYYY-MM-DD` strings, and failures are thrown `DiabanError`s with a `code`.

import {
  RawDataset,
  __testPanic as rawTestPanic,
  __wbg_reset_state,
  builtinEvents as rawBuiltinEvents,
  builtinProfiles as rawBuiltinProfiles,
  findingCodes as rawFindingCodes,
  demoProvenance as rawDemoProvenance,
  parseDate as rawParseDate,
  version as rawVersion,
} from './diaban_wasm.js';
// Exports only the office module has (`writeTables`), looked up by name: a named import of a
// missing export would not load.
import * as glue from './diaban_wasm.js';
// The demo's CSV files, outside the WebAssembly module (written by `cargo xtask wasm`).
import { DEMO_FILES } from './demo.js';

const LOCATION_KEYS = ['file', 'line', 'column', 'field', 'path', 'sheet', 'cell', 'argument', 'candidates', 'messageVi', 'messageEn'];
const DATE_OPTIONS = ['at', 'today', 'recordedOn', 'recorded_on'];

/**
 * An error thrown by diaban: `code` is a stable snake_case word; load errors name where. The
 * message is Vietnamese (the default language); `messageVi` and `messageEn` carry both.
 */
export class DiabanError extends Error {
  constructor(message, properties = {}) {
    super(message);
    this.name = 'DiabanError';
    this.code = properties.code ?? 'internal';
    for (const key of LOCATION_KEYS) {
      if (properties[key] !== undefined && properties[key] !== null) this[key] = properties[key];
    }
  }
}

// Bumped each time the WebAssembly instance is reset after a trap (a panic, which is a bug):
// datasets made before are rebuilt from what they were loaded from on their next use.
let generation = 0;

function translate(e) {
  if (e instanceof DiabanError) return e;
  if (e instanceof WebAssembly.RuntimeError) {
    const panic = globalThis.__diabanLastPanic;
    delete globalThis.__diabanLastPanic;
    __wbg_reset_state();
    generation += 1;
    return new DiabanError(
      `internal error in diaban (a bug, please report it; the module was reset and stays usable): ${panic ?? e.message}`,
      { code: 'internal' },
    );
  }
  if (e instanceof Error && typeof e.code === 'string') {
    const err = new DiabanError(e.message, e);
    return err;
  }
  return e;
}

function call(f) {
  try {
    return f();
  } catch (e) {
    throw translate(e);
  }
}

function pad(n, width) {
  return String(n).padStart(width, '0');
}

/** A `Date` as the calendar day it shows in local time; strings pass through. */
function day(value) {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return 'Invalid Date';
    return `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1, 2)}-${pad(value.getDate(), 2)}`;
  }
  return value;
}

function options(value) {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new DiabanError('invalid argument `options`: expected an object', {
      code: 'invalid_argument',
      argument: 'options',
    });
  }
  const out = { ...value };
  for (const key of DATE_OPTIONS) if (key in out) out[key] = day(out[key]);
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/** Reorganisation events as the raw layer takes them: dates in edge objects become ISO days. */
function eventsArg(events) {
  if (Array.isArray(events)) {
    return events.map((edge) =>
      edge !== null && typeof edge === 'object' && edge.effective instanceof Date ? { ...edge, effective: day(edge.effective) } : edge,
    );
  }
  return events;
}

const TOKEN = Symbol('diaban.Dataset');

/**
 * A dataset loaded into WebAssembly memory. Call `free()` when done with a large one (or let
 * the garbage collector do it); a freed dataset throws `dataset_freed` on use.
 */
export class Dataset {
  #raw;
  #load;
  #generation;

  constructor(token, load) {
    if (token !== TOKEN) {
      throw new TypeError('use Dataset.fromJson, Dataset.fromCsv, Dataset.fromXlsx or demo() to make a Dataset');
    }
    this.#load = load;
    this.#raw = call(load);
    this.#generation = generation;
  }

  /** Reads a dataset from JSON text (as `diaban convert` writes) or an already parsed object. */
  static fromJson(text) {
    const json = typeof text === 'string' ? text : JSON.stringify(text);
    return new Dataset(TOKEN, () => RawDataset.fromJson(json));
  }

  /** Reads a dataset from CSV texts by file name: `{"units.csv": text, "assignments.csv": text}`. */
  static fromCsv(files) {
    const copy = files instanceof Map ? Object.fromEntries(files) : { ...files };
    return new Dataset(TOKEN, () => RawDataset.fromCsv(copy));
  }

  /**
   * Reads a dataset from the bytes of an XLSX workbook (a `Uint8Array` or an `ArrayBuffer`,
   * e.g. `new Uint8Array(await file.arrayBuffer())`), one sheet per table. Only a module built
   * with the `xlsx` cargo feature reads workbooks (see `Dataset.readsXlsx`, and the office
   * module loaded by `loadOffice()`); otherwise this throws a `DiabanError` with code
   * `unsupported`. `name` (the file's name) names the workbook in errors, as `file`.
   */
  static fromXlsx(bytes, name = 'workbook.xlsx') {
    if (!Dataset.readsXlsx) {
      throw new DiabanError(
        'this build of the diaban module reads no XLSX workbooks (built without the `xlsx` feature, to keep the module small): ' +
          'load the office module (`loadOffice()` from `office.js`, or `diaban/office`), save the sheets as CSV UTF-8, ' +
          'or convert the workbook with `diaban convert book.xlsx --out folder/`',
        { code: 'unsupported' },
      );
    }
    let copy;
    if (bytes instanceof Uint8Array) copy = new Uint8Array(bytes);
    else if (bytes instanceof ArrayBuffer) copy = new Uint8Array(bytes.slice(0));
    else {
      throw new DiabanError('invalid argument `bytes`: expected a Uint8Array or an ArrayBuffer', {
        code: 'invalid_argument',
        argument: 'bytes',
      });
    }
    const file = String(name);
    return new Dataset(TOKEN, () => RawDataset.fromXlsx(copy, file));
  }

  /** Whether this build of the module reads XLSX workbooks (`Dataset.fromXlsx`). */
  static get readsXlsx() {
    return typeof RawDataset.fromXlsx === 'function';
  }

  /** The embedded Bắc Kạn demo dataset. */
  static demo() {
    return Dataset.fromCsv(DEMO_FILES);
  }

  #live() {
    if (this.#load === undefined) {
      throw new DiabanError('this dataset was freed', { code: 'dataset_freed' });
    }
    if (this.#generation !== generation) {
      this.#raw = call(this.#load);
      this.#generation = generation;
    }
    return this.#raw;
  }

  /** Checks the dataset against a profile: `{findings, summary}` (docs/design.md, "Findings"). */
  check(opts) {
    const o = options(opts);
    return call(() => this.#live().check(o));
  }

  /** The coverage table of a scheme on a day (`at` is required). */
  coverage(opts) {
    const o = options(opts);
    return call(() => this.#live().coverage(o));
  }

  /** The assignments on a unit (or organisation), by code or name, on day `at`; an unknown one throws
   * `not_found`, a name several records bear throws `ambiguous_name` with their `candidates`. */
  whoMonitors(code, at) {
    return call(() => this.#live().whoMonitors(String(code), day(at) ?? undefined));
  }

  /** The assignments a person (or organisation), by id or name, holds on day `at`. */
  monitoredBy(id, at) {
    return call(() => this.#live().monitoredBy(String(id), day(at) ?? undefined));
  }

  /** The working relationships (reports to, directed by, coordinates with, evaluated by) of a person (id or
   * name) on day `at`. */
  relations(id, at, opts) {
    const o = options(opts);
    return call(() => this.#live().relations(String(id), day(at) ?? undefined, o));
  }

  /** The reverse of `relations`: every relationship on day `at` whose counterpart is `id` (a body or a person). */
  relationsTowards(id, at, opts) {
    const o = options(opts);
    return call(() => this.#live().relationsTowards(String(id), day(at) ?? undefined, o));
  }

  /** The yearly report (`diaban report --year Y --format json`): `year` is required. */
  report(opts) {
    const o = options(opts);
    return call(() => this.#live().report(o));
  }

  /**
   * Applies reorganisation events — a built-in id (`'bac-kan-2025'`), `reorganizations.csv` text,
   * or an array of edge objects — and returns `{dataset, changes}`: a new dataset carried over
   * (this one is unchanged) and what changed. Applying the same events again changes nothing.
   */
  reorganize(events) {
    const ev = eventsArg(events);
    const parent = this.#load;
    const first = call(() => this.#live().reorganize(ev));
    let pending = first.dataset;
    // After a reset (a trap), the new dataset is rebuilt from its parent's source and the events.
    const load = () => {
      if (pending !== undefined) {
        const raw = pending;
        pending = undefined;
        return raw;
      }
      const source = parent();
      try {
        return source.reorganize(ev).dataset;
      } finally {
        source.free();
      }
    };
    return { dataset: new Dataset(TOKEN, load), changes: first.changes };
  }

  /** What the unit `code` in force on day `at` came from and what it became (`at` is required). */
  lineage(code, opts) {
    const o = options(opts);
    if ('events' in o) o.events = eventsArg(o.events);
    return call(() => this.#live().lineage(String(code), o));
  }

  /** Every assignment ever made on a target (code or name), by start date. */
  history(code) {
    return call(() => this.#live().history(String(code)));
  }

  /** The dataset as pretty JSON text (lossless). */
  toJson() {
    return call(() => this.#live().toJson());
  }

  /** The dataset as CSV texts by file name (always `units.csv`). */
  toCsv() {
    return call(() => this.#live().toCsv());
  }

  /**
   * The dataset as the bytes of an XLSX workbook, one sheet per table, as `diaban convert
   * --out book.xlsx` writes it. Only the office module writes workbooks (see `writesXlsx`);
   * otherwise this throws a `DiabanError` with code `unsupported`.
   */
  toXlsx() {
    const live = this.#live();
    if (typeof live.toXlsx !== 'function') throw noWriter();
    return call(() => live.toXlsx());
  }

  /**
   * The yearly report as the bytes of a printable Word document (Vietnamese, the layout of the
   * Party's documents), as `diaban report --year Y --out report.docx` writes it; `opts` as for
   * `report` (`year` required, `today` defaults to the system date). Only the office module
   * writes documents (see `writesDocx`); otherwise this throws a `DiabanError` with code
   * `unsupported`.
   */
  reportDocx(opts) {
    const o = options(opts);
    const live = this.#live();
    if (typeof live.reportDocx !== 'function') throw noDocx();
    return call(() => live.reportDocx(o));
  }

  /**
   * The coverage list of a day as the bytes of a printable Word document, as `diaban coverage
   * --at D --out coverage.docx` writes it; `opts` as for `coverage` (`at` required). Only the
   * office module (see `writesDocx`).
   */
  coverageDocx(opts) {
    const o = options(opts);
    const live = this.#live();
    if (typeof live.coverageDocx !== 'function') throw noDocx();
    return call(() => live.coverageDocx(o));
  }

  /** How many records each of the nine tables holds, without serialising them: `{units: 117, assignments: 182, ...}`. */
  counts() {
    return call(() => this.#live().counts());
  }

  /** Frees the WebAssembly memory now. Safe to call twice. */
  free() {
    if (this.#load === undefined) return;
    const raw = this.#raw;
    const live = this.#generation === generation;
    this.#raw = undefined;
    this.#load = undefined;
    if (live && raw !== undefined) call(() => raw.free());
  }
}

if (typeof Symbol.dispose === 'symbol') {
  Dataset.prototype[Symbol.dispose] = Dataset.prototype.free;
}

function noWriter() {
  return new DiabanError(
    'this build of the diaban module writes no XLSX workbooks: load the office module (`loadOffice()` from `office.js`)',
    { code: 'unsupported' },
  );
}

function noDocx() {
  return new DiabanError(
    'this build of the diaban module writes no Word documents: load the office module (`loadOffice()` from `office.js`)',
    { code: 'unsupported' },
  );
}

/** Whether this build of the module writes Word documents (`ds.reportDocx()`, `ds.coverageDocx()`). */
export const writesDocx = typeof RawDataset.prototype.reportDocx === 'function';

/** Whether this build of the module writes XLSX workbooks (`writeTables`, `ds.toXlsx()`). */
export const writesXlsx = typeof glue.writeTables === 'function';

/**
 * Writes tables as the bytes of an XLSX workbook: `{sheets: [{name, title?, columns: [{header,
 * type?}], rows}]}` with `type` `'text'` (the default), `'date'` (ISO days, shown dd/mm/yyyy)
 * or `'number'`; a cell is a string, a number or `null`. Only in the office module.
 */
export function writeTables(tables) {
  if (!writesXlsx) throw noWriter();
  return call(() => glue.writeTables(tables));
}

/** The embedded Bắc Kạn demo dataset (same as `Dataset.demo()`). */
export function demo() {
  return Dataset.demo();
}

/** The library's version. */
export function version() {
  return call(() => rawVersion());
}

/** The ids of the built-in profiles (`["bac-kan-1390"]`). */
export function builtinProfiles() {
  return call(() => rawBuiltinProfiles());
}

/**
 * Every finding code of the registry with its severity, title and hint in `lang` (`'vi'`, the
 * default, or `'en'`): what a legend or a filter shows instead of the bare code.
 */
export function findingCodes(lang) {
  return call(() => rawFindingCodes(lang ?? undefined));
}

/** The ids of the built-in reorganisation events (`["bac-kan-2025"]`). */
export function builtinEvents() {
  return call(() => rawBuiltinEvents());
}

/**
 * A day as a person types it, read by the same rule as every date argument: `DD/MM/YYYY` (as
 * Vietnamese officials write it) or ISO `YYYY-MM-DD`. Returns the ISO day, `null` for blank
 * text, and throws an `invalid_argument` `DiabanError` naming `name` for anything else
 * (`31/02/2024`, `2024-1-5`).
 */
export function parseDate(text, name = 'date') {
  return call(() => rawParseDate(String(name), String(text ?? ''))) ?? null;
}

/** Where the demo dataset's facts come from. */
export function demoProvenance() {
  return call(() => rawDemoProvenance());
}

/** Test hook (not part of the API): panics inside WebAssembly to show the module recovers. */
export function __testPanic() {
  return call(() => rawTestPanic());
}
