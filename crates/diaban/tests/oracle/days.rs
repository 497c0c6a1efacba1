//! The oracle: for each day of a window, who covers each unit, which units each person holds,
//! who is eligible, which activities fall inside an assignment, which evaluations are due and
//! which duty-years are judged — and from that the set of days each finding should cover, per
//! (code, subject). Deliberately naive: plain loops over days and records, no period algebra
//! and no index of the engine; it reads only the dataset, the profile's parameters and the options.

use chrono::{Datelike, NaiveDate};
use diaban::model::{Assignment, Dataset};
use diaban::profile::{Scheme, SubjectKind};
use diaban::{CheckOptions, Profile};
use std::collections::{BTreeMap, BTreeSet};

/// The first and last day the oracle looks at; open ends stop here, on both sides.
pub const LO: (i32, u32, u32) = (2023, 11, 1);
pub const HI: (i32, u32, u32) = (2026, 6, 30);

pub fn lo() -> NaiveDate {
    NaiveDate::from_ymd_opt(LO.0, LO.1, LO.2).unwrap()
}
pub fn hi() -> NaiveDate {
    NaiveDate::from_ymd_opt(HI.0, HI.1, HI.2).unwrap()
}

/// Findings as days: (code, subject id) → the days concerned, as sorted, disjoint, non-adjacent
/// inclusive ranges (so that two day sets are equal exactly when their range lists are).
pub type DaySets = BTreeMap<(String, String), Vec<(NaiveDate, NaiveDate)>>;

/// Per (code, subject) and day, what a finding should state: the distinct people on a unit, or
/// the distinct units of a person.
pub type Counts = BTreeMap<(String, String), BTreeMap<NaiveDate, BTreeSet<String>>>;

