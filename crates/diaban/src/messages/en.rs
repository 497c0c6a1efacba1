//! The English catalogue: the same keys and placeholders as the Vietnamese one.

use super::{CodeText, Key};
use crate::finding::Code;
use crate::profile::Role;

pub(super) const fn code(code: Code) -> CodeText {
    let (title, hint) = match code {
        Code::DuplicateId => (
            "Duplicate record id",
            "Give each record its own id, or delete the record entered twice.",
        ),
        Code::UnknownReference => (
            "Reference to a missing record",
            "Correct the id, or add the record it refers to.",
        ),
        Code::InvalidPeriod => (
            "Period ending before it starts",
            "Check the record's first and last days.",
        ),
        Code::UnitCodeOverlap => (
            "Unit code in force twice",
            "End the unit's old version before its new version takes effect.",
        ),
        Code::UnitNotInForce => (
            "Monitored unit not in force",
            "End the assignment on the day the unit ceased to exist, or assign the new unit.",
        ),
        Code::CoverageGap => (
            "Unit without a monitor",
            "Assign a monitor for the uncovered days, or enter the assignment decision that is missing.",
        ),
        Code::CoverageOverlap => (
            "Unit with more monitors than allowed",
            "End the previous assignment when assigning a new monitor.",
        ),
        Code::AssigneeOverloaded => (
            "Monitor with more units than allowed",
            "Adjust the assignments so that each cadre holds the allowed number of targets.",
        ),
        Code::IneligibleAssignee => (
            "Assignee without a qualifying post",
            "Check the cadre's posts over the assignment; if the cadre left the post, assign someone else.",
        ),
        Code::OutsideTerm => (
            "Assignment outside the congress term",
            "Record the assignment's term correctly, or end the assignment with the term.",
        ),
        Code::OutsideRegulation => (
            "Assignment before the regulation took effect",
            "Check the assignment's first day.",
        ),
        Code::OpenAfterReorganization => (
            "Records still on a reorganised unit",
            "End the record on the day before the reorganisation and assign the new unit.",
        ),
        Code::ActivityOutsideAssignment => (
            "Activity outside the assignment",
            "Check the activity's subject, target and day.",
        ),
        Code::DutyFrequencyUnmet => (
            "Duty done too few times in the year",
            "Remind the cadre of the duty, or enter the activities done but not recorded.",
        ),
        Code::EvaluationMissing => (
            "Yearly evaluation missing",
            "Ask the local party committee for the evaluation, or enter the one received.",
        ),
        Code::EvaluationLate => (
            "Evaluation sent late",
            "Remind the local party committee of the deadline.",
        ),
        Code::EvaluationWrongAuthor => (
            "Evaluation written by the wrong body",
            "Check who wrote the evaluation; correct it if it was entered wrongly.",
        ),
        Code::EvaluationDuplicate => (
            "Second evaluation for the same year",
            "Keep one evaluation per year and delete the extra record.",
        ),
        Code::DistrictLeadMissing => (
            "District without a Standing Committee member in charge",
            "Assign a Standing Committee member to the district, or enter the existing decision.",
        ),
        Code::UnfulfilledNotReplaced => (
            "Cadre rated unfulfilled and not replaced",
            "Consider replacing the monitor, or enter the replacement decision.",
        ),
        Code::TargetOutOfScope => (
            "Target outside the scheme's scope",
            "Check the record's target and scheme.",
        ),
        Code::NtmStatusInvalid => (
            "Invalid new-rural status",
            "Check the unit's type, the status and the number of criteria met.",
        ),
        Code::RoleUnresolved => (
            "Body named by the regulation not found",
            "Add that body to the dataset, or name its id in the profile.",
        ),
        Code::NotCoveredByRegulation => (
            "Record outside the regulation's reach",
            "For information: the regulation does not judge these days.",
        ),
        Code::CoverageEnding => (
            "No monitor recorded after the judged day",
            "Prepare the assignment of a monitor for the coming days.",
        ),
        Code::AssignmentDuplicated => (
            "Assignment recorded twice",
            "Keep one record of the assignment and delete the duplicate.",
        ),
        Code::ActingTooLong => (
            "Acting assignment past its limit",
            "Issue a regular assignment decision, or end the acting assignment.",
        ),
    };
    CodeText { title, hint }
}

