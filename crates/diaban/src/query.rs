//! Questions about a dataset: who monitors a unit, what a person monitors, the coverage
//! table of a scheme on a day, and a unit's assignment history.

use crate::error::Result;
use crate::index::Index;
use crate::model::{Assignment, EndReason};
use crate::profile::{Profile, TargetKind};
use crate::validate::unit_in_scope;
use chrono::NaiveDate;
use serde::Serialize;

/// An assignment with the names a reader needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssignmentView {
    /// Assignment id.
    pub id: String,
    /// Scheme id.
    pub scheme: String,
    /// Subject (person or organisation) id.
    pub subject_id: String,
    /// Subject's name, if known.
    pub subject_name: Option<String>,
    /// The subject's post title on the day asked about (or at the assignment's start).
    pub subject_title: Option<String>,
    /// Target (unit code or organisation id).
    pub target: String,
    /// Target's name, if known.
    pub target_name: Option<String>,
    /// First day.
    pub valid_from: NaiveDate,
    /// Last day, if ended.
    pub valid_to: Option<NaiveDate>,
    /// Why it ended.
    pub end_reason: Option<EndReason>,
    /// Deciding document.
    pub decision_number: Option<String>,
    /// Day the decision was signed.
    pub decision_date: Option<NaiveDate>,
    /// The assignment it replaces.
    pub replaces: Option<String>,
}

/// One row of a coverage table: a target in scope and who covers it on the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverageRow {
    /// Unit code (or organisation id).
    pub code: String,
    /// Name.
    pub name: String,
    /// GSO type (for units).
    #[serde(rename = "type")]
    pub unit_type: Option<String>,
    /// District code, for communes.
    pub district_code: Option<String>,
    /// District name, for communes.
    pub district_name: Option<String>,
    /// True when at least one assignment covers it on the day.
    pub covered: bool,
    /// The assignments covering it on the day.
    pub assignments: Vec<AssignmentView>,
}

/// The coverage table of a scheme on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Scheme id.
    pub scheme: String,
    /// The day.
    pub at: NaiveDate,
    /// Targets covered.
    pub covered: usize,
    /// Targets not covered.
    pub uncovered: usize,
    /// One row per target in scope, by code.
    pub rows: Vec<CoverageRow>,
}

/// A target in scope: code, name, type, (district code, district name).
type TargetRow = (String, String, Option<String>, Option<(String, String)>);

impl<'d> Index<'d> {
    /// An assignment with names resolved; the subject's title is the one held on `day`.
    #[must_use]
    pub fn view(&self, a: &Assignment, day: Option<NaiveDate>) -> AssignmentView {
        let on = day.unwrap_or(a.valid_from);
        let posts = self.posts(&a.subject_id);
        let title = posts
            .iter()
            .find(|p| p.validity().contains(on))
            .or(posts.first())
            .map(|p| p.title.clone());
        AssignmentView {
            id: a.id.clone(),
            scheme: a.scheme.clone(),
            subject_id: a.subject_id.clone(),
            subject_name: self.subject_name(&a.subject_id).map(str::to_owned),
            subject_title: title,
            target: a.target.clone(),
            target_name: self
                .unit_near(&a.target, Some(on))
                .map(|u| u.name.clone())
                .or_else(|| self.organization(&a.target).map(|o| o.name.clone())),
            valid_from: a.valid_from,
            valid_to: a.valid_to,
            end_reason: a.end_reason,
            decision_number: a.decision_number.clone(),
            decision_date: a.decision_date,
            replaces: a.replaces.clone(),
        }
    }

    /// Every assignment (of any scheme) on `target` that includes `day`, by scheme and id.
    ///
    /// ```
    /// let ds = diaban::Dataset::demo();
    /// let index = diaban::Index::new(&ds);
    /// let who = index.who_monitors("01954", diaban::date(2024, 10, 1));
    /// assert_eq!(who[0].subject_name.as_deref(), Some("Hà Sỹ Thắng"));
    /// ```
    #[must_use]
    pub fn who_monitors(&self, target: &str, day: NaiveDate) -> Vec<AssignmentView> {
        self.schemes()
            .flat_map(|s| self.assignments_on(s, target, day))
            .map(|a| self.view(a, Some(day)))
            .collect()
    }

    /// Every assignment (of any scheme) held by `subject` that includes `day`.
    #[must_use]
    pub fn monitored_by(&self, subject: &str, day: NaiveDate) -> Vec<AssignmentView> {
        self.schemes()
            .flat_map(|s| self.assignments_of_subject(s, subject).iter().copied())
            .filter(|a| a.period().contains(day))
            .map(|a| self.view(a, Some(day)))
            .collect()
    }

    /// Every assignment ever made on `target`, by start date (then id).
    #[must_use]
    pub fn history(&self, target: &str) -> Vec<AssignmentView> {
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
    ) -> Result<Coverage> {
        let scheme = match scheme {
            Some(id) => profile.scheme(id)?,
            None => profile
                .schemes
                .iter()
                .find(|s| s.coverage.is_some())
                .or(profile.schemes.first())
                .ok_or_else(|| {
                    crate::Error::invalid_argument("scheme", "the profile has no schemes")
                })?,
        };
        let mut targets: Vec<TargetRow> = Vec::new();
        if scheme.target.value.kind == TargetKind::Unit && !scheme.target.value.designated_only {
            for u in &self.dataset.units {
                if unit_in_scope(scheme, u) && u.validity().contains(day) {
                    let district = self
                        .district_of(&u.code, Some(day))
                        .filter(|d| d.code != u.code);
                    targets.push((
                        u.code.clone(),
                        u.name.clone(),
                        Some(u.unit_type.to_string()),
                        district.map(|d| (d.code.clone(), d.name.clone())),
                    ));
                }
            }
        } else {
            for (t, _) in self.targets(&scheme.id) {
                let unit = self.unit_at(t, day);
                let name = unit
                    .map(|u| u.name.clone())
                    .or_else(|| self.organization(t).map(|o| o.name.clone()));
                let district = unit
                    .and_then(|u| self.district_of(&u.code, Some(day)))
                    .filter(|d| d.code != t);
                targets.push((
                    t.to_owned(),
                    name.unwrap_or_else(|| t.to_owned()),
                    unit.map(|u| u.unit_type.to_string()),
                    district.map(|d| (d.code.clone(), d.name.clone())),
                ));
            }
        }
        targets.sort();
        targets.dedup_by(|a, b| a.0 == b.0);
        let rows: Vec<CoverageRow> = targets
            .into_iter()
            .map(|(code, name, unit_type, district)| {
                let assignments: Vec<AssignmentView> = self
                    .assignments_on(&scheme.id, &code, day)
                    .into_iter()
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
