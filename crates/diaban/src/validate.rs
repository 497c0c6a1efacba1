//! Validation: every rule of the profile applied to a dataset, all problems at once.
//!
//! Each rule runs in (near) linear time over [`Index`] lookups and sorted sweeps; no rule
//! compares all pairs of records.

use crate::engine::{finish, qualifying_periods, span, unit_in_scope, Ctx, Draft};
use crate::finding::{Code, Finding, Report};
use crate::index::Index;
use crate::model::Dataset;
use crate::period::{self, Period};
use crate::profile::{Derivation, Profile, Scheme, SubjectKind, TargetKind};
use crate::roles::{Jurisdiction, Roles, Unresolved};
use chrono::NaiveDate;
use foldhash::HashMap;
use std::collections::BTreeMap;

/// Options of a check. No clock is read: the front ends pass the caller's date as `today`.
///
/// The *judged day* is `today` if given, else `at` (see `docs/semantics.md`). Nothing due
/// after the judged day is reported; with neither option no deadline-based rule fires.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// A view of one day: integrity findings (duplicate ids, unknown references, invalid
    /// periods) are kept; every other finding only if the days it concerns include `at`,
    /// clipped to that day. `None`: the whole history.
    pub at: Option<NaiveDate>,
    /// The day deadlines are judged against. `None`: `at`, or else no deadline has passed.
    pub today: Option<NaiveDate>,
    /// Evaluate the dataset as it was known on this day: assignments whose decision was
    /// signed later are left out.
    pub recorded_on: Option<NaiveDate>,
    /// Also report, as information, each record the regulation does not cover (days after
    /// its end of life or outside its territory).
    pub strict: bool,
}

impl CheckOptions {
    /// The judged day: `today` if given, else `at`.
    #[must_use]
    pub fn judged_day(&self) -> Option<NaiveDate> {
        self.today.or(self.at)
    }
}

/// Checks a dataset against a profile and returns every finding, in a deterministic order.
///
/// ```
/// use diaban::{check, CheckOptions, Dataset, Profile, date};
/// let report = check(&Dataset::demo(), &Profile::bac_kan_1390(),
///                    &CheckOptions { today: Some(date!(2026, 3, 1)), ..CheckOptions::default() });
/// assert!(report.findings.iter().any(|f| f.code.as_str() == "coverage_gap"));
/// ```
#[must_use]
pub fn check(dataset: &Dataset, profile: &Profile, options: &CheckOptions) -> Report {
    let filtered;
    let dataset = match options.recorded_on {
        Some(r) => {
            filtered = Dataset {
                assignments: dataset
                    .assignments
                    .iter()
                    .filter(|a| a.decision_date.is_none_or(|d| d <= r))
                    .cloned()
                    .collect(),
                ..dataset.clone()
            };
            &filtered
        }
        None => dataset,
    };
    let index = Index::new(dataset);
    let jurisdiction = Jurisdiction::new(&index, profile);
    // Rules look at the days of the `at` view, up to the end of the regulation's life: nothing
    // after it is judged (integrity rules do not clip).
    let until_end = Period {
        from: NaiveDate::MIN,
        to: jurisdiction.life.to,
    };
    let scope = options
        .at
        .map_or_else(Period::always, Period::day)
        .intersect(&until_end);
    let mut ctx = Ctx {
        index: &index,
        profile,
        roles: Roles::new(&index, profile),
        scope,
        judged: options.judged_day(),
        jurisdiction,
        unresolved: std::collections::BTreeSet::new(),
        findings: Vec::new(),
    };
    if options.strict {
        ctx.not_covered(options.at);
    }
    ctx.integrity();
    ctx.unit_code_overlap();
    for scheme in &profile.schemes {
        ctx.scheme_rules(scheme);
    }
    crate::duties::check(&mut ctx);
    crate::reorg::rules(&mut ctx);
    let findings = match options.at {
        Some(day) => at_view(ctx.findings, day),
        None => ctx.findings,
    };
    Report::new(findings)
}

/// The `at` view of findings: integrity findings are kept as they are; a finding about days is
/// kept only if its days include `day`, and then says that day only. A finding about no days
/// (a second evaluation, a wrong author) was already limited by its rule to records that
/// existed on `day`.
fn at_view(findings: Vec<Finding>, day: NaiveDate) -> Vec<Finding> {
    findings
        .into_iter()
        .filter_map(|mut f| {
            if f.code.rule().integrity {
                return Some(f);
            }
            let Some(from) = f.from else {
                return Some(f);
            };
            let p = Period { from, to: f.to };
            if !p.contains(day) {
                return None;
            }
            f.from = Some(day);
            f.to = Some(day);
            Some(f)
        })
        .collect()
}

impl<'a, 'd> Ctx<'a, 'd> {
    pub(crate) fn push(&mut self, d: Draft) {
        let f = finish(self.profile, d);
        self.findings.push(f);
    }

