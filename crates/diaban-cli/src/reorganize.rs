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

/// How the label of a built-in event ends (`bac-kan-2025 (built-in)`, as the JSON output
/// gives it).
const BUILT_IN: &str = " (built-in)";

/// The events named by `--events` (a file, else a built-in id); the Bắc Kạn event by default
/// for the demo.
fn events(arg: Option<&str>, demo: bool) -> Result<(Vec<ReorganizationEdge>, String), Fatal> {
    match arg {
        Some(a) => {
            let label = if Path::new(a).exists() {
                a.to_owned()
            } else {
                format!("{a}{BUILT_IN}")
            };
            Ok((diaban::api::events_arg(a)?, label))
        }
        None if demo => Ok((reorg::bac_kan_2025(), format!("bac-kan-2025{BUILT_IN}"))),
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
            let index = diaban::Index::new(&after);
            let events_name = match (l, events_name.strip_suffix(BUILT_IN)) {
                (Lang::Vi, Some(id)) => format!("[{id}], có sẵn trong diaban"),
                _ => events_name,
            };
            emit(
                out,
                &changes_text(
                    &changes,
                    &gaps,
                    &name,
                    &events_name,
                    &args.out,
                    &After {
                        dataset: &after,
                        index: &index,
                        profile: &profile,
                    },
                    l,
                ),
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
                    &index,
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

/// A day as the reader writes it (dd/mm/yyyy in Vietnamese).
fn day(d: chrono::NaiveDate, l: Lang) -> String {
    crate::output::day(d, l)
}

/// A unit's type where its name does not already say it ("Phường Đức Xuân" says it).
fn unit_type_note(unit: &diaban::Unit) -> Option<String> {
    let word = unit.unit_type.as_str();
    (!unit.name.starts_with(word)).then(|| word.to_owned())
}

/// The carried-over dataset, for the names of what changed, and the profile, for the names of
/// the schemes.
struct After<'a> {
    dataset: &'a diaban::Dataset,
    index: &'a diaban::Index<'a>,
    profile: &'a diaban::Profile,
}

/// The text of what `reorganize` changed, in the reader's language: units by name and code,
/// organisations and people by name with their ids in brackets, days as the reader writes them.
fn changes_text(
    changes: &Changes,
    gaps: &[&Finding],
    name: &str,
    events: &str,
    out: &Path,
    after: &After<'_>,
    l: Lang,
) -> String {
    use crate::output::place;
    let (dataset, index, profile) = (after.dataset, after.index, after.profile);
    let mut s = String::new();
    let days: Vec<String> = changes.events.iter().map(|d| day(*d, l)).collect();
    let _ = writeln!(
        s,
        "{}: {}",
        t(l, "Sắp xếp đơn vị hành chính", "Reorganisation"),
        crate::output::dataset_label(name, l)
    );
    let _ = writeln!(
        s,
        "{}: {events}{}",
        t(l, "Sự kiện", "Events"),
        if days.is_empty() {
            String::new()
        } else {
            format!(
                " ({} {})",
                t(l, "hiệu lực từ ngày", "effective"),
                days.join(", ")
            )
        }
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
        let last = u
            .unit
            .valid_to
            .map(|d| format!(" — {} {}", t(l, "ngày cuối", "last day"), day(d, l)))
            .unwrap_or_default();
        let _ = writeln!(s, "  {} {}{last}", u.unit.code, u.unit.name);
    }
    let _ = writeln!(
        s,
        "\n{} ({}):",
        t(l, "Đơn vị mới", "Units started"),
        changes.units_started.len()
    );
    for u in &changes.units_started {
        // Its type where the name does not say it, and the unit it belongs to by name.
        let mut about = unit_type_note(&u.unit)
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        if let Some(p) = u.unit.parent_code.as_deref() {
            let _ = write!(
                about,
                ", {} {}",
                t(l, "thuộc", "in"),
                place(index, p, Some(u.effective))
            );
        }
        let _ = writeln!(
            s,
            "  {} {}{about} — {} {}",
            u.unit.code,
            u.unit.name,
            t(l, "từ ngày", "from"),
            day(u.effective, l)
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
        let last = o
            .organization
            .valid_to
            .map(|d| format!(" — {} {}", t(l, "ngày cuối", "last day"), day(d, l)))
            .unwrap_or_default();
        let _ = writeln!(s, "  {} [{}]{last}", o.organization.name, o.organization.id);
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
            .map(|p| {
                format!(
                    ", {} {}",
                    t(l, "trực thuộc", "under"),
                    place(index, p, Some(o.effective))
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  {} [{}]{parent} — {} {}",
            o.organization.name,
            o.organization.id,
            t(l, "từ ngày", "from"),
            day(o.effective, l)
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
    // One group per scheme, named; in each, who, on which unit, until when, and the units that
    // follow.
    let mut schemes: Vec<&str> = Vec::new();
    for c in &changes.assignments_closed {
        if !schemes.contains(&c.scheme.as_str()) {
            schemes.push(&c.scheme);
        }
    }
    for scheme in schemes {
        let label = crate::output::scheme_label(profile, scheme, l);
        let _ = writeln!(s, "  {label}:");
        for c in changes
            .assignments_closed
            .iter()
            .filter(|c| c.scheme == scheme)
        {
            let next_day = c.valid_to.succ_opt();
            let next = if c.successors.is_empty() {
                t(l, "không có đơn vị kế tiếp", "no successor unit").to_owned()
            } else {
                c.successors
                    .iter()
                    .map(|code| place(index, code, next_day))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let was = c.previous_valid_to.map_or_else(
                || t(l, "chưa có ngày kết thúc", "open").to_owned(),
                |d| format!("{} {}", t(l, "đến ngày", "until"), day(d, l)),
            );
            let _ = writeln!(
                s,
                "    {} [{}]: {} {} ({} {was}) → {next}",
                who_where(index, &c.subject_id, &c.target, c.valid_to, l),
                c.id,
                t(l, "kết thúc ngày", "ends"),
                day(c.valid_to, l),
                t(l, "trước đây", "was"),
            );
        }
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
        let when = match (f.from, f.to, l) {
            (Some(a), Some(b), Lang::Vi) => format!("từ ngày {} đến ngày {}", day(a, l), day(b, l)),
            (Some(a), None, Lang::Vi) => format!("từ ngày {} trở đi", day(a, l)),
            (Some(a), Some(b), Lang::En) => format!("{a} – {b}"),
            (Some(a), None, Lang::En) => format!("{a} – …"),
            (None, _, _) => String::new(),
        };
        let _ = writeln!(s, "  {} {name}: {when}", f.subject.id);
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
            let (kind_text, reason) = left_text(kind, reason, l);
            let more = if ids.len() > 8 {
                format!("; … (+{})", ids.len() - 8)
            } else {
                String::new()
            };
            let shown: Vec<String> = ids
                .iter()
                .take(8)
                .map(|id| left_record(kind, id, dataset, index, l))
                .collect();
            let _ = writeln!(
                s,
                "  {kind_text} ({}): {reason}\n    {}{more}",
                ids.len(),
                shown.join("; ")
            );
        }
    }
    let _ = writeln!(s, "\n{} {}\n", t(l, "Đã ghi", "Wrote"), out.display());
    s
}

/// One record left for a person, as the reader finds it: an organisation by name, an activity
/// by its day, kind and who did it, an evaluation by its year; the id in brackets.
fn left_record(
    kind: &str,
    id: &str,
    ds: &diaban::Dataset,
    index: &diaban::Index<'_>,
    l: Lang,
) -> String {
    match kind {
        "organization" => crate::output::place(index, id, None),
        "activity" => match ds.activities.iter().find(|a| a.id == id) {
            Some(a) => {
                let what = match l {
                    Lang::Vi => diaban::words::label_vi(a.kind).to_owned(),
                    Lang::En => a.kind.as_str().replace('_', " "),
                };
                let who = index
                    .subject_name(&a.subject_id)
                    .map_or_else(|| format!("[{}]", a.subject_id), str::to_owned);
                format!("{} {what}, {who} [{id}]", day(a.date, l))
            }
            None => format!("[{id}]"),
        },
        "evaluation" => match ds.evaluations.iter().find(|e| e.id == id) {
            Some(e) => format!("{} {} [{id}]", t(l, "năm", "year"), e.year),
            None => format!("[{id}]"),
        },
        _ => format!("[{id}]"),
    }
}

/// A left record's kind and reason in the language of the output.
fn left_text<'a>(kind: &'a str, reason: &'a str, l: Lang) -> (&'a str, String) {
    use reorg::reasons;
    let see = diaban::Code::OpenAfterReorganization;
    if l == Lang::En {
        return (kind, reason.to_owned());
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
            "không có đơn vị nào mang mã cũ này còn hiệu lực vào ngày trước sự kiện".to_owned()
        }
        reasons::ACTIVITY_AFTER_END => format!(
            "ghi ngày sau khi đơn vị đã kết thúc (xem nhóm «{}» [{see}] trong các phát hiện)",
            see.title(Lang::Vi)
        ),
        reasons::EVALUATION_AFTER_END => {
            "đánh giá một năm bắt đầu sau khi đơn vị đã kết thúc".to_owned()
        }
        reasons::PARENT_COMMITTEE_ENDED => {
            "cấp ủy cấp trên đã kết thúc cùng đợt sắp xếp; cần gắn vào cấp ủy của đơn vị mới"
                .to_owned()
        }
        other => other.to_owned(),
    };
    (kind, reason)
}

fn successors_text(
    accepted: &[diaban::Assignment],
    proposals: Option<(&Path, &[reorg::SuccessorProposal])>,
    hint: bool,
    index: &diaban::Index<'_>,
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
            let decision = a
                .decision_number
                .as_deref()
                .map(|n| format!(" — {} {n}", t(l, "Quyết định số", "decision")))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "  {} [{}] {} {}{decision}",
                who_where(index, &a.subject_id, &a.target, a.valid_from, l),
                a.id,
                t(l, "từ ngày", "from"),
                day(a.valid_from, l),
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

/// The days a unit version is in force: `(… – 2025-06-30)` in English, `(đến ngày 30/06/2025)`
/// in Vietnamese.
fn span(from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>, l: Lang) -> String {
    match l {
        Lang::En => {
            let from = from.map_or_else(|| "…".to_owned(), |d| d.to_string());
            let to = to.map_or_else(|| "…".to_owned(), |d| d.to_string());
            format!("({from} – {to})")
        }
        Lang::Vi => match (from, to) {
            (Some(a), Some(b)) => format!("(từ ngày {} đến ngày {})", day(a, l), day(b, l)),
            (Some(a), None) => format!("(từ ngày {})", day(a, l)),
            (None, Some(b)) => format!("(đến ngày {})", day(b, l)),
            (None, None) => String::new(),
        },
    }
}

fn step_line(step: &LineageStep, arrow: &str, l: Lang) -> String {
    let indent = "  ".repeat(step.depth + 1);
    let what = match &step.code {
        Some(code) => format!(
            "{code} {} {}",
            step.name.as_deref().unwrap_or("?"),
            span(step.valid_from, step.valid_to, l)
        )
        .trim_end()
        .to_owned(),
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
    let part = match l {
        Lang::Vi => diaban::words::label_vi(step.part),
        Lang::En => step.part.as_str(),
    };
    format!(
        "{indent}{arrow} {what}{via} — {part}, {} {}{basis}\n",
        t(l, "hiệu lực từ ngày", "effective"),
        day(step.effective, l)
    )
}

fn lineage_text(r: &LineageReport, l: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        format!(
            "{} {} {}",
            r.code,
            r.name.as_deref().unwrap_or("?"),
            span(r.valid_from, r.valid_to, l)
        )
        .trim_end()
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

/// "Person, địa bàn Unit (code)": who monitors where, as the summaries of reorganize list it
/// (a subject the dataset does not name by its id in brackets).
fn who_where(
    index: &diaban::Index<'_>,
    subject: &str,
    target: &str,
    day: chrono::NaiveDate,
    l: diaban::Lang,
) -> String {
    format!(
        "{}, {} {}",
        index
            .subject_name(subject)
            .map_or_else(|| format!("[{subject}]"), str::to_owned),
        t(l, "địa bàn", "on"),
        crate::output::place(index, target, Some(day)),
    )
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
