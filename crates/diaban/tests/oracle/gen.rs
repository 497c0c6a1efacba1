//! A seeded generator of small, awkward datasets (and profile variants and options) for the
//! oracle: same-day hand-overs, one-day assignments, open ends, posts ending mid-assignment,
//! duplicated records, a person on several units, reused unit codes, reorganisation edges,
//! the year boundary and 29 February.

use chrono::NaiveDate;
use diaban::model::{
    Activity, ActivityKind, Assignment, Dataset, Evaluation, Level, OrgKind, Organization, Part,
    Post, Rank, Rating, ReorganizationEdge, Term, Unit, UnitType,
};
use diaban::profile::{Param, Source};
use diaban::{CheckOptions, Profile};

/// SplitMix64: tiny, seeded, reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The days every generated record lies in.
pub const FIRST: (i32, u32, u32) = (2023, 12, 1);
pub const LAST: (i32, u32, u32) = (2026, 4, 30);

/// Days where rules change their answer.
fn key_days() -> Vec<NaiveDate> {
    vec![
        d(2024, 2, 28),
        d(2024, 2, 29),
        d(2024, 3, 1),
        d(2024, 8, 28),
        d(2024, 8, 29),
        d(2024, 8, 31),
        d(2024, 9, 1),
        d(2024, 12, 31),
        d(2025, 1, 1),
        d(2025, 1, 31),
        d(2025, 2, 1),
        d(2025, 6, 30),
        d(2025, 7, 1),
        d(2025, 12, 31),
        d(2026, 1, 1),
        d(2026, 1, 31),
        d(2026, 2, 1),
    ]
}

impl Rng {
    /// A day: often a key day or next to one, else any day of the window.
    pub fn day(&mut self) -> NaiveDate {
        if self.chance(45) {
            let k = *self.pick(&key_days());
            match self.below(4) {
                0 => k.pred_opt().unwrap(),
                1 => k.succ_opt().unwrap(),
                _ => k,
            }
        } else {
            let first = d(FIRST.0, FIRST.1, FIRST.2);
            let span = (d(LAST.0, LAST.1, LAST.2) - first).num_days() as usize;
            first + chrono::Days::new(self.below(span + 1) as u64)
        }
    }
    fn length(&mut self) -> u64 {
        match self.below(6) {
            0 => 0, // one day
            1 => self.below(10) as u64,
            2 => 80 + self.below(20) as u64, // around the acting cap
            _ => self.below(500) as u64,
        }
    }
}

/// One generated case: the dataset, the profile it is checked against and the options.
pub struct Case {
    pub dataset: Dataset,
    pub profile: Profile,
    pub options: CheckOptions,
}

const SCHEME: &str = "commune-monitoring";

