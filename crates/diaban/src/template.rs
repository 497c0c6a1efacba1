//! A workbook to start a new province from (`diaban template --province CODE [--at DATE]`):
//! the province's real administrative units on the day, from the national lists shipped in the
//! crate (all 63 provinces before 1 July 2025, the 34 after, by applying the 2025 reform
//! edges), the party committees every unit has, an empty sheet with Vietnamese headers for
//! every other table, drop-down lists for the columns that hold a word, frozen header rows and
//! a "Hướng dẫn" sheet. Filled in, it is read by `diaban check book.xlsx` like any workbook.
//!
//! The lists and where they come from: `data/national/PROVENANCE.md` in this crate.

use crate::error::{Error, Msg, Result};
use crate::finding::Lang;
use crate::io::columns::{self, ColumnType, Table};
use crate::model::{Dataset, Level, OrgKind, Organization, Unit, UnitType};
use chrono::NaiveDate;
use smol_str::SmolStr;
use std::collections::BTreeMap;
use std::io::Read as _;

/// Every commune-level unit on 1 September 2024 (GSO), with its district and province.
const UNITS_2024_09_01: &[u8] = include_bytes!("../data/national/vn_units_2024-09-01.csv.gz");
/// The same on 1 March 2025, the base of the 2025 reform.
const UNITS_2025_03_01: &[u8] = include_bytes!("../data/national/vn_units_2025-03-01.csv.gz");
/// The reform of 1 July 2025: old commune → new commune, with the new province.
const REFORM_2025_07_01: &[u8] = include_bytes!("../data/national/vn_reform_2025-07-01.csv.gz");
/// Where the lists come from.
pub const PROVENANCE: &str = include_str!("../data/national/PROVENANCE.md");

/// The day the 2025 reform took effect (no district level; 34 provinces).
fn reform_day() -> NaiveDate {
    crate::date!(2025, 7, 1)
}

/// Which national list describes a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snapshot {
    /// The GSO list of 1 September 2024 (used for every day before 1 March 2025).
    Units2024,
    /// The GSO list of 1 March 2025 (1 March to 30 June 2025).
    Units2025,
    /// The list of 1 March 2025 with the reform of 1 July 2025 applied (from 1 July 2025).
    Reform2025,
}

impl Snapshot {
    /// The list that describes `day`.
    #[must_use]
    pub fn on(day: NaiveDate) -> Snapshot {
        if day >= reform_day() {
            Snapshot::Reform2025
        } else if day >= crate::date!(2025, 3, 1) {
            Snapshot::Units2025
        } else {
            Snapshot::Units2024
        }
    }

    /// What the list is, in Vietnamese, for the guide sheet.
    #[must_use]
    pub fn describe_vi(self) -> &'static str {
        match self {
            Snapshot::Units2024 => "Danh mục đơn vị hành chính của Tổng cục Thống kê tại ngày 01/09/2024 (dùng cho mọi ngày trước 01/03/2025: đơn vị đã sắp xếp trước ngày 01/09/2024 hoặc sau đó cần kiểm tra lại)",
            Snapshot::Units2025 => "Danh mục đơn vị hành chính của Tổng cục Thống kê tại ngày 01/03/2025",
            Snapshot::Reform2025 => "Danh mục tại ngày 01/03/2025 sau khi sắp xếp đơn vị hành chính từ ngày 01/07/2025 (không tổ chức cấp huyện; 34 tỉnh, thành phố). Bảng sắp xếp lấy từ nguồn tổng hợp công khai; ngoài tỉnh Bắc Kạn chưa được đối chiếu từng dòng với nghị quyết: cần kiểm tra lại với nghị quyết sắp xếp của tỉnh",
        }
    }
}

fn gunzip(bytes: &[u8]) -> Result<String> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|e| Error::Io {
            path: "embedded national unit list".to_owned(),
            source: e,
        })?;
    Ok(text)
}

