//! Roles and reach: the bodies a profile names by what they are, found in a dataset on the day
//! in question, and the territory and life of a regulation ([`Jurisdiction`]).
//!
//! A profile does not name the ids a dataset happens to use (`tinh-uy`, `tu-bk`, …): it names
//! roles ([`Role`]) and each is resolved by kind, level and unit on a day. An explicit id in the
//! profile's `role_ids` overrides the resolution.

use crate::index::Index;
use crate::model::{Level, OrgKind, Organization, Unit};
use crate::period::Period;
use crate::profile::{Profile, Role};
use chrono::NaiveDate;

/// Why a role could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    /// The role.
    pub role: Role,
    /// Why, in Vietnamese.
    pub why_vi: String,
    /// Why, in English.
    pub why_en: String,
}

/// Resolves the roles of one profile in one dataset.
#[derive(Clone)]
pub struct Roles<'a, 'd> {
    index: &'a Index<'d>,
    profile: &'a Profile,
    /// The issuer's candidates (they do not depend on the day), found once: rules ask for
    /// the issuer once per assignment.
    issuers: std::cell::OnceCell<Vec<&'d Organization>>,
}

impl<'a, 'd> Roles<'a, 'd> {
    /// The roles of `profile` in the dataset of `index`.
    #[must_use]
    pub fn new(index: &'a Index<'d>, profile: &'a Profile) -> Roles<'a, 'd> {
        Roles {
            index,
            profile,
            issuers: std::cell::OnceCell::new(),
        }
    }

    /// The explicit id the profile gives a role, if any.
    fn explicit(&self, role: Role) -> Option<&'a str> {
        self.profile
            .role_ids
            .get(&role)
            .map(String::as_str)
            .or(match role {
                Role::Issuer => self.profile.regulation.issuer_id.as_deref(),
                _ => None,
            })
    }

    fn by_id(&self, role: Role, id: &str) -> Result<&'d Organization, Unresolved> {
        self.index.organization(id).ok_or_else(|| Unresolved {
            role,
            why_vi: format!("hồ sơ quy định chỉ định mã “{id}” nhưng dữ liệu không có cơ quan này"),
            why_en: format!("the profile names the id `{id}`, which the dataset does not contain"),
        })
    }

    /// The issuer: the provincial party committee of the territory (kind `party_committee`,
    /// level `province`, unit the territory), the one in existence on `day` if there are several.
    pub fn issuer(&self, day: NaiveDate) -> Result<&'d Organization, Unresolved> {
        if let Some(id) = self.explicit(Role::Issuer) {
            return self.by_id(Role::Issuer, id);
        }
        let territory = self.profile.regulation.territory.as_deref();
        let candidates = self.issuers.get_or_init(|| {
            let provincial: Vec<&'d Organization> = self
                .index
                .dataset
                .organizations
                .iter()
                .filter(|o| o.kind == OrgKind::PartyCommittee && o.level == Level::Province)
                .collect();
            // Those of the territory; a dataset that records no unit for its provincial
            // committee (one province's own records) is read as meaning its own province.
            let exact: Vec<&'d Organization> = provincial
                .iter()
                .copied()
                .filter(|o| territory.is_none_or(|t| o.unit_code.as_deref() == Some(t)))
                .collect();
            if exact.is_empty() {
                provincial
                    .into_iter()
                    .filter(|o| o.unit_code.is_none())
                    .collect()
            } else {
                exact
            }
        });
        pick(Role::Issuer, candidates, day, || {
            (
                format!(
                    "không có đảng ủy cấp tỉnh{}",
                    territory.map_or(String::new(), |t| format!(" của đơn vị mã {t}"))
                ),
                format!(
                    "no organisation of kind party_committee, level province{}",
                    territory.map_or(String::new(), |t| format!(", unit {t}"))
                ),
            )
        })
    }

    /// The issuer's standing committee: kind `standing_committee` whose parent is the issuer, or
    /// at the issuer's unit.
    pub fn issuer_standing_committee(
        &self,
        day: NaiveDate,
    ) -> Result<&'d Organization, Unresolved> {
        let role = Role::IssuerStandingCommittee;
        if let Some(id) = self.explicit(role) {
            return self.by_id(role, id);
        }
        let issuer = self.issuer(day).map_err(|e| Unresolved {
            role,
            why_vi: format!("không xác định được cơ quan ban hành ({})", e.why_vi),
            why_en: format!("the issuer is not found ({})", e.why_en),
        })?;
        let candidates: Vec<&'d Organization> = self
            .index
            .dataset
            .organizations
            .iter()
            .filter(|o| o.kind == OrgKind::StandingCommittee)
            .filter(|o| {
                o.parent_id.as_deref() == Some(issuer.id.as_str())
                    || (o.level == Level::Province
                        && o.unit_code.is_some()
                        && o.unit_code == issuer.unit_code)
            })
            .collect();
        pick(role, &candidates, day, || {
            (
                format!(
                    "không có ban thường vụ trực thuộc {} ({})",
                    issuer.name, issuer.id
                ),
                format!("no standing committee under {}", issuer.id),
            )
        })
    }

    /// A body named by role or id in a profile field (`term_body`, `recipient`): the role
    /// resolved on `day`, or the organisation with that id.
    pub fn body(&self, word: &str, day: NaiveDate) -> Result<&'d Organization, Unresolved> {
        match Role::from_word(word) {
            Some(Role::Issuer) => self.issuer(day),
            Some(Role::IssuerStandingCommittee) => self.issuer_standing_committee(day),
            Some(role) => Err(Unresolved {
                role,
                why_vi: format!(
                    "“{}” phụ thuộc từng phân công, không dùng được ở đây",
                    crate::messages::role_label(role, crate::finding::Lang::Vi)
                ),
                why_en: format!(
                    "the role `{word}` depends on an assignment and cannot be used here"
                ),
            }),
            None => self.by_id(Role::Issuer, word),
        }
    }

    /// The party committee of a unit on a day.
    #[must_use]
    pub fn party_committee_of(&self, code: &str, day: NaiveDate) -> Option<&'d Organization> {
        self.index.party_committee_of(code, day)
    }
}

