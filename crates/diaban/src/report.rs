//! The yearly compliance report (`diaban report --year Y`): per assignment, activities by
//! kind against what was required, proposals, the evaluation and its status; roll-ups per
//! district and per agency; and the rural-development programme's contributions.
//!
//! Each assignment-year is judged by [`crate::duties`]' own function, over the days the
//! regulation judges, so the report and the findings agree by construction.

use crate::duties::{judge_year, judged_years, ActivityIndex};
use crate::index::Index;
use crate::model::{ActivityKind, Assignment, ContributionKind, Rating};
use crate::period::Period;
use crate::profile::{Profile, Scheme};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

pub use crate::duties::{DutyRow, EvaluationState, EvaluationStatus};

/// One assignment in the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssignmentYear {
    /// Assignment id.
    pub assignment_id: String,
    /// Scheme.
    pub scheme: String,
    /// Subject id.
    pub subject_id: String,
    /// Subject's name.
    pub subject_name: Option<String>,
    /// The subject's agency (the organisation of their post on the last assigned day of the year).
    pub agency_id: Option<String>,
    /// The agency's name.
    pub agency_name: Option<String>,
    /// Target.
    pub target: String,
    /// Target's name.
    pub target_name: Option<String>,
    /// District code of the target.
    pub district_code: Option<String>,
    /// District name of the target.
    pub district_name: Option<String>,
    /// The days of the year the regulation judges for this assignment (in force, in its
    /// territory).
    pub period: Period,
    /// How many days.
    pub days: i64,
    /// Duties, in profile order.
    pub duties: Vec<DutyRow>,
    /// Proposals made in the year.
    pub proposals: u32,
    /// The evaluation.
    pub evaluation: EvaluationStatus,
    /// True when some duty is not met or the evaluation is missing, late or rated unfulfilled.
    pub shortfall: bool,
}

/// Counts for a group of assignments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Rollup {
    /// District code or agency id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Assignments in the year.
    pub assignments: usize,
    /// Of which with a shortfall.
    pub with_shortfall: usize,
    /// Of which with a missing evaluation.
    pub evaluations_missing: usize,
    /// Evaluations by rating.
    pub ratings: BTreeMap<Rating, usize>,
}

/// A proposal made to a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposalRow {
    /// Activity id.
    pub id: String,
    /// Day.
    pub date: NaiveDate,
    /// Who proposed.
    pub subject_id: String,
    /// Their name.
    pub subject_name: Option<String>,
    /// About which unit.
    pub target: String,
    /// To whom.
    pub recipient: Option<String>,
    /// What.
    pub note: Option<String>,
}

/// Totals of contributions of one kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Number of contribution records.
    pub records: u64,
    /// Sum of quantities.
    pub quantity: u64,
    /// Sum of values in đồng (records without a value count as 0).
    pub value_vnd: u64,
}

/// Contributions of one agency, commune or year, by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContributionTotals {
    /// Agency id, commune code or year.
    pub id: String,
    /// Its name.
    pub name: String,
    /// By contribution kind.
    pub by_kind: BTreeMap<ContributionKind, Totals>,
}

/// The rural-development programme's contributions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Programme {
    /// Per helping agency, in the year.
    pub by_agency: Vec<ContributionTotals>,
    /// Per commune, in the year.
    pub by_commune: Vec<ContributionTotals>,
    /// Per year, every year recorded.
    pub by_year: Vec<ContributionTotals>,
}

/// The yearly report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearReport {
    /// The year.
    pub year: i32,
    /// The day deadlines were judged against.
    pub today: Option<NaiveDate>,
    /// The regulation.
    pub regulation: String,
    /// Every assignment of a scheme with duties that the regulation judges in the year, by
    /// scheme, district, target.
    pub assignments: Vec<AssignmentYear>,
    /// Roll-up per district.
    pub districts: Vec<Rollup>,
    /// Roll-up per agency.
    pub agencies: Vec<Rollup>,
    /// Proposals made in the year.
    pub proposals: Vec<ProposalRow>,
    /// The programme's contributions.
    pub programme: Programme,
}

fn add(
    totals: &mut BTreeMap<ContributionKind, Totals>,
    kind: ContributionKind,
    quantity: Option<u64>,
    value: Option<u64>,
) {
    let t = totals.entry(kind).or_default();
    t.records = t.records.saturating_add(1);
    t.quantity = t.quantity.saturating_add(quantity.unwrap_or(0));
    t.value_vnd = t.value_vnd.saturating_add(value.unwrap_or(0));
}