/// The rows of an embedded CSV list, by header name.
fn records(bytes: &[u8]) -> Result<Vec<BTreeMap<String, String>>> {
    let text = gunzip(bytes)?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| {
            Error::invalid_argument(
                "national list",
                Msg::new(
                    format!("danh mục quốc gia hỏng (chi tiết kỹ thuật: {e})"),
                    e.to_string(),
                ),
            )
        })?
        .iter()
        .map(str::to_owned)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.map_err(|e| {
                Error::invalid_argument(
                    "national list",
                    Msg::new(
                        format!("danh mục quốc gia hỏng (chi tiết kỹ thuật: {e})"),
                        e.to_string(),
                    ),
                )
            })?;
            Ok(header
                .iter()
                .cloned()
                .zip(r.iter().map(|v| v.trim().to_owned()))
                .collect())
        })
        .collect()
}

fn field<'a>(row: &'a BTreeMap<String, String>, name: &str) -> &'a str {
    row.get(name).map_or("", String::as_str)
}

fn unit_type(word: &str) -> Result<UnitType> {
    crate::words::parse_word::<UnitType>(word).ok_or_else(|| {
        Error::invalid_argument(
            "national list",
            Msg::new(
                format!("loại đơn vị lạ `{word}`"),
                format!("unknown unit type `{word}`"),
            ),
        )
    })
}

/// The type of a unit created by the 2025 reform, read from its name ("Xã …", "Phường …",
/// "Đặc khu …").
fn type_from_name(name: &str) -> Result<UnitType> {
    let lower = name.to_lowercase();
    [UnitType::SpecialZone, UnitType::Ward, UnitType::Commune]
        .into_iter()
        .find(|t| lower.starts_with(&format!("{} ", t.as_str().to_lowercase())))
        .ok_or_else(|| {
            Error::invalid_argument(
                "national list",
                Msg::new(
                    format!("không xác định được loại của đơn vị mới `{name}`"),
                    format!("cannot tell the type of the new unit `{name}`"),
                ),
            )
        })
}

fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A province of the national lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Province {
    /// GSO code ("06").
    pub code: String,
    /// Name ("Tỉnh Bắc Kạn").
    pub name: String,
}

/// The units of every province on a day, by province code: the province, its districts (before
/// the reform) and its communes, each with its parent.
/// Read once per list and kept: a template, or the listing of provinces, costs a lookup after
/// the first.
fn national(day: NaiveDate) -> Result<&'static BTreeMap<String, Vec<Unit>>> {
    type Lists = std::sync::OnceLock<std::result::Result<BTreeMap<String, Vec<Unit>>, Msg>>;
    static LISTS: [Lists; 3] = [Lists::new(), Lists::new(), Lists::new()];
    let snapshot = Snapshot::on(day);
    let slot = match snapshot {
        Snapshot::Units2024 => &LISTS[0],
        Snapshot::Units2025 => &LISTS[1],
        Snapshot::Reform2025 => &LISTS[2],
    };
    slot.get_or_init(|| {
        read_national(snapshot)
            .map_err(|e| Msg::new(e.message_in(Lang::Vi), e.message_in(Lang::En)))
    })
    .as_ref()
    .map_err(|e| Error::invalid_argument("national list", e.clone()))
}

