//! `diaban reorganize` and `diaban lineage`: apply reorganisation events to a dataset, and show
//! what a unit came from and what it became.

use crate::output::t;
use crate::{
    date_arg, emit, files, lang, load, print_json, profile, write_dataset, Fatal, Format, LangArg,
    Out,
};
use clap::Args;
use diaban::reorg::{self, Changes, Lineage, LineageReport, LineageStep};
use diaban::{check, Finding, Lang, ReorganizationEdge, Report};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `diaban reorganize`.
#[derive(Args)]
pub(crate) struct ReorganizeArgs {
    /// The dataset: a JSON file or a CSV folder; `-` or absent for the embedded Bắc Kạn demo.
    path: Option<PathBuf>,
    /// The events: a reorganizations.csv file, a JSON list of edges, or a built-in event
    /// (bac-kan-2025, the default for the demo).
    #[arg(long)]
    events: Option<String>,
    /// Where to write the carried-over dataset: a `.json` file or a folder for CSV files.
    #[arg(long)]
    out: PathBuf,
    /// Allow the output to replace the input.
    #[arg(long)]
    force: bool,
    /// Also write the successor proposals (for each new unit, the subjects of its predecessor
    /// units as candidates) to this file: JSON when it ends in `.json`, else CSV (UTF-8 with a
    /// BOM, for Excel). Keep one row per new unit, fill in the decision, then load it with
    /// --accept.
    #[arg(long, value_name = "FILE")]
    proposals: Option<PathBuf>,
    /// Create the successor assignments of an edited proposals file (CSV or JSON), from its
    /// start days, in the carried-over dataset.
    #[arg(long, value_name = "FILE")]
    accept: Option<PathBuf>,
    /// A built-in profile id (bac-kan-1390) or a profile JSON file, for the findings after the change.
    #[arg(long, default_value = "bac-kan-1390")]
    profile: String,
    /// The day deadlines are judged against (default: the system date).
    #[arg(long)]
    today: Option<String>,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Arguments of `diaban lineage`.
#[derive(Args)]
pub(crate) struct LineageArgs {
    /// The dataset: a JSON file or a CSV folder; `-` or absent for the embedded Bắc Kạn demo.
    path: Option<PathBuf>,
    /// The unit code.
    #[arg(long)]
    code: String,
    /// The day that picks the version of the code (default: every version).
    #[arg(long)]
    at: Option<String>,
    /// More edges besides the dataset's own: a reorganizations.csv file, a JSON list, or a
    /// built-in event (bac-kan-2025, the default for the demo).
    #[arg(long)]
    events: Option<String>,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// The dataset path, with `-` meaning the demo.
fn dataset_path(path: Option<&PathBuf>) -> Option<&Path> {
    path.map(PathBuf::as_path).filter(|p| p.as_os_str() != "-")
}

/// The events named by `--events` (a file, else a built-in id); the Bắc Kạn event by default
/// for the demo.
fn events(arg: Option<&str>, demo: bool) -> Result<(Vec<ReorganizationEdge>, String), Fatal> {
    match arg {
        Some(a) => {
            let label = if Path::new(a).exists() {
                a.to_owned()
            } else {
                format!("{a} (built-in)")
            };
            Ok((diaban::api::events_arg(a)?, label))
        }
        None if demo => Ok((reorg::bac_kan_2025(), "bac-kan-2025 (built-in)".to_owned())),
        None => Err(Fatal::own(
            "invalid_argument",
            "cần --events TỆP (các sự kiện sắp xếp đơn vị hành chính) cho bộ dữ liệu khác dữ liệu mẫu",
            "--events FILE is required for a dataset other than the demo",
        )),
    }
}

fn gap_key(
    f: &Finding,
) -> (
    String,
    Option<chrono::NaiveDate>,
    Option<chrono::NaiveDate>,
    String,
) {
    let scheme = f
        .details
        .get("scheme")
        .map(ToString::to_string)
        .unwrap_or_default();
    (f.subject.id.clone(), f.from, f.to, scheme)
}

/// The coverage gaps of `after` that `before` did not have.
fn new_gaps<'r>(before: &Report, after: &'r Report) -> Vec<&'r Finding> {
    let old: HashSet<_> = before
        .findings
        .iter()
        .filter(|f| f.code.as_str() == "coverage_gap")
        .map(gap_key)
        .collect();
    after
        .findings
        .iter()
        .filter(|f| f.code.as_str() == "coverage_gap" && !old.contains(&gap_key(f)))
        .collect()
}

