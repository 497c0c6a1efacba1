//! The message catalogue: every sentence a finding says, once per language.
//!
//! Each finding code has, in each language's file ([`vi`] and [`en`]), a title, a hint (what
//! the office can do about it) and one or more message templates, one per [`Key`]. A template
//! names its values by placeholder (`{target}`, `{span}`…); the rule that emits the finding
//! gives the values ([`Args`]) and says nothing itself. A value renders the way each language
//! writes it: names in the sentence (a person as "đồng chí …", a unit as "xã …"), days as
//! dd/mm/yyyy in Vietnamese and ISO in English, counts with their thousands grouped. The ids of
//! the records concerned never stand in the sentence: they follow it in one trailing bracket
//! ("[mã: …]" / "[ids: …]"), so that a person can find the record.
//!
//! Both catalogues are `match`es over [`Key`] and [`Code`]: a key or a code without a
//! Vietnamese or an English text does not compile. `tests` below check that the two languages'
//! templates name the same placeholders and that no Vietnamese text holds an English word of
//! the vocabularies.

mod en;
mod vi;

use crate::finding::{Code, Lang};
use crate::index::Index;
use crate::period::Period;
use crate::profile::{Scheme, SubjectKind, TargetKind};
use chrono::NaiveDate;

/// One message template of the catalogue. Each belongs to one finding code ([`Key::code`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub(crate) enum Key {
    DuplicateId,
    UnknownReference,
    InvalidPeriod,
    UnitCodeOverlap,
    UnitNotInForce,
    CoverageGapUnassigned,
    CoverageGapIneligible,
    CoverageEnding,
    CoverageOverlap,
    AssigneeOverloaded,
    AssignmentDuplicated,
    ActingTooLong,
    IneligibleAssignee,
    OutsideTermOtherBody,
    OutsideTermDays,
    OutsideTermCutShort,
    OutsideRegulation,
    NotCoveredByRegulation,
    TargetOutOfScope,
    OpenAfterReorganization,
    OpenAfterReorganizationAssignment,
    ActivityOutsideAssignment,
    DutyFrequencyUnmet,
    EvaluationMissing,
    EvaluationLate,
    EvaluationWrongAuthor,
    EvaluationWrongAuthorSuccessor,
    EvaluationDuplicate,
    UnfulfilledNotReplaced,
    DistrictLeadMissing,
    NtmNotCommune,
    NtmTooManyCriteria,
    NtmTooFewCriteria,
    RoleUnresolved,
    /// The note after a message resting on an assumed parameter (`{parameter}`, `{value}`).
    AssumedParameter,
    /// The same, for a structured parameter (no value in the text).
    AssumedParameterNoValue,
    /// A person in a sentence (`{name}`).
    Person,
    /// A person the dataset does not know (`{id}`).
    UnknownPerson,
    /// An organisation the dataset does not know (`{id}`).
    UnknownOrganization,
    /// A unit the dataset does not know (`{code}`).
    UnknownUnit,
    /// The rest of a list cut short (`{count}`).
    MoreItems,
    /// The word joining the last two items of a list.
    And,
    /// The trailing bracket of ids (`{ids}`), and its rest when cut short (`{count}`).
    Ids,
    MoreIds,
    /// A duty's yearly minimum as a parameter (`{duty}`).
    DutyMinimum,
    /// A number of days (`{count}`).
    Days,
}

