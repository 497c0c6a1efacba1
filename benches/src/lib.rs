//! Benchmarks of `diaban` (issue 7): a deterministic, seeded generator of national-size datasets
//! ([`generate`]), the files it writes ([`write`]), and the helpers the criterion benchmarks
//! (`benches/engine.rs`) and the `generate`/`measure` binaries share.
//!
//! The generator reads a GSO units list in the flat layout of `data/national/*.csv` and builds,
//! for every province: the provincial party committee, its Standing Committee, 36 provincial
//! bodies that supply monitors (party boards, departments, agencies, mass organisations), a party
//! committee for every district and commune, grassroots party cells; the people holding those
//! posts; and assignments under the four schemes of the built-in profile (`commune-monitoring`
//! with replacements over the 2020–2025 term, `district-lead`, `cell-attendance`,
//! `ntm-support-2020-2025`), about 24 activities per monitoring assignment-year, yearly
//! evaluations and rural-development statuses. A small, fixed share of records carries the
//! defects a real province has (gaps and overlaps at replacements, late or missing evaluations,
//! too few activities), so the check produces findings as it would on real data.
//!
//! The schemes are the built-in ones; only the dates differ: the built-in regulation took effect
//! on 29 August 2024 and its coverage window starts on 1 September 2024, while the generated
//! records span the whole 2020–2025 term. [`bench_profile`] is therefore the built-in profile
//! with the regulation in force, and coverage required, from 1 November 2020 — otherwise every
//! monitoring assignment would carry an `outside_regulation` finding. The generator writes it
//! next to the data as `profile.json`.
//!
//! Scale: 1 is the nation (every province of the units file once); a scale below 1 keeps a
//! seeded choice of whole provinces holding about that share of the communes (0.01 ≈ one small
//! province); a scale above 1 replicates the country, replica `r ≥ 1` with codes `R{r}P..`,
//! `R{r}D..`, `R{r}X..` and ids derived from them, so every code and id is distinct. Replica
//! codes have 6, 7 and 9 characters, never 2, 3 or 5, so the core derives their level from the
//! GSO type rather than from the code's length.
//!
//! Every province draws from its own random stream (seeded by the seed, the replica and the
//! province code), so a province's records are the same whatever the scale.

// Benchmark tooling, not library code: a failure here is a bug in the generator or a broken
// benchmark setup and should stop the run at once with a message, so unwrap/expect/panic and
// indexing are allowed in this crate (the workspace denies them for the library crates).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::{Datelike, NaiveDate};
use diaban::{
    Activity, ActivityKind, Assignment, ContributionKind, Dataset, EndReason, Evaluation, Level,
    NtmRecord, NtmStatus, OrgKind, Organization, Post, Profile, Rank, Rating, SmolStr, Unit,
    UnitType,
};
use std::path::{Path, PathBuf};

/// The default seed of the generator.
pub const SEED: u64 = 1390;

/// The default units list, relative to the workspace root.
pub const NATIONAL_UNITS: &str = "data/national/vn_units_2024-09-01.csv";

/// The day `today` used by every benchmarked check (deadlines of 2025 evaluations not yet due).
pub fn today() -> NaiveDate {
    d(2026, 1, 1)
}

/// The single day used by "the check at one date", the coverage table and the point query.
pub fn at_day() -> NaiveDate {
    d(2024, 10, 1)
}

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Where the data of a scale lives: `$DIABAN_BENCH_DATA/s{scale}` (default `target/bench-data`).
pub fn data_dir(scale: f64) -> PathBuf {
    let base = std::env::var_os("DIABAN_BENCH_DATA").map_or_else(
        || workspace_root().join("target").join("bench-data"),
        PathBuf::from,
    );
    base.join(format!("s{}", scale_label(scale)))
}