/// `diaban reorganize`.
pub(crate) fn run_reorganize(args: ReorganizeArgs, out: Out<'_>) -> Result<ExitCode, Fatal> {
    let path = dataset_path(args.path.as_ref());
    // Every file or folder the command reads: the dataset (which --force lets --out replace;
    // the events may be read from it too), the events, the profile and --accept (which nothing
    // replaces).
    let others: Vec<&Path> = files::existing(args.events.as_deref())
        .into_iter()
        .chain(files::existing(Some(&args.profile)))
        .chain(args.accept.as_deref())
        .filter(|p| !path.is_some_and(|d| files::same(d, p)))
        .collect();
    files::refuse_inputs("--out", &args.out, path.as_slice(), args.force)?;
    files::refuse_inputs("--out", &args.out, &others, false)?;
    let inputs: Vec<&Path> = path.into_iter().chain(others).collect();
    if let Some(file) = &args.proposals {
        // The proposals never replace an input nor the dataset just written, even with --force.
        let mut taken = inputs.clone();
        taken.push(&args.out);
        files::refuse_inputs("--proposals", file, &taken, false)?;
    }
    let check_args = diaban::api::CheckArgs {
        today: args.today.as_deref(),
        ..diaban::api::CheckArgs::default()
    };
    let options = diaban::api::check_options(&check_args, crate::system_today())?;
    let profile = profile(&args.profile)?;
    let (dataset, name) = load(path)?;
    let (edges, events_name) = events(args.events.as_deref(), path.is_none())?;
    let (after, changes) = reorg::apply(&dataset, &edges)?;
    let (after, accepted) = match &args.accept {
        Some(file) => {
            let text = std::fs::read_to_string(file).map_err(|e| Fatal::io(file, &e))?;
            let rows = reorg::read_proposals(&file.display().to_string(), &text)?;
            reorg::accept_successors(&after, &rows)?
        }
        None => (after, Vec::new()),
    };
    let proposals = match &args.proposals {
        Some(file) => {
            let rows = reorg::successor_proposals(&after);
            let json = file
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
            let text = if json {
                reorg::write_proposals_json(&rows)?
            } else {
                reorg::write_proposals_csv(&rows)?
            };
            files::write_atomic(file, &text)?;
            Some((file, rows))
        }
        None => None,
    };
    write_dataset(&after, &args.out)?;
    let before_report = check(&dataset, &profile, &options);
    let report = check(&after, &profile, &options);
    let gaps = new_gaps(&before_report, &report);
    let l = lang(args.lang);
    match args.format {
        Format::Json => {
            let value = serde_json::json!({
                "input": name,
                "events": events_name,
                "out": args.out.display().to_string(),
                "changes": serde_json::to_value(&changes).map_err(Fatal::internal)?,
                "accepted": accepted.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
                "proposals": proposals.as_ref().map(|(file, rows)| serde_json::json!({
                    "file": file.display().to_string(),
                    "rows": rows.len(),
                    "new_units": rows.iter().map(|r| (r.scheme.as_str(), r.new_unit.as_str())).collect::<std::collections::BTreeSet<_>>().len(),
                })),
                "new_gaps": gaps.iter().map(|f| f.to_json(l)).collect::<Vec<_>>(),
                "findings": report.findings.iter().map(|f| f.to_json(l)).collect::<Vec<_>>(),
                "summary": report.summary,
            });
            print_json(out, &value)?;
        }
        Format::Text => {
            emit(
                out,
                &changes_text(&changes, &gaps, &name, &events_name, &args.out, l),
            );
            emit(
                out,
                &successors_text(
                    &accepted,
                    proposals.as_ref().map(|(f, r)| (f.as_path(), r.as_slice())),
                    changes
                        .assignments_closed
                        .iter()
                        .any(|c| !c.successors.is_empty()),
                    l,
                ),
            );
            emit(
                out,
                &crate::output::check_text(
                    &report,
                    &profile,
                    &args.out.display().to_string(),
                    &options,
                    l,
                ),
            );
        }
    }
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn changes_text(
    changes: &Changes,
    gaps: &[&Finding],
    name: &str,
    events: &str,
    out: &Path,
    l: Lang,
) -> String {
    let mut s = String::new();
    let days: Vec<String> = changes.events.iter().map(ToString::to_string).collect();
    let _ = writeln!(
        s,
        "{}: {name}",
        t(l, "Sắp xếp đơn vị hành chính", "Reorganisation")
    );
    let _ = writeln!(
        s,
        "{}: {events} ({} {})",
        t(l, "Sự kiện", "Events"),
        t(l, "hiệu lực", "effective"),
        days.join(", ")
    );
    if changes.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            t(
                l,
                "Không có gì thay đổi: sự kiện đã được áp dụng.",
                "Nothing changed: the events were already applied."
            )
        );
    }
    let _ = writeln!(
        s,
        "\n{} ({}):",
        t(l, "Đơn vị kết thúc", "Units ended"),
        changes.units_ended.len()
    );
    for u in &changes.units_ended {
        let _ = writeln!(
            s,
            "  {} {} — {} {}",
            u.unit.code,
            u.unit.name,
            t(l, "ngày cuối", "last day"),
            u.unit.valid_to.map(|d| d.to_string()).unwrap_or_default()
        );
    }
    let _ = writeln!(
        s,
        "\n{} ({}):",
        t(l, "Đơn vị mới", "Units started"),
        changes.units_started.len()
    );
    for u in &changes.units_started {
        let parent = u
            .unit
            .parent_code
            .as_deref()
            .map(|p| format!(", {} {p}", t(l, "thuộc", "in")))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  {} {} ({}{parent}) — {} {}",
            u.unit.code,
            u.unit.name,
            u.unit.unit_type,
            t(l, "từ", "from"),
            u.effective
        );
    }
    let _ = writeln!(
        s,
        "\n{} ({}):",
        t(
            l,
            "Cấp ủy kết thúc cùng đơn vị",
            "Party committees ended with their unit"
        ),
        changes.organizations_ended.len()
    );
    for o in &changes.organizations_ended {
        let _ = writeln!(
            s,
            "  {} {} — {} {}",
            o.organization.id,
            o.organization.name,
            t(l, "ngày cuối", "last day"),
            o.organization
                .valid_to
                .map(|d| d.to_string())
                .unwrap_or_default()
        );
    }
    let _ = writeln!(
        s,
        "\n{} ({}):",
        t(
            l,
            "Cấp ủy của đơn vị mới — ĐỀ XUẤT, cần Ban Tổ chức xem xét (tên, mã)",
            "Party committees of the new units — PROPOSED, for the Organisation Board to review (name, id)"
        ),
        changes.organizations_created.len()
    );
    for o in &changes.organizations_created {
        let parent = o
            .organization
            .parent_id
            .as_deref()
            .map(|p| format!(", {} {p}", t(l, "trực thuộc", "under")))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  {} {}{parent} — {} {}",
            o.organization.id,
            o.organization.name,
            t(l, "từ", "from"),
            o.effective
        );
    }
    let _ = writeln!(
        s,
        "\n{} ({}):",
        t(
            l,
            "Phân công kết thúc do sắp xếp",
            "Assignments closed (reorganized)"
        ),
        changes.assignments_closed.len()
    );
    for c in &changes.assignments_closed {
        let next = if c.successors.is_empty() {
            "—".to_owned()
        } else {
            c.successors.join(", ")
        };
        let was = c
            .previous_valid_to
            .map_or_else(|| t(l, "đang mở", "open").to_owned(), |d| d.to_string());
        let _ = writeln!(
            s,
            "  {} ({}, {}) {} {}: {} {} ({} {was}) → {next}",
            c.id,
            c.scheme,
            c.subject_id,
            t(l, "tại", "on"),
            c.target,
            t(l, "kết thúc", "ends"),
            c.valid_to,
            t(l, "trước đây", "was")
        );
    }
    let _ = writeln!(
        s,
        "\n{} ({}):",
        t(l, "Khoảng trống mới", "New coverage gaps"),
        gaps.len()
    );
    for f in gaps {
        let name = f
            .details
            .get("name")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default();
        let from = f.from.map(|d| d.to_string()).unwrap_or_default();
        let to = f.to.map_or_else(|| "…".to_owned(), |d| d.to_string());
        let _ = writeln!(s, "  {} {name}: {from} – {to}", f.subject.id);
    }
    if !changes.left.is_empty() {
        let _ = writeln!(
            s,
            "\n{} ({}):",
            t(
                l,
                "Bản ghi cần người xem xét",
                "Records left for a person to review"
            ),
            changes.left.len()
        );
        let mut groups: std::collections::BTreeMap<(&str, &str), Vec<&str>> =
            std::collections::BTreeMap::new();
        for r in &changes.left {
            groups
                .entry((r.kind, r.reason))
                .or_default()
                .push(r.id.as_str());
        }
        for ((kind, reason), ids) in groups {
            let (kind, reason) = left_text(kind, reason, l);
            let more = if ids.len() > 8 {
                format!(", … (+{})", ids.len() - 8)
            } else {
                String::new()
            };
            let shown: Vec<&str> = ids.iter().take(8).copied().collect();
            let _ = writeln!(
                s,
                "  {kind} × {}: {reason}\n    {}{more}",
                ids.len(),
                shown.join(", ")
            );
        }
    }
    let _ = writeln!(s, "\n{} {}\n", t(l, "Đã ghi", "Wrote"), out.display());
    s
}

