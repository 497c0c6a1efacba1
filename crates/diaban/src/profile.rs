//! Regulation profiles: a regulation, its articles and its schemes, all as data.
//!
//! A profile is a JSON document (see `diaban schema`). The built-in profile
//! [`Profile::bac_kan_1390`] models Regulation 1390-QĐ/TU of the Bắc Kạn Provincial Party
//! Committee; another province writes its own file and passes it with `--profile FILE`.
//!
//! Every parameter is a [`Param`]: its value plus where the value comes from
//! ([`Source::Seed`], the source article; [`Source::Analog`], a similar regulation elsewhere;
//! [`Source::Assumed`], a default the province should confirm) and the article it implements.

use crate::error::{Error, Result};
use crate::model::{dates, ActivityKind, Level, OrgKind, Rank, Rating, UnitType};
use crate::words::word_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

word_enum! {
    /// Where a parameter's value comes from.
    pub enum Source {
        /// Stated in the source article (`seed/`).
        Seed = "seed",
        /// Taken from a similar regulation of another province.
        Analog = "analog",
        /// A default the province should confirm.
        Assumed = "assumed",
    }
}

/// A parameter with its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Param<T> {
    /// The value.
    pub value: T,
    /// Where the value comes from.
    pub source: Source,
    /// One line saying why.
    pub note: String,
    /// The article of the regulation this parameter implements (an id of [`Article`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
}

/// An article of the regulation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Its number as cited ("3").
    pub id: String,
    /// Title in Vietnamese.
    pub title_vi: String,
    /// Title in English.
    pub title_en: String,
}

/// A chapter of the regulation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// Its number ("I").
    pub id: String,
    /// Title in Vietnamese.
    pub title_vi: String,
    /// Title in English.
    pub title_en: String,
    /// Its articles.
    pub articles: Vec<Article>,
}

/// The regulation a profile models.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Regulation {
    /// Number, such as `1390-QĐ/TU`.
    pub number: String,
    /// Title in Vietnamese.
    pub title_vi: String,
    /// Title in English.
    pub title_en: String,
    /// The issuing body's name.
    pub issuer: String,
    /// The issuing body's organisation id in datasets, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_id: Option<String>,
    /// Day it was signed.
    #[serde(deserialize_with = "dates::de")]
    pub signed: NaiveDate,
    /// First day in force.
    #[serde(deserialize_with = "dates::de")]
    pub effective: NaiveDate,
    /// Last day in force, once it lapses or is repealed.
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub in_force_until: Option<NaiveDate>,
    /// How the structure and numbering are known.
    pub structure_note: String,
    /// Chapters and their articles.
    pub chapters: Vec<Chapter>,
}

word_enum! {
    /// Whether a scheme assigns people or organisations.
    pub enum SubjectKind {
        /// A person holding a qualifying post.
        Person = "person",
        /// An organisation.
        Organization = "organization",
    }
}

word_enum! {
    /// Whether a scheme's targets are units or organisations.
    pub enum TargetKind {
        /// Administrative units.
        Unit = "unit",
        /// Organisations (for example party cells).
        Organization = "organization",
    }
}

/// Who may be assigned under a scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubjectRule {
    /// A person or an organisation.
    pub kind: SubjectKind,
    /// The kinds of organisation a qualifying post (or the subject organisation) belongs to; empty = any.
    #[serde(default)]
    pub organization_kinds: Vec<OrgKind>,
    /// The levels of those organisations; empty = any.
    #[serde(default)]
    pub levels: Vec<Level>,
    /// The ranks of qualifying posts; empty = any.
    #[serde(default)]
    pub ranks: Vec<Rank>,
}

/// What a scheme assigns subjects to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetRule {
    /// Units or organisations.
    pub kind: TargetKind,
    /// Unit levels in scope; empty = any.
    #[serde(default)]
    pub unit_levels: Vec<Level>,
    /// Unit types in scope; empty = any.
    #[serde(default)]
    pub unit_types: Vec<UnitType>,
    /// Organisation kinds in scope; empty = any.
    #[serde(default)]
    pub organization_kinds: Vec<OrgKind>,
    /// Only targets some assignment names are in scope ("designated"), rather than every unit of the level.
    #[serde(default)]
    pub designated_only: bool,
}

/// How many at a time: `min` to `max` (no `max` = no upper bound).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cardinality {
    /// The least allowed on any day inside the coverage window.
    pub min: u32,
    /// The most allowed on any day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

