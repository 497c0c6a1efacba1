//! Every unit covered, none crowded: `coverage_gap` (days on or before the judged day with no
//! eligible monitor), `coverage_ending` (info: no monitor recorded after the judged day) and
//! `coverage_overlap` (more monitors on a unit than the scheme allows).
//!
//! Topic: the assignment of monitors to localities (`per_target`).

use super::crowded_runs;
use crate::engine::{qualifying_periods, unit_in_scope, Ctx, Draft};
use crate::finding::Code;
use crate::messages::{names, Args, Key};
use crate::model::Assignment;
use crate::period::{self, Period};
use crate::profile::{Scheme, SubjectKind, TargetKind};
use chrono::NaiveDate;
use smol_str::SmolStr;

/// The window in which every in-scope target of a scheme must be covered, inside the check's scope.
fn coverage_window(ctx: &Ctx<'_, '_>, scheme: &Scheme) -> Option<Period> {
    let coverage = scheme.coverage.as_ref()?;
    let mut window = coverage.value.period();
    if scheme.under_regulation.value {
        window = window.intersect(&ctx.profile.in_force())?;
    }
    ctx.clip(&window)
}

/// The days an assignment counts as covering its target: its own days, and when the scheme
/// requires eligible tenure, only those on which its subject holds a qualifying post. A
/// subject the dataset does not know is an `unknown_reference`, not a gap: it counts.
fn counting_days(ctx: &Ctx<'_, '_>, scheme: &Scheme, a: &Assignment) -> Vec<Period> {
    let p = a.period();
    if p.is_inverted() {
        return Vec::new();
    }
    let known = match scheme.subject.value.kind {
        SubjectKind::Person => !ctx.index.posts(&a.subject_id).is_empty(),
        SubjectKind::Organization => ctx.index.organization(&a.subject_id).is_some(),
    };
    if !scheme.eligible_tenure.value || !known {
        return vec![p];
    }
    qualifying_periods(ctx.index, scheme, &a.subject_id)
        .iter()
        .filter_map(|q| q.intersect(&p))
        .collect()
}

