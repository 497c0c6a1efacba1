//! The Vietnamese words a person may type for each closed vocabulary of the model (ratings in
//! full or abbreviated, ranks, kinds…), and the list of vocabularies a column may hold. The
//! matching rules ([`crate::words::fold`], [`crate::words::parse_word`]) live in `words.rs`,
//! which the model itself builds on; this table builds on the model.

use crate::words::{entries, Aliased, Entry};

macro_rules! aliases {
    ($ty:ty { $( $variant:ident => [$($alias:literal),* $(,)?] ),+ $(,)? }) => {
        impl Aliased for $ty {
            fn aliases(self) -> &'static [&'static str] {
                match self { $( <$ty>::$variant => &[$($alias),*] ),+ }
            }
        }

        /// Parses the canonical word or one of its Vietnamese forms, as a CSV file or a
        /// workbook may hold it ([`crate::words::parse_word`]).
        impl std::str::FromStr for $ty {
            type Err = crate::words::UnknownWord;

            fn from_str(text: &str) -> Result<$ty, crate::words::UnknownWord> {
                crate::words::parse_word::<$ty>(text)
                    .ok_or_else(|| crate::words::UnknownWord::new::<$ty>(stringify!($ty), text))
            }
        }
    };
}

use crate::model::{
    ActivityKind, ContributionKind, EndReason, Level, NtmStatus, OrgKind, Part, Rank, Rating,
    UnitType,
};

aliases!(UnitType {
    Province => ["Tỉnh"],
    CentralCity => ["Thành phố trực thuộc trung ương", "TP trực thuộc TW"],
    RuralDistrict => ["Huyện"],
    UrbanDistrict => ["Quận"],
    Town => ["Thị xã"],
    City => ["Thành phố thuộc tỉnh", "TP"],
    Commune => ["Xã"],
    Ward => ["Phường"],
    Township => ["Thị trấn"],
    SpecialZone => ["Đặc khu"],
});

aliases!(Level {
    Province => ["cấp tỉnh", "tỉnh"],
    District => ["cấp huyện", "huyện"],
    Commune => ["cấp xã", "xã"],
});

aliases!(OrgKind {
    PartyCommittee => ["cấp ủy", "Đảng ủy", "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Thị ủy"],
    StandingCommittee => ["Ban Thường vụ"],
    PartyBoard => ["ban đảng", "ban của Đảng"],
    Department => ["sở", "sở, ngành"],
    Agency => ["cơ quan", "cơ quan nhà nước"],
    MassOrganization => ["đoàn thể", "Mặt trận, đoàn thể"],
    PartyCell => ["chi bộ"],
});

aliases!(Rank {
    Head => ["cấp trưởng", "trưởng"],
    Deputy => ["cấp phó", "phó"],
    Member => ["thành viên", "ủy viên"],
});

aliases!(EndReason {
    TermEnded => ["hết nhiệm kỳ"],
    Replaced => ["thay thế", "được thay thế"],
    Reorganized => ["sắp xếp", "sắp xếp đơn vị hành chính"],
    Revoked => ["thu hồi", "bãi bỏ"],
});

aliases!(ActivityKind {
    CommitteeMeeting => ["dự hội nghị cấp ủy", "hội nghị cấp ủy"],
    FieldVisit => ["đi cơ sở", "xuống cơ sở", "khảo sát"],
    Guidance => ["chỉ đạo", "hướng dẫn"],
    Proposal => ["đề xuất", "kiến nghị"],
    CellMeeting => ["dự sinh hoạt chi bộ", "sinh hoạt chi bộ"],
    Contribution => ["đóng góp", "ủng hộ"],
});

aliases!(ContributionKind {
    Works => ["công trình"],
    Gifts => ["quà", "quà tặng"],
    Bicycles => ["xe đạp"],
    Houses => ["nhà", "nhà ở"],
    Cash => ["tiền", "tiền mặt"],
    LabourDays => ["ngày công", "ngày công lao động"],
});