impl Key {
    /// Every key, for the catalogue's tests.
    #[cfg(test)]
    pub(crate) const ALL: &'static [Key] = &[
        Key::DuplicateId,
        Key::UnknownReference,
        Key::InvalidPeriod,
        Key::UnitCodeOverlap,
        Key::UnitNotInForce,
        Key::CoverageGapUnassigned,
        Key::CoverageGapIneligible,
        Key::CoverageEnding,
        Key::CoverageOverlap,
        Key::AssigneeOverloaded,
        Key::AssignmentDuplicated,
        Key::ActingTooLong,
        Key::IneligibleAssignee,
        Key::OutsideTermOtherBody,
        Key::OutsideTermDays,
        Key::OutsideTermCutShort,
        Key::OutsideRegulation,
        Key::NotCoveredByRegulation,
        Key::TargetOutOfScope,
        Key::OpenAfterReorganization,
        Key::OpenAfterReorganizationAssignment,
        Key::ActivityOutsideAssignment,
        Key::DutyFrequencyUnmet,
        Key::EvaluationMissing,
        Key::EvaluationLate,
        Key::EvaluationWrongAuthor,
        Key::EvaluationWrongAuthorSuccessor,
        Key::EvaluationDuplicate,
        Key::UnfulfilledNotReplaced,
        Key::DistrictLeadMissing,
        Key::NtmNotCommune,
        Key::NtmTooManyCriteria,
        Key::NtmTooFewCriteria,
        Key::RoleUnresolved,
        Key::AssumedParameter,
        Key::AssumedParameterNoValue,
        Key::Person,
        Key::UnknownPerson,
        Key::UnknownOrganization,
        Key::UnknownUnit,
        Key::MoreItems,
        Key::And,
        Key::Ids,
        Key::MoreIds,
        Key::DutyMinimum,
        Key::Days,
    ];

    /// The finding code the template belongs to (`None` for the notes every code shares).
    pub(crate) fn code(self) -> Option<Code> {
        Some(match self {
            Key::DuplicateId => Code::DuplicateId,
            Key::UnknownReference => Code::UnknownReference,
            Key::InvalidPeriod => Code::InvalidPeriod,
            Key::UnitCodeOverlap => Code::UnitCodeOverlap,
            Key::UnitNotInForce => Code::UnitNotInForce,
            Key::CoverageGapUnassigned | Key::CoverageGapIneligible => Code::CoverageGap,
            Key::CoverageEnding => Code::CoverageEnding,
            Key::CoverageOverlap => Code::CoverageOverlap,
            Key::AssigneeOverloaded => Code::AssigneeOverloaded,
            Key::AssignmentDuplicated => Code::AssignmentDuplicated,
            Key::ActingTooLong => Code::ActingTooLong,
            Key::IneligibleAssignee => Code::IneligibleAssignee,
            Key::OutsideTermOtherBody | Key::OutsideTermDays | Key::OutsideTermCutShort => {
                Code::OutsideTerm
            }
            Key::OutsideRegulation => Code::OutsideRegulation,
            Key::NotCoveredByRegulation => Code::NotCoveredByRegulation,
            Key::TargetOutOfScope => Code::TargetOutOfScope,
            Key::OpenAfterReorganization | Key::OpenAfterReorganizationAssignment => {
                Code::OpenAfterReorganization
            }
            Key::ActivityOutsideAssignment => Code::ActivityOutsideAssignment,
            Key::DutyFrequencyUnmet => Code::DutyFrequencyUnmet,
            Key::EvaluationMissing => Code::EvaluationMissing,
            Key::EvaluationLate => Code::EvaluationLate,
            Key::EvaluationWrongAuthor | Key::EvaluationWrongAuthorSuccessor => {
                Code::EvaluationWrongAuthor
            }
            Key::EvaluationDuplicate => Code::EvaluationDuplicate,
            Key::UnfulfilledNotReplaced => Code::UnfulfilledNotReplaced,
            Key::DistrictLeadMissing => Code::DistrictLeadMissing,
            Key::NtmNotCommune | Key::NtmTooManyCriteria | Key::NtmTooFewCriteria => {
                Code::NtmStatusInvalid
            }
            Key::RoleUnresolved => Code::RoleUnresolved,
            Key::AssumedParameter
            | Key::AssumedParameterNoValue
            | Key::Person
            | Key::UnknownPerson
            | Key::UnknownOrganization
            | Key::UnknownUnit
            | Key::MoreItems
            | Key::And
            | Key::Ids
            | Key::MoreIds
            | Key::DutyMinimum
            | Key::Days => return None,
        })
    }

    /// The template in a language.
    pub(crate) fn template(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => vi::message(self),
            Lang::En => en::message(self),
        }
    }

    /// The template in a language with its placeholders filled from `values`, as written (a
    /// phrase inside a sentence: no capital added).
    pub(crate) fn phrase(self, lang: Lang, values: &[(&str, &str)]) -> String {
        fill(self.template(lang), |name| {
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    /// The same phrase in both languages.
    fn both(self, values: &[(&str, &str)]) -> (String, String) {
        (self.phrase(Lang::Vi, values), self.phrase(Lang::En, values))
    }
}

/// What the catalogue says about a finding code in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CodeText {
    /// A short heading for the code's findings.
    pub(crate) title: &'static str,
    /// What the office can do about such a finding.
    pub(crate) hint: &'static str,
}

/// The title and hint of a code in a language.
pub(crate) const fn code_text(code: Code, lang: Lang) -> CodeText {
    match lang {
        Lang::Vi => vi::code(code),
        Lang::En => en::code(code),
    }
}

impl Code {
    /// A short heading for the code's findings in `lang` (for grouping findings by code), from
    /// the message catalogue.
    ///
    /// ```
    /// use diaban::finding::{Code, Lang};
    /// assert_eq!(Code::CoverageGap.title(Lang::Vi), "Đơn vị không có người theo dõi");
    /// assert_eq!(Code::CoverageGap.title(Lang::En), "Unit without a monitor");
    /// ```
    #[must_use]
    pub const fn title(self, lang: Lang) -> &'static str {
        code_text(self, lang).title
    }

    /// What the office can do about a finding of this code, in `lang`.
    ///
    /// ```
    /// use diaban::finding::{Code, Lang};
    /// assert!(Code::EvaluationMissing.hint(Lang::Vi).starts_with("Đề nghị cấp ủy"));
    /// ```
    #[must_use]
    pub const fn hint(self, lang: Lang) -> &'static str {
        code_text(self, lang).hint
    }
}

