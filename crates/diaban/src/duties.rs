//! Rules about what cadres do and how they are held to account: duty frequencies,
//! activities outside any assignment, yearly evaluations, and rural-development statuses.
//! The judgement of one assignment-year (`judge_year`) is shared with the yearly report,
//! so the report and the findings agree by construction (see `docs/semantics.md`).
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

use crate::engine::{span, Ctx, Draft};
use crate::finding::Code;
use crate::model::{ActivityKind, Assignment, Rating, UnitType};
use crate::period::Period;
use crate::profile::{due_date, Derivation, Role, Scheme};
use crate::roles::Jurisdiction;
use crate::words::word_enum;
use chrono::{Datelike, NaiveDate};
use foldhash::HashMap;
use serde::Serialize;
use std::collections::BTreeMap;

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// The judgement of one assignment in one year: what the rules ([`check`]) report and what
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
    let code = unit_of_target(index, &a.target);
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

/// The unit a target lies in (itself, or an organisation's unit); empty when unknown.
fn unit_of_target(index: &crate::index::Index<'_>, target: &str) -> String {
    if !index.unit_versions(target).is_empty() {
        return target.to_owned();
    }
    let mut org = index.organization(target);
    for _ in 0..8 {
        let Some(o) = org else { break };
        if let Some(code) = &o.unit_code {
            return code.clone();
        }
        org = o.parent_id.as_deref().and_then(|p| index.organization(p));
    }
    String::new()
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
                evaluation_id: found.map(|e| e.id.clone()),
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

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let activities = ActivityIndex::new(ctx.index.dataset);
    let schemes: Vec<&Scheme> = ctx.profile.schemes.iter().collect();
    for scheme in &schemes {
        yearly(ctx, scheme, &activities);
    }
    activities_outside(ctx);
    ntm_statuses(ctx);
}

/// The assignments of a scheme that the check looks at: valid periods, and with `--at`,
/// those in force on that day.
fn assignments_in_scope<'d>(ctx: &Ctx<'_, 'd>, scheme: &Scheme) -> Vec<&'d Assignment> {
    let mut list: Vec<&Assignment> = ctx
        .index
        .dataset
        .assignments
        .iter()
        .filter(|a| {
            a.scheme == scheme.id && !a.period().is_inverted() && ctx.clip(&a.period()).is_some()
        })
        .collect();
    list.sort_by(|x, y| x.id.cmp(&y.id));
    list
}

