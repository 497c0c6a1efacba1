//! Findings: what validation reports about a dataset, and the registry of rules: each
//! [`Code`] declares once its default severity, its topic and whether it is about the
//! integrity of the records ([`Code::rule`]); its title, hint and messages live in the message
//! catalogue (`messages/`, [`Code::title`], [`Code::hint`]).

use crate::words::word_enum;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};

word_enum! {
    /// The stable code of a finding. New codes may be added; these never change meaning.
    #[non_exhaustive]
    pub enum Code {
        /// Two records of one table share an id.
        DuplicateId = "duplicate_id",
        /// A record names an id or code that does not exist.
        UnknownReference = "unknown_reference",
        /// A period ends before it starts.
        InvalidPeriod = "invalid_period",
        /// Two versions of one unit code are in force on the same days.
        UnitCodeOverlap = "unit_code_overlap",
        /// An assignment targets a unit on days the unit is not in force.
        UnitNotInForce = "unit_not_in_force",
        /// A target in scope has no assignee on some days.
        CoverageGap = "coverage_gap",
        /// A target has more assignees than allowed on some days.
        CoverageOverlap = "coverage_overlap",
        /// A subject holds more assignments than allowed on some days.
        AssigneeOverloaded = "assignee_overloaded",
        /// A subject does not qualify for the scheme on some days.
        IneligibleAssignee = "ineligible_assignee",
        /// An assignment lies outside the congress term it must follow.
        OutsideTerm = "outside_term",
        /// An assignment lies outside the regulation's time in force.
        OutsideRegulation = "outside_regulation",
        /// Records keep a unit in use after a reorganisation ended it.
        OpenAfterReorganization = "open_after_reorganization",
        /// An activity names a target its subject did not have on that day.
        ActivityOutsideAssignment = "activity_outside_assignment",
        /// Fewer activities of a kind than a duty requires in a year.
        DutyFrequencyUnmet = "duty_frequency_unmet",
        /// A yearly evaluation is due and absent.
        EvaluationMissing = "evaluation_missing",
        /// A yearly evaluation was sent after its deadline.
        EvaluationLate = "evaluation_late",
        /// A yearly evaluation was written by the wrong body.
        EvaluationWrongAuthor = "evaluation_wrong_author",
        /// Two evaluations of one assignment for one year.
        EvaluationDuplicate = "evaluation_duplicate",
        /// A district has no Standing Committee member in charge while its communes are monitored.
        DistrictLeadMissing = "district_lead_missing",
        /// A cadre rated `unfulfilled` is still assigned after the allowed delay.
        UnfulfilledNotReplaced = "unfulfilled_not_replaced",
        /// An assignment's target is not of the level, type or kind its scheme covers.
        TargetOutOfScope = "target_out_of_scope",
        /// A rural-development status is recorded for a unit that is not of type Xã, or is out of range.
        NtmStatusInvalid = "ntm_status_invalid",
        /// A body the profile needs (by role) cannot be found in the dataset; the rules needing it are skipped.
        RoleUnresolved = "role_unresolved",
        /// (Only with `strict`.) A record has days no regulation of the profile covers.
        NotCoveredByRegulation = "not_covered_by_regulation",
        /// A target in scope has no assignee recorded from a day after the judged day on.
        CoverageEnding = "coverage_ending",
        /// Two overlapping records assign the same subject to the same target.
        AssignmentDuplicated = "assignment_duplicated",
        /// An acting (temporary) assignment runs longer than the profile allows.
        ActingTooLong = "acting_too_long",
    }
}

word_enum! {
    /// Where a parameter's value (and so a finding resting on it) comes from.
    pub enum Source {
        /// Stated in the source article (`seed/`).
        Seed = "seed",
        /// Taken from a similar regulation of another province.
        Analog = "analog",
        /// A default the province should confirm.
        Assumed = "assumed",
    }
}

/// What the registry says about a rule: declared once per [`Code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Severity of its findings when they rest on a stated (seed or analog) parameter. A
    /// finding resting on an assumed parameter is at most a warning unless the profile says
    /// otherwise.
    pub severity: Severity,
    /// The topic of the regulation it applies, in Vietnamese ("nội dung về …").
    pub topic_vi: &'static str,
    /// The same topic in English.
    pub topic_en: &'static str,
    /// True for findings about the records themselves (duplicate ids, unknown references,
    /// invalid periods): kept in an `at` view and judged whatever the regulation's reach.
    pub integrity: bool,
}

/// A rule's severity and topic.
const fn rule(severity: Severity, topic_vi: &'static str, topic_en: &'static str) -> Rule {
    Rule {
        severity,
        topic_vi,
        topic_en,
        integrity: false,
    }
}

