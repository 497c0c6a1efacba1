//! What monitors do: `duty_frequency_unmet` (fewer activities of a kind than a duty requires
//! in an assignment-year part that has ended before the judged day) and
//! `activity_outside_assignment` (an activity on a target its subject was not assigned to that
//! day).
//!
//! Topic: the duties of the monitoring cadre. The yearly judgement itself
//! ([`crate::duties::judge_year`]) is shared with the yearly report.

use crate::duties::YearJudgement;
use crate::engine::{Ctx, Draft, ParamRef};
use crate::finding::Code;
use crate::messages::{Args, Key};
use crate::model::Assignment;
use crate::period::Period;
use crate::profile::Scheme;

/// The duties of an assignment-year part, ended before the judged day, done fewer times than
/// required (prorated).
pub(super) fn frequency(ctx: &mut Ctx<'_, '_>, scheme: &Scheme, a: &Assignment, j: &YearJudgement) {
    let (year, days, days_in_year) = (j.year, j.days, j.days_in_year);
    for (duty, row) in scheme.duties.iter().zip(&j.duties) {
        if row.met {
            continue;
        }
        let (done, required) = (row.done, row.required);
        let kind = duty.activity_kind;
        ctx.push(
            Draft::new(Code::DutyFrequencyUnmet, "assignment", &a.id)
                .period(j.part)
                .rests_on_ref(ParamRef::of(
                    scheme,
                    &format!("duties.{}.min_per_year", duty.id),
                    &duty.min_per_year,
                ))
                .say(
                    Key::DutyFrequencyUnmet,
                    Args::new()
                        .assignment(ctx.index, scheme, a, j.part.from)
                        .text("year", year.to_string())
                        .count("done", done)
                        .label("kind", kind)
                        .count("required", required)
                        .count("per_year", duty.min_per_year.value)
                        .count("days", days)
                        .count("days_in_year", days_in_year),
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

/// Activities (on days and targets the regulation reaches) matching none of their subject's
/// assignments in force that day.
pub(super) fn activities_outside(ctx: &mut Ctx<'_, '_>) {
    let index = ctx.index;
    let schemes: Vec<&str> = ctx.profile.schemes.iter().map(|s| s.id.as_str()).collect();
    let mut outside: Vec<(&crate::model::Activity, usize)> = Vec::new();
    for act in &index.dataset.activities {
        // The cheap test first: nearly every activity lies inside one of its author's
        // assignments, and only the others need the regulation's reach on their day.
        let mut held = 0usize;
        let covered = schemes.iter().any(|s| {
            let list = index.assignments_of_subject(s, &act.subject_id);
            held += list.len();
            list.iter()
                .any(|a| a.target == act.target && a.period().contains(act.date))
        });
        if covered {
            continue;
        }
        let subject_known = !index.posts(&act.subject_id).is_empty()
            || index.organization(&act.subject_id).is_some();
        if subject_known && !ctx.reach(&act.target, &Period::day(act.date)).is_empty() {
            outside.push((act, held));
        }
    }
    for (act, held) in outside {
        ctx.push(
            Draft::new(Code::ActivityOutsideAssignment, "activity", &act.id)
                .period(Period::day(act.date))
                .say(
                    Key::ActivityOutsideAssignment,
                    Args::new()
                        .label("kind", act.kind)
                        .date("date", act.date)
                        .someone("subject", index, &act.subject_id)
                        .place("target", index, &act.target, Some(act.date)),
                )
                .detail("subject_id", act.subject_id.as_str())
                .detail("target", act.target.as_str())
                .detail("kind", act.kind.as_str())
                .detail("assignments_held", held),
        );
    }
}