    /// Reports a role that cannot be resolved, once per role; the caller skips its rule.
    pub(crate) fn role_unresolved(&mut self, u: &Unresolved) {
        if !self.unresolved.insert(u.role) {
            return;
        }
        let role = u.role.as_str();
        self.push(
            Draft::new(Code::RoleUnresolved, "profile", &self.profile.id.clone())
                .say(
                    format!("Không xác định được `{role}` trong dữ liệu: {}. Các quy tắc cần đến nó được bỏ qua.", u.why_vi),
                    format!("The role `{role}` cannot be resolved in the dataset: {}. The rules that need it are skipped.", u.why_en),
                )
                .detail("role", role),
        );
    }

    /// The unit an assignment's target lies in: the unit itself, or an organisation's unit.
    pub(crate) fn target_unit(&self, target: &str) -> Option<String> {
        if !self.index.unit_versions(target).is_empty() {
            return Some(target.to_owned());
        }
        let mut org = self.index.organization(target)?;
        for _ in 0..8 {
            if let Some(code) = &org.unit_code {
                return Some(code.clone());
            }
            org = self.index.organization(org.parent_id.as_deref()?)?;
        }
        None
    }

    /// The parts of `p` (inside the check's scope, up to the end of the regulation's life) on
    /// which the target lies in the territory.
    pub(crate) fn reach(&self, target: &str, p: &Period) -> Vec<Period> {
        let Some(p) = self.clip(p) else {
            return Vec::new();
        };
        let code = self.target_unit(target).unwrap_or_default();
        self.jurisdiction.reach_days(self.index, &code, &p)
    }

    /// The parts of `p` the regulation judges for the target (life and territory), inside the
    /// check's scope.
    pub(crate) fn judged_days(&self, target: &str, p: &Period) -> Vec<Period> {
        let Some(p) = self.clip(p) else {
            return Vec::new();
        };
        let code = self.target_unit(target).unwrap_or_default();
        self.jurisdiction.judged_days(self.index, &code, &p)
    }

