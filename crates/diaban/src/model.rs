//! The records of a dataset (docs/design.md, "The domain model"): units, organisations, people and their posts,
//! congress terms, assignments, activities, evaluations, reorganisations and
//! rural-development statuses.
//!
//! These are plain data. A [`Dataset`] is loaded from JSON or a CSV folder (see [`crate::io`]),
//! checked against a [`crate::Profile`] by [`crate::check`], and queried through [`crate::Index`].

use crate::period::Period;
use crate::words::word_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
/// The text of a record's field: a string that holds up to 23 bytes (every id and code) in
/// place, without an allocation of its own, and is cloned in constant time. It reads as a
/// `&str` (`Deref`, `as_str`) and is made with `.into()` from a `&str` or a `String`.
pub use smol_str::SmolStr;

pub(crate) mod dates {
    //! Serde helpers: dates are read as ISO `YYYY-MM-DD` or `DD/MM/YYYY`, written as ISO.
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer};

    fn parse<E: serde::de::Error>(text: &str) -> Result<NaiveDate, E> {
        crate::period::parse_date(text).ok_or_else(|| {
            E::custom(format_args!(
                "invalid date `{text}`: expected a real date as YYYY-MM-DD or DD/MM/YYYY"
            ))
        })
    }

    pub(crate) fn de<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        parse(&text)
    }

    pub(crate) fn de_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<std::borrow::Cow<str>>::deserialize(d)? {
            None => Ok(None),
            Some(text) if text.trim().is_empty() => Ok(None),
            Some(text) => parse(&text).map(Some),
        }
    }
}

pub(crate) mod text {
    //! Serde helpers for texts: read in NFC (a file in decomposed Unicode still names the
    //! same units and people), a blank optional text read as absent. A blank required text
    //! is refused by the reader (the CSV and XLSX cell; the JSON check in `io::walk`).
    //!
    //! A text is asked for as the newtype [`NAME`]: a JSON document hands its string over as
    //! is and it is put in NFC here; the CSV and XLSX readers, whose texts are already in NFC
    //! (each file or cell is normalised as it is read), answer with the text itself, so the
    //! rows are not scanned twice.
    use serde::de::{Deserializer, Visitor};
    use serde::Deserialize;
    use smol_str::SmolStr;
    use std::borrow::Cow;
    use std::fmt;

    /// The name under which a text is asked for.
    pub(crate) const NAME: &str = "diaban::Text";

    /// A text of the records, in NFC.
    struct Text(SmolStr);

    struct TextVisitor;

    impl<'de> Visitor<'de> for TextVisitor {
        type Value = Text;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        /// A text already in NFC (from a row).
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Text, E> {
            Ok(Text(SmolStr::new(text)))
        }

        /// A text as a document holds it.
        fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Text, D::Error> {
            Cow::<str>::deserialize(d).map(|text| Text(nfc(&text)))
        }
    }

    impl<'de> Deserialize<'de> for Text {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
            d.deserialize_newtype_struct(NAME, TextVisitor)
        }
    }

    fn nfc(text: &str) -> SmolStr {
        use unicode_normalization::UnicodeNormalization;
        if crate::words::is_nfc(text) {
            SmolStr::new(text)
        } else {
            text.nfc().collect::<String>().into()
        }
    }

    pub(crate) fn de<'de, D: Deserializer<'de>>(d: D) -> Result<SmolStr, D::Error> {
        Text::deserialize(d).map(|t| t.0)
    }

    pub(crate) fn de_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<SmolStr>, D::Error> {
        Ok(Option::<Text>::deserialize(d)?
            .map(|t| t.0)
            .filter(|text| !text.trim().is_empty()))
    }
}

word_enum! {
    /// The GSO type of an administrative unit, written as the GSO writes it.
    #[non_exhaustive]
    pub enum UnitType {
        /// Province.
        Province = "Tỉnh",
        /// Centrally governed city.
        CentralCity = "Thành phố Trung ương",
        /// Rural district.
        RuralDistrict = "Huyện",
        /// Urban district.
        UrbanDistrict = "Quận",
        /// District-level town.
        Town = "Thị xã",
        /// Provincial city (district level).
        City = "Thành phố",
        /// Commune.
        Commune = "Xã",
        /// Ward.
        Ward = "Phường",
        /// Township.
        Township = "Thị trấn",
        /// Special zone (since 2025).
        SpecialZone = "Đặc khu",
    }
}

word_enum! {
    /// The tier of government a unit or organisation belongs to.
    pub enum Level {
        /// Province level (tỉnh).
        Province = "province",
        /// District level (huyện), abolished on 1 July 2025.
        District = "district",
        /// Commune level (xã, phường, thị trấn).
        Commune = "commune",
    }
}

