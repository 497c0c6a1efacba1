//! The raw wasm-bindgen API under the JavaScript facade (`js/api.js`). Names here are the
//! facade's building blocks, not the public API: JavaScript users call the facade.

use crate::convert::{events, from_js, lang, profile, req_date, system_today, to_js};
use crate::error::{argument, to_js_error};
use diaban::reorg::{self, Lineage};
use diaban::{check, Dataset, Index};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

/// Keeps the message of a panic (a bug) where the facade can read it after the trap: panics
/// abort the WebAssembly instance, which the facade then resets.
#[wasm_bindgen(start)]
fn start() {
    diaban::collate::set_host_collator(host_compare);
    std::panic::set_hook(Box::new(|info| {
        let _ = js_sys::Reflect::set(
            &js_sys::global(),
            &JsValue::from_str("__diabanLastPanic"),
            &JsValue::from_str(&info.to_string()),
        );
    }));
}

thread_local! {
    /// `Intl.Collator("vi", {numeric: true}).compare`: the JavaScript engine's ICU with the CLDR
    /// Vietnamese tailoring, the same collation the command line and Python take from ICU4X
    /// (whose compiled data would take this module over its size budget).
    static VI_COMPARE: js_sys::Function = {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str("numeric"), &JsValue::TRUE);
        let locales = js_sys::Array::of1(&JsValue::from_str("vi"));
        js_sys::Intl::Collator::new(&locales, &options).compare()
    };
}

/// The core's Vietnamese collation in this module (`diaban::collate::set_host_collator`).
fn host_compare(a: &str, b: &str) -> std::cmp::Ordering {
    VI_COMPARE.with(|compare| {
        compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|n| n.as_f64())
            .map_or(std::cmp::Ordering::Equal, |n| {
                n.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
            })
    })
}

/// The options of `check`, as the facade passes them.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CheckArgs {
    at: Option<String>,
    today: Option<String>,
    #[serde(alias = "recorded_on")]
    recorded_on: Option<String>,
    lang: Option<String>,
    profile: Option<Value>,
    #[serde(default)]
    strict: bool,
}

/// The options of `coverage`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct CoverageArgs {
    at: Option<String>,
    pub(crate) scheme: Option<String>,
    profile: Option<Value>,
}

impl CoverageArgs {
    /// The day (required) and the profile.
    pub(crate) fn resolve(&self) -> Result<(chrono::NaiveDate, diaban::Profile), JsValue> {
        Ok((
            req_date(self.at.as_deref(), "at")?,
            profile(self.profile.as_ref())?,
        ))
    }
}

/// The options of the queries that need a profile (`relations`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ProfileArgs {
    profile: Option<Value>,
}

/// The options of `report` (the yearly report).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ReportArgs {
    year: Option<i32>,
    today: Option<String>,
    profile: Option<Value>,
}

impl ReportArgs {
    /// The year (required), the day deadlines are judged against (the system date when not
    /// given, as on the command line) and the profile.
    pub(crate) fn resolve(&self) -> Result<(i32, chrono::NaiveDate, diaban::Profile), JsValue> {
        let year = self.year.ok_or_else(|| {
            argument(
                "year",
                diaban::error::Msg::new(
                    "cần nêu năm, ví dụ {year: 2024}",
                    "a year is required, e.g. {year: 2024}",
                ),
            )
        })?;
        let today = diaban::api::report_today(self.today.as_deref(), system_today()?)
            .map_err(|e| to_js_error(&e))?;
        Ok((year, today, profile(self.profile.as_ref())?))
    }
}

/// The options of `lineage`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LineageArgs {
    at: Option<String>,
    events: Option<Value>,
}

/// Records per table (`counts`), read from the lengths of the tables: nothing is serialized.
#[derive(Debug, Serialize)]
struct Counts {
    units: usize,
    organizations: usize,
    people: usize,
    terms: usize,
    assignments: usize,
    activities: usize,
    evaluations: usize,
    reorganizations: usize,
    ntm_statuses: usize,
}