pub(super) fn message(key: Key) -> &'static str {
    match key {
        Key::DuplicateId => "{count} {kind} records share one id.",
        Key::UnknownReference => {
            "The {record} names “{value}” as its {field}, an id the dataset does not contain."
        }
        Key::InvalidPeriod => "The {record} ends on {to}, before it starts on {from}.",
        Key::UnitCodeOverlap => {
            "Two versions of one unit code are in force {span}: a code names one unit on any day."
        }
        Key::UnitNotInForce => {
            "{subject} is assigned to {target} {span}, when the unit does not (or no longer) exist."
        }
        Key::CoverageGapUnassigned => "{target} has nobody assigned ({scheme}) {span}.",
        Key::CoverageGapIneligible => {
            "{target} has no eligible monitor ({scheme}) {span}: the one assigned holds no qualifying post."
        }
        Key::CoverageEnding => {
            "{target}: no one is recorded as assigned ({scheme}) {span}, after the day judged."
        }
        Key::CoverageOverlap => {
            "{target} has {count} monitors at once {span} ({people}), more than {max}."
        }
        Key::AssigneeOverloaded => {
            "{subject} monitors {count} targets at once {span} ({targets}), more than {max}."
        }
        Key::AssignmentDuplicated => {
            "The assignment of {subject} to {target} is recorded twice {span}: two records of one person on one target."
        }
        Key::ActingTooLong => {
            "The acting assignment of {subject} to {target} runs past {max_days} days {span}: these days count as a regular assignment."
        }
        Key::IneligibleAssignee => "{subject} holds no qualifying post {span} (required: {wanted}).",
        Key::OutsideTermOtherBody => {
            "The assignment of {subject} to {target} follows term “{term}” of {recorded_body}, but must follow a term of {body}."
        }
        Key::OutsideTermDays => {
            "The assignment of {subject} to {target} runs outside the congress term of {body} ({span})."
        }
        Key::OutsideTermCutShort => {
            "The assignment of {subject} to {target} under term “{term}” runs on {span}, after {unit} was reorganised on {effective}: the term ended early on {ended}."
        }
        Key::OutsideRegulation => {
            "The assignment of {subject} to {target} starts before Regulation {number} took effect ({span})."
        }
        Key::NotCoveredByRegulation => {
            "The assignment of {subject} to {target} has days ({span}) outside the territory or the life of Regulation {number}: no regulation of this profile judges them."
        }
        Key::TargetOutOfScope => {
            "{target} ({target_kind}) is not in the scope of the scheme “{scheme}” {span}."
        }
        Key::OpenAfterReorganization => {
            "The {record} is still on {unit} {span}, after the unit was reorganised on {effective} (new units: {successors}); it should have ended on {ended}."
        }
        Key::OpenAfterReorganizationAssignment => {
            "The assignment of {subject} to {target} still runs {span}, after the unit was reorganised on {effective} (new units: {successors}). End it on {ended} with the reason “reorganized”."
        }
        Key::ActivityOutsideAssignment => {
            "The activity “{kind}” on {date} by {subject} at {target} matches none of the subject's assignments in force that day."
        }
        Key::DutyFrequencyUnmet => {
            "In {year}, {subject} has {done} × {kind} at {target}, {required} required ({per_year} a year, prorated for {days} of {days_in_year} days judged)."
        }
        Key::EvaluationMissing => {
            "No {year} evaluation of {subject} for monitoring {target} ({span}); it was due on {due}."
        }
        Key::EvaluationLate => {
            "The {year} evaluation of {subject} for monitoring {target} was sent on {sent}, after the {due} deadline ({days} days late)."
        }
        Key::EvaluationWrongAuthor => {
            "The {year} evaluation of {subject} for monitoring {target} was written by {author}; it must be written by {expected}."
        }
        Key::EvaluationWrongAuthorSuccessor => {
            "The {year} evaluation of {subject} for monitoring {target} was written by {author}; it must be written by {expected} (or, after the reorganisation, {also})."
        }
        Key::EvaluationDuplicate => {
            "The monitoring of {target} by {subject} already has a {year} evaluation; this is a second one."
        }
        Key::UnfulfilledNotReplaced => {
            "{subject} was rated unfulfilled for monitoring {target} (on {rated}) and is still assigned {span}, more than {days} days later."
        }
        Key::DistrictLeadMissing => {
            "{district} has no Standing Committee member in charge {span}, while its communes have monitors."
        }
        Key::NtmNotCommune => {
            "{unit} is a {unit_type}, not a Xã: new-rural criteria apply to Xã only (year {year})."
        }
        Key::NtmTooManyCriteria => {
            "In {year}, {unit} is recorded with {met} criteria met, more than the {total} of the national criteria."
        }
        Key::NtmTooFewCriteria => {
            "In {year}, {unit} is recorded as “{status}” with only {met} of {total} criteria met."
        }
        Key::RoleUnresolved => {
            "The {role} cannot be found in the dataset: {why}. The rules that need it are skipped."
        }
        Key::AssumedParameter => "(Assumed parameter: {parameter} is {value}; for the province to confirm.)",
        Key::AssumedParameterNoValue => "(Assumed parameter: {parameter}; for the province to confirm.)",
        Key::Person => "{name}",
        Key::UnknownPerson => "the person with id “{id}”",
        Key::UnknownOrganization => "the organisation with id “{id}”",
        Key::UnknownUnit => "unit {code}",
        Key::MoreItems => "{count} more",
        Key::And => "and",
        Key::Ids => "[ids: {ids}]",
        Key::MoreIds => ", … and {count} more",
        Key::DutyMinimum => "the yearly minimum of the duty “{duty}”",
        Key::Days => "{count} days",
    }
}

