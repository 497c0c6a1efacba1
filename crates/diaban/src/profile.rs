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
use crate::finding::Severity;
use crate::model::{dates, ActivityKind, Level, OrgKind, Rank, UnitType};
use crate::words::word_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::finding::Source;

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
    /// The severity of findings resting on this parameter, when the profile decides it (by
    /// default an error rule resting on an assumed parameter gives warnings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
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
    /// The issuing body's organisation id in datasets, if every dataset uses one (the same as
    /// `role_ids.issuer`; prefer roles, resolved from the dataset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_id: Option<String>,
    /// The territory: the GSO code of the issuer's province. Units whose province on a day is
    /// recorded and is another are not judged on that day. `None`: every unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory: Option<String>,
    /// Whether the article numbering of `chapters` is the regulation's own (`seed`) or
    /// reconstructed (`assumed`): findings cite an article only in the first case.
    #[serde(default = "seed")]
    pub numbering: crate::finding::Source,
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
    /// Where `in_force_until` comes from (`assumed` when inferred, e.g. from the issuer's end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force_until_source: Option<crate::finding::Source>,
    /// Why it ends then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force_until_note: Option<String>,
    /// The first day it is no longer in force because it was repealed or replaced.
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub repealed_on: Option<NaiveDate>,
    /// How the structure and numbering are known.
    pub structure_note: String,
    /// Chapters and their articles.
    pub chapters: Vec<Chapter>,
}

fn seed() -> crate::finding::Source {
    crate::finding::Source::Seed
}

word_enum! {
    /// A body a profile names by what it is, resolved from the dataset on the day in question
    /// (see `docs/semantics.md`).
    #[non_exhaustive]
    pub enum Role {
        /// The issuer: the provincial party committee of the territory.
        Issuer = "issuer",
        /// The issuer's standing committee.
        IssuerStandingCommittee = "issuer_standing_committee",
        /// The party committee of the target unit.
        TargetPartyCommittee = "target_party_committee",
        /// The party committee of the target unit's district.
        TargetDistrictPartyCommittee = "target_district_party_committee",
        /// The member in charge of the target's district (through a district-lead scheme).
        TargetDistrictLead = "target_district_lead",
        /// The organisation of the subject's qualifying post.
        SubjectAgency = "subject_agency",
    }
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
    /// A body named by role (resolved from the dataset on the day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
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
    /// The deadline, in the following year.
    pub due: Param<MonthDay>,
    /// The least days of assignment in a year for that year to need an evaluation.
    pub min_days_in_year: Param<u32>,
    /// Days after an `unfulfilled` rating by which the cadre must have been replaced.
    pub replace_within_days: Param<u32>,
}

/// The national criteria a commune meets to be recognised as a new-rural commune (xã đạt
/// chuẩn nông thôn mới), against which recorded statuses are checked (`ntm_status_invalid`):
/// national law, not the regulation, so a profile states it with the instrument that sets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NtmCriteria {
    /// The instrument that sets the criteria, cited by the findings resting on them.
    pub instrument: String,
    /// How many criteria the set has: a status other than `not_met` needs all of them, and no
    /// record counts more.
    pub count: Param<u8>,
}

impl Default for NtmCriteria {
    /// The national set of 2021–2025 (19 criteria), which a profile without the section gets:
    /// the value the rule had before the profile stated it.
    fn default() -> NtmCriteria {
        NtmCriteria {
            instrument: "QĐ 318/QĐ-TTg (Bộ tiêu chí quốc gia về xã nông thôn mới)".to_owned(),
            count: Param {
                value: 19,
                source: Source::Analog,
                note: "the national set of criteria for new-rural communes, 2021–2025 (QĐ 318/QĐ-TTg, 2022), has 19 criteria; national law the article does not state".to_owned(),
                article: None,
                severity: None,
            },
        }
    }
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
    /// The body whose congress term must contain every assignment: a role word (`issuer`) or an
    /// organisation id.
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
    /// Explicit organisation ids for roles, overriding the resolution from the dataset.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub role_ids: std::collections::BTreeMap<Role, String>,
    /// The national new-rural commune criteria (absent: the 2021–2025 set of 19).
    #[serde(default)]
    pub ntm_criteria: NtmCriteria,
    /// Its schemes.
    pub schemes: Vec<Scheme>,
}

