//! Where and when the regulation applies to each assignment: `outside_regulation` (assignment
//! days before the regulation took effect), `outside_term` (days outside the congress term the
//! scheme follows, including a term cut short by a reorganisation), `unit_not_in_force` (a
//! target unit not in force), `target_out_of_scope` (a target of the wrong level, type or kind)
//! and, with `strict`, `not_covered_by_regulation` (days no regulation of the profile judges).
//!
//! Topics: subjects and scope; time in force and territory; the assignment period following the
//! congress term.

use super::reform::{unit_name, Ends};
use crate::engine::{span, unit_of_organization, Ctx, Draft};
use crate::finding::Code;
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
    let (vi, en) = span(&piece);
    let number = &ctx.profile.regulation.number;
    let reform = ends.ended_issuer_on(ctx, piece.from);
    ctx.push(
        Draft::new(Code::OutsideRegulation, "assignment", &a.id)
            .period(piece)
            .rests_on(scheme, "under_regulation", &scheme.under_regulation)
            .say(
                format!(
                    "Phân công {} bắt đầu trước khi Quy định {number} có hiệu lực ({vi}).",
                    a.id
                ),
                format!(
                    "Assignment {} starts before Regulation {number} took effect ({en}).",
                    a.id
                ),
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
                let (vi, en) = span(&piece);
                ctx.push(
                    Draft::new(Code::UnitNotInForce, "assignment", &a.id)
                        .period(piece)
                        .rests_on(scheme, "target", &scheme.target)
                        .say(
                            format!("Phân công {} theo dõi đơn vị {} {vi}, khi đơn vị này không còn (hoặc chưa) tồn tại.", a.id, a.target),
                            format!("Assignment {} covers unit {} {en}, when no unit with that code is in force.", a.id, a.target),
                        )
                        .detail("scheme", scheme.id.clone())
                        .detail("target", a.target.clone()),
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
                let vi = format!(
                    "{} ({}, {})",
                    u.name,
                    u.code,
                    crate::words::label_vi(u.unit_type).to_lowercase()
                );
                let en = format!("Unit {} ({}, {})", u.name, u.code, u.unit_type);
                out_of_scope(ctx, scheme, a, p, &vi, &en);
            }
        }
        TargetKind::Organization => {
            let Some(org) = ctx.index.organization(&a.target) else {
                return;
            };
            if !rule.organization_kinds.is_empty() && !rule.organization_kinds.contains(&org.kind) {
                let vi = format!(
                    "{} ({}, {})",
                    org.name,
                    org.id,
                    crate::words::label_vi(org.kind)
                );
                let en = format!("Organisation {} ({}, {})", org.name, org.id, org.kind);
                out_of_scope(ctx, scheme, a, p, &vi, &en);
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
                        format!("Phân công {} ghi nhiệm kỳ {} của {}, nhưng phải theo nhiệm kỳ của {} ({body_id}).", a.id, term.id, term.organization_id, org.name),
                        format!("Assignment {} names term {} of {}, but must follow a term of {} ({body_id}).", a.id, term.id, term.organization_id, org.name),
                    )
                    .detail("term_id", term.id.clone())
                    .cites_reform(reform),
            );
            return;
        }
        None => terms_of_body,
    };
    for piece in period::gaps_within(p, &allowed) {
        let (vi, en) = span(&piece);
        let reform = ends.ended_body_on(ctx, &body_id, piece.from);
        ctx.push(
            Draft::new(Code::OutsideTerm, "assignment", &a.id)
                .period(piece)
                .rests_on(scheme, "term_body", body)
                .say(
                    format!(
                        "Phân công {} kéo dài ngoài nhiệm kỳ đại hội của {} ({body_id}) ({vi}).",
                        a.id, org.name
                    ),
                    format!(
                        "Assignment {} runs outside the congress term of {} ({body_id}) ({en}).",
                        a.id, org.name
                    ),
                )
                .detail("term_body", body_id.clone())
                .detail("term_id", a.term_id.clone())
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
        let (vi, en) = span(&days);
        ctx.push(
            Draft::new(Code::NotCoveredByRegulation, "assignment", &a.id)
                .period(days)
                .say(
                    format!("Phân công {} có những ngày ({vi}) không thuộc phạm vi hay thời gian hiệu lực của Quy định {number}: không quy định nào trong hồ sơ này xét những ngày đó.", a.id),
                    format!("Assignment {} has days ({en}) outside the territory or the life of Regulation {number}: no regulation of this profile judges them.", a.id),
                )
                .detail("scheme", a.scheme.clone()),
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
        let hits: Vec<(String, Period)> = index
            .dataset
            .assignments
            .iter()
            .filter(|a| !a.period().is_inverted() && follows(a))
            .filter_map(|a| {
                a.period()
                    .intersect(&cut)
                    .and_then(|p| ctx.clip(&p))
                    .map(|p| (a.id.clone(), p))
            })
            .collect();
        let unit_label = unit_name(ctx, unit, end.day_before());
        for (id, p) in hits {
            let (vi, en) = span(&p);
            let scheme = index
                .assignment(&id)
                .and_then(|a| ctx.profile.schemes.iter().find(|s| s.id == a.scheme));
            let mut draft = Draft::new(Code::OutsideTerm, "assignment", &id);
            if let Some((scheme, body)) = scheme.and_then(|s| s.term_body.as_ref().map(|b| (s, b)))
            {
                draft = draft.rests_on(scheme, "term_body", body);
            }
            ctx.push(
                draft
                    .period(p)
                    .instrument(end.basis.clone())
                    .say(
                        format!(
                            "Phân công {id} theo nhiệm kỳ {} ({}) kéo dài {vi}, sau khi {unit_label} được sắp xếp từ ngày {}: nhiệm kỳ kết thúc sớm ngày {}.",
                            term.id, term.label, end.effective, end.day_before()
                        ),
                        format!(
                            "Assignment {id} follows term {} ({}) {en}, after {unit_label} was reorganised on {}: the term ended early on {}.",
                            term.id, term.label, end.effective, end.day_before()
                        ),
                    )
                    .detail("term_id", term.id.clone())
                    .detail("term_body", term.organization_id.clone())
                    .detail("reorganized_unit", unit.to_owned())
                    .detail("effective", end.effective.to_string())
                    .detail("reorganization_basis", end.basis.clone()),
            );
        }
    }
}

/// `target_out_of_scope`: the assignment's target (named in `vi`/`en`) is not of a kind the
/// scheme covers.
fn out_of_scope(
    ctx: &mut Ctx<'_, '_>,
    scheme: &Scheme,
    a: &Assignment,
    p: &Period,
    vi: &str,
    en: &str,
) {
    ctx.push(
        Draft::new(Code::TargetOutOfScope, "assignment", &a.id)
            .period(*p)
            .rests_on(scheme, "target", &scheme.target)
            .say(
                format!(
                    "{vi} không thuộc phạm vi của hình thức phân công \"{}\" [{}].",
                    scheme.name_vi, scheme.id
                ),
                format!(
                    "{en} is not in the scope of scheme \"{}\" [{}].",
                    scheme.name_en, scheme.id
                ),
            )
            .detail("scheme", scheme.id.clone())
            .detail("target", a.target.clone()),
    );
}
