//! The one conversion module: `serde_json::Value` to Python objects and back.
//!
//! Dates travel as ISO strings here; the pure-Python facade (`diaban/__init__.py`) turns them
//! into `datetime.date` for the user. Python input may contain `datetime.date` values, which
//! become ISO strings.

use crate::errors;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// How deeply nested Python input may be (a dataset is four levels deep at most).
const MAX_DEPTH: usize = 64;

/// A JSON value as a Python object: `dict`, `list`, `str`, `int`, `float`, `bool` or `None`.
pub(crate) fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let items = items
                .iter()
                .map(|v| to_py(py, v))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// Any serialisable value as a Python object, written directly (no JSON tree in between).
pub(crate) fn serialize_to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    crate::pyser::to_py(py, value)
}

/// A Python argument shaped as a JSON document (see [`from_py`]), as JSON text for the core's
/// readers (which report a bad record with its JSON path).
pub(crate) fn json_text(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    let value = from_py(obj)?;
    serde_json::to_string(&value).map_err(|e| errors::internal(obj.py(), &e.to_string()))
}

/// A Python object made of dicts (string keys), lists, tuples, strings, numbers, booleans,
/// `None` and dates, as a JSON value. `NaN` (pandas' missing value) becomes `null`.
pub(crate) fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    from_py_at(obj, 0)
}

fn from_py_at(obj: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    let py = obj.py();
    if depth > MAX_DEPTH {
        return Err(errors::invalid_argument(
            py,
            "records",
            &format!("dữ liệu lồng nhau quá {MAX_DEPTH} cấp"),
            &format!("nested more than {MAX_DEPTH} levels deep"),
        ));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(errors::invalid_argument(
            py,
            "records",
            "một số nguyên quá lớn",
            "an integer is too large",
        ));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(Number::from_f64(f.value()).map_or(Value::Null, Value::Number));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in dict.iter() {
            let Ok(key) = k.cast::<PyString>() else {
                return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                    "record keys must be str, not {}",
                    type_name(&k)
                )));
            };
            map.insert(key.to_cow()?.into_owned(), from_py_at(&v, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return list
            .iter()
            .map(|v| from_py_at(&v, depth + 1))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return tuple
            .iter()
            .map(|v| from_py_at(&v, depth + 1))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    if let Some(iso) = date_iso(obj)? {
        return Ok(Value::String(iso));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "cannot use a value of type {} in a dataset record (use str, int, float, bool, None, date, list or dict)",
        type_name(obj)
    )))
}

/// The ISO text of a `datetime.date` (a `datetime.datetime`, or a pandas `Timestamp`, gives its date).
fn date_iso(obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    let datetime = obj.py().import("datetime")?;
    let date_type = datetime.getattr("date")?;
    if !obj.is_instance(&date_type)? {
        return Ok(None);
    }
    let day = if obj.is_instance(&datetime.getattr("datetime")?)? {
        obj.call_method0("date")?
    } else {
        obj.clone()
    };
    Ok(Some(day.call_method0("isoformat")?.extract::<String>()?))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_owned())
}
