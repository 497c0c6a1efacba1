//! Caps on what a load may read (issue 8): the size of the input, the number of records in
//! one table and the length of one field; for a workbook, also the number of sheets and of
//! cells (a workbook's input size is its file plus every part it holds, uncompressed).
//!
//! The library reads files typed by hand and files from strangers (a browser page opens
//! whatever the user picks). The defaults protect a browser tab: 256 MiB of input, 5 million
//! records per table, 64 KiB per field, 64 sheets and 5 million cells per workbook. A load that goes past a cap fails with an
//! [`crate::Error::Load`] of kind [`crate::LoadErrorKind::LimitExceeded`] (code
//! `limit_exceeded`) that names the cap, its value and where it was hit.
//!
//! The workbook reader also has fixed bounds, the same under every `Limits` (see `SECURITY.md`):
//! 10,000 parts in a workbook's archive, 16 MiB for one XML event (a text between two tags),
//! a million cells spanned by shared formulas.
//!
//! ```
//! use diaban::{limits::Limits, Dataset};
//! let tight = Limits { max_field_bytes: 4, ..Limits::default() };
//! let text = r#"{"units":[{"code":"06","name":"Tỉnh Bắc Kạn","type":"Tỉnh"}]}"#;
//! let err = Dataset::from_json_str_with_limits(text, &tight).unwrap_err();
//! assert_eq!(err.code(), "limit_exceeded");
//! assert!(Dataset::from_json_str_with_limits(text, &Limits::none()).is_ok());
//! ```

use crate::error::{Error, LoadErrorKind, Location, Msg};

/// Configurable caps on input size and record counts, enforced by the loaders
/// ([`crate::Dataset::load_with_limits`], [`crate::Dataset::from_json_str_with_limits`],
/// [`crate::Dataset::from_csv_texts_with_limits`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Most bytes of input read in one load: the JSON text, or all the files of a CSV folder together.
    pub max_input_bytes: u64,
    /// Most records in one table (units, people, assignments…).
    pub max_records_per_table: usize,
    /// Most bytes in one field (a name, a note, an id…).
    pub max_field_bytes: usize,
    /// Most sheets in one workbook (XLSX input).
    pub max_sheets: usize,
    /// Most non-empty cells in one workbook, and most entries in its shared-string table
    /// (XLSX input).
    pub max_cells: u64,
}

impl Limits {
    /// The default cap on input size: 256 MiB.
    pub const DEFAULT_MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;
    /// The default cap on records per table: 5 million.
    pub const DEFAULT_MAX_RECORDS_PER_TABLE: usize = 5_000_000;
    /// The default cap on one field: 64 KiB.
    pub const DEFAULT_MAX_FIELD_BYTES: usize = 64 * 1024;
    /// The default cap on sheets in a workbook: 64 (a dataset has 9 tables).
    pub const DEFAULT_MAX_SHEETS: usize = 64;
    /// The default cap on non-empty cells in a workbook: 5 million.
    pub const DEFAULT_MAX_CELLS: u64 = 5_000_000;

    /// Caps for files a person opens on their own computer (the command line, Python): 8 GiB
    /// of input, 200 million records per table and 500 million workbook cells, so that a
    /// whole country's records load,
    /// with the default cap per field. A wrong file (a disk image, `/dev/zero`) still stops.
    #[must_use]
    pub fn desktop() -> Limits {
        Limits {
            max_input_bytes: 8 * 1024 * 1024 * 1024,
            max_records_per_table: 200_000_000,
            max_cells: 500_000_000,
            ..Limits::default()
        }
    }

    /// No caps at all (for trusted input on a machine with memory to spare).
    #[must_use]
    pub fn none() -> Limits {
        Limits {
            max_input_bytes: u64::MAX,
            max_records_per_table: usize::MAX,
            max_field_bytes: usize::MAX,
            max_sheets: usize::MAX,
            max_cells: u64::MAX,
        }
    }

    /// An error if `bytes` of input are more than [`Limits::max_input_bytes`].
    pub(crate) fn check_input(
        &self,
        bytes: u64,
        location: impl FnOnce() -> Location,
    ) -> crate::Result<()> {
        if bytes > self.max_input_bytes {
            return Err(exceeded(
                location(),
                Msg::new(
                    format!(
                        "dữ liệu vào có {bytes} byte, vượt giới hạn `max_input_bytes` = {}",
                        self.max_input_bytes
                    ),
                    format!(
                        "the input is {bytes} bytes, more than the limit `max_input_bytes` = {}",
                        self.max_input_bytes
                    ),
                ),
            ));
        }
        Ok(())
    }