aliases!(Rating {
    Excellent => ["Hoàn thành xuất sắc nhiệm vụ", "HTXSNV"],
    Good => ["Hoàn thành tốt nhiệm vụ", "HTTNV"],
    Fulfilled => ["Hoàn thành nhiệm vụ", "HTNV"],
    Unfulfilled => ["Không hoàn thành nhiệm vụ", "KHTNV"],
});

aliases!(Part {
    Full => ["toàn bộ", "nguyên trạng"],
    Partial => ["một phần"],
    Abolished => ["giải thể", "không tổ chức"],
});

aliases!(NtmStatus {
    NotMet => ["chưa đạt", "chưa đạt chuẩn"],
    Standard => ["đạt chuẩn", "nông thôn mới", "NTM"],
    Advanced => ["nâng cao", "nông thôn mới nâng cao", "NTM nâng cao"],
    Model => ["kiểu mẫu", "nông thôn mới kiểu mẫu", "NTM kiểu mẫu"],
});

/// Every vocabulary a column may hold, by the name [`crate::io::columns::ColumnType::Word`]
/// gives it, with its words (for `docs/data-format.md` and the template's drop-down lists).
#[must_use]
pub fn vocabularies() -> Vec<(&'static str, Vec<Entry>)> {
    vec![
        ("unit type", entries::<UnitType>()),
        ("level", entries::<Level>()),
        ("organisation kind", entries::<OrgKind>()),
        ("rank", entries::<Rank>()),
        ("end reason", entries::<EndReason>()),
        ("activity kind", entries::<ActivityKind>()),
        ("contribution kind", entries::<ContributionKind>()),
        ("rating", entries::<Rating>()),
        ("part", entries::<Part>()),
        ("NTM status", entries::<NtmStatus>()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{fold, parse_word};

    fn distinct<T: Aliased + std::fmt::Debug + PartialEq>() {
        let mut seen: std::collections::HashMap<String, &'static str> =
            std::collections::HashMap::new();
        for v in T::all() {
            for w in std::iter::once(v.word()).chain(v.aliases().iter().copied()) {
                if let Some(other) = seen.insert(fold(w), v.word()) {
                    assert_eq!(other, v.word(), "`{w}` stands for two values");
                }
                assert_eq!(parse_word::<T>(w), Some(*v), "`{w}`");
            }
        }
    }

    #[test]
    fn every_alias_reads_back_to_its_own_value_only() {
        distinct::<UnitType>();
        distinct::<Level>();
        distinct::<OrgKind>();
        distinct::<Rank>();
        distinct::<EndReason>();
        distinct::<ActivityKind>();
        distinct::<ContributionKind>();
        distinct::<Rating>();
        distinct::<Part>();
        distinct::<NtmStatus>();
    }

    #[test]
    fn every_word_column_names_a_vocabulary() {
        let names: Vec<&str> = vocabularies().iter().map(|(n, _)| *n).collect();
        for table in crate::io::columns::TABLES
            .iter()
            .chain([&crate::io::columns::UNITS_FLAT])
        {
            for column in table.columns {
                if let crate::io::columns::ColumnType::Word(w) = column.ty {
                    assert!(names.contains(&w), "{}.{}: `{w}`", table.name, column.name);
                }
            }
        }
    }

    #[test]
    fn case_spacing_and_tone_position_are_folded() {
        assert_eq!(parse_word::<Rank>("  CẤP   TRƯỞNG "), Some(Rank::Head));
        assert_eq!(
            parse_word::<OrgKind>("đảng uỷ"),
            Some(OrgKind::PartyCommittee)
        );
        assert_eq!(parse_word::<OrgKind>("Thanh uy"), None);
        assert_eq!(parse_word::<NtmStatus>("NOT MET"), Some(NtmStatus::NotMet));
        // Decomposed input folds like composed input.
        assert_eq!(
            parse_word::<Rating>("Hoa\u{300}n tha\u{300}nh nhi\u{1ec7}m vu\u{323}"),
            Some(Rating::Fulfilled)
        );
        assert_eq!(fold("Thủy"), fold("thuỷ"));
        assert_eq!(fold("khỏe"), fold("khoẻ"));
        assert_ne!(fold("mã"), fold("má"));
    }
}
