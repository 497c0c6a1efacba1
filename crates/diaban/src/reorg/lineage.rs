//! Lineage: what a unit came from and what it became, transitively across reforms.

use crate::model::{Dataset, Part, ReorganizationEdge, Unit};
use crate::period::Period;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{HashMap, HashSet, VecDeque};

/// Lineage lookups over reorganisation edges, built once in linear time.
///
/// A unit is named by a code *and* a day: `01843` on 2024-10-01 is Phường Phùng Chí Kiên,
/// `01843` on 2025-07-01 is Phường Bắc Kạn, a different unit that reuses the code.
///
/// ```
/// use diaban::{date, reorg::{self, Lineage}};
/// let (after, _) = reorg::apply(&diaban::Dataset::demo(), &reorg::bac_kan_2025()).unwrap();
/// let lineage = Lineage::new(&after);
/// let before: Vec<_> = lineage.predecessors("01843", date!(2025, 7, 1)).into_iter().filter_map(|s| s.code).collect();
/// assert_eq!(before, ["01837", "01843", "01852", "01855"]);
/// let next = lineage.successors("01843", date!(2024, 10, 1));
/// assert_eq!(next[0].name.as_deref(), Some("Phường Bắc Kạn"));
/// ```
#[derive(Debug)]
pub struct Lineage<'d> {
    by_old: HashMap<&'d str, Vec<&'d ReorganizationEdge>>,
    by_new: HashMap<&'d str, Vec<&'d ReorganizationEdge>>,
    units: HashMap<&'d str, Vec<&'d Unit>>,
}

/// One unit reached by following edges from the unit asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LineageStep {
    /// The unit's code; `None` when the edge abolished the unit it comes from.
    pub code: Option<String>,
    /// Its name, when known (from the dataset's units, or from the edge for a new unit).
    pub name: Option<String>,
    /// First day of this version of the code, when known.
    pub valid_from: Option<NaiveDate>,
    /// Last day of this version, when known.
    pub valid_to: Option<NaiveDate>,
    /// The code this step is reached from (one step closer to the unit asked about).
    pub via: String,
    /// The effective day of the edge.
    pub effective: NaiveDate,
    /// Whole, partial or abolished.
    pub part: Part,
    /// The edge's legal basis.
    pub basis: Option<String>,
    /// 1 for a direct predecessor or successor, 2 for the next reform, and so on.
    pub depth: usize,
}

/// The lineage of one unit (a code on a day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LineageReport {
    /// The code asked about.
    pub code: String,
    /// Its name on the day, when known.
    pub name: Option<String>,
    /// The day asked about; `None` for the version whose start is not recorded (see
    /// [`Lineage::versions`]).
    pub at: Option<NaiveDate>,
    /// First day of this version of the code, when known.
    pub valid_from: Option<NaiveDate>,
    /// Last day of this version, when known.
    pub valid_to: Option<NaiveDate>,
    /// Every unit it came from, nearest first.
    pub predecessors: Vec<LineageStep>,
    /// Every unit it became, nearest first.
    pub successors: Vec<LineageStep>,
}

impl<'d> Lineage<'d> {
    /// The lineage of a dataset: its `reorganizations`, with names from its `units`.
    #[must_use]
    pub fn new(dataset: &'d Dataset) -> Lineage<'d> {
        Lineage::with_edges(&dataset.units, &dataset.reorganizations)
    }

    /// The lineage of any edges, with names from `units`.
    pub fn with_edges(
        units: &'d [Unit],
        edges: impl IntoIterator<Item = &'d ReorganizationEdge>,
    ) -> Lineage<'d> {
        let mut by_old: HashMap<&str, Vec<&ReorganizationEdge>> = HashMap::new();
        let mut by_new: HashMap<&str, Vec<&ReorganizationEdge>> = HashMap::new();
        let mut seen = HashSet::new();
        for e in edges {
            if !seen.insert((
                e.effective,
                e.old_code.as_str(),
                e.new_code.as_deref(),
                e.part,
            )) {
                continue;
            }
            by_old.entry(e.old_code.as_str()).or_default().push(e);
            if let Some(new) = &e.new_code {
                by_new.entry(new.as_str()).or_default().push(e);
            }
        }
        for list in by_old.values_mut().chain(by_new.values_mut()) {
            list.sort_by(|a, b| {
                (a.effective, &a.old_code, &a.new_code).cmp(&(
                    b.effective,
                    &b.old_code,
                    &b.new_code,
                ))
            });
        }
        let mut by_code: HashMap<&str, Vec<&Unit>> = HashMap::with_capacity(units.len());
        for u in units {
            by_code.entry(u.code.as_str()).or_default().push(u);
        }
        Lineage {
            by_old,
            by_new,
            units: by_code,
        }
    }