/// How a parameter of a scheme is called in text ("hạn gửi bản đánh giá"), from its name in the
/// profile (`evaluation.due`, `duties.<id>.min_per_year`); `duty` is the duty's name when the
/// parameter is a duty's.
pub(crate) fn parameter_label(name: &str, duty: Option<(&str, &str)>, lang: Lang) -> String {
    let known = match lang {
        Lang::Vi => vi::parameter(name),
        Lang::En => en::parameter(name),
    };
    if let Some(label) = known {
        return label.to_owned();
    }
    match (name.strip_prefix("duties."), duty) {
        (Some(rest), Some((duty_vi, duty_en))) if rest.ends_with(".min_per_year") => {
            let duty = match lang {
                Lang::Vi => duty_vi,
                Lang::En => duty_en,
            };
            Key::DutyMinimum.phrase(lang, &[("duty", duty)])
        }
        _ => name.to_owned(),
    }
}

/// The label of a role of the profile.
pub(crate) fn role_label(role: crate::profile::Role, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => vi::role(role),
        Lang::En => en::role(role),
    }
}

/// The label of a kind of record (the `kind` of a finding's subject), with its article in
/// English ("phân công", "assignment").
pub(crate) fn kind_label(kind: &str, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => vi::kind(kind),
        Lang::En => en::kind(kind),
    }
}

/// The label of a field of a record (a column), for a message about its value.
pub(crate) fn field_label(field: &str, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => vi::field(field),
        Lang::En => en::field(field),
    }
}

/// A value for a placeholder.
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    /// The same text in both languages (a name, a number of a year).
    Text(String),
    /// A text per language.
    Words(String, String),
    /// A day: dd/mm/yyyy in Vietnamese, ISO in English.
    Date(NaiveDate),
    /// Days: "từ ngày … đến ngày …" / "from … to …".
    Span(Period),
    /// A count, thousands grouped.
    Count(u64),
}

impl Arg {
    pub(crate) fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (Arg::Text(t), _) => t.clone(),
            (Arg::Words(vi, _), Lang::Vi) => vi.clone(),
            (Arg::Words(_, en), Lang::En) => en.clone(),
            (Arg::Date(d), Lang::Vi) => d.format("%d/%m/%Y").to_string(),
            (Arg::Date(d), Lang::En) => d.to_string(),
            (Arg::Span(p), _) => span(p, lang),
            (Arg::Count(n), Lang::Vi) => crate::words::group_thousands(*n),
            (Arg::Count(n), Lang::En) => crate::words::group_thousands(*n).replace('.', ","),
        }
    }
}

