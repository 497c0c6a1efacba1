//! The tables of a dataset and their columns, in one place: the canonical name, the
//! Vietnamese headers accepted for it, its type, whether the column must be present, what it
//! means and an example. The CSV and XLSX readers match headers against this list, the
//! writers write its order and types, and `docs/data-format.md` is checked against it.

/// What a column holds; it decides how a workbook cell is read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Free text.
    Text,
    /// An id (text; a whole number typed in a workbook cell is read as its digits).
    Id,
    /// An administrative unit code, or an organisation id where a unit or an organisation may
    /// be named. Always text: a number in a workbook cell is an error, because Excel drops
    /// the leading zeros of codes such as `01954`.
    Code,
    /// A date: `YYYY-MM-DD` or `DD/MM/YYYY` in text, or a date cell in a workbook.
    Date,
    /// A whole number.
    Integer,
    /// One of a fixed set of words (the name of the vocabulary, as in `docs/data-format.md`).
    Word(&'static str),
    /// Yes or no: `true`/`false` (also `có`/`không`, `x`, a workbook's TRUE/FALSE); empty is no.
    Flag,
}

impl ColumnType {
    /// How the type is named in `docs/data-format.md`.
    #[must_use]
    pub fn describe(self) -> String {
        match self {
            ColumnType::Text => "text".to_owned(),
            ColumnType::Id => "id".to_owned(),
            ColumnType::Code => "code".to_owned(),
            ColumnType::Date => "date".to_owned(),
            ColumnType::Integer => "integer".to_owned(),
            ColumnType::Word(w) => format!("word: {w}"),
            ColumnType::Flag => "yes/no".to_owned(),
        }
    }
}

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The canonical header (what diaban writes).
    pub name: &'static str,
    /// Vietnamese headers accepted for it (the first is the preferred one).
    pub vi: &'static [&'static str],
    /// What it holds.
    pub ty: ColumnType,
    /// Whether the column must be present (its cells may still be empty when the value is optional).
    pub required: bool,
    /// What it means (with the `column-docs` feature, on by default; the WebAssembly module
    /// leaves these texts out for its size).
    #[cfg(feature = "column-docs")]
    pub meaning: &'static str,
    /// An example value (with the `column-docs` feature).
    #[cfg(feature = "column-docs")]
    pub example: &'static str,
}

/// One table: a CSV file `NAME.csv`, a workbook sheet `NAME`, a JSON array `NAME`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    /// The table's name (`units`, `assignments`…).
    pub name: &'static str,
    /// Vietnamese sheet names accepted for it in a workbook.
    pub vi: &'static [&'static str],
    /// Its columns, in the order diaban writes them.
    pub columns: &'static [Column],
}

impl Table {
    /// The CSV file name of the table.
    #[must_use]
    pub fn file(&self) -> String {
        format!("{}.csv", self.name)
    }

    /// The names of the columns that must be present.
    pub fn required(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.columns.iter().filter(|c| c.required).map(|c| c.name)
    }

    /// The column a header stands for: its canonical name or a Vietnamese alias, compared
    /// after [`crate::words::fold`].
    #[must_use]
    pub fn column(&self, header: &str) -> Option<&'static Column> {
        let header = header.trim();
        if let Some(c) = self.columns.iter().find(|c| c.name == header) {
            return Some(c);
        }
        let folded = crate::words::fold(header);
        self.columns.iter().find(|c| {
            crate::words::fold(c.name) == folded
                || c.vi.iter().any(|a| crate::words::fold(a) == folded)
        })
    }
}

macro_rules! col {
    ($name:literal, [$($vi:literal),*], $ty:expr, $req:literal, $meaning:expr, $example:expr) => {
        Column {
            name: $name,
            vi: &[$($vi),*],
            ty: $ty,
            required: $req,
            #[cfg(feature = "column-docs")]
            meaning: $meaning,
            #[cfg(feature = "column-docs")]
            example: $example,
        }
    };
}

use ColumnType::{Code, Date, Flag, Id, Integer, Text, Word};

macro_rules! from {
    ($what:literal, $example:literal) => {
        col!(
            "valid_from",
            ["Từ ngày", "Ngày bắt đầu", "Hiệu lực từ"],
            Date,
            false,
            concat!(
                "First day ",
                $what,
                " (empty: since before the records begin)"
            ),
            $example
        )
    };
}

