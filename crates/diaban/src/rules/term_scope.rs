//! Where and when the regulation applies to each assignment: `outside_regulation` (assignment
//! days before the regulation took effect), `outside_term` (days outside the congress term the
//! scheme follows, including a term cut short by a reorganisation), `unit_not_in_force` (a
//! target unit not in force), `target_out_of_scope` (a target of the wrong level, type or kind)
//! and, with `strict`, `not_covered_by_regulation` (days no regulation of the profile judges).
//!
//! Topics: subjects and scope; time in force and territory; the assignment period following the
//! congress term.

use super::reform::Ends;
use crate::engine::{unit_of_organization, Ctx, Draft};
use crate::finding::Code;
use crate::messages::{Args, Key};
use crate::model::Assignment;
use crate::period::{self, Period};
use crate::profile::{Scheme, TargetKind};
use crate::roles::Unresolved;
use chrono::NaiveDate;

/// The scope and term rules of one assignment, on some of its days the regulation reaches
/// (`p`). A finding that starts on the day a reform ended the body it is about cites the
/// reform.
pub(super) fn assignment(
    ctx: &mut Ctx<'_, '_>,
    scheme: &Scheme,
    a: &Assignment,
    p: &Period,
    ends: &Ends<'_>,
) {
    target_rules(ctx, scheme, a, p);
    term_rule(ctx, scheme, a, p, ends);
    outside_regulation(ctx, scheme, a, p, ends);
}

/// Assignment days before the regulation took effect, for a scheme made under it.
fn outside_regulation(
    ctx: &mut Ctx<'_, '_>,
    scheme: &Scheme,
    a: &Assignment,
    p: &Period,
    ends: &Ends<'_>,
) {
    if !scheme.under_regulation.value {
        return;
    }
    let before = Period {
        from: NaiveDate::MIN,
        to: ctx.profile.regulation.effective.pred_opt(),
    };
    let Some(piece) = p.intersect(&before) else {
        return;
    };
    let number = &ctx.profile.regulation.number;
    let reform = ends.ended_issuer_on(ctx, piece.from);
    ctx.push(
        Draft::new(Code::OutsideRegulation, "assignment", &a.id)
            .period(piece)
            .rests_on(scheme, "under_regulation", &scheme.under_regulation)
            .say(
                Key::OutsideRegulation,
                Args::new()
                    .assignment(ctx.index, scheme, a, a.valid_from)
                    .text("number", number.clone())
                    .span("span", piece),
            )
            .detail("scheme", scheme.id.clone())
            .cites_reform(reform),
    );
}

/// Days of `p` on which the target unit is not in force, and a target of the wrong level,
/// type or kind.
fn target_rules(ctx: &mut Ctx<'_, '_>, scheme: &Scheme, a: &Assignment, p: &Period) {
    let rule = &scheme.target.value;
    match rule.kind {
        TargetKind::Unit => {
            let versions = ctx.index.unit_versions(&a.target);
            if versions.is_empty() {
                return;
            }
            let validities: Vec<Period> = versions.iter().map(|u| u.validity()).collect();
            for piece in period::gaps_within(p, &validities) {
                ctx.push(
                    Draft::new(Code::UnitNotInForce, "assignment", &a.id)
                        .period(piece)
                        .rests_on(scheme, "target", &scheme.target)
                        .say(
                            Key::UnitNotInForce,
                            Args::new()
                                .assignment(ctx.index, scheme, a, piece.from)
                                .span("span", piece),
                        )
                        .detail("scheme", scheme.id.clone())
                        .detail("target", a.target.as_str()),
                );
            }
            let wrong = versions
                .iter()
                .filter(|u| u.validity().overlaps(p))
                .find(|u| {
                    (!rule.unit_levels.is_empty() && !rule.unit_levels.contains(&u.level()))
                        || (!rule.unit_types.is_empty() && !rule.unit_types.contains(&u.unit_type))
                });
            if let Some(u) = wrong {
                let kind = (
                    crate::words::label_vi(u.unit_type).to_lowercase(),
                    u.unit_type.as_str().to_owned(),
                );
                out_of_scope(ctx, scheme, a, p, kind);
            }
        }
        TargetKind::Organization => {
            let Some(org) = ctx.index.organization(&a.target) else {
                return;
            };
            if !rule.organization_kinds.is_empty() && !rule.organization_kinds.contains(&org.kind) {
                let kind = (
                    crate::words::label_vi(org.kind).to_owned(),
                    crate::messages::label_en(org.kind),
                );
                out_of_scope(ctx, scheme, a, p, kind);
            }
        }
    }
}

