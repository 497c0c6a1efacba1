//! Text output a person reads: grouped, aligned, counts at the end.

use diaban::{AssignmentView, CheckOptions, Coverage, Lang, Profile, Report, Severity};
use std::collections::BTreeMap;
use std::fmt::Write;

fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n >= width {
        text.to_owned()
    } else {
        format!("{text}{}", " ".repeat(width - n))
    }
}

fn t<'a>(lang: Lang, vi: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

fn dates(from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>) -> String {
    match (from, to) {
        (Some(f), Some(t)) if f == t => f.to_string(),
        (Some(f), Some(t)) => format!("{f} → {t}"),
        (Some(f), None) => format!("{f} → …"),
        (None, _) => String::new(),
    }
}

/// The report of `diaban check`.
pub fn check_text(report: &Report, profile: &Profile, name: &str, options: &CheckOptions, lang: Lang) -> String {
    let mut out = String::new();
    let scope = match options.at {
        Some(d) => format!("{} {d}", t(lang, "tại ngày", "on")),
        None => t(lang, "toàn bộ lịch sử", "whole history").to_owned(),
    };
    let _ = writeln!(
        out,
        "diaban check · {name} · {} {} ({}) · {scope}{}",
        t(lang, "quy định", "profile"),
        profile.id,
        profile.regulation.number,
        options.today.map(|d| format!(" · {} {d}", t(lang, "hôm nay", "today"))).unwrap_or_default()
    );
    let mut groups: BTreeMap<diaban::Code, Vec<&diaban::Finding>> = BTreeMap::new();
    for f in &report.findings {
        groups.entry(f.code).or_default().push(f);
    }
    let subject_width = report.findings.iter().map(|f| f.subject.kind.len() + f.subject.id.len() + 1).max().unwrap_or(0);
    let dates_width = report.findings.iter().map(|f| dates(f.from, f.to).chars().count()).max().unwrap_or(0);
    for (code, findings) in &groups {
        let severity = findings.first().map_or(Severity::Info, |f| f.severity);
        let _ = writeln!(out, "\n{code} ({} {})", findings.len(), severity_word(severity, findings.len(), lang));
        for f in findings {
            let mark = match f.severity {
                Severity::Error => "✗",
                Severity::Warning => "!",
                Severity::Info => "·",
            };
            let _ = writeln!(
                out,
                "  {mark} {}  {}  {}",
                pad(&format!("{} {}", f.subject.kind, f.subject.id), subject_width),
                pad(&dates(f.from, f.to), dates_width),
                f.message(lang)
            );
            if let Some(a) = &f.article {
                let _ = writeln!(out, "    {}{}  ↳ {a}", pad("", subject_width), pad("", dates_width));
            }
        }
    }
    let s = report.summary;
    let _ = writeln!(
        out,
        "\n{}: {} {}, {} {}, {} {}",
        t(lang, "Tổng cộng", "Total"),
        s.errors,
        severity_word(Severity::Error, s.errors, lang),
        s.warnings,
        severity_word(Severity::Warning, s.warnings, lang),
        s.infos,
        severity_word(Severity::Info, s.infos, lang)
    );
    out
}

fn severity_word(s: Severity, n: usize, lang: Lang) -> &'static str {
    match (s, lang, n == 1) {
        (Severity::Error, Lang::Vi, _) => "lỗi",
        (Severity::Warning, Lang::Vi, _) => "cảnh báo",
        (Severity::Info, Lang::Vi, _) => "thông tin",
        (Severity::Error, Lang::En, true) => "error",
        (Severity::Error, Lang::En, false) => "errors",
        (Severity::Warning, Lang::En, true) => "warning",
        (Severity::Warning, Lang::En, false) => "warnings",
        (Severity::Info, Lang::En, true) => "info",
        (Severity::Info, Lang::En, false) => "infos",
    }
}

fn who(a: &AssignmentView) -> String {
    let name = a.subject_name.clone().unwrap_or_else(|| a.subject_id.clone());
    match &a.subject_title {
        Some(title) => format!("{name} — {title}"),
        None => name,
    }
}

/// The table of `diaban coverage`, grouped by district.
pub fn coverage_text(c: &Coverage, name: &str, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "diaban coverage · {name} · {} · {} {}", c.scheme, t(lang, "ngày", "on"), c.at);
    let mut districts: BTreeMap<(String, String), Vec<&diaban::CoverageRow>> = BTreeMap::new();
    for row in &c.rows {
        let key = (row.district_code.clone().unwrap_or_default(), row.district_name.clone().unwrap_or_default());
        districts.entry(key).or_default().push(row);
    }
    let name_width = c.rows.iter().map(|r| r.name.chars().count()).max().unwrap_or(0);
    for ((code, dname), rows) in &districts {
        let covered = rows.iter().filter(|r| r.covered).count();
        let _ = writeln!(out, "\n{dname} ({code}) — {covered}/{} {}", rows.len(), t(lang, "có người theo dõi", "covered"));
        for row in rows {
            let mark = if row.covered { " " } else { "✗" };
            let people: Vec<String> = row.assignments.iter().map(|a| format!("{} [{}]", who(a), a.id)).collect();
            let text = if people.is_empty() { t(lang, "CHƯA CÓ NGƯỜI THEO DÕI", "NOT COVERED").to_owned() } else { people.join("; ") };
            let _ = writeln!(out, "  {mark} {}  {}  {text}", row.code, pad(&row.name, name_width));
        }
    }
    let _ = writeln!(
        out,
        "\n{}: {} / {} {}, {} {}",
        t(lang, "Tổng cộng", "Total"),
        c.covered,
        c.rows.len(),
        t(lang, "có người theo dõi", "covered"),
        c.uncovered,
        t(lang, "chưa có", "uncovered")
    );
    out
}

/// The list of `diaban history`.
pub fn history_text(target: &str, list: &[AssignmentView], lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "diaban history · {target}");
    for a in list {
        let end = a.valid_to.map(|d| d.to_string()).unwrap_or_else(|| "…".into());
        let reason = a.end_reason.map(|r| format!(" ({r})")).unwrap_or_default();
        let _ = writeln!(out, "  {} → {}{reason}  {}  {}  [{}]", a.valid_from, end, pad(&a.scheme, 22), who(a), a.id);
    }
    if list.is_empty() {
        let _ = writeln!(out, "  {}", t(lang, "(không có phân công)", "(no assignments)"));
    }
    out
}
