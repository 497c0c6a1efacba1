//! `diaban._diaban`: the private extension module under the `diaban` Python package.
//!
//! Thin over the core: every result is the core's own structure serialised (the report's
//! JSON of docs/design.md ("Findings"), `Coverage`, `AssignmentView`, `YearReport`, `Relation`, `Changes`,
//! `LineageReport`), converted to Python objects by [`convert`];
//! every error goes through [`errors`]. Dates cross this boundary as ISO strings; the Python
//! facade (`python/diaban/`) gives users `datetime.date` values, typed classes and exceptions.
//!
//! Every call into the core runs inside `catch_unwind`, so a panic becomes
//! `diaban.InternalError` (code `internal`) and never a `PanicException`; checks and loads run
//! with the GIL released.

#![cfg(not(target_arch = "wasm32"))]

mod convert;
mod errors;
mod pyser;

use chrono::NaiveDate;
use diaban::reorg::{self, Lineage};
use diaban::{AssignmentView, Dataset, Index, Lang, Profile, ReorganizationEdge};
use errors::{call, guard, guard_ok, to_pyerr};
use pyo3::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;

/// An optional date argument, read by the core's argument contract ([`diaban::api`]).
fn parse_opt_day(py: Python<'_>, name: &str, text: Option<&str>) -> PyResult<Option<NaiveDate>> {
    diaban::api::opt_date_arg(name, text).map_err(|e| errors::core_error(py, &e))
}

/// A required date argument.
fn parse_day(py: Python<'_>, name: &str, text: &str) -> PyResult<NaiveDate> {
    diaban::api::date_arg(name, text).map_err(|e| errors::core_error(py, &e))
}

/// Runs a core call with the GIL released, inside the panic guard; its error as a Python exception.
fn detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> diaban::Result<T> + Send) -> PyResult<T> {
    py.detach(|| guard(f)).map_err(|e| to_pyerr(py, e))
}

/// Like [`detached`] for a core call that cannot fail except by panicking.
fn detached_ok<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| guard_ok(f)).map_err(|e| to_pyerr(py, e))
}

/// The index of a dataset, built on the first query that needs it.
type LazyIndex<'d> = OnceLock<Index<'d>>;

self_cell::self_cell!(
    /// A dataset and its [`Index`]: the index borrows the records, so both live in one cell;
    /// it is built once, on the first point query, and reused by every later one. A `Dataset`
    /// never changes after it is made (the class is frozen), so the index never goes stale.
    struct Indexed {
        owner: Dataset,
        #[not_covariant]
        dependent: LazyIndex,
    }
);

impl Indexed {
    /// Runs `f` with the index, building it first (with the GIL released, inside the panic
    /// guard) if no query has needed it yet. `f` converts its answer to Python objects
    /// itself: what it returns may not borrow the dataset.
    fn with_index<'py, R>(
        &self,
        py: Python<'py>,
        f: impl for<'d> FnOnce(&Index<'d>) -> PyResult<R>,
    ) -> PyResult<R> {
        self.with_dependent(|dataset, lazy| {
            let index = match lazy.get() {
                Some(index) => index,
                None => {
                    let built = detached_ok(py, || Index::new(dataset))?;
                    lazy.get_or_init(|| built)
                }
            };
            f(index)
        })
    }
}

impl std::ops::Deref for Indexed {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        self.borrow_owner()
    }
}

/// A dataset: units, organisations, people, terms, assignments, activities, evaluations,
/// reorganisations and rural-development statuses.
#[pyclass(frozen, module = "diaban._diaban", name = "Dataset")]
pub struct PyDataset {
    inner: Indexed,
}

impl PyDataset {
    fn wrap(inner: Dataset) -> PyDataset {
        PyDataset {
            inner: Indexed::new(inner, |_| OnceLock::new()),
        }
    }

    fn from_json_text(py: Python<'_>, text: &str) -> PyResult<PyDataset> {
        detached(py, || {
            Dataset::from_json_str_with_limits(text, &diaban::Limits::desktop())
        })
        .map(PyDataset::wrap)
    }

    /// Runs an assignment query on the index (inside the panic guard) and converts its answer.
    fn views<'py>(
        &self,
        py: Python<'py>,
        f: impl for<'d> FnOnce(&Index<'d>) -> diaban::Result<Vec<AssignmentView<'d>>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.inner.with_index(py, |index| {
            let views = call(py, || f(index))?;
            convert::serialize_to_py(py, &views)
        })
    }
}

