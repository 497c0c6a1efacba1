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

/// The Vietnamese or English text, by language.
pub(crate) fn t<'a>(lang: Lang, vi: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// A day as its reader writes it: `dd/mm/yyyy` in Vietnamese, ISO in English.
pub(crate) fn day(d: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.to_string(),
    }
}

/// The days of a finding or an assignment: one day, a span, or an open span ("đến nay").
fn dates(from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>, lang: Lang) -> String {
    match (from, to) {
        (Some(f), Some(t)) if f == t => day(f, lang),
        (Some(f), Some(t)) => format!("{} → {}", day(f, lang), day(t, lang)),
        (Some(f), None) => format!("{} → {}", day(f, lang), t(lang, "nay", "…")),
        (None, _) => String::new(),
    }
}

/// The name of the dataset in a heading: the embedded demo by its name in the reader's language.
pub(crate) fn dataset_label(name: &str, lang: Lang) -> String {
    if name == crate::DEMO_NAME {
        t(
            lang,
            "dữ liệu mẫu Bắc Kạn (có sẵn)",
            "Bắc Kạn demo (embedded)",
        )
        .to_owned()
    } else {
        name.to_owned()
    }
}

/// What a finding is about, in the reader's language (`đơn vị`, `cán bộ`…); the stable word
/// in English.
fn subject_kind(kind: &str, lang: Lang) -> &str {
    if lang == Lang::En {
        return kind;
    }
    match kind {
        "unit" => "đơn vị",
        "organization" => "tổ chức",
        "person" => "cán bộ",
        "term" => "nhiệm kỳ",
        "assignment" => "phân công",
        "activity" => "hoạt động",
        "evaluation" => "đánh giá",
        "scheme" => "hình thức",
        "reorganization" => "sắp xếp",
        "ntm_status" => "nông thôn mới",
        "profile" => "quy định",
        other => other,
    }
}

/// What a finding is about, in the subject column of `check`: its kind, and its id in brackets
/// (a locator to find the record; the message names the people and places).
fn subject(f: &diaban::Finding, lang: Lang) -> String {
    format!("{} [{}]", subject_kind(f.subject.kind, lang), f.subject.id)
}