fn set(target: &js_sys::Object, key: &str, value: &JsValue) -> Result<(), JsValue> {
    js_sys::Reflect::set(target, &JsValue::from_str(key), value).map(|_| ())
}

/// The index of a dataset, built on the first query that needs it.
type LazyIndex<'d> = std::cell::OnceCell<Index<'d>>;

self_cell::self_cell!(
    /// A dataset and its [`Index`]: the index borrows the records, so both live in one cell;
    /// it is built once, on the first point query, and reused by every later one. A
    /// `RawDataset` never changes after it is made, so the index never goes stale.
    pub(crate) struct Indexed {
        owner: Dataset,
        #[not_covariant]
        dependent: LazyIndex,
    }
);

impl Indexed {
    /// Runs `f` with the index, building it first if no query has needed it yet. `f`
    /// converts its answer to a JS value itself: what it returns may not borrow the dataset.
    pub(crate) fn with_index<R>(&self, f: impl for<'d> FnOnce(&Index<'d>) -> R) -> R {
        self.with_dependent(|dataset, lazy| f(lazy.get_or_init(|| Index::new(dataset))))
    }
}

impl std::ops::Deref for Indexed {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        self.borrow_owner()
    }
}

/// A loaded dataset (the facade's `Dataset` wraps one).
#[wasm_bindgen(js_name = RawDataset)]
pub struct RawDataset {
    pub(crate) inner: Indexed,
}

impl RawDataset {
    fn wrap(inner: Dataset) -> RawDataset {
        RawDataset {
            inner: Indexed::new(inner, |_| std::cell::OnceCell::new()),
        }
    }
}