#[pymethods]
impl PyDataset {
    /// The embedded Bắc Kạn demo dataset.
    #[staticmethod]
    fn demo(py: Python<'_>) -> PyResult<PyDataset> {
        detached_ok(py, Dataset::demo).map(PyDataset::wrap)
    }

    /// Loads a JSON file, an XLSX workbook or a folder of CSV files.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyDataset> {
        detached(py, || {
            Dataset::load_with_limits(&path, &diaban::Limits::desktop())
        })
        .map(PyDataset::wrap)
    }

    /// Reads a dataset from JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: String) -> PyResult<PyDataset> {
        PyDataset::from_json_text(py, &text)
    }

    /// Reads a dataset from CSV texts given as `(file name, text)` pairs.
    #[staticmethod]
    fn from_csv_texts(py: Python<'_>, files: Vec<(String, String)>) -> PyResult<PyDataset> {
        detached(py, || {
            Dataset::from_csv_texts_with_limits(
                files.iter().map(|(n, t)| (n.as_str(), t.as_str())),
                &diaban::Limits::desktop(),
            )
        })
        .map(PyDataset::wrap)
    }

    /// Reads a dataset from the bytes of an XLSX workbook (one sheet per table).
    #[staticmethod]
    fn from_xlsx(py: Python<'_>, data: &[u8]) -> PyResult<PyDataset> {
        let data = data.to_vec();
        detached(py, || {
            Dataset::from_xlsx_bytes_with_limits("workbook.xlsx", &data, &diaban::Limits::desktop())
        })
        .map(PyDataset::wrap)
    }

    /// Reads a dataset from a Python dict of tables (lists of dicts), as `from_json` reads JSON.
    #[staticmethod]
    fn from_value(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<PyDataset> {
        PyDataset::from_json_text(py, &convert::json_text(value)?)
    }

    /// The dataset as pretty-printed JSON (lossless).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        call(py, || self.inner.to_json_string())
    }

    /// The dataset as a dict of tables, the same document `to_json` writes.
    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialize_to_py(py, &*self.inner)
    }

    /// The dataset as CSV files: `(file name, text)` pairs.
    fn to_csv_texts(&self, py: Python<'_>) -> PyResult<Vec<(String, String)>> {
        call(py, || self.inner.to_csv_texts()).map(|files| {
            files
                .into_iter()
                .map(|(name, text)| (name.to_owned(), text))
                .collect()
        })
    }

    /// The dataset as the bytes of an XLSX workbook.
    fn to_xlsx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        let bytes = detached(py, || self.inner.to_xlsx_bytes())?;
        Ok(pyo3::types::PyBytes::new(py, &bytes))
    }

    /// The number of records in each table.
    fn counts(&self) -> Vec<(&'static str, usize)> {
        let d = &self.inner;
        vec![
            ("units", d.units.len()),
            ("organizations", d.organizations.len()),
            ("people", d.people.len()),
            ("terms", d.terms.len()),
            ("assignments", d.assignments.len()),
            ("activities", d.activities.len()),
            ("evaluations", d.evaluations.len()),
            ("reorganizations", d.reorganizations.len()),
            ("ntm_statuses", d.ntm_statuses.len()),
        ]
    }

    /// Checks the dataset; returns the report as the JSON document of docs/design.md ("Findings").
    /// `system_today` is the caller's clock (the facade passes `date.today()`): the day the
    /// check is judged on when neither `today` nor `at` is given.
    #[pyo3(signature = (profile, system_today, at=None, today=None, recorded_on=None, lang=None, strict=false))]
    #[allow(clippy::too_many_arguments)]
    fn check<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyProfile>,
        system_today: &str,
        at: Option<&str>,
        today: Option<&str>,
        recorded_on: Option<&str>,
        lang: Option<&str>,
        strict: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let lang = parse_lang(py, lang)?;
        let args = diaban::api::CheckArgs {
            at,
            today,
            recorded_on,
            strict,
        };
        let options =
            diaban::api::check_options(&args, parse_day(py, "system_today", system_today)?)
                .map_err(|e| errors::core_error(py, &e))?;
        let dataset = &self.inner;
        let profile = &profile.get().inner;
        let report = detached_ok(py, || {
            diaban::check(dataset, profile, &options).to_json(lang)
        })?;
        convert::to_py(py, &report)
    }

    /// The coverage table of a scheme on a day.
    #[pyo3(signature = (profile, at, scheme=None))]
    fn coverage<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyProfile>,
        at: &str,
        scheme: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let day = parse_day(py, "at", at)?;
        let profile = &profile.get().inner;
        self.inner.with_index(py, |index| {
            let coverage = detached(py, || index.coverage(profile, scheme.as_deref(), day))?;
            convert::serialize_to_py(py, &coverage)
        })
    }

    /// Every assignment on a target (unit code or organisation id, or its name) that includes the day.
    fn who_monitors<'py>(
        &self,
        py: Python<'py>,
        target: &str,
        at: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let day = parse_day(py, "at", at)?;
        self.views(py, |index| {
            let target = index.find_target(target)?;
            Ok(index.who_monitors(&target, day))
        })
    }

    /// Every assignment held by a subject (person or organisation id, or its name) that includes the day.
    fn monitored_by<'py>(
        &self,
        py: Python<'py>,
        subject: &str,
        at: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let day = parse_day(py, "at", at)?;
        self.views(py, |index| {
            let subject = index.find_person(subject)?;
            Ok(index.monitored_by(&subject, day))
        })
    }

    /// Every working relationship a person (or organisation) has on a day, through their assignments.
    fn relations<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyProfile>,
        subject: &str,
        at: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let day = parse_day(py, "at", at)?;
        let profile = &profile.get().inner;
        self.inner.with_index(py, |index| {
            let relations = call(py, || {
                let subject = index.find_person(subject)?;
                Ok(index.relations(profile, &subject, day))
            })?;
            convert::serialize_to_py(py, &relations)
        })
    }

    /// Every assignment ever made on a target (id or name), by start date.
    fn history<'py>(&self, py: Python<'py>, target: &str) -> PyResult<Bound<'py, PyAny>> {
        self.views(py, |index| {
            let target = index.find_target(target)?;
            Ok(index.history(&target))
        })
    }

    /// Every working relationship in force on a day whose counterpart is a body or a person.
    fn relations_towards<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyProfile>,
        id: &str,
        at: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let day = parse_day(py, "at", at)?;
        let profile = &profile.get().inner;
        self.inner.with_index(py, |index| {
            let relations = detached_ok(py, || index.relations_towards(profile, id, day))?;
            convert::serialize_to_py(py, &relations)
        })
    }

    /// The yearly compliance report (`diaban report --format json`'s document).
    #[pyo3(signature = (profile, year, system_today, today=None))]
    fn year_report<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyProfile>,
        year: i32,
        system_today: &str,
        today: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let today = Some(
            diaban::api::report_today(today, parse_day(py, "system_today", system_today)?)
                .map_err(|e| errors::core_error(py, &e))?,
        );
        let dataset = &self.inner;
        let profile = &profile.get().inner;
        let report = detached(py, || Index::new(dataset).year_report(profile, year, today))?;
        convert::serialize_to_py(py, &report)
    }

    // Printable documents: the bytes of the Word files `diaban report --out` and `diaban
    // coverage --out` write.

    /// The yearly report as a Word document (`.docx` bytes, in Vietnamese).
    #[pyo3(signature = (profile, year, system_today, today=None))]
    fn year_report_docx<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyProfile>,
        year: i32,
        system_today: &str,
        today: Option<&str>,
    ) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        let today = Some(
            diaban::api::report_today(today, parse_day(py, "system_today", system_today)?)
                .map_err(|e| errors::core_error(py, &e))?,
        );
        let dataset = &self.inner;
        let profile = &profile.get().inner;
        let bytes = detached(py, || {
            let index = Index::new(dataset);
            let report = index.year_report(profile, year, today)?;
            let head = diaban::docx::Letterhead::organisation_board(profile);
            diaban::docx::year_report(&index, profile, &report, &head)
        })?;
        Ok(pyo3::types::PyBytes::new(py, &bytes))
    }

    /// The coverage list of a day as a Word document (`.docx` bytes, in Vietnamese).
    #[pyo3(signature = (profile, at, scheme=None))]
    fn coverage_docx<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyProfile>,
        at: &str,
        scheme: Option<String>,
    ) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        let day = parse_day(py, "at", at)?;
        let dataset = &self.inner;
        let profile = &profile.get().inner;
        let bytes = detached(py, || {
            let index = Index::new(dataset);
            let coverage = index.coverage(profile, scheme.as_deref(), day)?;
            let head = diaban::docx::Letterhead::organisation_board(profile);
            diaban::docx::coverage(profile, &coverage, &head)
        })?;
        Ok(pyo3::types::PyBytes::new(py, &bytes))
    }

    /// Applies reorganisation events: the carried-over dataset, what changed (as the core
    /// serialises `Changes`) and whether nothing changed.
    fn reorganize<'py>(
        &self,
        py: Python<'py>,
        events: &Bound<'py, PyEvents>,
    ) -> PyResult<(PyDataset, Bound<'py, PyAny>, bool)> {
        let dataset = &self.inner;
        let edges = &events.get().inner;
        let (after, changes) = detached(py, || reorg::apply(dataset, edges))?;
        let empty = changes.is_empty();
        Ok((
            PyDataset::wrap(after),
            convert::serialize_to_py(py, &changes)?,
            empty,
        ))
    }

    /// The lineage of a unit code: on one day, or (without `at`) for every version of the code,
    /// through the dataset's reorganisations and any further events (as `diaban lineage`).
    #[pyo3(signature = (code, at=None, events=None))]
    fn lineage<'py>(
        &self,
        py: Python<'py>,
        code: &str,
        at: Option<&str>,
        events: Option<&Bound<'py, PyEvents>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let day = parse_opt_day(py, "at", at)?;
        let dataset = &self.inner;
        let extra: &[ReorganizationEdge] = events.map_or(&[], |e| e.get().inner.as_slice());
        let reports = detached_ok(py, || {
            let lineage = Lineage::with_edges(
                &dataset.units,
                dataset.reorganizations.iter().chain(extra.iter()),
            );
            lineage.reports(code, day)
        })?;
        convert::serialize_to_py(py, &reports)
    }
}

