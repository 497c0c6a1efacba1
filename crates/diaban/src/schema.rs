//! JSON Schemas of the dataset and profile formats (`diaban schema`).

use serde_json::Value;

/// The JSON Schema of a dataset document.
#[must_use]
pub fn dataset() -> Value {
    schemars::schema_for!(crate::Dataset).to_value()
}

/// The JSON Schema of a profile document.
#[must_use]
pub fn profile() -> Value {
    schemars::schema_for!(crate::Profile).to_value()
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