/// `1`, `0.01`, `2.5`: the scale as written in directory names and reports.
pub fn scale_label(scale: f64) -> String {
    let s = format!("{scale}");
    s.trim_end_matches(".0").to_owned()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// The built-in profile with its regulation in force, and commune coverage required, from
/// 1 November 2020 (the start of the generated term), in every province and with no end (the
/// built-in profile judges only Bắc Kạn, until 30 June 2025); schemes otherwise unchanged.
pub fn bench_profile() -> Profile {
    let mut p = Profile::bac_kan_1390();
    p.id = "bench-national".to_owned();
    p.regulation.territory = None;
    p.regulation.in_force_until = None;
    p.regulation.in_force_until_source = None;
    p.regulation.in_force_until_note = None;
    p.regulation.signed = d(2020, 10, 30);
    p.regulation.effective = d(2020, 11, 1);
    p.regulation.structure_note = format!(
        "Benchmark profile: the schemes of {} with the regulation in force from 2020-11-01 so that the generated \
         2020–2025 records fall inside it. {}",
        p.regulation.number, p.regulation.structure_note
    );
    for s in &mut p.schemes {
        if let Some(c) = &mut s.coverage {
            c.value.from = d(2020, 11, 1);
        }
    }
    p
}

/// A small, fast, seedable random number generator (SplitMix64): no dependency, and the same
/// stream on every platform and every version of this crate.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A generator for a sub-stream named by `parts`.
    pub fn derive(seed: u64, parts: &[&str]) -> Rng {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
        for p in parts {
            for b in p.bytes().chain(std::iter::once(0xff)) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        let mut r = Rng(h);
        r.next_u64();
        r
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as usize) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64) / ((1u64 << 53) as f64) < p
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A day in `from..=to`.
    pub fn day(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let span = (to - from).num_days().max(0);
        from + chrono::Duration::days(self.range(0, span))
    }

    /// Shuffles a slice (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// A commune-level unit of the units list.
#[derive(Debug, Clone)]
pub struct Commune {
    /// GSO code.
    pub code: String,
    /// Name.
    pub name: String,
    /// GSO type.
    pub unit_type: UnitType,
}

/// A district-level unit with its communes.
#[derive(Debug, Clone)]
pub struct District {
    /// GSO code.
    pub code: String,
    /// Name.
    pub name: String,
    /// GSO type.
    pub unit_type: UnitType,
    /// Its commune-level units, in file order.
    pub communes: Vec<Commune>,
}

/// A province with its districts.
#[derive(Debug, Clone)]
pub struct Province {
    /// GSO code.
    pub code: String,
    /// Name.
    pub name: String,
    /// GSO type.
    pub unit_type: UnitType,
    /// Its districts, in file order.
    pub districts: Vec<District>,
}

impl Province {
    /// Number of commune-level units.
    pub fn communes(&self) -> usize {
        self.districts.iter().map(|d| d.communes.len()).sum()
    }
}

/// Reads a units list in the flat GSO layout
/// (`code,name,type,district_code,district_name,district_type,province_code,province_name,province_type`).
pub fn read_units(text: &str) -> Result<Vec<Province>, String> {
    let mut reader =
        csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("the units list has no column `{name}`"))
    };
    let cols = [
        col("code")?,
        col("name")?,
        col("type")?,
        col("district_code")?,
        col("district_name")?,
        col("district_type")?,
        col("province_code")?,
        col("province_name")?,
        col("province_type")?,
    ];
    let ty = |w: &str| UnitType::parse(w).ok_or_else(|| format!("unknown unit type `{w}`"));
    let mut provinces: Vec<Province> = Vec::new();
    for (line, record) in reader.records().enumerate() {
        let r = record.map_err(|e| format!("line {}: {e}", line + 2))?;
        let f = |i: usize| r.get(cols[i]).unwrap_or("").trim().to_owned();
        if provinces.last().is_none_or(|p| p.code != f(6)) {
            provinces.push(Province {
                code: f(6),
                name: f(7),
                unit_type: ty(&f(8))?,
                districts: Vec::new(),
            });
        }
        let province = provinces.last_mut().expect("just pushed");
        if province.districts.last().is_none_or(|d| d.code != f(3)) {
            province.districts.push(District {
                code: f(3),
                name: f(4),
                unit_type: ty(&f(5))?,
                communes: Vec::new(),
            });
        }
        let district = province.districts.last_mut().expect("just pushed");
        district.communes.push(Commune {
            code: f(0),
            name: f(1),
            unit_type: ty(&f(2))?,
        });
    }
    if provinces.is_empty() {
        return Err("the units list is empty".to_owned());
    }
    Ok(provinces)
}

/// Which provinces of which replica a scale covers: every province `floor(scale)` times, then a
/// seeded choice of whole provinces holding about `fract(scale)` of the communes.
pub fn plan(provinces: &[Province], scale: f64, seed: u64) -> Vec<(usize, usize)> {
    assert!(
        scale > 0.0 && scale.is_finite(),
        "the scale must be a positive number"
    );
    let full = scale.floor() as usize;
    let frac = scale - scale.floor();
    let mut plan: Vec<(usize, usize)> = (0..full)
        .flat_map(|r| (0..provinces.len()).map(move |p| (r, p)))
        .collect();
    if frac > 1e-9 {
        let total: usize = provinces.iter().map(Province::communes).sum();
        let target = frac * total as f64;
        let mut order: Vec<usize> = (0..provinces.len()).collect();
        Rng::derive(seed, &["plan"]).shuffle(&mut order);
        let mut chosen: Vec<usize> = Vec::new();
        let mut sum = 0usize;
        for p in order {
            let n = provinces[p].communes();
            if (sum + n) as f64 <= target * 1.05 + 1.0 {
                chosen.push(p);
                sum += n;
            }
        }
        if chosen.is_empty() {
            let smallest = (0..provinces.len())
                .min_by_key(|p| provinces[*p].communes())
                .expect("non-empty");
            chosen.push(smallest);
        }
        chosen.sort_unstable();
        plan.extend(chosen.into_iter().map(|p| (full, p)));
    }
    plan
}

/// The code of a unit in replica `r` (`r = 0` keeps the GSO code).
fn qualify(r: usize, tag: char, code: &str) -> String {
    if r == 0 {
        code.to_owned()
    } else {
        format!("R{r:02}{tag}{code}")
    }
}

const TERM: &str = "tinh-uy-xii";