impl UnitType {
    /// The level this type of unit belongs to (a `Thành phố` is district level; a province-level city is `Thành phố Trung ương`).
    #[must_use]
    pub fn level(self) -> Level {
        match self {
            UnitType::Province | UnitType::CentralCity => Level::Province,
            UnitType::RuralDistrict | UnitType::UrbanDistrict | UnitType::Town | UnitType::City => {
                Level::District
            }
            UnitType::Commune | UnitType::Ward | UnitType::Township | UnitType::SpecialZone => {
                Level::Commune
            }
        }
    }

    /// Reads a unit type, tolerating the capitalised spellings found in GSO files ("Thành Phố").
    #[must_use]
    pub fn parse(word: &str) -> Option<UnitType> {
        UnitType::from_word(word).or_else(|| {
            let lower = word.trim().to_lowercase();
            UnitType::ALL
                .iter()
                .copied()
                .find(|t| t.as_str().to_lowercase() == lower)
        })
    }
}

/// An administrative unit (đơn vị hành chính). Its identity is its code *and* its validity:
/// codes are reused across reforms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// GSO code: 2 digits for a province, 3 for a district, 5 for a commune.
    #[serde(deserialize_with = "text::de")]
    pub code: SmolStr,
    /// Official name, NFC ("Xã Vân Tùng").
    #[serde(deserialize_with = "text::de")]
    pub name: SmolStr,
    /// GSO type.
    #[serde(rename = "type")]
    pub unit_type: UnitType,
    /// Code of the unit it belongs to, if any.
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_code: Option<SmolStr>,
    /// First day in force; `None` when not recorded (in force since before the records begin).
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_from: Option<NaiveDate>,
    /// Last day in force; `None` while still in force.
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_to: Option<NaiveDate>,
}

impl Unit {
    /// The level: from the code's length (2, 3, 5 digits) when it is a GSO code, else from the type.
    #[must_use]
    pub fn level(&self) -> Level {
        match self.code.len() {
            2 => Level::Province,
            3 => Level::District,
            5 => Level::Commune,
            _ => self.unit_type.level(),
        }
    }

    /// The days the unit is in force (an unrecorded start counts as "always").
    #[must_use]
    pub fn validity(&self) -> Period {
        validity(self.valid_from, self.valid_to)
    }
}

pub(crate) fn validity(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Period {
    Period::between(from, to)
}

word_enum! {
    /// What kind of body an organisation is.
    #[non_exhaustive]
    pub enum OrgKind {
        /// A party committee (cấp ủy): Tỉnh ủy, Huyện ủy, Đảng ủy xã.
        PartyCommittee = "party_committee",
        /// A standing committee (Ban Thường vụ).
        StandingCommittee = "standing_committee",
        /// A party board (ban đảng): Ban Tổ chức, Ban Nội chính…
        PartyBoard = "party_board",
        /// A department of the people's committee (sở).
        Department = "department",
        /// Another state body (agency, sector).
        Agency = "agency",
        /// A mass organisation (đoàn thể).
        MassOrganization = "mass_organization",
        /// A grassroots party cell (chi bộ).
        PartyCell = "party_cell",
    }
}

/// An organisation: a party body, a state body or a mass organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Stable id.
    #[serde(deserialize_with = "text::de")]
    pub id: SmolStr,
    /// Name, NFC.
    #[serde(deserialize_with = "text::de")]
    pub name: SmolStr,
    /// Kind of body.
    pub kind: OrgKind,
    /// Tier it belongs to.
    pub level: Level,
    /// Code of the administrative unit it belongs to.
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_code: Option<SmolStr>,
    /// The organisation it is part of.
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_id: Option<SmolStr>,
    /// First day it exists, if recorded.
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_from: Option<NaiveDate>,
    /// Last day it exists, if it has ended.
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_to: Option<NaiveDate>,
}

impl Organization {
    /// The days the organisation exists.
    #[must_use]
    pub fn validity(&self) -> Period {
        validity(self.valid_from, self.valid_to)
    }
}

word_enum! {
    /// A post's rank inside its organisation.
    pub enum Rank {
        /// The head (Giám đốc, Trưởng ban, Bí thư, Chủ tịch…).
        Head = "head",
        /// A deputy (Phó…).
        Deputy = "deputy",
        /// A member or staff.
        Member = "member",
    }
}

/// One post held by one person for a period (one row of `people.csv`). A person with
/// several posts has several records with the same `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// The person's id.
    #[serde(deserialize_with = "text::de")]
    pub id: SmolStr,
    /// The person's name, NFC.
    #[serde(deserialize_with = "text::de")]
    pub name: SmolStr,
    /// The post's title ("Giám đốc Sở Công Thương").
    #[serde(deserialize_with = "text::de")]
    pub title: SmolStr,
    /// The organisation the post belongs to.
    #[serde(deserialize_with = "text::de")]
    pub organization_id: SmolStr,
    /// Rank of the post.
    pub rank: Rank,
    /// First day in the post, if recorded.
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_from: Option<NaiveDate>,
    /// Last day in the post, if it has ended.
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_to: Option<NaiveDate>,
}

