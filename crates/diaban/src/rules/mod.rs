//! The rules, one file per family, over the shared read-only context of one check
//! ([`crate::engine::Ctx`]: the dataset's index, the profile, its roles and jurisdiction, the
//! check's days). Each family file starts by naming the codes it emits; every [`Code`] is
//! emitted from exactly one family (`tests/rule_families.rs` keeps it so). A rule writes
//! findings through [`Ctx::push`] and reads nothing another rule wrote: no rule rewrites
//! another's findings.
//!
//! | family | codes |
//! |---|---|
//! | [`integrity`] | `duplicate_id`, `unknown_reference`, `invalid_period`, `unit_code_overlap` |
//! | [`term_scope`] | `outside_regulation`, `outside_term`, `unit_not_in_force`, `target_out_of_scope`, `not_covered_by_regulation` |
//! | [`eligibility`] | `ineligible_assignee` |
//! | [`coverage`] | `coverage_gap`, `coverage_ending`, `coverage_overlap` |
//! | [`cardinality`] | `assignee_overloaded`, `assignment_duplicated`, `acting_too_long` |
//! | [`relationships`] | `district_lead_missing` |
//! | [`duties`] | `duty_frequency_unmet`, `activity_outside_assignment` |
//! | [`evaluations`] | `evaluation_missing`, `evaluation_late`, `evaluation_wrong_author`, `evaluation_duplicate`, `unfulfilled_not_replaced` |
//! | [`ntm`] | `ntm_status_invalid` |
//! | [`reorganisation`] | `open_after_reorganization` |
//! | [`roles`] | `role_unresolved` |
//!
//! `reform.rs` is shared knowledge, not a family: the dataset's reorganisations, asked by the
//! families that cite them. Helpers every family uses live here (`crowded_runs`, the yearly
//! judgements).
//!
//! [`Code`]: crate::finding::Code
//! [`Ctx::push`]: crate::engine::Ctx::push

mod cardinality;
mod coverage;
mod duties;
mod eligibility;
mod evaluations;
mod integrity;
mod ntm;
mod reform;
mod relationships;
mod reorganisation;
mod roles;
mod term_scope;

use crate::duties::{judge_year, judged_years, ActivityIndex, EvaluationState};
use crate::engine::Ctx;
use crate::model::{Assignment, Evaluation};
use crate::period::Period;
use crate::profile::Scheme;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Runs every rule family on the context, in a fixed order (the report sorts the findings, so
/// the order only matters for reading).
pub(crate) fn run(ctx: &mut Ctx<'_, '_>, at: Option<NaiveDate>, strict: bool) {
    // The rules that go over every activity (references, activities outside assignments) and
    // the new-rural statuses read nothing the other rules write and resolve no role: they run
    // on a second thread beside the others when there is one. The report sorts its findings,
    // so the order in which the two threads found them does not matter.
    fn beside(ctx: &mut Ctx<'_, '_>) {
        integrity::records(ctx);
        duties::activities_outside(ctx);
        ntm::ntm_statuses(ctx);
    }
    if crate::limits::threads() < 2 {
        beside(ctx);
        rest(ctx, at, strict);
        roles::unresolved(ctx);
        return;
    }
    let mut side = ctx.fork();
    let found = std::thread::scope(|scope| {
        let handle = std::thread::Builder::new().spawn_scoped(scope, move || {
            beside(&mut side);
            side.findings
        });
        rest(ctx, at, strict);
        match handle {
            Ok(h) => h
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            // No threads here (a browser): the same rules on this one.
            Err(_) => {
                beside(ctx);
                Vec::new()
            }
        }
    });
    ctx.findings.extend(found);
    roles::unresolved(ctx);
}

/// Every rule but those [`run`] runs beside them, and the unresolved roles.
fn rest(ctx: &mut Ctx<'_, '_>, at: Option<NaiveDate>, strict: bool) {
    if strict {
        term_scope::not_covered(ctx, at);
    }
    integrity::unit_code_overlap(ctx);
    let profile = ctx.profile;
    let ends = reform::Ends::new(ctx.index.dataset);
    for scheme in &profile.schemes {
        for a in assignments_of(ctx, scheme) {
            for p in ctx.reach(&a.target, &a.period()) {
                term_scope::assignment(ctx, scheme, a, &p, &ends);
                eligibility::assignment(ctx, scheme, a, &p);
            }
        }
        coverage::gaps(ctx, scheme);
        coverage::overlap(ctx, scheme);
        cardinality::overload(ctx, scheme);
        cardinality::duplicates_and_acting(ctx, scheme);
        relationships::district_leads(ctx, scheme);
    }
    let activities = ActivityIndex::new(ctx.index.dataset);
    for scheme in &profile.schemes {
        let by_key = evaluations_by_key(ctx, scheme);
        if let Some(policy) = &scheme.evaluation {
            evaluations::existing_evaluations(ctx, scheme, policy, &by_key);
        }
        yearly(ctx, scheme, &activities, &by_key);
    }
    term_scope::terms_cut_short(ctx, &ends);
    reorganisation::rules(ctx, &ends);
}

/// The assignments of a scheme with a valid period, in record order.
fn assignments_of<'d>(ctx: &Ctx<'_, 'd>, scheme: &Scheme) -> Vec<&'d Assignment> {
    ctx.index
        .dataset
        .assignments
        .iter()
        .filter(|a| a.scheme == scheme.id && !a.period().is_inverted())
        .collect()
}

/// The assignments of a scheme that the yearly rules look at: valid periods, and with `--at`,
/// those in force on that day.
fn assignments_in_scope<'d>(ctx: &Ctx<'_, 'd>, scheme: &Scheme) -> Vec<&'d Assignment> {
    let mut list: Vec<&Assignment> = assignments_of(ctx, scheme)
        .into_iter()
        .filter(|a| ctx.clip(&a.period()).is_some())
        .collect();
    list.sort_by(|x, y| x.id.cmp(&y.id));
    list
}

/// Evaluations by assignment and year.
type ByKey<'d> = BTreeMap<(&'d str, i32), Vec<&'d Evaluation>>;