/// Provincial bodies that supply monitors: id stem, name, kind, head title, deputy title.
const BODIES: &[(&str, &str, OrgKind, &str, &str)] = &[
    (
        "van-phong-tu",
        "Văn phòng {TU}",
        OrgKind::PartyBoard,
        "Chánh Văn phòng",
        "Phó Chánh Văn phòng",
    ),
    (
        "ban-to-chuc",
        "Ban Tổ chức {TU}",
        OrgKind::PartyBoard,
        "Trưởng ban",
        "Phó Trưởng ban",
    ),
    (
        "ban-tuyen-giao",
        "Ban Tuyên giáo {TU}",
        OrgKind::PartyBoard,
        "Trưởng ban",
        "Phó Trưởng ban",
    ),
    (
        "ban-dan-van",
        "Ban Dân vận {TU}",
        OrgKind::PartyBoard,
        "Trưởng ban",
        "Phó Trưởng ban",
    ),
    (
        "ban-noi-chinh",
        "Ban Nội chính {TU}",
        OrgKind::PartyBoard,
        "Trưởng ban",
        "Phó Trưởng ban",
    ),
    (
        "ubkt",
        "Ủy ban Kiểm tra {TU}",
        OrgKind::PartyBoard,
        "Chủ nhiệm",
        "Phó Chủ nhiệm",
    ),
    (
        "so-cong-thuong",
        "Sở Công Thương {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-tai-chinh",
        "Sở Tài chính {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-ke-hoach-dau-tu",
        "Sở Kế hoạch và Đầu tư {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-nong-nghiep",
        "Sở Nông nghiệp và Phát triển nông thôn {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-giao-duc",
        "Sở Giáo dục và Đào tạo {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-y-te",
        "Sở Y tế {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-tai-nguyen",
        "Sở Tài nguyên và Môi trường {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-giao-thong",
        "Sở Giao thông vận tải {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-xay-dung",
        "Sở Xây dựng {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-noi-vu",
        "Sở Nội vụ {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-tu-phap",
        "Sở Tư pháp {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-lao-dong",
        "Sở Lao động - Thương binh và Xã hội {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-van-hoa",
        "Sở Văn hóa, Thể thao và Du lịch {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-khoa-hoc",
        "Sở Khoa học và Công nghệ {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "so-thong-tin",
        "Sở Thông tin và Truyền thông {T}",
        OrgKind::Department,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "thanh-tra",
        "Thanh tra {T}",
        OrgKind::Department,
        "Chánh Thanh tra",
        "Phó Chánh Thanh tra",
    ),
    (
        "van-phong-ubnd",
        "Văn phòng UBND {T}",
        OrgKind::Department,
        "Chánh Văn phòng",
        "Phó Chánh Văn phòng",
    ),
    (
        "ban-dan-toc",
        "Ban Dân tộc {T}",
        OrgKind::Department,
        "Trưởng ban",
        "Phó Trưởng ban",
    ),
    (
        "cong-an",
        "Công an {T}",
        OrgKind::Agency,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "bchqs",
        "Bộ Chỉ huy Quân sự {T}",
        OrgKind::Agency,
        "Chỉ huy trưởng",
        "Phó Chỉ huy trưởng",
    ),
    (
        "bao",
        "Báo {N}",
        OrgKind::Agency,
        "Tổng Biên tập",
        "Phó Tổng Biên tập",
    ),
    (
        "dai-ptth",
        "Đài Phát thanh - Truyền hình {N}",
        OrgKind::Agency,
        "Giám đốc",
        "Phó Giám đốc",
    ),
    (
        "truong-chinh-tri",
        "Trường Chính trị {T}",
        OrgKind::Agency,
        "Hiệu trưởng",
        "Phó Hiệu trưởng",
    ),
    (
        "vp-doan-dbqh",
        "Văn phòng Đoàn ĐBQH và HĐND {T}",
        OrgKind::Agency,
        "Chánh Văn phòng",
        "Phó Chánh Văn phòng",
    ),
    (
        "mttq",
        "Ủy ban MTTQ Việt Nam {T}",
        OrgKind::MassOrganization,
        "Chủ tịch",
        "Phó Chủ tịch",
    ),
    (
        "hoi-phu-nu",
        "Hội Liên hiệp Phụ nữ {T}",
        OrgKind::MassOrganization,
        "Chủ tịch",
        "Phó Chủ tịch",
    ),
    (
        "doan-tn",
        "Đoàn Thanh niên {T}",
        OrgKind::MassOrganization,
        "Bí thư",
        "Phó Bí thư",
    ),
    (
        "hoi-nong-dan",
        "Hội Nông dân {T}",
        OrgKind::MassOrganization,
        "Chủ tịch",
        "Phó Chủ tịch",
    ),
    (
        "hoi-ccb",
        "Hội Cựu chiến binh {T}",
        OrgKind::MassOrganization,
        "Chủ tịch",
        "Phó Chủ tịch",
    ),
    (
        "ldld",
        "Liên đoàn Lao động {T}",
        OrgKind::MassOrganization,
        "Chủ tịch",
        "Phó Chủ tịch",
    ),
];

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Nông", "Hà", "Triệu", "Lục", "Ma", "Lường",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Ngọc", "Xuân", "Thu", "Hồng", "Kim",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thắng",
    "Thảo", "Thủy", "Trung", "Tuấn", "Vân", "Yến",
];

