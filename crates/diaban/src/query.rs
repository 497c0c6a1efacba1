//! Questions about a dataset: who monitors a unit, what a person monitors, the coverage
//! table of a scheme on a day, and a unit's assignment history.

use crate::collate::{cmp_vi, cmp_vi_opt};
use crate::engine::unit_in_scope;
use crate::error::Result;
use crate::index::Index;
use crate::model::{Assignment, EndReason, UnitType};
use crate::profile::{Profile, TargetKind};
use chrono::NaiveDate;
use serde::Serialize;

/// An assignment with the names a reader needs: who, where, from when to when, under which
/// decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AssignmentView<'d> {
    /// Assignment id.
    pub id: &'d str,
    /// Scheme id.
    pub scheme: &'d str,
    /// Subject (person or organisation) id.
    pub subject_id: &'d str,
    /// Subject's name, if known.
    pub subject_name: Option<&'d str>,
    /// The subject's post title on the day asked about (or at the assignment's start).
    pub subject_title: Option<&'d str>,
    /// Target (unit code or organisation id).
    pub target: &'d str,
    /// Target's name, if known.
    pub target_name: Option<&'d str>,
    /// First day.
    pub valid_from: NaiveDate,
    /// Last day, if ended.
    pub valid_to: Option<NaiveDate>,
    /// Why it ended.
    pub end_reason: Option<EndReason>,
    /// Deciding document.
    pub decision_number: Option<&'d str>,
    /// Day the decision was signed.
    pub decision_date: Option<NaiveDate>,
    /// The assignment it replaces.
    pub replaces: Option<&'d str>,
}

/// One row of a coverage table: a target in scope and who covers it on the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct CoverageRow<'d> {
    /// Unit code (or organisation id).
    pub code: &'d str,
    /// Name.
    pub name: &'d str,
    /// GSO type (for units).
    #[serde(rename = "type")]
    pub unit_type: Option<UnitType>,
    /// District code, for communes.
    pub district_code: Option<&'d str>,
    /// District name, for communes.
    pub district_name: Option<&'d str>,
    /// True when at least one assignment covers it on the day.
    pub covered: bool,
    /// The assignments covering it on the day.
    pub assignments: Vec<AssignmentView<'d>>,
}

/// The coverage table of a scheme on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Coverage<'d> {
    /// Scheme id.
    pub scheme: String,
    /// The day.
    pub at: NaiveDate,
    /// Targets covered.
    pub covered: usize,
    /// Targets not covered.
    pub uncovered: usize,
    /// One row per target in scope, in Vietnamese alphabetical order of the district's name,
    /// then of the target's name (codes only break ties).
    pub rows: Vec<CoverageRow<'d>>,
}

impl Coverage<'_> {
    /// The coverage list flattened for a spreadsheet: one row per target and covering
    /// assignment (a target nobody covers has one row with empty assignment cells), in the
    /// list's order.
    #[must_use]
    pub fn table(&self) -> crate::report::Table {
        use crate::report::CellKind::{Boolean, Date, Text};
        use serde_json::Value;
        let mut t = crate::report::Table::new(&[
            ("at", Date),
            ("scheme", Text),
            ("district_code", Text),
            ("district_name", Text),
            ("code", Text),
            ("name", Text),
            ("covered", Boolean),
            ("assignment_id", Text),
            ("subject_id", Text),
            ("subject_name", Text),
            ("subject_title", Text),
            ("valid_from", Date),
            ("valid_to", Date),
            ("decision_number", Text),
        ]);
        let text = |s: Option<&str>| s.map_or(Value::Null, |s| Value::String(s.to_owned()));
        let day = |d: Option<NaiveDate>| d.map_or(Value::Null, |d| Value::String(d.to_string()));
        for row in &self.rows {
            let head = vec![
                day(Some(self.at)),
                Value::String(self.scheme.clone()),
                text(row.district_code),
                text(row.district_name),
                Value::String(row.code.to_owned()),
                Value::String(row.name.to_owned()),
                Value::Bool(row.covered),
            ];
            if row.assignments.is_empty() {
                let mut cells = head.clone();
                cells.extend(std::iter::repeat_n(Value::Null, 7));
                t.rows.push(cells);
            }
            for a in &row.assignments {
                let mut cells = head.clone();
                cells.extend([
                    Value::String(a.id.to_owned()),
                    Value::String(a.subject_id.to_owned()),
                    text(a.subject_name),
                    text(a.subject_title),
                    day(Some(a.valid_from)),
                    day(a.valid_to),
                    text(a.decision_number),
                ]);
                t.rows.push(cells);
            }
        }
        t
    }
}