fn read_national(snapshot: Snapshot) -> Result<BTreeMap<String, Vec<Unit>>> {
    let unit = |code: &str, name: &str, ty: UnitType, parent: Option<&str>| Unit {
        code: code.into(),
        name: name.into(),
        unit_type: ty,
        parent_code: parent.map(SmolStr::from),
        valid_from: None,
        valid_to: None,
    };
    let mut out: BTreeMap<String, Vec<Unit>> = BTreeMap::new();
    let base = records(match snapshot {
        Snapshot::Units2024 => UNITS_2024_09_01,
        Snapshot::Units2025 | Snapshot::Reform2025 => UNITS_2025_03_01,
    })?;
    if snapshot != Snapshot::Reform2025 {
        let mut seen = std::collections::HashSet::new();
        for r in &base {
            let (p, d, c) = (
                field(r, "province_code"),
                field(r, "district_code"),
                field(r, "code"),
            );
            let list = out.entry(p.to_owned()).or_default();
            if seen.insert(p.to_owned()) {
                list.push(unit(
                    p,
                    field(r, "province_name"),
                    unit_type(field(r, "province_type"))?,
                    None,
                ));
            }
            if seen.insert(format!("{p}/{d}")) {
                list.push(unit(
                    d,
                    field(r, "district_name"),
                    unit_type(field(r, "district_type"))?,
                    Some(p),
                ));
            }
            list.push(unit(
                c,
                field(r, "name"),
                unit_type(field(r, "type"))?,
                Some(d),
            ));
        }
        return Ok(out);
    }
    // After the reform: the new provinces (their type as the province of the same code had it)
    // and their new communes, directly under the province.
    let types: BTreeMap<&str, &str> = base
        .iter()
        .map(|r| (field(r, "province_code"), field(r, "province_type")))
        .collect();
    let mut seen = std::collections::HashSet::new();
    for r in &records(REFORM_2025_07_01)? {
        let (p, c) = (field(r, "new_province_code"), field(r, "new_code"));
        let list = out.entry(p.to_owned()).or_default();
        if seen.insert(p.to_owned()) {
            let name = field(r, "new_province_name");
            let ty = match types.get(p) {
                Some(t) => unit_type(t)?,
                None if name.starts_with("Thành phố ") => UnitType::CentralCity,
                None => UnitType::Province,
            };
            list.push(unit(p, name, ty, None));
        }
        if seen.insert(format!("{p}/{c}")) {
            // A few names of the list start in lower case ("xã Bắc Sơn") or carry spaces
            // around them: written as the GSO writes names.
            let name = capitalised(field(r, "new_name").trim());
            list.push(unit(c, &name, type_from_name(&name)?, Some(p)));
        }
    }
    Ok(out)
}

/// The provinces on a day, by code.
pub fn provinces(day: NaiveDate) -> Result<Vec<Province>> {
    Ok(national(day)?
        .values()
        .filter_map(|units| units.iter().find(|u| u.parent_code.is_none()))
        .map(|u| Province {
            code: u.code.as_str().to_owned(),
            name: u.name.as_str().to_owned(),
        })
        .collect())
}

/// The word of a unit's name after its type ("Tỉnh Bắc Kạn" → "Bắc Kạn").
fn bare_name(u: &Unit) -> &str {
    [u.unit_type.as_str(), "Thành phố"]
        .iter()
        .find_map(|t| u.name.strip_prefix(&format!("{t} ")))
        .unwrap_or(&u.name)
}