/// The values of a message's placeholders, and the ids of the records it concerns (written
/// after the sentence, in one bracket).
#[derive(Debug, Clone, Default)]
pub(crate) struct Args {
    values: Vec<(&'static str, Arg)>,
    ids: Vec<String>,
    /// The ids already given, for finding a repeat in constant time (a finding about a
    /// hundred thousand records must not take quadratic time).
    seen: std::collections::HashSet<String>,
}

/// A list longer than this names its first items and counts the rest; so does the bracket of
/// ids (the details of the finding keep them all).
const SHOWN: usize = 10;

impl Args {
    pub(crate) fn new() -> Args {
        Args::default()
    }
    pub(crate) fn text(mut self, name: &'static str, value: impl Into<String>) -> Args {
        self.values.push((name, Arg::Text(value.into())));
        self
    }
    pub(crate) fn words(
        mut self,
        name: &'static str,
        vi: impl Into<String>,
        en: impl Into<String>,
    ) -> Args {
        self.values.push((name, Arg::Words(vi.into(), en.into())));
        self
    }
    pub(crate) fn date(mut self, name: &'static str, day: NaiveDate) -> Args {
        self.values.push((name, Arg::Date(day)));
        self
    }
    pub(crate) fn span(mut self, name: &'static str, days: Period) -> Args {
        self.values.push((name, Arg::Span(days)));
        self
    }
    pub(crate) fn count(mut self, name: &'static str, n: impl TryInto<u64>) -> Args {
        self.values
            .push((name, Arg::Count(n.try_into().unwrap_or(u64::MAX))));
        self
    }
    /// A record's id, for the trailing bracket (once, in the order given).
    pub(crate) fn id(mut self, id: impl Into<String>) -> Args {
        let id = id.into();
        if !id.is_empty() && self.seen.insert(id.clone()) {
            self.ids.push(id);
        }
        self
    }
    /// These values and ids after the ones already given.
    pub(crate) fn merge(mut self, other: Args) -> Args {
        self.values.extend(other.values);
        for id in other.ids {
            self = self.id(id);
        }
        self
    }
    /// A person ("đồng chí Nguyễn Văn A") or, for an id the dataset lacks, that id named as such.
    pub(crate) fn person(self, name: &'static str, index: &Index<'_>, id: &str) -> Args {
        match index.person_name(id) {
            Some(n) => {
                let (vi, en) = Key::Person.both(&[("name", n)]);
                self.words(name, vi, en).id(id)
            }
            None => {
                let (vi, en) = Key::UnknownPerson.both(&[("id", id)]);
                self.words(name, vi, en).id(id)
            }
        }
    }
    /// An organisation by its name, as recorded ("Huyện ủy Bạch Thông", "Sở Nội vụ").
    pub(crate) fn organization(self, name: &'static str, index: &Index<'_>, id: &str) -> Args {
        match index.organization(id) {
            Some(o) => self.text(name, o.name.clone()).id(id),
            None => {
                let (vi, en) = Key::UnknownOrganization.both(&[("id", id)]);
                self.words(name, vi, en).id(id)
            }
        }
    }
    /// A person or, failing that, an organisation, by id.
    pub(crate) fn someone(self, name: &'static str, index: &Index<'_>, id: &str) -> Args {
        if index.person_name(id).is_none() && index.organization(id).is_some() {
            self.organization(name, index, id)
        } else {
            self.person(name, index, id)
        }
    }
    /// A unit or, failing that, an organisation, by code or id.
    pub(crate) fn place(
        self,
        name: &'static str,
        index: &Index<'_>,
        id: &str,
        day: Option<NaiveDate>,
    ) -> Args {
        if index.unit_near(id, day).is_none() && index.organization(id).is_some() {
            self.organization(name, index, id)
        } else {
            self.unit(name, index, id, day)
        }
    }
    /// The subject of an assignment of a scheme: a person or an organisation.
    pub(crate) fn subject(
        self,
        name: &'static str,
        index: &Index<'_>,
        scheme: &Scheme,
        id: &str,
    ) -> Args {
        match scheme.subject.value.kind {
            SubjectKind::Person if index.person_name(id).is_some() => self.person(name, index, id),
            _ if index.organization(id).is_some() => self.organization(name, index, id),
            _ => self.person(name, index, id),
        }
    }
    /// A unit by its name on a day (or near it): "xã Giáo Hiệu" in a Vietnamese sentence.
    pub(crate) fn unit(
        self,
        name: &'static str,
        index: &Index<'_>,
        code: &str,
        day: Option<NaiveDate>,
    ) -> Args {
        match index.unit_near(code, day) {
            Some(u) => self.words(name, mid_vi(&u.name), u.name.clone()).id(code),
            None => {
                let (vi, en) = Key::UnknownUnit.both(&[("code", code)]);
                self.words(name, vi, en).id(code)
            }
        }
    }
    /// The target of an assignment of a scheme: a unit or an organisation.
    pub(crate) fn target(
        self,
        name: &'static str,
        index: &Index<'_>,
        scheme: &Scheme,
        id: &str,
        day: Option<NaiveDate>,
    ) -> Args {
        match scheme.target.value.kind {
            TargetKind::Organization if index.organization(id).is_some() => {
                self.organization(name, index, id)
            }
            _ => self.unit(name, index, id, day),
        }
    }
    /// A kind of record by its label ("phân công" / "assignment").
    pub(crate) fn kind(self, name: &'static str, kind: &str) -> Args {
        self.words(name, kind_label(kind, Lang::Vi), kind_label(kind, Lang::En))
    }
    /// A vocabulary value by its label: its Vietnamese word, or the English word with spaces.
    pub(crate) fn label<T: crate::words::Aliased>(self, name: &'static str, value: T) -> Args {
        self.words(name, crate::words::label_vi(value), label_en(value))
    }
    /// The subject and target of an assignment (`{subject}`, `{target}`), named on a day.
    pub(crate) fn assignment(
        self,
        index: &Index<'_>,
        scheme: &Scheme,
        a: &crate::model::Assignment,
        day: NaiveDate,
    ) -> Args {
        self.subject("subject", index, scheme, &a.subject_id)
            .target("target", index, scheme, &a.target, Some(day))
    }
    /// A scheme by its name.
    pub(crate) fn scheme(self, name: &'static str, scheme: &Scheme) -> Args {
        self.words(name, scheme.name_vi.clone(), scheme.name_en.clone())
    }
    /// Names joined into a list ("A, B và C" / "A, B and C").
    pub(crate) fn list(self, name: &'static str, items: &[(String, String)]) -> Args {
        let shown = items.get(..SHOWN).unwrap_or(items);
        let mut vi: Vec<String> = shown.iter().map(|(v, _)| v.clone()).collect();
        let mut en: Vec<String> = shown.iter().map(|(_, e)| e.clone()).collect();
        if items.len() > shown.len() {
            let more = Arg::Count((items.len() - shown.len()) as u64);
            vi.push(Key::MoreItems.phrase(Lang::Vi, &[("count", &more.render(Lang::Vi))]));
            en.push(Key::MoreItems.phrase(Lang::En, &[("count", &more.render(Lang::En))]));
        }
        let vi: Vec<&str> = vi.iter().map(String::as_str).collect();
        let en: Vec<&str> = en.iter().map(String::as_str).collect();
        self.words(
            name,
            join(&vi, Key::And.template(Lang::Vi)),
            join(&en, Key::And.template(Lang::En)),
        )
    }