/// A span of days, as written in a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// First day.
    #[serde(deserialize_with = "dates::de")]
    pub from: NaiveDate,
    /// Last day, if any.
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub to: Option<NaiveDate>,
}

impl Window {
    /// As a [`crate::Period`].
    #[must_use]
    pub fn period(&self) -> crate::Period {
        crate::Period {
            from: self.from,
            to: self.to,
        }
    }
}

/// A duty: an activity kind and how often it is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    /// Stable id ("attend-committee-meetings").
    pub id: String,
    /// The activity kind that fulfils it.
    pub activity_kind: ActivityKind,
    /// The least number per full year of assignment.
    pub min_per_year: Param<u32>,
}

word_enum! {
    /// A working relationship the regulation creates.
    pub enum RelationKind {
        /// Reports to.
        ReportsTo = "reports_to",
        /// Is directed by.
        DirectedBy = "directed_by",
        /// Coordinates with.
        CoordinatesWith = "coordinates_with",
        /// Is evaluated by.
        EvaluatedBy = "evaluated_by",
    }
}

word_enum! {
    /// How a relationship's counterpart is found from an assignment.
    pub enum Derivation {
        /// The subject of the `via_scheme` assignment whose target is the district of this assignment's target.
        TargetDistrictLead = "target_district_lead",
        /// The party committee of the target unit.
        TargetPartyCommittee = "target_party_committee",
        /// The party committee of the target unit's district.
        TargetDistrictPartyCommittee = "target_district_party_committee",
        /// The leadership of the subject's own agency.
        SubjectAgency = "subject_agency",
    }
}

/// The other side of a working relationship.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counterpart {
    /// A fixed body (an organisation id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// A counterpart derived from the assignment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<Derivation>,
    /// For [`Derivation::TargetDistrictLead`]: the scheme that assigns district leads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via_scheme: Option<String>,
}

/// A working relationship of a scheme's subjects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relationship {
    /// What kind.
    pub kind: RelationKind,
    /// With whom.
    pub counterpart: Param<Counterpart>,
}

/// Month and day of a yearly deadline, in the year after the year evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

/// How a scheme's assignments are evaluated every year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluationPolicy {
    /// Who writes it.
    pub author: Param<Derivation>,
    /// Who receives it (an organisation id).
    pub recipient: Param<String>,
    /// The deadline, in the following year.
    pub due: Param<MonthDay>,
    /// The least days of assignment in a year for that year to need an evaluation.
    pub min_days_in_year: Param<u32>,
    /// The ratings allowed.
    pub rating_scale: Param<Vec<Rating>>,
    /// Days after an `unfulfilled` rating by which the cadre must have been replaced.
    pub replace_within_days: Param<u32>,
}

/// One kind of assignment the regulation creates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    /// Stable id (`commune-monitoring`).
    pub id: String,
    /// Name in Vietnamese.
    pub name_vi: String,
    /// Name in English.
    pub name_en: String,
    /// The legal basis when it is not the profile's regulation itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// Who may be assigned.
    pub subject: Param<SubjectRule>,
    /// What is assigned.
    pub target: Param<TargetRule>,
    /// Subjects per target at any date.
    pub per_target: Param<Cardinality>,
    /// Targets per subject at any date.
    pub per_subject: Param<Cardinality>,
    /// The days during which every target in scope must be covered; none = no coverage rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Param<Window>>,
    /// The body whose congress term must contain every assignment (an organisation id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_body: Option<Param<String>>,
    /// Whether assignments must lie inside the regulation's time in force.
    pub under_regulation: Param<bool>,
    /// The subject must hold a qualifying post for the whole assignment.
    pub eligible_tenure: Param<bool>,
    /// How many days an acting assignment (kiêm nhiệm tạm thời) may run without counting
    /// toward `per_subject`; none = the scheme knows no acting assignments (they count like
    /// any other from their first day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acting_max_days: Option<Param<u32>>,
    /// Duties and their frequencies.
    #[serde(default)]
    pub duties: Vec<Duty>,
    /// Working relationships.
    #[serde(default)]
    pub relationships: Vec<Relationship>,
    /// Yearly evaluation, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluation: Option<EvaluationPolicy>,
}

/// A regulation profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Stable id (`bac-kan-1390`).
    pub id: String,
    /// The regulation.
    pub regulation: Regulation,
    /// Its schemes.
    pub schemes: Vec<Scheme>,
}

const BAC_KAN_1390: &str = include_str!("../profiles/bac-kan-1390.json");

