//! The front-end contract: how every front end (the `diaban` command line, the Python module and
//! the WebAssembly module) reads its arguments, and what it assumes when one is absent.
//!
//! The front ends are thin: each turns its own argument types into the strings and options
//! below and calls these functions, so that the same argument means the same thing, has the
//! same default and fails with the same error code everywhere.
//!
//! | argument | accepted | absent |
//! |---|---|---|
//! | dates (`at`, `today`, `recorded_on`, …) | `YYYY-MM-DD` or `DD/MM/YYYY`, spaces around ignored | see each |
//! | `lang` | `vi`, `en` (any case) | [`DEFAULT_LANG`], Vietnamese |
//! | `profile` | a built-in id, profile JSON text (starting with `{`), or a JSON file | [`DEFAULT_PROFILE`] |
//! | `events` | a built-in id, a JSON list of edges, `reorganizations.csv` text, or a file | required |
//! | `today` of a check | a date | the caller's system date when `at` is absent too; else none (the check is then judged on `at`) |
//!
//! No clock is read here: a front end passes its system date to [`check_options`].
//!
//! ```
//! use diaban::{api, date};
//! let options = api::check_options(&api::CheckArgs::default(), date!(2026, 12, 1)).unwrap();
//! assert_eq!(options.today, Some(date!(2026, 12, 1)));      // judged on the system date
//! let at = api::CheckArgs { at: Some("01/10/2024"), ..api::CheckArgs::default() };
//! let options = api::check_options(&at, date!(2026, 12, 1)).unwrap();
//! assert_eq!((options.at, options.today), (Some(date!(2024, 10, 1)), None)); // judged on `at`
//! assert_eq!(api::lang_arg(None).unwrap(), diaban::Lang::Vi);
//! assert_eq!(api::date_arg("at", "+1/+9/2024").unwrap_err().code(), "invalid_argument");
//! ```

use crate::error::{Error, Msg, Result};
use crate::finding::Lang;
use crate::model::ReorganizationEdge;
use crate::profile::Profile;
use crate::validate::CheckOptions;
use crate::{parse_date, reorg};
use chrono::NaiveDate;

/// The language of messages when none is asked for: Vietnamese, in every front end.
pub const DEFAULT_LANG: Lang = Lang::Vi;

/// The profile used when none is named: the built-in Bắc Kạn regulation 1390-QĐ/TU.
pub const DEFAULT_PROFILE: &str = "bac-kan-1390";

/// A required date argument named `name` (as the front end spells it, e.g. `--at` or `at`).
///
/// # Errors
/// [`Error::InvalidArgument`] (`invalid_argument`) when `text` is not a real date in one of the
/// two accepted forms.
pub fn date_arg(name: &str, text: &str) -> Result<NaiveDate> {
    parse_date(text).ok_or_else(|| {
        Error::invalid_argument(
            name,
            Msg::new(
                format!(
                    "`{}` không phải là một ngày: viết DD/MM/YYYY hoặc YYYY-MM-DD, ví dụ 01/10/2024",
                    text.trim()
                ),
                format!(
                    "`{}` is not a date: write YYYY-MM-DD or DD/MM/YYYY, e.g. 2024-10-01 or 01/10/2024",
                    text.trim()
                ),
            ),
        )
    })
}

/// An optional date argument: absent or blank text is `None` (a cleared date field).
///
/// # Errors
/// As [`date_arg`].
pub fn opt_date_arg(name: &str, text: Option<&str>) -> Result<Option<NaiveDate>> {
    match text {
        None => Ok(None),
        Some(t) if t.trim().is_empty() => Ok(None),
        Some(t) => date_arg(name, t).map(Some),
    }
}

/// The language argument; [`DEFAULT_LANG`] when absent.
///
/// # Errors
/// `invalid_argument` for a word that is not `vi` or `en`.
pub fn lang_arg(text: Option<&str>) -> Result<Lang> {
    match text.map(str::trim) {
        None | Some("") => Ok(DEFAULT_LANG),
        Some(word) => Lang::from_word(&word.to_ascii_lowercase()).ok_or_else(|| {
            Error::invalid_argument(
                "lang",
                Msg::new(
                    format!(
                        "`{word}` không phải là một ngôn ngữ (dùng {})",
                        Lang::words()
                    ),
                    format!("`{word}` is not a language (use {})", Lang::words()),
                ),
            )
        }),
    }
}

