//! Rural-development (nông thôn mới) statuses: `ntm_status_invalid` (a status recorded for a
//! unit that is not a Xã, or a count of criteria out of range for the status).
//!
//! Topic: the national new-rural commune criteria (QĐ 318/QĐ-TTg), not the regulation itself.

use crate::engine::{Ctx, Draft};
use crate::finding::Code;
use crate::messages::{Args, Key};
use crate::model::UnitType;
use chrono::NaiveDate;

/// Each rural-development status recorded for a unit that is not a Xã, or whose count of
/// criteria does not fit its status.
pub(super) fn ntm_statuses(ctx: &mut Ctx<'_, '_>) {
    /// The criteria of the national set (QĐ 318/QĐ-TTg).
    const CRITERIA: u8 = 19;
    let index = ctx.index;
    let mut problems: Vec<(String, Key, Args)> = Vec::new();
    for n in &index.dataset.ntm_statuses {
        let id = format!("{}/{}", n.unit_code, n.year);
        let day = NaiveDate::from_ymd_opt(n.year, 12, 31);
        let base = Args::new()
            .unit("unit", index, &n.unit_code, day)
            .text("year", n.year.to_string());
        if let Some(u) = index.unit_near(&n.unit_code, day) {
            if u.unit_type != UnitType::Commune {
                problems.push((
                    id.clone(),
                    Key::NtmNotCommune,
                    base.clone().words(
                        "unit_type",
                        crate::words::label_vi(u.unit_type).to_lowercase(),
                        u.unit_type.as_str(),
                    ),
                ));
            }
        }
        if n.criteria_met > CRITERIA {
            problems.push((
                id.clone(),
                Key::NtmTooManyCriteria,
                base.count("met", n.criteria_met).count("total", CRITERIA),
            ));
        } else if n.criteria_met < CRITERIA && n.status != crate::model::NtmStatus::NotMet {
            problems.push((
                id.clone(),
                Key::NtmTooFewCriteria,
                base.label("status", n.status)
                    .count("met", n.criteria_met)
                    .count("total", CRITERIA),
            ));
        }
    }
    for (id, key, args) in problems {
        ctx.push(
            Draft::new(Code::NtmStatusInvalid, "ntm_status", &id)
                .instrument(Some(
                    "QĐ 318/QĐ-TTg (Bộ tiêu chí quốc gia về xã nông thôn mới)".to_owned(),
                ))
                .say(key, args),
        );
    }
}
