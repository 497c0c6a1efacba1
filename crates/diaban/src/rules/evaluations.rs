//! Yearly evaluations of the monitoring cadre: `evaluation_missing` (due before the judged day
//! and absent), `evaluation_late`, `evaluation_wrong_author`, `evaluation_duplicate` and
//! `unfulfilled_not_replaced` (a cadre rated unfulfilled still assigned after the allowed
//! delay).
//!
//! Topic: the evaluation of the cadre. Whether an evaluation is due comes from the shared
//! yearly judgement ([`crate::duties::judge_year`]).

use crate::duties::{judged_period, YearJudgement};
use crate::engine::{Ctx, Draft};
use crate::finding::Code;
use crate::messages::{Args, Key};
use crate::model::{Assignment, Rating};
use crate::period::Period;
use crate::profile::{due_date, Derivation, Role, Scheme};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// An evaluation due before the judged day and absent (from the shared yearly judgement).
pub(super) fn evaluation_missing(
    ctx: &mut Ctx<'_, '_>,
    scheme: &Scheme,
    a: &Assignment,
    j: &YearJudgement,
) {
    let Some(policy) = &scheme.evaluation else {
        return;
    };
    let Some(due) = j.evaluation.due else { return };
    let year = j.year;
    ctx.push(
        Draft::new(Code::EvaluationMissing, "assignment", &a.id)
            .period(j.part)
            .rests_on(scheme, "evaluation.due", &policy.due)
            .say(
                Key::EvaluationMissing,
                Args::new()
                    .text("year", year.to_string())
                    .assignment(ctx.index, scheme, a, j.part.from)
                    .span("span", j.part)
                    .date("due", due),
            )
            .detail("scheme", scheme.id.clone())
            .detail("year", year)
            .detail("due", due.to_string())
            .detail("days_assigned", j.days),
    );
}

/// Rules on the evaluations that exist: duplicates, late, wrong author, unfulfilled and not
/// replaced.
pub(super) fn existing_evaluations(
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
                        Key::EvaluationDuplicate,
                        Args::new()
                            .assignment(index, scheme, a, part.from)
                            .text("year", year.to_string())
                            .id(first)
                            .id(*assignment_id),
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
                                Key::EvaluationLate,
                                Args::new()
                                    .text("year", year.to_string())
                                    .assignment(index, scheme, a, part.from)
                                    .date("sent", sent)
                                    .date("due", due)
                                    .count("days", late.days().unwrap_or(0))
                                    .id(*assignment_id),
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
                "không có đảng ủy của đơn vị mã {} còn tồn tại ngày {}",
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

/// An evaluation written by a body that may not write it.
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
    let also: Vec<(String, String)> = accepted
        .iter()
        .skip(1)
        .map(|o| (o.name.as_str().to_owned(), o.name.as_str().to_owned()))
        .collect();
    let also_ids: Vec<&str> = accepted.iter().skip(1).map(|o| o.id.as_str()).collect();
    let key = if also.is_empty() {
        Key::EvaluationWrongAuthor
    } else {
        Key::EvaluationWrongAuthorSuccessor
    };
    let year = e.year;
    let assignment_id = &a.id;
    ctx.push(
        Draft::new(Code::EvaluationWrongAuthor, "evaluation", &e.id)
            .rests_on(scheme, "evaluation.author", &policy.author)
            .say(
                key,
                Args::new()
                    .text("year", year.to_string())
                    .assignment(ctx.index, scheme, a, part.from)
                    .someone("author", ctx.index, &e.author_id)
                    .organization("expected", ctx.index, &expected.id)
                    .list("also", &also)
                    .ids(&also_ids)
                    .id(assignment_id.clone()),
            )
            .detail("assignment_id", assignment_id.as_str())
            .detail("year", year)
            .detail("expected_author", expected.id.as_str())
            .detail(
                "accepted_authors",
                accepted
                    .iter()
                    .map(|o| o.id.as_str().to_owned())
                    .collect::<Vec<_>>(),
            )
            .detail("author_id", e.author_id.as_str()),
    );
}

/// A cadre rated unfulfilled still assigned after `replace_within_days`, once that window
/// has passed before the judged day.
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
    ctx.push(
        Draft::new(Code::UnfulfilledNotReplaced, "assignment", &a.id)
            .period(still)
            .rests_on(
                scheme,
                "evaluation.replace_within_days",
                &policy.replace_within_days,
            )
            .say(
                Key::UnfulfilledNotReplaced,
                Args::new()
                    .assignment(ctx.index, scheme, a, still.from)
                    .date("rated", rated)
                    .span("span", still)
                    .count("days", policy.replace_within_days.value)
                    .id(e.id.clone()),
            )
            .detail("evaluation_id", e.id.as_str())
            .detail("rated_on", rated.to_string())
            .detail("replace_by", deadline.to_string()),
    );
}