/// The profile argument: absent means [`DEFAULT_PROFILE`]; text starting with `{` is profile
/// JSON; otherwise a JSON file when the text names one, else a built-in id
/// ([`Profile::load_or_builtin`]).
///
/// # Errors
/// [`Error::UnknownProfile`] when the text is neither a built-in id nor an existing file; the
/// load errors of [`Profile::load`] / [`Profile::from_json_str`] otherwise.
pub fn profile_arg(text: Option<&str>) -> Result<Profile> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Profile::builtin(DEFAULT_PROFILE);
    };
    if text.starts_with('{') {
        return Profile::from_json_str(text);
    }
    Profile::load_or_builtin(text)
}

/// The reorganisation events argument: a JSON list of edges (text starting with `[`),
/// `reorganizations.csv` text (it has a line break), or else a file or CSV folder when the text
/// names one, a built-in event id (`bac-kan-2025`) otherwise ([`reorg::load_or_builtin`]).
///
/// # Errors
/// `invalid_argument` when the text is none of these; the load errors of the events otherwise.
pub fn events_arg(text: &str) -> Result<Vec<ReorganizationEdge>> {
    let trimmed = text.trim();
    if trimmed.starts_with('[') {
        return reorg::read_events("events.json", text);
    }
    if trimmed.contains('\n') {
        return reorg::read_events("reorganizations.csv", text);
    }
    reorg::load_or_builtin(trimmed)
}

/// The arguments of a check as a front end received them (text, unparsed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckArgs<'a> {
    /// View the records as they stood on this one day.
    pub at: Option<&'a str>,
    /// The day the check is judged on (deadlines, years over, gaps that have begun).
    pub today: Option<&'a str>,
    /// Ignore decisions signed after this day.
    pub recorded_on: Option<&'a str>,
    /// Also report, as information, the records the regulation does not cover.
    pub strict: bool,
}

/// The options of a check from its arguments. `system_today` is the caller's clock, used as
/// `today` only when neither `today` nor `at` is given: a view of one day is judged on that day.
///
/// # Errors
/// `invalid_argument` naming the argument whose date does not parse.
pub fn check_options(args: &CheckArgs<'_>, system_today: NaiveDate) -> Result<CheckOptions> {
    let at = opt_date_arg("at", args.at)?;
    let today = opt_date_arg("today", args.today)?;
    Ok(CheckOptions {
        at,
        today: today.or(if at.is_none() {
            Some(system_today)
        } else {
            None
        }),
        recorded_on: opt_date_arg("recorded_on", args.recorded_on)?,
        strict: args.strict,
    })
}