/// The report of `diaban check`.
pub fn check_text(
    report: &Report,
    profile: &Profile,
    name: &str,
    options: &CheckOptions,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let scope = match options.at {
        Some(d) => format!("{} {}", t(lang, "tại ngày", "on"), day(d, lang)),
        None => t(lang, "toàn bộ lịch sử", "whole history").to_owned(),
    };
    let today = options
        .today
        .map(|d| format!(" · {} {}", t(lang, "ngày xét hạn", "today"), day(d, lang)))
        .unwrap_or_default();
    let name = dataset_label(name, lang);
    let _ = match lang {
        Lang::Vi => writeln!(
            out,
            "diaban check · {name} · Quy định số {} · {scope}{today}",
            profile.regulation.number
        ),
        Lang::En => writeln!(
            out,
            "diaban check · {name} · profile {} ({}) · {scope}{today}",
            profile.id, profile.regulation.number
        ),
    };
    let mut groups: BTreeMap<diaban::Code, Vec<&diaban::Finding>> = BTreeMap::new();
    for f in &report.findings {
        groups.entry(f.code).or_default().push(f);
    }
    let subject_width = report
        .findings
        .iter()
        .map(|f| subject(f, lang).chars().count())
        .max()
        .unwrap_or(0);
    let dates_width = report
        .findings
        .iter()
        .map(|f| dates(f.from, f.to, lang).chars().count())
        .max()
        .unwrap_or(0);
    for (code, findings) in &groups {
        // One code may carry several severities (a coverage gap resting on an assumed
        // eligibility rule is a warning): count each.
        let counts: Vec<String> = [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .filter_map(|severity| {
                let n = findings.iter().filter(|f| f.severity == severity).count();
                (n > 0).then(|| format!("{} {}", size(n, lang), severity_word(severity, n, lang)))
            })
            .collect();
        // The finding's title, its counts, and the stable code to look it up; then what the
        // office can do about it.
        let _ = writeln!(
            out,
            "\n{} ({}) [{code}]",
            code.title(lang),
            counts.join(", ")
        );
        let how = match lang {
            Lang::Vi => "Hướng xử lý",
            Lang::En => "What to do",
        };
        let _ = writeln!(out, "  {how}: {}", code.hint(lang));
        for f in findings {
            let mark = match f.severity {
                Severity::Error => "✗",
                Severity::Warning => "!",
                Severity::Info => "·",
            };
            let _ = writeln!(
                out,
                "  {mark} {}  {}  {}",
                pad(&subject(f, lang), subject_width),
                pad(&dates(f.from, f.to, lang), dates_width),
                f.message(lang)
            );
            if let Some(a) = &f.article {
                let _ = writeln!(
                    out,
                    "    {}{}  ↳ {a}",
                    pad("", subject_width),
                    pad("", dates_width)
                );
            }
        }
    }
    let s = report.summary;
    let _ = writeln!(
        out,
        "\n{}: {} {}, {} {}, {} {}",
        t(lang, "Tổng cộng", "Total"),
        size(s.errors, lang),
        severity_word(Severity::Error, s.errors, lang),
        size(s.warnings, lang),
        severity_word(Severity::Warning, s.warnings, lang),
        size(s.infos, lang),
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

/// A name, or the id in brackets where the dataset has none.
fn named(name: Option<&str>, id: &str) -> String {
    match name {
        Some(n) => n.to_owned(),
        None => format!("[{id}]"),
    }
}

fn who(a: &AssignmentView) -> String {
    let name = named(a.subject_name, a.subject_id);
    match a.subject_title {
        Some(title) => format!("{name} — {title}"),
        None => name.to_owned(),
    }
}

/// The table of `diaban coverage`, grouped by district.
pub fn coverage_text(c: &Coverage, profile: &Profile, name: &str, lang: Lang) -> String {
    let mut out = String::new();
    // The scheme by its name (its id in brackets, to find it in the profile).
    let scheme = match profile.schemes.iter().find(|s| s.id == c.scheme) {
        Some(s) => format!("{} [{}]", t(lang, &s.name_vi, &s.name_en), s.id),
        None => c.scheme.clone(),
    };
    let _ = writeln!(
        out,
        "diaban coverage · {} · {scheme} · {} {}",
        dataset_label(name, lang),
        t(lang, "ngày", "on"),
        day(c.at, lang)
    );
    // The rows come in the core's order (district, then name, in Vietnamese collation): one
    // group per run of rows of the same district, in that order.
    let mut districts: Vec<((&str, &str), Vec<&diaban::CoverageRow>)> = Vec::new();
    for row in &c.rows {
        let key = (
            row.district_code.unwrap_or_default(),
            row.district_name.unwrap_or_default(),
        );
        match districts.last_mut() {
            Some((k, rows)) if *k == key => rows.push(row),
            _ => districts.push((key, vec![row])),
        }
    }
    let name_width = c
        .rows
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(0);
    for ((code, dname), rows) in &districts {
        let covered = rows.iter().filter(|r| r.covered).count();
        let district = if code.is_empty() {
            t(lang, "(không thuộc huyện)", "(no district)").to_owned()
        } else {
            format!("{dname} ({code})")
        };
        let _ = writeln!(
            out,
            "\n{district} — {covered}/{} {}",
            rows.len(),
            t(lang, "có người theo dõi", "covered")
        );
        for row in rows {
            let mark = if row.covered { " " } else { "✗" };
            let people: Vec<String> = row
                .assignments
                .iter()
                .map(|a| format!("{} [{}]", who(a), a.id))
                .collect();
            let text = if people.is_empty() {
                t(lang, "CHƯA CÓ NGƯỜI THEO DÕI", "NOT COVERED").to_owned()
            } else {
                people.join("; ")
            };
            let _ = writeln!(
                out,
                "  {mark} {}  {}  {text}",
                row.code,
                pad(row.name, name_width)
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}: {} / {} {}, {} {}",
        t(lang, "Tổng cộng", "Total"),
        size(c.covered, lang),
        size(c.rows.len(), lang),
        t(lang, "có người theo dõi", "covered"),
        size(c.uncovered, lang),
        t(lang, "chưa có", "uncovered")
    );
    out
}

/// A unit or an organisation as a reader names it: a unit by its name and code ("Xã Giáo Hiệu
/// (01870)", the version in force on `day`, else the latest), an organisation or a person by
/// its name and id in brackets ("Sở Nội vụ tỉnh Bắc Kạn [so-noi-vu]"); the bare id when the
/// dataset has no such record.
pub(crate) fn place(index: &diaban::Index<'_>, id: &str, day: Option<chrono::NaiveDate>) -> String {
    if let Some(u) = index.unit_near(id, day) {
        return format!("{} ({id})", u.name);
    }
    match index.subject_name(id) {
        Some(name) => format!("{name} [{id}]"),
        None => format!("[{id}]"),
    }
}

/// A scheme as a reader names it: its name in the reader's language and its id in brackets
/// (to find it in the profile); the id alone, in brackets, for a scheme the profile lacks.
pub(crate) fn scheme_label(profile: &Profile, id: &str, lang: Lang) -> String {
    match profile.schemes.iter().find(|s| s.id == id) {
        Some(s) => format!("{} [{id}]", t(lang, &s.name_vi, &s.name_en)),
        None => format!("[{id}]"),
    }
}

/// Why an assignment ended, as a reader says it after its days.
fn end_reason(r: diaban::EndReason, lang: Lang) -> &'static str {
    use diaban::EndReason as R;
    match (r, lang) {
        (R::TermEnded, Lang::Vi) => "hết nhiệm kỳ",
        (R::Replaced, Lang::Vi) => "đã thay người khác",
        (R::Reorganized, Lang::Vi) => "do sắp xếp đơn vị hành chính",
        (R::Revoked, Lang::Vi) => "quyết định bị thu hồi",
        (r, Lang::En) => r.as_str(),
    }
}

/// The list of `diaban history`: one group per scheme (in the profile's order, then the
/// schemes the profile lacks), each in the order of the assignments' start.
pub fn history_text(
    target: &str,
    index: &diaban::Index<'_>,
    profile: &Profile,
    list: &[AssignmentView],
    lang: Lang,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "diaban history · {}", place(index, target, None));
    // The days, and why the assignment ended ("(hết nhiệm kỳ)"), one column.
    let spans: Vec<String> = list
        .iter()
        .map(|a| {
            let reason = a
                .end_reason
                .map(|r| format!(" ({})", end_reason(r, lang)))
                .unwrap_or_default();
            format!("{}{reason}", dates(Some(a.valid_from), a.valid_to, lang))
        })
        .collect();
    let width = spans.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    let mut schemes: Vec<&str> = Vec::new();
    for a in list {
        if !schemes.contains(&a.scheme) {
            schemes.push(a.scheme);
        }
    }
    let rank = |id: &str| {
        profile
            .schemes
            .iter()
            .position(|s| s.id == id)
            .unwrap_or(usize::MAX)
    };
    schemes.sort_by_key(|id| rank(id));
    for scheme in schemes {
        let _ = writeln!(out, "\n  {}", scheme_label(profile, scheme, lang));
        for (a, span) in list.iter().zip(&spans).filter(|(a, _)| a.scheme == scheme) {
            let _ = writeln!(out, "    {}  {}  [{}]", pad(span, width), who(a), a.id);
        }
    }
    if list.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            t(lang, "(không có phân công)", "(no assignments)")
        );
    }
    out
}