/// Counts of a generated dataset.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    /// Rows per table, in the order of the CSV folder.
    pub rows: Vec<(&'static str, usize)>,
}

impl Counts {
    /// Counts the tables of a dataset.
    pub fn of(ds: &Dataset) -> Counts {
        Counts {
            rows: vec![
                ("units", ds.units.len()),
                ("organizations", ds.organizations.len()),
                ("people", ds.people.len()),
                ("terms", ds.terms.len()),
                ("assignments", ds.assignments.len()),
                ("activities", ds.activities.len()),
                ("evaluations", ds.evaluations.len()),
                ("ntm_statuses", ds.ntm_statuses.len()),
            ],
        }
    }

    /// Total number of records.
    pub fn total(&self) -> usize {
        self.rows.iter().map(|(_, n)| n).sum()
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.rows.iter().map(|(k, n)| format!("{k} {n}")).collect();
        write!(f, "{}", parts.join(", "))
    }
}

/// Generates the dataset of `scale` from a units list (see the crate documentation).
pub fn generate(provinces: &[Province], scale: f64, seed: u64) -> Dataset {
    let mut ds = Dataset::default();
    ds.organizations.push(org(
        "tinh-uy",
        "Cấp ủy cấp tỉnh (cơ quan ban hành quy định)",
        OrgKind::PartyCommittee,
        Level::Province,
        None,
        None,
    ));
    ds.organizations.push(org(
        "btv-tinh-uy",
        "Ban Thường vụ cấp ủy cấp tỉnh",
        OrgKind::StandingCommittee,
        Level::Province,
        None,
        Some("tinh-uy"),
    ));
    ds.terms.push(diaban::Term {
        id: TERM.into(),
        organization_id: "tinh-uy".into(),
        label: "2020–2025".into(),
        ordinal: Some("XII".into()),
        valid_from: d(2020, 10, 28),
        valid_to: None,
    });
    for (r, p) in plan(provinces, scale, seed) {
        let prov = &provinces[p];
        let mut rng = Rng::derive(seed, &[&r.to_string(), &prov.code]);
        province(&mut ds, &mut rng, r, prov);
    }
    ds
}

fn org(
    id: &str,
    name: &str,
    kind: OrgKind,
    level: Level,
    unit: Option<&str>,
    parent: Option<&str>,
) -> Organization {
    Organization {
        id: id.into(),
        name: name.into(),
        kind,
        level,
        unit_code: unit.map(SmolStr::from),
        parent_id: parent.map(SmolStr::from),
        valid_from: None,
        valid_to: None,
    }
}

fn short_name(name: &str) -> &str {
    for prefix in [
        "Thành phố ",
        "Tỉnh ",
        "Huyện ",
        "Quận ",
        "Thị xã ",
        "Xã ",
        "Phường ",
        "Thị trấn ",
        "Thành Phố ",
    ] {
        if let Some(rest) = name.strip_prefix(prefix) {
            return rest;
        }
    }
    name
}

struct Person {
    id: String,
    name: String,
}