const RECORDS: Rule = Rule {
    severity: Severity::Error,
    topic_vi: "tính toàn vẹn của dữ liệu",
    topic_en: "integrity of the records",
    integrity: true,
};
const ASSIGNING: (&str, &str) = (
    "nội dung về phân công cán bộ theo dõi địa bàn",
    "assignment of monitors to localities",
);
const SCOPE: (&str, &str) = (
    "nội dung về đối tượng, phạm vi áp dụng",
    "subjects and scope",
);
const DUTIES: (&str, &str) = (
    "nội dung về nhiệm vụ của cán bộ theo dõi địa bàn",
    "duties of the monitoring cadre",
);
const EVALUATION: (&str, &str) = ("nội dung về đánh giá cán bộ", "evaluation of the cadre");
const LIFE: (&str, &str) = (
    "nội dung về hiệu lực thi hành",
    "time in force and territory",
);

impl Code {
    /// The registry entry of this code: default severity, topic, integrity.
    #[must_use]
    pub const fn rule(self) -> Rule {
        self.base_rule()
    }

    /// Severity, topic and integrity of the code.
    const fn base_rule(self) -> Rule {
        use Severity::{Error, Info, Warning};
        match self {
            Code::DuplicateId | Code::UnknownReference | Code::InvalidPeriod => RECORDS,
            Code::UnitCodeOverlap => rule(Error, RECORDS.topic_vi, RECORDS.topic_en),
            Code::UnitNotInForce | Code::TargetOutOfScope | Code::IneligibleAssignee => {
                rule(Error, SCOPE.0, SCOPE.1)
            }
            Code::CoverageGap | Code::CoverageOverlap | Code::AssigneeOverloaded => {
                rule(Error, ASSIGNING.0, ASSIGNING.1)
            }
            Code::CoverageEnding => rule(Info, ASSIGNING.0, ASSIGNING.1),
            Code::AssignmentDuplicated | Code::ActingTooLong => {
                rule(Warning, ASSIGNING.0, ASSIGNING.1)
            }
            Code::OutsideTerm => rule(
                Error,
                "nội dung về thời hạn phân công theo nhiệm kỳ đại hội",
                "assignment period following the congress term",
            ),
            Code::OutsideRegulation => rule(Error, LIFE.0, LIFE.1),
            Code::NotCoveredByRegulation => rule(Info, LIFE.0, LIFE.1),
            Code::OpenAfterReorganization => rule(
                Error,
                "sắp xếp đơn vị hành chính",
                "reorganisation of administrative units",
            ),
            Code::ActivityOutsideAssignment | Code::DutyFrequencyUnmet => {
                rule(Warning, DUTIES.0, DUTIES.1)
            }
            Code::EvaluationMissing
            | Code::EvaluationWrongAuthor
            | Code::UnfulfilledNotReplaced => rule(Error, EVALUATION.0, EVALUATION.1),
            Code::EvaluationLate | Code::EvaluationDuplicate => {
                rule(Warning, EVALUATION.0, EVALUATION.1)
            }
            Code::DistrictLeadMissing => rule(
                Warning,
                "nội dung về mối quan hệ công tác",
                "working relationships",
            ),
            Code::NtmStatusInvalid => rule(
                Warning,
                "bộ tiêu chí quốc gia về xã nông thôn mới",
                "national new-rural commune criteria",
            ),
            Code::RoleUnresolved => rule(
                Warning,
                "cơ quan, tổ chức mà quy định nêu",
                "bodies the regulation names",
            ),
        }
    }
}

/// What a finding rests on: the source of the rule's parameter, the article where the
/// regulation's text numbers it, and the topic otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Basis {
    /// `seed` (the regulation's text as reported), `analog` (another regulation) or `assumed`.
    pub source: Source,
    /// A citation, only where the text gives the numbering (or the scheme's own instrument).
    pub article: Option<String>,
    /// The topic of the regulation, in Vietnamese.
    pub topic_vi: String,
    /// The topic, in English.
    pub topic_en: String,
    /// The profile parameter the rule rests on (`commune-monitoring.per_subject`), if any.
    pub parameter: Option<String>,
    /// Its value, as written in the profile.
    pub value: Option<String>,
}

word_enum! {
    /// How serious a finding is.
    pub enum Severity {
        /// The records break the regulation.
        Error = "error",
        /// Probably wrong; a person should look.
        Warning = "warning",
        /// Worth knowing.
        Info = "info",
    }
}

word_enum! {
    /// The language of messages.
    pub enum Lang {
        /// Vietnamese.
        Vi = "vi",
        /// English.
        En = "en",
    }
}