/// The evaluations of a scheme's assignments, by assignment and year, that were sent by the
/// judged day (one sent later has not happened yet on that day).
fn evaluations_by_key<'d>(
    ctx: &Ctx<'_, 'd>,
    scheme: &Scheme,
) -> BTreeMap<(&'d str, i32), Vec<&'d crate::model::Evaluation>> {
    let index = ctx.index;
    let mut by_key: BTreeMap<(&str, i32), Vec<&crate::model::Evaluation>> = BTreeMap::new();
    for e in &index.dataset.evaluations {
        let sent_by_then = ctx
            .judged
            .is_none_or(|j| e.submitted_on.is_none_or(|s| s <= j));
        if sent_by_then
            && index
                .assignment(&e.assignment_id)
                .is_some_and(|a| a.scheme == scheme.id)
        {
            by_key
                .entry((e.assignment_id.as_str(), e.year))
                .or_default()
                .push(e);
        }
    }
    for list in by_key.values_mut() {
        list.sort_by(|x, y| {
            x.submitted_on
                .unwrap_or(NaiveDate::MAX)
                .cmp(&y.submitted_on.unwrap_or(NaiveDate::MAX))
                .then_with(|| x.id.cmp(&y.id))
        });
    }
    by_key
}

/// The yearly rules of a scheme: duty frequencies and evaluations, from [`judge_year`].
fn yearly(ctx: &mut Ctx<'_, '_>, scheme: &Scheme, activities: &ActivityIndex<'_>) {
    let by_key = evaluations_by_key(ctx, scheme);
    if let Some(policy) = &scheme.evaluation {
        existing_evaluations(ctx, scheme, policy, &by_key);
    }
    let Some(judged_day) = ctx.judged else { return };
    if scheme.duties.is_empty() && scheme.evaluation.is_none() {
        return;
    }
    let life_end = ctx.jurisdiction.life.to;
    for a in assignments_in_scope(ctx, scheme) {
        for (year, part) in judged_years(ctx.index, &ctx.jurisdiction, scheme, a, judged_day) {
            let evals = by_key
                .get(&(a.id.as_str(), year))
                .map_or(&[][..], Vec::as_slice);
            let j = judge_year(
                scheme,
                a,
                year,
                part,
                activities,
                evals,
                Some(judged_day),
                life_end,
            );
            if j.duties_due {
                duty_findings(ctx, scheme, a, &j);
            }
            if j.evaluation.status == EvaluationState::Missing {
                evaluation_missing(ctx, scheme, a, &j);
            }
        }
    }
}

fn duty_findings(ctx: &mut Ctx<'_, '_>, scheme: &Scheme, a: &Assignment, j: &YearJudgement) {
    let (year, days, days_in_year) = (j.year, j.days, j.days_in_year);
    let name = ctx
        .index
        .subject_name(&a.subject_id)
        .unwrap_or(&a.subject_id)
        .to_owned();
    for (duty, row) in scheme.duties.iter().zip(&j.duties) {
        if row.met {
            continue;
        }
        let (done, required) = (row.done, row.required);
        let kind = duty.activity_kind;
        let kind_vi = crate::words::label_vi(kind);
        let place = ctx
            .index
            .unit_near(&a.target, Some(j.part.from))
            .map(|u| u.name.clone())
            .or_else(|| ctx.index.organization(&a.target).map(|o| o.name.clone()))
            .unwrap_or_else(|| a.target.clone());
        ctx.push(
            Draft::new(Code::DutyFrequencyUnmet, "assignment", &a.id)
                .period(j.part)
                .rests_on_ref(crate::engine::ParamRef::of(
                    scheme,
                    &format!("duties.{}.min_per_year", duty.id),
                    &duty.min_per_year,
                ))
                .say(
                    format!(
                        "Năm {year}: {name} ({}) mới có {done} lần {kind_vi} tại {place} ({}), yêu cầu {required} lần ({} lần/năm, tính theo {days}/{days_in_year} ngày được xét).",
                        a.subject_id, a.target, duty.min_per_year.value
                    ),
                    format!(
                        "In {year}, {name} ({}) has {done} `{kind}` at {}, {required} required ({} a year, prorated for {days} of {days_in_year} days judged).",
                        a.subject_id, a.target, duty.min_per_year.value
                    ),
                )
                .detail("scheme", scheme.id.clone())
                .detail("duty", duty.id.clone())
                .detail("activity_kind", kind.as_str())
                .detail("year", year)
                .detail("required", required)
                .detail("done", done)
                .detail("days_assigned", days),
        );
    }
}

fn evaluation_missing(ctx: &mut Ctx<'_, '_>, scheme: &Scheme, a: &Assignment, j: &YearJudgement) {
    let Some(policy) = &scheme.evaluation else {
        return;
    };
    let Some(due) = j.evaluation.due else { return };
    let year = j.year;
    let (vi, en) = span(&j.part);
    let due_vi = due.format("%d/%m/%Y");
    ctx.push(
        Draft::new(Code::EvaluationMissing, "assignment", &a.id)
            .period(j.part)
            .rests_on(scheme, "evaluation.due", &policy.due)
            .say(
                format!(
                    "Chưa có bản đánh giá năm {year} của phân công {} ({vi}); hạn gửi ngày {due_vi}.",
                    a.id
                ),
                format!(
                    "No {year} evaluation of assignment {} ({en}); it was due on {due}.",
                    a.id
                ),
            )
            .detail("scheme", scheme.id.clone())
            .detail("year", year)
            .detail("due", due.to_string())
            .detail("days_assigned", j.days),
    );
}

fn activities_outside(ctx: &mut Ctx<'_, '_>) {
    let index = ctx.index;
    let schemes: Vec<&str> = ctx.profile.schemes.iter().map(|s| s.id.as_str()).collect();
    let mut outside: Vec<(&crate::model::Activity, usize)> = Vec::new();
    for act in &index.dataset.activities {
        if ctx.reach(&act.target, &Period::day(act.date)).is_empty() {
            continue;
        }
        let subject_known = !index.posts(&act.subject_id).is_empty()
            || index.organization(&act.subject_id).is_some();
        if !subject_known {
            continue;
        }
        let mut held = 0usize;
        let covered = schemes.iter().any(|s| {
            let list = index.assignments_of_subject(s, &act.subject_id);
            held += list.len();
            list.iter()
                .any(|a| a.target == act.target && a.period().contains(act.date))
        });
        if !covered {
            outside.push((act, held));
        }
    }
    for (act, held) in outside {
        ctx.push(
            Draft::new(Code::ActivityOutsideAssignment, "activity", &act.id)
                .period(Period::day(act.date))
                .say(
                    format!(
                        "Hoạt động {} ngày {} của {} tại {} không thuộc phân công nào đang có hiệu lực của người/cơ quan này.",
                        act.id, act.date.format("%d/%m/%Y"), act.subject_id, act.target
                    ),
                    format!(
                        "Activity {} on {} by {} at {} matches none of the subject's assignments in force that day.",
                        act.id, act.date, act.subject_id, act.target
                    ),
                )
                .detail("subject_id", act.subject_id.clone())
                .detail("target", act.target.clone())
                .detail("kind", act.kind.as_str())
                .detail("assignments_held", held),
        );
    }
}

/// Rules on the evaluations that exist: duplicates, late, wrong author, unfulfilled and not
/// replaced.
fn existing_evaluations(
    ctx: &mut Ctx<'_, '_>,
    scheme: &Scheme,
    policy: &crate::profile::EvaluationPolicy,
    by_key: &BTreeMap<(&str, i32), Vec<&crate::model::Evaluation>>,
) {
    let index = ctx.index;
    if ctx.scope.is_none() {
        // Nothing of the check's days lies within the regulation's life (a day viewed after
        // its end): the regulation judges nothing.
        return;
    }
    for ((assignment_id, year), list) in by_key {
        // Every assignment of the scheme: a finding with days of its own is kept or dropped by
        // the view of one day like any other; one without concerns the assignment-year part
        // (`part_in_view` below).
        let Some(a) = index
            .assignment(assignment_id)
            .filter(|a| a.scheme == scheme.id && !a.period().is_inverted())
        else {
            continue;
        };
        // The year's judged part: evaluations of a year the regulation does not judge (before
        // it took effect, after its end, outside its territory) are not looked at.
        let Some(part) = judged_period(index, &ctx.jurisdiction, scheme, a)
            .and_then(|p| Period::year(*year)?.intersect(&p))
        else {
            continue;
        };
        // With `at`, a finding without days of its own (a duplicate, a wrong author) concerns
        // the assignment-year part: kept only if that part includes the day. A late evaluation
        // has its own days (from the day after the deadline to the day it was sent), which the
        // view of one day filters like any other finding's.
        let part_in_view = ctx.clip(&part).is_some();
        let due = due_date(*year, policy.due.value.month, policy.due.value.day);
        // An evaluation falling due after the regulation's end is not demanded by it: neither
        // its lateness nor its author is judged.
        let life_end = ctx.jurisdiction.life.to;
        if due.is_none_or(|d| life_end.is_some_and(|end| d > end)) {
            continue;
        }
        for extra in list.iter().skip(1).filter(|_| part_in_view) {
            let first = list.first().map_or("", |e| e.id.as_str());
            ctx.push(
                Draft::new(Code::EvaluationDuplicate, "evaluation", &extra.id)
                    .rests_on(scheme, "evaluation.author", &policy.author)
                    .say(
                        format!("Phân công {assignment_id} đã có bản đánh giá năm {year} ({first}); {} là bản thứ hai.", extra.id),
                        format!("Assignment {assignment_id} already has an evaluation for {year} ({first}); {} is a second one.", extra.id),
                    )
                    .detail("assignment_id", *assignment_id)
                    .detail("year", *year)
                    .detail("first", first),
            );
        }
        for e in list {
            if let (Some(due), Some(sent)) = (due, e.submitted_on) {
                if sent > due {
                    let late = Period {
                        from: due.succ_opt().unwrap_or(due),
                        to: Some(sent),
                    };
                    ctx.push(
                        Draft::new(Code::EvaluationLate, "evaluation", &e.id)
                            .period(late)
                            .rests_on(scheme, "evaluation.due", &policy.due)
                            .say(
                                format!("Bản đánh giá năm {year} của phân công {assignment_id} gửi ngày {}, quá hạn {} ({} ngày).", sent.format("%d/%m/%Y"), due.format("%d/%m/%Y"), late.days().unwrap_or(0)),
                                format!("The {year} evaluation of assignment {assignment_id} was sent on {sent}, after the {due} deadline ({} days late).", late.days().unwrap_or(0)),
                            )
                            .detail("assignment_id", *assignment_id)
                            .detail("year", *year)
                            .detail("due", due.to_string())
                            .detail("days_late", late.days()),
                    );
                }
            }
            if part_in_view {
                author_rule(ctx, scheme, policy, a, e, &part);
            }
            if e.rating == Some(Rating::Unfulfilled) {
                unfulfilled(ctx, scheme, a, e, due);
            }
        }
    }
}

/// The bodies that may write the evaluation of an assignment-year whose judged part is `part`:
/// the party committee of the target unit on the part's last day; if that committee has ceased
/// to exist by the day the evaluation was sent, also the party committee, on that day, of a
/// unit the target became (reorganisation lineage).
fn accepted_authors<'d>(
    ctx: &Ctx<'_, 'd>,
    author: Derivation,
    a: &Assignment,
    part: &Period,
    sent: Option<NaiveDate>,
) -> Result<Vec<&'d crate::model::Organization>, crate::roles::Unresolved> {
    let index = ctx.index;
    let last = part.to.unwrap_or(part.from);
    let unit = match author {
        Derivation::TargetPartyCommittee => Some(a.target.clone()),
        Derivation::TargetDistrictPartyCommittee => index
            .district_of(&a.target, Some(last))
            .map(|d| d.code.clone()),
        Derivation::TargetDistrictLead | Derivation::SubjectAgency => return Ok(Vec::new()),
    };
    let role = match author {
        Derivation::TargetDistrictPartyCommittee => Role::TargetDistrictPartyCommittee,
        _ => Role::TargetPartyCommittee,
    };
    let Some(first) = unit
        .as_deref()
        .and_then(|u| index.party_committee_of(u, last))
    else {
        return Err(crate::roles::Unresolved {
            role,
            why_vi: format!(
                "không có tổ chức loại party_committee của đơn vị {} còn tồn tại ngày {}",
                unit.as_deref().unwrap_or(&a.target),
                last.format("%d/%m/%Y")
            ),
            why_en: format!(
                "no organisation of kind party_committee of unit {} exists on {last}",
                unit.as_deref().unwrap_or(&a.target)
            ),
        });
    };
    let mut out = vec![first];
    if let (Some(sent), Some(end), Some(unit)) = (sent, first.valid_to, unit.as_deref()) {
        if end < sent {
            let lineage = crate::reorg::Lineage::new(index.dataset);
            for step in lineage.successors(unit, last) {
                if let Some(org) = step
                    .code
                    .as_deref()
                    .and_then(|c| index.party_committee_of(c, sent))
                {
                    out.push(org);
                }
            }
        }
    }
    Ok(out)
}