const BAC_KAN_1390: &str = include_str!("../profiles/bac-kan-1390.json");

/// The built-in profile, parsed once. The file is compiled in and parsed by the tests of every
/// suite: failing here is a defect of the build, never of anyone's input, so it is not turned
/// into a placeholder profile that would silently judge nothing.
#[allow(clippy::expect_used)]
static BUILTIN_BAC_KAN_1390: std::sync::LazyLock<Profile> = std::sync::LazyLock::new(|| {
    Profile::from_json_str(BAC_KAN_1390).expect("the embedded bac-kan-1390 profile parses")
});

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
        BUILTIN_BAC_KAN_1390.clone()
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

    /// Reads a profile from JSON text; unknown fields are errors naming their JSON path, and
    /// an inconsistent profile is rejected ([`Profile::validate`]).
    pub fn from_json_str(text: &str) -> Result<Profile> {
        let profile: Profile = crate::io::json::from_str(text, "profile")?;
        profile.validate_in("profile")?;
        Ok(profile)
    }

    /// Reads a profile from a JSON file; errors name the file, line and JSON path.
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<Profile> {
        let path = path.as_ref();
        let text = crate::io::read_to_string(path)?;
        let file = path.display().to_string();
        let profile: Profile = crate::io::json::from_str(&text, &file)?;
        profile.validate_in(&file)?;
        Ok(profile)
    }

    /// Checks that the profile is consistent: scheme ids and duty ids unique, every
    /// `via_scheme` and cited article known, roles usable where they are named, cardinalities
    /// with `min <= max`, deadlines that are real days, each counterpart naming a body, a
    /// life that ends after it starts, and at least one new-rural criterion. A minimum no rule
    /// judges (`per_target` above 1, `per_subject` above 0) is refused rather than ignored.
    /// The error names the JSON path of the first problem.
    pub fn validate(&self) -> Result<()> {
        self.validate_in("profile")
    }

    fn validate_in(&self, file: &str) -> Result<()> {
        match self.problems().into_iter().next() {
            None => Ok(()),
            Some((path, message)) => Err(Error::Load {
                kind: crate::error::LoadErrorKind::InvalidValue,
                location: Box::new(crate::error::Location {
                    file: Some(file.to_owned()),
                    path: Some(path),
                    ..crate::error::Location::default()
                }),
                message,
            }),
        }
    }

    /// Every inconsistency, as (JSON path, message).
    fn problems(&self) -> Vec<(String, crate::error::Msg)> {
        use crate::error::Msg;
        let mut out: Vec<(String, Msg)> = Vec::new();
        let articles: Vec<&str> = self
            .regulation
            .chapters
            .iter()
            .flat_map(|c| c.articles.iter().map(|a| a.id.as_str()))
            .collect();
        let scheme_ids: Vec<&str> = self.schemes.iter().map(|s| s.id.as_str()).collect();
        let reg = &self.regulation;
        if reg.in_force_until.is_some_and(|end| end < reg.effective) {
            out.push((
                "regulation.in_force_until".into(),
                Msg::new(
                    "quy định hết hiệu lực trước ngày có hiệu lực",
                    "the regulation ends before it takes effect",
                ),
            ));
        }
        if reg.repealed_on.is_some_and(|d| d <= reg.effective) {
            out.push((
                "regulation.repealed_on".into(),
                Msg::new(
                    "quy định bị bãi bỏ trước ngày có hiệu lực",
                    "the regulation is repealed before it takes effect",
                ),
            ));
        }
        if self.ntm_criteria.count.value == 0 {
            out.push((
                "ntm_criteria.count.value".into(),
                Msg::new(
                    "bộ tiêu chí nông thôn mới phải có ít nhất một tiêu chí",
                    "the new-rural criteria must number at least one",
                ),
            ));
        }
        for p in self.parameters() {
            if let Some(a) = p.article.filter(|a| !articles.contains(a)) {
                out.push((
                    format!("{}.article", p.path),
                    Msg::new(
                        format!(
                            "điều `{a}` không có trong các điều của quy định ({})",
                            articles.join(", ")
                        ),
                        format!(
                            "article `{a}` is not among the regulation's articles ({})",
                            articles.join(", ")
                        ),
                    ),
                ));
            }
        }
        for (i, s) in self.schemes.iter().enumerate() {
            let at = format!("schemes[{i}]");
            if scheme_ids.iter().take(i).any(|id| *id == s.id) {
                out.push((
                    format!("{at}.id"),
                    Msg::new(
                        format!("mã hình thức phân công `{}` được dùng hai lần", s.id),
                        format!("scheme id `{}` is used twice", s.id),
                    ),
                ));
            }
            for (name, c) in [
                ("per_target", &s.per_target.value),
                ("per_subject", &s.per_subject.value),
            ] {
                if c.max.is_some_and(|max| max < c.min) {
                    out.push((
                        format!("{at}.{name}.value"),
                        Msg::new(
                            format!(
                                "mức tối đa {} nhỏ hơn mức tối thiểu {}",
                                c.max.unwrap_or_default(),
                                c.min
                            ),
                            format!("max {} is below min {}", c.max.unwrap_or_default(), c.min),
                        ),
                    ));
                }
            }
            // The rules judge a target's monitors against none or one (`coverage_gap`) and a
            // subject's targets against a maximum only: a larger minimum would be silently
            // ignored, so it is refused.
            if s.per_target.value.min > 1 {
                out.push((
                    format!("{at}.per_target.value.min"),
                    Msg::new(
                        format!(
                            "chưa có quy tắc kiểm tra mức tối thiểu {} người cho một địa bàn: chỉ hỗ trợ 0 (không bắt buộc) hoặc 1 (mỗi địa bàn phải có người)",
                            s.per_target.value.min
                        ),
                        format!(
                            "no rule judges a minimum of {} subjects per target: only 0 (none required) or 1 (every target covered) is supported",
                            s.per_target.value.min
                        ),
                    ),
                ));
            }
            if s.per_subject.value.min > 0 {
                out.push((
                    format!("{at}.per_subject.value.min"),
                    Msg::new(
                        format!(
                            "chưa có quy tắc kiểm tra mức tối thiểu {} địa bàn cho một người: chỉ hỗ trợ 0",
                            s.per_subject.value.min
                        ),
                        format!(
                            "no rule judges a minimum of {} targets per subject: only 0 is supported",
                            s.per_subject.value.min
                        ),
                    ),
                ));
            }
            for (j, d) in s.duties.iter().enumerate() {
                if s.duties.iter().take(j).any(|x| x.id == d.id) {
                    out.push((
                        format!("{at}.duties[{j}].id"),
                        Msg::new(
                            format!("mã nhiệm vụ `{}` được dùng hai lần", d.id),
                            format!("duty id `{}` is used twice", d.id),
                        ),
                    ));
                }
            }
            if let Some(c) = s
                .coverage
                .as_ref()
                .filter(|c| c.value.to.is_some_and(|to| to < c.value.from))
            {
                out.push((
                    format!("{at}.coverage.value.to"),
                    Msg::new(
                        format!(
                            "khoảng thời gian phải có người theo dõi kết thúc ({}) trước khi bắt đầu ({})",
                            c.value.to.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default(),
                            c.value.from.format("%d/%m/%Y")
                        ),
                        format!(
                            "the coverage window ends ({}) before it starts ({})",
                            c.value.to.map(|d| d.to_string()).unwrap_or_default(),
                            c.value.from
                        ),
                    ),
                ));
            }
            if let Some(t) = &s.term_body {
                if let Some(role) = Role::from_word(&t.value)
                    .filter(|r| !matches!(r, Role::Issuer | Role::IssuerStandingCommittee))
                {
                    out.push((
                        format!("{at}.term_body.value"),
                        Msg::new(
                            format!("vai trò `{role}` phụ thuộc vào từng phân công; cơ quan có nhiệm kỳ phải là `issuer`, `issuer_standing_committee` hoặc mã một tổ chức"),
                            format!("the role `{role}` depends on an assignment; a term body must be `issuer`, `issuer_standing_committee` or an organisation id"),
                        ),
                    ));
                }
            }
            for (j, r) in s.relationships.iter().enumerate() {
                let c = &r.counterpart.value;
                let path = format!("{at}.relationships[{j}].counterpart.value");
                if c.body.is_none() && c.role.is_none() && c.derived.is_none() {
                    out.push((
                        path.clone(),
                        Msg::new(
                            "quan hệ công tác không nêu cơ quan, vai trò hay cách xác định bên kia",
                            "the counterpart names no body, role or derivation",
                        ),
                    ));
                }
                if let Some(via) = &c.via_scheme {
                    if !scheme_ids.contains(&via.as_str()) {
                        out.push((
                            format!("{path}.via_scheme"),
                            Msg::new(
                                format!(
                                    "không có hình thức phân công `{via}` (các hình thức có: {})",
                                    scheme_ids.join(", ")
                                ),
                                format!(
                                    "unknown scheme `{via}` (known: {})",
                                    scheme_ids.join(", ")
                                ),
                            ),
                        ));
                    }
                } else if c.derived == Some(Derivation::TargetDistrictLead) {
                    out.push((
                        format!("{path}.via_scheme"),
                        Msg::new(
                            "target_district_lead cần nêu hình thức phân công Ủy viên Ban Thường vụ phụ trách huyện (via_scheme)",
                            "target_district_lead needs the scheme that assigns district leads",
                        ),
                    ));
                }
                if matches!(c.role, Some(role) if !matches!(role, Role::Issuer | Role::IssuerStandingCommittee))
                {
                    out.push((
                        format!("{path}.role"),
                        Msg::new(
                            "vai trò cố định của bên kia phải là `issuer` hoặc `issuer_standing_committee`; các trường hợp khác dùng `derived`",
                            "a fixed counterpart role must be `issuer` or `issuer_standing_committee`; use `derived` for the others",
                        ),
                    ));
                }
            }
            if let Some(e) = &s.evaluation {
                let due = e.due.value;
                if due_date(2023, due.month, due.day).is_none() || due.day == 0 {
                    out.push((
                        format!("{at}.evaluation.due.value"),
                        Msg::new(
                            format!("{}/{} không phải là một ngày trong năm", due.day, due.month),
                            format!("{}/{} is not a day of the year", due.day, due.month),
                        ),
                    ));
                }
                if e.min_days_in_year.value > 366 {
                    out.push((
                        format!("{at}.evaluation.min_days_in_year.value"),
                        Msg::new(
                            "một năm có nhiều nhất 366 ngày",
                            "a year has at most 366 days",
                        ),
                    ));
                }
                if matches!(
                    e.author.value,
                    Derivation::TargetDistrictLead | Derivation::SubjectAgency
                ) {
                    out.push((
                        format!("{at}.evaluation.author.value"),
                        Msg::new(
                            "người viết bản đánh giá phải là một cấp ủy (target_party_committee hoặc target_district_party_committee)",
                            "the evaluation author must be a party committee (target_party_committee or target_district_party_committee)",
                        ),
                    ));
                }
            }
        }
        out
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

    /// The regulation's days in force as the profile states them: from the effective date to
    /// the earliest of `in_force_until` and the day before `repealed_on`. (The issuer ceasing
    /// to exist, read from the dataset, may end it earlier: see `Jurisdiction`.)
    #[must_use]
    pub fn in_force(&self) -> crate::Period {
        let repealed = self.regulation.repealed_on.and_then(|d| d.pred_opt());
        let to = match (self.regulation.in_force_until, repealed) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        crate::Period {
            from: self.regulation.effective,
            to,
        }
    }
}

