//! Lookup tables over a dataset, built once in linear time, so that rules and queries never
//! compare all pairs of records.

use crate::model::{Assignment, Dataset, Organization, Post, Term, Unit};
use chrono::NaiveDate;
use foldhash::HashMap;

/// Indexes over a [`Dataset`]: units by code (every version, by start), organisations and
/// terms by id, posts by person, assignments by id, by target and by subject, per scheme.
///
/// Build it once with [`Index::new`] and ask many questions:
///
/// ```
/// let ds = diaban::Dataset::demo();
/// let index = diaban::Index::new(&ds);
/// let monitors = index.assignments_on("commune-monitoring", "01954", diaban::date!(2024, 10, 1));
/// assert_eq!(monitors[0].subject_id, "p-ha-sy-thang");
/// ```
#[derive(Debug)]
pub struct Index<'d> {
    /// The dataset indexed.
    pub dataset: &'d Dataset,
    units: HashMap<&'d str, Vec<&'d Unit>>,
    organizations: HashMap<&'d str, &'d Organization>,
    people: HashMap<&'d str, Vec<&'d Post>>,
    terms: HashMap<&'d str, &'d Term>,
    terms_by_body: HashMap<&'d str, Vec<&'d Term>>,
    assignments: HashMap<&'d str, &'d Assignment>,
    by_target: HashMap<&'d str, HashMap<&'d str, Vec<&'d Assignment>>>,
    by_subject: HashMap<&'d str, HashMap<&'d str, Vec<&'d Assignment>>>,
    children: HashMap<&'d str, Vec<&'d Unit>>,
    org_by_unit: HashMap<&'d str, Vec<&'d Organization>>,
    posts_by_org: HashMap<&'d str, Vec<&'d Post>>,
    scheme_ids: Vec<&'d str>,
}

/// A total order on records of one type that does not depend on where they stand in a file,
/// used only to break ties (duplicate ids, identical periods) so that every answer is
/// independent of record order.
fn canonical<T: std::fmt::Debug>(x: &T, y: &T) -> std::cmp::Ordering {
    format!("{x:?}").cmp(&format!("{y:?}"))
}

/// Keeps, for an id given to several records, the one that sorts first by [`canonical`].
fn keep_canonical<'d, T: std::fmt::Debug>(
    map: &mut HashMap<&'d str, &'d T>,
    id: &'d str,
    record: &'d T,
) {
    map.entry(id)
        .and_modify(|kept| {
            if canonical(record, *kept).is_lt() {
                *kept = record;
            }
        })
        .or_insert(record);
}