fn author_rule(
    ctx: &mut Ctx<'_, '_>,
    scheme: &Scheme,
    policy: &crate::profile::EvaluationPolicy,
    a: &Assignment,
    e: &crate::model::Evaluation,
    part: &Period,
) {
    let accepted = match accepted_authors(ctx, policy.author.value, a, part, e.submitted_on) {
        Ok(list) => list,
        Err(u) => {
            ctx.role_unresolved(&u);
            return;
        }
    };
    let Some(expected) = accepted.first() else {
        return;
    };
    if accepted.iter().any(|o| o.id == e.author_id) {
        return;
    }
    let also: Vec<String> = accepted.iter().skip(1).map(|o| o.id.clone()).collect();
    let (also_vi, also_en) = if also.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!(" (hoặc, sau sắp xếp, {})", also.join(", ")),
            format!(" (or, after the reorganisation, {})", also.join(", ")),
        )
    };
    let year = e.year;
    let assignment_id = &a.id;
    ctx.push(
        Draft::new(Code::EvaluationWrongAuthor, "evaluation", &e.id)
            .rests_on(scheme, "evaluation.author", &policy.author)
            .say(
                format!(
                    "Bản đánh giá {} do {} viết; theo quy định phải do {} ({}){also_vi} viết.",
                    e.id, e.author_id, expected.name, expected.id
                ),
                format!(
                    "Evaluation {} was written by {}; it must be written by {} ({}){also_en}.",
                    e.id, e.author_id, expected.name, expected.id
                ),
            )
            .detail("assignment_id", assignment_id.clone())
            .detail("year", year)
            .detail("expected_author", expected.id.clone())
            .detail(
                "accepted_authors",
                accepted.iter().map(|o| o.id.clone()).collect::<Vec<_>>(),
            )
            .detail("author_id", e.author_id.clone()),
    );
}

