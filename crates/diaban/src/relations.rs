//! Working relationships (Chapter III of 1390-QĐ/TU): for a person on a day, every
//! relationship the regulation gives them, with the counterpart body and, where the
//! dataset knows it, the person; and the reverse — who stands in a relationship with a
//! given body or person.

use crate::collate::{cmp_vi, cmp_vi_opt};
use crate::index::Index;
use crate::model::{Assignment, Rank};
use crate::profile::{Derivation, Profile, RelationKind, Scheme};
use chrono::NaiveDate;
use serde::Serialize;

/// A person on the other side of a relationship.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PersonRef {
    /// Person id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The post that puts them there.
    pub title: String,
}

/// One working relationship of one assignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Relation {
    /// `reports_to`, `directed_by`, `coordinates_with` or `evaluated_by`.
    pub kind: RelationKind,
    /// The person or organisation that has the relationship.
    pub subject_id: String,
    /// The assignment it comes from.
    pub assignment_id: String,
    /// The assignment's scheme.
    pub scheme: String,
    /// The assignment's target.
    pub target: String,
    /// The counterpart body's id, when known.
    pub body_id: Option<String>,
    /// The counterpart body's name, when known.
    pub body_name: Option<String>,
    /// The counterpart people, where known (the member in charge, the body's head…).
    pub people: Vec<PersonRef>,
    /// The article the relationship rests on (only where the regulation's numbering is known),
    /// or the scheme's own instrument.
    pub article: Option<String>,
    /// What the profile says about it.
    pub note: String,
    /// True when the dataset cannot name the counterpart (for example no district lead on the day).
    pub unresolved: bool,
}

fn heads(index: &Index<'_>, body: &str, day: NaiveDate) -> Vec<PersonRef> {
    let mut out: Vec<PersonRef> = index
        .posts_in(body)
        .iter()
        .filter(|p| p.rank == Rank::Head && p.validity().contains(day))
        .map(|p| PersonRef {
            id: p.id.as_str().to_owned(),
            name: p.name.as_str().to_owned(),
            title: p.title.as_str().to_owned(),
        })
        .collect();
    out.sort_by(|a, b| cmp_vi(&a.name, &b.name).then_with(|| a.id.cmp(&b.id)));
    out
}

/// The relationships of one assignment on one day.
#[must_use]
pub fn of_assignment(
    index: &Index<'_>,
    profile: &Profile,
    scheme: &Scheme,
    a: &Assignment,
    day: NaiveDate,
) -> Vec<Relation> {
    let mut out = Vec::new();
    for rel in &scheme.relationships {
        let c = &rel.counterpart.value;
        let mut body: Option<(String, String)> = None;
        let mut people: Vec<PersonRef> = Vec::new();
        if let Some(role) = c.role {
            let roles = crate::roles::Roles::new(index, profile);
            let found = match role {
                crate::profile::Role::Issuer => roles.issuer(day).ok(),
                crate::profile::Role::IssuerStandingCommittee => {
                    roles.issuer_standing_committee(day).ok()
                }
                _ => None,
            };
            if let Some(org) = found {
                body = Some((org.id.as_str().to_owned(), org.name.as_str().to_owned()));
                people = heads(index, &org.id, day);
            }
        }
        if let Some(id) = &c.body {
            let name = index
                .organization(id)
                .map_or_else(|| id.clone(), |o| o.name.as_str().to_owned());
            body = Some((id.clone(), name));
            people = heads(index, id, day);
        }
        match c.derived {
            Some(Derivation::TargetDistrictLead) => {
                if let (Some(district), Some(via)) = (
                    index.district_of(&a.target, Some(day)),
                    c.via_scheme.as_ref(),
                ) {
                    body = Some((
                        district.code.as_str().to_owned(),
                        district.name.as_str().to_owned(),
                    ));
                    for lead in index.assignments_on(via, &district.code, day) {
                        let title = index
                            .posts(&lead.subject_id)
                            .iter()
                            .find(|p| {
                                p.validity().contains(day)
                                    && index.organization(&p.organization_id).is_some_and(|o| {
                                        o.kind == crate::OrgKind::StandingCommittee
                                    })
                            })
                            .or(index.posts(&lead.subject_id).first())
                            .map(|p| p.title.clone())
                            .unwrap_or_default();
                        people.push(PersonRef {
                            id: lead.subject_id.as_str().to_owned(),
                            name: index
                                .subject_name(&lead.subject_id)
                                .unwrap_or(&lead.subject_id)
                                .to_owned(),
                            title: title.as_str().to_owned(),
                        });
                    }
                }
            }
            Some(Derivation::TargetPartyCommittee) => {
                if let Some(org) = index.party_committee_of(&a.target, day) {
                    body = Some((org.id.as_str().to_owned(), org.name.as_str().to_owned()));
                    people = heads(index, &org.id, day);
                }
            }
            Some(Derivation::TargetDistrictPartyCommittee) => {
                if let Some(org) = index
                    .district_of(&a.target, Some(day))
                    .and_then(|d| index.party_committee_of(&d.code, day))
                {
                    body = Some((org.id.as_str().to_owned(), org.name.as_str().to_owned()));
                    people = heads(index, &org.id, day);
                }
            }
            Some(Derivation::SubjectAgency) => {
                let agency = index
                    .posts(&a.subject_id)
                    .iter()
                    .filter(|p| p.validity().contains(day))
                    .filter_map(|p| index.organization(&p.organization_id))
                    .find(|o| {
                        scheme.subject.value.organization_kinds.is_empty()
                            || scheme.subject.value.organization_kinds.contains(&o.kind)
                    })
                    .or_else(|| index.organization(&a.subject_id));
                if let Some(org) = agency {
                    body = Some((org.id.as_str().to_owned(), org.name.as_str().to_owned()));
                    people = heads(index, &org.id, day)
                        .into_iter()
                        .filter(|p| p.id != a.subject_id)
                        .collect();
                }
            }
            None => {}
        }
        let unresolved = match c.derived {
            Some(Derivation::TargetDistrictLead) => people.is_empty(),
            _ => body.is_none(),
        };
        let (body_id, body_name) = body.unzip();
        out.push(Relation {
            kind: rel.kind,
            subject_id: a.subject_id.as_str().to_owned(),
            assignment_id: a.id.as_str().to_owned(),
            scheme: scheme.id.clone(),
            target: a.target.as_str().to_owned(),
            body_id,
            body_name,
            people,
            article: match &scheme.basis {
                Some(b) => Some(b.clone()),
                None if profile.regulation.numbering == crate::finding::Source::Assumed => None,
                None => profile.cite(rel.counterpart.article.as_deref()),
            },
            note: rel.counterpart.note.clone(),
            unresolved,
        });
    }
    out
}

