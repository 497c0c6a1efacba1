//! Closed vocabularies (enumerations written as words in files) shared by the model and the
//! profile, and the Vietnamese words a person may type for them in a CSV file or a workbook.
//!
//! Files written by diaban always use the canonical word (`excellent`, `head`, `Xã`…). When
//! reading CSV and XLSX, a value is also accepted in the Vietnamese forms listed by
//! [`Aliased::aliases`] (ratings in full or abbreviated, ranks, kinds…), compared after
//! [`fold`]: case, spacing, `_` and the position of the tone mark do not matter ("Hòa" =
//! "Hoà", "uỷ" = "ủy"), but the tone and the other marks do ("Hoa" ≠ "Hòa"), so two
//! different words never fold together. JSON, a machine format, takes the canonical words only.

/// Defines an enum whose variants are written as fixed words in JSON and CSV.
macro_rules! word_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $word:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, schemars::JsonSchema)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $word)] $variant ),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word that stands for this value in files.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $word ),+ }
            }

            /// The value a word stands for (exact match, after trimming spaces).
            #[must_use]
            pub fn from_word(word: &str) -> Option<$name> {
                let word = word.trim();
                $name::ALL.iter().copied().find(|v| v.as_str() == word)
            }

            /// The accepted words, comma separated, for error messages.
            #[must_use]
            pub fn words() -> String {
                $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            /// Reads the word, in NFC or not (a file in decomposed Unicode still names its types).
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let word = std::borrow::Cow::<str>::deserialize(d)?;
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == word)
                    .or_else(|| $name::from_word(&crate::io::nfc(&word)))
                    .ok_or_else(|| serde::de::Error::unknown_variant(&word, &[$($word),+]))
            }
        }

        impl crate::words::Word for $name {
            fn all() -> &'static [$name] {
                $name::ALL
            }

            fn word(self) -> &'static str {
                self.as_str()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use word_enum;

/// An enumeration written as fixed words in files (every `word_enum!`).
pub trait Word: Copy + 'static {
    /// Every value, in declaration order.
    fn all() -> &'static [Self];
    /// The canonical word of a value.
    fn word(self) -> &'static str;
}

/// An enumeration with Vietnamese words accepted in CSV files and workbooks.
pub trait Aliased: Word {
    /// The Vietnamese words (and abbreviations) accepted for this value besides the canonical one.
    fn aliases(self) -> &'static [&'static str];
}

/// The Vietnamese label of a value, for Vietnamese text: its first Vietnamese word (the
/// canonical word only where it has none).
pub fn label_vi<T: Aliased>(value: T) -> &'static str {
    value
        .aliases()
        .first()
        .copied()
        .unwrap_or_else(|| value.word())
}

/// The value a word typed by a person stands for: the canonical word, or one of its
/// [`Aliased::aliases`], compared after [`fold`].
///
/// ```
/// use diaban::{model::Rating, words::parse_word};
/// assert_eq!(parse_word::<Rating>("Hoàn thành xuất sắc nhiệm vụ"), Some(Rating::Excellent));
/// assert_eq!(parse_word::<Rating>("htxsnv"), Some(Rating::Excellent));
/// assert_eq!(parse_word::<Rating>("Hoàn thành"), None);
/// ```
#[must_use]
pub fn parse_word<T: Aliased>(text: &str) -> Option<T> {
    let all = T::all();
    let entries = entries::<T>();
    find_entry(text, &entries).and_then(|i| all.get(i).copied())
}

/// The index of the entry a typed word stands for (one non-generic body for every vocabulary).
fn find_entry(text: &str, entries: &[Entry]) -> Option<usize> {
    let text = text.trim();
    if let Some(i) = entries.iter().position(|(w, _)| *w == text) {
        return Some(i);
    }
    let folded = fold(text);
    entries
        .iter()
        .position(|(w, aliases)| fold(w) == folded || aliases.iter().any(|a| fold(a) == folded))
}

/// The accepted words of an enumeration for error messages: each canonical word with its
/// Vietnamese forms in brackets.
#[must_use]
pub fn describe<T: Aliased>() -> String {
    let entries = entries::<T>();
    describe_entries(&entries)
}

fn describe_entries(entries: &[Entry]) -> String {
    entries
        .iter()
        .map(|(word, aliases)| match aliases {
            [] => (*word).to_owned(),
            aliases => format!("{word} ({})", aliases.join(" / ")),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Vietnamese tone marks (grave, acute, tilde, hook above, dot below) in decomposed form.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// A key for comparing words typed by people: canonical decomposition, lower case, runs of
/// spaces and `_` made one space, ends trimmed, and the tone mark of each syllable moved to
/// the syllable's end, so that the old and new tone placements ("hòa"/"hoà", "thủy"/"thuỷ")
/// fold together while different tones and letters stay apart.
///
/// ```
/// use diaban::words::fold;
/// assert_eq!(fold("Hòa  An"), fold("hoà an"));
/// assert_eq!(fold("Đảng ủy"), fold("đảng uỷ"));
/// assert_ne!(fold("Hoa"), fold("Hòa"));
/// assert_eq!(fold("not_met"), fold("Not met"));
/// ```
#[must_use]
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len() + 4);
    let mut tone: Option<char> = None;
    let mut space = false;
    for c in text.nfd() {
        if TONES.contains(&c) {
            tone = Some(c);
            continue;
        }
        // A syllable ends at a space or ASCII punctuation; the boundaries do not depend on
        // where the tone mark sits, which is all the fold needs.
        let in_word = !(c.is_whitespace() || c.is_ascii_punctuation());
        if !in_word {
            if let Some(t) = tone.take() {
                out.push(t);
            }
        }
        if c.is_whitespace() || c == '_' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    if let Some(t) = tone {
        out.push(t);
    }
    out
}

macro_rules! aliases {
    ($ty:ty { $( $variant:ident => [$($alias:literal),* $(,)?] ),+ $(,)? }) => {
        impl Aliased for $ty {
            fn aliases(self) -> &'static [&'static str] {
                match self { $( <$ty>::$variant => &[$($alias),*] ),+ }
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

/// One value of a vocabulary: its canonical word and the Vietnamese words accepted for it.
pub type Entry = (&'static str, &'static [&'static str]);

fn entries<T: Aliased>() -> Vec<Entry> {
    T::all().iter().map(|v| (v.word(), v.aliases())).collect()
}

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
