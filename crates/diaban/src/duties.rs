//! The yearly judgement of an assignment: duties required and done, and where its evaluation
//! stands (`judge_year`). The rule families `rules/duties.rs` and `rules/evaluations.rs` report
//! from it and the yearly report shows it, so the report and the findings agree by
//! construction (see `docs/semantics.md`). This module emits no finding.
//!
//! ## Prorating duties
//! A duty's `min_per_year` applies to a full calendar year. For a part of a year, the
//! requirement is `min_per_year × days judged in the year / days in the year`, **rounded to
//! the nearest whole number, halves up**: monitoring from 1 September 2024 (122 of 366
//! days) needs `round(6 × 122 / 366) = 2` committee meetings in 2024; assigned on
//! 31 December only, `round(6 / 365) = 0`. The days judged are the assignment's days the
//! regulation judges (in force, in its territory). Each assignment is judged on its own
//! days and its own subject's activities, so a replacement splits the year between
//! predecessor and successor. A year's part is judged once it has ended before the judged
//! day.
//!
//! ## Evaluations
//! An assignment-year needs an evaluation when the assignment ran at least
//! `min_days_in_year` judged days in that year (a profile parameter; Bắc Kạn: 90, so a
//! cadre assigned in mid-October needs none for that year) and the evaluation falls due
//! within the regulation's life. It is missing once the judged day is after the due date;
//! late when sent after the due date. An evaluation sent after the judged day does not exist
//! yet on that day.

use crate::model::{ActivityKind, Assignment, Rating};
use crate::period::Period;
use crate::profile::{due_date, Scheme};
use crate::roles::Jurisdiction;
use crate::words::word_enum;
use chrono::{Datelike, NaiveDate};
use foldhash::HashMap;
use serde::Serialize;

/// `min × days / days_in_year`, rounded to the nearest whole number, halves up.
#[must_use]
pub fn prorated(min_per_year: u32, days: i64, days_in_year: i64) -> u32 {
    if days_in_year <= 0 {
        return 0;
    }
    let scaled = i64::from(min_per_year) * days.clamp(0, days_in_year);
    let rounded = (2 * scaled + days_in_year) / (2 * days_in_year);
    u32::try_from(rounded).unwrap_or(u32::MAX)
}

/// The calendar years an assignment touches, each with the days of the assignment inside it
/// (bounded by `until` for an open end).
pub(crate) fn years_of(p: &Period, until: NaiveDate) -> Vec<(i32, Period)> {
    let end = p.to.unwrap_or(until).min(until.max(p.from));
    (p.from.year()..=end.year())
        .filter_map(|y| Period::year(y)?.intersect(p).map(|part| (y, part)))
        .collect()
}

/// Activities of one subject on one target, sorted by date, for counting in a period.
pub(crate) struct ActivityIndex<'d> {
    by_pair: HashMap<(&'d str, &'d str), Vec<(NaiveDate, crate::model::ActivityKind)>>,
}

