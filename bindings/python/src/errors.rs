//! The one error-mapping module: core errors and panics to the exceptions of `diaban._errors`.
//!
//! The exception classes are defined in Python (`python/diaban/_errors.py`) so that they can
//! inherit from both `DiabanError` and the fitting built-in (`ValueError`, `OSError`); this module
//! chooses the class and fills in `code` and the location.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Why a guarded call failed.
pub(crate) enum Failure {
    /// The core returned an error.
    Core(diaban::Error),
    /// The core panicked (a bug): the panic's message.
    Panic(String),
}

/// Runs `f`, turning a panic into [`Failure::Panic`] so that no panic crosses into Python.
/// Safe to call without the GIL.
pub(crate) fn guard<T>(f: impl FnOnce() -> diaban::Result<T>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(Failure::Core(e)),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(Failure::Panic(message))
        }
    }
}

/// Like [`guard`] for a call that cannot fail except by panicking.
pub(crate) fn guard_ok<T>(f: impl FnOnce() -> T) -> Result<T, Failure> {
    guard(|| Ok(f()))
}

/// The Python exception for a failure.
pub(crate) fn to_pyerr(py: Python<'_>, failure: Failure) -> PyErr {
    match failure {
        Failure::Core(e) => core_error(py, &e),
        Failure::Panic(message) => internal(
            py,
            &format!("internal error in diaban (please report it): {message}"),
        ),
    }
}

/// Shorthand: `guard(f)` with the failure raised as a Python exception.
pub(crate) fn call<T>(py: Python<'_>, f: impl FnOnce() -> diaban::Result<T>) -> PyResult<T> {
    guard(f).map_err(|e| to_pyerr(py, e))
}

/// The Python exception for a core error.
pub(crate) fn core_error(py: Python<'_>, e: &diaban::Error) -> PyErr {
    let class = match e {
        diaban::Error::Load { .. } => "LoadError",
        diaban::Error::Io { .. } => "FileError",
        diaban::Error::UnknownProfile(_) => "UnknownProfileError",
        diaban::Error::UnknownScheme { .. } => "UnknownSchemeError",
        diaban::Error::InvalidArgument { .. }
        | diaban::Error::NotFound { .. }
        | diaban::Error::AmbiguousName { .. } => "InvalidArgumentError",
        _ => "DiabanError",
    };
    let mut fields: Vec<(&str, Option<String>, Option<u64>)> = Vec::new();
    if let Some(loc) = e.location() {
        fields.push(("path", loc.file.clone(), None));
        fields.push(("line", None, loc.line));
        fields.push(("column", None, loc.column));
        fields.push(("field", loc.field.clone(), None));
        fields.push(("json_path", loc.path.clone(), None));
        fields.push(("sheet", loc.sheet.clone(), None));
        fields.push(("cell", loc.cell.clone(), None));
    }
    match e {
        diaban::Error::Io { path, .. } => fields.push(("path", Some(path.clone()), None)),
        diaban::Error::UnknownProfile(id) => fields.push(("profile", Some(id.clone()), None)),
        diaban::Error::UnknownScheme { scheme, .. } => {
            fields.push(("scheme", Some(scheme.clone()), None))
        }
        diaban::Error::InvalidArgument { name, .. }
        | diaban::Error::NotFound { argument: name, .. }
        | diaban::Error::AmbiguousName { argument: name, .. } => {
            fields.push(("argument", Some(name.clone()), None))
        }
        _ => {}
    }
    let vi = e.message_in(diaban::Lang::Vi);
    fields.push(("message_vi", Some(vi.clone()), None));
    fields.push(("message_en", Some(e.message_in(diaban::Lang::En)), None));
    // The message is Vietnamese, the default language of every front end; `message_en` has
    // the English.
    make(py, class, e.code(), &vi, &fields)
}

/// An `InvalidArgumentError` raised by the binding itself (a value it cannot convert).
pub(crate) fn invalid_argument(py: Python<'_>, name: &str, vi: &str, en: &str) -> PyErr {
    core_error(
        py,
        &diaban::Error::InvalidArgument {
            name: name.to_owned(),
            message: diaban::error::Msg::new(vi, en),
        },
    )
}

/// An `InternalError` (code `internal`): a bug, never the user's fault.
pub(crate) fn internal(py: Python<'_>, message: &str) -> PyErr {
    make(py, "InternalError", "internal", message, &[])
}

fn make(
    py: Python<'_>,
    class: &str,
    code: &str,
    message: &str,
    fields: &[(&str, Option<String>, Option<u64>)],
) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let cls = py.import("diaban._errors")?.getattr(class)?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("code", code)?;
        for (name, text, number) in fields {
            match (text, number) {
                (Some(t), _) => kwargs.set_item(*name, t)?,
                (None, Some(n)) => kwargs.set_item(*name, n)?,
                (None, None) => kwargs.set_item(*name, py.None())?,
            }
        }
        Ok(PyErr::from_value(cls.call((message,), Some(&kwargs))?))
    };
    // Without the facade (the private module imported alone), fall back to built-in exceptions.
    build().unwrap_or_else(|_| match class {
        "InternalError" | "DiabanError" => {
            pyo3::exceptions::PyRuntimeError::new_err(format!("[{code}] {message}"))
        }
        "FileError" => pyo3::exceptions::PyOSError::new_err(format!("[{code}] {message}")),
        _ => pyo3::exceptions::PyValueError::new_err(format!("[{code}] {message}")),
    })
}