#[wasm_bindgen(js_class = RawDataset)]
impl RawDataset {
    /// Reads a dataset from JSON text.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<RawDataset, JsValue> {
        Dataset::from_json_str(text)
            .map(RawDataset::wrap)
            .map_err(|e| to_js_error(&e))
    }

    /// Reads a dataset from CSV texts: an object `{ "units.csv": text, ... }`.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(files: JsValue) -> Result<RawDataset, JsValue> {
        let files: Map<String, Value> = from_js(files, "files")?;
        let mut texts: Vec<(&str, &str)> = Vec::with_capacity(files.len());
        for (name, text) in &files {
            match text.as_str() {
                Some(text) => texts.push((name.as_str(), text)),
                None => {
                    return Err(argument(
                        "files",
                        diaban::error::Msg::new(
                            format!("nội dung của `{name}` không phải là văn bản"),
                            format!("the content of `{name}` is not a string"),
                        ),
                    ))
                }
            }
        }
        Dataset::from_csv_texts(texts)
            .map(RawDataset::wrap)
            .map_err(|e| to_js_error(&e))
    }

    /// Reads a dataset from the bytes of an XLSX workbook (a `Uint8Array`), one sheet per
    /// table (only in a module built with the `xlsx` feature); `name` (the file's name, by
    /// default `workbook.xlsx`) names it in errors.
    #[cfg(feature = "xlsx")]
    #[wasm_bindgen(js_name = fromXlsx)]
    pub fn from_xlsx(bytes: &[u8], name: Option<String>) -> Result<RawDataset, JsValue> {
        let name = name.as_deref().unwrap_or("workbook.xlsx");
        Dataset::from_xlsx_bytes_with_limits(name, bytes, &diaban::Limits::default())
            .map(RawDataset::wrap)
            .map_err(|e| to_js_error(&e))
    }

    /// The dataset as an XLSX workbook, as `diaban convert --out book.xlsx` writes it (only in a
    /// module built with the `xlsx-write` feature).
    #[cfg(feature = "xlsx-write")]
    #[wasm_bindgen(js_name = toXlsx)]
    pub fn to_xlsx(&self) -> Result<Vec<u8>, JsValue> {
        self.inner.to_xlsx_bytes().map_err(|e| to_js_error(&e))
    }

    /// Checks the dataset: `{findings, summary}` as `diaban check --format json` prints it.
    pub fn check(&self, options: JsValue) -> Result<JsValue, JsValue> {
        let args: CheckArgs = from_js(options, "options")?;
        let contract = diaban::api::CheckArgs {
            at: args.at.as_deref(),
            today: args.today.as_deref(),
            recorded_on: args.recorded_on.as_deref(),
            strict: args.strict,
        };
        let opts =
            diaban::api::check_options(&contract, system_today()?).map_err(|e| to_js_error(&e))?;
        let lang = lang(args.lang.as_deref())?;
        let profile = profile(args.profile.as_ref())?;
        to_js(&check(&self.inner, &profile, &opts).to_json(lang))
    }

    /// The coverage table of a scheme on a day.
    pub fn coverage(&self, options: JsValue) -> Result<JsValue, JsValue> {
        let args: CoverageArgs = from_js(options, "options")?;
        let (at, profile) = args.resolve()?;
        self.inner.with_index(|index| {
            let coverage = index
                .coverage(&profile, args.scheme.as_deref(), at)
                .map_err(|e| to_js_error(&e))?;
            to_js(&coverage)
        })
    }

    /// The assignments on a unit (or organisation), given by code or name, on a day.
    #[wasm_bindgen(js_name = whoMonitors)]
    pub fn who_monitors(&self, code: &str, at: Option<String>) -> Result<JsValue, JsValue> {
        let at = req_date(at.as_deref(), "at")?;
        self.inner.with_index(|index| {
            let code = index.find_target(code).map_err(|e| to_js_error(&e))?;
            to_js(&index.who_monitors(&code, at))
        })
    }

    /// The assignments a person (or organisation), given by id or name, holds on a day.
    #[wasm_bindgen(js_name = monitoredBy)]
    pub fn monitored_by(&self, id: &str, at: Option<String>) -> Result<JsValue, JsValue> {
        let at = req_date(at.as_deref(), "at")?;
        self.inner.with_index(|index| {
            let id = index.find_person(id).map_err(|e| to_js_error(&e))?;
            to_js(&index.monitored_by(&id, at))
        })
    }

    /// The working relationships a person (or organisation) has on a day under the profile.
    pub fn relations(
        &self,
        id: &str,
        at: Option<String>,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let at = req_date(at.as_deref(), "at")?;
        let args: ProfileArgs = from_js(options, "options")?;
        let profile = profile(args.profile.as_ref())?;
        self.inner.with_index(|index| {
            let id = index.find_person(id).map_err(|e| to_js_error(&e))?;
            to_js(&index.relations(&profile, &id, at))
        })
    }

    /// The reverse of `relations`: every relationship in force on a day whose counterpart is
    /// `id` (a body, or a person named as counterpart).
    #[wasm_bindgen(js_name = relationsTowards)]
    pub fn relations_towards(
        &self,
        id: &str,
        at: Option<String>,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let at = req_date(at.as_deref(), "at")?;
        let args: ProfileArgs = from_js(options, "options")?;
        let profile = profile(args.profile.as_ref())?;
        self.inner
            .with_index(|index| to_js(&index.relations_towards(&profile, id, at)))
    }

    /// The yearly report (`diaban report --year Y --format json`).
    pub fn report(&self, options: JsValue) -> Result<JsValue, JsValue> {
        let args: ReportArgs = from_js(options, "options")?;
        let (year, today, profile) = args.resolve()?;
        let report = Index::new(&self.inner)
            .year_report(&profile, year, Some(today))
            .map_err(|e| to_js_error(&e))?;
        to_js(&report)
    }

    /// Applies reorganisation events: `{dataset: RawDataset, changes}`; this dataset is unchanged.
    pub fn reorganize(&self, events_arg: JsValue) -> Result<JsValue, JsValue> {
        let events_arg: Value = from_js(events_arg, "events")?;
        let edges = events(&events_arg)?;
        let (after, changes) = reorg::apply(&self.inner, &edges).map_err(|e| to_js_error(&e))?;
        let out = js_sys::Object::new();
        set(&out, "changes", &to_js(&changes)?)?;
        set(&out, "dataset", &JsValue::from(RawDataset::wrap(after)))?;
        Ok(out.into())
    }

    /// What the unit `code` in force on day `at` came from and what it became, from the
    /// dataset's reorganisations and any `events` given besides.
    pub fn lineage(&self, code: &str, options: JsValue) -> Result<JsValue, JsValue> {
        let args: LineageArgs = from_js(options, "options")?;
        let at = req_date(args.at.as_deref(), "at")?;
        let extra = match &args.events {
            None | Some(Value::Null) => Vec::new(),
            Some(value) => events(value)?,
        };
        let lineage = Lineage::with_edges(
            &self.inner.units,
            self.inner.reorganizations.iter().chain(extra.iter()),
        );
        to_js(&lineage.report(code, at))
    }

    /// Every assignment ever made on a target (code or name), by start date.
    pub fn history(&self, code: &str) -> Result<JsValue, JsValue> {
        self.inner.with_index(|index| {
            let code = index.find_target(code).map_err(|e| to_js_error(&e))?;
            to_js(&index.history(&code))
        })
    }

    /// The dataset as JSON text (lossless).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsValue> {
        self.inner.to_json_string().map_err(|e| to_js_error(&e))
    }

    /// The dataset as CSV files: `{ "units.csv": text, ... }`.
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> Result<JsValue, JsValue> {
        let files = self.inner.to_csv_texts().map_err(|e| to_js_error(&e))?;
        let map: Map<String, Value> = files
            .into_iter()
            .map(|(name, text)| (name.to_owned(), Value::String(text)))
            .collect();
        to_js(&map)
    }

    /// Record counts per table: `{units, organizations, people, ...}` (all nine tables), from
    /// the tables' lengths.
    pub fn counts(&self) -> Result<JsValue, JsValue> {
        let d = &self.inner;
        to_js(&Counts {
            units: d.units.len(),
            organizations: d.organizations.len(),
            people: d.people.len(),
            terms: d.terms.len(),
            assignments: d.assignments.len(),
            activities: d.activities.len(),
            evaluations: d.evaluations.len(),
            reorganizations: d.reorganizations.len(),
            ntm_statuses: d.ntm_statuses.len(),
        })
    }
}