impl<'d> ActivityIndex<'d> {
    pub(crate) fn new(ds: &'d crate::model::Dataset) -> ActivityIndex<'d> {
        let mut by_pair: HashMap<(&str, &str), Vec<(NaiveDate, crate::model::ActivityKind)>> =
            HashMap::default();
        for a in &ds.activities {
            by_pair
                .entry((a.subject_id.as_str(), a.target.as_str()))
                .or_default()
                .push((a.date, a.kind));
        }
        for list in by_pair.values_mut() {
            list.sort_unstable();
        }
        ActivityIndex { by_pair }
    }

    /// How many activities of `kind` the subject did for the target inside `p`.
    pub(crate) fn count(
        &self,
        subject: &str,
        target: &str,
        kind: crate::model::ActivityKind,
        p: &Period,
    ) -> u32 {
        let Some(list) = self.by_pair.get(&(subject, target)) else {
            return 0;
        };
        let start = list.partition_point(|(d, _)| *d < p.from);
        let n = list
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|(d, _)| p.to.is_none_or(|t| *d <= t))
            .filter(|(_, k)| *k == kind)
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

/// One duty of one assignment in the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct DutyRow {
    /// Duty id.
    pub duty: String,
    /// The activity kind that fulfils it.
    pub activity_kind: ActivityKind,
    /// Required in the judged part of the year (prorated).
    pub required: u32,
    /// Done in the judged part of the year.
    pub done: u32,
    /// `done >= required`.
    pub met: bool,
}

word_enum! {
    /// Where an assignment-year's evaluation stands.
    pub enum EvaluationState {
        /// Sent on time.
        Ok = "ok",
        /// Sent after the deadline.
        Late = "late",
        /// Not sent, and the deadline has passed before the judged day.
        Missing = "missing",
        /// Not sent; the deadline has not passed (or there is no judged day).
        NotDue = "not_due",
        /// Not demanded: too few days judged in the year, or due after the regulation's end.
        NotRequired = "not_required",
        /// The scheme has no evaluation policy.
        None = "none",
    }
}

/// Where an assignment-year's evaluation stands, with the evaluation if there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct EvaluationStatus {
    /// The state.
    pub status: EvaluationState,
    /// The evaluation's id, if there is one.
    pub evaluation_id: Option<String>,
    /// Its rating.
    pub rating: Option<Rating>,
    /// The day it was sent.
    pub submitted_on: Option<NaiveDate>,
    /// The deadline.
    pub due: Option<NaiveDate>,
}

/// The judgement of one assignment in one year: what the rules (`rules/`) report and what
/// the yearly report shows, computed once, here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YearJudgement {
    pub(crate) year: i32,
    /// The days of the year the regulation judges for this assignment.
    pub(crate) part: Period,
    pub(crate) days: i64,
    pub(crate) days_in_year: i64,
    /// Duties, in profile order.
    pub(crate) duties: Vec<DutyRow>,
    /// True when the part ended before the judged day: only then are shortfalls reported.
    pub(crate) duties_due: bool,
    pub(crate) evaluation: EvaluationStatus,
}

impl YearJudgement {
    /// True when some duty is reported unmet, or the evaluation is missing, late or rated
    /// unfulfilled.
    pub(crate) fn shortfall(&self) -> bool {
        (self.duties_due && self.duties.iter().any(|d| !d.met))
            || matches!(
                self.evaluation.status,
                EvaluationState::Missing | EvaluationState::Late
            )
            || self.evaluation.rating == Some(Rating::Unfulfilled)
    }
}

/// The days of an assignment that yearly rules judge: the days the profile reaches (up to the
/// end of the regulation's life, in its territory) and, for a scheme made under the regulation,
/// from its effective date (its duties and evaluations do not exist before it).
pub(crate) fn judged_period(
    index: &crate::index::Index<'_>,
    jurisdiction: &Jurisdiction,
    scheme: &Scheme,
    a: &Assignment,
) -> Option<Period> {
    let p = a.period();
    if p.is_inverted() {
        return None;
    }
    let code = crate::engine::unit_of_target(index, &a.target).unwrap_or_default();
    let pieces = if scheme.under_regulation.value {
        jurisdiction.judged_days(index, &code, &p)
    } else {
        jurisdiction.reach_days(index, &code, &p)
    };
    let first = pieces.first()?;
    let last = pieces.last()?;
    Some(Period {
        from: first.from,
        to: last.to,
    })
}

/// The year parts of the judged period of an assignment, up to `until` for an open end.
pub(crate) fn judged_years(
    index: &crate::index::Index<'_>,
    jurisdiction: &Jurisdiction,
    scheme: &Scheme,
    a: &Assignment,
    until: NaiveDate,
) -> Vec<(i32, Period)> {
    judged_period(index, jurisdiction, scheme, a)
        .map(|p| years_of(&p, until))
        .unwrap_or_default()
}