/// Days of `p` outside the congress term the scheme follows (`term_body`), or a term of
/// another body named.
fn term_rule(ctx: &mut Ctx<'_, '_>, scheme: &Scheme, a: &Assignment, p: &Period, ends: &Ends<'_>) {
    let Some(body) = &scheme.term_body else {
        return;
    };
    let org = match ctx.roles.body(&body.value, p.from) {
        Ok(org) => org,
        Err(u) => {
            ctx.role_unresolved(&u);
            return;
        }
    };
    let body_id = org.id.clone();
    if a.term_id.is_none() && ctx.index.terms_of(&body_id).is_empty() {
        let role =
            crate::profile::Role::from_word(&body.value).unwrap_or(crate::profile::Role::Issuer);
        ctx.role_unresolved(&Unresolved {
            role,
            why_vi: format!(
                "dữ liệu không ghi nhiệm kỳ đại hội nào của {} ({body_id})",
                org.name
            ),
            why_en: format!(
                "the dataset records no congress term of {} ({body_id})",
                org.name
            ),
        });
        return;
    }
    let terms_of_body: Vec<Period> = ctx
        .index
        .terms_of(&body_id)
        .iter()
        .map(|t| t.period())
        .collect();
    let allowed: Vec<Period> = match a.term_id.as_deref().and_then(|t| ctx.index.term(t)) {
        Some(term) if term.organization_id == body_id => vec![term.period()],
        Some(term) => {
            let reform = ends.ended_body_on(ctx, &term.organization_id, p.from);
            ctx.push(
                Draft::new(Code::OutsideTerm, "assignment", &a.id)
                    .period(*p)
                    .rests_on(scheme, "term_body", body)
                    .say(
                        Key::OutsideTermOtherBody,
                        Args::new()
                            .assignment(ctx.index, scheme, a, p.from)
                            .text("term", term.label.clone())
                            .id(term.id.clone())
                            .organization("recorded_body", ctx.index, &term.organization_id)
                            .organization("body", ctx.index, &body_id),
                    )
                    .detail("term_id", term.id.as_str())
                    .cites_reform(reform),
            );
            return;
        }
        None => terms_of_body,
    };
    for piece in period::gaps_within(p, &allowed) {
        let reform = ends.ended_body_on(ctx, &body_id, piece.from);
        ctx.push(
            Draft::new(Code::OutsideTerm, "assignment", &a.id)
                .period(piece)
                .rests_on(scheme, "term_body", body)
                .say(
                    Key::OutsideTermDays,
                    Args::new()
                        .assignment(ctx.index, scheme, a, piece.from)
                        .organization("body", ctx.index, &body_id)
                        .span("span", piece),
                )
                .detail("term_body", body_id.as_str())
                .detail("term_id", a.term_id.as_deref())
                .cites_reform(reform),
        );
    }
}

/// With `strict`: one info finding per assignment with days the regulation does not cover
/// (after its end of life, or outside its territory).
pub(super) fn not_covered(ctx: &mut Ctx<'_, '_>, options_at: Option<NaiveDate>) {
    let index = ctx.index;
    let number = ctx.profile.regulation.number.clone();
    for a in &index.dataset.assignments {
        let p = a.period();
        if p.is_inverted() || !ctx.profile.schemes.iter().any(|s| s.id == a.scheme) {
            continue;
        }
        let p = match options_at {
            Some(day) if p.contains(day) => Period::day(day),
            Some(_) => continue,
            None => p,
        };
        let code = ctx.target_unit(&a.target).unwrap_or_default();
        let reached = ctx.jurisdiction.reach_days(ctx.index, &code, &p);
        let outside = crate::period::gaps_within(&p, &reached);
        let (Some(first), Some(last)) = (outside.first(), outside.last()) else {
            continue;
        };
        let days = Period {
            from: first.from,
            to: last.to,
        };
        let Some(scheme) = ctx.profile.schemes.iter().find(|s| s.id == a.scheme) else {
            continue;
        };
        ctx.push(
            Draft::new(Code::NotCoveredByRegulation, "assignment", &a.id)
                .period(days)
                .say(
                    Key::NotCoveredByRegulation,
                    Args::new()
                        .assignment(index, scheme, a, days.from)
                        .span("span", days)
                        .text("number", number.clone()),
                )
                .detail("scheme", a.scheme.as_str()),
        );
    }
}