/// Sorted disjoint ranges from ranges in any order (overlapping or adjacent ones merged).
pub fn normalize(mut ranges: Vec<(NaiveDate, NaiveDate)>) -> Vec<(NaiveDate, NaiveDate)> {
    ranges.sort_unstable();
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(ranges.len());
    for (a, b) in ranges {
        match out.last_mut() {
            Some(last) if a <= last.1.succ_opt().unwrap_or(last.1) => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

pub struct Expected {
    pub days: DaySets,
    pub counts: Counts,
    /// Per day, the units in scope of the coverage table and whether an eligible monitor covers them.
    pub covered: BTreeMap<NaiveDate, BTreeMap<String, bool>>,
}

fn within(day: NaiveDate, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    from.is_none_or(|f| f <= day) && to.is_none_or(|t| day <= t)
}

fn runs(a: &Assignment, day: NaiveDate) -> bool {
    a.valid_from <= day && a.valid_to.is_none_or(|t| day <= t)
}

fn inverted(a: &Assignment) -> bool {
    a.valid_to.is_some_and(|t| t < a.valid_from)
}

fn every_day() -> impl Iterator<Item = NaiveDate> {
    lo().iter_days().take_while(|d| *d <= hi())
}

type Tenure = (
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

struct World<'a> {
    ds: &'a Dataset,
    profile: &'a Profile,
    scheme: &'a Scheme,
    at: Option<NaiveDate>,
    judged: Option<NaiveDate>,
    /// Per known person: the (post, organisation) validities of the posts that qualify.
    qualifying: BTreeMap<&'a str, Vec<Tenure>>,
    organizations: BTreeSet<&'a str>,
}

impl<'a> World<'a> {
    fn new(
        ds: &'a Dataset,
        profile: &'a Profile,
        scheme: &'a Scheme,
        options: &CheckOptions,
    ) -> World<'a> {
        let rule = &scheme.subject.value;
        let mut qualifying: BTreeMap<&str, Vec<Tenure>> = BTreeMap::new();
        for post in &ds.people {
            let list = qualifying.entry(post.id.as_str()).or_default();
            if !rule.ranks.is_empty() && !rule.ranks.contains(&post.rank) {
                continue;
            }
            let Some(org) = ds
                .organizations
                .iter()
                .find(|o| o.id == post.organization_id)
            else {
                continue;
            };
            if (!rule.organization_kinds.is_empty() && !rule.organization_kinds.contains(&org.kind))
                || (!rule.levels.is_empty() && !rule.levels.contains(&org.level))
            {
                continue;
            }
            // A post held only while its organisation does not exist never qualifies.
            let start = post.valid_from.max(org.valid_from);
            let end = match (post.valid_to, org.valid_to) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            if start.zip(end).is_some_and(|(s, e)| e < s) {
                continue;
            }
            list.push((post.valid_from, post.valid_to, org.valid_from, org.valid_to));
        }
        World {
            ds,
            profile,
            scheme,
            at: options.at,
            judged: options.today.or(options.at),
            qualifying,
            organizations: ds.organizations.iter().map(|o| o.id.as_str()).collect(),
        }
    }
    /// The view of one day: only that day, and only while the regulation lives (a day viewed
    /// after its end is not judged by it at all).
    fn in_scope(&self, day: NaiveDate) -> bool {
        self.at.is_none_or(|a| {
            a == day
                && self
                    .profile
                    .regulation
                    .in_force_until
                    .is_none_or(|t| a <= t)
        })
    }
    fn in_life(&self, day: NaiveDate) -> bool {
        within(
            day,
            Some(self.profile.regulation.effective),
            self.profile.regulation.in_force_until,
        )
    }
    /// Days the cardinality and record rules judge.
    fn judged_card(&self, day: NaiveDate) -> bool {
        let life_ok = if self.scheme.under_regulation.value {
            self.in_life(day)
        } else {
            self.profile
                .regulation
                .in_force_until
                .is_none_or(|t| day <= t)
        };
        life_ok && self.in_scope(day)
    }
    fn known_person(&self, id: &str) -> bool {
        self.qualifying.contains_key(id)
    }
    fn known_subject(&self, id: &str) -> bool {
        match self.scheme.subject.value.kind {
            SubjectKind::Person => self.known_person(id),
            SubjectKind::Organization => self.organizations.contains(id),
        }
    }
    /// The posts of a person that qualify for the scheme (any day).
    fn qualifying_posts(&self, person: &str) -> &[Tenure] {
        self.qualifying.get(person).map_or(&[], Vec::as_slice)
    }
    fn eligible(&self, person: &str, day: NaiveDate) -> bool {
        self.qualifying_posts(person)
            .iter()
            .any(|(pf, pt, of, ot)| within(day, *pf, *pt) && within(day, *of, *ot))
    }
    /// The assignment counts toward its subject's limit on `day`.
    fn counts_for_subject(&self, a: &Assignment, day: NaiveDate) -> bool {
        if !runs(a, day) {
            return false;
        }
        match (&self.scheme.acting_max_days, a.acting) {
            (Some(cap), true) => {
                let day_number = (day - a.valid_from).num_days() + 1;
                day_number > i64::from(cap.value) && self.judged.is_none_or(|j| day <= j)
            }
            _ => true,
        }
    }
    fn mine(&self) -> Vec<&Assignment> {
        self.ds
            .assignments
            .iter()
            .filter(|a| a.scheme == self.scheme.id && !inverted(a))
            .collect()
    }
}

/// Days found so far, keyed by borrowed (code, subject) so that adding a day allocates little.
type Acc<'a> = BTreeMap<(&'static str, &'a str), Vec<(NaiveDate, NaiveDate)>>;

fn add<'a>(days: &mut Acc<'a>, code: &'static str, subject: &'a str, day: NaiveDate) {
    if day < lo() || day > hi() {
        return;
    }
    let list = days.entry((code, subject)).or_default();
    match list.last_mut() {
        Some(last) if last.1.succ_opt() == Some(day) => last.1 = day,
        _ => list.push((day, day)),
    }
}

/// The expected findings; `probe` are the days whose coverage table is wanted, `yearly` whether
/// to work out duties and evaluations (the slowest part).
pub fn expect(
    ds: &Dataset,
    profile: &Profile,
    options: &CheckOptions,
    probe: &[NaiveDate],
    yearly_rules: bool,
) -> Expected {
    let scheme = profile
        .schemes
        .iter()
        .find(|s| s.id == "commune-monitoring")
        .unwrap();
    let w = World::new(ds, profile, scheme, options);
    let mine = w.mine();
    let mut days = Acc::new();
    let mut counts = Counts::new();
    let mut covered: BTreeMap<NaiveDate, BTreeMap<String, bool>> = BTreeMap::new();
    let target_rule = &scheme.target.value;
    let coverage = scheme.coverage.as_ref().map(|c| c.value);
    let targets: BTreeSet<&str> = mine.iter().map(|a| a.target.as_str()).collect();
    let subjects: BTreeSet<&str> = mine.iter().map(|a| a.subject_id.as_str()).collect();
    let mut pairs: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, a) in mine.iter().enumerate() {
        pairs
            .entry((a.subject_id.as_str(), a.target.as_str()))
            .or_default()
            .push(i);
    }
    let all: Vec<NaiveDate> = every_day().collect();
    // Per record and day: runs, covers its unit, counts toward its subject's limit.
    let run_v: Vec<Vec<bool>> = mine
        .iter()
        .map(|a| all.iter().map(|d| runs(a, *d)).collect())
        .collect();
    let eligible_v: BTreeMap<&str, Vec<bool>> = subjects
        .iter()
        .map(|s| (*s, all.iter().map(|d| w.eligible(s, *d)).collect()))
        .collect();
    let cover_v: Vec<Vec<bool>> = mine
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let free = !scheme.eligible_tenure.value || !w.known_subject(&a.subject_id);
            let eligible = &eligible_v[a.subject_id.as_str()];
            (0..all.len())
                .map(|i| run_v[k][i] && (free || eligible[i]))
                .collect()
        })
        .collect();
    let count_v: Vec<Vec<bool>> = mine
        .iter()
        .map(|a| all.iter().map(|d| w.counts_for_subject(a, *d)).collect())
        .collect();
    let by_target: BTreeMap<&str, Vec<usize>> = targets
        .iter()
        .map(|t| {
            (
                *t,
                (0..mine.len()).filter(|&k| mine[k].target == *t).collect(),
            )
        })
        .collect();
    let by_subject: BTreeMap<&str, Vec<usize>> = subjects
        .iter()
        .map(|s| {
            (
                *s,
                (0..mine.len())
                    .filter(|&k| mine[k].subject_id == *s)
                    .collect(),
            )
        })
        .collect();
    let key = |x: &Assignment| {
        (
            x.valid_from,
            x.valid_to.unwrap_or(NaiveDate::MAX),
            x.id.clone(),
        )
    };
    let keys: Vec<_> = mine.iter().map(|a| key(a)).collect();
    // For each record, the records of the same person on the same target that come before it.
    let earlier_of: Vec<Vec<usize>> = (0..mine.len())
        .map(|k| {
            let a = mine[k];
            pairs[&(a.subject_id.as_str(), a.target.as_str())]
                .iter()
                .copied()
                .filter(|&b| b != k && (keys[b] < keys[k] || (keys[b] == keys[k] && b < k)))
                .collect()
        })
        .collect();
    let empty: Vec<usize> = Vec::new();
    let monitors_of_unit: Vec<&Vec<usize>> = ds
        .units
        .iter()
        .map(|u| by_target.get(u.code.as_str()).unwrap_or(&empty))
        .collect();

    for (i, &day) in all.iter().enumerate() {
        // Coverage: units in scope on the day, and whether an eligible monitor covers them.
        for (ui, u) in ds.units.iter().enumerate() {
            let level_ok = u.code.len() == 5;
            let type_ok =
                target_rule.unit_types.is_empty() || target_rule.unit_types.contains(&u.unit_type);
            if !(level_ok && type_ok && within(day, u.valid_from, u.valid_to)) {
                continue;
            }
            let is_covered = monitors_of_unit[ui].iter().any(|&k| cover_v[k][i]);
            if probe.contains(&day) {
                covered
                    .entry(day)
                    .or_default()
                    .insert(u.code.to_string(), is_covered);
            }
            let in_window = coverage.is_some_and(|c| within(day, Some(c.from), c.to))
                && (!scheme.under_regulation.value || w.in_life(day))
                && w.in_scope(day)
                && scheme.per_target.value.min > 0;
            if in_window && !is_covered {
                let code = if w.judged.is_none_or(|j| day <= j) {
                    "coverage_gap"
                } else {
                    "coverage_ending"
                };
                add(&mut days, code, &u.code, day);
            }
        }
        if !w.judged_card(day) {
            continue;
        }
        // Distinct people per target.
        if let Some(max) = scheme.per_target.value.max {
            for (t, list) in &by_target {
                if list.iter().filter(|&&k| run_v[k][i]).count() <= max as usize {
                    continue;
                }
                let mut people: Vec<&str> = list
                    .iter()
                    .filter(|&&k| run_v[k][i])
                    .map(|&k| mine[k].subject_id.as_str())
                    .collect();
                people.sort_unstable();
                people.dedup();
                if people.len() > max as usize {
                    add(&mut days, "coverage_overlap", t, day);
                    counts
                        .entry(("coverage_overlap".into(), (*t).to_owned()))
                        .or_default()
                        .insert(day, people.iter().map(|x| (*x).to_owned()).collect());
                }
            }
        }
        // Distinct targets per person.
        if let Some(max) = scheme.per_subject.value.max {
            for (s, list) in &by_subject {
                if list.iter().filter(|&&k| count_v[k][i]).count() <= max as usize {
                    continue;
                }
                let mut held: Vec<&str> = list
                    .iter()
                    .filter(|&&k| count_v[k][i])
                    .map(|&k| mine[k].target.as_str())
                    .collect();
                held.sort_unstable();
                held.dedup();
                if held.len() > max as usize {
                    add(&mut days, "assignee_overloaded", s, day);
                    counts
                        .entry(("assignee_overloaded".into(), (*s).to_owned()))
                        .or_default()
                        .insert(day, held.iter().map(|x| (*x).to_owned()).collect());
                }
            }
        }
        // Duplicated records: an earlier record (by start, end, id, then file order) of the
        // same person on the same target runs the same day.
        for (k, a) in mine.iter().enumerate() {
            if !run_v[k][i] {
                continue;
            }
            let earlier = earlier_of[k].iter().any(|&b| run_v[b][i]);
            if earlier {
                add(&mut days, "assignment_duplicated", &a.id, day);
            }
            if a.acting && scheme.acting_max_days.is_some() && count_v[k][i] {
                add(&mut days, "acting_too_long", &a.id, day);
            }
        }
    }

    // Eligibility: every day of the assignment the subject holds no qualifying post (or, when
    // the scheme does not require tenure, never holds one).
    for (k, a) in mine.iter().enumerate() {
        if !w.known_subject(&a.subject_id) {
            continue;
        }
        let never = w.qualifying_posts(&a.subject_id).is_empty();
        if !scheme.eligible_tenure.value && !never {
            continue;
        }
        let eligible = &eligible_v[a.subject_id.as_str()];
        for (i, &day) in all.iter().enumerate() {
            if run_v[k][i] && w.in_scope(day) && !eligible[i] {
                add(&mut days, "ineligible_assignee", &a.id, day);
            }
        }
    }

    // Activities: inside some assignment (any scheme) of the same subject on the same target.
    for act in &ds.activities {
        if !w.in_scope(act.date) {
            continue;
        }
        let known =
            w.known_person(&act.subject_id) || w.organizations.contains(act.subject_id.as_str());
        if !known {
            continue;
        }
        let inside = ds.assignments.iter().any(|a| {
            profile.schemes.iter().any(|s| s.id == a.scheme)
                && a.subject_id == act.subject_id
                && a.target == act.target
                && !inverted(a)
                && runs(a, act.date)
        });
        if !inside {
            add(&mut days, "activity_outside_assignment", &act.id, act.date);
        }
    }

    if yearly_rules {
        yearly(&w, &mine, &mut days);
    }
    Expected {
        days: days
            .into_iter()
            .map(|((c, s), v)| ((c.to_owned(), s.to_owned()), normalize(v)))
            .collect(),
        counts,
        covered,
    }
}

