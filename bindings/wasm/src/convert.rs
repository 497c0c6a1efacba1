//! The one conversion module: Rust values to plain JavaScript values and back.
//!
//! Results are serialized with `serde-wasm-bindgen`'s JSON-compatible serializer, so a
//! JavaScript caller gets plain objects and arrays (never `Map`s), `null` for absent values and
//! ISO `YYYY-MM-DD` strings for dates: exactly the JSON the CLI prints with `--format json`.

use crate::error::{argument, to_js_error};
use chrono::NaiveDate;
use diaban::error::Msg;
use diaban::{api, reorg, Lang, Profile, ReorganizationEdge};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::JsValue;

/// A serializable value as a plain JavaScript value.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            argument(
                "result",
                Msg::new(
                    format!("không chuyển được kết quả (chi tiết kỹ thuật: {e})"),
                    format!("cannot convert the result: {e}"),
                ),
            )
        })
}

/// A JavaScript value as a Rust value; `name` names the argument in the error.
pub fn from_js<T: for<'de> Deserialize<'de> + Default>(
    value: JsValue,
    name: &str,
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    // Through a JSON value, so that unknown option names are reported (`deny_unknown_fields`)
    // rather than silently ignored.
    let json: Value = serde_wasm_bindgen::from_value(value)
        .map_err(|e| argument(name, Msg::from_serde(&e.to_string())))?;
    serde_json::from_value(json).map_err(|e| argument(name, Msg::from_serde(&e.to_string())))
}

/// An optional date argument, read by the core's argument contract ([`diaban::api`]); the
/// facade turns `Date`s into `YYYY-MM-DD`. Blank text is absent (a cleared date input).
pub fn opt_date(value: Option<&str>, name: &str) -> Result<Option<NaiveDate>, JsValue> {
    api::opt_date_arg(name, value).map_err(|e| to_js_error(&e))
}

/// A required date argument.
pub fn req_date(value: Option<&str>, name: &str) -> Result<NaiveDate, JsValue> {
    opt_date(value, name)?.ok_or_else(|| {
        argument(
            name,
            Msg::new(
                "cần một ngày (DD/MM/YYYY)",
                "a date is required (YYYY-MM-DD)",
            ),
        )
    })
}

/// The caller's system date (local time): the one place this binding reads a clock.
pub fn system_today() -> Result<NaiveDate, JsValue> {
    let now = js_sys::Date::new_0();
    let (year, month, day) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    i32::try_from(year)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
        .ok_or_else(|| {
            argument(
                "today",
                Msg::new(
                    "đồng hồ hệ thống không cho một ngày hợp lệ",
                    "the system clock gives no valid date",
                ),
            )
        })
}

/// The language of messages: `"vi"` (the default, as everywhere) or `"en"`.
pub fn lang(value: Option<&str>) -> Result<Lang, JsValue> {
    api::lang_arg(value).map_err(|e| to_js_error(&e))
}

/// A profile argument: absent (the default profile), a built-in id or profile JSON text (read
/// by the core's contract, as on the command line and in Python), or a profile object.
pub fn profile(value: Option<&Value>) -> Result<Profile, JsValue> {
    let result = match value {
        None | Some(Value::Null) => api::profile_arg(None),
        Some(Value::String(text)) => api::profile_arg(Some(text)),
        Some(other @ Value::Object(_)) => Profile::from_json_str(&other.to_string()),
        Some(_) => {
            return Err(argument(
                "profile",
                Msg::new(
                    "cần mã một quy định dựng sẵn, văn bản JSON của hồ sơ quy định hoặc một đối tượng hồ sơ",
                    "expected a built-in profile id, profile JSON text or a profile object",
                ),
            ))
        }
    };
    result.map_err(|e| to_js_error(&e))
}

/// Reorganisation events: a built-in event id (`bac-kan-2025`), `reorganizations.csv` text, a
/// JSON list of edges as text, or an array of edge objects (read by the core's JSON reader, so a
/// bad edge is reported with its path, e.g. `[3].effective`).
pub fn events(value: &Value) -> Result<Vec<ReorganizationEdge>, JsValue> {
    let result = match value {
        Value::String(text) => api::events_arg(text),
        Value::Array(_) => reorg::read_events("events.json", &value.to_string()),
        Value::Null => {
            return Err(argument(
                "events",
                Msg::new(
                    "cần nêu sự kiện sắp xếp: mã một sự kiện dựng sẵn, văn bản reorganizations.csv hoặc một mảng các dòng sắp xếp",
                    "events are required: a built-in event id, reorganizations.csv text or an array of edges",
                ),
            ))
        }
        _ => {
            return Err(argument(
                "events",
                Msg::new(
                    "cần mã một sự kiện dựng sẵn, văn bản reorganizations.csv hoặc một mảng các dòng sắp xếp",
                    "expected a built-in event id, reorganizations.csv text or an array of edges",
                ),
            ))
        }
    };
    result.map_err(|e| to_js_error(&e))
}