    /// The message of a key in a language: the template with its values, its first letter
    /// capitalised.
    pub(crate) fn render(&self, key: Key, lang: Lang) -> String {
        capitalise(&fill(key.template(lang), |name| {
            self.values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.render(lang))
        }))
    }

    /// One value as it renders in a language (empty when absent).
    pub(crate) fn render_value(&self, name: &str, lang: Lang) -> String {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.render(lang))
            .unwrap_or_default()
    }

    /// Several ids for the trailing bracket.
    pub(crate) fn ids<S: AsRef<str>>(mut self, ids: &[S]) -> Args {
        for id in ids {
            self = self.id(id.as_ref());
        }
        self
    }

    /// The trailing bracket of ids (empty when there are none).
    pub(crate) fn ids_bracket(&self, lang: Lang) -> String {
        if self.ids.is_empty() {
            return String::new();
        }
        let shown = self.ids.get(..SHOWN).unwrap_or(&self.ids);
        let mut ids = shown.join(", ");
        if self.ids.len() > shown.len() {
            let more = Arg::Count((self.ids.len() - shown.len()) as u64).render(lang);
            ids.push_str(&Key::MoreIds.phrase(lang, &[("count", &more)]));
        }
        format!(" {}", Key::Ids.phrase(lang, &[("ids", &ids)]))
    }
}

