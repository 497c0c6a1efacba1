//! How many units one monitor holds: `assignee_overloaded` (more targets at once than the
//! scheme allows per subject), `assignment_duplicated` (two overlapping records of the same
//! subject on the same target: one finding, not an overload) and `acting_too_long` (an acting
//! assignment past the profile's cap, counted as a regular one from then on).
//!
//! Topic: the assignment of monitors to localities (`per_subject`, `acting_max_days`).

use super::crowded_runs;
use crate::engine::{Ctx, Draft};
use crate::finding::Code;
use crate::messages::{names, Args, Key};
use crate::model::Assignment;
use crate::period::Period;
use crate::profile::{Scheme, SubjectKind};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The days an assignment counts toward its subject's limit of targets: all its days, or
/// for an acting assignment under a scheme with `acting_max_days`, the days from day
/// `cap + 1` on, and (when a day is judged) none after the judged day.
fn counted_for_subject(ctx: &Ctx<'_, '_>, scheme: &Scheme, a: &Assignment) -> Option<Period> {
    let p = a.period();
    if p.is_inverted() {
        return None;
    }
    match (&scheme.acting_max_days, a.acting) {
        (Some(cap), true) => {
            let first = a
                .valid_from
                .checked_add_days(chrono::Days::new(u64::from(cap.value)))?;
            let to = match (p.to, ctx.judged) {
                (Some(t), Some(j)) => Some(t.min(j)),
                (t, j) => t.or(j),
            };
            let counted = Period { from: first, to };
            (!counted.is_inverted()).then_some(counted)
        }
        _ => Some(p),
    }
}

/// Subjects holding more targets at once than `per_subject.max` allows (acting assignments
/// count only past their cap).
pub(super) fn overload(ctx: &mut Ctx<'_, '_>, scheme: &Scheme) {
    let index = ctx.index;
    let Some(judged) = ctx.scheme_days(scheme) else {
        return;
    };
    if let Some(max) = scheme.per_subject.value.max {
        let mut rows: Vec<(&str, &[&Assignment])> = index.subjects(&scheme.id).collect();
        rows.sort_unstable_by_key(|(s, _)| *s);
        for (subject, list) in rows {
            let items: Vec<(Period, &str, &str)> = list
                .iter()
                .filter_map(|a| {
                    counted_for_subject(ctx, scheme, a)
                        .and_then(|p| p.intersect(&judged))
                        .map(|p| (a, p))
                })
                .flat_map(|(a, p)| {
                    ctx.scheme_target_days(scheme, &a.target, &p)
                        .into_iter()
                        .map(move |p| (p, a.target.as_str(), a.id.as_str()))
                })
                .collect();
            for (p, targets, ids) in crowded_runs(&items, max as usize) {
                let n = targets.len();
                let named = names(&targets, |a, id| {
                    a.target("n", index, scheme, id, Some(p.from))
                });
                ctx.push(
                    Draft::new(Code::AssigneeOverloaded, subject_kind(scheme), subject)
                        .period(p)
                        .rests_on(scheme, "per_subject", &scheme.per_subject)
                        .say(
                            Key::AssigneeOverloaded,
                            Args::new()
                                .subject("subject", index, scheme, subject)
                                .count("count", n)
                                .span("span", p)
                                .list("targets", &named)
                                .count("max", max)
                                .ids(&targets)
                                .ids(&ids),
                        )
                        .detail("scheme", scheme.id.clone())
                        .detail("count", n)
                        .detail("assignments", ids)
                        .detail("targets", targets)
                        .detail("max", max),
                );
            }
        }
    }
}

/// Records that repeat another record of the same subject on the same target
/// (`assignment_duplicated`), and acting assignments past their cap (`acting_too_long`).
pub(super) fn duplicates_and_acting(ctx: &mut Ctx<'_, '_>, scheme: &Scheme) {
    let index = ctx.index;
    let Some(judged) = ctx.scheme_days(scheme) else {
        return;
    };
    let mut pairs: BTreeMap<(&str, &str), Vec<&Assignment>> = BTreeMap::new();
    for a in index
        .dataset
        .assignments
        .iter()
        .filter(|a| a.scheme == scheme.id && !a.period().is_inverted())
    {
        pairs
            .entry((a.subject_id.as_str(), a.target.as_str()))
            .or_default()
            .push(a);
    }
    for ((subject, target), mut list) in pairs {
        if list.len() < 2 {
            continue;
        }
        list.sort_by(|x, y| record_order(x).cmp(&record_order(y)));
        // Every earlier record starts on or before this one, so their union from this
        // record's start on is one run ending at the latest end seen so far.
        let mut reach: Option<Option<NaiveDate>> = None;
        for a in list {
            let overlap = reach.and_then(|end| {
                a.period().intersect(&Period {
                    from: a.valid_from,
                    to: end,
                })
            });
            reach = Some(match (reach, a.valid_to) {
                (Some(None), _) | (_, None) => None,
                (Some(Some(x)), Some(y)) => Some(x.max(y)),
                (None, Some(y)) => Some(y),
            });
            let Some(overlap) = overlap.and_then(|p| p.intersect(&judged)) else {
                continue;
            };
            for days in ctx.scheme_target_days(scheme, target, &overlap) {
                ctx.push(
                    Draft::new(Code::AssignmentDuplicated, "assignment", &a.id)
                        .period(days)
                        .say(
                            Key::AssignmentDuplicated,
                            Args::new()
                                .assignment(index, scheme, a, days.from)
                                .span("span", days),
                        )
                        .detail("scheme", scheme.id.clone())
                        .detail("subject_id", subject)
                        .detail("target", target),
                );
            }
        }
    }
    let Some(cap) = &scheme.acting_max_days else {
        return;
    };
    let mut acting: Vec<&Assignment> = index
        .dataset
        .assignments
        .iter()
        .filter(|a| a.scheme == scheme.id && a.acting)
        .collect();
    acting.sort_by(|x, y| record_order(x).cmp(&record_order(y)));
    for a in acting {
        let Some(counted) = counted_for_subject(ctx, scheme, a).and_then(|p| p.intersect(&judged))
        else {
            continue;
        };
        for days in ctx.scheme_target_days(scheme, &a.target, &counted) {
            ctx.push(
                Draft::new(Code::ActingTooLong, "assignment", &a.id)
                    .period(days)
                    .rests_on(scheme, "acting_max_days", cap)
                    .say(
                        Key::ActingTooLong,
                        Args::new()
                            .assignment(index, scheme, a, days.from)
                            .count("max_days", cap.value)
                            .span("span", days),
                    )
                    .detail("scheme", scheme.id.clone())
                    .detail("acting_max_days", cap.value),
            );
        }
    }
}

/// The order of records of one subject on one target: by start, then end (open last), then id.
fn record_order(a: &Assignment) -> (NaiveDate, NaiveDate, &str) {
    (
        a.valid_from,
        a.valid_to.unwrap_or(NaiveDate::MAX),
        a.id.as_str(),
    )
}

fn subject_kind(scheme: &Scheme) -> &'static str {
    match scheme.subject.value.kind {
        SubjectKind::Person => "person",
        SubjectKind::Organization => "organization",
    }
}