    /// With `strict`: one info finding per assignment with days the regulation does not cover
    /// (after its end of life, or outside its territory).
    fn not_covered(&mut self, options_at: Option<NaiveDate>) {
        let index = self.index;
        let number = self.profile.regulation.number.clone();
        for a in &index.dataset.assignments {
            let p = a.period();
            if p.is_inverted() || !self.profile.schemes.iter().any(|s| s.id == a.scheme) {
                continue;
            }
            let p = match options_at {
                Some(day) if p.contains(day) => Period::day(day),
                Some(_) => continue,
                None => p,
            };
            let code = self.target_unit(&a.target).unwrap_or_default();
            let reached = self.jurisdiction.reach_days(self.index, &code, &p);
            let outside = crate::period::gaps_within(&p, &reached);
            let (Some(first), Some(last)) = (outside.first(), outside.last()) else {
                continue;
            };
            let days = Period {
                from: first.from,
                to: last.to,
            };
            let (vi, en) = span(&days);
            self.push(
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

    /// The parts of `p` inside the check's scope.
    pub(crate) fn clip(&self, p: &Period) -> Option<Period> {
        p.intersect(self.scope.as_ref()?)
    }

    fn integrity(&mut self) {
        let ds = self.index.dataset;
        self.duplicates(
            "organization",
            ds.organizations.iter().map(|o| o.id.as_str()),
        );
        self.duplicates("term", ds.terms.iter().map(|o| o.id.as_str()));
        self.duplicates("assignment", ds.assignments.iter().map(|o| o.id.as_str()));
        self.duplicates("activity", ds.activities.iter().map(|o| o.id.as_str()));
        self.duplicates("evaluation", ds.evaluations.iter().map(|o| o.id.as_str()));

        let inverted = ds
            .units
            .iter()
            .map(|u| ("unit", u.code.as_str(), u.validity()))
            .chain(
                ds.organizations
                    .iter()
                    .map(|o| ("organization", o.id.as_str(), o.validity())),
            )
            .chain(
                ds.people
                    .iter()
                    .map(|p| ("person", p.id.as_str(), p.validity())),
            )
            .chain(ds.terms.iter().map(|t| ("term", t.id.as_str(), t.period())))
            .chain(
                ds.assignments
                    .iter()
                    .map(|a| ("assignment", a.id.as_str(), a.period())),
            )
            .filter(|(_, _, p)| p.is_inverted())
            .map(|(k, id, p)| (k, id.to_owned(), p))
            .collect::<Vec<_>>();
        for (kind, id, p) in inverted {
            let (from, to) = (p.from, p.to.unwrap_or(p.from));
            self.push(
                Draft::new(Code::InvalidPeriod, kind, &id)
                    .say(
                        format!("Thời hạn kết thúc ngày {to} trước ngày bắt đầu {from}."),
                        format!("The period ends on {to}, before it starts on {from}."),
                    )
                    .detail("valid_from", from.to_string())
                    .detail("valid_to", to.to_string()),
            );
        }

        let mut missing: Vec<(&'static str, String, &'static str, String)> = Vec::new();
        let idx = self.index;
        for u in &ds.units {
            if let Some(parent) = &u.parent_code {
                if idx.unit_versions(parent).is_empty() {
                    missing.push(("unit", u.code.clone(), "parent_code", parent.clone()));
                }
            }
        }
        for o in &ds.organizations {
            if let Some(code) = o
                .unit_code
                .as_ref()
                .filter(|c| idx.unit_versions(c).is_empty())
            {
                missing.push(("organization", o.id.clone(), "unit_code", code.clone()));
            }
            if let Some(parent) = o
                .parent_id
                .as_ref()
                .filter(|p| idx.organization(p).is_none())
            {
                missing.push(("organization", o.id.clone(), "parent_id", parent.clone()));
            }
        }
        for p in &ds.people {
            if idx.organization(&p.organization_id).is_none() {
                missing.push((
                    "person",
                    p.id.clone(),
                    "organization_id",
                    p.organization_id.clone(),
                ));
            }
        }
        for t in &ds.terms {
            if idx.organization(&t.organization_id).is_none() {
                missing.push((
                    "term",
                    t.id.clone(),
                    "organization_id",
                    t.organization_id.clone(),
                ));
            }
        }
        let schemes: HashMap<&str, &Scheme> = self
            .profile
            .schemes
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
        for a in &ds.assignments {
            let Some(scheme) = schemes.get(a.scheme.as_str()) else {
                missing.push(("assignment", a.id.clone(), "scheme", a.scheme.clone()));
                continue;
            };
            let subject_known = match scheme.subject.value.kind {
                SubjectKind::Person => !idx.posts(&a.subject_id).is_empty(),
                SubjectKind::Organization => idx.organization(&a.subject_id).is_some(),
            };
            if !subject_known {
                missing.push((
                    "assignment",
                    a.id.clone(),
                    "subject_id",
                    a.subject_id.clone(),
                ));
            }
            let target_known = match scheme.target.value.kind {
                TargetKind::Unit => !idx.unit_versions(&a.target).is_empty(),
                TargetKind::Organization => idx.organization(&a.target).is_some(),
            };
            if !target_known {
                missing.push(("assignment", a.id.clone(), "target", a.target.clone()));
            }
            if let Some(t) = a.term_id.as_ref().filter(|t| idx.term(t).is_none()) {
                missing.push(("assignment", a.id.clone(), "term_id", t.clone()));
            }
            if let Some(r) = a.replaces.as_ref().filter(|r| idx.assignment(r).is_none()) {
                missing.push(("assignment", a.id.clone(), "replaces", r.clone()));
            }
        }
        let known_any = |id: &str| {
            !idx.posts(id).is_empty()
                || idx.organization(id).is_some()
                || !idx.unit_versions(id).is_empty()
        };
        for a in &ds.activities {
            if idx.posts(&a.subject_id).is_empty() && idx.organization(&a.subject_id).is_none() {
                missing.push(("activity", a.id.clone(), "subject_id", a.subject_id.clone()));
            }
            if !known_any(&a.target) {
                missing.push(("activity", a.id.clone(), "target", a.target.clone()));
            }
            if let Some(r) = a
                .recipient
                .as_ref()
                .filter(|r| idx.organization(r).is_none() && idx.posts(r).is_empty())
            {
                missing.push(("activity", a.id.clone(), "recipient", r.clone()));
            }
        }
        for e in &ds.evaluations {
            if idx.assignment(&e.assignment_id).is_none() {
                missing.push((
                    "evaluation",
                    e.id.clone(),
                    "assignment_id",
                    e.assignment_id.clone(),
                ));
            }
            if idx.organization(&e.author_id).is_none() && idx.posts(&e.author_id).is_empty() {
                missing.push(("evaluation", e.id.clone(), "author_id", e.author_id.clone()));
            }
        }
        for n in &ds.ntm_statuses {
            if idx.unit_versions(&n.unit_code).is_empty() {
                missing.push((
                    "ntm_status",
                    format!("{}/{}", n.unit_code, n.year),
                    "unit_code",
                    n.unit_code.clone(),
                ));
            }
        }
        for (kind, id, field, value) in missing {
            self.push(
                Draft::new(Code::UnknownReference, kind, &id)
                    .say(
                        format!("Trường `{field}` trỏ tới `{value}`, không có trong dữ liệu."),
                        format!("Field `{field}` refers to `{value}`, which the dataset does not contain."),
                    )
                    .detail("field", field)
                    .detail("value", value),
            );
        }
    }

    fn duplicates<'x>(&mut self, kind: &'static str, ids: impl Iterator<Item = &'x str>) {
        let mut counts: HashMap<&str, usize> = HashMap::default();
        for id in ids {
            *counts.entry(id).or_default() += 1;
        }
        let mut dups: Vec<(&str, usize)> = counts.into_iter().filter(|(_, n)| *n > 1).collect();
        dups.sort_unstable();
        for (id, n) in dups {
            self.push(
                Draft::new(Code::DuplicateId, kind, id)
                    .say(
                        format!("Mã `{id}` được dùng cho {n} bản ghi."),
                        format!("The id `{id}` is used by {n} records."),
                    )
                    .detail("count", n),
            );
        }
    }

    fn unit_code_overlap(&mut self) {
        let mut codes: BTreeMap<&str, Vec<Period>> = BTreeMap::new();
        for u in &self.index.dataset.units {
            codes.entry(u.code.as_str()).or_default().push(u.validity());
        }
        for (code, validities) in codes {
            if validities.len() < 2 {
                continue;
            }
            for p in period::overlaps(&validities) {
                let Some(p) = self.clip(&p) else { continue };
                let (vi, en) = span(&p);
                self.push(
                    Draft::new(Code::UnitCodeOverlap, "unit", code)
                        .period(p)
                        .say(
                            format!("Hai phiên bản của mã đơn vị {code} cùng có hiệu lực {vi}: một mã chỉ chỉ một đơn vị tại một ngày."),
                            format!("Two versions of unit code {code} are in force {en}: a code names one unit on any day."),
                        ),
                );
            }
        }
    }

    fn scheme_rules(&mut self, scheme: &Scheme) {
        let index = self.index;
        let mut assignments: Vec<_> = index
            .dataset
            .assignments
            .iter()
            .filter(|a| a.scheme == scheme.id)
            .collect();
        assignments.retain(|a| !a.period().is_inverted());
        let effective = self.profile.regulation.effective;
        for a in &assignments {
            for p in self.reach(&a.target, &a.period()) {
                self.target_rules(scheme, a, &p);
                self.eligibility(scheme, a, &p);
                self.term_rule(scheme, a, &p);
                if !scheme.under_regulation.value {
                    continue;
                }
                let before = Period {
                    from: NaiveDate::MIN,
                    to: effective.pred_opt(),
                };
                let Some(piece) = p.intersect(&before) else {
                    continue;
                };
                let (vi, en) = span(&piece);
                let number = &self.profile.regulation.number;
                self.push(
                    Draft::new(Code::OutsideRegulation, "assignment", &a.id)
                        .period(piece)
                        .rests_on(scheme, "under_regulation", &scheme.under_regulation)
                        .say(
                            format!("Phân công {} bắt đầu trước khi Quy định {number} có hiệu lực ({vi}).", a.id),
                            format!("Assignment {} starts before Regulation {number} took effect ({en}).", a.id),
                        )
                        .detail("scheme", scheme.id.clone()),
                );
            }
        }
        self.coverage(scheme);
        self.cardinalities(scheme);
        self.duplicates_and_acting(scheme);
        self.district_leads(scheme);
    }

    fn target_rules(&mut self, scheme: &Scheme, a: &crate::model::Assignment, p: &Period) {
        let rule = &scheme.target.value;
        match rule.kind {
            TargetKind::Unit => {
                let versions = self.index.unit_versions(&a.target);
                if versions.is_empty() {
                    return;
                }
                let validities: Vec<Period> = versions.iter().map(|u| u.validity()).collect();
                for piece in period::gaps_within(p, &validities) {
                    let (vi, en) = span(&piece);
                    self.push(
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
                            || (!rule.unit_types.is_empty()
                                && !rule.unit_types.contains(&u.unit_type))
                    });
                if let Some(u) = wrong {
                    self.push(
                        Draft::new(Code::TargetOutOfScope, "assignment", &a.id)
                            .period(*p)
                            .rests_on(scheme, "target", &scheme.target)
                            .say(
                                format!(
                                    "Đơn vị {} ({}) không thuộc phạm vi của chế độ {}.",
                                    u.code, u.unit_type, scheme.id
                                ),
                                format!(
                                    "Unit {} ({}) is not in the scope of scheme {}.",
                                    u.code, u.unit_type, scheme.id
                                ),
                            )
                            .detail("scheme", scheme.id.clone())
                            .detail("target", a.target.clone()),
                    );
                }
            }
            TargetKind::Organization => {
                let Some(org) = self.index.organization(&a.target) else {
                    return;
                };
                if !rule.organization_kinds.is_empty()
                    && !rule.organization_kinds.contains(&org.kind)
                {
                    self.push(
                        Draft::new(Code::TargetOutOfScope, "assignment", &a.id)
                            .period(*p)
                            .rests_on(scheme, "target", &scheme.target)
                            .say(
                                format!(
                                    "Tổ chức {} ({}) không thuộc phạm vi của chế độ {}.",
                                    org.id, org.kind, scheme.id
                                ),
                                format!(
                                    "Organisation {} ({}) is not in the scope of scheme {}.",
                                    org.id, org.kind, scheme.id
                                ),
                            )
                            .detail("scheme", scheme.id.clone())
                            .detail("target", a.target.clone()),
                    );
                }
            }
        }
    }

    /// The days a subject qualifies for a scheme.
    pub(crate) fn qualifying(&self, scheme: &Scheme, subject: &str) -> Vec<Period> {
        qualifying_periods(self.index, scheme, subject)
    }

    fn eligibility(&mut self, scheme: &Scheme, a: &crate::model::Assignment, p: &Period) {
        let known = match scheme.subject.value.kind {
            SubjectKind::Person => !self.index.posts(&a.subject_id).is_empty(),
            SubjectKind::Organization => self.index.organization(&a.subject_id).is_some(),
        };
        if !known {
            return;
        }
        let qualifying = self.qualifying(scheme, &a.subject_id);
        let pieces = if scheme.eligible_tenure.value || qualifying.is_empty() {
            period::gaps_within(p, &qualifying)
        } else {
            Vec::new()
        };
        let name = self
            .index
            .subject_name(&a.subject_id)
            .unwrap_or(&a.subject_id)
            .to_owned();
        let rule = &scheme.subject.value;
        let (wanted_vi, wanted_en) = describe_rule(rule);
        for piece in pieces {
            let (vi, en) = span(&piece);
            self.push(
                Draft::new(Code::IneligibleAssignee, "assignment", &a.id)
                    .period(piece)
                    .rests_on(scheme, "subject", &scheme.subject)
                    .say(
                        format!(
                            "{name} ({}) không giữ chức vụ đủ điều kiện {vi} (cần: {wanted_vi}).",
                            a.subject_id
                        ),
                        format!(
                            "{name} ({}) holds no qualifying post {en} (required: {wanted_en}).",
                            a.subject_id
                        ),
                    )
                    .detail("scheme", scheme.id.clone())
                    .detail("subject_id", a.subject_id.clone()),
            );
        }
    }

    fn term_rule(&mut self, scheme: &Scheme, a: &crate::model::Assignment, p: &Period) {
        let Some(body) = &scheme.term_body else {
            return;
        };
        let org = match self.roles.body(&body.value, p.from) {
            Ok(org) => org,
            Err(u) => {
                self.role_unresolved(&u);
                return;
            }
        };
        let body_id = org.id.clone();
        if a.term_id.is_none() && self.index.terms_of(&body_id).is_empty() {
            let role = crate::profile::Role::from_word(&body.value)
                .unwrap_or(crate::profile::Role::Issuer);
            self.role_unresolved(&Unresolved {
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
        let terms_of_body: Vec<Period> = self
            .index
            .terms_of(&body_id)
            .iter()
            .map(|t| t.period())
            .collect();
        let allowed: Vec<Period> = match a.term_id.as_deref().and_then(|t| self.index.term(t)) {
            Some(term) if term.organization_id == body_id => vec![term.period()],
            Some(term) => {
                self.push(
                    Draft::new(Code::OutsideTerm, "assignment", &a.id)
                        .period(*p)
                        .rests_on(scheme, "term_body", body)
                        .say(
                            format!("Phân công {} ghi nhiệm kỳ {} của {}, nhưng phải theo nhiệm kỳ của {} ({body_id}).", a.id, term.id, term.organization_id, org.name),
                            format!("Assignment {} names term {} of {}, but must follow a term of {} ({body_id}).", a.id, term.id, term.organization_id, org.name),
                        )
                        .detail("term_id", term.id.clone()),
                );
                return;
            }
            None => terms_of_body,
        };
        for piece in period::gaps_within(p, &allowed) {
            let (vi, en) = span(&piece);
            self.push(
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
                    .detail("term_id", a.term_id.clone()),
            );
        }
    }

    /// The window in which every in-scope target of a scheme must be covered, inside the check's scope.
    fn coverage_window(&self, scheme: &Scheme) -> Option<Period> {
        let coverage = scheme.coverage.as_ref()?;
        let mut window = coverage.value.period();
        if scheme.under_regulation.value {
            window = window.intersect(&self.profile.in_force())?;
        }
        self.clip(&window)
    }

    /// The days on which a scheme's cardinality and record rules judge anything, inside the
    /// check's scope: the regulation's time in force for a scheme made under it; for an older
    /// scheme, every day up to the end of the regulation's life.
    /// (Territory is applied per target by [`Ctx::scheme_target_days`].)
    fn scheme_days(&self, scheme: &Scheme) -> Option<Period> {
        let life = self.profile.in_force();
        let days = if scheme.under_regulation.value {
            life
        } else {
            Period {
                from: NaiveDate::MIN,
                to: life.to,
            }
        };
        self.clip(&days)
    }

    /// The parts of `p` a scheme's record rules judge for `target`: inside the regulation's
    /// life and territory ([`Ctx::judged_days`]) for a scheme made under the regulation; for an
    /// older scheme, also the days before the regulation took effect ([`Ctx::reach`]).
    fn scheme_target_days(&self, scheme: &Scheme, target: &str, p: &Period) -> Vec<Period> {
        if scheme.under_regulation.value {
            self.judged_days(target, p)
        } else {
            self.reach(target, p)
        }
    }

    /// The days an assignment counts as covering its target: its own days, and when the scheme
    /// requires eligible tenure, only those on which its subject holds a qualifying post. A
    /// subject the dataset does not know is an `unknown_reference`, not a gap: it counts.
    fn counting_days(&self, scheme: &Scheme, a: &crate::model::Assignment) -> Vec<Period> {
        let p = a.period();
        if p.is_inverted() {
            return Vec::new();
        }
        let known = match scheme.subject.value.kind {
            SubjectKind::Person => !self.index.posts(&a.subject_id).is_empty(),
            SubjectKind::Organization => self.index.organization(&a.subject_id).is_some(),
        };
        if !scheme.eligible_tenure.value || !known {
            return vec![p];
        }
        qualifying_periods(self.index, scheme, &a.subject_id)
            .iter()
            .filter_map(|q| q.intersect(&p))
            .collect()
    }

    fn coverage(&mut self, scheme: &Scheme) {
        if scheme.per_target.value.min == 0 {
            return;
        }
        let Some(window) = self.coverage_window(scheme) else {
            return;
        };
        let judged = self.judged;
        let index = self.index;
        let targets: Vec<(String, String, Period)> = match scheme.target.value.kind {
            TargetKind::Unit if !scheme.target.value.designated_only => index
                .dataset
                .units
                .iter()
                .filter(|u| unit_in_scope(scheme, u))
                .map(|u| (u.code.clone(), u.name.clone(), u.validity()))
                .collect(),
            _ => index
                .targets(&scheme.id)
                .map(|(t, _)| (t.to_owned(), t.to_owned(), Period::always()))
                .collect(),
        };
        for (code, name, validity) in targets {
            let Some(w) = window.intersect(&validity) else {
                continue;
            };
            let covered: Vec<Period> = index
                .assignments_of_target(&scheme.id, &code)
                .iter()
                .flat_map(|a| self.counting_days(scheme, a))
                .collect();
            let recorded: Vec<Period> = index
                .assignments_of_target(&scheme.id, &code)
                .iter()
                .map(|a| a.period())
                .filter(|p| !p.is_inverted())
                .collect();
            let gaps: Vec<Period> = self
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
                        let (vi, en) = span(part);
                        self.push(
                            Draft::new(Code::CoverageGap, "unit", &code)
                                .period(*part)
                                .rests_on(scheme, "per_target", &scheme.per_target)
                                .say(
                                    format!(
                                        "{name} ({code}) không có người được phân công ({}) {vi}.",
                                        scheme.name_vi
                                    ),
                                    format!(
                                        "{name} ({code}) has nobody assigned ({}) {en}.",
                                        scheme.name_en
                                    ),
                                )
                                .detail("scheme", scheme.id.clone())
                                .detail("name", name.clone())
                                .detail("days", part.days()),
                        );
                    }
                    for part in period::gaps_within(&gap, &unrecorded) {
                        let (vi, en) = span(&part);
                        self.push(
                            Draft::new(Code::CoverageGap, "unit", &code)
                                .period(part)
                                .rests_on(scheme, "subject", &scheme.subject)
                                .say(
                                    format!(
                                        "{name} ({code}) không có người đủ điều kiện theo dõi ({}) {vi}: người được phân công không giữ chức vụ đủ điều kiện.",
                                        scheme.name_vi
                                    ),
                                    format!(
                                        "{name} ({code}) has no eligible assignee ({}) {en}: the one assigned holds no qualifying post.",
                                        scheme.name_en
                                    ),
                                )
                                .detail("scheme", scheme.id.clone())
                                .detail("name", name.clone())
                                .detail("days", part.days())
                                .detail("only_ineligible", true),
                        );
                    }
                }
                if let Some(rest) = future {
                    let (vi, en) = span(&rest);
                    self.push(
                        Draft::new(Code::CoverageEnding, "unit", &code)
                            .period(rest)
                            .rests_on(scheme, "per_target", &scheme.per_target)
                            .say(
                                format!(
                                    "{name} ({code}): dữ liệu chưa ghi người được phân công ({}) {vi}, sau ngày đang xét.",
                                    scheme.name_vi
                                ),
                                format!(
                                    "{name} ({code}): no one is recorded as assigned ({}) {en}, after the day judged.",
                                    scheme.name_en
                                ),
                            )
                            .detail("scheme", scheme.id.clone())
                            .detail("name", name.clone())
                            .detail("days", rest.days()),
                    );
                }
            }
        }
    }

    /// The days an assignment counts toward its subject's limit of targets: all its days, or
    /// for an acting assignment under a scheme with `acting_max_days`, the days from day
    /// `cap + 1` on, and (when a day is judged) none after the judged day.
    fn counted_for_subject(&self, scheme: &Scheme, a: &crate::model::Assignment) -> Option<Period> {
        let p = a.period();
        if p.is_inverted() {
            return None;
        }
        match (&scheme.acting_max_days, a.acting) {
            (Some(cap), true) => {
                let first = a
                    .valid_from
                    .checked_add_days(chrono::Days::new(u64::from(cap.value)))?;
                let to = match (p.to, self.judged) {
                    (Some(t), Some(j)) => Some(t.min(j)),
                    (t, j) => t.or(j),
                };
                let counted = Period { from: first, to };
                (!counted.is_inverted()).then_some(counted)
            }
            _ => Some(p),
        }
    }

    fn cardinalities(&mut self, scheme: &Scheme) {
        let index = self.index;
        let Some(judged) = self.scheme_days(scheme) else {
            return;
        };
        if let Some(max) = scheme.per_target.value.max {
            let mut rows: Vec<(&str, &[&crate::model::Assignment])> =
                index.targets(&scheme.id).collect();
            rows.sort_unstable_by_key(|(t, _)| *t);
            for (target, list) in rows {
                let items: Vec<(Period, &str, &str)> = list
                    .iter()
                    .filter(|a| !a.period().is_inverted())
                    .filter_map(|a| a.period().intersect(&judged).map(|p| (a, p)))
                    .flat_map(|(a, p)| {
                        self.scheme_target_days(scheme, target, &p)
                            .into_iter()
                            .map(move |p| (p, a.subject_id.as_str(), a.id.as_str()))
                    })
                    .collect();
                for (p, people, ids) in crowded_runs(&items, max as usize) {
                    let (vi, en) = span(&p);
                    let name = index
                        .unit_near(target, Some(p.from))
                        .map_or(target.to_owned(), |u| u.name.clone());
                    let n = people.len();
                    self.push(
                        Draft::new(Code::CoverageOverlap, target_kind(scheme), target)
                            .period(p)
                            .rests_on(scheme, "per_target", &scheme.per_target)
                            .say(
                                format!("{name} ({target}) có {n} người được phân công cùng lúc {vi} ({}), quá mức {max}; các phân công: {}.", people.join(", "), ids.join(", ")),
                                format!("{name} ({target}) has {n} people assigned at once {en} ({}), more than {max}; assignments: {}.", people.join(", "), ids.join(", ")),
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
        if let Some(max) = scheme.per_subject.value.max {
            let mut rows: Vec<(&str, &[&crate::model::Assignment])> =
                index.subjects(&scheme.id).collect();
            rows.sort_unstable_by_key(|(s, _)| *s);
            for (subject, list) in rows {
                let items: Vec<(Period, &str, &str)> = list
                    .iter()
                    .filter_map(|a| {
                        self.counted_for_subject(scheme, a)
                            .and_then(|p| p.intersect(&judged))
                            .map(|p| (a, p))
                    })
                    .flat_map(|(a, p)| {
                        self.scheme_target_days(scheme, &a.target, &p)
                            .into_iter()
                            .map(move |p| (p, a.target.as_str(), a.id.as_str()))
                    })
                    .collect();
                for (p, targets, ids) in crowded_runs(&items, max as usize) {
                    let (vi, en) = span(&p);
                    let name = index.subject_name(subject).unwrap_or(subject).to_owned();
                    let n = targets.len();
                    self.push(
                        Draft::new(Code::AssigneeOverloaded, subject_kind(scheme), subject)
                            .period(p)
                            .rests_on(scheme, "per_subject", &scheme.per_subject)
                            .say(
                                format!("{name} ({subject}) được giao {n} địa bàn cùng lúc {vi} ({}), quá mức {max}.", targets.join(", ")),
                                format!("{name} ({subject}) is assigned {n} targets at once {en} ({}), more than {max}.", targets.join(", ")),
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
    fn duplicates_and_acting(&mut self, scheme: &Scheme) {
        let index = self.index;
        let Some(judged) = self.scheme_days(scheme) else {
            return;
        };
        let mut pairs: BTreeMap<(&str, &str), Vec<&crate::model::Assignment>> = BTreeMap::new();
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
                let name = index.subject_name(subject).unwrap_or(subject).to_owned();
                for days in self.scheme_target_days(scheme, target, &overlap) {
                    let (vi, en) = span(&days);
                    self.push(
                    Draft::new(Code::AssignmentDuplicated, "assignment", &a.id)
                        .period(days)
                        .say(
                            format!("Phân công {} lặp lại một phân công khác của {name} ({subject}) tại cùng địa bàn {target} {vi}: một người theo dõi một địa bàn, ghi hai lần.", a.id),
                            format!("Assignment {} repeats another record of {name} ({subject}) on the same target {target} {en}: one person on one target, recorded twice.", a.id),
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
        let mut acting: Vec<&crate::model::Assignment> = index
            .dataset
            .assignments
            .iter()
            .filter(|a| a.scheme == scheme.id && a.acting)
            .collect();
        acting.sort_by(|x, y| record_order(x).cmp(&record_order(y)));
        for a in acting {
            let Some(counted) = self
                .counted_for_subject(scheme, a)
                .and_then(|p| p.intersect(&judged))
            else {
                continue;
            };
            let name = index
                .subject_name(&a.subject_id)
                .unwrap_or(&a.subject_id)
                .to_owned();
            for days in self.scheme_target_days(scheme, &a.target, &counted) {
                let (vi, en) = span(&days);
                self.push(
                    Draft::new(Code::ActingTooLong, "assignment", &a.id)
                        .period(days)
                        .rests_on(scheme, "acting_max_days", cap)
                        .say(
                            format!("Phân công kiêm nhiệm tạm thời {} của {name} ({}) tại {} kéo dài quá {} ngày {vi}: những ngày này được tính như phân công chính thức.", a.id, a.subject_id, a.target, cap.value),
                            format!("Acting assignment {} of {name} ({}) on {} runs past {} days {en}: these days count as a regular assignment.", a.id, a.subject_id, a.target, cap.value),
                        )
                        .detail("scheme", scheme.id.clone())
                        .detail("acting_max_days", cap.value),
                );
            }
        }
    }

    fn district_leads(&mut self, scheme: &Scheme) {
        let index = self.index;
        for rel in &scheme.relationships {
            let c = &rel.counterpart.value;
            let (Some(Derivation::TargetDistrictLead), Some(via)) =
                (c.derived, c.via_scheme.as_ref())
            else {
                continue;
            };
            let mut need: BTreeMap<String, Vec<Period>> = BTreeMap::new();
            for (target, list) in index.targets(&scheme.id) {
                for a in list {
                    if a.period().is_inverted() {
                        continue;
                    }
                    for p in self.reach(target, &a.period()) {
                        if let Some(d) = index.district_of(target, Some(p.from)) {
                            need.entry(d.code.clone()).or_default().push(p);
                        }
                    }
                }
            }
            for (district, periods) in need {
                let have: Vec<Period> = index
                    .assignments_of_target(via, &district)
                    .iter()
                    .map(|a| a.period())
                    .collect();
                let mut missing: Vec<Period> = Vec::new();
                for p in period::union(&periods) {
                    missing.extend(period::gaps_within(&p, &have));
                }
                let name = index
                    .unit_near(&district, None)
                    .map_or(district.clone(), |u| u.name.clone());
                for gap in missing {
                    let (vi, en) = span(&gap);
                    self.push(
                        Draft::new(Code::DistrictLeadMissing, "unit", &district)
                            .period(gap)
                            .rests_on(scheme, "relationships", &rel.counterpart)
                            .say(
                                format!("{name} ({district}) không có Ủy viên Ban Thường vụ phụ trách {vi}, trong khi các xã của huyện đang có cán bộ theo dõi."),
                                format!("{name} ({district}) has no Standing Committee member in charge {en}, while its communes have monitors."),
                            )
                            .detail("scheme", via.clone())
                            .detail("monitoring_scheme", scheme.id.clone()),
                    );
                }
            }
        }
    }
}

/// The order of records of one subject on one target: by start, then end (open last), then id.
fn record_order(a: &crate::model::Assignment) -> (NaiveDate, NaiveDate, &str) {
    (
        a.valid_from,
        a.valid_to.unwrap_or(NaiveDate::MAX),
        a.id.as_str(),
    )
}

/// The maximal runs of days on which more than `max` distinct keys are active, each with its
/// (constant) set of keys and the ids of the items active during the run. A run is split
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

fn target_kind(scheme: &Scheme) -> &'static str {
    match scheme.target.value.kind {
        TargetKind::Unit => "unit",
        TargetKind::Organization => "organization",
    }
}

fn subject_kind(scheme: &Scheme) -> &'static str {
    match scheme.subject.value.kind {
        SubjectKind::Person => "person",
        SubjectKind::Organization => "organization",
    }
}