/// The library's version.
#[wasm_bindgen]
pub fn version() -> String {
    diaban::VERSION.to_owned()
}

/// The ids of the built-in profiles.
#[wasm_bindgen(js_name = builtinProfiles)]
pub fn builtin_profiles() -> Vec<String> {
    diaban::Profile::BUILTIN
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

/// Every finding code with its severity, title and hint in `lang` (`vi` or `en`): for legends
/// and filters that name a finding by its title.
#[wasm_bindgen(js_name = findingCodes)]
pub fn finding_codes(lang: Option<String>) -> Result<JsValue, JsValue> {
    let lang = diaban::api::lang_arg(lang.as_deref()).map_err(|e| to_js_error(&e))?;
    crate::convert::to_js(&diaban::api::finding_codes(lang))
}

/// The ids of the built-in reorganisation events.
#[wasm_bindgen(js_name = builtinEvents)]
pub fn builtin_events() -> Vec<String> {
    reorg::BUILTIN.iter().map(|s| (*s).to_owned()).collect()
}

/// A day typed by a person, read by the core's argument contract (`DD/MM/YYYY` or
/// `YYYY-MM-DD`, as on the command line), as ISO `YYYY-MM-DD`; `name` names the field in the
/// error (`invalid_argument`) when the text is not a real day. Blank text is `undefined`.
#[wasm_bindgen(js_name = parseDate)]
pub fn parse_date(name: &str, text: &str) -> Result<Option<String>, JsValue> {
    diaban::api::opt_date_arg(name, Some(text))
        .map(|day| day.map(|d| d.to_string()))
        .map_err(|e| to_js_error(&e))
}

/// Where the demo's facts come from.
#[wasm_bindgen(js_name = demoProvenance)]
pub fn demo_provenance() -> String {
    diaban::DEMO_PROVENANCE.to_owned()
}

/// Panics on purpose, for the test that a panic (a bug) leaves the module usable. Not part of
/// the facade's API.
#[wasm_bindgen(js_name = __testPanic)]
#[allow(clippy::panic)]
pub fn test_panic() {
    panic!("deliberate panic for the recovery test");
}