impl Profile {
    /// The built-in profile of Regulation 1390-QĐ/TU (Bắc Kạn, 2024).
    ///
    /// ```
    /// let profile = diaban::Profile::bac_kan_1390();
    /// assert_eq!(profile.regulation.number, "1390-QĐ/TU");
    /// assert_eq!(profile.regulation.chapters.iter().map(|c| c.articles.len()).sum::<usize>(), 11);
    /// ```
    #[must_use]
    pub fn bac_kan_1390() -> Profile {
        // The embedded file is tested to parse (see tests below); an empty profile is never returned in practice.
        Profile::from_json_str(BAC_KAN_1390).unwrap_or_else(|_| Profile {
            id: "bac-kan-1390".into(),
            regulation: Regulation {
                number: "1390-QĐ/TU".into(),
                title_vi: String::new(),
                title_en: String::new(),
                issuer: String::new(),
                issuer_id: None,
                signed: crate::date(2024, 8, 29),
                effective: crate::date(2024, 8, 29),
                in_force_until: None,
                structure_note: String::new(),
                chapters: Vec::new(),
            },
            schemes: Vec::new(),
        })
    }

    /// The ids of the built-in profiles.
    pub const BUILTIN: &'static [&'static str] = &["bac-kan-1390"];

    /// A built-in profile by id.
    pub fn builtin(id: &str) -> Result<Profile> {
        match id {
            "bac-kan-1390" => Ok(Profile::bac_kan_1390()),
            other => Err(Error::UnknownProfile(other.to_owned())),
        }
    }

    /// Reads a profile from JSON text; unknown fields are errors naming their JSON path.
    pub fn from_json_str(text: &str) -> Result<Profile> {
        crate::io::json::from_str(text, "profile")
    }

    /// Reads a profile from a JSON file; errors name the file, line and JSON path.
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<Profile> {
        let path = path.as_ref();
        let text = crate::io::read_to_string(path)?;
        crate::io::json::from_str(&text, &path.display().to_string())
    }

    /// A profile named on a command line or in a call: a JSON file when `arg` is one, else a
    /// built-in id.
    pub fn load_or_builtin(arg: &str) -> Result<Profile> {
        if std::path::Path::new(arg).is_file() {
            Profile::load(arg)
        } else {
            Profile::builtin(arg)
        }
    }

    /// The profile as pretty JSON.
    pub fn to_json_string(&self) -> Result<String> {
        crate::io::json::to_string(self)
    }

    /// The scheme with this id.
    pub fn scheme(&self, id: &str) -> Result<&Scheme> {
        self.schemes
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::UnknownScheme {
                scheme: id.to_owned(),
                known: self
                    .schemes
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// A citation of an article: `1390-QĐ/TU, Điều 3`.
    #[must_use]
    pub fn cite(&self, article: Option<&str>) -> Option<String> {
        article.map(|a| format!("{}, Điều {a}", self.regulation.number))
    }

    /// The regulation's days in force.
    #[must_use]
    pub fn in_force(&self) -> crate::Period {
        crate::Period {
            from: self.regulation.effective,
            to: self.regulation.in_force_until,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_has_four_schemes() {
        let p = Profile::from_json_str(BAC_KAN_1390).unwrap();
        let ids: Vec<&str> = p.schemes.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "commune-monitoring",
                "district-lead",
                "cell-attendance",
                "ntm-support-2020-2025"
            ]
        );
        assert_eq!(p.regulation.chapters.len(), 4);
        let articles: Vec<&str> = p
            .regulation
            .chapters
            .iter()
            .flat_map(|c| c.articles.iter().map(|a| a.id.as_str()))
            .collect();
        assert_eq!(articles.len(), 11);
        // Every article a parameter cites exists.
        let json = serde_json::to_value(&p).unwrap();
        let mut cited = Vec::new();
        collect_articles(&json, &mut cited);
        for a in cited {
            assert!(articles.contains(&a.as_str()), "unknown article {a}");
        }
    }

    fn collect_articles(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    if k == "article" {
                        if let Some(s) = v.as_str() {
                            out.push(s.to_owned());
                        }
                    }
                    collect_articles(v, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| collect_articles(v, out)),
            _ => {}
        }
    }

    #[test]
    fn unknown_field_in_profile_is_named() {
        let mut v = serde_json::to_value(Profile::bac_kan_1390()).unwrap();
        v["schemes"][1]["per_target"]["colour"] = serde_json::json!(1);
        let err = Profile::from_json_str(&v.to_string()).unwrap_err();
        assert_eq!(err.code(), "unknown_field");
        assert!(err.to_string().contains("schemes[1].per_target"), "{err}");
    }
}
