//! Rules about what cadres do and how they are held to account (DESIGN §3–§5):
//! duty frequencies, activities outside any assignment, yearly evaluations, and
//! rural-development statuses.
//!
//! ## Prorating duties
//! A duty's `min_per_year` applies to a full calendar year of assignment. For a part of a
//! year, the requirement is `min_per_year × days assigned in the year / days in the year`,
//! **rounded to the nearest whole number, halves up**: monitoring from 1 September 2024
//! (122 of 366 days) needs `round(6 × 122 / 366) = 2` committee meetings in 2024;
//! assigned on 31 December only, `round(6 / 365) = 0`. Each assignment is judged on its
//! own days and its own subject's activities, so a replacement splits the year between
//! predecessor and successor. A year is judged only once it is over (`today` after
//! 31 December).
//!
//! ## Evaluations
//! An assignment-year needs an evaluation when the assignment ran at least
//! `min_days_in_year` days in that year (a profile parameter; Bắc Kạn: 90, so a cadre
//! assigned in mid-October needs none for that year). It is missing once `today` is after
//! the due date; late when sent after the due date.

use crate::finding::{Code, Severity};
use crate::model::{Assignment, OrgKind, Rating, UnitType};
use crate::period::Period;
use crate::profile::{Derivation, Scheme};
use crate::validate::{span, Ctx, Draft};
use chrono::{Datelike, NaiveDate};
use foldhash::HashMap;
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
        .filter_map(|y| Period::year(y).intersect(p).map(|part| (y, part)))
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

/// The day evaluations for `year` are due under a policy (clamped to a real day of the month).
pub(crate) fn due_date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let next = year.checked_add(1)?;
    (1..=day.min(31))
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(next, month, d))
}

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let activities = ActivityIndex::new(ctx.index.dataset);
    let schemes: Vec<&Scheme> = ctx.profile.schemes.iter().collect();
    for scheme in &schemes {
        duty_frequencies(ctx, scheme, &activities);
        evaluations(ctx, scheme);
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
            a.scheme == scheme.id && !a.period().is_inverted() && a.period().overlaps(&ctx.scope)
        })
        .collect();
    list.sort_by(|x, y| x.id.cmp(&y.id));
    list
}

/// The days of an assignment that yearly rules judge: for a scheme made under the regulation,
/// only the days the regulation is in force (its duties and evaluations do not exist before it,
/// and a record reaching back to year 1 must not produce thousands of findings).
fn judged_period(ctx: &Ctx<'_, '_>, scheme: &Scheme, a: &Assignment) -> Option<Period> {
    if scheme.under_regulation.value {
        a.period().intersect(&ctx.profile.in_force())
    } else {
        Some(a.period())
    }
}

