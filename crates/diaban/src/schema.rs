//! JSON Schemas of the dataset and profile formats (`diaban schema`).

use serde_json::Value;

/// The JSON Schema of a dataset document.
#[must_use]
pub fn dataset() -> Value {
    serde_json::to_value(schemars::schema_for!(crate::Dataset)).unwrap_or(Value::Null)
}

/// The JSON Schema of a profile document.
#[must_use]
pub fn profile() -> Value {
    serde_json::to_value(schemars::schema_for!(crate::Profile)).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    #[test]
    fn schemas_name_the_tables() {
        let d = super::dataset();
        assert!(d["properties"]["assignments"].is_object(), "{d}");
        assert!(super::profile()["properties"]["schemes"].is_object());
    }
}