/// Reorganisation events: a list of edges (old unit → new unit on an effective day).
#[pyclass(frozen, module = "diaban._diaban", name = "Events")]
pub struct PyEvents {
    inner: Vec<ReorganizationEdge>,
}

impl PyEvents {
    fn wrap(inner: Vec<ReorganizationEdge>) -> PyEvents {
        PyEvents { inner }
    }
}

#[pymethods]
impl PyEvents {
    /// A built-in event by id (`bac-kan-2025`).
    #[staticmethod]
    fn builtin(py: Python<'_>, id: &str) -> PyResult<PyEvents> {
        detached(py, || reorg::builtin(id)).map(PyEvents::wrap)
    }

    /// The ids of the built-in events.
    #[staticmethod]
    fn builtin_ids() -> Vec<&'static str> {
        reorg::BUILTIN.to_vec()
    }

    /// Reads events from a file: a JSON list (`*.json`), a `reorganizations.csv` file, or a CSV
    /// folder (its `reorganizations.csv`).
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyEvents> {
        detached(py, || reorg::load_events(&path)).map(PyEvents::wrap)
    }

    /// Reads events from text: a JSON list when `file` ends in `.json`, else a
    /// `reorganizations.csv` text; `file` names the input in error messages.
    #[staticmethod]
    fn from_text(py: Python<'_>, file: String, text: String) -> PyResult<PyEvents> {
        detached(py, || reorg::read_events(&file, &text)).map(PyEvents::wrap)
    }

    /// Reads events from a Python list of dicts shaped as the JSON edges.
    #[staticmethod]
    fn from_value(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<PyEvents> {
        let text = convert::json_text(value)?;
        detached(py, || {
            diaban::io::json::from_str::<Vec<ReorganizationEdge>>(&text, "events")
        })
        .map(PyEvents::wrap)
    }

    /// Checks that the edges are well formed (as applying them does first).
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        call(py, || reorg::validate_edges(&self.inner))
    }

    /// The edges as a list of dicts (the JSON document).
    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialize_to_py(py, &self.inner)
    }

    /// The number of edges.
    fn __len__(&self) -> usize {
        self.inner.len()
    }
}