fn duty_frequencies(ctx: &mut Ctx<'_, '_>, scheme: &Scheme, activities: &ActivityIndex<'_>) {
    let Some(today) = ctx.today else { return };
    if scheme.duties.is_empty() {
        return;
    }
    let last_complete = today.year() - 1;
    let Some(horizon) = NaiveDate::from_ymd_opt(last_complete, 12, 31) else {
        return;
    };
    for a in assignments_in_scope(ctx, scheme) {
        let Some(judged) = judged_period(ctx, scheme, a) else {
            continue;
        };
        for (year, part) in years_of(&judged, horizon) {
            if year > last_complete {
                continue;
            }
            let days = part.days().unwrap_or(0);
            let days_in_year = Period::year(year).days().unwrap_or(365);
            for duty in &scheme.duties {
                let required = prorated(duty.min_per_year.value, days, days_in_year);
                let done = activities.count(&a.subject_id, &a.target, duty.activity_kind, &part);
                if done >= required {
                    continue;
                }
                let kind = duty.activity_kind;
                ctx.push(
                    Draft::new(Code::DutyFrequencyUnmet, Severity::Warning, "assignment", &a.id)
                        .period(part)
                        .article(ctx.cite(scheme, duty.min_per_year.article.as_ref()))
                        .say(
                            format!(
                                "Năm {year}: {} ({}) chỉ có {done} lần `{kind}` tại {}, cần {required} ({} lần/năm, tính theo {days}/{days_in_year} ngày được phân công).",
                                ctx.index.subject_name(&a.subject_id).unwrap_or(&a.subject_id),
                                a.subject_id,
                                a.target,
                                duty.min_per_year.value
                            ),
                            format!(
                                "In {year}, {} ({}) has {done} `{kind}` at {}, {required} required ({} a year, prorated for {days} of {days_in_year} days assigned).",
                                ctx.index.subject_name(&a.subject_id).unwrap_or(&a.subject_id),
                                a.subject_id,
                                a.target,
                                duty.min_per_year.value
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
    }
}

fn activities_outside(ctx: &mut Ctx<'_, '_>) {
    let index = ctx.index;
    let schemes: Vec<&str> = ctx.profile.schemes.iter().map(|s| s.id.as_str()).collect();
    let mut outside: Vec<(&crate::model::Activity, usize)> = Vec::new();
    for act in &index.dataset.activities {
        if !ctx.scope.contains(act.date) {
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
            Draft::new(Code::ActivityOutsideAssignment, Severity::Warning, "activity", &act.id)
                .period(Period::day(act.date))
                .article(ctx.profile.cite(Some("3")))
                .say(
                    format!(
                        "Hoạt động {} ngày {} của {} tại {} không thuộc phân công nào đang có hiệu lực của người/cơ quan này.",
                        act.id, act.date, act.subject_id, act.target
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

fn evaluations(ctx: &mut Ctx<'_, '_>, scheme: &Scheme) {
    let Some(policy) = &scheme.evaluation else {
        return;
    };
    let index = ctx.index;
    let article = ctx.cite(scheme, policy.due.article.as_ref());
    let mut by_key: BTreeMap<(&str, i32), Vec<&crate::model::Evaluation>> = BTreeMap::new();
    // With --at D, only the evaluations that existed on D (sent on or before it) are looked at.
    let existed = |e: &crate::model::Evaluation| {
        ctx.scope
            .to
            .is_none_or(|d| e.submitted_on.is_none_or(|s| s <= d))
    };
    for e in &index.dataset.evaluations {
        if existed(e)
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
    let in_scope: std::collections::HashSet<&str> = assignments_in_scope(ctx, scheme)
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    // Evaluations that exist: duplicates, late, wrong author, unfulfilled and not replaced.
    for ((assignment_id, year), list) in &by_key {
        if !in_scope.contains(assignment_id) {
            continue;
        }
        let Some(a) = index.assignment(assignment_id) else {
            continue;
        };
        let mut list = list.clone();
        list.sort_by(|x, y| {
            x.submitted_on
                .unwrap_or(NaiveDate::MAX)
                .cmp(&y.submitted_on.unwrap_or(NaiveDate::MAX))
                .then_with(|| x.id.cmp(&y.id))
        });
        let due = due_date(*year, policy.due.value.month, policy.due.value.day);
        for extra in list.iter().skip(1) {
            let first = list.first().map_or("", |e| e.id.as_str());
            ctx.push(
                Draft::new(Code::EvaluationDuplicate, Severity::Warning, "evaluation", &extra.id)
                    .article(article.clone())
                    .say(
                        format!("Phân công {assignment_id} đã có bản đánh giá năm {year} ({first}); {} là bản thứ hai.", extra.id),
                        format!("Assignment {assignment_id} already has an evaluation for {year} ({first}); {} is a second one.", extra.id),
                    )
                    .detail("assignment_id", *assignment_id)
                    .detail("year", *year)
                    .detail("first", first),
            );
        }
        let expected_author = expected_author(index, policy.author.value, a, *year);
        for e in &list {
            if let (Some(due), Some(sent)) = (due, e.submitted_on) {
                if sent > due {
                    let late = Period {
                        from: due.succ_opt().unwrap_or(due),
                        to: Some(sent),
                    };
                    ctx.push(
                        Draft::new(Code::EvaluationLate, Severity::Warning, "evaluation", &e.id)
                            .period(late)
                            .article(article.clone())
                            .say(
                                format!("Bản đánh giá năm {year} của phân công {assignment_id} gửi ngày {sent}, quá hạn {due} ({} ngày).", late.days().unwrap_or(0)),
                                format!("The {year} evaluation of assignment {assignment_id} was sent on {sent}, after the {due} deadline ({} days late).", late.days().unwrap_or(0)),
                            )
                            .detail("assignment_id", *assignment_id)
                            .detail("year", *year)
                            .detail("due", due.to_string())
                            .detail("days_late", late.days()),
                    );
                }
            }
            if let Some(expected) = &expected_author {
                if e.author_id != expected.id {
                    ctx.push(
                        Draft::new(
                            Code::EvaluationWrongAuthor,
                            Severity::Error,
                            "evaluation",
                            &e.id,
                        )
                        .article(ctx.cite(scheme, policy.author.article.as_ref()))
                        .say(
                            format!(
                                "Bản đánh giá {} do {} viết; theo quy định phải do {} ({}) viết.",
                                e.id, e.author_id, expected.name, expected.id
                            ),
                            format!(
                                "Evaluation {} was written by {}; it must be written by {} ({}).",
                                e.id, e.author_id, expected.name, expected.id
                            ),
                        )
                        .detail("assignment_id", *assignment_id)
                        .detail("year", *year)
                        .detail("expected_author", expected.id.clone())
                        .detail("author_id", e.author_id.clone()),
                    );
                }
            }
            if e.rating == Some(Rating::Unfulfilled) {
                unfulfilled(ctx, scheme, a, e, due);
            }
        }
    }
    // Evaluations that should exist and do not.
    let Some(today) = ctx.today else { return };
    for a in assignments_in_scope(ctx, scheme) {
        let Some(judged) = judged_period(ctx, scheme, a) else {
            continue;
        };
        for (year, part) in years_of(&judged, today) {
            let days = part.days().unwrap_or(0);
            if days < i64::from(policy.min_days_in_year.value) {
                continue;
            }
            let Some(due) = due_date(year, policy.due.value.month, policy.due.value.day) else {
                continue;
            };
            if today <= due || by_key.contains_key(&(a.id.as_str(), year)) {
                continue;
            }
            let (vi, en) = span(&part);
            ctx.push(
                Draft::new(
                    Code::EvaluationMissing,
                    Severity::Error,
                    "assignment",
                    &a.id,
                )
                .period(part)
                .article(ctx.cite(scheme, policy.min_days_in_year.article.as_ref()))
                .say(
                    format!(
                        "Chưa có bản đánh giá năm {year} của phân công {} ({vi}); hạn gửi {due}.",
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
                .detail("days_assigned", days),
            );
        }
    }
}

fn expected_author<'d>(
    index: &crate::index::Index<'d>,
    author: Derivation,
    a: &Assignment,
    year: i32,
) -> Option<&'d crate::model::Organization> {
    let day = NaiveDate::from_ymd_opt(year, 12, 31);
    match author {
        Derivation::TargetPartyCommittee => index.party_committee_of(&a.target),
        Derivation::TargetDistrictPartyCommittee => index
            .district_of(&a.target, day)
            .and_then(|d| index.party_committee_of(&d.code)),
        Derivation::TargetDistrictLead | Derivation::SubjectAgency => None,
    }
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
    let Some(today) = ctx.today else { return };
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
    if today <= deadline || !a.period().contains(after) {
        return;
    }
    let still = Period {
        from: after,
        to: a.valid_to,
    };
    let Some(still) = ctx.clip(&still) else {
        return;
    };
    let (vi, en) = span(&still);
    ctx.push(
        Draft::new(Code::UnfulfilledNotReplaced, Severity::Error, "assignment", &a.id)
            .period(still)
            .article(ctx.cite(scheme, policy.replace_within_days.article.as_ref()))
            .say(
                format!(
                    "Cán bộ của phân công {} bị đánh giá không hoàn thành nhiệm vụ ({}, ngày {rated}) nhưng vẫn được phân công {vi}, quá {} ngày.",
                    a.id, e.id, policy.replace_within_days.value
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
            Draft::new(Code::NtmStatusInvalid, Severity::Warning, "ntm_status", &id)
                .article(Some(
                    "QĐ 318/QĐ-TTg (Bộ tiêu chí quốc gia về xã nông thôn mới)".to_owned(),
                ))
                .say(vi, en),
        );
    }
}

impl<'d> crate::index::Index<'d> {
    /// The party committee of a unit: the organisation of kind `party_committee` attached to `code`.
    #[must_use]
    pub fn party_committee_of(&self, code: &str) -> Option<&'d crate::model::Organization> {
        self.organizations_of_unit(code)
            .iter()
            .copied()
            .find(|o| o.kind == OrgKind::PartyCommittee)
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
            from: date(2024, 9, 1),
            to: Some(date(2025, 3, 31)),
        };
        let y = years_of(&p, date(2026, 1, 1));
        assert_eq!(y.len(), 2);
        assert_eq!(y[0].1.days(), Some(122));
        assert_eq!(
            y[1].1,
            Period {
                from: date(2025, 1, 1),
                to: Some(date(2025, 3, 31))
            }
        );
        assert_eq!(
            years_of(&Period::starting(date(2024, 12, 31)), date(2024, 12, 31)).len(),
            1
        );
    }

    #[test]
    fn due_dates_clamp_to_the_month() {
        assert_eq!(due_date(2024, 1, 31), Some(date(2025, 1, 31)));
        assert_eq!(due_date(2023, 2, 30), Some(date(2024, 2, 29)));
    }
}