fn kind_label(kind: diaban::ActivityKind, lang: Lang) -> &'static str {
    use diaban::ActivityKind as K;
    match (kind, lang) {
        (K::CommitteeMeeting, Lang::Vi) => "Dự họp",
        (K::CommitteeMeeting, Lang::En) => "Meetings",
        (K::FieldVisit, Lang::Vi) => "Về thôn",
        (K::FieldVisit, Lang::En) => "Visits",
        (K::Guidance, Lang::Vi) => "Hướng dẫn",
        (K::Guidance, Lang::En) => "Guidance",
        (K::Proposal, Lang::Vi) => "Đề xuất",
        (K::Proposal, Lang::En) => "Proposals",
        (K::CellMeeting, Lang::Vi) => "Sinh hoạt CB",
        (K::CellMeeting, Lang::En) => "Cell mtgs",
        (K::Contribution, Lang::Vi) => "Đóng góp",
        (K::Contribution, Lang::En) => "Contrib.",
        // A kind added after this table: its Vietnamese form, or its canonical word.
        (other, Lang::Vi) => diaban::words::label_vi(other),
        (other, Lang::En) => other.as_str(),
    }
}

fn rating_label(r: diaban::Rating, lang: Lang) -> &'static str {
    use diaban::Rating as R;
    match (r, lang) {
        (R::Excellent, Lang::Vi) => "HTXSNV",
        (R::Good, Lang::Vi) => "HTTNV",
        (R::Fulfilled, Lang::Vi) => "HTNV",
        (R::Unfulfilled, Lang::Vi) => "KHTNV",
        (R::Excellent, Lang::En) => "excellent",
        (R::Good, Lang::En) => "good",
        (R::Fulfilled, Lang::En) => "fulfilled",
        (R::Unfulfilled, Lang::En) => "UNFULFILLED",
    }
}

