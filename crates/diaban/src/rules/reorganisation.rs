//! Records that outlive a reorganised unit: `open_after_reorganization` (an assignment,
//! activity or evaluation still on a unit after a reorganisation ended it), run when the
//! dataset records any reorganisation.
//!
//! Topic: the reorganisation of administrative units (cited: the reorganisation's own legal
//! basis).

use super::reform::{unit_name, End, Ends};
use crate::engine::{span, Ctx, Draft};
use crate::finding::Code;
use crate::model::Assignment;
use crate::period::Period;

/// Assignments, activities and evaluations still on a unit after a reorganisation ended it.
pub(super) fn rules(ctx: &mut Ctx<'_, '_>, ends: &Ends<'_>) {
    if ctx.index.dataset.reorganizations.is_empty() {
        return;
    }
    assignments(ctx, ends);
    activities(ctx, ends);
    evaluations(ctx, ends);
}

fn successors_text(end: &End) -> String {
    if end.successors.is_empty() {
        "—".to_owned()
    } else {
        end.successors.join(", ")
    }
}

fn assignments(ctx: &mut Ctx<'_, '_>, ends: &Ends<'_>) {
    let index = ctx.index;
    for a in &index.dataset.assignments {
        if ends.of(&a.target).is_empty()
            || a.period().is_inverted()
            || index.organization(&a.target).is_some()
        {
            continue;
        }
        let (end, bad) = if let Some(end) = ends.gone(&a.target, a.valid_from) {
            (end, a.period())
        } else if let Some(end) = ends.after(&a.target, a.valid_from) {
            match a.period().intersect(&Period::starting(end.effective)) {
                Some(p) => (end, p),
                None => continue,
            }
        } else {
            continue;
        };
        let Some(bad) = ctx.clip(&bad) else { continue };
        push_open(ctx, "assignment", &a.id, &a.target, end, bad, Some(a));
    }
}

fn push_open(
    ctx: &mut Ctx<'_, '_>,
    kind: &'static str,
    id: &str,
    code: &str,
    end: &End,
    bad: Period,
    a: Option<&Assignment>,
) {
    let name = unit_name(ctx, code, end.day_before());
    let (vi, en) = span(&bad);
    let effective = end.effective;
    let last = end.day_before();
    let next = successors_text(end);
    let (what_vi, what_en) = match kind {
        "assignment" => ("Phân công", "Assignment"),
        "activity" => ("Hoạt động", "Activity"),
        _ => ("Bản đánh giá", "Evaluation"),
    };
    let fix_vi = if a.is_some() {
        format!(
            " Cần kết thúc ngày {} với lý do sắp xếp đơn vị hành chính (`reorganized`).",
            last.format("%d/%m/%Y")
        )
    } else {
        String::new()
    };
    let fix_en = if a.is_some() {
        format!(" End it on {last} with reason `reorganized`.")
    } else {
        String::new()
    };
    let mut draft = Draft::new(Code::OpenAfterReorganization, kind, id)
        .period(bad)
        .instrument(end.basis.clone())
        .say(
            format!("{what_vi} {id} vẫn gắn với {name} {vi}, trong khi đơn vị này đã được sắp xếp từ ngày {} (đơn vị mới: {next}).{fix_vi}", effective.format("%d/%m/%Y")),
            format!("{what_en} {id} is still on {name} {en}, after the unit was reorganised on {effective} (new units: {next}).{fix_en}"),
        )
        .detail("target", code.to_owned())
        .detail("effective", effective.to_string())
        .detail("successors", end.successors.clone())
        .detail("reorganization_basis", end.basis.clone());
    if let Some(a) = a {
        draft = draft.detail("scheme", a.scheme.clone());
    }
    ctx.push(draft);
}

fn activities(ctx: &mut Ctx<'_, '_>, ends: &Ends<'_>) {
    let index = ctx.index;
    for act in &index.dataset.activities {
        if ends.of(&act.target).is_empty() || index.organization(&act.target).is_some() {
            continue;
        }
        let Some(end) = ends.gone(&act.target, act.date) else {
            continue;
        };
        let Some(day) = ctx.clip(&Period::day(act.date)) else {
            continue;
        };
        push_open(ctx, "activity", &act.id, &act.target, end, day, None);
    }
}

fn evaluations(ctx: &mut Ctx<'_, '_>, ends: &Ends<'_>) {
    let index = ctx.index;
    for ev in &index.dataset.evaluations {
        let Some(a) = index.assignment(&ev.assignment_id) else {
            continue;
        };
        if index.organization(&a.target).is_some() {
            continue;
        }
        let Some(end) = ends.after(&a.target, a.valid_from) else {
            continue;
        };
        // A year outside the calendar has no days to judge.
        let Some(year) = Period::year(ev.year) else {
            continue;
        };
        if year.from < end.effective {
            continue;
        }
        let Some(bad) = ctx.clip(&year) else { continue };
        push_open(ctx, "evaluation", &ev.id, &a.target, end, bad, None);
    }
}