impl<'d> Index<'d> {
    /// Builds every index in one pass over each table (`O(n log n)` for the sorts).
    #[must_use]
    pub fn new(dataset: &'d Dataset) -> Index<'d> {
        let mut units: HashMap<&str, Vec<&Unit>> =
            HashMap::with_capacity_and_hasher(dataset.units.len(), Default::default());
        let mut children: HashMap<&str, Vec<&Unit>> = HashMap::default();
        for u in &dataset.units {
            units.entry(u.code.as_str()).or_default().push(u);
            if let Some(parent) = &u.parent_code {
                children.entry(parent.as_str()).or_default().push(u);
            }
        }
        for versions in units.values_mut() {
            versions.sort_by(|x, y| {
                x.validity()
                    .cmp(&y.validity())
                    .then_with(|| canonical(x, y))
            });
        }
        for list in children.values_mut() {
            list.sort_by(|x, y| x.code.cmp(&y.code).then_with(|| canonical(x, y)));
        }
        let mut organizations =
            HashMap::with_capacity_and_hasher(dataset.organizations.len(), Default::default());
        let mut org_by_unit: HashMap<&str, Vec<&Organization>> = HashMap::default();
        for o in &dataset.organizations {
            keep_canonical(&mut organizations, o.id.as_str(), o);
            if let Some(code) = &o.unit_code {
                org_by_unit.entry(code.as_str()).or_default().push(o);
            }
        }
        let mut people: HashMap<&str, Vec<&Post>> = HashMap::default();
        let mut posts_by_org: HashMap<&str, Vec<&Post>> = HashMap::default();
        for p in &dataset.people {
            people.entry(p.id.as_str()).or_default().push(p);
            posts_by_org
                .entry(p.organization_id.as_str())
                .or_default()
                .push(p);
        }
        let mut terms = HashMap::default();
        let mut terms_by_body: HashMap<&str, Vec<&Term>> = HashMap::default();
        for t in &dataset.terms {
            keep_canonical(&mut terms, t.id.as_str(), t);
            terms_by_body
                .entry(t.organization_id.as_str())
                .or_default()
                .push(t);
        }
        let mut assignments =
            HashMap::with_capacity_and_hasher(dataset.assignments.len(), Default::default());
        let mut by_target: HashMap<&str, HashMap<&str, Vec<&Assignment>>> = HashMap::default();
        let mut by_subject: HashMap<&str, HashMap<&str, Vec<&Assignment>>> = HashMap::default();
        for a in &dataset.assignments {
            keep_canonical(&mut assignments, a.id.as_str(), a);
            by_target
                .entry(a.scheme.as_str())
                .or_default()
                .entry(a.target.as_str())
                .or_default()
                .push(a);
            by_subject
                .entry(a.scheme.as_str())
                .or_default()
                .entry(a.subject_id.as_str())
                .or_default()
                .push(a);
        }
        for per_scheme in by_target.values_mut().chain(by_subject.values_mut()) {
            for list in per_scheme.values_mut() {
                list.sort_by(|x, y| {
                    x.period()
                        .cmp(&y.period())
                        .then_with(|| x.id.cmp(&y.id))
                        .then_with(|| canonical(*x, *y))
                });
            }
        }
        for list in org_by_unit.values_mut() {
            list.sort_by(|x, y| x.id.cmp(&y.id).then_with(|| canonical(*x, *y)));
        }
        for list in people.values_mut().chain(posts_by_org.values_mut()) {
            list.sort_by(|x, y| {
                (x.validity(), &x.id, &x.organization_id)
                    .cmp(&(y.validity(), &y.id, &y.organization_id))
                    .then_with(|| canonical(*x, *y))
            });
        }
        let mut scheme_ids: Vec<&str> = by_target.keys().copied().collect();
        scheme_ids.sort_unstable();
        Index {
            dataset,
            units,
            organizations,
            people,
            terms,
            terms_by_body,
            assignments,
            by_target,
            by_subject,
            children,
            org_by_unit,
            posts_by_org,
            scheme_ids,
        }
    }

    /// Every version of a unit code, ordered by start.
    #[must_use]
    pub fn unit_versions(&self, code: &str) -> &[&'d Unit] {
        self.units.get(code).map_or(&[], Vec::as_slice)
    }

    /// The version of a unit code in force on `day`.
    #[must_use]
    pub fn unit_at(&self, code: &str, day: NaiveDate) -> Option<&'d Unit> {
        self.unit_versions(code)
            .iter()
            .copied()
            .find(|u| u.validity().contains(day))
    }

