//! The rules about reorganisations, run by [`crate::check`] when the dataset records any:
//! records that outlive a reorganised unit (`open_after_reorganization`), congress terms cut
//! short by the reform (`outside_term`), and the legal basis added to the term and regulation
//! findings that a reform explains.

use crate::engine::{span, Ctx, Draft};
use crate::finding::Code;
use crate::model::{Assignment, Dataset};
use crate::period::Period;
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// The end of one version of a code by a reorganisation.
struct End {
    effective: NaiveDate,
    basis: Option<String>,
    successors: Vec<String>,
}

impl End {
    fn day_before(&self) -> NaiveDate {
        self.effective.pred_opt().unwrap_or(self.effective)
    }
}

/// The legal bases and the successor codes of one end.
type BasisAndSuccessors = (Vec<String>, Vec<String>);

/// Ends and starts of codes by the dataset's reorganisations.
struct Ends<'d> {
    ends: HashMap<&'d str, Vec<End>>,
    starts: HashMap<&'d str, Vec<NaiveDate>>,
}

impl<'d> Ends<'d> {
    fn new(ds: &'d Dataset) -> Ends<'d> {
        let mut grouped: HashMap<&str, BTreeMap<NaiveDate, BasisAndSuccessors>> = HashMap::new();
        let mut starts: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
        for e in &ds.reorganizations {
            let slot = grouped
                .entry(e.old_code.as_str())
                .or_default()
                .entry(e.effective)
                .or_default();
            slot.0.extend(e.basis.clone());
            slot.1.extend(e.new_code.clone());
            if let Some(new) = &e.new_code {
                starts.entry(new.as_str()).or_default().push(e.effective);
            }
        }
        for u in &ds.units {
            if let Some(from) = u.valid_from {
                starts.entry(u.code.as_str()).or_default().push(from);
            }
        }
        let ends = grouped
            .into_iter()
            .map(|(code, by_day)| {
                let list = by_day
                    .into_iter()
                    .map(|(effective, (mut basis, mut successors))| {
                        basis.sort_unstable();
                        basis.dedup();
                        successors.sort_unstable();
                        successors.dedup();
                        End {
                            effective,
                            basis: (!basis.is_empty()).then(|| basis.join("; ")),
                            successors,
                        }
                    })
                    .collect();
                (code, list)
            })
            .collect();
        Ends { ends, starts }
    }

    fn of(&self, code: &str) -> &[End] {
        self.ends.get(code).map_or(&[], Vec::as_slice)
    }

    /// The reorganisation that ends the version of `code` in force on `day`.
    fn after(&self, code: &str, day: NaiveDate) -> Option<&End> {
        self.of(code).iter().find(|e| e.effective > day)
    }

    /// The last reorganisation of `code` on or before `day`.
    fn last_by(&self, code: &str, day: NaiveDate) -> Option<&End> {
        self.of(code).iter().rev().find(|e| e.effective <= day)
    }

    /// True when a new version of `code` starts between `from` and `to` (both inclusive).
    fn restarted(&self, code: &str, from: NaiveDate, to: NaiveDate) -> bool {
        self.starts
            .get(code)
            .is_some_and(|s| s.iter().any(|d| from <= *d && *d <= to))
    }

    /// The reorganisation after which a record on `code` dated `day` has no unit: the last one
    /// by then, unless a new unit took the code since.
    fn gone(&self, code: &str, day: NaiveDate) -> Option<&End> {
        self.last_by(code, day)
            .filter(|e| !self.restarted(code, e.effective, day))
    }
}

pub(crate) fn rules(ctx: &mut Ctx<'_, '_>) {
    let ds = ctx.index.dataset;
    if ds.reorganizations.is_empty() {
        return;
    }
    let ends = Ends::new(ds);
    assignments(ctx, &ends);
    activities(ctx, &ends);
    evaluations(ctx, &ends);
    terms(ctx, &ends);
    annotate(ctx, &ends);
}

fn successors_text(end: &End) -> String {
    if end.successors.is_empty() {
        "—".to_owned()
    } else {
        end.successors.join(", ")
    }
}

fn unit_name(ctx: &Ctx<'_, '_>, code: &str, day: NaiveDate) -> String {
    ctx.index
        .unit_at(code, day)
        .map_or_else(|| code.to_owned(), |u| format!("{} ({code})", u.name))
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
        format!(" Cần kết thúc ngày {last} với lý do `reorganized`.")
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
            format!("{what_vi} {id} vẫn gắn với {name} {vi}, trong khi đơn vị này đã được sắp xếp từ ngày {effective} (đơn vị mới: {next}).{fix_vi}"),
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

/// The unit code an organisation belongs to (its own, or its nearest parent's).
fn org_unit<'d>(ctx: &Ctx<'_, 'd>, id: &str) -> Option<&'d str> {
    let mut org = ctx.index.organization(id)?;
    for _ in 0..8 {
        if let Some(code) = &org.unit_code {
            return Some(code.as_str());
        }
        org = ctx.index.organization(org.parent_id.as_deref()?)?;
    }
    None
}

fn terms(ctx: &mut Ctx<'_, '_>, ends: &Ends<'_>) {
    let index = ctx.index;
    for term in &index.dataset.terms {
        let Some(unit) = org_unit(ctx, &term.organization_id) else {
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

/// Adds the reform's legal basis to the `outside_term` and `outside_regulation` findings that
/// begin on the day a reform ended the term's body or the regulation's issuer.
fn annotate(ctx: &mut Ctx<'_, '_>, ends: &Ends<'_>) {
    let issuer_end: Option<(&str, &End)> = ctx
        .roles
        .issuer(ctx.profile.regulation.effective)
        .ok()
        .and_then(|issuer| {
            let unit = org_unit(ctx, &issuer.id)?;
            let lapse = ctx.profile.regulation.in_force_until?;
            ends.of(unit)
                .iter()
                .find(|e| e.day_before() == lapse)
                .map(|e| (unit, e))
        });
    let mut notes: Vec<(usize, String, String)> = Vec::new();
    for (i, f) in ctx.findings.iter().enumerate() {
        if f.details.contains_key("reorganization_basis") {
            continue;
        }
        let found = match f.code {
            Code::OutsideRegulation => issuer_end,
            Code::OutsideTerm => {
                let body = match f.details.get("term_body").and_then(Value::as_str) {
                    Some(b) => Some(b.to_owned()),
                    None => ctx
                        .index
                        .assignment(&f.subject.id)
                        .and_then(|a| a.term_id.as_deref())
                        .and_then(|t| ctx.index.term(t))
                        .map(|t| t.organization_id.clone()),
                };
                body.and_then(|b| org_unit(ctx, &b)).and_then(|u| {
                    ends.of(u)
                        .iter()
                        .find(|e| Some(e.effective) == f.from)
                        .map(|e| (u, e))
                })
            }
            _ => None,
        };
        if let Some((unit, end)) = found.filter(|(_, e)| Some(e.effective) == f.from) {
            if let Some(basis) = &end.basis {
                notes.push((i, unit.to_owned(), basis.clone()));
            }
        }
    }
    for (i, unit, basis) in notes {
        if let Some(f) = ctx.findings.get_mut(i) {
            f.article = Some(match f.article.take() {
                Some(a) => format!("{a}; {basis}"),
                None => basis.clone(),
            });
            f.basis.article.clone_from(&f.article);
            f.details.insert("reorganized_unit".into(), unit.into());
            f.details
                .insert("reorganization_basis".into(), basis.into());
        }
    }
}