/// A target in scope: code, name, type, (district code, district name).
type TargetRow<'d> = (
    &'d str,
    &'d str,
    Option<UnitType>,
    Option<(&'d str, &'d str)>,
);

impl<'d> Index<'d> {
    /// An assignment with names resolved; the subject's title is the one held on `day`.
    #[must_use]
    pub fn view(&self, a: &'d Assignment, day: Option<NaiveDate>) -> AssignmentView<'d> {
        let on = day.unwrap_or(a.valid_from);
        let posts = self.posts(&a.subject_id);
        let title = posts
            .iter()
            .find(|p| p.validity().contains(on))
            .or(posts.first())
            .map(|p| p.title.as_str());
        AssignmentView {
            id: &a.id,
            scheme: &a.scheme,
            subject_id: &a.subject_id,
            subject_name: self.subject_name(&a.subject_id),
            subject_title: title,
            target: &a.target,
            target_name: self
                .unit_near(&a.target, Some(on))
                .map(|u| u.name.as_str())
                .or_else(|| self.organization(&a.target).map(|o| o.name.as_str())),
            valid_from: a.valid_from,
            valid_to: a.valid_to,
            end_reason: a.end_reason,
            decision_number: a.decision_number.as_deref(),
            decision_date: a.decision_date,
            replaces: a.replaces.as_deref(),
        }
    }

    /// Whether an assignment counts as covering its target on `day` (which it includes): when
    /// the scheme requires eligible tenure, only while its subject holds a qualifying post.
    fn counts_on(&self, scheme: &crate::profile::Scheme, a: &Assignment, day: NaiveDate) -> bool {
        let known = match scheme.subject.value.kind {
            crate::profile::SubjectKind::Person => !self.posts(&a.subject_id).is_empty(),
            crate::profile::SubjectKind::Organization => self.organization(&a.subject_id).is_some(),
        };
        !scheme.eligible_tenure.value
            || !known
            || crate::engine::qualifying_periods(self, scheme, &a.subject_id)
                .iter()
                .any(|q| q.contains(day))
    }

    /// Every assignment (of any scheme) on `target` that includes `day`, by scheme and id.
    ///
    /// ```
    /// let ds = diaban::Dataset::demo();
    /// let index = diaban::Index::new(&ds);
    /// let who = index.who_monitors("01954", diaban::date!(2024, 10, 1));
    /// assert_eq!(who[0].subject_name, Some("Hà Sỹ Thắng"));
    /// ```
    #[must_use]
    pub fn who_monitors(&self, target: &str, day: NaiveDate) -> Vec<AssignmentView<'d>> {
        self.schemes()
            .flat_map(|s| self.assignments_on(s, target, day))
            .map(|a| self.view(a, Some(day)))
            .collect()
    }