macro_rules! to {
    ($what:literal, $example:literal) => {
        col!(
            "valid_to",
            ["Đến ngày", "Ngày kết thúc", "Hiệu lực đến"],
            Date,
            false,
            concat!("Last day ", $what, " (empty: still so)"),
            $example
        )
    };
}

/// `units`: the administrative units, one row each, linked by `parent_code`.
pub const UNITS: Table = Table {
    name: "units",
    vi: &["Đơn vị", "Đơn vị hành chính"],
    columns: &[
        col!(
            "code",
            ["Mã đơn vị", "Mã"],
            Code,
            true,
            "GSO code: 2 digits for a province, 3 for a district, 5 for a commune",
            "01954"
        ),
        col!(
            "name",
            ["Tên đơn vị", "Tên"],
            Text,
            true,
            "Official name",
            "Thị trấn Vân Tùng"
        ),
        col!(
            "type",
            ["Loại đơn vị", "Loại", "Cấp"],
            Word("unit type"),
            true,
            "GSO type",
            "Thị trấn"
        ),
        col!(
            "parent_code",
            ["Mã đơn vị cấp trên", "Mã cấp trên"],
            Code,
            false,
            "Code of the unit it belongs to",
            "062"
        ),
        from!("in force", "2020-01-01"),
        to!("in force", "2025-06-30"),
    ],
};

/// `units` in the flat layout of the GSO lists: each commune row names its district and province.
pub const UNITS_FLAT: Table = Table {
    name: "units",
    vi: UNITS.vi,
    columns: &[
        col!(
            "code",
            ["Mã đơn vị", "Mã"],
            Code,
            true,
            "The commune's GSO code",
            "01954"
        ),
        col!(
            "name",
            ["Tên đơn vị", "Tên"],
            Text,
            true,
            "The commune's name",
            "Thị trấn Vân Tùng"
        ),
        col!(
            "type",
            ["Loại đơn vị", "Loại", "Cấp"],
            Word("unit type"),
            true,
            "The commune's GSO type",
            "Thị trấn"
        ),
        col!(
            "district_code",
            ["Mã huyện", "Mã QH"],
            Code,
            true,
            "The district's GSO code",
            "062"
        ),
        col!(
            "district_name",
            ["Tên huyện", "Quận Huyện"],
            Text,
            true,
            "The district's name",
            "Huyện Ngân Sơn"
        ),
        col!(
            "district_type",
            ["Loại huyện", "Cấp huyện"],
            Word("unit type"),
            false,
            "The district's type (empty: read from the name)",
            "Huyện"
        ),
        col!(
            "province_code",
            ["Mã tỉnh", "Mã TP"],
            Code,
            false,
            "The province's GSO code",
            "06"
        ),
        col!(
            "province_name",
            ["Tên tỉnh", "Tỉnh / Thành Phố"],
            Text,
            false,
            "The province's name",
            "Tỉnh Bắc Kạn"
        ),
        col!(
            "province_type",
            ["Loại tỉnh", "Cấp tỉnh"],
            Word("unit type"),
            false,
            "The province's type",
            "Tỉnh"
        ),
        from!("in force", "2020-01-01"),
        to!("in force", "2025-06-30"),
    ],
};

/// `organizations`: party bodies, state bodies and mass organisations.
pub const ORGANIZATIONS: Table = Table {
    name: "organizations",
    vi: &["Tổ chức", "Cơ quan, tổ chức"],
    columns: &[
        col!(
            "id",
            ["Mã tổ chức", "Mã cơ quan"],
            Id,
            true,
            "Stable id",
            "dang-uy-01954"
        ),
        col!(
            "name",
            ["Tên tổ chức", "Tên cơ quan"],
            Text,
            true,
            "Name",
            "Đảng ủy thị trấn Vân Tùng"
        ),
        col!(
            "kind",
            ["Loại tổ chức", "Loại"],
            Word("organisation kind"),
            true,
            "Kind of body",
            "party_committee"
        ),
        col!(
            "level",
            ["Cấp"],
            Word("level"),
            true,
            "Tier it belongs to",
            "commune"
        ),
        col!(
            "unit_code",
            ["Mã đơn vị"],
            Code,
            false,
            "Code of the administrative unit it belongs to",
            "01954"
        ),
        col!(
            "parent_id",
            ["Mã tổ chức cấp trên", "Trực thuộc"],
            Id,
            false,
            "The organisation it is part of",
            "huyen-uy-062"
        ),
        from!("it exists", "2020-10-01"),
        to!("it exists", ""),
    ],
};