/// The names of records (Vietnamese, English), for [`Args::list`]: `one` names one record
/// under the placeholder `n` (`|a, id| a.unit("n", index, id, day)`).
pub(crate) fn names<S: AsRef<str>>(
    ids: &[S],
    one: impl Fn(Args, &str) -> Args,
) -> Vec<(String, String)> {
    ids.iter()
        .map(|id| {
            let named = one(Args::new(), id.as_ref());
            (
                named.render_value("n", Lang::Vi),
                named.render_value("n", Lang::En),
            )
        })
        .collect()
}

/// "a, b và c".
pub(crate) fn join(items: &[&str], and: &str) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// The placeholders of a template, in order.
#[cfg(test)]
pub(crate) fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = rest.get(start + 1..).unwrap_or("");
        match after.find('}') {
            Some(end) => {
                out.push(after.get(..end).unwrap_or(""));
                rest = after.get(end + 1..).unwrap_or("");
            }
            None => break,
        }
    }
    out
}

/// A template with its placeholders replaced (an unknown one stays as written, which the
/// tests catch).
fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(rest.get(..start).unwrap_or(""));
        let after = rest.get(start + 1..).unwrap_or("");
        match after.find('}') {
            Some(end) => {
                let name = after.get(..end).unwrap_or("");
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = after.get(end + 1..).unwrap_or("");
            }
            None => {
                out.push_str(rest.get(start..).unwrap_or(""));
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The first letter in upper case.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => text.to_owned(),
    }
}

/// A unit's or body's name as it stands inside a Vietnamese sentence: the word of an
/// administrative level in lower case ("xã Vi Hương", "huyện Ba Bể", "tỉnh Bắc Kạn"), as
/// officials write it; other names as recorded.
pub(crate) fn mid_vi(name: &str) -> String {
    const LEVELS: &[&str] = &[
        "Xã ",
        "Phường ",
        "Thị trấn ",
        "Đặc khu ",
        "Huyện ",
        "Thị xã ",
        "Thành phố ",
        "Quận ",
        "Tỉnh ",
    ];
    for level in LEVELS {
        if let Some(rest) = name.strip_prefix(level) {
            return format!("{}{rest}", level.to_lowercase());
        }
    }
    name.to_owned()
}

/// Days as a sentence says them: "từ ngày 01/09/2024 đến ngày 30/06/2025", "ngày 01/09/2024",
/// "từ ngày 01/09/2024 trở đi"; "from 2024-09-01 to 2025-06-30".
pub(crate) fn span(p: &Period, lang: Lang) -> String {
    let vi = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    let open_start = p.from == NaiveDate::MIN;
    match (lang, p.to) {
        (Lang::Vi, Some(to)) if p.from == to => format!("ngày {}", vi(to)),
        (Lang::En, Some(to)) if p.from == to => format!("on {to}"),
        (Lang::Vi, Some(to)) if open_start => format!("đến ngày {}", vi(to)),
        (Lang::En, Some(to)) if open_start => format!("until {to}"),
        (Lang::Vi, Some(to)) => format!("từ ngày {} đến ngày {}", vi(p.from), vi(to)),
        (Lang::En, Some(to)) => format!("from {} to {to}", p.from),
        (_, None) if open_start => match lang {
            Lang::Vi => "trên mọi ngày".to_owned(),
            Lang::En => "on every day".to_owned(),
        },
        (Lang::Vi, None) => format!("từ ngày {} trở đi", vi(p.from)),
        (Lang::En, None) => format!("from {} onwards", p.from),
    }
}