pub(super) fn parameter(name: &str) -> Option<&'static str> {
    Some(match name {
        "subject" => "the posts that qualify an assignee",
        "per_subject" => "the most targets one assignee may hold",
        "per_target" => "the number of assignees per target",
        "target" => "the targets in the scheme's scope",
        "term_body" => "the congress term assignments follow",
        "under_regulation" => "the day the regulation applies from",
        "acting_max_days" => "the longest an acting assignment may run",
        "relationships" => "the working relationships",
        "coverage" => "the days every target must be covered",
        "evaluation.due" => "the evaluation's deadline",
        "evaluation.author" => "the body that writes the evaluation",
        "evaluation.replace_within_days" => "the time allowed to replace a cadre rated unfulfilled",
        "evaluation.min_days_in_year" => {
            "the fewest days of monitoring in a year that call for an evaluation"
        }
        "eligible_tenure" => "counting a monitor only while they hold a qualifying post",
        "ntm_criteria.count" => "the number of national new-rural criteria",
        _ => return None,
    })
}

pub(super) fn role(role: Role) -> &'static str {
    match role {
        Role::Issuer => "issuer of the regulation (the provincial party committee)",
        Role::IssuerStandingCommittee => "Provincial Standing Committee",
        Role::TargetPartyCommittee => "party committee of the monitored unit",
        Role::TargetDistrictPartyCommittee => "district party committee of the monitored unit",
        Role::TargetDistrictLead => "Standing Committee member in charge of the district",
        Role::SubjectAgency => "agency of the assigned cadre",
    }
}

pub(super) fn kind(kind: &str) -> &'static str {
    match kind {
        "unit" => "unit",
        "organization" => "organisation",
        "person" => "person",
        "post" => "post",
        "term" => "term",
        "assignment" => "assignment",
        "activity" => "activity",
        "evaluation" => "evaluation",
        "scheme" => "scheme",
        "reorganization" => "reorganisation",
        "ntm_status" => "new-rural status",
        "profile" => "profile",
        "contribution" => "contribution",
        _ => "record",
    }
}

pub(super) fn field(field: &str) -> &'static str {
    match field {
        "parent_code" => "parent unit",
        "unit_code" => "unit",
        "parent_id" => "parent organisation",
        "organization_id" => "organisation",
        "scheme" => "scheme",
        "subject_id" => "subject",
        "target" => "target",
        "term_id" => "term",
        "replaces" => "replaced assignment",
        "recipient" => "recipient",
        "assignment_id" => "evaluated assignment",
        "author_id" => "author",
        _ => "field",
    }
}