/// The party committee every unit has: "Tỉnh ủy Bắc Kạn", "Huyện ủy Ngân Sơn", "Thành ủy Bắc
/// Kạn", "Đảng ủy xã Vân Tùng"…, with the province's Standing Committee.
fn committees(units: &[Unit]) -> Vec<Organization> {
    let org =
        |id: String, name: String, kind, level, unit: &Unit, parent: Option<String>| Organization {
            id: id.into(),
            name: name.into(),
            kind,
            level,
            unit_code: Some(unit.code.clone()),
            parent_id: parent.map(SmolStr::from),
            valid_from: None,
            valid_to: None,
        };
    let id = |u: &Unit| format!("cap-uy-{}", u.code);
    let mut out = Vec::new();
    for u in units {
        let bare = bare_name(u);
        let (name, level) = match u.unit_type {
            UnitType::Province => (format!("Tỉnh ủy {bare}"), Level::Province),
            UnitType::CentralCity => (format!("Thành ủy {bare}"), Level::Province),
            UnitType::RuralDistrict => (format!("Huyện ủy {bare}"), Level::District),
            UnitType::UrbanDistrict => (format!("Quận ủy {bare}"), Level::District),
            UnitType::Town => (format!("Thị ủy {bare}"), Level::District),
            UnitType::City => (format!("Thành ủy {bare}"), Level::District),
            UnitType::Commune | UnitType::Ward | UnitType::Township | UnitType::SpecialZone => (
                format!("Đảng ủy {} {bare}", u.unit_type.as_str().to_lowercase()),
                Level::Commune,
            ),
        };
        let parent = u.parent_code.as_ref().map(|p| format!("cap-uy-{p}"));
        if level == Level::Province {
            out.push(org(
                format!("ban-thuong-vu-{}", u.code),
                format!("Ban Thường vụ {name}"),
                OrgKind::StandingCommittee,
                Level::Province,
                u,
                Some(id(u)),
            ));
        }
        out.push(org(id(u), name, OrgKind::PartyCommittee, level, u, parent));
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// The dataset a template starts from: the province's units on `day` and their party
/// committees. An unknown code is an error that lists the provinces of that day.
pub fn dataset(province: &str, day: NaiveDate) -> Result<Dataset> {
    let code = province.trim();
    let code = if code.len() == 1 && code.chars().all(|c| c.is_ascii_digit()) {
        format!("0{code}")
    } else {
        code.to_owned()
    };
    let Some(units) = national(day)?.get(&code).cloned() else {
        let list: Vec<String> = provinces(day)?
            .into_iter()
            .map(|p| format!("{} {}", p.code, p.name))
            .collect();
        return Err(Error::invalid_argument(
            "province",
            Msg::new(
                format!(
                    "không có tỉnh, thành phố nào mang mã `{province}` (theo danh mục của Tổng cục Thống kê) vào ngày {}; {} tỉnh, thành phố của ngày đó là: {}",
                    day.format("%d/%m/%Y"),
                    list.len(),
                    list.join(", ")
                ),
                format!(
                    "no province has the GSO code `{province}` on {}; the {} provinces of that day are: {}",
                    day.format("%d/%m/%Y"),
                    list.len(),
                    list.join(", ")
                ),
            ),
        ));
    };
    Ok(Dataset {
        organizations: committees(&units),
        units,
        ..Dataset::default()
    })
}

/// The words of a vocabulary offered in a drop-down list: the Vietnamese word of each value
/// (unit types as the GSO writes them), with the canonical word it stands for.
fn choices(vocabulary: &str) -> Vec<(&'static str, &'static str)> {
    crate::vocabulary::vocabularies()
        .into_iter()
        .find(|(name, _)| *name == vocabulary)
        .map(|(name, entries)| {
            entries
                .into_iter()
                .map(|(word, aliases)| {
                    let shown = if name == "unit type" {
                        word
                    } else {
                        aliases.first().copied().unwrap_or(word)
                    };
                    (shown, word)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The header a template writes for a column: its first Vietnamese header.
fn header(c: &columns::Column) -> &'static str {
    c.vi.first().copied().unwrap_or(c.name)
}

/// The sheet a template writes for a table: its first Vietnamese name.
fn sheet_name(t: &Table) -> &'static str {
    t.vi.first().copied().unwrap_or(t.name)
}

/// What each sheet is for, in the guide.
fn purpose(table: &str) -> &'static str {
    match table {
        "units" => "Các đơn vị hành chính của tỉnh tại ngày lập mẫu (đã điền sẵn theo danh mục của Tổng cục Thống kê; không sửa mã).",
        "organizations" => "Các cơ quan, tổ chức: đã điền sẵn cấp ủy của tỉnh, huyện, xã và Ban Thường vụ; thêm các sở, ban, ngành, đoàn thể có cán bộ được phân công.",
        "people" => "Cán bộ và chức vụ: mỗi chức vụ một dòng (một người có nhiều chức vụ thì nhiều dòng cùng mã).",
        "terms" => "Nhiệm kỳ đại hội (ví dụ nhiệm kỳ 2020–2025 của Tỉnh ủy).",
        "assignments" => "Phân công theo dõi địa bàn: ai, địa bàn nào, từ ngày nào đến ngày nào, theo quyết định nào.",
        "activities" => "Hoạt động của cán bộ tại địa bàn: dự hội nghị cấp ủy, đi cơ sở, đề xuất, đóng góp…",
        "evaluations" => "Đánh giá hằng năm của cấp ủy địa phương đối với cán bộ phụ trách.",
        "reorganizations" => "Sắp xếp đơn vị hành chính (mã cũ → mã mới), nếu có trong thời gian theo dõi.",
        "ntm_statuses" => "Kết quả xây dựng nông thôn mới của từng xã theo năm.",
        _ => "",
    }
}

/// The template workbook of a province on a day (see the module's documentation).
pub fn workbook(province: &str, day: NaiveDate) -> Result<Vec<u8>> {
    write(&dataset(province, day)?, day)
}

/// A dataset written in the template's layout: the guide sheet (for the units of `day`), one
/// sheet per table named in Vietnamese with Vietnamese headers, words as the drop-down lists
/// show them. What [`workbook`] writes, and what an office's filled-in template looks like.
pub fn write(ds: &Dataset, day: NaiveDate) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{
        DataValidation, DataValidationErrorStyle, Format, FormatBorder, Workbook,
    };
    let fail = |e: rust_xlsxwriter::XlsxError| {
        Error::invalid_argument(
            "template",
            Msg::new(
                format!("không ghi được sổ tính (chi tiết kỹ thuật: {e})"),
                format!("cannot write the workbook: {e}"),
            ),
        )
    };
    let province_name = ds
        .units
        .iter()
        .find(|u| u.parent_code.is_none())
        .map_or_else(String::new, |u| u.name.as_str().to_owned());
    let rows = crate::io::rows::try_to_rows(ds)?;
    let mut book = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("DDEBF7")
        .set_border(FormatBorder::Thin);
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let text = Format::new().set_num_format("@");
    let wrap = Format::new().set_text_wrap();

    // The guide first, so that it is the sheet the workbook opens on.
    let guide = book.add_worksheet();
    guide.set_name("Hướng dẫn").map_err(fail)?;
    guide.set_column_width(0, 28).map_err(fail)?;
    guide.set_column_width(1, 100).map_err(fail)?;
    let mut lines: Vec<(String, String)> = vec![
        (
            format!("MẪU NHẬP LIỆU — {}", province_name.to_uppercase()),
            String::new(),
        ),
        (
            "Đơn vị hành chính".to_owned(),
            format!(
                "{} đơn vị tại ngày {}. Nguồn: {}.",
                ds.units.len(),
                day.format("%d/%m/%Y"),
                Snapshot::on(day).describe_vi()
            ),
        ),
        (
            "Cách điền".to_owned(),
            "Mỗi trang tính là một bảng; dòng đầu là tiêu đề cột, không sửa, không chèn dòng tiêu đề khác phía trên. Mỗi dòng là một bản ghi; có thể bỏ trống cột không bắt buộc. Ngày ghi dd/mm/yyyy. Mã đơn vị, mã cán bộ là chữ (giữ số 0 ở đầu). Cột có danh sách thả xuống: chọn trong danh sách (cách viết tắt như HTXSNV cũng được chấp nhận).".to_owned(),
        ),
        (
            "Kiểm tra".to_owned(),
            "Lưu tệp (.xlsx) rồi chạy: diaban check TEN_TEP.xlsx — kết quả nêu từng sai sót theo trang tính, ô và quy định.".to_owned(),
        ),
        (
            "Sắp xếp đơn vị năm 2025".to_owned(),
            "Đơn vị hành chính ghi theo ngày lập mẫu, không ghi ngày hiệu lực. Nếu thời gian theo dõi qua ngày 01/07/2025, ghi việc sắp xếp vào trang \"Sắp xếp đơn vị\" hoặc lập mẫu mới từ ngày 01/07/2025.".to_owned(),
        ),
        (String::new(), String::new()),
        ("Trang tính".to_owned(), "Nội dung".to_owned()),
    ];
    for t in columns::TABLES {
        let required: Vec<&str> = t
            .columns
            .iter()
            .filter(|c| c.required)
            .map(header)
            .collect();
        lines.push((
            sheet_name(t).to_owned(),
            format!("{} Cột bắt buộc: {}.", purpose(t.name), required.join(", ")),
        ));
    }
    for (r, (a, b)) in lines.iter().enumerate() {
        let r32 = u32::try_from(r).unwrap_or(u32::MAX);
        if r == 0 || a == "Trang tính" {
            guide
                .write_string_with_format(r32, 0, a, &bold)
                .map_err(fail)?;
            guide
                .write_string_with_format(r32, 1, b, &bold)
                .map_err(fail)?;
        } else {
            guide.write_string(r32, 0, a).map_err(fail)?;
            guide
                .write_string_with_format(r32, 1, b, &wrap)
                .map_err(fail)?;
        }
    }

    for t in columns::TABLES {
        let filled: &[Vec<String>] = rows
            .iter()
            .find(|(table, _)| table.name == t.name)
            .map_or(&[], |(_, r)| r.as_slice());
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(t)).map_err(fail)?;
        for (c, column) in t.columns.iter().enumerate() {
            let c16 = u16::try_from(c).unwrap_or(u16::MAX);
            sheet
                .write_string_with_format(0, c16, header(column), &bold)
                .map_err(fail)?;
            let widest = filled
                .iter()
                .filter_map(|row| row.get(c))
                .map(|v| v.chars().count())
                .max()
                .unwrap_or(0)
                .max(header(column).chars().count())
                .max(if column.ty == ColumnType::Date { 10 } else { 8 });
            sheet
                .set_column_width(c16, (widest.min(50) + 2) as f64)
                .map_err(fail)?;
            match column.ty {
                ColumnType::Date => sheet.set_column_format(c16, &date),
                ColumnType::Integer => Ok(&mut *sheet),
                _ => sheet.set_column_format(c16, &text),
            }
            .map_err(fail)?;
            let list: Vec<(&str, &str)> = match column.ty {
                ColumnType::Word(v) => choices(v),
                ColumnType::Flag => vec![("có", "true"), ("không", "false")],
                _ => Vec::new(),
            };
            if !list.is_empty() {
                let shown: Vec<&str> = list.iter().map(|(s, _)| *s).collect();
                let validation = DataValidation::new()
                    .allow_list_strings(&shown)
                    .map_err(fail)?
                    .set_error_style(DataValidationErrorStyle::Warning)
                    .set_error_message(
                        "Giá trị không có trong danh sách; kiểm tra lại (các cách viết khác đã nêu trong tài liệu vẫn được chấp nhận).",
                    )
                    .map_err(fail)?;
                sheet
                    .add_data_validation(1, c16, 1_048_575, c16, &validation)
                    .map_err(fail)?;
            }
            for (r, row) in filled.iter().enumerate() {
                let r32 = u32::try_from(r + 1).unwrap_or(u32::MAX);
                let Some(value) = row.get(c).filter(|v| !v.is_empty()) else {
                    continue;
                };
                // A date as a date cell, a number as a number, a word as the drop-down list
                // shows it, anything else as text.
                let serial = crate::period::parse_date(value)
                    .filter(|_| column.ty == ColumnType::Date)
                    .and_then(|d| {
                        let days = (d - crate::date!(1899, 12, 30)).num_days();
                        (days > 60).then_some(days as f64)
                    });
                let number = value
                    .parse::<i64>()
                    .ok()
                    .filter(|n| column.ty == ColumnType::Integer && n.unsigned_abs() < 1 << 53);
                if let Some(serial) = serial {
                    sheet.write_number_with_format(r32, c16, serial, &date)
                } else if let Some(n) = number {
                    sheet.write_number(r32, c16, n as f64)
                } else {
                    let value = list
                        .iter()
                        .find(|(_, word)| word == value)
                        .map_or(value.as_str(), |(shown, _)| shown);
                    sheet.write_string_with_format(r32, c16, value, &text)
                }
                .map_err(fail)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lists_are_the_repository_s_national_files() {
        for (bytes, name) in [
            (UNITS_2024_09_01, "vn_units_2024-09-01.csv"),
            (UNITS_2025_03_01, "vn_units_2025-03-01.csv"),
            (REFORM_2025_07_01, "vn_reform_2025-07-01.csv"),
        ] {
            let path = format!("{}/../../data/national/{name}", env!("CARGO_MANIFEST_DIR"));
            let original = std::fs::read_to_string(&path).unwrap();
            assert!(
                gunzip(bytes).unwrap() == original,
                "{name}: re-run gzip -9n"
            );
        }
    }

    #[test]
    fn every_drop_down_list_fits_an_inline_list() {
        for (name, _) in crate::vocabulary::vocabularies() {
            let list = choices(name);
            assert!(!list.is_empty(), "{name}");
            let joined: usize = list.iter().map(|(s, _)| s.chars().count() + 1).sum();
            assert!(joined <= 255, "{name}");
            assert!(list.iter().all(|(s, _)| !s.contains(',')), "{name}");
        }
    }
}
