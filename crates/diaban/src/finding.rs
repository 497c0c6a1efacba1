//! Findings: what validation reports about a dataset (DESIGN §5).

use crate::words::word_enum;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};

word_enum! {
    /// The stable code of a finding. New codes may be added; these never change meaning.
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
        /// A target in scope has no assignee recorded on days after the judged day (info).
        CoverageEnding = "coverage_ending",
        /// Two overlapping records assign the same subject to the same target.
        AssignmentDuplicated = "assignment_duplicated",
        /// An acting (temporary) assignment runs past the scheme's `acting_max_days`.
        ActingTooLong = "acting_too_long",
    }
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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SubjectRef {
    /// The kind of record: `unit`, `organization`, `person`, `term`, `assignment`, `activity`,
    /// `evaluation`, `scheme`, `reorganization`, `ntm_status`.
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
    /// The article (or other legal basis) the rule rests on.
    pub article: Option<String>,
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

    /// The finding as the JSON object of DESIGN §7, with the message in `lang`.
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
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

    /// The report as the JSON document of DESIGN §7: `{"findings": [...], "summary": {...}}`.
    #[must_use]
    pub fn to_json(&self, lang: Lang) -> Value {
        serde_json::json!({
            "findings": self.findings.iter().map(|f| f.to_json(lang)).collect::<Vec<_>>(),
            "summary": self.summary,
        })
    }
}