/// The evaluations of a scheme's assignments, by assignment and year, that were sent by the
/// judged day (one sent later has not happened yet on that day).
fn evaluations_by_key<'d>(ctx: &Ctx<'_, 'd>, scheme: &Scheme) -> ByKey<'d> {
    let index = ctx.index;
    let mut by_key: ByKey<'d> = BTreeMap::new();
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

/// Judges every assignment-year part of a scheme on the judged day ([`judge_year`], shared
/// with the yearly report) and hands each judgement to the duty and evaluation families.
/// Nothing without a judged day.
fn yearly(
    ctx: &mut Ctx<'_, '_>,
    scheme: &Scheme,
    activities: &ActivityIndex<'_>,
    by_key: &ByKey<'_>,
) {
    let Some(judged_day) = ctx.judged else {
        return;
    };
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
                duties::frequency(ctx, scheme, a, &j);
            }
            if j.evaluation.status == EvaluationState::Missing {
                evaluations::evaluation_missing(ctx, scheme, a, &j);
            }
        }
    }
}

/// The maximal runs of days on which more than `max` distinct keys are active, each with its
/// (constant) set of keys and the ids of the items active during the run (shared by
/// `coverage_overlap` and `assignee_overloaded`). A run is split
/// wherever the set of keys changes, so the count a finding states holds on every one of its days.
///
/// One sweep over start and end events: `O(n log n)`, plus `O(keys)` each time the set of keys
/// changes while crowded.
fn crowded_runs<'x>(
    items: &[(Period, &'x str, &'x str)],
    max: usize,
) -> Vec<(Period, Vec<&'x str>, Vec<&'x str>)> {
    type Run<'x> = (NaiveDate, Vec<&'x str>, std::collections::BTreeSet<&'x str>);
    fn close<'x>(
        run: Option<Run<'x>>,
        to: Option<NaiveDate>,
        out: &mut Vec<(Period, Vec<&'x str>, Vec<&'x str>)>,
    ) {
        if let Some((from, keys, ids)) = run {
            out.push((Period { from, to }, keys, ids.into_iter().collect()));
        }
    }
    // Ends sort before starts on the same day (`false` < `true`): an item ending the day before
    // another starts never meets it.
    let mut events: Vec<(NaiveDate, bool, usize)> = Vec::with_capacity(items.len() * 2);
    for (i, (p, _, _)) in items.iter().enumerate() {
        if p.is_inverted() {
            continue;
        }
        events.push((p.from, true, i));
        if let Some(after) = p.day_after() {
            events.push((after, false, i));
        }
    }
    events.sort_unstable();
    let mut keys: BTreeMap<&str, usize> = BTreeMap::new();
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out = Vec::new();
    let mut run: Option<Run<'x>> = None;
    let mut i = 0;
    while let Some(&(day, _, _)) = events.get(i) {
        let mut changed = false;
        let mut started: Vec<&str> = Vec::new();
        while let Some(&(_, start, k)) = events.get(i).filter(|e| e.0 == day) {
            i += 1;
            let Some((_, key, id)) = items.get(k) else {
                continue;
            };
            if start {
                let n = keys.entry(key).or_default();
                *n += 1;
                changed |= *n == 1;
                *ids.entry(id).or_default() += 1;
                started.push(id);
            } else {
                for (map, x, is_key) in [(&mut keys, *key, true), (&mut ids, *id, false)] {
                    if let Some(n) = map.get_mut(x) {
                        *n -= 1;
                        if *n == 0 {
                            map.remove(x);
                            changed |= is_key;
                        }
                    }
                }
            }
        }
        if keys.len() <= max {
            close(run.take(), day.pred_opt(), &mut out);
            continue;
        }
        let now: Option<Vec<&str>> =
            (changed || run.is_none()).then(|| keys.keys().copied().collect());
        match (run.as_mut(), now) {
            (Some((_, current, set)), now) if now.as_ref().is_none_or(|n| n == current) => {
                set.extend(started);
            }
            (_, now) => {
                close(run.take(), day.pred_opt(), &mut out);
                let now = now.unwrap_or_else(|| keys.keys().copied().collect());
                run = Some((day, now, ids.keys().copied().collect()));
            }
        }
    }
    close(run, None, &mut out);
    out
}
