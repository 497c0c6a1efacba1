//! # diaban — oversight regulations as data
//!
//! `diaban` ("địa bàn", the locality a cadre is assigned to) turns a provincial oversight
//! regulation into data and checks a province's records against it: who must monitor which
//! commune, for which congress term, with which duties, evaluated by whom — and whether the
//! records satisfy all of it.
//!
//! The built-in profile models Regulation **1390-QĐ/TU** of the Bắc Kạn Provincial Party
//! Committee (29 August 2024): each of the province's 108 commune-level units is monitored by
//! one leader of a provincial department, board, sector or mass organisation.
//!
//! ## Quickstart
//!
//! ```
//! use diaban::{check, date, CheckOptions, Dataset, Index, Lang, Profile};
//!
//! let dataset = Dataset::demo();                 // Bắc Kạn, 2024 (or Dataset::load("folder/"))
//! let profile = Profile::bac_kan_1390();
//! let report = check(&dataset, &profile, &CheckOptions {
//!     today: Some(date!(2025, 3, 1)),              // the core never reads a clock
//!     ..CheckOptions::default()
//! });
//! for finding in report.findings.iter().take(3) {
//!     println!("{} {}", finding.code, finding.message(Lang::En));
//! }
//!
//! let index = Index::new(&dataset);
//! let monitor = &index.who_monitors("01954", date!(2024, 10, 1))[0];  // Thị trấn Vân Tùng
//! assert_eq!(monitor.subject_name, Some("Hà Sỹ Thắng"));
//!
//! let coverage = index.coverage(&profile, Some("commune-monitoring"), date!(2024, 10, 1)).unwrap();
//! assert_eq!(coverage.rows.len(), 108);
//! ```
//!
//! ## Design
//! - One period type, [`Period`], with inclusive ends and an optional end; its algebra lives in
//!   [`period`]. Dates are [`chrono::NaiveDate`]; inputs accept `YYYY-MM-DD` and `DD/MM/YYYY`.
//! - The model ([`model`]) is plain data; a [`Profile`] holds the regulation and its schemes as
//!   data, every parameter tagged with its [`profile::Source`].
//! - [`check`] never stops at the first problem: it returns a [`Report`] of [`Finding`]s, each
//!   with a stable [`Code`], a Vietnamese and an English message and the [`Basis`] it rests on
//!   (provenance, topic, parameter). Time, territory and life, roles and provenance are
//!   described in `docs/semantics.md`.
//! - Loading fails only for unreadable input, with an [`Error`] naming file, line and field.

#![forbid(unsafe_code)]

pub mod api;
pub mod collate;
mod demo;
#[cfg(feature = "docx")]
pub mod docx;
pub mod duties;
mod engine;
pub use demo::PROVENANCE as DEMO_PROVENANCE;
pub mod error;
pub mod finding;
pub mod index;
pub mod io;
pub mod limits;
pub mod lookup;
mod messages;
pub mod model;
pub mod period;
pub mod profile;
pub mod query;
pub mod relations;
pub mod reorg;
pub mod report;
pub mod roles;
mod rules;
pub mod schema;
#[cfg(feature = "national")]
pub mod template;
pub mod validate;
pub mod vocabulary;
pub mod words;

pub use error::{Error, LoadErrorKind, Location, NameCandidate, Result};
pub use finding::{Basis, Code, Finding, Lang, Report, Severity, Source, SubjectRef, Summary};
pub use index::Index;
pub use limits::Limits;
pub use model::{
    Activity, ActivityKind, Assignment, ContributionKind, Dataset, EndReason, Evaluation, Level,
    NtmRecord, NtmStatus, OrgKind, Organization, Part, Post, Rank, Rating, ReorganizationEdge,
    SmolStr, Term, Unit, UnitType,
};
pub use period::{parse_date, Period};
pub use profile::{Profile, Role};
pub use query::{AssignmentView, Coverage, CoverageRow};
pub use relations::{PersonRef, Relation};
pub use reorg::{Changes, Lineage};
pub use report::YearReport;
pub use roles::Jurisdiction;
pub use validate::{check, CheckOptions};

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

/// The library's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