    /// Any version of a unit code: the one in force on `day` if any, else the latest.
    #[must_use]
    pub fn unit_near(&self, code: &str, day: Option<NaiveDate>) -> Option<&'d Unit> {
        day.and_then(|d| self.unit_at(code, d))
            .or_else(|| self.unit_versions(code).last().copied())
    }

    /// Units whose parent is `code` (any version).
    #[must_use]
    pub fn children(&self, code: &str) -> &[&'d Unit] {
        self.children.get(code).map_or(&[], Vec::as_slice)
    }

    /// An organisation by id.
    #[must_use]
    pub fn organization(&self, id: &str) -> Option<&'d Organization> {
        self.organizations.get(id).copied()
    }

    /// The organisations attached to a unit code, in file order.
    #[must_use]
    pub fn organizations_of_unit(&self, code: &str) -> &[&'d Organization] {
        self.org_by_unit.get(code).map_or(&[], Vec::as_slice)
    }

    /// Every post in an organisation, in file order.
    #[must_use]
    pub fn posts_in(&self, organization: &str) -> &[&'d Post] {
        self.posts_by_org
            .get(organization)
            .map_or(&[], Vec::as_slice)
    }

    /// Every post a person holds or held.
    #[must_use]
    pub fn posts(&self, person: &str) -> &[&'d Post] {
        self.people.get(person).map_or(&[], Vec::as_slice)
    }

    /// A person's name, if the person is known.
    #[must_use]
    pub fn person_name(&self, person: &str) -> Option<&'d str> {
        self.posts(person).first().map(|p| p.name.as_str())
    }

    /// The name of a subject: a person's or an organisation's.
    #[must_use]
    pub fn subject_name(&self, id: &str) -> Option<&'d str> {
        self.person_name(id)
            .or_else(|| self.organization(id).map(|o| o.name.as_str()))
    }

    /// A term by id.
    #[must_use]
    pub fn term(&self, id: &str) -> Option<&'d Term> {
        self.terms.get(id).copied()
    }

    /// Every term of a body.
    #[must_use]
    pub fn terms_of(&self, body: &str) -> &[&'d Term] {
        self.terms_by_body.get(body).map_or(&[], Vec::as_slice)
    }

    /// An assignment by id.
    #[must_use]
    pub fn assignment(&self, id: &str) -> Option<&'d Assignment> {
        self.assignments.get(id).copied()
    }

    /// Every assignment of a scheme on a target, by start.
    #[must_use]
    pub fn assignments_of_target(&self, scheme: &str, target: &str) -> &[&'d Assignment] {
        self.by_target
            .get(scheme)
            .and_then(|m| m.get(target))
            .map_or(&[], Vec::as_slice)
    }

    /// Every assignment of a scheme held by a subject, by start.
    #[must_use]
    pub fn assignments_of_subject(&self, scheme: &str, subject: &str) -> &[&'d Assignment] {
        self.by_subject
            .get(scheme)
            .and_then(|m| m.get(subject))
            .map_or(&[], Vec::as_slice)
    }

    /// The targets of a scheme, with their assignments.
    pub fn targets(&self, scheme: &str) -> impl Iterator<Item = (&'d str, &[&'d Assignment])> + '_ {
        self.by_target
            .get(scheme)
            .into_iter()
            .flat_map(|m| m.iter().map(|(k, v)| (*k, v.as_slice())))
    }

    /// The subjects of a scheme, with their assignments.
    pub fn subjects(
        &self,
        scheme: &str,
    ) -> impl Iterator<Item = (&'d str, &[&'d Assignment])> + '_ {
        self.by_subject
            .get(scheme)
            .into_iter()
            .flat_map(|m| m.iter().map(|(k, v)| (*k, v.as_slice())))
    }

    /// The assignments of a scheme on a target that include `day`.
    #[must_use]
    pub fn assignments_on(
        &self,
        scheme: &str,
        target: &str,
        day: NaiveDate,
    ) -> Vec<&'d Assignment> {
        self.assignments_of_target(scheme, target)
            .iter()
            .copied()
            .filter(|a| a.period().contains(day))
            .collect()
    }

    /// Every scheme with at least one assignment, in id order.
    pub fn schemes(&self) -> impl Iterator<Item = &'d str> + '_ {
        self.scheme_ids.iter().copied()
    }

    /// The district-level ancestor of a unit on a day (itself if it is a district).
    #[must_use]
    pub fn district_of(&self, code: &str, day: Option<NaiveDate>) -> Option<&'d Unit> {
        let mut current = self.unit_near(code, day)?;
        for _ in 0..4 {
            if current.level() == crate::model::Level::District {
                return Some(current);
            }
            current = self.unit_near(current.parent_code.as_deref()?, day)?;
        }
        None
    }
}