/// A left record's kind and reason in the language of the output.
fn left_text<'a>(kind: &'a str, reason: &'a str, l: Lang) -> (&'a str, &'a str) {
    use reorg::reasons;
    if l == Lang::En {
        return (kind, reason);
    }
    let kind = match kind {
        "activity" => "hoạt động",
        "evaluation" => "văn bản đánh giá",
        "organization" => "tổ chức",
        "reorganization" => "sắp xếp",
        other => other,
    };
    let reason = match reason {
        reasons::NO_OLD_UNIT => {
            "không có đơn vị nào mang mã cũ này còn hiệu lực vào ngày trước sự kiện"
        }
        reasons::ACTIVITY_AFTER_END => {
            "ghi ngày sau khi đơn vị đã kết thúc (xem open_after_reorganization)"
        }
        reasons::EVALUATION_AFTER_END => "đánh giá một năm bắt đầu sau khi đơn vị đã kết thúc",
        reasons::PARENT_COMMITTEE_ENDED => {
            "cấp ủy cấp trên đã kết thúc cùng đợt sắp xếp; cần gắn vào cấp ủy của đơn vị mới"
        }
        other => other,
    };
    (kind, reason)
}

fn successors_text(
    accepted: &[diaban::Assignment],
    proposals: Option<(&Path, &[reorg::SuccessorProposal])>,
    hint: bool,
    l: Lang,
) -> String {
    let mut s = String::new();
    if !accepted.is_empty() {
        let _ = writeln!(
            s,
            "{} ({}):",
            t(
                l,
                "Phân công kế tiếp đã xác nhận",
                "Successor assignments confirmed"
            ),
            accepted.len()
        );
        for a in accepted {
            let _ = writeln!(
                s,
                "  {} ({}, {}) {} {} {} {} — {} {}",
                a.id,
                a.scheme,
                a.subject_id,
                t(l, "tại", "on"),
                a.target,
                t(l, "từ", "from"),
                a.valid_from,
                t(l, "QĐ", "decision"),
                a.decision_number.as_deref().unwrap_or_default()
            );
        }
        s.push('\n');
    }
    if let Some((file, rows)) = proposals {
        let units: std::collections::BTreeSet<_> = rows
            .iter()
            .map(|r| (r.scheme.as_str(), r.new_unit.as_str()))
            .collect();
        let _ = writeln!(
            s,
            "{}: {} ({} {}, {} {})",
            t(
                l,
                "Đề xuất người kế tiếp (giữ một dòng cho mỗi đơn vị mới, ghi số và ngày quyết định, rồi nạp lại bằng --accept)",
                "Successor proposals (keep one row per new unit, fill in the decision number and date, then load with --accept)"
            ),
            file.display(),
            rows.len(),
            t(l, "dòng", "rows"),
            units.len(),
            t(l, "đơn vị mới", "new units")
        );
        s.push('\n');
    } else if hint {
        let _ = writeln!(
            s,
            "{}\n",
            t(
                l,
                "Gợi ý: thêm --proposals TỆP.csv để lập danh sách cán bộ của các đơn vị cũ làm đề xuất người theo dõi đơn vị mới.",
                "Hint: add --proposals FILE.csv to list the monitors of the old units as candidates for the new ones."
            )
        );
    }
    s
}