fn unfulfilled(
    ctx: &mut Ctx<'_, '_>,
    scheme: &Scheme,
    a: &Assignment,
    e: &crate::model::Evaluation,
    due: Option<NaiveDate>,
) {
    let Some(policy) = &scheme.evaluation else {
        return;
    };
    let Some(judged_day) = ctx.judged else { return };
    let Some(rated) = e.submitted_on.or(due) else {
        return;
    };
    let Some(deadline) = rated.checked_add_days(chrono::Days::new(u64::from(
        policy.replace_within_days.value,
    ))) else {
        return;
    };
    let Some(after) = deadline.succ_opt() else {
        return;
    };
    // Reported only once the window has passed before the judged day.
    if after >= judged_day || !a.period().contains(after) {
        return;
    }
    let still = Period {
        from: after,
        to: a.valid_to,
    };
    let Some(still) = ctx.judged_days(&a.target, &still).first().copied() else {
        return;
    };
    let (vi, en) = span(&still);
    ctx.push(
        Draft::new(Code::UnfulfilledNotReplaced, "assignment", &a.id)
            .period(still)
            .rests_on(scheme, "evaluation.replace_within_days", &policy.replace_within_days)
            .say(
                format!(
                    "Cán bộ của phân công {} bị đánh giá không hoàn thành nhiệm vụ ({}, ngày {}) nhưng vẫn được phân công {vi}, quá {} ngày.",
                    a.id, e.id, rated.format("%d/%m/%Y"), policy.replace_within_days.value
                ),
                format!(
                    "The cadre of assignment {} was rated unfulfilled ({}, on {rated}) and is still assigned {en}, more than {} days later.",
                    a.id, e.id, policy.replace_within_days.value
                ),
            )
            .detail("evaluation_id", e.id.clone())
            .detail("rated_on", rated.to_string())
            .detail("replace_by", deadline.to_string()),
    );
}

