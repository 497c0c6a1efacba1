//! Rural-development (nông thôn mới) statuses: `ntm_status_invalid` (a status recorded for a
//! unit that is not a Xã, or a count of criteria out of range for the status).
//!
//! Topic: the national new-rural commune criteria (QĐ 318/QĐ-TTg), not the regulation itself.

use crate::engine::{Ctx, Draft};
use crate::finding::Code;
use crate::model::UnitType;
use chrono::NaiveDate;

/// Each rural-development status recorded for a unit that is not a Xã, or whose count of
/// criteria does not fit its status.
pub(super) fn ntm_statuses(ctx: &mut Ctx<'_, '_>) {
    let index = ctx.index;
    let mut problems: Vec<(String, String, String)> = Vec::new();
    for n in &index.dataset.ntm_statuses {
        let id = format!("{}/{}", n.unit_code, n.year);
        let day = NaiveDate::from_ymd_opt(n.year, 12, 31);
        if let Some(u) = index.unit_near(&n.unit_code, day) {
            if u.unit_type != UnitType::Commune {
                problems.push((
                    id.clone(),
                    format!(
                        "{} là {}, không phải xã: tiêu chí nông thôn mới chỉ áp dụng cho xã.",
                        u.name, u.unit_type
                    ),
                    format!(
                        "{} is a {}, not a Xã: new-rural criteria apply to Xã only.",
                        u.name, u.unit_type
                    ),
                ));
            }
        }
        if n.criteria_met > 19 {
            problems.push((
                id.clone(),
                format!(
                    "{} tiêu chí đạt, vượt quá 19 tiêu chí của QĐ 318/QĐ-TTg.",
                    n.criteria_met
                ),
                format!(
                    "{} criteria met, more than the 19 of QĐ 318/QĐ-TTg.",
                    n.criteria_met
                ),
            ));
        } else if n.criteria_met < 19 && n.status != crate::model::NtmStatus::NotMet {
            problems.push((
                id.clone(),
                format!(
                    "Trạng thái `{}` cần đạt đủ 19 tiêu chí, mới đạt {}.",
                    n.status, n.criteria_met
                ),
                format!(
                    "Status `{}` needs all 19 criteria; only {} are met.",
                    n.status, n.criteria_met
                ),
            ));
        }
    }
    for (id, vi, en) in problems {
        ctx.push(
            Draft::new(Code::NtmStatusInvalid, "ntm_status", &id)
                .instrument(Some(
                    "QĐ 318/QĐ-TTg (Bộ tiêu chí quốc gia về xã nông thôn mới)".to_owned(),
                ))
                .say(vi, en),
        );
    }
}