impl<'d> Index<'d> {
    /// Every working relationship `person` has on `day`, through every assignment they hold then.
    ///
    /// ```
    /// let ds = diaban::Dataset::demo();
    /// let index = diaban::Index::new(&ds);
    /// let rels = index.relations(&diaban::Profile::bac_kan_1390(), "p-ha-sy-thang", diaban::date!(2024, 10, 1));
    /// let directed = rels.iter().find(|r| r.kind.as_str() == "directed_by").unwrap();
    /// assert_eq!(directed.body_id.as_deref(), Some("062")); // Huyện Ngân Sơn
    /// assert!(!directed.people.is_empty());
    /// ```
    #[must_use]
    pub fn relations(&self, profile: &Profile, person: &str, day: NaiveDate) -> Vec<Relation> {
        let mut out = Vec::new();
        for scheme in &profile.schemes {
            for a in self.assignments_of_subject(&scheme.id, person) {
                if a.period().contains(day) {
                    out.extend(of_assignment(self, profile, scheme, a, day));
                }
            }
        }
        out
    }

    /// The reverse: every relationship in force on `day` whose counterpart is `id` (a body, or a
    /// person named as counterpart). Linear in the assignments in force that day.
    #[must_use]
    pub fn relations_towards(&self, profile: &Profile, id: &str, day: NaiveDate) -> Vec<Relation> {
        let mut out = Vec::new();
        for scheme in &profile.schemes {
            let mut list: Vec<&Assignment> = self
                .dataset
                .assignments
                .iter()
                .filter(|a| a.scheme == scheme.id && a.period().contains(day))
                .collect();
            // By the name of the person (or organisation) who has the relationship.
            list.sort_by(|x, y| {
                cmp_vi_opt(
                    self.subject_name(&x.subject_id),
                    self.subject_name(&y.subject_id),
                )
                .then_with(|| x.subject_id.cmp(&y.subject_id))
                .then_with(|| x.id.cmp(&y.id))
            });
            for a in list {
                out.extend(
                    of_assignment(self, profile, scheme, a, day)
                        .into_iter()
                        .filter(|r| {
                            r.body_id.as_deref() == Some(id) || r.people.iter().any(|p| p.id == id)
                        }),
                );
            }
        }
        out
    }
}