/// The English label of a vocabulary word: the word with spaces ("committee_meeting" →
/// "committee meeting").
pub(crate) fn label_en<T: crate::words::Word>(value: T) -> String {
    value.word().replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn sorted(template: &str) -> BTreeSet<&str> {
        placeholders(template).into_iter().collect()
    }

    #[test]
    fn both_languages_name_the_same_placeholders() {
        for key in Key::ALL {
            let (vi, en) = (key.template(Lang::Vi), key.template(Lang::En));
            assert_eq!(sorted(vi), sorted(en), "{key:?}: «{vi}» / «{en}»");
            assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
        }
    }

    #[test]
    fn every_code_has_a_title_a_hint_and_a_message() {
        for code in Code::ALL {
            for lang in [Lang::Vi, Lang::En] {
                let t = code_text(*code, lang);
                assert!(!t.title.is_empty() && !t.hint.is_empty(), "{code} {lang}");
                assert!(placeholders(t.title).is_empty() && placeholders(t.hint).is_empty());
            }
            assert!(
                Key::ALL.iter().any(|k| k.code() == Some(*code)),
                "{code} has no message"
            );
        }
        // Key::ALL is complete: every key's code is listed (a key added to the enum but not to
        // ALL would escape the placeholder test).
        let n = Key::ALL.iter().collect::<Vec<_>>().len();
        assert_eq!(n, 46);
    }

    /// Every word of the vocabularies that is English (not also Vietnamese), for the scan.
    fn english_words() -> BTreeSet<String> {
        use crate::words::Word;
        fn add<T: Word>(out: &mut BTreeSet<String>) {
            for v in T::all() {
                out.insert(v.word().to_owned());
            }
        }
        let mut out = BTreeSet::new();
        add::<crate::model::Rank>(&mut out);
        add::<crate::model::Rating>(&mut out);
        add::<crate::model::ActivityKind>(&mut out);
        add::<crate::model::OrgKind>(&mut out);
        add::<crate::model::Level>(&mut out);
        add::<crate::model::EndReason>(&mut out);
        add::<crate::profile::Role>(&mut out);
        add::<crate::profile::SubjectKind>(&mut out);
        add::<crate::profile::TargetKind>(&mut out);
        add::<crate::model::NtmStatus>(&mut out);
        add::<crate::model::Part>(&mut out);
        add::<crate::model::ContributionKind>(&mut out);
        add::<Code>(&mut out);
        // Unit types are Vietnamese words ("Xã"): not English.
        out.retain(|w| w.is_ascii() && w.len() > 2);
        out
    }

    #[test]
    fn vietnamese_texts_hold_no_english_word_and_no_iso_date() {
        let english = english_words();
        let mut texts: Vec<String> = Key::ALL
            .iter()
            .map(|k| k.template(Lang::Vi).to_owned())
            .collect();
        for code in Code::ALL {
            let t = code_text(*code, Lang::Vi);
            texts.push(t.title.to_owned());
            texts.push(t.hint.to_owned());
        }
        for role in crate::profile::Role::ALL {
            texts.push(role_label(*role, Lang::Vi).to_owned());
        }
        for text in &texts {
            // Placeholders are names, not words of the text.
            let mut plain = text.clone();
            for p in placeholders(text) {
                plain = plain.replace(&format!("{{{p}}}"), " ");
            }
            for word in plain.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                assert!(!english.contains(word), "«{word}» in «{text}»");
            }
            assert!(
                !plain
                    .as_bytes()
                    .windows(10)
                    .any(|w| w[4] == b'-' && w[7] == b'-' && w[..4].iter().all(u8::is_ascii_digit)),
                "ISO date in «{text}»"
            );
        }
    }

    #[test]
    fn a_message_renders_names_days_counts_and_ids_per_language() {
        let args = Args::new()
            .words("target", mid_vi("Xã Vi Hương"), "Xã Vi Hương")
            .span(
                "span",
                Period {
                    from: crate::date!(2024, 9, 1),
                    to: Some(crate::date!(2025, 6, 30)),
                },
            )
            .count("count", 1190_u64)
            .id("01975");
        assert_eq!(
            fill("{target} {span} {count}", |n| args
                .values
                .iter()
                .find(|(k, _)| *k == n)
                .map(|(_, v)| v.render(Lang::Vi))),
            "xã Vi Hương từ ngày 01/09/2024 đến ngày 30/06/2025 1.190"
        );
        assert_eq!(args.ids_bracket(Lang::Vi), " [mã: 01975]");
        assert_eq!(args.ids_bracket(Lang::En), " [ids: 01975]");
        assert_eq!(capitalise("xã Vi Hương"), "Xã Vi Hương");
        assert_eq!(fill("{missing}!", |_| None), "{missing}!");
    }
}