    /// An error if a table holds more than [`Limits::max_records_per_table`] records.
    pub(crate) fn check_records(
        &self,
        table: &str,
        count: usize,
        location: impl FnOnce() -> Location,
    ) -> crate::Result<()> {
        if count > self.max_records_per_table {
            return Err(exceeded(
                location(),
                Msg::new(
                    format!(
                        "bảng `{table}` có hơn {} bản ghi, vượt giới hạn `max_records_per_table`",
                        self.max_records_per_table
                    ),
                    format!(
                        "`{table}` has more than {} records, the limit `max_records_per_table`",
                        self.max_records_per_table
                    ),
                ),
            ));
        }
        Ok(())
    }

    /// An error if a workbook has more than [`Limits::max_sheets`] sheets.
    #[cfg(feature = "xlsx-read")]
    pub(crate) fn check_sheets(
        &self,
        count: usize,
        location: impl FnOnce() -> Location,
    ) -> crate::Result<()> {
        if count > self.max_sheets {
            return Err(exceeded(
                location(),
                Msg::new(
                    format!(
                        "sổ tính có {count} trang tính, vượt giới hạn `max_sheets` = {}",
                        self.max_sheets
                    ),
                    format!(
                        "the workbook has {count} sheets, more than the limit `max_sheets` = {}",
                        self.max_sheets
                    ),
                ),
            ));
        }
        Ok(())
    }

    /// An error if `count` cells (or shared strings) are more than [`Limits::max_cells`].
    #[cfg(feature = "xlsx-read")]
    pub(crate) fn check_cells(
        &self,
        what: &str,
        count: u64,
        location: impl FnOnce() -> Location,
    ) -> crate::Result<()> {
        if count > self.max_cells {
            return Err(exceeded(
                location(),
                Msg::new(
                    format!(
                        "sổ tính có hơn {} {}, vượt giới hạn `max_cells`",
                        self.max_cells,
                        match what {
                            "shared strings" => "chuỗi dùng chung",
                            "cells" => "ô",
                            "non-empty cells" => "ô có dữ liệu",
                            other => other,
                        }
                    ),
                    format!(
                        "the workbook has more than {} {what}, the limit `max_cells`",
                        self.max_cells
                    ),
                ),
            ));
        }
        Ok(())
    }

    /// An error if a field is longer than [`Limits::max_field_bytes`].
    pub(crate) fn check_field(
        &self,
        bytes: usize,
        location: impl FnOnce() -> Location,
    ) -> crate::Result<()> {
        if bytes > self.max_field_bytes {
            return Err(exceeded(
                location(),
                Msg::new(
                    format!(
                        "một trường dài {bytes} byte, vượt giới hạn `max_field_bytes` = {}",
                        self.max_field_bytes
                    ),
                    format!(
                        "a field of {bytes} bytes, more than the limit `max_field_bytes` = {}",
                        self.max_field_bytes
                    ),
                ),
            ));
        }
        Ok(())
    }
}

impl Default for Limits {
    /// Caps that protect a browser tab: 256 MiB of input, 5 million records per table, 64 KiB per
    /// field, 64 sheets and 5 million cells per workbook.
    fn default() -> Limits {
        Limits {
            max_input_bytes: Limits::DEFAULT_MAX_INPUT_BYTES,
            max_records_per_table: Limits::DEFAULT_MAX_RECORDS_PER_TABLE,
            max_field_bytes: Limits::DEFAULT_MAX_FIELD_BYTES,
            max_sheets: Limits::DEFAULT_MAX_SHEETS,
            max_cells: Limits::DEFAULT_MAX_CELLS,
        }
    }
}

fn exceeded(location: Location, message: Msg) -> Error {
    Error::load(LoadErrorKind::LimitExceeded, location, message)
}

/// How many threads the readers and the check may use: the machine's cores, and one in a
/// WebAssembly build (a browser gives the module no threads; knowing it at compile time keeps
/// the threaded code out of the module, which has a size budget).
#[must_use]
pub(crate) fn threads() -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        1
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_none() {
        let d = Limits::default();
        assert_eq!(d.max_input_bytes, 256 * 1024 * 1024);
        assert_eq!(d.max_records_per_table, 5_000_000);
        assert_eq!(d.max_field_bytes, 65_536);
        assert!(Limits::none()
            .check_input(u64::MAX, Location::default)
            .is_ok());
        let err = d
            .check_field(70_000, || Location::file("x.csv"))
            .unwrap_err();
        assert_eq!(err.code(), "limit_exceeded");
        assert!(err.to_string().contains("max_field_bytes"));
        assert!(err.to_string().contains("70000"));
    }
}
