//! `diaban profile check FILE`: whether a regulation profile is consistent, and what it says.
//!
//! A valid profile gets a short summary for the office that adopts it: the regulation, its
//! days in force, its schemes, and how many of its parameters come from the regulation's text,
//! from a similar regulation elsewhere, or are assumed — the assumed ones listed, since the
//! office must confirm them. An invalid one gets the error every other command prints when it
//! loads the profile (file, JSON path, message), and exit code 2.
//!
//! With `--format json` both answers go to standard output, for programs: `{"valid": true, …}`
//! with the same summary (ISO dates, every parameter with its path, scheme, source and label),
//! or `{"valid": false, "error": {"code", "message", "location"}}` (exit code 2), `location`
//! holding whichever of `file`, `line`, `column`, `path`, `field` the core reported.

use crate::{emit, lang, print_json, Fatal, Format, LangArg, Out};
use diaban::api::ParameterInfo;
use diaban::{Lang, Profile, Source};
use serde_json::json;
use std::fmt::Write as _;
use std::process::ExitCode;

/// The arguments of `diaban profile check`.
#[derive(clap::Args)]
pub(crate) struct CheckArgs {
    /// The profile: a JSON file or a built-in profile id (bac-kan-1390).
    file: String,
}

/// Checks the profile `args.file` names, read exactly as `--profile` is read elsewhere.
pub(crate) fn run(
    args: &CheckArgs,
    l: LangArg,
    format: Format,
    out: Out<'_>,
) -> Result<ExitCode, Fatal> {
    let l = lang(l);
    match (diaban::api::profile_arg(Some(&args.file)), format) {
        (Ok(profile), Format::Text) => emit(out, &summary_text(&profile, l)),
        (Ok(profile), Format::Json) => print_json(out, &summary_json(&profile, l))?,
        // The same failure, and the same words, as any command given this profile.
        (Err(e), Format::Text) => return Err(Fatal::Core(e)),
        (Err(e), Format::Json) => {
            print_json(out, &json!({"valid": false, "error": error_json(&e, l)}))?;
            return Ok(ExitCode::from(2));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A day as the reader writes it: `29/08/2024` in Vietnamese, `2024-08-29` in English.
fn day(d: chrono::NaiveDate, l: Lang) -> String {
    match l {
        Lang::Vi => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// Where a value comes from, in words.
fn source_words(s: Source, l: Lang) -> &'static str {
    match (s, l) {
        (Source::Seed, Lang::Vi) => "nêu trong văn bản quy định",
        (Source::Analog, Lang::Vi) => "theo quy định tương tự của địa phương khác",
        (Source::Assumed, Lang::Vi) => "giả định, cần cơ quan xác nhận",
        (Source::Seed, Lang::En) => "stated in the regulation",
        (Source::Analog, Lang::En) => "taken from a similar regulation elsewhere",
        (Source::Assumed, Lang::En) => "assumed, to be confirmed by the office",
    }
}

/// The regulation's days in force as the profile states them, in words.
fn life_text(profile: &Profile, l: Lang) -> String {
    let life = profile.in_force();
    let reg = &profile.regulation;
    let from = day(life.from, l);
    let Some(to) = life.to else {
        return match l {
            Lang::Vi => format!("từ {from}, chưa có ngày hết hiệu lực"),
            Lang::En => format!("from {from}, no end stated"),
        };
    };
    let to = day(to, l);
    // The end comes from `in_force_until` unless a repeal falls earlier.
    let by_until = reg.in_force_until.is_some() && life.to == reg.in_force_until;
    let assumed = by_until && reg.in_force_until_source == Some(Source::Assumed);
    match (l, assumed) {
        (Lang::Vi, false) => format!("từ {from} đến hết {to}"),
        (Lang::Vi, true) => format!("từ {from} đến hết {to} (ngày kết thúc là giả định)"),
        (Lang::En, false) => format!("from {from} to {to}"),
        (Lang::En, true) => format!("from {from} to {to} (the end is assumed)"),
    }
}

/// How many parameters come from each source.
fn counts(params: &[ParameterInfo]) -> [(Source, usize); 3] {
    [Source::Seed, Source::Analog, Source::Assumed]
        .map(|s| (s, params.iter().filter(|p| p.source == s).count()))
}

/// The name of a scheme in the reader's language.
fn scheme_name(profile: &Profile, id: &str, l: Lang) -> String {
    profile.schemes.iter().find(|s| s.id == id).map_or_else(
        || id.to_owned(),
        |s| match l {
            Lang::Vi => s.name_vi.clone(),
            Lang::En => s.name_en.clone(),
        },
    )
}

/// The summary of a valid profile, as text.
pub(crate) fn summary_text(profile: &Profile, l: Lang) -> String {
    let reg = &profile.regulation;
    let vi = l == Lang::Vi;
    let title = if vi { &reg.title_vi } else { &reg.title_en };
    let params = diaban::api::profile_parameters(profile, l);
    let mut t = String::new();
    let _ = writeln!(
        t,
        "{} ({})",
        if vi {
            "Hồ sơ quy định hợp lệ"
        } else {
            "The profile is valid"
        },
        profile.id
    );
    let _ = writeln!(t, "{} {}: {title}", reg.number, reg.issuer);
    let _ = writeln!(
        t,
        "{}: {}",
        if vi { "Hiệu lực" } else { "In force" },
        life_text(profile, l)
    );
    let _ = writeln!(
        t,
        "{} ({}):",
        if vi {
            "Hình thức phân công"
        } else {
            "Schemes"
        },
        profile.schemes.len()
    );
    for s in &profile.schemes {
        let _ = writeln!(t, "  - {} ({})", scheme_name(profile, &s.id, l), s.id);
    }
    let _ = writeln!(
        t,
        "{} ({}):",
        if vi {
            "Nguồn gốc các tham số"
        } else {
            "Where the parameters come from"
        },
        params.len()
    );
    for (source, n) in counts(&params) {
        let _ = writeln!(t, "  {n:>3} {}", source_words(source, l));
    }
    let assumed: Vec<&ParameterInfo> = params
        .iter()
        .filter(|p| p.source == Source::Assumed)
        .collect();
    if !assumed.is_empty() {
        let _ = writeln!(
            t,
            "{}",
            if vi {
                "Tham số giả định, cần cơ quan xác nhận trước khi dựa vào các phát hiện căn cứ vào chúng:"
            } else {
                "Assumed parameters, for the office to confirm before relying on findings that rest on them:"
            }
        );
        let mut current: Option<&Option<String>> = None;
        for p in assumed {
            if current != Some(&p.scheme) {
                current = Some(&p.scheme);
                let heading = match &p.scheme {
                    Some(id) => scheme_name(profile, id, l),
                    None => (if vi { "Chung" } else { "General" }).to_owned(),
                };
                let _ = writeln!(t, "  {heading}:");
            }
            let _ = writeln!(t, "    - {} [{}]", p.label, p.path);
        }
    }
    t
}

/// The summary of a valid profile, for programs: dates in ISO form, labels in `l`.
pub(crate) fn summary_json(profile: &Profile, l: Lang) -> serde_json::Value {
    let reg = &profile.regulation;
    let life = profile.in_force();
    let params = diaban::api::profile_parameters(profile, l);
    let counts: serde_json::Map<String, serde_json::Value> = counts(&params)
        .into_iter()
        .map(|(s, n)| (s.as_str().to_owned(), json!(n)))
        .collect();
    json!({
        "valid": true,
        "id": profile.id,
        "regulation": {
            "number": reg.number,
            "issuer": reg.issuer,
            "title": if l == Lang::Vi { &reg.title_vi } else { &reg.title_en },
        },
        "in_force": {
            "from": life.from,
            "to": life.to,
            "to_source": reg.in_force_until_source.filter(|_| life.to == reg.in_force_until),
        },
        "schemes": profile.schemes.iter().map(|s| json!({
            "id": s.id,
            "name": if l == Lang::Vi { &s.name_vi } else { &s.name_en },
        })).collect::<Vec<_>>(),
        "parameter_counts": counts,
        "parameters": params,
    })
}

/// The error payload of a profile that could not be read: its stable code, the message as
/// the text output prints it, and where (file, JSON path, line…), as the bindings report it.
pub(crate) fn error_json(e: &diaban::Error, l: Lang) -> serde_json::Value {
    json!({
        "code": e.code(),
        "message": e.message_in(l),
        "location": e.location(),
    })
}