/// Assignments following a congress term that a reorganisation cut short (the term's unit was
/// reorganised while the term ran): `outside_term` from the reorganisation's effective day,
/// citing its legal basis.
pub(super) fn terms_cut_short(ctx: &mut Ctx<'_, '_>, ends: &Ends<'_>) {
    let index = ctx.index;
    for term in &index.dataset.terms {
        let Some(unit) = unit_of_organization(ctx.index, &term.organization_id) else {
            continue;
        };
        let Some(end) = ends.after(unit, term.valid_from) else {
            continue;
        };
        if term.valid_to.is_some_and(|to| to < end.effective) {
            continue; // ended by then: the term rule reports what runs past its recorded end
        }
        let cut = Period {
            from: end.effective,
            to: term.valid_to,
        };
        let sole_term = index.terms_of(&term.organization_id).len() == 1;
        let follows = |a: &Assignment| match &a.term_id {
            Some(t) => *t == term.id,
            None => {
                sole_term
                    && ctx.profile.schemes.iter().any(|s| {
                        s.id == a.scheme
                            && s.term_body.as_ref().is_some_and(|b| {
                                ctx.roles
                                    .body(&b.value, term.valid_from)
                                    .is_ok_and(|o| o.id == term.organization_id)
                            })
                    })
            }
        };
        let hits: Vec<(&str, Period)> = index
            .dataset
            .assignments
            .iter()
            .filter(|a| !a.period().is_inverted() && follows(a))
            .filter_map(|a| {
                a.period()
                    .intersect(&cut)
                    .and_then(|p| ctx.clip(&p))
                    .map(|p| (a.id.as_str(), p))
            })
            .collect();
        for (id, p) in hits {
            let record = index.assignment(id);
            let scheme = record.and_then(|a| ctx.profile.schemes.iter().find(|s| s.id == a.scheme));
            let mut draft = Draft::new(Code::OutsideTerm, "assignment", id);
            if let Some((scheme, body)) = scheme.and_then(|s| s.term_body.as_ref().map(|b| (s, b)))
            {
                draft = draft.rests_on(scheme, "term_body", body);
            }
            let names = match (record, scheme) {
                (Some(a), Some(scheme)) => Args::new().assignment(index, scheme, a, p.from),
                _ => Args::new()
                    .words("subject", "người được phân công", "the assignee")
                    .words("target", "địa bàn", "the target"),
            };
            ctx.push(
                draft
                    .period(p)
                    .instrument(end.basis.clone())
                    .say(
                        Key::OutsideTermCutShort,
                        names
                            .text("term", term.label.clone())
                            .id(term.id.clone())
                            .span("span", p)
                            .unit("unit", index, unit, Some(end.day_before()))
                            .date("effective", end.effective)
                            .date("ended", end.day_before()),
                    )
                    .detail("term_id", term.id.as_str())
                    .detail("term_body", term.organization_id.as_str())
                    .detail("reorganized_unit", unit.to_owned())
                    .detail("effective", end.effective.to_string())
                    .detail("reorganization_basis", end.basis.clone()),
            );
        }
    }
}

/// `target_out_of_scope`: the assignment's target (of the kind `kind`, in Vietnamese and
/// English) is not of a kind the scheme covers.
fn out_of_scope(
    ctx: &mut Ctx<'_, '_>,
    scheme: &Scheme,
    a: &Assignment,
    p: &Period,
    kind: (String, String),
) {
    ctx.push(
        Draft::new(Code::TargetOutOfScope, "assignment", &a.id)
            .period(*p)
            .rests_on(scheme, "target", &scheme.target)
            .say(
                Key::TargetOutOfScope,
                Args::new()
                    .target("target", ctx.index, scheme, &a.target, Some(p.from))
                    .words("target_kind", kind.0, kind.1)
                    .scheme("scheme", scheme)
                    .span("span", *p),
            )
            .detail("scheme", scheme.id.clone())
            .detail("target", a.target.as_str()),
    );
}