/// The candidate in existence on `day`; else the only candidate; else unresolved.
fn pick<'d>(
    role: Role,
    candidates: &[&'d Organization],
    day: NaiveDate,
    none: impl Fn() -> (String, String),
) -> Result<&'d Organization, Unresolved> {
    let on_day: Vec<&'d Organization> = candidates
        .iter()
        .copied()
        .filter(|o| o.validity().contains(day))
        .collect();
    match (on_day.as_slice(), candidates) {
        ([one], _) | ([], [one]) => Ok(one),
        ([], []) => {
            let (why_vi, why_en) = none();
            Err(Unresolved {
                role,
                why_vi,
                why_en,
            })
        }
        ([], _) => Err(Unresolved {
            role,
            why_vi: format!(
                "không tổ chức nào phù hợp còn tồn tại ngày {}",
                day.format("%d/%m/%Y")
            ),
            why_en: format!("no matching organisation exists on {day}"),
        }),
        (many, _) => {
            // Sorted: the message must not depend on the order of the records.
            let mut ids: Vec<&str> = many.iter().map(|o| o.id.as_str()).collect();
            ids.sort_unstable();
            Err(Unresolved {
                role,
                why_vi: format!(
                    "nhiều cơ quan phù hợp ({}); cần chỉ rõ mã cơ quan trong hồ sơ quy định (mục role_ids)",
                    ids.join(", ")
                ),
                why_en: format!(
                    "several organisations match ({}); name one in role_ids",
                    ids.join(", ")
                ),
            })
        }
    }
}

impl<'d> Index<'d> {
    /// The party committee of a unit on a day: the organisation of kind `party_committee`
    /// attached to `code` and in existence on `day`.
    #[must_use]
    pub fn party_committee_of(&self, code: &str, day: NaiveDate) -> Option<&'d Organization> {
        self.organizations_of_unit(code)
            .iter()
            .copied()
            .find(|o| o.kind == OrgKind::PartyCommittee && o.validity().contains(day))
    }

    /// The province-level ancestor of a unit version on a day (itself if it is a province).
    fn province_of(&self, unit: &'d Unit, day: NaiveDate) -> Option<&'d Unit> {
        let mut current = unit;
        for _ in 0..5 {
            if current.level() == Level::Province {
                return Some(current);
            }
            current = self.unit_near(current.parent_code.as_deref()?, Some(day))?;
        }
        None
    }
}