/// Duties and evaluations, as the lead's semantics state them: an assignment-year part is the
/// assignment's days in the year inside the regulation's life; a duty shortfall is reported once
/// that part has ended (its last day) before the judged day; an evaluation is missing once its due
/// day is before the judged day (and not after the end of the regulation's life); late when sent
/// after the due day.
fn yearly<'a>(w: &World<'a>, mine: &[&'a Assignment], days: &mut Acc<'a>) {
    let scheme = w.scheme;
    late_evaluations(w, mine, days);
    let Some(judged) = w.judged else { return };
    for a in mine {
        for year in 2023..=2026 {
            let part: Vec<NaiveDate> = every_day()
                .filter(|d| {
                    d.year() == year
                        && runs(a, *d)
                        && (!scheme.under_regulation.value || w.in_life(*d))
                })
                .collect();
            let (Some(first), Some(last)) = (part.first().copied(), part.last().copied()) else {
                continue;
            };
            let concerns_scope = w.at.is_none_or(|at| first <= at && at <= last);
            let days_in_year: i64 = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
                366
            } else {
                365
            };
            // The assignment-year's judged part ends with the year, the assignment or the
            // regulation's life, whichever comes first: its last day.
            if last < judged && concerns_scope {
                for duty in &scheme.duties {
                    let n = part.len() as i64;
                    let scaled = i64::from(duty.min_per_year.value) * n;
                    let required = (2 * scaled + days_in_year) / (2 * days_in_year);
                    let done =
                        w.ds.activities
                            .iter()
                            .filter(|x| {
                                x.subject_id == a.subject_id
                                    && x.target == a.target
                                    && x.kind == duty.activity_kind
                                    && first <= x.date
                                    && x.date <= last
                            })
                            .count() as i64;
                    if done < required {
                        for d in &part {
                            if w.in_scope(*d) {
                                add(days, "duty_frequency_unmet", &a.id, *d);
                            }
                        }
                    }
                }
            }
            let Some(policy) = &scheme.evaluation else {
                continue;
            };
            let Some(due) = due(year, policy.due.value.month, policy.due.value.day) else {
                continue;
            };
            let life_over = w.profile.regulation.in_force_until.is_some_and(|t| due > t);
            let exists = w.ds.evaluations.iter().any(|e| {
                e.assignment_id == a.id
                    && e.year == year
                    && e.submitted_on.is_none_or(|s| s <= judged)
            });
            if (part.len() as i64) >= i64::from(policy.min_days_in_year.value)
                && due < judged
                && !life_over
                && !exists
                && concerns_scope
            {
                for d in &part {
                    if w.in_scope(*d) {
                        add(days, "evaluation_missing", &a.id, *d);
                    }
                }
            }
        }
    }
}