/// Everything generated for one province of one replica.
#[allow(clippy::too_many_lines)]
fn province(ds: &mut Dataset, rng: &mut Rng, r: usize, prov: &Province) {
    let pc = qualify(r, 'P', &prov.code);
    let short = short_name(&prov.name);
    let city = prov.unit_type == UnitType::CentralCity;
    let tu_name = if city {
        format!("Thành ủy {short}")
    } else {
        format!("Tỉnh ủy {short}")
    };
    let t_name = if city {
        format!("thành phố {short}")
    } else {
        format!("tỉnh {short}")
    };
    let tu = format!("tu-{pc}");
    let btv = format!("btv-{pc}");
    let start = d(2020, 11, 1);
    let horizon = d(2025, 12, 31);

    ds.units.push(Unit {
        code: pc.clone().into(),
        name: prov.name.clone().into(),
        unit_type: prov.unit_type,
        parent_code: None,
        valid_from: None,
        valid_to: None,
    });
    ds.organizations.push(org(
        &tu,
        &tu_name,
        OrgKind::PartyCommittee,
        Level::Province,
        Some(&pc),
        Some("tinh-uy"),
    ));
    ds.organizations.push(org(
        &btv,
        &format!("Ban Thường vụ {tu_name}"),
        OrgKind::StandingCommittee,
        Level::Province,
        Some(&pc),
        Some(&tu),
    ));

    // Units and party committees of districts and communes.
    let mut communes: Vec<(String, String, UnitType, String)> = Vec::new(); // code, name, type, district code
    let mut districts: Vec<String> = Vec::new();
    for dist in &prov.districts {
        let dc = qualify(r, 'D', &dist.code);
        ds.units.push(Unit {
            code: dc.clone().into(),
            name: dist.name.clone().into(),
            unit_type: dist.unit_type,
            parent_code: Some(pc.clone().into()),
            valid_from: None,
            valid_to: None,
        });
        let body = match dist.unit_type {
            UnitType::RuralDistrict => "Huyện ủy",
            UnitType::UrbanDistrict => "Quận ủy",
            UnitType::Town => "Thị ủy",
            _ => "Thành ủy",
        };
        ds.organizations.push(org(
            &format!("hu-{dc}"),
            &format!("{body} {}", short_name(&dist.name)),
            OrgKind::PartyCommittee,
            Level::District,
            Some(&dc),
            Some(&tu),
        ));
        for c in &dist.communes {
            let cc = qualify(r, 'X', &c.code);
            ds.units.push(Unit {
                code: cc.clone().into(),
                name: c.name.clone().into(),
                unit_type: c.unit_type,
                parent_code: Some(dc.clone().into()),
                valid_from: None,
                valid_to: None,
            });
            ds.organizations.push(org(
                &format!("du-{cc}"),
                &format!("Đảng ủy {}", c.name),
                OrgKind::PartyCommittee,
                Level::Commune,
                Some(&cc),
                Some(&format!("hu-{dc}")),
            ));
            communes.push((cc, c.name.clone(), c.unit_type, dc.clone()));
        }
        districts.push(dc);
    }

    // People: a pool of heads and deputies of the 36 bodies, large enough for one monitor per
    // commune plus replacements.
    let mut next_person = 0usize;
    let mut new_person = |rng: &mut Rng| {
        next_person += 1;
        let name = format!(
            "{} {} {}",
            rng.pick(FAMILY),
            rng.pick(MIDDLE),
            rng.pick(GIVEN)
        );
        Person {
            id: format!("p-{pc}-{next_person:04}"),
            name,
        }
    };
    let need = communes.len() * 13 / 10 + 8;
    let per_body = need.div_ceil(BODIES.len()).max(3);
    let mut pool: Vec<(usize, usize)> = Vec::new(); // index into people, body index
    let mut people: Vec<(Person, usize, Rank)> = Vec::new();
    let post_start = |rng: &mut Rng| Some(rng.day(d(2015, 1, 1), d(2020, 9, 30)));
    for (b, (stem, name, kind, head, deputy)) in BODIES.iter().enumerate() {
        let id = format!("{stem}-{pc}");
        let name = name
            .replace("{TU}", &tu_name)
            .replace("{T}", &t_name)
            .replace("{N}", short);
        let parent = (*kind == OrgKind::PartyBoard).then_some(tu.as_str());
        ds.organizations
            .push(org(&id, &name, *kind, Level::Province, Some(&pc), parent));
        for k in 0..per_body {
            let person = new_person(rng);
            let (rank, title) = if k == 0 {
                (Rank::Head, format!("{head} {name}"))
            } else {
                (Rank::Deputy, format!("{deputy} {name}"))
            };
            ds.people.push(Post {
                id: person.id.clone().into(),
                name: person.name.clone().into(),
                title: title.into(),
                organization_id: id.clone().into(),
                rank,
                valid_from: post_start(rng),
                valid_to: None,
            });
            pool.push((people.len(), b));
            people.push((person, ds.people.len() - 1, rank));
        }
    }

    // The Executive Committee (4 leaders, the 36 body heads, 5 more) and its Standing Committee
    // (the 4 leaders and 11 body heads).
    let term_start = Some(d(2020, 10, 28));
    let mut executive: Vec<(String, String)> = Vec::new();
    let mut standing: Vec<String> = Vec::new();
    for (k, title) in [
        "Bí thư",
        "Phó Bí thư Thường trực",
        "Phó Bí thư",
        "Phó Bí thư",
    ]
    .iter()
    .enumerate()
    {
        let person = new_person(rng);
        let rank = if k == 0 { Rank::Head } else { Rank::Deputy };
        ds.people.push(Post {
            id: person.id.clone().into(),
            name: person.name.clone().into(),
            title: format!("{title} {tu_name}").into(),
            organization_id: tu.clone().into(),
            rank,
            valid_from: term_start,
            valid_to: None,
        });
        ds.people.push(Post {
            id: person.id.clone().into(),
            name: person.name.clone().into(),
            title: format!("{title} {tu_name}").into(),
            organization_id: btv.clone().into(),
            rank,
            valid_from: term_start,
            valid_to: None,
        });
        standing.push(person.id.clone());
        executive.push((person.id, person.name));
    }
    for b in 0..BODIES.len() {
        let (person, _, _) = &people[b * per_body];
        ds.people.push(Post {
            id: person.id.clone().into(),
            name: person.name.clone().into(),
            title: format!("Ủy viên Ban Chấp hành {tu_name}").into(),
            organization_id: tu.clone().into(),
            rank: Rank::Member,
            valid_from: term_start,
            valid_to: None,
        });
        if b < 11 {
            ds.people.push(Post {
                id: person.id.clone().into(),
                name: person.name.clone().into(),
                title: format!("Ủy viên Ban Thường vụ {tu_name}").into(),
                organization_id: btv.clone().into(),
                rank: Rank::Member,
                valid_from: term_start,
                valid_to: None,
            });
            standing.push(person.id.clone());
        }
        executive.push((person.id.clone(), person.name.clone()));
    }
    for _ in 0..5 {
        let person = new_person(rng);
        ds.people.push(Post {
            id: person.id.clone().into(),
            name: person.name.clone().into(),
            title: format!("Ủy viên Ban Chấp hành {tu_name}").into(),
            organization_id: tu.clone().into(),
            rank: Rank::Member,
            valid_from: term_start,
            valid_to: None,
        });
        executive.push((person.id, person.name));
    }

    // District leads: the Standing Committee members in turn.
    for (i, dc) in districts.iter().enumerate() {
        ds.assignments.push(assignment(
            &format!("dl-{dc}"),
            "district-lead",
            &standing[i % standing.len()],
            dc,
            start,
            None,
            None,
        ));
    }

    let mut act = 0usize;
    let mut push_activity = |ds: &mut Dataset,
                             date: NaiveDate,
                             subject: &str,
                             target: &str,
                             kind: ActivityKind,
                             note: String| {
        act += 1;
        ds.activities.push(Activity {
            id: format!("hd-{pc}-{act:06}").into(),
            date,
            subject_id: subject.into(),
            target: target.into(),
            kind,
            duty: None,
            note: Some(note.into()),
            quantity: None,
            value_vnd: None,
            contribution: None,
            recipient: (kind == ActivityKind::Proposal).then(|| SmolStr::new("btv-tinh-uy")),
        });
    };

    // Commune monitoring, with replacements over the term.
    let mut order: Vec<usize> = (0..pool.len()).collect();
    rng.shuffle(&mut order);
    let mut next_monitor = communes.len();
    let mut decision = 0u32;
    for (i, (cc, cname, _, _)) in communes.iter().enumerate() {
        let mut segments: Vec<(String, usize, NaiveDate, Option<NaiveDate>)> = Vec::new();
        let first = pool[order[i]].0;
        segments.push((format!("cm-{cc}"), first, start, None));
        let mut replacements = if rng.chance(0.22) { 1 } else { 0 };
        if replacements == 1 && rng.chance(0.15) {
            replacements = 2;
        }
        let mut earliest = d(2021, 3, 1);
        for n in 0..replacements {
            if next_monitor >= order.len() || earliest > d(2025, 6, 30) {
                break;
            }
            let when = rng.day(earliest, d(2025, 9, 30));
            let person = pool[order[next_monitor]].0;
            next_monitor += 1;
            // The outgoing monitor's assignment ends; 40 % retire (the post ends the same day).
            let last = segments.last_mut().expect("one segment");
            // Realistic defects: 1 % a gap of a few days, 0.5 % an overlap.
            let (end, begin) = if rng.chance(0.01) {
                (
                    when - chrono::Duration::days(1),
                    when + chrono::Duration::days(rng.range(3, 20)),
                )
            } else if rng.chance(0.005) {
                (when + chrono::Duration::days(rng.range(3, 15)), when)
            } else {
                (when - chrono::Duration::days(1), when)
            };
            last.3 = Some(end);
            if rng.chance(0.4) {
                let post = people[last.1].1;
                if ds.people[post].rank == Rank::Deputy {
                    ds.people[post].valid_to = Some(end);
                }
            }
            segments.push((format!("cm-{cc}-{}", n + 2), person, begin, None));
            earliest = begin + chrono::Duration::days(180);
        }
        for (k, (id, person, from, to)) in segments.iter().enumerate() {
            decision += 1;
            let subject = &people[*person].0.id;
            let mut a = assignment(
                id,
                "commune-monitoring",
                subject,
                cc,
                *from,
                *to,
                Some(TERM),
            );
            a.decision_number = Some(format!("{}-QĐ/TU", 100 + decision).into());
            a.decision_date = Some(*from - chrono::Duration::days(rng.range(2, 10)));
            if to.is_some() {
                a.end_reason = Some(EndReason::Replaced);
            }
            if k > 0 {
                a.replaces = Some(segments[k - 1].0.clone().into());
            }
            ds.assignments.push(a);
            // About 24 activities per assignment-year, pro rata; 2 % of years fall short.
            let last = to.unwrap_or(horizon).min(horizon);
            for year in from.year()..=last.year() {
                let y0 = (*from).max(d(year, 1, 1));
                let y1 = last.min(d(year, 12, 31));
                if y1 < y0 {
                    continue;
                }
                let share = ((y1 - y0).num_days() + 1) as f64 / 365.0;
                let weak = rng.chance(0.02);
                for (kind, per_year, what) in [
                    (
                        ActivityKind::CommitteeMeeting,
                        12.0,
                        "Dự họp Ban Chấp hành Đảng bộ",
                    ),
                    (
                        ActivityKind::FieldVisit,
                        6.0,
                        "Đi cơ sở nắm tình hình thôn, bản,",
                    ),
                    (
                        ActivityKind::Guidance,
                        4.0,
                        "Hướng dẫn, đôn đốc thực hiện nghị quyết tại",
                    ),
                    (ActivityKind::Proposal, 2.0, "Đề xuất Ban Thường vụ hỗ trợ"),
                ] {
                    let mut n = (per_year * share).ceil() as usize + rng.below(2);
                    if weak {
                        n /= 3;
                    }
                    for _ in 0..n {
                        let day = rng.day(y0, y1);
                        let note = format!("{what} {cname} tháng {}/{}", day.month(), day.year());
                        push_activity(ds, day, subject, cc, kind, note);
                    }
                }
                // The yearly evaluation by the commune's party committee (years with ≥ 90 days).
                if share * 365.0 >= 90.0 && rng.chance(0.99) {
                    let late = rng.chance(0.02);
                    let submitted = if late {
                        rng.day(d(year + 1, 2, 5), d(year + 1, 3, 15))
                    } else {
                        rng.day(d(year, 12, 10), d(year + 1, 1, 20))
                    };
                    if submitted <= horizon {
                        let roll = rng.below(100);
                        let rating = match roll {
                            0..=24 => Rating::Excellent,
                            25..=74 => Rating::Good,
                            75..=97 => Rating::Fulfilled,
                            _ => Rating::Unfulfilled,
                        };
                        ds.evaluations.push(Evaluation {
                            id: format!("dg-{year}-{}", id.trim_start_matches("cm-")).into(),
                            year,
                            assignment_id: id.clone().into(),
                            author_id: format!("du-{cc}").into(),
                            submitted_on: Some(submitted),
                            rating: Some(rating),
                            note: Some(
                                "Đồng chí thực hiện các nhiệm vụ được phân công"
                                    .to_owned()
                                    .into(),
                            ),
                        });
                    }
                }
            }
        }
    }

    // Cell attendance: the Executive Committee members (but the four leaders) each attend a cell.
    let cells = (communes.len() / 4).clamp(3, executive.len() - 4);
    for n in 1..=cells {
        let (cc, cname, _, _) = &communes[rng.below(communes.len())];
        let cell = format!("cb-{pc}-{n}");
        ds.organizations.push(org(
            &cell,
            &format!("Chi bộ thôn {n}, {cname} (giả định)"),
            OrgKind::PartyCell,
            Level::Commune,
            Some(cc),
            Some(&format!("du-{cc}")),
        ));
        let (pid, _) = &executive[4 + (n - 1) % (executive.len() - 4)];
        ds.assignments.push(assignment(
            &format!("ca-{pc}-{n}"),
            "cell-attendance",
            pid,
            &cell,
            d(2021, 1, 1),
            None,
            Some(TERM),
        ));
        for year in 2021..=2025 {
            for _ in 0..rng.range(2, 4) {
                let day = rng.day(d(year, 1, 1), d(year, 12, 31));
                push_activity(
                    ds,
                    day,
                    pid,
                    &cell,
                    ActivityKind::CellMeeting,
                    format!("Dự sinh hoạt chi bộ định kỳ tháng {}/{year}", day.month()),
                );
            }
        }
    }

    // The rural-development programme: each body helps one designated commune (type Xã).
    let mut xa: Vec<&(String, String, UnitType, String)> = communes
        .iter()
        .filter(|c| c.2 == UnitType::Commune)
        .collect();
    rng.shuffle(&mut xa);
    for (b, (cc, cname, _, _)) in xa.iter().take(BODIES.len()).enumerate() {
        let body = format!("{}-{pc}", BODIES[b].0);
        let mut a = assignment(
            &format!("ntm-{cc}"),
            "ntm-support-2020-2025",
            &body,
            cc,
            d(2020, 1, 1),
            Some(d(2025, 12, 31)),
            None,
        );
        a.category = Some(
            if rng.chance(0.15) {
                "finishing"
            } else {
                "difficult"
            }
            .to_owned()
            .into(),
        );
        ds.assignments.push(a);
        for year in 2020..=2025 {
            for _ in 0..rng.range(1, 3) {
                let day = rng.day(d(year, 1, 1), d(year, 12, 31));
                let (kind, quantity, value, note) = match rng.below(4) {
                    0 => (
                        ContributionKind::Gifts,
                        Some(rng.range(10, 60) as u64),
                        Some(rng.range(20, 200) as u64 * 100_000),
                        "Tặng quà cho gia đình chính sách",
                    ),
                    1 => (
                        ContributionKind::Cash,
                        None,
                        Some(rng.range(50, 500) as u64 * 100_000),
                        "Cán bộ, công chức đóng góp tiền mua vật liệu làm đường",
                    ),
                    2 => (
                        ContributionKind::LabourDays,
                        Some(rng.range(20, 120) as u64),
                        None,
                        "Ngày công giúp làm đường giao thông nông thôn",
                    ),
                    _ => (
                        ContributionKind::Works,
                        Some(1),
                        Some(rng.range(100, 900) as u64 * 1_000_000),
                        "Công trình điện chiếu sáng thôn",
                    ),
                };
                ds.activities.push(Activity {
                    id: format!("hd-{pc}-c{}-{year}-{}", b, ds.activities.len()).into(),
                    date: day,
                    subject_id: body.clone().into(),
                    target: cc.clone().into(),
                    kind: ActivityKind::Contribution,
                    duty: None,
                    note: Some(format!("{note} tại {cname}").into()),
                    quantity,
                    value_vnd: value,
                    contribution: Some(kind),
                    recipient: None,
                });
            }
        }
        let mut criteria = rng.range(8, 15) as u8;
        for year in 2021..=2025 {
            criteria = (criteria + rng.range(0, 2) as u8).min(19);
            let status = if criteria >= 19 {
                NtmStatus::Standard
            } else {
                NtmStatus::NotMet
            };
            ds.ntm_statuses.push(NtmRecord {
                unit_code: cc.clone().into(),
                year,
                criteria_met: criteria,
                status,
            });
        }
    }
}