/// The day evaluations for `year` are due under a policy (clamped to a real day of the month).
pub(crate) fn due_date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let next = year.checked_add(1)?;
    (1..=day.min(31))
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(next, month, d))
}

/// One parameter of a profile, as [`Profile::parameters`] lists it.
pub(crate) struct ParamSite<'p> {
    /// Its JSON path in the profile (`schemes[0].per_subject`).
    pub(crate) path: String,
    /// The scheme it belongs to; `None` for the profile's own (`ntm_criteria.count`).
    pub(crate) scheme: Option<&'p Scheme>,
    /// How rules name it inside its scheme (`per_subject`, `duties.ID.min_per_year`), or
    /// its path for the profile's own.
    pub(crate) name: String,
    pub(crate) source: Source,
    pub(crate) article: Option<&'p str>,
    /// Its value as JSON text.
    pub(crate) value: String,
    pub(crate) severity: Option<Severity>,
}

impl Profile {
    /// Every parameter of the profile, in the order of its JSON text: the one walk that
    /// validation (articles cited) and [`crate::api::profile_parameters`] share.
    pub(crate) fn parameters(&self) -> Vec<ParamSite<'_>> {
        fn site<'p, T: Serialize>(
            path: String,
            scheme: Option<&'p Scheme>,
            name: String,
            param: &'p Param<T>,
        ) -> ParamSite<'p> {
            ParamSite {
                path,
                scheme,
                name,
                source: param.source,
                article: param.article.as_deref(),
                value: serde_json::to_string(&param.value).unwrap_or_default(),
                severity: param.severity,
            }
        }
        let mut out = vec![site(
            "ntm_criteria.count".into(),
            None,
            "ntm_criteria.count".into(),
            &self.ntm_criteria.count,
        )];
        for (i, s) in self.schemes.iter().enumerate() {
            let at = |field: &str| format!("schemes[{i}].{field}");
            let one = Some(s);
            out.push(site(at("subject"), one, "subject".into(), &s.subject));
            out.push(site(at("target"), one, "target".into(), &s.target));
            out.push(site(
                at("per_target"),
                one,
                "per_target".into(),
                &s.per_target,
            ));
            out.push(site(
                at("per_subject"),
                one,
                "per_subject".into(),
                &s.per_subject,
            ));
            if let Some(c) = &s.coverage {
                out.push(site(at("coverage"), one, "coverage".into(), c));
            }
            if let Some(t) = &s.term_body {
                out.push(site(at("term_body"), one, "term_body".into(), t));
            }
            out.push(site(
                at("under_regulation"),
                one,
                "under_regulation".into(),
                &s.under_regulation,
            ));
            out.push(site(
                at("eligible_tenure"),
                one,
                "eligible_tenure".into(),
                &s.eligible_tenure,
            ));
            if let Some(a) = &s.acting_max_days {
                out.push(site(
                    at("acting_max_days"),
                    one,
                    "acting_max_days".into(),
                    a,
                ));
            }
            for (j, d) in s.duties.iter().enumerate() {
                out.push(site(
                    at(&format!("duties[{j}].min_per_year")),
                    one,
                    format!("duties.{}.min_per_year", d.id),
                    &d.min_per_year,
                ));
            }
            for (j, r) in s.relationships.iter().enumerate() {
                out.push(site(
                    at(&format!("relationships[{j}].counterpart")),
                    one,
                    "relationships".into(),
                    &r.counterpart,
                ));
            }
            if let Some(e) = &s.evaluation {
                out.push(site(
                    at("evaluation.author"),
                    one,
                    "evaluation.author".into(),
                    &e.author,
                ));
                out.push(site(
                    at("evaluation.due"),
                    one,
                    "evaluation.due".into(),
                    &e.due,
                ));
                out.push(site(
                    at("evaluation.min_days_in_year"),
                    one,
                    "evaluation.min_days_in_year".into(),
                    &e.min_days_in_year,
                ));
                out.push(site(
                    at("evaluation.replace_within_days"),
                    one,
                    "evaluation.replace_within_days".into(),
                    &e.replace_within_days,
                ));
            }
        }
        out
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
    fn inconsistent_profiles_are_rejected_with_their_path() {
        let base = serde_json::to_value(Profile::bac_kan_1390()).unwrap();
        let cases: [(&str, serde_json::Value, &str); 8] = [
            (
                "/schemes/2/per_target/value/min",
                serde_json::json!(2),
                "schemes[2].per_target.value.min",
            ),
            (
                "/schemes/0/per_subject/value/min",
                serde_json::json!(1),
                "schemes[0].per_subject.value.min",
            ),
            (
                "/schemes/0/relationships/1/counterpart/value/via_scheme",
                serde_json::json!("district-leads"),
                "schemes[0].relationships[1].counterpart.value.via_scheme",
            ),
            (
                "/schemes/2/id",
                serde_json::json!("commune-monitoring"),
                "schemes[2].id",
            ),
            (
                "/schemes/0/per_subject/value/min",
                serde_json::json!(3),
                "schemes[0].per_subject.value",
            ),
            (
                "/schemes/0/duties/0/min_per_year/article",
                serde_json::json!("12"),
                "schemes[0].duties[0].min_per_year.article",
            ),
            (
                "/schemes/0/term_body/value",
                serde_json::json!("target_district_lead"),
                "schemes[0].term_body.value",
            ),
            (
                "/schemes/0/evaluation/due/value/month",
                serde_json::json!(13),
                "schemes[0].evaluation.due.value",
            ),
        ];
        for (pointer, value, path) in cases {
            let mut v = base.clone();
            *v.pointer_mut(pointer).unwrap() = value;
            let err = Profile::from_json_str(&v.to_string()).unwrap_err();
            assert_eq!(err.code(), "invalid_value", "{pointer}");
            assert!(err.to_string().contains(path), "{pointer}: {err}");
        }
        // A negative frequency is not a number of times at all.
        let mut v = base.clone();
        *v.pointer_mut("/schemes/0/duties/0/min_per_year/value")
            .unwrap() = serde_json::json!(-1);
        assert!(Profile::from_json_str(&v.to_string()).is_err());
        assert!(Profile::bac_kan_1390().validate().is_ok());
    }

    #[test]
    fn the_new_rural_criteria_are_the_profiles() {
        let builtin = Profile::bac_kan_1390();
        // A profile written before the section existed is judged as before: 19 criteria.
        let mut v = serde_json::to_value(&builtin).unwrap();
        v.as_object_mut().unwrap().remove("ntm_criteria").unwrap();
        let old = Profile::from_json_str(&v.to_string()).unwrap();
        assert_eq!(old.ntm_criteria, builtin.ntm_criteria);
        assert_eq!(old.ntm_criteria.count.value, 19);
        // A set of no criteria is no set.
        *v.pointer_mut("").unwrap() = serde_json::to_value(&builtin).unwrap();
        *v.pointer_mut("/ntm_criteria/count/value").unwrap() = serde_json::json!(0);
        let err = Profile::from_json_str(&v.to_string()).unwrap_err();
        assert_eq!(err.code(), "invalid_value");
        assert!(
            err.to_string().contains("ntm_criteria.count.value"),
            "{err}"
        );
    }

    #[test]
    fn a_coverage_window_that_ends_before_it_starts_is_refused() {
        let mut v = serde_json::to_value(Profile::bac_kan_1390()).unwrap();
        let from = v["schemes"][0]["coverage"]["value"]["from"].clone();
        assert!(
            from.is_string(),
            "the built-in's first scheme has a coverage window"
        );
        v["schemes"][0]["coverage"]["value"]["to"] = serde_json::json!("2020-01-01");
        let err = Profile::from_json_str(&v.to_string()).unwrap_err();
        assert_eq!(err.code(), "invalid_value");
        assert!(
            err.to_string().contains("schemes[0].coverage.value.to"),
            "{err}"
        );
        // Ending on its first day is a window of one day.
        v["schemes"][0]["coverage"]["value"]["to"] = from;
        assert!(Profile::from_json_str(&v.to_string()).is_ok());
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