/// An evaluation sent after its due day is late from the day after the due day to the day it
/// was sent. Only evaluations sent by the judged day exist; only years the regulation judges for
/// the assignment (some day of it in the year, inside the regulation's life) and deadlines inside
/// its life count; with `at`, only that day is looked at.
fn late_evaluations<'a>(w: &World<'a>, mine: &[&'a Assignment], days: &mut Acc<'a>) {
    let Some(policy) = &w.scheme.evaluation else {
        return;
    };
    for e in &w.ds.evaluations {
        let (Some(sent), Some(due)) = (
            e.submitted_on,
            due(e.year, policy.due.value.month, policy.due.value.day),
        ) else {
            continue;
        };
        let Some(a) = mine.iter().find(|a| a.id == e.assignment_id) else {
            continue;
        };
        let judged_year = every_day().any(|d| {
            d.year() == e.year && runs(a, d) && (!w.scheme.under_regulation.value || w.in_life(d))
        });
        let due_in_life = w.profile.regulation.in_force_until.is_none_or(|t| due <= t);
        if w.judged.is_some_and(|j| sent > j) || !judged_year || !due_in_life {
            continue;
        }
        let mut d = due.succ_opt().unwrap();
        while d <= sent {
            if w.in_scope(d) {
                add(days, "evaluation_late", &e.id, d);
            }
            d = d.succ_opt().unwrap();
        }
    }
}

fn due(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    (1..=day.min(31))
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(year + 1, month, d))
}