fn assignment(
    id: &str,
    scheme: &str,
    subject: &str,
    target: &str,
    from: NaiveDate,
    to: Option<NaiveDate>,
    term: Option<&str>,
) -> Assignment {
    Assignment {
        id: id.into(),
        scheme: scheme.into(),
        subject_id: subject.into(),
        target: target.into(),
        valid_from: from,
        valid_to: to,
        term_id: term.map(SmolStr::from),
        decision_number: None,
        decision_date: None,
        end_reason: None,
        replaces: None,
        category: None,
        acting: false,
    }
}

/// Writes `dir/dataset.json` (compact JSON), the CSV folder `dir/csv/` and `dir/profile.json`;
/// returns the JSON file's size in bytes.
pub fn write(ds: &Dataset, profile: &Profile, dir: &Path) -> std::io::Result<u64> {
    use std::io::Write;
    std::fs::create_dir_all(dir.join("csv"))?;
    let json = dir.join("dataset.json");
    {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&json)?);
        serde_json::to_writer(&mut w, ds)?;
        w.flush()?;
    }
    let texts = ds.to_csv_texts().map_err(std::io::Error::other)?;
    for (name, text) in texts {
        std::fs::write(dir.join("csv").join(name), text)?;
    }
    std::fs::write(
        dir.join("profile.json"),
        profile.to_json_string().map_err(std::io::Error::other)?,
    )?;
    Ok(std::fs::metadata(&json)?.len())
}