impl Post {
    /// The days the post is held.
    #[must_use]
    pub fn validity(&self) -> Period {
        validity(self.valid_from, self.valid_to)
    }
}

/// The term (nhiệm kỳ) of a party organisation's congress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable id.
    #[serde(deserialize_with = "text::de")]
    pub id: SmolStr,
    /// The body whose congress opened the term.
    #[serde(deserialize_with = "text::de")]
    pub organization_id: SmolStr,
    /// Label, such as `2020–2025`.
    #[serde(deserialize_with = "text::de")]
    pub label: SmolStr,
    /// Ordinal of the congress, such as `XII`.
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ordinal: Option<SmolStr>,
    /// First day of the term.
    #[serde(deserialize_with = "dates::de")]
    pub valid_from: NaiveDate,
    /// Last day of the term, once known (a term can end early).
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_to: Option<NaiveDate>,
}

impl Term {
    /// The days of the term.
    #[must_use]
    pub fn period(&self) -> Period {
        Period {
            from: self.valid_from,
            to: self.valid_to,
        }
    }
}

word_enum! {
    /// Why an assignment ended.
    pub enum EndReason {
        /// The congress term ended.
        TermEnded = "term_ended",
        /// Someone else took over.
        Replaced = "replaced",
        /// The unit was reorganised.
        Reorganized = "reorganized",
        /// The decision was revoked.
        Revoked = "revoked",
    }
}

/// One assignment of a subject (a person or an organisation) to a target (a unit or an
/// organisation) under a scheme, for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// Stable id, independent of the dates.
    #[serde(deserialize_with = "text::de")]
    pub id: SmolStr,
    /// The scheme of the profile it belongs to (`commune-monitoring`…).
    #[serde(deserialize_with = "text::de")]
    pub scheme: SmolStr,
    /// The person or organisation assigned.
    #[serde(deserialize_with = "text::de")]
    pub subject_id: SmolStr,
    /// The unit code or organisation id assigned to.
    #[serde(deserialize_with = "text::de")]
    pub target: SmolStr,
    /// First day (inclusive).
    #[serde(deserialize_with = "dates::de")]
    pub valid_from: NaiveDate,
    /// Last day (inclusive), if ended.
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_to: Option<NaiveDate>,
    /// The congress term it belongs to.
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub term_id: Option<SmolStr>,
    /// Number of the deciding document.
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub decision_number: Option<SmolStr>,
    /// Day the decision was signed.
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub decision_date: Option<NaiveDate>,
    /// Why it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_reason: Option<EndReason>,
    /// The assignment this one replaces.
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub replaces: Option<SmolStr>,
    /// A scheme-specific category (for the rural-development programme: `finishing` or `difficult`).
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub category: Option<SmolStr>,
    /// An acting or temporary assignment (kiêm nhiệm tạm thời), held while a successor is
    /// appointed: for its first `acting_max_days` days (a scheme parameter) it does not count
    /// toward the subject's limit of targets.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub acting: bool,
}

impl Assignment {
    /// The assignment's period as written (it may be inverted; validation reports that).
    #[must_use]
    pub fn period(&self) -> Period {
        Period {
            from: self.valid_from,
            to: self.valid_to,
        }
    }
}

word_enum! {
    /// What a monitoring cadre or helping agency did.
    #[non_exhaustive]
    pub enum ActivityKind {
        /// Attended a meeting of the commune's party committee.
        CommitteeMeeting = "committee_meeting",
        /// Went to villages (thôn, bản) to grasp the situation.
        FieldVisit = "field_visit",
        /// Advised, guided, supported or urged the locality.
        Guidance = "guidance",
        /// Proposed something directly to the Standing Committee.
        Proposal = "proposal",
        /// Attended a grassroots party cell's meeting.
        CellMeeting = "cell_meeting",
        /// Contributed money, materials or labour (rural-development programme).
        Contribution = "contribution",
    }
}

word_enum! {
    /// What a contribution consisted of.
    #[non_exhaustive]
    pub enum ContributionKind {
        /// Built works (roads, lighting, halls).
        Works = "works",
        /// Gift packages.
        Gifts = "gifts",
        /// Bicycles.
        Bicycles = "bicycles",
        /// Houses.
        Houses = "houses",
        /// Cash.
        Cash = "cash",
        /// Labour days.
        LabourDays = "labour_days",
    }
}