/// `diaban lineage`.
pub(crate) fn run_lineage(args: LineageArgs, out: Out<'_>) -> Result<ExitCode, Fatal> {
    let path = dataset_path(args.path.as_ref());
    let (dataset, _) = load(path)?;
    let extra = match (&args.events, path) {
        (None, Some(_)) => Vec::new(),
        (arg, p) => events(arg.as_deref(), p.is_none())?.0,
    };
    let lineage = Lineage::with_edges(
        &dataset.units,
        dataset.reorganizations.iter().chain(extra.iter()),
    );
    let reports: Vec<LineageReport> =
        lineage.reports(&args.code, date_arg("at", args.at.as_deref())?);
    let known = reports
        .iter()
        .any(|r| r.name.is_some() || !r.predecessors.is_empty() || !r.successors.is_empty());
    let l = lang(args.lang);
    match args.format {
        Format::Json => print_json(
            out,
            &serde_json::to_value(&reports).map_err(Fatal::internal)?,
        )?,
        Format::Text => {
            if !known {
                emit(
                    out,
                    &format!(
                        "{} {}\n",
                        args.code,
                        t(
                            l,
                            "— không có đơn vị hay sắp xếp nào với mã này.",
                            "— no unit or reorganisation has this code."
                        )
                    ),
                );
            }
            for r in reports.iter().filter(|_| known) {
                emit(out, &lineage_text(r, l));
            }
        }
    }
    Ok(if known {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn span(from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>) -> String {
    let from = from.map_or_else(|| "…".to_owned(), |d| d.to_string());
    let to = to.map_or_else(|| "…".to_owned(), |d| d.to_string());
    format!("{from} – {to}")
}

fn step_line(step: &LineageStep, arrow: &str, l: Lang) -> String {
    let indent = "  ".repeat(step.depth + 1);
    let what = match &step.code {
        Some(code) => format!(
            "{code} {} ({})",
            step.name.as_deref().unwrap_or("?"),
            span(step.valid_from, step.valid_to)
        ),
        None => t(
            l,
            "giải thể, không có đơn vị kế tiếp",
            "abolished, no successor",
        )
        .to_owned(),
    };
    let via = if step.depth > 1 {
        format!(" [{} {}]", t(l, "qua", "via"), step.via)
    } else {
        String::new()
    };
    let basis = step
        .basis
        .as_deref()
        .map(|b| format!(" — {b}"))
        .unwrap_or_default();
    format!(
        "{indent}{arrow} {what}{via} — {}, {} {}{basis}\n",
        step.part,
        t(l, "hiệu lực", "effective"),
        step.effective
    )
}

fn lineage_text(r: &LineageReport, l: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {} ({})",
        r.code,
        r.name.as_deref().unwrap_or("?"),
        span(r.valid_from, r.valid_to)
    );
    let _ = writeln!(s, "  {}:", t(l, "Hình thành từ", "Came from"));
    if r.predecessors.is_empty() {
        let _ = writeln!(s, "    —");
    }
    for step in &r.predecessors {
        s.push_str(&step_line(step, "←", l));
    }
    let _ = writeln!(s, "  {}:", t(l, "Trở thành", "Became"));
    if r.successors.is_empty() {
        let _ = writeln!(s, "    —");
    }
    for step in &r.successors {
        s.push_str(&step_line(step, "→", l));
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use crate::{run, Cli};
    use clap::Parser as _;
    use diaban::reorg;
    use std::process::ExitCode;

    /// Runs the command line in this process and returns what it wrote.
    fn run_captured(args: &[&str]) -> (ExitCode, String) {
        let cli = Cli::try_parse_from(std::iter::once("diaban").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{args:?}: {e}"));
        let mut out = Vec::new();
        let code = run(cli, &mut out)
            .unwrap_or_else(|e| panic!("{args:?}: {}", e.render(diaban::Lang::En)));
        (code, String::from_utf8(out).unwrap())
    }

    #[test]
    fn reorganize_writes_its_summary_to_the_writer() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("after.json");
        let (code, text) = run_captured(&[
            "reorganize",
            "--out",
            out.to_str().unwrap(),
            "--today",
            "2026-01-01",
            "--lang",
            "en",
        ]);
        let (after, changes) =
            reorg::apply(&diaban::Dataset::demo(), &reorg::bac_kan_2025()).unwrap();
        for line in [
            format!("Units ended ({}):", changes.units_ended.len()),
            format!("Units started ({}):", changes.units_started.len()),
            format!(
                "Assignments closed (reorganized) ({}):",
                changes.assignments_closed.len()
            ),
            format!("Wrote {}", out.display()),
        ] {
            assert!(
                text.lines().any(|l| l == line),
                "{line:?} not in the output"
            );
        }
        assert!(
            changes.units_ended.len() > 100,
            "the demo's 108 communes end"
        );
        // The file holds the carried-over dataset; the writer got only the summary.
        let written = diaban::Dataset::load(&out).unwrap();
        assert_eq!(written, after);
        assert!(!text.contains("\"units\""));
        let report = diaban::check(
            &after,
            &diaban::Profile::bac_kan_1390(),
            &diaban::CheckOptions {
                today: Some(diaban::date!(2026, 1, 1)),
                ..Default::default()
            },
        );
        let errors = if report.has_errors() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
        assert_eq!(code, errors);
    }

    #[test]
    fn lineage_writes_every_version_to_the_writer() {
        let (code, text) = run_captured(&["lineage", "--code", "01954", "--lang", "en"]);
        assert_eq!(code, ExitCode::SUCCESS);
        let ds = diaban::Dataset::demo();
        let edges = reorg::bac_kan_2025();
        let lineage = diaban::Lineage::with_edges(&ds.units, edges.iter());
        let versions = lineage.versions("01954");
        assert_eq!(text.matches("  Came from:").count(), versions.len());
        let next = lineage.successors("01954", diaban::date!(2024, 10, 1));
        let next = next.first().and_then(|s| s.code.clone()).unwrap();
        assert!(text.contains(&format!("→ {next} ")), "{text}");

        let (code, text) = run_captured(&["lineage", "--code", "99999", "--lang", "en"]);
        assert_eq!(code, ExitCode::from(1));
        assert_eq!(text, "99999 — no unit or reorganisation has this code.\n");
    }
}