/// `people`: one post held by one person for a period.
pub const PEOPLE: Table = Table {
    name: "people",
    vi: &["Cán bộ", "Người"],
    columns: &[
        col!(
            "id",
            ["Mã cán bộ", "Mã người"],
            Id,
            true,
            "The person's id (a person with several posts has several rows with the same id)",
            "p-001"
        ),
        col!(
            "name",
            ["Họ và tên", "Họ tên"],
            Text,
            true,
            "The person's name",
            "Nguyễn Văn A"
        ),
        col!(
            "title",
            ["Chức vụ"],
            Text,
            true,
            "The post's title",
            "Giám đốc Sở Công Thương"
        ),
        col!(
            "organization_id",
            ["Mã cơ quan", "Mã tổ chức"],
            Id,
            true,
            "The organisation the post belongs to",
            "so-cong-thuong"
        ),
        col!(
            "rank",
            ["Cấp chức vụ", "Vị trí"],
            Word("rank"),
            true,
            "Rank of the post",
            "cấp trưởng"
        ),
        from!("the post is held", "2021-05-01"),
        to!("the post is held", ""),
    ],
};

/// `terms`: congress terms of a body.
pub const TERMS: Table = Table {
    name: "terms",
    vi: &["Nhiệm kỳ"],
    columns: &[
        col!("id", ["Mã nhiệm kỳ"], Id, true, "Stable id", "tinh-uy-xii"),
        col!(
            "organization_id",
            ["Mã tổ chức", "Mã cơ quan"],
            Id,
            true,
            "The body whose congress opened the term",
            "tinh-uy"
        ),
        col!(
            "label",
            ["Nhiệm kỳ", "Tên nhiệm kỳ"],
            Text,
            true,
            "Label",
            "2020–2025"
        ),
        col!(
            "ordinal",
            ["Khóa"],
            Text,
            false,
            "Ordinal of the congress",
            "XII"
        ),
        col!(
            "valid_from",
            ["Từ ngày", "Ngày bắt đầu", "Hiệu lực từ"],
            Date,
            true,
            "First day of the term",
            "2020-10-15"
        ),
        col!(
            "valid_to",
            ["Đến ngày", "Ngày kết thúc", "Hiệu lực đến"],
            Date,
            false,
            "Last day of the term (empty: open)",
            "2025-10-14"
        ),
    ],
};

/// `assignments`: who is assigned to which unit or body, from when to when.
pub const ASSIGNMENTS: Table = Table {
    name: "assignments",
    vi: &["Phân công"],
    columns: &[
        col!(
            "id",
            ["Mã phân công"],
            Id,
            true,
            "Stable id, independent of the dates",
            "pc-001"
        ),
        col!(
            "scheme",
            ["Chế độ phân công", "Loại phân công"],
            Id,
            true,
            "The scheme of the profile it belongs to",
            "commune-monitoring"
        ),
        col!(
            "subject_id",
            ["Mã cán bộ", "Mã người phụ trách"],
            Id,
            true,
            "The person or organisation assigned",
            "p-001"
        ),
        col!(
            "target",
            ["Mã địa bàn", "Địa bàn phụ trách"],
            Code,
            true,
            "The unit code or organisation id assigned to",
            "01954"
        ),
        col!(
            "valid_from",
            ["Từ ngày", "Ngày bắt đầu", "Hiệu lực từ"],
            Date,
            true,
            "First day",
            "2024-09-01"
        ),
        col!(
            "valid_to",
            ["Đến ngày", "Ngày kết thúc", "Hiệu lực đến"],
            Date,
            false,
            "Last day (empty: still in force)",
            "2025-06-30"
        ),
        col!(
            "term_id",
            ["Mã nhiệm kỳ"],
            Id,
            false,
            "The congress term it belongs to",
            "tinh-uy-xii"
        ),
        col!(
            "decision_number",
            ["Số quyết định"],
            Text,
            false,
            "Number of the deciding document",
            "1390-QĐ/TU"
        ),
        col!(
            "decision_date",
            ["Ngày quyết định"],
            Date,
            false,
            "Date of the deciding document",
            "2024-08-20"
        ),
        col!(
            "end_reason",
            ["Lý do kết thúc"],
            Word("end reason"),
            false,
            "Why it ended",
            "hết nhiệm kỳ"
        ),
        col!(
            "replaces",
            ["Thay cho", "Thay thế phân công"],
            Id,
            false,
            "The assignment this one replaces",
            "pc-000"
        ),
        col!(
            "category",
            ["Nhóm", "Phân loại"],
            Text,
            false,
            "A scheme-specific category",
            "difficult"
        ),
        col!(
            "acting",
            ["Kiêm nhiệm tạm thời", "Tạm thời"],
            Flag,
            false,
            "An acting (temporary) assignment while a successor is appointed: within the profile's acting_max_days it does not count toward the subject's limit of targets",
            "true"
        ),
    ],
};

