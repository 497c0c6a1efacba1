//! The dataset's reorganisations as the rules see them: which reorganisation ended which
//! version of a unit code, when, on what legal basis and into which units. Shared, read-only
//! knowledge of the rule families (it emits no finding): the `reorganisation` family reports
//! records that outlive a unit; the `term_scope` family cites the reform that cut a congress
//! term short or ended the regulation's issuer, in the finding it emits itself.

use crate::engine::{unit_of_organization, Ctx};
use crate::model::Dataset;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// The end of one version of a code by a reorganisation.
pub(super) struct End {
    pub(super) effective: NaiveDate,
    pub(super) basis: Option<String>,
    pub(super) successors: Vec<String>,
}

impl End {
    pub(super) fn day_before(&self) -> NaiveDate {
        self.effective.pred_opt().unwrap_or(self.effective)
    }
}

/// The legal bases and the successor codes of one end.
type BasisAndSuccessors = (Vec<String>, Vec<String>);

/// Ends and starts of codes by the dataset's reorganisations.
pub(super) struct Ends<'d> {
    ends: HashMap<&'d str, Vec<End>>,
    starts: HashMap<&'d str, Vec<NaiveDate>>,
}

impl<'d> Ends<'d> {
    pub(super) fn new(ds: &'d Dataset) -> Ends<'d> {
        let mut grouped: HashMap<&str, BTreeMap<NaiveDate, BasisAndSuccessors>> = HashMap::new();
        let mut starts: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
        for e in &ds.reorganizations {
            let slot = grouped
                .entry(e.old_code.as_str())
                .or_default()
                .entry(e.effective)
                .or_default();
            slot.0.extend(e.basis.as_deref().map(str::to_owned));
            slot.1.extend(e.new_code.as_deref().map(str::to_owned));
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

    pub(super) fn of(&self, code: &str) -> &[End] {
        self.ends.get(code).map_or(&[], Vec::as_slice)
    }

    /// The reorganisation that ends the version of `code` in force on `day`.
    pub(super) fn after(&self, code: &str, day: NaiveDate) -> Option<&End> {
        self.of(code).iter().find(|e| e.effective > day)
    }

    /// The last reorganisation of `code` on or before `day`.
    pub(super) fn last_by(&self, code: &str, day: NaiveDate) -> Option<&End> {
        self.of(code).iter().rev().find(|e| e.effective <= day)
    }

    /// True when a new version of `code` starts between `from` and `to` (both inclusive).
    pub(super) fn restarted(&self, code: &str, from: NaiveDate, to: NaiveDate) -> bool {
        self.starts
            .get(code)
            .is_some_and(|s| s.iter().any(|d| from <= *d && *d <= to))
    }

    /// The reorganisation after which a record on `code` dated `day` has no unit: the last one
    /// by then, unless a new unit took the code since.
    pub(super) fn gone(&self, code: &str, day: NaiveDate) -> Option<&End> {
        self.last_by(code, day)
            .filter(|e| !self.restarted(code, e.effective, day))
    }
}

/// A reform explaining a finding that starts on its effective day, as
/// [`Draft::cites_reform`](crate::engine::Draft::cites_reform) takes it: the reorganised unit
/// and the reform's legal basis.
type Cited = (String, String);

impl Ends<'_> {
    /// The reorganisation of the unit the organisation `body` belongs to that took effect on
    /// `day`, when it has a legal basis: a term of `body` found broken from `day` on was cut
    /// short by it.
    pub(super) fn ended_body_on(
        &self,
        ctx: &Ctx<'_, '_>,
        body: &str,
        day: NaiveDate,
    ) -> Option<Cited> {
        let unit = unit_of_organization(ctx.index, body)?;
        let end = self.of(unit).iter().find(|e| e.effective == day)?;
        Some((unit.to_owned(), end.basis.clone()?))
    }

    /// The reorganisation that ended the regulation's issuer (its unit) on the regulation's
    /// last day (`in_force_until`), if it took effect on `day` and has a legal basis.
    pub(super) fn ended_issuer_on(&self, ctx: &Ctx<'_, '_>, day: NaiveDate) -> Option<Cited> {
        let issuer = ctx.roles.issuer(ctx.profile.regulation.effective).ok()?;
        let unit = unit_of_organization(ctx.index, &issuer.id)?;
        let lapse = ctx.profile.regulation.in_force_until?;
        let end = self.of(unit).iter().find(|e| e.day_before() == lapse)?;
        (end.effective == day).then_some(())?;
        Some((unit.to_owned(), end.basis.clone()?))
    }
}