fn parse_lang(py: Python<'_>, lang: Option<&str>) -> PyResult<Lang> {
    diaban::api::lang_arg(lang).map_err(|e| errors::core_error(py, &e))
}

/// A regulation profile (the built-in `bac-kan-1390`, or one read from JSON).
#[pyclass(frozen, module = "diaban._diaban", name = "Profile")]
pub struct PyProfile {
    inner: Profile,
}

impl PyProfile {
    fn wrap(inner: Profile) -> PyProfile {
        PyProfile { inner }
    }
}

#[pymethods]
impl PyProfile {
    /// A profile argument as every front end reads it ([`diaban::api::profile_arg`]): `None`
    /// (the default profile), a built-in id, profile JSON text or a JSON file.
    #[staticmethod]
    #[pyo3(signature = (text=None))]
    fn resolve(py: Python<'_>, text: Option<String>) -> PyResult<PyProfile> {
        detached(py, || diaban::api::profile_arg(text.as_deref())).map(PyProfile::wrap)
    }

    /// A built-in profile by id.
    #[staticmethod]
    fn builtin(py: Python<'_>, id: &str) -> PyResult<PyProfile> {
        call(py, || Profile::builtin(id)).map(PyProfile::wrap)
    }

    /// The ids of the built-in profiles.
    #[staticmethod]
    fn builtin_ids() -> Vec<&'static str> {
        Profile::BUILTIN.to_vec()
    }

    /// Reads a profile from JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: String) -> PyResult<PyProfile> {
        detached(py, || Profile::from_json_str(&text)).map(PyProfile::wrap)
    }

    /// Reads a profile from a Python dict, as `from_json` reads JSON.
    #[staticmethod]
    fn from_value(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<PyProfile> {
        let text = convert::json_text(value)?;
        detached(py, || Profile::from_json_str(&text)).map(PyProfile::wrap)
    }

    /// Reads a profile from a JSON file.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyProfile> {
        detached(py, || Profile::load(&path)).map(PyProfile::wrap)
    }

    /// The profile as pretty JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        call(py, || self.inner.to_json_string())
    }

    /// The profile as a dict.
    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialize_to_py(py, &self.inner)
    }

    /// The profile's id.
    #[getter]
    fn id(&self) -> String {
        self.inner.id.clone()
    }

    /// The regulation's number (`1390-QĐ/TU`).
    #[getter]
    fn regulation_number(&self) -> String {
        self.inner.regulation.number.clone()
    }

    /// The ids of the profile's schemes, in order.
    #[getter]
    fn scheme_ids(&self) -> Vec<String> {
        self.inner.schemes.iter().map(|s| s.id.clone()).collect()
    }
}