fn unit(
    code: &str,
    ty: UnitType,
    parent: Option<&str>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Unit {
    Unit {
        code: code.into(),
        name: format!("Đơn vị {code}").into(),
        unit_type: ty,
        parent_code: parent.map(Into::into),
        valid_from: from,
        valid_to: to,
    }
}

fn org(id: &str, kind: OrgKind, level: Level, unit: &str, to: Option<NaiveDate>) -> Organization {
    Organization {
        id: id.into(),
        name: format!("Tổ chức {id}").into(),
        kind,
        level,
        unit_code: Some(unit.into()),
        parent_id: None,
        valid_from: None,
        valid_to: to,
    }
}

pub fn generate(seed: u64) -> Case {
    let mut r = Rng::new(seed);
    let reform = if r.chance(50) { d(2025, 7, 1) } else { r.day() };
    let before = reform.pred_opt().unwrap();
    let mut units = vec![
        unit("06", UnitType::Province, None, None, None),
        unit("062", UnitType::RuralDistrict, Some("06"), None, None),
    ];
    let communes = ["01954", "01957", "01960", "01963"];
    let n_communes = 2 + r.below(3);
    let mut codes: Vec<String> = Vec::new();
    let mut reorganizations = Vec::new();
    for code in communes.iter().take(n_communes) {
        let ty = *r.pick(&[UnitType::Commune, UnitType::Township, UnitType::Ward]);
        codes.push((*code).to_owned());
        match r.below(5) {
            // the code is reused by a new unit after the reform
            0 => {
                units.push(unit(code, ty, Some("062"), None, Some(before)));
                units.push(unit(code, UnitType::Ward, Some("062"), Some(reform), None));
                reorganizations.push(ReorganizationEdge {
                    effective: reform,
                    old_code: (*code).into(),
                    new_code: Some((*code).into()),
                    new_name: Some(format!("Đơn vị {code}").into()),
                    new_type: Some(UnitType::Ward),
                    part: Part::Full,
                    basis: None,
                });
            }
            // the unit ends with the reform, merged into a new code
            1 => {
                units.push(unit(code, ty, Some("062"), None, Some(before)));
                reorganizations.push(ReorganizationEdge {
                    effective: reform,
                    old_code: (*code).into(),
                    new_code: Some("01970".into()),
                    new_name: Some("Đơn vị 01970".into()),
                    new_type: Some(UnitType::Commune),
                    part: Part::Full,
                    basis: None,
                });
                if !codes.iter().any(|c| c == "01970") {
                    units.push(unit(
                        "01970",
                        UnitType::Commune,
                        Some("062"),
                        Some(reform),
                        None,
                    ));
                    codes.push("01970".into());
                }
            }
            _ => units.push(unit(code, ty, Some("062"), None, None)),
        }
    }
    // An organisation ending mid-window takes its posts with it.
    let board_end = r.chance(30).then(|| r.day());
    let mut organizations = vec![
        org(
            "tinh-uy",
            OrgKind::PartyCommittee,
            Level::Province,
            "06",
            None,
        ),
        org(
            "btv",
            OrgKind::StandingCommittee,
            Level::Province,
            "06",
            None,
        ),
        org("so-a", OrgKind::Department, Level::Province, "06", None),
        org(
            "ban-b",
            OrgKind::PartyBoard,
            Level::Province,
            "06",
            board_end,
        ),
        org("phong-c", OrgKind::Department, Level::District, "062", None),
    ];
    for code in &codes {
        organizations.push(org(
            &format!("dang-uy-{code}"),
            OrgKind::PartyCommittee,
            Level::Commune,
            code,
            None,
        ));
    }
    let n_people = 2 + r.below(4);
    let people_ids: Vec<String> = (1..=n_people).map(|i| format!("p{i}")).collect();
    let mut people = Vec::new();
    for id in &people_ids {
        for _ in 0..1 + r.below(2) {
            let rank = if r.chance(75) {
                *r.pick(&[Rank::Head, Rank::Deputy])
            } else {
                Rank::Member
            };
            let organization_id = if r.chance(85) {
                (*r.pick(&["so-a", "ban-b"])).to_owned()
            } else {
                (*r.pick(&["phong-c", "btv"])).to_owned()
            };
            let valid_from = if r.chance(60) { None } else { Some(r.day()) };
            let valid_to = if r.chance(60) { None } else { Some(r.day()) };
            people.push(Post {
                id: id.clone().into(),
                name: format!("Người {id}").into(),
                title: "Chức vụ".into(),
                organization_id: organization_id.into(),
                rank,
                valid_from,
                valid_to: match (valid_from, valid_to) {
                    (Some(f), Some(t)) if t < f => Some(f),
                    (_, t) => t,
                },
            });
        }
    }
    let mut assignments: Vec<Assignment> = Vec::new();
    let n = 2 + r.below(8);
    let mut next_id = 0;
    let mut new_id = |prefix: &str| {
        next_id += 1;
        format!("{prefix}{next_id}")
    };
    for _ in 0..n {
        let from = r.day();
        let to = if r.chance(25) {
            None
        } else {
            Some(from + chrono::Days::new(r.length()))
        };
        let subject_id = if r.chance(5) {
            "p9".to_owned() // unknown to the dataset
        } else {
            r.pick(&people_ids).clone()
        };
        let a = Assignment {
            id: new_id("a").into(),
            scheme: SCHEME.into(),
            subject_id: subject_id.into(),
            target: r.pick(&codes).clone().into(),
            valid_from: from,
            valid_to: to,
            term_id: None,
            decision_number: None,
            decision_date: None,
            end_reason: None,
            replaces: None,
            category: None,
            acting: r.chance(20),
        };
        assignments.push(a);
    }
    // Hand-overs, duplicates and inverted records derived from what is there.
    for i in 0..assignments.len() {
        let a = assignments[i].clone();
        if let (Some(to), true) = (a.valid_to, r.chance(35)) {
            // a successor the same day, the day after or two days after
            let start = match r.below(3) {
                0 => to,
                1 => to.succ_opt().unwrap(),
                _ => to + chrono::Days::new(2),
            };
            assignments.push(Assignment {
                id: new_id("h").into(),
                subject_id: r.pick(&people_ids).clone().into(),
                valid_from: start,
                valid_to: if r.chance(50) {
                    None
                } else {
                    Some(start + chrono::Days::new(r.length()))
                },
                replaces: Some(a.id.clone()),
                acting: r.chance(15),
                ..a.clone()
            });
        }
        if r.chance(15) {
            // the same person on the same unit again: a duplicated decision
            let from = if r.chance(50) { a.valid_from } else { r.day() };
            assignments.push(Assignment {
                id: new_id("dup").into(),
                valid_from: from,
                valid_to: if r.chance(30) {
                    None
                } else {
                    Some(from + chrono::Days::new(r.length()))
                },
                ..a.clone()
            });
        }
        if r.chance(10) {
            // the same person on another unit
            assignments.push(Assignment {
                id: new_id("other").into(),
                target: r.pick(&codes).clone().into(),
                valid_from: r.day(),
                ..a.clone()
            });
        }
    }
    if r.chance(5) {
        if let Some(a) = assignments.first_mut() {
            a.valid_to = a.valid_from.pred_opt(); // ends before it starts
        }
    }
    let mut activities = Vec::new();
    for (i, a) in assignments.iter().enumerate() {
        for j in 0..r.below(5) {
            let date = match (r.below(3), a.valid_to) {
                (0, Some(to)) => to,
                (1, _) => a.valid_from,
                _ => r.day(),
            };
            activities.push(Activity {
                id: format!("act-{i}-{j}").into(),
                date,
                subject_id: if r.chance(90) {
                    a.subject_id.clone()
                } else {
                    r.pick(&people_ids).clone().into()
                },
                target: if r.chance(85) {
                    a.target.clone()
                } else {
                    r.pick(&codes).clone().into()
                },
                kind: *r.pick(&[
                    ActivityKind::CommitteeMeeting,
                    ActivityKind::FieldVisit,
                    ActivityKind::Guidance,
                ]),
                duty: None,
                note: None,
                quantity: None,
                value_vnd: None,
                contribution: None,
                recipient: None,
            });
        }
    }
    let mut evaluations = Vec::new();
    for a in &assignments {
        for year in [2024, 2025] {
            if r.chance(50) {
                let submitted = match r.below(4) {
                    0 => d(year + 1, 1, 31),
                    1 => d(year + 1, 2, 1),
                    2 => d(year + 1, 1, 1 + r.below(28) as u32),
                    _ => r.day(),
                };
                evaluations.push(Evaluation {
                    id: format!("ev-{}-{year}", a.id).into(),
                    year,
                    assignment_id: a.id.clone(),
                    author_id: format!("dang-uy-{}", a.target).into(),
                    submitted_on: Some(submitted),
                    rating: Some(Rating::Good),
                    note: None,
                });
            }
        }
    }
    let dataset = Dataset {
        units,
        organizations,
        people,
        terms: vec![Term {
            id: "tinh-uy-xii".into(),
            organization_id: "tinh-uy".into(),
            label: "2020–2025".into(),
            ordinal: Some("XII".into()),
            valid_from: d(2020, 10, 28),
            valid_to: None,
        }],
        assignments,
        activities,
        evaluations,
        reorganizations,
        ntm_statuses: Vec::new(),
    };

    let mut profile = Profile::bac_kan_1390();
    if let Some(s) = profile.schemes.iter_mut().find(|s| s.id == SCHEME) {
        s.per_subject.value.max = Some(if r.chance(75) { 1 } else { 2 });
        s.per_target.value.max = Some(if r.chance(80) { 1 } else { 2 });
        s.acting_max_days = match r.below(4) {
            0 => None,
            1 => Some(1),
            2 => Some(30),
            _ => Some(90),
        }
        .map(|value| Param {
            value,
            source: Source::Assumed,
            note: "generated".into(),
            article: None,
            severity: None,
        });
        s.eligible_tenure.value = r.chance(85);
        if let Some(c) = s.coverage.as_mut() {
            c.value.from = *r.pick(&[d(2024, 9, 1), d(2024, 2, 29), d(2024, 12, 31)]);
        }
    }
    if r.chance(40) {
        profile.regulation.in_force_until = Some(*r.pick(&[d(2025, 6, 30), d(2024, 12, 31)]));
    }
    let options = CheckOptions {
        today: if r.chance(80) { Some(r.day()) } else { None },
        at: if r.chance(20) { Some(r.day()) } else { None },
        ..CheckOptions::default()
    };
    Case {
        dataset,
        profile,
        options,
    }
}