/// The `today` of a yearly report: the given day, else the caller's system date.
///
/// # Errors
/// `invalid_argument` when `today` does not parse.
pub fn report_today(today: Option<&str>, system_today: NaiveDate) -> Result<NaiveDate> {
    Ok(opt_date_arg("today", today)?.unwrap_or(system_today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;

    #[test]
    fn dates_parse_both_forms_and_reject_signs_and_blanks_mean_absent() {
        assert_eq!(date_arg("at", " 01/10/2024 ").unwrap(), date!(2024, 10, 1));
        assert_eq!(date_arg("at", "2024-10-01").unwrap(), date!(2024, 10, 1));
        for bad in [
            "+1/+9/2024",
            "01/10/+024",
            "1/10/2024x",
            "2024-13-01",
            "31/02/2024",
            "",
        ] {
            let e = date_arg("today", bad).unwrap_err();
            assert_eq!(e.code(), "invalid_argument", "{bad}");
            assert!(e.to_string().contains("today"), "{e}");
        }
        assert_eq!(opt_date_arg("at", Some("  ")).unwrap(), None);
    }

    #[test]
    fn today_defaults_to_the_system_date_unless_a_day_is_viewed() {
        let sys = date!(2026, 12, 1);
        let o = check_options(&CheckArgs::default(), sys).unwrap();
        assert_eq!((o.at, o.today, o.recorded_on), (None, Some(sys), None));
        let o = check_options(
            &CheckArgs {
                at: Some("2024-10-01"),
                today: Some("2025-03-01"),
                ..CheckArgs::default()
            },
            sys,
        )
        .unwrap();
        assert_eq!(o.today, Some(date!(2025, 3, 1)));
        assert_eq!(report_today(None, sys).unwrap(), sys);
    }

    #[test]
    fn profile_and_events_sources_are_told_apart_the_same_way_everywhere() {
        assert_eq!(profile_arg(None).unwrap().id, DEFAULT_PROFILE);
        assert_eq!(
            profile_arg(Some("bac-kan-1390")).unwrap().id,
            DEFAULT_PROFILE
        );
        let e = profile_arg(Some("no-such-profile")).unwrap_err();
        assert_eq!(e.code(), "unknown_profile");
        let e = profile_arg(Some("{\"id\": 3}")).unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        assert_eq!(events_arg("bac-kan-2025").unwrap().len(), 117);
        assert_eq!(events_arg("nope").unwrap_err().code(), "invalid_argument");
        assert_eq!(lang_arg(Some("EN")).unwrap(), Lang::En);
        assert_eq!(lang_arg(Some("fr")).unwrap_err().code(), "invalid_argument");
    }
}

/// A finding code as the registry declares it, in one language: what a front end shows in a
/// legend or a filter instead of the bare code.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CodeInfo {
    /// The stable code (`coverage_gap`).
    pub code: crate::finding::Code,
    /// Its default severity.
    pub severity: crate::finding::Severity,
    /// Its title ("Đơn vị không có người theo dõi").
    pub title: &'static str,
    /// What the office can do about such a finding.
    pub hint: &'static str,
}

/// Every finding code of the registry, in declaration order, with its title and hint in
/// `lang`.
///
/// ```
/// use diaban::{api, Lang};
/// let codes = api::finding_codes(Lang::Vi);
/// assert_eq!(codes.len(), diaban::Code::ALL.len());
/// let gap = codes.iter().find(|c| c.code == diaban::Code::CoverageGap).unwrap();
/// assert_eq!(gap.title, "Đơn vị không có người theo dõi");
/// ```
#[must_use]
pub fn finding_codes(lang: Lang) -> Vec<CodeInfo> {
    crate::finding::Code::ALL
        .iter()
        .map(|&code| CodeInfo {
            code,
            severity: code.rule().severity,
            title: code.title(lang),
            hint: code.hint(lang),
        })
        .collect()
}

/// A parameter of a profile with its provenance, as `diaban profile check` lists it: an office
/// must confirm the assumed ones before relying on findings that rest on them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ParameterInfo {
    /// Its JSON path in the profile (`schemes[0].per_subject`).
    pub path: String,
    /// The id of the scheme it belongs to; `None` for the profile's own (`ntm_criteria.count`).
    pub scheme: Option<String>,
    /// Where its value comes from.
    pub source: crate::finding::Source,
    /// How findings call it, in the language asked for ("số địa bàn tối đa của một người").
    pub label: String,
}

/// Every parameter of `profile`, in the order of its JSON text, labelled in `lang` as the
/// findings resting on it name it.
///
/// ```
/// use diaban::{api, Lang, Profile, Source};
/// let params = api::profile_parameters(&Profile::bac_kan_1390(), Lang::Vi);
/// let one = params.iter().find(|p| p.path == "schemes[0].per_subject").unwrap();
/// assert_eq!(one.source, Source::Assumed);
/// assert_eq!(one.label, "số địa bàn tối đa của một người");
/// ```
#[must_use]
pub fn profile_parameters(profile: &Profile, lang: Lang) -> Vec<ParameterInfo> {
    profile
        .parameters()
        .iter()
        .map(|site| {
            let p = crate::engine::ParamRef::of_site(site);
            ParameterInfo {
                path: site.path.clone(),
                scheme: site.scheme.map(|s| s.id.clone()),
                source: p.source,
                label: match lang {
                    Lang::Vi => p.label_vi,
                    Lang::En => p.label_en,
                },
            }
        })
        .collect()
}
