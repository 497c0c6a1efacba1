//! Who may monitor: `ineligible_assignee` (an assignee holding no post of the rank, kind and
//! level the scheme requires on some of the assignment's days).
//!
//! Topic: subjects and scope.

use crate::engine::{Ctx, Draft};
use crate::finding::Code;
use crate::messages::{Args, Key};
use crate::model::Assignment;
use crate::period::{self, Period};
use crate::profile::{Scheme, SubjectKind};

/// The days of `p` on which the assignee holds no qualifying post (all of them when the
/// scheme does not require eligible tenure but the assignee never qualifies).
pub(super) fn assignment(ctx: &mut Ctx<'_, '_>, scheme: &Scheme, a: &Assignment, p: &Period) {
    let known = match scheme.subject.value.kind {
        SubjectKind::Person => !ctx.index.posts(&a.subject_id).is_empty(),
        SubjectKind::Organization => ctx.index.organization(&a.subject_id).is_some(),
    };
    if !known {
        return;
    }
    let qualifying = ctx.qualifying(scheme, &a.subject_id);
    let pieces = if scheme.eligible_tenure.value || qualifying.is_empty() {
        period::gaps_within(p, &qualifying)
    } else {
        Vec::new()
    };
    let rule = &scheme.subject.value;
    let (wanted_vi, wanted_en) = describe_rule(rule);
    for piece in pieces {
        ctx.push(
            Draft::new(Code::IneligibleAssignee, "assignment", &a.id)
                .period(piece)
                .rests_on(scheme, "subject", &scheme.subject)
                .say(
                    Key::IneligibleAssignee,
                    Args::new()
                        .subject("subject", ctx.index, scheme, &a.subject_id)
                        .span("span", piece)
                        .words("wanted", wanted_vi.clone(), wanted_en.clone())
                        .id(a.target.clone()),
                )
                .detail("scheme", scheme.id.clone())
                .detail("subject_id", a.subject_id.as_str()),
        );
    }
}

/// The qualifying post of a scheme, in words ("chức vụ … của …" / "a … post in a …").
fn describe_rule(rule: &crate::profile::SubjectRule) -> (String, String) {
    use crate::words::label_vi;
    let words = |vi: Vec<&str>, en: Vec<&str>| -> (String, String) {
        let join = |v: &[&str], or: &str| match v.split_last() {
            None => String::new(),
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} {or} {last}", rest.join(", ")),
        };
        (join(&vi, "hoặc"), join(&en, "or"))
    };
    let ranks = words(
        rule.ranks.iter().map(|r| label_vi(*r)).collect(),
        rule.ranks.iter().map(|r| r.as_str()).collect(),
    );
    let kinds = words(
        rule.organization_kinds
            .iter()
            .map(|k| label_vi(*k))
            .collect(),
        rule.organization_kinds.iter().map(|k| k.as_str()).collect(),
    );
    let levels = words(
        rule.levels.iter().map(|l| label_vi(*l)).collect(),
        rule.levels.iter().map(|l| l.as_str()).collect(),
    );
    (
        format!("chức vụ {} của {} {}", ranks.0, kinds.0, levels.0),
        format!("a {} post in a {}-level {}", ranks.1, levels.1, kinds.1),
    )
}
