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
                    .or_else(|| $name::from_word(&crate::words::nfc(&word)))
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

/// A whole number with its thousands grouped by dots, as Vietnamese writes counts and amounts:
/// 1234567 → `1.234.567`.
///
/// ```
/// assert_eq!(diaban::words::group_thousands(2_389_500_000), "2.389.500.000");
/// assert_eq!(diaban::words::group_thousands(999), "999");
/// ```
#[must_use]
pub fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
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

/// A word that stands for no value of a vocabulary (the error of `str::parse` on the model's
/// vocabularies: `"htxsnv".parse::<Rating>()`).
///
/// ```
/// use diaban::model::{Rank, Rating};
/// assert_eq!("Hoàn thành xuất sắc nhiệm vụ".parse::<Rating>(), Ok(Rating::Excellent));
/// assert_eq!(" cấp phó ".parse::<Rank>(), Ok(Rank::Deputy));
/// let e = "giỏi".parse::<Rating>().unwrap_err();
/// assert_eq!(e.code(), "unknown_word");
/// assert_eq!(e.vocabulary, "Rating");
/// assert!(e.to_string().contains("excellent"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{word}` is not a {vocabulary} (expected one of: {expected})")]
pub struct UnknownWord {
    /// The vocabulary asked for (the type's name, e.g. `Rating`).
    pub vocabulary: &'static str,
    /// The text given.
    pub word: String,
    /// The accepted words, each with its Vietnamese forms ([`describe`]).
    pub expected: String,
}

impl UnknownWord {
    pub(crate) fn new<T: Aliased>(vocabulary: &'static str, word: &str) -> UnknownWord {
        UnknownWord {
            vocabulary,
            word: word.to_owned(),
            expected: describe::<T>(),
        }
    }

    /// The stable machine code of this error: `unknown_word`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        "unknown_word"
    }
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
pub(crate) fn find_entry(text: &str, entries: &[Entry]) -> Option<usize> {
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

pub(crate) fn describe_entries(entries: &[Entry]) -> String {
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

/// One value of a vocabulary: its canonical word and the Vietnamese words accepted for it.
pub type Entry = (&'static str, &'static [&'static str]);

pub(crate) fn entries<T: Aliased>() -> Vec<Entry> {
    T::all().iter().map(|v| (v.word(), v.aliases())).collect()
}

/// Text normalised to Unicode NFC (names are stored and compared in NFC), without a leading BOM.
pub(crate) fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_nfc(text) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
}

/// True when `text` is certainly in NFC. Fast path first: every character below U+0300 or in
/// Latin Extended Additional (U+1E00–U+1EFF, where Vietnamese precomposed letters live) is
/// NFC whatever follows it, and every character that composes with a preceding one is at
/// U+0300 or above; only other text goes through the Unicode quick check.
pub(crate) fn is_nfc(text: &str) -> bool {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            // Eight ASCII bytes at a time.
            match bytes
                .get(i..i + 8)
                .and_then(|c| <[u8; 8]>::try_from(c).ok())
            {
                Some(word) if u64::from_le_bytes(word) & 0x8080_8080_8080_8080 == 0 => i += 8,
                _ => i += 1,
            }
        } else if (0xC2..=0xCB).contains(&b) {
            // U+0080–U+02FF.
            i += 2;
        } else if b == 0xE1 && matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) {
            // U+1E00–U+1EFF.
            i += 3;
        } else {
            return text
                .get(i..)
                .is_some_and(|rest| is_nfc_quick(rest.chars()) == IsNormalized::Yes);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    /// The fast path says "NFC" only of text the Unicode definition says is NFC, and finds the
    /// text that is not, wherever its combining mark stands (after ASCII, after a Vietnamese
    /// precomposed letter, past the first eight-byte word).
    #[test]
    fn is_nfc_agrees_with_the_definition() {
        let samples = [
            "",
            "Xã Cốc Đán, huyện Ngân Sơn",
            "Vie\u{302}\u{323}t",
            "Vi\u{1EC7}t",
            "\u{1EA1}\u{323}",
            "\u{1EA1}\u{300}",
            "abcdefghijklmnop\u{301}",
            "abcdefg\u{301}",
            "\u{2b0}\u{301}",
            "Tỉnh Bắc Kạn 12345678 ABCDEFGH ẽ",
            "한국어",
            "\u{212B}",
            "A\u{30A}",
        ];
        for s in samples {
            // "Certainly NFC" must be true; "maybe not" only costs a normalisation.
            assert!(
                !super::is_nfc(s) || unicode_normalization::is_nfc(s),
                "{s:?}"
            );
        }
        for s in [
            "",
            "Xã Cốc Đán, huyện Ngân Sơn",
            "Vi\u{1EC7}t",
            "abcdefghijklmnop",
            "Tỉnh Bắc Kạn 12345678 ABCDEFGH ẽ",
        ] {
            assert!(super::is_nfc(s), "{s:?}");
        }
        for s in [
            "Vie\u{302}\u{323}t",
            "abcdefghijklmnop\u{301}",
            "abcdefg\u{301}",
            "\u{1EA1}\u{300}",
            "A\u{30A}",
            "\u{212B}",
        ] {
            assert!(!super::is_nfc(s), "{s:?}");
        }
    }
}