/// The data of a scale, generated (and written) if missing: returns the directory.
pub fn ensure_data(scale: f64) -> PathBuf {
    let dir = data_dir(scale);
    if !dir.join("dataset.json").is_file() || !dir.join("csv").join("units.csv").is_file() {
        let units = std::fs::read_to_string(workspace_root().join(NATIONAL_UNITS))
            .expect("read the national units list");
        let provinces = read_units(&units).expect("a units list");
        let ds = generate(&provinces, scale, SEED);
        write(&ds, &bench_profile(), &dir).expect("write the benchmark data");
    }
    dir
}

/// The scales listed in `$DIABAN_BENCH_SCALES` (comma-separated), or `default`.
pub fn scales(default: &[f64]) -> Vec<f64> {
    match std::env::var("DIABAN_BENCH_SCALES") {
        Ok(v) if !v.trim().is_empty() => v
            .split(',')
            .map(|s| s.trim().parse::<f64>().expect("a scale is a number"))
            .collect(),
        _ => default.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Vec<Province> {
        let text = std::fs::read_to_string(workspace_root().join(NATIONAL_UNITS)).unwrap();
        read_units(&text).unwrap()
    }

    #[test]
    fn deterministic_and_scaled() {
        let provinces = small();
        assert_eq!(provinces.len(), 63);
        let total: usize = provinces.iter().map(Province::communes).sum();
        assert_eq!(total, 10_542);
        let a = generate(&provinces, 0.01, SEED);
        let b = generate(&provinces, 0.01, SEED);
        assert_eq!(a, b);
        let communes = a
            .units
            .iter()
            .filter(|u| u.unit_type.level() == Level::Commune)
            .count();
        assert!((50..=160).contains(&communes), "{communes}");
        let plan2 = plan(&provinces, 2.5, SEED);
        assert!(plan2.iter().filter(|(r, _)| *r == 2).count() > 10);
        assert_eq!(plan2.iter().filter(|(r, _)| *r == 1).count(), 63);
    }

    #[test]
    fn replica_codes_are_distinct_and_never_gso_lengths() {
        let provinces = small();
        let one: Vec<Province> = provinces.into_iter().take(1).collect();
        let ds = generate(&one, 2.0, SEED);
        let mut codes: Vec<&str> = ds.units.iter().map(|u| u.code.as_str()).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n);
        for u in ds.units.iter().filter(|u| u.code.starts_with('R')) {
            assert!(![2, 3, 5].contains(&u.code.len()), "{}", u.code);
            assert_eq!(u.level(), u.unit_type.level());
        }
    }

    #[test]
    fn mostly_clean_under_the_bench_profile() {
        let provinces = small();
        let ds = generate(&provinces, 0.01, SEED);
        let report = diaban::check(
            &ds,
            &bench_profile(),
            &diaban::CheckOptions {
                today: Some(today()),
                ..Default::default()
            },
        );
        let assignments = ds.assignments.len();
        let errors = report
            .findings
            .iter()
            .filter(|f| f.severity == diaban::Severity::Error)
            .count();
        assert!(
            errors * 10 < assignments,
            "{errors} errors for {assignments} assignments: {:?}",
            report.findings.first()
        );
        let json = serde_json::to_string(&ds).unwrap();
        assert_eq!(Dataset::from_json_str(&json).unwrap(), ds);
    }
}