/// Where and when a profile's regulation applies: its territory and its life.
///
/// A regulation lives from its effective date to the earliest of `in_force_until`, the day before
/// `repealed_on` and the day before its issuer ceases to exist (the issuer's `valid_to`). It
/// applies to the units whose province on the day is its territory; a unit whose province the
/// dataset does not record is taken to be inside (a dataset of one province need not record it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jurisdiction {
    /// The days the regulation is in force.
    pub life: Period,
    /// The GSO code of its province, as the profile states it (`None`: every unit).
    pub territory: Option<String>,
}

impl Jurisdiction {
    /// The jurisdiction of a profile over a dataset.
    #[must_use]
    pub fn new(index: &Index<'_>, profile: &Profile) -> Jurisdiction {
        let mut life = profile.in_force();
        let roles = Roles::new(index, profile);
        let issuer = roles.issuer(profile.regulation.effective).ok();
        if let Some(end) = issuer.and_then(|o| o.valid_to) {
            life.to = Some(life.to.map_or(end, |t| t.min(end)));
        }
        Jurisdiction {
            life,
            territory: profile.regulation.territory.clone(),
        }
    }

    /// True when the regulation judges unit `code` on `day`: the day is in its life and the
    /// unit's province that day is its territory (or not recorded).
    #[must_use]
    pub fn judges(&self, index: &Index<'_>, code: &str, day: NaiveDate) -> bool {
        self.life.contains(day) && self.in_territory(index, code, day)
    }

    /// True when unit `code` on `day` is in the territory (or its province is not recorded).
    #[must_use]
    pub fn in_territory(&self, index: &Index<'_>, code: &str, day: NaiveDate) -> bool {
        let Some(territory) = &self.territory else {
            return true;
        };
        let Some(unit) = index.unit_near(code, Some(day)) else {
            return true;
        };
        index
            .province_of(unit, day)
            .is_none_or(|p| p.code == *territory)
    }

    /// The parts of `p` on which unit `code` lies in the territory (its versions' provinces),
    /// not looking at the life.
    #[must_use]
    pub fn territory_days(&self, index: &Index<'_>, code: &str, p: &Period) -> Vec<Period> {
        if self.territory.is_none() {
            return vec![*p];
        }
        let versions = index.unit_versions(code);
        if versions.is_empty() {
            return vec![*p];
        }
        let mut outside: Vec<Period> = Vec::new();
        for v in versions {
            let Some(piece) = v.validity().intersect(p) else {
                continue;
            };
            if !self.in_territory(index, code, piece.from) {
                outside.push(piece);
            }
        }
        if outside.is_empty() {
            return vec![*p];
        }
        crate::period::gaps_within(p, &outside)
    }

    /// The parts of `p` on which the regulation judges unit `code` ([`Jurisdiction::judges`]).
    #[must_use]
    pub fn judged_days(&self, index: &Index<'_>, code: &str, p: &Period) -> Vec<Period> {
        match p.intersect(&self.life) {
            Some(p) => self.territory_days(index, code, &p),
            None => Vec::new(),
        }
    }