/// Judges one assignment-year part: duties required and done, and the evaluation's state on
/// the judged day. `evaluations` are the evaluations of this assignment and year that exist.
#[allow(clippy::too_many_arguments)]
pub(crate) fn judge_year(
    scheme: &Scheme,
    a: &Assignment,
    year: i32,
    part: Period,
    activities: &ActivityIndex<'_>,
    evaluations: &[&crate::model::Evaluation],
    judged_day: Option<NaiveDate>,
    life_end: Option<NaiveDate>,
) -> YearJudgement {
    let days = part.days().unwrap_or(0);
    let days_in_year = Period::year(year).and_then(|y| y.days()).unwrap_or(365);
    let duties = scheme
        .duties
        .iter()
        .map(|d| {
            let required = prorated(d.min_per_year.value, days, days_in_year);
            let done = activities.count(&a.subject_id, &a.target, d.activity_kind, &part);
            DutyRow {
                duty: d.id.clone(),
                activity_kind: d.activity_kind,
                required,
                done,
                met: done >= required,
            }
        })
        .collect();
    let duties_due = judged_day.is_some_and(|j| part.to.is_some_and(|end| end < j));
    let evaluation = match &scheme.evaluation {
        None => EvaluationStatus {
            status: EvaluationState::None,
            evaluation_id: None,
            rating: None,
            submitted_on: None,
            due: None,
        },
        Some(policy) => {
            let due = due_date(year, policy.due.value.month, policy.due.value.day);
            // An evaluation sent after the judged day does not exist yet on that day.
            let found = evaluations
                .iter()
                .filter(|e| judged_day.is_none_or(|j| e.submitted_on.is_none_or(|s| s <= j)))
                .min_by_key(|e| (e.submitted_on.unwrap_or(NaiveDate::MAX), e.id.as_str()))
                .copied();
            let demanded = days >= i64::from(policy.min_days_in_year.value)
                && due.is_some_and(|due| life_end.is_none_or(|end| due <= end));
            let status = match (found, due) {
                (Some(e), Some(due)) if e.submitted_on.is_some_and(|s| s > due) => {
                    EvaluationState::Late
                }
                (Some(_), _) => EvaluationState::Ok,
                (None, _) if !demanded => EvaluationState::NotRequired,
                (None, Some(due)) if judged_day.is_some_and(|j| due < j) => {
                    EvaluationState::Missing
                }
                (None, _) => EvaluationState::NotDue,
            };
            EvaluationStatus {
                status,
                evaluation_id: found.map(|e| e.id.as_str().to_owned()),
                rating: found.and_then(|e| e.rating),
                submitted_on: found.and_then(|e| e.submitted_on),
                due,
            }
        }
    };
    YearJudgement {
        year,
        part,
        days,
        days_in_year,
        duties,
        duties_due,
        evaluation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;

    #[test]
    fn prorating_rounds_half_up_at_the_edges() {
        assert_eq!(prorated(6, 366, 366), 6, "the whole year");
        assert_eq!(prorated(6, 122, 366), 2, "from 1 September 2024");
        assert_eq!(prorated(6, 1, 365), 0, "assigned on 31 December only");
        assert_eq!(
            prorated(4, 365, 365),
            4,
            "assigned on 1 January, whole year"
        );
        assert_eq!(
            prorated(2, 92, 366),
            1,
            "a quarter of two is a half: rounds up"
        );
        assert_eq!(prorated(2, 91, 366), 0, "just under a half: rounds down");
        assert_eq!(
            prorated(6, 500, 365),
            6,
            "never more than the yearly minimum"
        );
    }

    #[test]
    fn years_split_at_new_year() {
        let p = Period {
            from: date!(2024, 9, 1),
            to: Some(date!(2025, 3, 31)),
        };
        let y = years_of(&p, date!(2026, 1, 1));
        assert_eq!(y.len(), 2);
        assert_eq!(y[0].1.days(), Some(122));
        assert_eq!(
            y[1].1,
            Period {
                from: date!(2025, 1, 1),
                to: Some(date!(2025, 3, 31))
            }
        );
        assert_eq!(
            years_of(&Period::starting(date!(2024, 12, 31)), date!(2024, 12, 31)).len(),
            1
        );
    }

    #[test]
    fn due_dates_clamp_to_the_month() {
        assert_eq!(due_date(2024, 1, 31), Some(date!(2025, 1, 31)));
        assert_eq!(due_date(2023, 2, 30), Some(date!(2024, 2, 29)));
    }
}