impl<'d> Index<'d> {
    /// The yearly report for `year`, with deadlines judged against `today`.
    ///
    /// Fails with an invalid-argument error for a year outside 1 to 9999 (there is no such
    /// calendar year to report on).
    ///
    /// ```
    /// let ds = diaban::Dataset::demo();
    /// let index = diaban::Index::new(&ds);
    /// let report = index.year_report(&diaban::Profile::bac_kan_1390(), 2023, Some(diaban::date!(2026, 1, 1))).unwrap();
    /// let si_binh = report.programme.by_commune.iter().find(|c| c.id == "01978").unwrap();
    /// assert_eq!(si_binh.by_kind[&diaban::ContributionKind::Bicycles].quantity, 56);
    /// ```
    pub fn year_report(
        &self,
        profile: &Profile,
        year: i32,
        today: Option<NaiveDate>,
    ) -> crate::Result<YearReport> {
        let the_year = Period::year(year).ok_or_else(|| {
            crate::Error::invalid_argument(
                "year",
                format!("{year} is not a calendar year between 1 and 9999"),
            )
        })?;
        let activities = ActivityIndex::new(self.dataset);
        let jurisdiction = crate::roles::Jurisdiction::new(self, profile);
        let mut rows: Vec<AssignmentYear> = Vec::new();
        let mut evals: BTreeMap<(&str, i32), Vec<&crate::model::Evaluation>> = BTreeMap::new();
        for e in &self.dataset.evaluations {
            evals
                .entry((e.assignment_id.as_str(), e.year))
                .or_default()
                .push(e);
        }
        // The same year parts and the same judgement as the rules (`duties::judge_year`).
        let until = the_year.to.unwrap_or(the_year.from);
        for scheme in profile.schemes.iter().filter(|s| !s.duties.is_empty()) {
            for a in self
                .dataset
                .assignments
                .iter()
                .filter(|a| a.scheme == scheme.id && !a.period().is_inverted())
            {
                let Some(part) = judged_years(self, &jurisdiction, scheme, a, until)
                    .into_iter()
                    .find(|(y, _)| *y == year)
                    .map(|(_, p)| p)
                else {
                    continue;
                };
                let found = evals
                    .get(&(a.id.as_str(), year))
                    .map_or(&[][..], Vec::as_slice);
                let j = judge_year(
                    scheme,
                    a,
                    year,
                    part,
                    &activities,
                    found,
                    today,
                    jurisdiction.life.to,
                );
                rows.push(self.assignment_year(scheme, a, &j, &activities));
            }
        }
        rows.sort_by(|x, y| {
            (
                x.scheme.as_str(),
                x.district_code.as_deref(),
                x.target.as_str(),
                x.period.from,
                x.assignment_id.as_str(),
            )
                .cmp(&(
                    y.scheme.as_str(),
                    y.district_code.as_deref(),
                    y.target.as_str(),
                    y.period.from,
                    y.assignment_id.as_str(),
                ))
        });
        let rollup = |key: &dyn Fn(&AssignmentYear) -> Option<(String, String)>| -> Vec<Rollup> {
            let mut map: BTreeMap<String, Rollup> = BTreeMap::new();
            for r in &rows {
                let Some((id, name)) = key(r) else { continue };
                let e = map.entry(id.clone()).or_insert_with(|| Rollup {
                    id,
                    name,
                    ..Rollup::default()
                });
                e.assignments += 1;
                e.with_shortfall += usize::from(r.shortfall);
                e.evaluations_missing +=
                    usize::from(r.evaluation.status == EvaluationState::Missing);
                if let Some(rating) = r.evaluation.rating {
                    *e.ratings.entry(rating).or_default() += 1;
                }
            }
            map.into_values().collect()
        };
        let districts = rollup(&|r| {
            Some((
                r.district_code.clone()?,
                r.district_name.clone().unwrap_or_default(),
            ))
        });
        let agencies = rollup(&|r| {
            Some((
                r.agency_id.clone()?,
                r.agency_name.clone().unwrap_or_default(),
            ))
        });

        let mut proposals: Vec<ProposalRow> = self
            .dataset
            .activities
            .iter()
            .filter(|a| a.kind == ActivityKind::Proposal && the_year.contains(a.date))
            .map(|a| ProposalRow {
                id: a.id.clone(),
                date: a.date,
                subject_id: a.subject_id.clone(),
                subject_name: self.subject_name(&a.subject_id).map(str::to_owned),
                target: a.target.clone(),
                recipient: a.recipient.clone(),
                note: a.note.clone(),
            })
            .collect();
        proposals.sort_by(|x, y| (x.date, &x.id).cmp(&(y.date, &y.id)));

        let mut by_agency: BTreeMap<String, BTreeMap<ContributionKind, Totals>> = BTreeMap::new();
        let mut by_commune: BTreeMap<String, BTreeMap<ContributionKind, Totals>> = BTreeMap::new();
        let mut by_year: BTreeMap<i32, BTreeMap<ContributionKind, Totals>> = BTreeMap::new();
        for a in self
            .dataset
            .activities
            .iter()
            .filter(|a| a.kind == ActivityKind::Contribution)
        {
            let Some(kind) = a.contribution else { continue };
            add(
                by_year.entry(chrono::Datelike::year(&a.date)).or_default(),
                kind,
                a.quantity,
                a.value_vnd,
            );
            if the_year.contains(a.date) {
                add(
                    by_agency.entry(a.subject_id.clone()).or_default(),
                    kind,
                    a.quantity,
                    a.value_vnd,
                );
                add(
                    by_commune.entry(a.target.clone()).or_default(),
                    kind,
                    a.quantity,
                    a.value_vnd,
                );
            }
        }
        let name_of = |id: &str| {
            self.subject_name(id)
                .map(str::to_owned)
                .or_else(|| self.unit_near(id, None).map(|u| u.name.clone()))
                .unwrap_or_else(|| id.to_owned())
        };
        let programme = Programme {
            by_agency: by_agency
                .into_iter()
                .map(|(id, by_kind)| ContributionTotals {
                    name: name_of(&id),
                    id,
                    by_kind,
                })
                .collect(),
            by_commune: by_commune
                .into_iter()
                .map(|(id, by_kind)| ContributionTotals {
                    name: name_of(&id),
                    id,
                    by_kind,
                })
                .collect(),
            by_year: by_year
                .into_iter()
                .map(|(y, by_kind)| ContributionTotals {
                    id: y.to_string(),
                    name: y.to_string(),
                    by_kind,
                })
                .collect(),
        };
        Ok(YearReport {
            year,
            today,
            regulation: profile.regulation.number.clone(),
            assignments: rows,
            districts,
            agencies,
            proposals,
            programme,
        })
    }

