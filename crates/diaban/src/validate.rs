//! Validation: every rule of the profile applied to a dataset, all problems at once. This
//! module is the entry point ([`check`], [`CheckOptions`]): it builds the context of one check,
//! runs the rule families (`rules/`, in their fixed order) and applies the view of one day.
//!
//! Each rule runs in (near) linear time over [`Index`] lookups and sorted sweeps; no rule
//! compares all pairs of records.

use crate::engine::Ctx;
use crate::finding::{Finding, Report};
use crate::index::Index;
use crate::model::Dataset;
use crate::period::Period;
use crate::profile::Profile;
use crate::roles::{Jurisdiction, Roles};
use chrono::NaiveDate;

/// Options of a check. No clock is read: the front ends pass the caller's date as `today`.
///
/// The *judged day* is `today` if given, else `at` (see `docs/semantics.md`). Nothing due
/// after the judged day is reported; with neither option no deadline-based rule fires.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// A view of one day: integrity findings (duplicate ids, unknown references, invalid
    /// periods) are kept; every other finding only if the days it concerns include `at`,
    /// clipped to that day. `None`: the whole history.
    pub at: Option<NaiveDate>,
    /// The day deadlines are judged against. `None`: `at`, or else no deadline has passed.
    pub today: Option<NaiveDate>,
    /// Evaluate the dataset as it was known on this day: assignments whose decision was
    /// signed later are left out.
    pub recorded_on: Option<NaiveDate>,
    /// Also report, as information, each record the regulation does not cover (days after
    /// its end of life or outside its territory).
    pub strict: bool,
}

impl CheckOptions {
    /// The judged day: `today` if given, else `at`.
    #[must_use]
    pub fn judged_day(&self) -> Option<NaiveDate> {
        self.today.or(self.at)
    }
}

/// Checks a dataset against a profile and returns every finding, in a deterministic order.
///
/// ```
/// use diaban::{check, CheckOptions, Dataset, Profile, date};
/// let report = check(&Dataset::demo(), &Profile::bac_kan_1390(),
///                    &CheckOptions { today: Some(date!(2026, 3, 1)), ..CheckOptions::default() });
/// assert!(report.findings.iter().any(|f| f.code.as_str() == "coverage_gap"));
/// ```
#[must_use]
pub fn check(dataset: &Dataset, profile: &Profile, options: &CheckOptions) -> Report {
    let filtered;
    let dataset = match options.recorded_on {
        Some(r) => {
            filtered = Dataset {
                assignments: dataset
                    .assignments
                    .iter()
                    .filter(|a| a.decision_date.is_none_or(|d| d <= r))
                    .cloned()
                    .collect(),
                ..dataset.clone()
            };
            &filtered
        }
        None => dataset,
    };
    let index = Index::new(dataset);
    let jurisdiction = Jurisdiction::new(&index, profile);
    // Rules look at the days of the `at` view, up to the end of the regulation's life: nothing
    // after it is judged (integrity rules do not clip).
    let until_end = Period {
        from: NaiveDate::MIN,
        to: jurisdiction.life.to,
    };
    let scope = options
        .at
        .map_or_else(Period::always, Period::day)
        .intersect(&until_end);
    let mut ctx = Ctx {
        index: &index,
        profile,
        roles: Roles::new(&index, profile),
        scope,
        judged: options.judged_day(),
        jurisdiction,
        unresolved: std::collections::BTreeMap::new(),
        findings: Vec::new(),
    };
    crate::rules::run(&mut ctx, options.at, options.strict);
    let findings = match options.at {
        Some(day) => at_view(ctx.findings, day),
        None => ctx.findings,
    };
    Report::new(findings)
}

/// The `at` view of findings: integrity findings are kept as they are; a finding about days is
/// kept only if its days include `day`, and then says that day only. A finding about no days
/// (a second evaluation, a wrong author) was already limited by its rule to records that
/// existed on `day`.
fn at_view(findings: Vec<Finding>, day: NaiveDate) -> Vec<Finding> {
    findings
        .into_iter()
        .filter_map(|mut f| {
            if f.code.rule().integrity {
                return Some(f);
            }
            let Some(from) = f.from else {
                return Some(f);
            };
            let p = Period { from, to: f.to };
            if !p.contains(day) {
                return None;
            }
            f.from = Some(day);
            f.to = Some(day);
            Some(f)
        })
        .collect()
}