fn ntm_statuses(ctx: &mut Ctx<'_, '_>) {
    let index = ctx.index;
    let mut problems: Vec<(String, String, String)> = Vec::new();
    for n in &index.dataset.ntm_statuses {
        let id = format!("{}/{}", n.unit_code, n.year);
        let day = NaiveDate::from_ymd_opt(n.year, 12, 31);
        if let Some(u) = index.unit_near(&n.unit_code, day) {
            if u.unit_type != UnitType::Commune {
                problems.push((
                    id.clone(),
                    format!(
                        "{} là {}, không phải xã: tiêu chí nông thôn mới chỉ áp dụng cho xã.",
                        u.name, u.unit_type
                    ),
                    format!(
                        "{} is a {}, not a Xã: new-rural criteria apply to Xã only.",
                        u.name, u.unit_type
                    ),
                ));
            }
        }
        if n.criteria_met > 19 {
            problems.push((
                id.clone(),
                format!(
                    "{} tiêu chí đạt, vượt quá 19 tiêu chí của QĐ 318/QĐ-TTg.",
                    n.criteria_met
                ),
                format!(
                    "{} criteria met, more than the 19 of QĐ 318/QĐ-TTg.",
                    n.criteria_met
                ),
            ));
        } else if n.criteria_met < 19 && n.status != crate::model::NtmStatus::NotMet {
            problems.push((
                id.clone(),
                format!(
                    "Trạng thái `{}` cần đạt đủ 19 tiêu chí, mới đạt {}.",
                    n.status, n.criteria_met
                ),
                format!(
                    "Status `{}` needs all 19 criteria; only {} are met.",
                    n.status, n.criteria_met
                ),
            ));
        }
    }
    for (id, vi, en) in problems {
        ctx.push(
            Draft::new(Code::NtmStatusInvalid, "ntm_status", &id)
                .instrument(Some(
                    "QĐ 318/QĐ-TTg (Bộ tiêu chí quốc gia về xã nông thôn mới)".to_owned(),
                ))
                .say(vi, en),
        );
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
