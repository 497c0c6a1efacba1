//! The one error module: every failure becomes a thrown JavaScript `Error` (never a string).
//!
//! The error's `name` is `"DiabanError"`; it carries the core's stable snake_case `code`
//! (`json_syntax`, `invalid_date`, `unknown_profile`, `invalid_argument`…) and, for load
//! errors, whichever of `file`, `line`, `column`, `field`, `path`, `sheet` and `cell` the core
//! reported.
//! The facade re-throws it as an instance of its `DiabanError` class.

use wasm_bindgen::JsValue;

fn set(target: &js_sys::Error, key: &str, value: JsValue) {
    // Setting a property on a fresh, extensible Error object cannot fail; if it ever did, the
    // error would still carry its message and code, so the result is deliberately ignored.
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), &value);
}

/// A core error as a JavaScript `Error` with `code` and location properties. The message is
/// Vietnamese, the default language; `messageVi` and `messageEn` carry both.
pub fn to_js_error(e: &diaban::Error) -> JsValue {
    let vi = e.message_in(diaban::Lang::Vi);
    let err = js_sys::Error::new(&vi);
    err.set_name("DiabanError");
    set(&err, "code", JsValue::from_str(e.code()));
    set(&err, "messageVi", JsValue::from_str(&vi));
    set(
        &err,
        "messageEn",
        JsValue::from_str(&e.message_in(diaban::Lang::En)),
    );
    if let Some(loc) = e.location() {
        if let Some(file) = &loc.file {
            set(&err, "file", JsValue::from_str(file));
        }
        if let Some(line) = loc.line {
            set(&err, "line", JsValue::from_f64(line as f64));
        }
        if let Some(column) = loc.column {
            set(&err, "column", JsValue::from_f64(column as f64));
        }
        if let Some(field) = &loc.field {
            set(&err, "field", JsValue::from_str(field));
        }
        if let Some(path) = &loc.path {
            set(&err, "path", JsValue::from_str(path));
        }
        if let Some(sheet) = &loc.sheet {
            set(&err, "sheet", JsValue::from_str(sheet));
        }
        if let Some(cell) = &loc.cell {
            set(&err, "cell", JsValue::from_str(cell));
        }
    }
    match e {
        diaban::Error::InvalidArgument { name, .. }
        | diaban::Error::NotFound { argument: name, .. } => {
            set(&err, "argument", JsValue::from_str(name));
        }
        diaban::Error::AmbiguousName {
            argument,
            candidates,
            ..
        } => {
            set(&err, "argument", JsValue::from_str(argument));
            // The records bearing the name: `[{id, name, unit}]`, in Vietnamese order.
            let json = serde_wasm_bindgen::Serializer::json_compatible();
            if let Ok(list) = serde::Serialize::serialize(candidates, &json) {
                set(&err, "candidates", list);
            }
        }
        _ => {}
    }
    err.into()
}

/// An `invalid_argument` error about the argument `name`, in both languages.
pub fn argument(name: &str, message: diaban::error::Msg) -> JsValue {
    to_js_error(&diaban::Error::InvalidArgument {
        name: name.to_owned(),
        message,
    })
}
