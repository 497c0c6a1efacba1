//! Vietnamese collation: the order in which an official expects a list of names.
//!
//! Every list a person reads (coverage rows, agencies, people, relations, the report's rows)
//! is sorted with [`cmp_vi`]: the Unicode Collation Algorithm with the CLDR tailoring for
//! Vietnamese (`vi`), "Đ" after "D", "Ư" after "U", the tones compared after the letters
//! ("Ha" < "Hà" < "Hải" < "Hạnh"), and, with the numeric option, digits by their value
//! ("Chi bộ 2" before "Chi bộ 10"). No alphabet is written here by hand.
//!
//! Where the collation comes from:
//! - with the `icu-collation` feature (on by default: the command line, the Python module),
//!   ICU4X's `icu_collator` with its compiled data, built once on first use; the data is part
//!   of the build, so building it cannot fail on anyone's input;
//! - without it (the WebAssembly module, whose size budget the compiled data would exceed by
//!   about 400 KB gzipped), the host's collator registered with [`set_host_collator`]: the
//!   WebAssembly binding registers the JavaScript engine's `Intl.Collator("vi", {numeric:
//!   true})`, which is ICU with the same CLDR data. A build with neither compares code points.
//!
//! ```
//! use diaban::collate::cmp_vi;
//! use std::cmp::Ordering;
//! assert_eq!(cmp_vi("Dương", "Đức"), Ordering::Less);
//! assert_eq!(cmp_vi("Chi bộ 2", "Chi bộ 10"), Ordering::Less);
//! ```

use std::cmp::Ordering;
use std::sync::OnceLock;

/// A comparison of two texts in Vietnamese collation supplied by the host of the library.
pub type CompareFn = fn(&str, &str) -> Ordering;

static HOST: OnceLock<CompareFn> = OnceLock::new();

/// Registers the host's Vietnamese collation (used only in a build without the
/// `icu-collation` feature). Returns `false` when one was already registered (the first stays).
pub fn set_host_collator(compare: CompareFn) -> bool {
    HOST.set(compare).is_ok()
}

/// True when this build sorts in Vietnamese collation: ICU4X is compiled in, or the host
/// registered its collator.
#[must_use]
pub fn is_vietnamese() -> bool {
    cfg!(feature = "icu-collation") || HOST.get().is_some()
}

#[cfg(feature = "icu-collation")]
mod icu {
    use icu_collator::options::CollatorOptions;
    use icu_collator::preferences::CollationNumericOrdering;
    use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};
    use std::sync::LazyLock;

    /// The Vietnamese collator with natural (numeric) order of digits, built once.
    #[allow(clippy::expect_used)]
    pub(super) static VI: LazyLock<CollatorBorrowed<'static>> = LazyLock::new(|| {
        let mut prefs = CollatorPreferences::from(icu_locale_core::locale!("vi"));
        prefs.numeric_ordering = Some(CollationNumericOrdering::True);
        // Compiled data: the `vi` tailoring is part of the build; this cannot fail at run time.
        Collator::try_new(prefs, CollatorOptions::default())
            .expect("the compiled Vietnamese collation data loads")
    });
}

fn collate(a: &str, b: &str) -> Ordering {
    #[cfg(feature = "icu-collation")]
    {
        icu::VI.compare(a, b)
    }
    #[cfg(not(feature = "icu-collation"))]
    {
        HOST.get().map_or(Ordering::Equal, |compare| compare(a, b))
    }
}

/// Compares two texts in Vietnamese alphabetical order (numbers by value). Texts the collator
/// finds equal are then compared by their code points, so the order is total and the same in
/// every front end.
#[must_use]
pub fn cmp_vi(a: &str, b: &str) -> Ordering {
    collate(a, b).then_with(|| a.cmp(b))
}

/// Compares two optional texts: a missing text sorts after every present one.
#[must_use]
pub fn cmp_vi_opt(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => cmp_vi(a, b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(all(test, feature = "icu-collation"))]
mod tests {
    use super::*;

    fn sorted(list: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = list.iter().map(|s| (*s).to_owned()).collect();
        v.sort_by(|a, b| cmp_vi(a, b));
        v
    }

    #[test]
    fn letters_follow_the_vietnamese_alphabet() {
        // a ă â b c d đ e ê … o ô ơ … u ư: code-point order would put Đ, Ư and Ơ last.
        assert_eq!(
            sorted(&[
                "Ủy ban", "Đức", "Ưng", "Dương", "Ân", "Ăn", "An", "Sở", "Ơn", "Ôn", "On"
            ]),
            [
                "An", "Ăn", "Ân", "Dương", "Đức", "On", "Ôn", "Ơn", "Sở", "Ủy ban", "Ưng"
            ]
        );
    }

    #[test]
    fn tones_come_after_the_letters() {
        // Tones are secondary: "Hạnh" sorts after "Hai…" words only by its letters.
        assert_eq!(
            sorted(&["Hạnh", "Hà", "Hải", "Ha", "Hang"]),
            ["Ha", "Hà", "Hải", "Hang", "Hạnh"]
        );
    }

    #[test]
    fn numbers_sort_by_value() {
        assert_eq!(
            sorted(&["Chi bộ 10", "Chi bộ 2", "Chi bộ 1", "Chi bộ 21"]),
            ["Chi bộ 1", "Chi bộ 2", "Chi bộ 10", "Chi bộ 21"]
        );
    }

    #[test]
    fn the_order_is_total() {
        assert_eq!(cmp_vi("Hòa", "Hòa"), Ordering::Equal);
        assert_ne!(cmp_vi("Hòa", "Hoà"), Ordering::Equal);
        assert_eq!(cmp_vi_opt(Some("Z"), None), Ordering::Less);
    }
}