    /// The parts of `p` before the end of life on which `code` lies in the territory (days
    /// before the effective date included: rules such as `outside_regulation` judge them).
    #[must_use]
    pub fn reach_days(&self, index: &Index<'_>, code: &str, p: &Period) -> Vec<Period> {
        let until = Period::until(self.life.to);
        match p.intersect(&until) {
            Some(p) => self.territory_days(index, code, &p),
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{date, Dataset};

    fn dataset() -> Dataset {
        Dataset::from_json_str(
            r#"{
              "units": [
                {"code": "06", "name": "Tỉnh Bắc Kạn", "type": "Tỉnh", "valid_to": "2025-06-30"},
                {"code": "062", "name": "Huyện Ngân Sơn", "type": "Huyện", "parent_code": "06"},
                {"code": "01954", "name": "Thị trấn Vân Tùng", "type": "Thị trấn", "parent_code": "062",
                 "valid_to": "2025-06-30"},
                {"code": "01954", "name": "Xã Ngân Sơn", "type": "Xã", "parent_code": "19", "valid_from": "2025-07-01"},
                {"code": "19", "name": "Tỉnh Thái Nguyên", "type": "Tỉnh"},
                {"code": "01", "name": "Thành phố Hà Nội", "type": "Thành phố Trung ương"},
                {"code": "00004", "name": "Phường Ba Đình", "type": "Phường", "parent_code": "01"},
                {"code": "99999", "name": "Xã không rõ tỉnh", "type": "Xã"}
              ],
              "organizations": [
                {"id": "tu-bk", "name": "Tỉnh ủy Bắc Kạn", "kind": "party_committee", "level": "province",
                 "unit_code": "06", "valid_to": "2025-06-30"},
                {"id": "btv-bk", "name": "Ban Thường vụ", "kind": "standing_committee", "level": "province",
                 "parent_id": "tu-bk"},
                {"id": "du-old", "name": "Đảng ủy thị trấn Vân Tùng", "kind": "party_committee", "level": "commune",
                 "unit_code": "01954", "valid_to": "2025-06-30"},
                {"id": "du-new", "name": "Đảng ủy xã Ngân Sơn", "kind": "party_committee", "level": "commune",
                 "unit_code": "01954", "valid_from": "2025-07-01"}
              ]
            }"#,
        )
        .unwrap()
    }

    #[test]
    fn roles_are_found_by_kind_level_and_unit_on_the_day() {
        let ds = dataset();
        let index = Index::new(&ds);
        let profile = Profile::bac_kan_1390();
        let roles = Roles::new(&index, &profile);
        assert_eq!(roles.issuer(date!(2024, 10, 1)).unwrap().id, "tu-bk");
        assert_eq!(
            roles
                .issuer_standing_committee(date!(2024, 10, 1))
                .unwrap()
                .id,
            "btv-bk"
        );
        assert_eq!(
            roles.body("issuer", date!(2024, 10, 1)).unwrap().id,
            "tu-bk"
        );
        assert_eq!(
            roles.body("btv-bk", date!(2024, 10, 1)).unwrap().id,
            "btv-bk"
        );
        let err = roles
            .body("target_district_lead", date!(2024, 10, 1))
            .unwrap_err();
        assert_eq!(err.role, Role::TargetDistrictLead);
        // The commune's committee is the one in existence on the day.
        let on = |d| index.party_committee_of("01954", d).map(|o| o.id.as_str());
        assert_eq!(on(date!(2025, 6, 30)), Some("du-old"));
        assert_eq!(on(date!(2025, 7, 1)), Some("du-new"));
        // An explicit id overrides; an id the dataset lacks is a reason, not a panic.
        let mut fixed = Profile::bac_kan_1390();
        fixed.role_ids.insert(Role::Issuer, "nowhere".into());
        let err = Roles::new(&index, &fixed)
            .issuer(date!(2024, 10, 1))
            .unwrap_err();
        assert!(err.why_en.contains("nowhere"), "{}", err.why_en);
    }

    #[test]
    fn the_regulation_judges_its_province_while_it_lives() {
        let ds = dataset();
        let index = Index::new(&ds);
        let j = Jurisdiction::new(&index, &Profile::bac_kan_1390());
        assert_eq!(j.life.to, Some(date!(2025, 6, 30)));
        assert!(j.judges(&index, "01954", date!(2024, 10, 1)));
        assert!(
            !j.judges(&index, "01954", date!(2024, 8, 28)),
            "before effect"
        );
        assert!(
            !j.judges(&index, "01954", date!(2025, 7, 1)),
            "after its end"
        );
        assert!(!j.judges(&index, "00004", date!(2024, 10, 1)), "Hà Nội");
        assert!(
            j.judges(&index, "99999", date!(2024, 10, 1)),
            "province not recorded"
        );
        let p = Period {
            from: date!(2025, 6, 1),
            to: None,
        };
        assert_eq!(
            j.judged_days(&index, "01954", &p),
            [Period {
                from: date!(2025, 6, 1),
                to: Some(date!(2025, 6, 30))
            }]
        );
        // Without the profile's end, the issuer's own end still ends the regulation.
        let mut open = Profile::bac_kan_1390();
        open.regulation.in_force_until = None;
        assert_eq!(
            Jurisdiction::new(&index, &open).life.to,
            Some(date!(2025, 6, 30))
        );
        // And the new commune, in province 19 from 2025-07-01, is outside the territory.
        assert_eq!(
            Jurisdiction::new(&index, &open).territory_days(&index, "01954", &p),
            [Period {
                from: date!(2025, 6, 1),
                to: Some(date!(2025, 6, 30))
            }]
        );
    }
}