    /// True when no edge is known.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_old.is_empty()
    }

    /// The unit version of `code` in force on `day`, ignoring a version that an edge says ended
    /// before (a units table not yet carried over still shows the old unit).
    fn unit_at(&self, code: &str, day: NaiveDate) -> Option<&'d Unit> {
        let start = self.started(code, day);
        self.units.get(code).and_then(|v| {
            v.iter().copied().find(|u| {
                u.validity().contains(day)
                    && start.is_none_or(|start| u.valid_from.is_some_and(|from| from >= start))
            })
        })
    }

    /// The effective day of the edge that started the version of `code` in force on `day`.
    fn started(&self, code: &str, day: NaiveDate) -> Option<NaiveDate> {
        self.by_new
            .get(code)?
            .iter()
            .map(|e| e.effective)
            .filter(|e| *e <= day)
            .max()
    }

    /// The effective day of the edge that ended the version of `code` in force on `day`.
    fn ended(&self, code: &str, day: NaiveDate) -> Option<NaiveDate> {
        self.by_old
            .get(code)?
            .iter()
            .map(|e| e.effective)
            .filter(|e| *e > day)
            .min()
    }

    /// The first and last day of the version of `code` in force on `day`, as far as edges and units tell.
    #[must_use]
    pub fn validity(&self, code: &str, day: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let unit = self.unit_at(code, day);
        let from = self
            .started(code, day)
            .or_else(|| unit.and_then(|u| u.valid_from));
        let to = self
            .ended(code, day)
            .and_then(|e| e.pred_opt())
            .or_else(|| unit.and_then(|u| u.valid_to));
        (from, to)
    }

    /// Every unit the unit `code` in force on `day` became, transitively, nearest first.
    #[must_use]
    pub fn successors(&self, code: &str, day: NaiveDate) -> Vec<LineageStep> {
        let mut out = Vec::new();
        let mut seen: HashSet<(&str, NaiveDate)> = HashSet::new();
        let mut queue: VecDeque<(&str, NaiveDate, usize)> = VecDeque::from([(code, day, 1)]);
        while let Some((c, t, depth)) = queue.pop_front() {
            let Some(effective) = self.ended(c, t) else {
                continue;
            };
            for e in self
                .by_old
                .get(c)
                .into_iter()
                .flatten()
                .filter(|e| e.effective == effective)
            {
                match &e.new_code {
                    Some(new) if seen.insert((new.as_str(), effective)) => {
                        let (valid_from, valid_to) = self.validity(new, effective);
                        out.push(LineageStep {
                            code: Some(new.as_str().to_owned()),
                            name: self
                                .unit_at(new, effective)
                                .map(|u| u.name.as_str().to_owned())
                                .or_else(|| e.new_name.as_deref().map(str::to_owned)),
                            valid_from,
                            valid_to,
                            via: c.to_owned(),
                            effective,
                            part: e.part,
                            basis: e.basis.as_deref().map(str::to_owned),
                            depth,
                        });
                        queue.push_back((new.as_str(), effective, depth + 1));
                    }
                    Some(_) => {}
                    None => out.push(LineageStep {
                        code: None,
                        name: None,
                        valid_from: None,
                        valid_to: None,
                        via: c.to_owned(),
                        effective,
                        part: e.part,
                        basis: e.basis.as_deref().map(str::to_owned),
                        depth,
                    }),
                }
            }
        }
        out
    }

    /// Every unit the unit `code` in force on `day` came from, transitively, nearest first.
    #[must_use]
    pub fn predecessors(&self, code: &str, day: NaiveDate) -> Vec<LineageStep> {
        let mut out = Vec::new();
        let mut seen: HashSet<(&str, NaiveDate)> = HashSet::new();
        let mut queue: VecDeque<(&str, NaiveDate, usize)> = VecDeque::from([(code, day, 1)]);
        while let Some((c, t, depth)) = queue.pop_front() {
            let Some(effective) = self.started(c, t) else {
                continue;
            };
            let Some(before) = effective.pred_opt() else {
                continue;
            };
            for e in self
                .by_new
                .get(c)
                .into_iter()
                .flatten()
                .filter(|e| e.effective == effective)
            {
                let old = e.old_code.as_str();
                if !seen.insert((old, before)) {
                    continue;
                }
                let (valid_from, valid_to) = self.validity(old, before);
                out.push(LineageStep {
                    code: Some(old.to_owned()),
                    name: self
                        .unit_at(old, before)
                        .map(|u| u.name.as_str().to_owned()),
                    valid_from,
                    valid_to,
                    via: c.to_owned(),
                    effective,
                    part: e.part,
                    basis: e.basis.as_deref().map(str::to_owned),
                    depth,
                });
                queue.push_back((old, before, depth + 1));
            }
        }
        out
    }

    /// The whole lineage of the unit `code` in force on `day`.
    #[must_use]
    pub fn report(&self, code: &str, day: NaiveDate) -> LineageReport {
        self.report_version(code, Some(day))
    }

    /// The lineage of the version of `code` in force on `day`, or of its version whose start
    /// is not recorded (`None`: looked up on the earliest day a period can hold).
    fn report_version(&self, code: &str, at: Option<NaiveDate>) -> LineageReport {
        let day = at.unwrap_or(Period::always().from);
        let (valid_from, valid_to) = self.validity(code, day);
        let name = self.unit_at(code, day).map(|u| u.name.clone()).or_else(|| {
            let start = self.started(code, day)?;
            self.by_new
                .get(code)?
                .iter()
                .find(|e| e.effective == start)
                .and_then(|e| e.new_name.clone())
        });
        LineageReport {
            code: code.to_owned(),
            name: name.map(String::from),
            at,
            valid_from,
            valid_to,
            predecessors: self.predecessors(code, day),
            successors: self.successors(code, day),
        }
    }

    /// The lineage of `code` on `day`, or, without a day, of every version the code has had.
    #[must_use]
    pub fn reports(&self, code: &str, day: Option<NaiveDate>) -> Vec<LineageReport> {
        let days = match day {
            Some(d) => vec![Some(d)],
            None => self.versions(code),
        };
        days.into_iter()
            .map(|d| self.report_version(code, d))
            .collect()
    }

    /// The first day of each known version of `code`, or `None` for the version whose start is
    /// not recorded, in order (`None` first): the versions a code has had.
    #[must_use]
    pub fn versions(&self, code: &str) -> Vec<Option<NaiveDate>> {
        let mut days: Vec<Option<NaiveDate>> = self
            .by_new
            .get(code)
            .into_iter()
            .flatten()
            .map(|e| Some(e.effective))
            .collect();
        days.extend(
            self.units
                .get(code)
                .into_iter()
                .flatten()
                .map(|u| u.valid_from),
        );
        let first_end = self
            .by_old
            .get(code)
            .and_then(|v| v.first())
            .map(|e| e.effective);
        if first_end.is_some_and(|end| days.iter().all(|d| d.is_some_and(|d| d >= end))) {
            days.push(None);
        }
        days.sort_unstable();
        days.dedup();
        days
    }
}