/// What a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema)]
pub struct SubjectRef {
    /// The kind of record: `unit`, `organization`, `person`, `term`, `assignment`, `activity`,
    /// `evaluation`, `scheme`, `reorganization`, `ntm_status`, or `profile` (a role the
    /// profile names that the dataset lacks).
    pub kind: &'static str,
    /// Its id (for a unit, its code).
    pub id: String,
}

/// One problem found in a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Stable code.
    pub code: Code,
    /// Severity.
    pub severity: Severity,
    /// Message in Vietnamese.
    pub message_vi: String,
    /// Message in English.
    pub message_en: String,
    /// The record concerned.
    pub subject: SubjectRef,
    /// First day concerned, if the finding is about days.
    pub from: Option<NaiveDate>,
    /// Last day concerned (`None` with a `from`: still going on).
    pub to: Option<NaiveDate>,
    /// The article (or other legal basis) the rule rests on: the same as `basis.article`.
    pub article: Option<String>,
    /// What the rule rests on.
    pub basis: Basis,
    /// Structured details (ids, counts, the scheme…).
    pub details: Map<String, Value>,
}

impl Finding {
    /// The message in the language asked for.
    #[must_use]
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.message_vi,
            Lang::En => &self.message_en,
        }
    }

    /// The finding as the JSON object of docs/design.md ("Findings"), with the message in `lang`.
    #[must_use]
    pub fn to_json(&self, lang: Lang) -> Value {
        let mut m = Map::new();
        m.insert("code".into(), self.code.as_str().into());
        m.insert("severity".into(), self.severity.as_str().into());
        m.insert("message".into(), self.message(lang).into());
        m.insert(
            "subject".into(),
            serde_json::json!({"kind": self.subject.kind, "id": self.subject.id}),
        );
        m.insert("from".into(), self.from.map(|d| d.to_string()).into());
        m.insert("to".into(), self.to.map(|d| d.to_string()).into());
        m.insert("article".into(), self.article.clone().into());
        m.insert(
            "basis".into(),
            serde_json::to_value(&self.basis).unwrap_or(Value::Null),
        );
        m.insert("details".into(), Value::Object(self.details.clone()));
        Value::Object(m)
    }

    /// The order of findings in a report. The messages come last: two findings that differ only
    /// in their message (two records of the same commune and year) must not keep the order of
    /// the records, or the report would depend on it.
    fn sort_key(
        &self,
    ) -> (
        Code,
        &SubjectRef,
        Option<NaiveDate>,
        NaiveDate,
        String,
        &str,
    ) {
        (
            self.code,
            &self.subject,
            self.from,
            self.to.unwrap_or(NaiveDate::MAX),
            Value::Object(self.details.clone()).to_string(),
            &self.message_en,
        )
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Summary {
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
}

/// The result of a check: every finding, in a deterministic order, and their counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Findings, ordered by code, subject, dates and details (independent of record order).
    pub findings: Vec<Finding>,
    /// Counts by severity.
    pub summary: Summary,
}

impl Report {
    pub(crate) fn new(mut findings: Vec<Finding>) -> Report {
        findings.sort_by_cached_key(|f| {
            let (c, s, from, to, d, m) = f.sort_key();
            (c, s.clone(), from, to, d, m.to_owned())
        });
        findings.dedup();
        let mut summary = Summary::default();
        for f in &findings {
            match f.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        Report { findings, summary }
    }

    /// True when there is at least one error finding.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }

    /// The report as the JSON document of docs/design.md ("Findings"): `{"findings": [...], "summary": {...}}`.
    #[must_use]
    pub fn to_json(&self, lang: Lang) -> Value {
        serde_json::json!({
            "findings": self.findings.iter().map(|f| f.to_json(lang)).collect::<Vec<_>>(),
            "summary": self.summary,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_title_in_both_languages_and_vietnamese_titles_name_no_enum_word() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            let (vi, en) = (code.title(Lang::Vi), code.title(Lang::En));
            assert!(!vi.trim().is_empty(), "{code}: no Vietnamese title");
            assert!(!en.trim().is_empty(), "{code}: no English title");
            assert!(
                !vi.is_ascii(),
                "{code}: the Vietnamese title {vi:?} is not Vietnamese"
            );
            let enum_word = vi
                .split(|c: char| c.is_whitespace() || "()`'\",.:;".contains(c))
                .find(|w| w.contains('_') || Code::ALL.iter().any(|c| c.as_str() == *w));
            assert_eq!(
                enum_word, None,
                "{code}: the Vietnamese title {vi:?} uses an enum word"
            );
            assert!(seen.insert(vi), "{code}: title {vi:?} is used twice");
            assert!(seen.insert(en), "{code}: title {en:?} is used twice");
        }
    }
}