/// Something a subject did for a target on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Stable id.
    #[serde(deserialize_with = "text::de")]
    pub id: SmolStr,
    /// The day it happened.
    #[serde(deserialize_with = "dates::de")]
    pub date: NaiveDate,
    /// The person or organisation acting.
    #[serde(deserialize_with = "text::de")]
    pub subject_id: SmolStr,
    /// The unit code or organisation id concerned.
    #[serde(deserialize_with = "text::de")]
    pub target: SmolStr,
    /// What was done.
    pub kind: ActivityKind,
    /// The profile duty it fulfils, if named.
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub duty: Option<SmolStr>,
    /// Free text.
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub note: Option<SmolStr>,
    /// How many (gift packages, bicycles, labour days…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u64>,
    /// Value in đồng.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_vnd: Option<u64>,
    /// For contributions: what was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contribution: Option<ContributionKind>,
    /// For proposals: the body proposed to.
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub recipient: Option<SmolStr>,
}

word_enum! {
    /// The rating of a yearly evaluation.
    pub enum Rating {
        /// Hoàn thành xuất sắc nhiệm vụ.
        Excellent = "excellent",
        /// Hoàn thành tốt nhiệm vụ.
        Good = "good",
        /// Hoàn thành nhiệm vụ.
        Fulfilled = "fulfilled",
        /// Không hoàn thành nhiệm vụ.
        Unfulfilled = "unfulfilled",
    }
}

/// A written yearly evaluation of an assignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// Stable id.
    #[serde(deserialize_with = "text::de")]
    pub id: SmolStr,
    /// The year evaluated.
    pub year: i32,
    /// The assignment evaluated.
    #[serde(deserialize_with = "text::de")]
    pub assignment_id: SmolStr,
    /// The body that wrote it.
    #[serde(deserialize_with = "text::de")]
    pub author_id: SmolStr,
    /// The day it was sent.
    #[serde(
        default,
        deserialize_with = "dates::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub submitted_on: Option<NaiveDate>,
    /// The rating given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// Free text.
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub note: Option<SmolStr>,
}

word_enum! {
    /// Whether an old unit passes whole or in part to a new unit.
    pub enum Part {
        /// The whole old unit.
        Full = "full",
        /// Part of the old unit (it is split between several new ones).
        Partial = "partial",
        /// The old unit ends and passes to no new unit (the district level abolished in 2025);
        /// `new_code`, `new_name` and `new_type` are then empty.
        Abolished = "abolished",
    }
}

/// One edge of a reorganisation: old unit → new unit on an effective date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReorganizationEdge {
    /// First day of the new arrangement.
    #[serde(deserialize_with = "dates::de")]
    pub effective: NaiveDate,
    /// The old unit's code (as in force the day before).
    #[serde(deserialize_with = "text::de")]
    pub old_code: SmolStr,
    /// The new unit's code; `None` when the old unit is abolished.
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub new_code: Option<SmolStr>,
    /// The new unit's name; `None` when the old unit is abolished.
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub new_name: Option<SmolStr>,
    /// The new unit's type; `None` when the old unit is abolished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_type: Option<UnitType>,
    /// Whole, partial or abolished.
    pub part: Part,
    /// The legal basis ("Nghị quyết 1683/NQ-UBTVQH15, Điều 1, khoản 90").
    #[serde(
        default,
        deserialize_with = "text::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub basis: Option<SmolStr>,
}

word_enum! {
    /// A commune's standing under the new-rural-development criteria.
    pub enum NtmStatus {
        /// Not yet at the standard.
        NotMet = "not_met",
        /// Đạt chuẩn nông thôn mới.
        Standard = "standard",
        /// Nông thôn mới nâng cao.
        Advanced = "advanced",
        /// Nông thôn mới kiểu mẫu.
        Model = "model",
    }
}

/// A commune's new-rural-development status in a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NtmRecord {
    /// The commune.
    #[serde(deserialize_with = "text::de")]
    pub unit_code: SmolStr,
    /// The year.
    pub year: i32,
    /// Criteria met, 0 to 19 (QĐ 318/QĐ-TTg).
    pub criteria_met: u8,
    /// The status reached.
    pub status: NtmStatus,
}

/// A whole dataset: everything a province records about its oversight arrangements.
///
/// Every list is optional in files except `units`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Administrative units, every version of every code.
    pub units: Vec<Unit>,
    /// Organisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizations: Vec<Organization>,
    /// Posts held by people (one record per post).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Post>,
    /// Congress terms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<Term>,
    /// Assignments under the profile's schemes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assignments: Vec<Assignment>,
    /// Activities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Yearly evaluations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evaluations: Vec<Evaluation>,
    /// Reorganisation edges.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reorganizations: Vec<ReorganizationEdge>,
    /// New-rural-development statuses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ntm_statuses: Vec<NtmRecord>,
}
