//! The embedded demo dataset: Bắc Kạn province under Regulation 1390-QĐ/TU, from 2024 to its
//! last day, 30 June 2025 (nothing is recorded after it: apply the built-in `bac-kan-2025`
//! reorganisation to carry it into Thái Nguyên).
//!
//! The files live in `crates/diaban/data/demo/` (see its README for what is real and what is
//! a labelled placeholder, and for the defects planted on purpose); every row's basis (`seed`,
//! `public` or `invented`) is in `crates/diaban/data/demo/provenance/provenance.csv`.

#[cfg(feature = "embedded-demo")]
use crate::model::Dataset;

#[cfg(feature = "embedded-demo")]
const FILES: &[(&str, &str)] = &[
    ("units.csv", include_str!("../data/demo/units.csv")),
    (
        "organizations.csv",
        include_str!("../data/demo/organizations.csv"),
    ),
    ("people.csv", include_str!("../data/demo/people.csv")),
    ("terms.csv", include_str!("../data/demo/terms.csv")),
    (
        "assignments.csv",
        include_str!("../data/demo/assignments.csv"),
    ),
    (
        "activities.csv",
        include_str!("../data/demo/activities.csv"),
    ),
    (
        "evaluations.csv",
        include_str!("../data/demo/evaluations.csv"),
    ),
    (
        "ntm_statuses.csv",
        include_str!("../data/demo/ntm_statuses.csv"),
    ),
];

/// Where the demo's facts come from, for display.
pub const PROVENANCE: &str = "Unit codes, names and types: GSO Danh mục đơn vị hành chính (snapshot 2024-09-01, via \
daohoangson/dvhcvn); Hà Sỹ Thắng → Vân Tùng from September 2024, Lường Đức Thắng as Trưởng ban Nội chính and the \
rural-programme help of Ban Nội chính (Sỹ Bình), Sở Thông tin và Truyền thông (Bình Trung) and Công an tỉnh (Giáo \
Hiệu): the source article; every other person is a labelled placeholder and every activity and rating is invented, \
those of Hà Sỹ Thắng included; records end on 2025-06-30 with the province (see \
crates/diaban/data/demo/README.md and provenance/provenance.csv).";

/// The demo, read once. The files are compiled in and loaded by the tests of every suite:
/// failing here is a defect of the build, never of anyone's input, so it is not turned into an
/// empty dataset that would silently check clean.
#[cfg(feature = "embedded-demo")]
#[allow(clippy::expect_used)]
static DEMO: std::sync::LazyLock<Dataset> = std::sync::LazyLock::new(|| {
    Dataset::from_csv_texts(FILES.iter().copied()).expect("the embedded demo files load")
});

#[cfg(feature = "embedded-demo")]
impl Dataset {
    /// The embedded Bắc Kạn demo dataset (8 districts, 108 commune-level units, one monitor each
    /// from September 2024 to the province's end on 30 June 2025, with a few planted defects).
    ///
    /// ```
    /// let ds = diaban::Dataset::demo();
    /// assert_eq!(ds.units.iter().filter(|u| u.level() == diaban::Level::Commune).count(), 108);
    /// ```
    #[must_use]
    pub fn demo() -> Dataset {
        DEMO.clone()
    }

    /// The demo dataset's CSV files as `(name, text)`, for tools that want the raw files.
    #[must_use]
    pub fn demo_files() -> &'static [(&'static str, &'static str)] {
        FILES
    }
}

#[cfg(all(test, feature = "embedded-demo"))]
mod tests {
    #[test]
    fn demo_files_load_without_error() {
        crate::Dataset::from_csv_texts(super::FILES.iter().copied()).unwrap();
    }
}