fn evaluation_cell(e: &diaban::report::EvaluationStatus, lang: Lang) -> String {
    let rating = e.rating.map(|r| rating_label(r, lang)).unwrap_or("");
    let sent = e.submitted_on.map(|d| day(d, lang)).unwrap_or_default();
    match (e.status.as_str(), lang) {
        ("ok", _) => format!("{rating} {sent}").trim().to_owned(),
        ("late", Lang::Vi) => format!("{rating} ✗ gửi muộn {sent}"),
        ("late", Lang::En) => format!("{rating} ✗ late {sent}"),
        ("missing", Lang::Vi) => "✗ CHƯA CÓ".to_owned(),
        ("missing", Lang::En) => "✗ MISSING".to_owned(),
        ("not_due", Lang::Vi) => "chưa đến hạn".to_owned(),
        ("not_due", Lang::En) => "not yet due".to_owned(),
        ("not_required", Lang::Vi) => "không bắt buộc".to_owned(),
        ("not_required", Lang::En) => "not required".to_owned(),
        _ => String::new(),
    }
}

/// The unit (or body) of a row of the yearly report: its name and code.
fn report_target(a: &diaban::report::AssignmentYear) -> String {
    match a.target_name.as_deref() {
        Some(name) => format!("{name} ({})", a.target),
        None => format!("[{}]", a.target),
    }
}