/// `activities`: what a monitoring cadre or helping agency did, on a day.
pub const ACTIVITIES: Table = Table {
    name: "activities",
    vi: &["Hoạt động"],
    columns: &[
        col!("id", ["Mã hoạt động"], Id, true, "Stable id", "hd-001"),
        col!(
            "date",
            ["Ngày"],
            Date,
            true,
            "The day it happened",
            "15/03/2025"
        ),
        col!(
            "subject_id",
            ["Mã cán bộ", "Mã người phụ trách"],
            Id,
            true,
            "The person or organisation acting",
            "p-001"
        ),
        col!(
            "target",
            ["Mã địa bàn", "Địa bàn phụ trách"],
            Code,
            true,
            "The unit code or organisation id concerned",
            "01954"
        ),
        col!(
            "kind",
            ["Loại hoạt động"],
            Word("activity kind"),
            true,
            "What was done",
            "đi cơ sở"
        ),
        col!(
            "duty",
            ["Nhiệm vụ"],
            Id,
            false,
            "The profile duty it fulfils",
            "attend-committee-meetings"
        ),
        col!(
            "note",
            ["Ghi chú"],
            Text,
            false,
            "Free text",
            "Làm việc với thôn Nà Héo"
        ),
        col!(
            "quantity",
            ["Số lượng"],
            Integer,
            false,
            "How many (gift packages, bicycles, labour days…)",
            "20"
        ),
        col!(
            "value_vnd",
            ["Giá trị (đồng)", "Giá trị"],
            Integer,
            false,
            "Value in đồng",
            "5000000"
        ),
        col!(
            "contribution",
            ["Hình thức đóng góp", "Loại đóng góp"],
            Word("contribution kind"),
            false,
            "For contributions: what was given",
            "quà tặng"
        ),
        col!(
            "recipient",
            ["Nơi nhận đề xuất", "Cơ quan nhận"],
            Id,
            false,
            "For proposals: the body proposed to",
            "ban-thuong-vu"
        ),
    ],
};

/// `evaluations`: the yearly written evaluations of assignments.
pub const EVALUATIONS: Table = Table {
    name: "evaluations",
    vi: &["Đánh giá"],
    columns: &[
        col!("id", ["Mã đánh giá"], Id, true, "Stable id", "dg-2024-001"),
        col!("year", ["Năm"], Integer, true, "The year evaluated", "2024"),
        col!(
            "assignment_id",
            ["Mã phân công"],
            Id,
            true,
            "The assignment evaluated",
            "pc-001"
        ),
        col!(
            "author_id",
            ["Mã cơ quan đánh giá", "Cơ quan đánh giá"],
            Id,
            true,
            "The body that wrote it",
            "dang-uy-01954"
        ),
        col!(
            "submitted_on",
            ["Ngày gửi", "Ngày nộp"],
            Date,
            false,
            "The day it was sent",
            "20/01/2025"
        ),
        col!(
            "rating",
            ["Xếp loại", "Mức xếp loại"],
            Word("rating"),
            false,
            "The rating given",
            "HTTNV"
        ),
        col!("note", ["Ghi chú"], Text, false, "Free text", ""),
    ],
};