    /// Every assignment (of any scheme) held by `subject` that includes `day`.
    #[must_use]
    pub fn monitored_by(&self, subject: &str, day: NaiveDate) -> Vec<AssignmentView<'d>> {
        self.schemes()
            .flat_map(|s| self.assignments_of_subject(s, subject).iter().copied())
            .filter(|a| a.period().contains(day))
            .map(|a| self.view(a, Some(day)))
            .collect()
    }

    /// Every assignment ever made on `target`, by start date (then id).
    #[must_use]
    pub fn history(&self, target: &str) -> Vec<AssignmentView<'d>> {
        let mut list: Vec<&Assignment> = self
            .schemes()
            .flat_map(|s| self.assignments_of_target(s, target).iter().copied())
            .collect();
        list.sort_by(|x, y| {
            x.valid_from
                .cmp(&y.valid_from)
                .then_with(|| x.id.cmp(&y.id))
        });
        list.into_iter().map(|a| self.view(a, None)).collect()
    }

    /// The coverage table of a scheme on a day: every target in scope, covered or not.
    /// With `scheme = None`, the profile's first scheme that has a coverage rule.
    pub fn coverage(
        &self,
        profile: &Profile,
        scheme: Option<&str>,
        day: NaiveDate,
    ) -> Result<Coverage<'d>> {
        let scheme = match scheme {
            Some(id) => profile.scheme(id)?,
            None => profile
                .schemes
                .iter()
                .find(|s| s.coverage.is_some())
                .or(profile.schemes.first())
                .ok_or_else(|| {
                    crate::Error::invalid_argument(
                        "scheme",
                        crate::error::Msg::new(
                            "hồ sơ quy định không có hình thức phân công nào",
                            "the profile has no schemes",
                        ),
                    )
                })?,
        };
        let mut targets: Vec<TargetRow<'d>> = Vec::new();
        if scheme.target.value.kind == TargetKind::Unit && !scheme.target.value.designated_only {
            for u in &self.dataset.units {
                if unit_in_scope(scheme, u) && u.validity().contains(day) {
                    let district = self
                        .district_of(&u.code, Some(day))
                        .filter(|d| d.code != u.code);
                    targets.push((
                        &u.code,
                        &u.name,
                        Some(u.unit_type),
                        district.map(|d| (d.code.as_str(), d.name.as_str())),
                    ));
                }
            }
        } else {
            for (t, _) in self.targets(&scheme.id) {
                let unit = self.unit_at(t, day);
                let name = unit
                    .map(|u| u.name.as_str())
                    .or_else(|| self.organization(t).map(|o| o.name.as_str()));
                let district = unit
                    .and_then(|u| self.district_of(&u.code, Some(day)))
                    .filter(|d| d.code != t);
                targets.push((
                    t,
                    name.unwrap_or(t),
                    unit.map(|u| u.unit_type),
                    district.map(|d| (d.code.as_str(), d.name.as_str())),
                ));
            }
        }
        // One row per code (two versions of a code in force on the day give one row), then
        // the order a reader expects: by district, then by name, in Vietnamese collation.
        targets.sort();
        targets.dedup_by(|a, b| a.0 == b.0);
        targets.sort_by(|x, y| {
            cmp_vi_opt(x.3.map(|d| d.1), y.3.map(|d| d.1))
                .then_with(|| x.3.map(|d| d.0).cmp(&y.3.map(|d| d.0)))
                .then_with(|| cmp_vi(x.1, y.1))
                .then_with(|| x.0.cmp(y.0))
        });
        let rows: Vec<CoverageRow<'d>> = targets
            .into_iter()
            .map(|(code, name, unit_type, district)| {
                // A monitor counts only on the days their post makes them eligible, as in
                // `check` (coverage_gap): a subject the dataset does not know still counts.
                let assignments: Vec<AssignmentView<'d>> = self
                    .assignments_on(&scheme.id, code, day)
                    .into_iter()
                    .filter(|a| self.counts_on(scheme, a, day))
                    .map(|a| self.view(a, Some(day)))
                    .collect();
                let (district_code, district_name) = district.unzip();
                CoverageRow {
                    covered: !assignments.is_empty(),
                    code,
                    name,
                    unit_type,
                    district_code,
                    district_name,
                    assignments,
                }
            })
            .collect();
        let covered = rows.iter().filter(|r| r.covered).count();
        Ok(Coverage {
            scheme: scheme.id.clone(),
            at: day,
            covered,
            uncovered: rows.len() - covered,
            rows,
        })
    }
}