/// Checks that a date argument parses; returns it in ISO form (used by the facade for strings).
#[pyfunction]
fn parse_date(py: Python<'_>, text: &str) -> PyResult<String> {
    parse_day(py, "date", text).map(|d| d.to_string())
}

/// One table of a yearly report's document, flattened by the core (`YearReport::table`): the
/// one flattening the command line's `report --csv` uses too.
#[pyfunction]
fn report_table<'py>(
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
    table: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let value = convert::from_py(document)?;
    let report: diaban::YearReport = serde_json::from_value(value).map_err(|e| {
        errors::invalid_argument(
            py,
            "document",
            &format!("không phải là văn bản báo cáo năm (chi tiết kỹ thuật: {e})"),
            &format!("not a yearly report's document: {e}"),
        )
    })?;
    let table = report
        .table(table)
        .map_err(|e| errors::core_error(py, &e))?;
    convert::serialize_to_py(py, &table)
}

/// Panics inside the guard, to test that no panic reaches Python (used by the test suite only).
/// The template workbook of a province on a day (`diaban template`), as `.xlsx` bytes.
#[pyfunction]
fn template_xlsx<'py>(
    py: Python<'py>,
    province: &str,
    at: &str,
) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
    let day = parse_day(py, "at", at)?;
    let bytes = detached(py, || diaban::template::workbook(province, day))?;
    Ok(pyo3::types::PyBytes::new(py, &bytes))
}

#[pyfunction]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    py.detach(|| {
        guard_ok(|| std::panic::resume_unwind(Box::new("deliberate panic for the test suite")))
    })
    .map_err(|e| to_pyerr(py, e))
}

/// Every finding code with its severity, title and hint in `lang` (`vi` by default), as dicts.
#[pyfunction]
#[pyo3(signature = (lang=None))]
fn finding_codes<'py>(py: Python<'py>, lang: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    let value = serde_json::to_value(diaban::api::finding_codes(lang))
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    convert::to_py(py, &value)
}

/// The private module `diaban._diaban`.
#[pymodule]
fn _diaban(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("CORE_VERSION", diaban::VERSION)?;
    m.add("DEFAULT_LANG", diaban::api::DEFAULT_LANG.as_str())?;
    m.add("DEFAULT_PROFILE", diaban::api::DEFAULT_PROFILE)?;
    m.add_class::<PyDataset>()?;
    m.add_class::<PyProfile>()?;
    m.add_class::<PyEvents>()?;
    m.add("REPORT_TABLES", diaban::YearReport::TABLES.to_vec())?;
    m.add_function(wrap_pyfunction!(parse_date, m)?)?;
    m.add_function(wrap_pyfunction!(finding_codes, m)?)?;
    m.add_function(wrap_pyfunction!(report_table, m)?)?;
    m.add_function(wrap_pyfunction!(template_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    Ok(())
}