/// `reorganizations`: edges old unit → new unit on an effective date.
pub const REORGANIZATIONS: Table = Table {
    name: "reorganizations",
    vi: &["Sắp xếp đơn vị", "Sắp xếp"],
    columns: &[
        col!(
            "effective",
            ["Ngày hiệu lực"],
            Date,
            true,
            "First day of the new arrangement",
            "2025-07-01"
        ),
        col!(
            "old_code",
            ["Mã cũ", "Mã đơn vị cũ"],
            Code,
            true,
            "The old unit's code",
            "01954"
        ),
        col!(
            "new_code",
            ["Mã mới", "Mã đơn vị mới"],
            Code,
            true,
            "The new unit's code (empty when abolished)",
            "01955"
        ),
        col!(
            "new_name",
            ["Tên mới", "Tên đơn vị mới"],
            Text,
            true,
            "The new unit's name (empty when abolished)",
            "Xã Ngân Sơn"
        ),
        col!(
            "new_type",
            ["Loại mới", "Loại đơn vị mới"],
            Word("unit type"),
            true,
            "The new unit's type (empty when abolished)",
            "Xã"
        ),
        col!(
            "part",
            ["Phần", "Mức độ"],
            Word("part"),
            true,
            "Whole, partial or abolished",
            "toàn bộ"
        ),
        col!(
            "basis",
            ["Căn cứ"],
            Text,
            false,
            "The legal basis",
            "Nghị quyết 1683/NQ-UBTVQH15"
        ),
    ],
};

/// `ntm_statuses`: a commune's new-rural-development status in a year.
pub const NTM_STATUSES: Table = Table {
    name: "ntm_statuses",
    vi: &["Nông thôn mới", "NTM"],
    columns: &[
        col!(
            "unit_code",
            ["Mã đơn vị", "Mã xã"],
            Code,
            true,
            "The commune",
            "01954"
        ),
        col!("year", ["Năm"], Integer, true, "The year", "2024"),
        col!(
            "criteria_met",
            ["Số tiêu chí đạt"],
            Integer,
            true,
            "Criteria met, 0 to 19",
            "19"
        ),
        col!(
            "status",
            ["Kết quả", "Mức đạt chuẩn"],
            Word("NTM status"),
            true,
            "The status reached",
            "đạt chuẩn"
        ),
    ],
};

/// Every table, in the order they are read and written (`units` first).
pub const TABLES: &[Table] = &[
    UNITS,
    ORGANIZATIONS,
    PEOPLE,
    TERMS,
    ASSIGNMENTS,
    ACTIVITIES,
    EVALUATIONS,
    REORGANIZATIONS,
    NTM_STATUSES,
];

/// The table a CSV file name (`units.csv`) or a sheet name (`units`, `Phân công`) stands for.
#[must_use]
pub fn table(name: &str) -> Option<&'static Table> {
    let name = name.trim();
    let base = name.strip_suffix(".csv").unwrap_or(name);
    if let Some(t) = TABLES.iter().find(|t| t.name == base) {
        return Some(t);
    }
    let folded = crate::words::fold(base);
    TABLES.iter().find(|t| {
        crate::words::fold(t.name) == folded || t.vi.iter().any(|a| crate::words::fold(a) == folded)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_sheet_names_are_unambiguous() {
        let mut sheets = std::collections::HashSet::new();
        for t in TABLES {
            for n in std::iter::once(t.name).chain(t.vi.iter().copied()) {
                assert!(
                    sheets.insert(crate::words::fold(n)),
                    "sheet name `{n}` twice"
                );
                assert_eq!(table(n).map(|x| x.name), Some(t.name));
            }
        }
        for t in TABLES.iter().chain([&UNITS_FLAT]) {
            let mut seen = std::collections::HashSet::new();
            for c in t.columns {
                for h in std::iter::once(c.name).chain(c.vi.iter().copied()) {
                    assert!(
                        seen.insert(crate::words::fold(h)),
                        "{}: header `{h}` twice",
                        t.name
                    );
                    assert_eq!(t.column(h).map(|x| x.name), Some(c.name));
                }
            }
        }
        assert_eq!(UNITS.column("mã ĐƠN vị").map(|c| c.name), Some("code"));
        assert_eq!(
            ASSIGNMENTS.column("Số Quyết Định").map(|c| c.name),
            Some("decision_number")
        );
        assert_eq!(table("Phân công").map(|t| t.name), Some("assignments"));
        assert_eq!(
            table("assignments.csv").map(|t| t.name),
            Some("assignments")
        );
        assert!(table("don_vi").is_none());
    }
}