    fn assignment_year(
        &self,
        scheme: &Scheme,
        a: &Assignment,
        j: &crate::duties::YearJudgement,
        activities: &ActivityIndex<'_>,
    ) -> AssignmentYear {
        let part = j.part;
        let proposals = activities.count(&a.subject_id, &a.target, ActivityKind::Proposal, &part);
        let last_day = part.to.unwrap_or(part.from);
        let agency = self
            .posts(&a.subject_id)
            .iter()
            .filter(|p| p.validity().contains(last_day))
            .filter_map(|p| self.organization(&p.organization_id))
            .find(|o| {
                scheme.subject.value.organization_kinds.is_empty()
                    || scheme.subject.value.organization_kinds.contains(&o.kind)
            })
            .or_else(|| {
                self.posts(&a.subject_id)
                    .first()
                    .and_then(|p| self.organization(&p.organization_id))
            });
        let district = self
            .district_of(&a.target, Some(last_day))
            .filter(|d| d.code != a.target);
        let shortfall = j.shortfall();
        AssignmentYear {
            assignment_id: a.id.clone(),
            scheme: scheme.id.clone(),
            subject_id: a.subject_id.clone(),
            subject_name: self.subject_name(&a.subject_id).map(str::to_owned),
            agency_id: agency.map(|o| o.id.clone()),
            agency_name: agency.map(|o| o.name.clone()),
            target: a.target.clone(),
            target_name: self
                .unit_near(&a.target, Some(last_day))
                .map(|u| u.name.clone())
                .or_else(|| self.organization(&a.target).map(|o| o.name.clone())),
            district_code: district.map(|d| d.code.clone()),
            district_name: district.map(|d| d.name.clone()),
            period: part,
            days: j.days,
            duties: j.duties.clone(),
            proposals,
            evaluation: j.evaluation.clone(),
            shortfall,
        }
    }
}