/// The text of `diaban report`: one table per scheme and district, roll-ups, proposals, the programme.
pub fn report_text(
    r: &diaban::YearReport,
    profile: &Profile,
    name: &str,
    index: &diaban::Index<'_>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} · {} · {}{}",
        t(lang, "BÁO CÁO NĂM", "YEARLY REPORT"),
        r.year,
        r.regulation,
        dataset_label(name, lang),
        r.today
            .map(|d| format!(" · {} {}", t(lang, "tính đến ngày", "as of"), day(d, lang)))
            .unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "Mỗi ô: đã làm/yêu cầu (yêu cầu tính theo số ngày được phân công trong năm); ✗ = chưa đạt. \
             Xếp loại: HTXSNV = Hoàn thành xuất sắc nhiệm vụ, HTTNV = Hoàn thành tốt nhiệm vụ, \
             HTNV = Hoàn thành nhiệm vụ, KHTNV = Không hoàn thành nhiệm vụ.",
            "Each cell: done/required (required prorated by the days assigned in the year); ✗ = falls short."
        )
    );
    for scheme in profile.schemes.iter().filter(|s| !s.duties.is_empty()) {
        let rows: Vec<&diaban::report::AssignmentYear> = r
            .assignments
            .iter()
            .filter(|a| a.scheme == scheme.id)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let short = rows.iter().filter(|a| a.shortfall).count();
        let _ = writeln!(
            out,
            "\n══ {} [{}] — {} {}, {} {}",
            t(lang, &scheme.name_vi, &scheme.name_en),
            scheme.id,
            rows.len(),
            t(lang, "phân công", "assignments"),
            short,
            t(lang, "chưa đạt", "falling short")
        );
        let target_w = rows
            .iter()
            .map(|a| report_target(a).chars().count())
            .max()
            .unwrap_or(0)
            .max(6);
        let who_w = rows
            .iter()
            .map(|a| {
                named(a.subject_name.as_deref(), &a.subject_id)
                    .chars()
                    .count()
            })
            .max()
            .unwrap_or(0)
            .max(6);
        let mut header = format!(
            "    {}  {}  {:>4}",
            pad(t(lang, "Địa bàn", "Unit"), target_w),
            pad(t(lang, "Cán bộ", "Cadre"), who_w),
            t(lang, "Ngày", "Days")
        );
        for d in &scheme.duties {
            let _ = write!(header, "  {:>10}", kind_label(d.activity_kind, lang));
        }
        let _ = write!(
            header,
            "  {:>8}  {}",
            kind_label(diaban::ActivityKind::Proposal, lang),
            t(lang, "Đánh giá", "Evaluation")
        );
        let mut district: Option<Option<String>> = None;
        for a in rows {
            if district.as_ref() != Some(&a.district_code) {
                district = Some(a.district_code.clone());
                let _ = writeln!(
                    out,
                    "\n  {}{}",
                    a.district_name.clone().unwrap_or_else(|| t(
                        lang,
                        "(không thuộc huyện)",
                        "(no district)"
                    )
                    .to_owned()),
                    a.district_code
                        .as_ref()
                        .map(|c| format!(" ({c})"))
                        .unwrap_or_default()
                );
                let _ = writeln!(out, "{header}");
            }
            let mark = if a.shortfall { "✗" } else { " " };
            let target = report_target(a);
            let mut line = format!(
                "  {mark} {}  {}  {:>4}",
                pad(&target, target_w),
                pad(&named(a.subject_name.as_deref(), &a.subject_id), who_w),
                a.days
            );
            for d in &a.duties {
                let cell = format!("{}{}/{}", if d.met { "" } else { "✗" }, d.done, d.required);
                let _ = write!(line, "  {:>10}", cell);
            }
            let _ = write!(
                line,
                "  {:>8}  {}",
                a.proposals,
                evaluation_cell(&a.evaluation, lang)
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    // A district by name and code ("Huyện Ba Bể (061)"), an agency by name and id in brackets.
    let rollup = |out: &mut String, title: &str, list: &[diaban::report::Rollup], units: bool| {
        if list.is_empty() {
            return;
        }
        let label = |x: &diaban::report::Rollup| {
            if units {
                format!("{} ({})", x.name, x.id)
            } else {
                format!("{} [{}]", x.name, x.id)
            }
        };
        let w = list
            .iter()
            .map(|x| label(x).chars().count())
            .max()
            .unwrap_or(0);
        let _ = writeln!(out, "\n══ {title}");
        let _ = writeln!(
            out,
            "    {}  {:>10}  {:>10}  {:>10}  {}",
            pad("", w),
            t(lang, "Phân công", "Assigned"),
            t(lang, "Chưa đạt", "Short"),
            t(lang, "Thiếu ĐG", "No eval."),
            t(lang, "Xếp loại", "Ratings")
        );
        for x in list {
            let ratings: Vec<String> = x
                .ratings
                .iter()
                .map(|(k, v)| format!("{} {v}", rating_label(*k, lang)))
                .collect();
            let mark = if x.with_shortfall > 0 { "✗" } else { " " };
            let line = format!(
                "  {mark} {}  {:>10}  {:>10}  {:>10}  {}",
                pad(&label(x), w),
                x.assignments,
                x.with_shortfall,
                x.evaluations_missing,
                ratings.join(", ")
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
    };
    rollup(
        &mut out,
        t(lang, "Theo huyện", "By district"),
        &r.districts,
        true,
    );
    rollup(
        &mut out,
        t(lang, "Theo cơ quan của cán bộ", "By the cadre's agency"),
        &r.agencies,
        false,
    );
    let _ = writeln!(
        out,
        "\n══ {} ({})",
        t(
            lang,
            "Đề xuất trực tiếp với Ban Thường vụ",
            "Proposals made directly to the Standing Committee"
        ),
        size(r.proposals.len(), lang)
    );
    for p in &r.proposals {
        // The commune it is about and the body it went to, by name (ids in brackets).
        let recipient = match p.recipient.as_deref() {
            Some(id) => place(index, id, Some(p.date)),
            None => t(lang, "(không ghi nơi nhận)", "(no recipient recorded)").to_owned(),
        };
        let _ = writeln!(
            out,
            "    {}  {}  {} → {recipient}: {}",
            day(p.date, lang),
            pad(&named(p.subject_name.as_deref(), &p.subject_id), 22),
            place(index, &p.target, Some(p.date)),
            p.note.as_deref().unwrap_or("")
        );
    }
    let totals = |m: &BTreeMap<diaban::ContributionKind, diaban::report::Totals>| -> String {
        m.iter()
            .map(|(k, v)| {
                let kind = match lang {
                    Lang::Vi => diaban::words::label_vi(*k),
                    Lang::En => k.as_str(),
                };
                let quantity = count(v.quantity, lang);
                match (k, v.value_vnd) {
                    (diaban::ContributionKind::Cash, value) => format!("{kind} {} đ", money(value)),
                    (_, 0) => format!("{kind} {quantity}"),
                    (_, value) => format!("{kind} {quantity} ({} đ)", money(value)),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !r.programme.by_year.is_empty() {
        let _ = writeln!(
            out,
            "\n══ {}",
            t(
                lang,
                "Chương trình giúp xã xây dựng nông thôn mới",
                "New-rural-development support programme"
            )
        );
        let _ = writeln!(out, "  {}", t(lang, "Theo năm:", "By year:"));
        for y in &r.programme.by_year {
            let _ = writeln!(out, "    {}  {}", y.id, totals(&y.by_kind));
        }
        let _ = writeln!(
            out,
            "  {} {}:",
            t(lang, "Theo xã, năm", "By commune, in"),
            r.year
        );
        for c in &r.programme.by_commune {
            let _ = writeln!(
                out,
                "    {}  {}",
                pad(&format!("{} ({})", c.name, c.id), 30),
                totals(&c.by_kind)
            );
        }
    }
    out
}

/// `diaban report --csv`: the core's `assignments` table (one row per assignment-year), with a
/// `_done`/`_required`/`_met` column triple for every duty of the profile, whether or not the
/// year has rows for it; Python's `YearReport.to_dicts()` is the same table.
pub fn report_csv(r: &diaban::YearReport, profile: &Profile) -> Result<String, String> {
    let mut duties: Vec<&str> = Vec::new();
    for s in &profile.schemes {
        for d in &s.duties {
            if !duties.contains(&d.id.as_str()) {
                duties.push(&d.id);
            }
        }
    }
    r.assignments_table(&duties)
        .to_csv()
        .map_err(|e| e.to_string())
}

fn relation_word(kind: diaban::profile::RelationKind, lang: Lang) -> &'static str {
    use diaban::profile::RelationKind as R;
    match (kind, lang) {
        (R::ReportsTo, Lang::Vi) => "báo cáo, đề xuất với",
        (R::DirectedBy, Lang::Vi) => "chịu sự chỉ đạo của",
        (R::CoordinatesWith, Lang::Vi) => "phối hợp với",
        (R::EvaluatedBy, Lang::Vi) => "chịu sự nhận xét, đánh giá của",
        (R::ReportsTo, Lang::En) => "reports to",
        (R::DirectedBy, Lang::En) => "is directed by",
        (R::CoordinatesWith, Lang::En) => "coordinates with",
        (R::EvaluatedBy, Lang::En) => "is evaluated by",
    }
}

/// The text of `diaban relations`.
pub fn relations_text(
    who: &str,
    reverse: bool,
    day: chrono::NaiveDate,
    list: &[diaban::Relation],
    index: &diaban::Index<'_>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    // A person or body by name, its id in brackets; a unit by name and code.
    let heading = match index.subject_name(who) {
        Some(name) => format!("{name} [{who}]"),
        None => place(index, who, Some(day)),
    };
    let _ = writeln!(
        out,
        "diaban relations · {heading} · {} {}{}",
        t(lang, "ngày", "on"),
        self::day(day, lang),
        if reverse {
            t(
                lang,
                " · ai có quan hệ công tác với đối tượng này",
                " · who stands in a relationship with it",
            )
        } else {
            ""
        }
    );
    if list.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            t(
                lang,
                "(không có quan hệ công tác nào vào ngày này)",
                "(no working relationships on this day)"
            )
        );
    }
    for r in list {
        let people: Vec<String> = r
            .people
            .iter()
            .map(|p| match lang {
                Lang::Vi => format!("đồng chí {}, {} [{}]", p.name, p.title, p.id),
                Lang::En => format!("{} ({}) [{}]", p.name, p.title, p.id),
            })
            .collect();
        // A unit by name and code, a body by name and id in brackets.
        let body = match (&r.body_name, &r.body_id) {
            (Some(n), Some(id)) if index.unit_near(id, Some(day)).is_some() => {
                format!("{n} ({id})")
            }
            (Some(n), Some(id)) => format!("{n} [{id}]"),
            (Some(n), None) => n.clone(),
            (None, Some(id)) => format!("[{id}]"),
            (None, None) => t(lang, "(không xác định)", "(unknown)").to_owned(),
        };
        let directed = r.kind == diaban::profile::RelationKind::DirectedBy;
        let counterpart = match (people.is_empty(), directed) {
            // Direction comes from the Standing Committee member in charge of the district,
            // not from the district: the person first, the district they are in charge of
            // after; when nobody is recorded, the member is still who directs.
            (false, true) => format!(
                "{}, {} {}",
                people.join("; "),
                t(lang, "phụ trách", "in charge of"),
                r.body_name.as_deref().unwrap_or("?")
            ),
            (true, true) => format!(
                "{} {body}",
                t(
                    lang,
                    "đồng chí Ủy viên Ban Thường vụ Tỉnh ủy phụ trách",
                    "the Standing Committee member in charge of"
                )
            ),
            (true, false) => body,
            (false, false) => format!("{body}: {}", people.join("; ")),
        };
        // Who, on which unit, under which assignment (its id in brackets).
        let subject = if reverse {
            format!(
                "{}, {} {} [{}], ",
                named(index.subject_name(&r.subject_id), &r.subject_id),
                t(lang, "địa bàn", "on"),
                place(index, &r.target, Some(day)),
                r.assignment_id,
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {}{}{} {counterpart}",
            if r.unresolved { "✗ " } else { "  " },
            subject,
            relation_word(r.kind, lang)
        );
        // The basis, and why the counterpart is missing: the finding of `check` that says so.
        let mut notes: Vec<String> = r
            .article
            .iter()
            .filter(|a| !a.is_empty())
            .cloned()
            .collect();
        if r.unresolved {
            let code = if directed {
                diaban::Code::DistrictLeadMissing
            } else {
                diaban::Code::RoleUnresolved
            };
            notes.push(match lang {
                Lang::Vi => format!(
                    "không xác định được trong dữ liệu (xem nhóm phát hiện «{}» [{code}])",
                    code.title(lang)
                ),
                Lang::En => format!(
                    "not found in the dataset (see the findings \"{}\" [{code}])",
                    code.title(lang)
                ),
            });
        }
        if !notes.is_empty() {
            let _ = writeln!(out, "      ↳ {}", notes.join(" — "));
        }
    }
    out
}

/// A count as its reader writes it: thousands grouped with dots in Vietnamese (1.190), as
/// written in English (1190).
fn count(n: u64, lang: Lang) -> String {
    match lang {
        Lang::Vi => money(n),
        Lang::En => n.to_string(),
    }
}

/// A number of things as its reader writes it (see [`count`]).
fn size(n: usize, lang: Lang) -> String {
    u64::try_from(n).map_or_else(|_| n.to_string(), |v| count(v, lang))
}

/// An amount in đồng with dots between thousands, as Vietnamese writes it: 35.200.000.
fn money(value: u64) -> String {
    diaban::words::group_thousands(value)
}

#[cfg(test)]
mod tests {
    #[test]
    fn money_groups_thousands_with_dots() {
        assert_eq!(super::money(0), "0");
        assert_eq!(super::money(999), "999");
        assert_eq!(super::money(1000), "1.000");
        assert_eq!(super::money(35_200_000), "35.200.000");
    }
}
