//! Rural-development (nông thôn mới) statuses: `ntm_status_invalid` (a status recorded for a
//! unit that is not a Xã, or a count of criteria out of range for the status).
//!
//! Topic: the national new-rural commune criteria, not the regulation itself. How many there
//! are and the instrument that sets them are the profile's `ntm_criteria` (built-in: the 19 of
//! QĐ 318/QĐ-TTg, tagged `analog`); the findings cite that instrument and rest on
//! `ntm_criteria.count`.

use crate::engine::{Ctx, Draft, ParamRef};
use crate::finding::Code;
use crate::messages::{Args, Key};
use crate::model::UnitType;
use chrono::NaiveDate;

/// Each rural-development status recorded for a unit that is not a Xã, or whose count of
/// criteria does not fit its status.
pub(super) fn ntm_statuses(ctx: &mut Ctx<'_, '_>) {
    let criteria = &ctx.profile.ntm_criteria;
    let total = criteria.count.value;
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
        if n.criteria_met > total {
            problems.push((
                id.clone(),
                Key::NtmTooManyCriteria,
                base.count("met", n.criteria_met).count("total", total),
            ));
        } else if n.criteria_met < total && n.status != crate::model::NtmStatus::NotMet {
            problems.push((
                id.clone(),
                Key::NtmTooFewCriteria,
                base.label("status", n.status)
                    .count("met", n.criteria_met)
                    .count("total", total),
            ));
        }
    }
    for (id, key, args) in problems {
        let draft = Draft::new(Code::NtmStatusInvalid, "ntm_status", &id);
        // A unit that is not a Xã rests on the criteria's scope, not on their number: it cites
        // the instrument only.
        let draft = if key == Key::NtmNotCommune {
            draft.instrument(Some(criteria.instrument.clone()))
        } else {
            draft.rests_on_ref(count_param(criteria))
        };
        ctx.push(draft.say(key, args));
    }
}

/// The number of criteria as the parameter a finding rests on: its provenance decides the
/// basis (and, were it assumed, the severity), and the instrument is cited.
fn count_param(criteria: &crate::profile::NtmCriteria) -> ParamRef {
    let count = &criteria.count;
    ParamRef {
        instrument: Some(criteria.instrument.clone()),
        ..ParamRef::build(
            None,
            "ntm_criteria.count",
            count.source,
            count.article.clone(),
            criteria.count.value.to_string(),
            count.severity,
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::{check, CheckOptions, Code, Dataset, Profile, Source};

    /// Thượng Quan recorded as a new-rural commune with `met` criteria, judged under a profile
    /// whose national set has `count`.
    fn findings(count: u8, met: u8) -> Vec<crate::Finding> {
        let dataset = Dataset::from_json_str(&format!(
            r#"{{"units": [
                {{"code": "06", "name": "Tỉnh Bắc Kạn", "type": "Tỉnh"}},
                {{"code": "062", "name": "Huyện Ngân Sơn", "type": "Huyện", "parent_code": "06"}},
                {{"code": "01957", "name": "Xã Thượng Quan", "type": "Xã", "parent_code": "062"}}],
              "ntm_statuses": [{{"unit_code": "01957", "year": 2024, "criteria_met": {met}, "status": "standard"}}]}}"#
        ))
        .unwrap();
        let mut profile = Profile::bac_kan_1390();
        profile.ntm_criteria.count.value = count;
        profile.ntm_criteria.instrument = "Bộ tiêu chí thử".to_owned();
        check(&dataset, &profile, &CheckOptions::default())
            .findings
            .into_iter()
            .filter(|f| f.code == Code::NtmStatusInvalid)
            .collect()
    }

    #[test]
    fn the_count_of_criteria_is_the_profiles() {
        // 18 of 18 is the whole set; 19 is more than it has, 17 too few for `standard`.
        assert_eq!(findings(18, 18), []);
        for (met, said) in [
            (19, "19 criteria met, more than the 18"),
            (17, "only 17 of 18"),
        ] {
            let found = findings(18, met);
            assert_eq!(found.len(), 1, "{met}");
            assert!(
                found[0].message_en.contains(said),
                "{}",
                found[0].message_en
            );
            let basis = &found[0].basis;
            assert_eq!(basis.parameter.as_deref(), Some("ntm_criteria.count"));
            assert_eq!(basis.value.as_deref(), Some("18"));
            assert_eq!(basis.source, Source::Analog);
            assert_eq!(basis.article.as_deref(), Some("Bộ tiêu chí thử"));
        }
        // The built-in set of 19, unchanged.
        assert_eq!(findings(19, 19), []);
    }
}