/// Days of the coverage window with no eligible monitor: `coverage_gap` up to the judged day
/// (resting on `per_target`, or on `subject` when only ineligible monitors are recorded),
/// `coverage_ending` after it.
pub(super) fn gaps(ctx: &mut Ctx<'_, '_>, scheme: &Scheme) {
    if scheme.per_target.value.min == 0 {
        return;
    }
    let Some(window) = coverage_window(ctx, scheme) else {
        return;
    };
    let judged = ctx.judged;
    let index = ctx.index;
    let targets: Vec<(SmolStr, SmolStr, Period)> = match scheme.target.value.kind {
        TargetKind::Unit if !scheme.target.value.designated_only => index
            .dataset
            .units
            .iter()
            .filter(|u| unit_in_scope(scheme, u))
            .map(|u| (u.code.clone(), u.name.clone(), u.validity()))
            .collect(),
        _ => index
            .targets(&scheme.id)
            .map(|(t, _)| (SmolStr::new(t), SmolStr::new(t), Period::always()))
            .collect(),
    };
    for (code, name, validity) in targets {
        let Some(w) = window.intersect(&validity) else {
            continue;
        };
        let covered: Vec<Period> = index
            .assignments_of_target(&scheme.id, &code)
            .iter()
            .flat_map(|a| counting_days(ctx, scheme, a))
            .collect();
        let recorded: Vec<Period> = index
            .assignments_of_target(&scheme.id, &code)
            .iter()
            .map(|a| a.period())
            .filter(|p| !p.is_inverted())
            .collect();
        let gaps: Vec<Period> = ctx
            .scheme_target_days(scheme, &code, &w)
            .iter()
            .flat_map(|piece| period::gaps_within(piece, &covered))
            .collect();
        for gap in gaps {
            // Days up to the judged day are a gap; later days are only "coverage ends".
            let (past, future) = match judged {
                None => (Some(gap), None),
                Some(j) => (
                    gap.intersect(&Period {
                        from: NaiveDate::MIN,
                        to: Some(j),
                    }),
                    j.succ_opt()
                        .and_then(|next| gap.intersect(&Period::starting(next))),
                ),
            };
            if let Some(gap) = past {
                // Days with no record at all rest on the cardinality (one monitor per
                // unit); days whose only records are of ineligible monitors rest on the
                // eligibility rule, which may be assumed: then the gap is a warning too.
                let unrecorded = period::gaps_within(&gap, &recorded);
                for part in &unrecorded {
                    ctx.push(
                        Draft::new(Code::CoverageGap, "unit", &code)
                            .period(*part)
                            .rests_on(scheme, "per_target", &scheme.per_target)
                            .say(
                                Key::CoverageGapUnassigned,
                                Args::new()
                                    .target("target", index, scheme, &code, Some(part.from))
                                    .scheme("scheme", scheme)
                                    .span("span", *part),
                            )
                            .detail("scheme", scheme.id.clone())
                            .detail("name", name.as_str())
                            .detail("days", part.days()),
                    );
                }
                for part in period::gaps_within(&gap, &unrecorded) {
                    ctx.push(
                        Draft::new(Code::CoverageGap, "unit", &code)
                            .period(part)
                            .rests_on(scheme, "subject", &scheme.subject)
                            .say(
                                Key::CoverageGapIneligible,
                                Args::new()
                                    .target("target", index, scheme, &code, Some(part.from))
                                    .scheme("scheme", scheme)
                                    .span("span", part),
                            )
                            .detail("scheme", scheme.id.clone())
                            .detail("name", name.as_str())
                            .detail("days", part.days())
                            .detail("only_ineligible", true),
                    );
                }
            }
            if let Some(rest) = future {
                ctx.push(
                    Draft::new(Code::CoverageEnding, "unit", &code)
                        .period(rest)
                        .rests_on(scheme, "per_target", &scheme.per_target)
                        .say(
                            Key::CoverageEnding,
                            Args::new()
                                .target("target", index, scheme, &code, Some(rest.from))
                                .scheme("scheme", scheme)
                                .span("span", rest),
                        )
                        .detail("scheme", scheme.id.clone())
                        .detail("name", name.as_str())
                        .detail("days", rest.days()),
                );
            }
        }
    }
}

/// Targets with more assignees at once than `per_target.max` allows.
pub(super) fn overlap(ctx: &mut Ctx<'_, '_>, scheme: &Scheme) {
    let index = ctx.index;
    let Some(judged) = ctx.scheme_days(scheme) else {
        return;
    };
    if let Some(max) = scheme.per_target.value.max {
        let mut rows: Vec<(&str, &[&Assignment])> = index.targets(&scheme.id).collect();
        rows.sort_unstable_by_key(|(t, _)| *t);
        for (target, list) in rows {
            let items: Vec<(Period, &str, &str)> = list
                .iter()
                .filter(|a| !a.period().is_inverted())
                .filter_map(|a| a.period().intersect(&judged).map(|p| (a, p)))
                .flat_map(|(a, p)| {
                    ctx.scheme_target_days(scheme, target, &p)
                        .into_iter()
                        .map(move |p| (p, a.subject_id.as_str(), a.id.as_str()))
                })
                .collect();
            for (p, people, ids) in crowded_runs(&items, max as usize) {
                let n = people.len();
                let named = names(&people, |a, id| a.subject("n", index, scheme, id));
                ctx.push(
                    Draft::new(Code::CoverageOverlap, target_kind(scheme), target)
                        .period(p)
                        .rests_on(scheme, "per_target", &scheme.per_target)
                        .say(
                            Key::CoverageOverlap,
                            Args::new()
                                .target("target", index, scheme, target, Some(p.from))
                                .count("count", n)
                                .span("span", p)
                                .list("people", &named)
                                .count("max", max)
                                .ids(&people)
                                .ids(&ids),
                        )
                        .detail("scheme", scheme.id.clone())
                        .detail("count", n)
                        .detail("subjects", people)
                        .detail("assignments", ids)
                        .detail("max", max),
                );
            }
        }
    }
}

fn target_kind(scheme: &Scheme) -> &'static str {
    match scheme.target.value.kind {
        TargetKind::Unit => "unit",
        TargetKind::Organization => "organization",
    }
}
