//! `diaban`: check a province's oversight records against a regulation profile.
//!
//! Exit codes: 0 no error findings; 1 error findings; 2 the input could not be loaded or the
//! arguments are wrong.

mod files;
mod help_vi;
mod output;
mod profile_check;
mod reorganize;

use clap::{Args, Parser, Subcommand, ValueEnum};
use diaban::{check, Dataset, Error, Index, Lang, Profile};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Check a province's oversight records (who monitors which commune, for which term) against a regulation.
#[derive(Parser)]
#[command(name = "diaban", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a dataset (a JSON file, an XLSX workbook or a CSV folder; the embedded Bắc Kạn
    /// demo without PATH).
    Check {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        profile: ProfileOpt,
        /// Check the dataset as it stands on this single day (YYYY-MM-DD or DD/MM/YYYY).
        #[arg(long)]
        at: Option<String>,
        /// The day deadlines are judged against (default: the system date).
        #[arg(long)]
        today: Option<String>,
        /// Evaluate the dataset as it was known on this day: decisions signed later are ignored.
        #[arg(long)]
        recorded_on: Option<String>,
        /// Also list, as information, the records the regulation does not cover (outside its
        /// territory or after its end).
        #[arg(long)]
        strict: bool,
    },
    /// The coverage table of a scheme on a day: every unit in scope and who covers it.
    Coverage {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        profile: ProfileOpt,
        /// The day.
        #[arg(long)]
        at: String,
        /// The scheme (default: the profile's first scheme with a coverage rule).
        #[arg(long)]
        scheme: Option<String>,
        /// Write the list to a file instead of printing it: a printable Word document
        /// (`FILE.docx`, in Vietnamese) or an Excel workbook (`FILE.xlsx`, one row per unit and
        /// monitor).
        #[arg(long, value_name = "FILE.docx|FILE.xlsx")]
        out: Option<PathBuf>,
    },
    /// Every assignment ever made on a unit (or organisation), in order.
    History {
        #[command(flatten)]
        common: Common,
        /// A built-in profile id (bac-kan-1390) or a profile JSON file: it names the schemes.
        #[arg(long, default_value = diaban::api::DEFAULT_PROFILE)]
        profile: String,
        /// The unit (or organisation): its code or id, or its name ("Vi Hương").
        #[arg(long)]
        target: String,
    },
    /// The yearly compliance report: duties against requirements, proposals, evaluations,
    /// roll-ups per district and agency, and the rural-development programme's contributions.
    Report {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        profile: ProfileOpt,
        /// The year.
        #[arg(long)]
        year: i32,
        /// The day deadlines are judged against (default: the system date).
        #[arg(long)]
        today: Option<String>,
        /// `csv` writes one row per assignment for spreadsheets (UTF-8 with a byte-order mark,
        /// so that Excel shows Vietnamese correctly).
        #[arg(long = "csv", conflicts_with = "out")]
        csv: bool,
        /// With --csv: no byte-order mark (for programs rather than Excel).
        #[arg(long, requires = "csv")]
        no_bom: bool,
        /// Write the report to a file instead of printing it: a printable Word document
        /// (`FILE.docx`, in Vietnamese) or an Excel workbook (`FILE.xlsx`, a sheet per table).
        #[arg(long, value_name = "FILE.docx|FILE.xlsx")]
        out: Option<PathBuf>,
    },
    /// The working relationships of a person (or, with --body, towards a body or person) on a day.
    Relations {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        profile: ProfileOpt,
        /// The person whose relationships to list: their id or their name.
        #[arg(long, conflicts_with = "body", required_unless_present = "body")]
        person: Option<String>,
        /// List who stands in a relationship with this body (or person) instead.
        #[arg(long)]
        body: Option<String>,
        /// The day.
        #[arg(long)]
        at: String,
    },
    /// Apply reorganisation events (old units and their party committees end the day before, new
    /// units start with a proposed party committee, assignments on ended units end with reason
    /// `reorganized`), write the carried-over dataset and show what changed and the findings after
    /// the change; --proposals writes the old monitors as candidates for the new units, --accept
    /// loads the office's decisions back. Exit 1 when those findings include errors.
    Reorganize(reorganize::ReorganizeArgs),
    /// What a unit came from and what it became, across reorganisations.
    Lineage(reorganize::LineageArgs),
    /// Convert a dataset between JSON, an XLSX workbook and a CSV folder (by the output's name:
    /// `*.json`, `*.xlsx` or a folder).
    Convert {
        /// The input: a JSON file, an XLSX workbook or a CSV folder; the embedded demo when absent.
        path: Option<PathBuf>,
        /// The output: a `.json` file, a `.xlsx` workbook, or a folder for CSV files (UTF-8
        /// with a byte-order mark, so that Excel shows Vietnamese correctly).
        #[arg(long)]
        out: PathBuf,
        /// Allow the output to replace the input.
        #[arg(long)]
        force: bool,
        /// Write CSV files without the byte-order mark (for programs rather than Excel).
        #[arg(long)]
        no_bom: bool,
        /// Language of messages.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
    /// Write an XLSX workbook to start a province's records from: its real administrative units
    /// on the day (from the national lists shipped with diaban) and their party committees, a
    /// sheet with Vietnamese headers for every table, drop-down lists and a "Hướng dẫn" sheet.
    /// Fill it in and run `diaban check FILE.xlsx`.
    Template {
        /// The province's GSO code (two digits, e.g. 06 for Bắc Kạn before 1 July 2025); an
        /// unknown code lists the provinces of the day.
        #[arg(long)]
        province: String,
        /// The day whose units are listed (YYYY-MM-DD or DD/MM/YYYY; default: the system date).
        #[arg(long)]
        at: Option<String>,
        /// The workbook to write (`FILE.xlsx`).
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
        /// Language of messages (the workbook itself is in Vietnamese).
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
    /// Regulation profiles: `profile check FILE` says whether a profile is consistent, what it
    /// regulates and which of its parameters are assumed.
    Profile(ProfileArgs),
    /// Print the JSON Schema of the dataset and profile formats.
    Schema {
        /// Which schema.
        #[arg(value_enum, default_value_t = Which::Both)]
        which: Which,
        /// Language of messages (the schema itself, a document for programs, is in English).
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
}

#[derive(Args)]
struct Common {
    /// A JSON file, an XLSX workbook or a CSV folder; the embedded Bắc Kạn demo when absent.
    path: Option<PathBuf>,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// The `profile` commands; their language and format are given after the command or before it.
#[derive(Args)]
struct ProfileArgs {
    #[command(subcommand)]
    command: ProfileCommand,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi, global = true)]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
    format: Format,
}

#[derive(Subcommand)]
enum ProfileCommand {
    /// Check that a profile (a JSON file, or a built-in id) is consistent: exit 0 with a
    /// summary of the regulation, its schemes and its assumed parameters, or exit 2 with the
    /// error and where it is.
    Check(profile_check::CheckArgs),
}

/// The regulation profile of a command that applies one.
#[derive(Args)]
struct ProfileOpt {
    /// A built-in profile id (bac-kan-1390) or a profile JSON file.
    #[arg(long, default_value = diaban::api::DEFAULT_PROFILE)]
    profile: String,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Which {
    Dataset,
    Profile,
    Both,
}

/// A failure that ends the program with exit code 2, printed in the command's language as
/// `error[code]: message`.
#[derive(Debug)]
pub(crate) enum Fatal {
    /// A failure of the library: its message in either language.
    Core(Error),
    /// The command line's own failure, in both languages.
    Own {
        /// The stable code.
        code: &'static str,
        vi: String,
        en: String,
    },
}

impl Fatal {
    /// The command line's own failure.
    pub(crate) fn own(code: &'static str, vi: impl Into<String>, en: impl Into<String>) -> Fatal {
        Fatal::Own {
            code,
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// A failure that is a bug (a value that does not serialise).
    pub(crate) fn internal(e: impl std::fmt::Display) -> Fatal {
        Fatal::own(
            "internal",
            format!("lỗi nội bộ của diaban, xin báo lại (chi tiết kỹ thuật: {e})"),
            format!("internal error in diaban (please report it): {e}"),
        )
    }

    /// A file or folder that could not be read or written.
    pub(crate) fn io(path: &Path, e: &std::io::Error) -> Fatal {
        Fatal::Core(Error::Io {
            path: path.display().to_string(),
            source: std::io::Error::new(e.kind(), e.to_string()),
        })
    }

    /// The text printed on standard error.
    pub(crate) fn render(&self, lang: Lang) -> String {
        match self {
            Fatal::Core(e) => format!("error[{}]: {}", e.code(), e.message_in(lang)),
            Fatal::Own { code, vi, en } => match lang {
                Lang::Vi => format!("error[{code}]: {vi}"),
                Lang::En => format!("error[{code}]: {en}"),
            },
        }
    }
}

impl From<Error> for Fatal {
    fn from(e: Error) -> Fatal {
        Fatal::Core(e)
    }
}

/// How the embedded demo is named in headings (see `output::dataset_label`).
pub(crate) const DEMO_NAME: &str = "Bắc Kạn demo (embedded)";

fn main() -> ExitCode {
    // The language of help, argument errors and failures (Vietnamese unless `--lang en`),
    // read before clap parses: see `help_vi::lang_of`.
    let lang = help_vi::lang_of(&std::env::args_os().collect::<Vec<_>>());
    let cli = match help_vi::parse::<Cli>() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let result = run(cli, &mut out);
    // A closed pipe (`diaban check | head`) ends the output quietly, as every write does.
    let _ = std::io::Write::flush(&mut out);
    match result {
        Ok(code) => code,
        Err(fatal) => {
            eprintln!("{}", fatal.render(lang));
            ExitCode::from(2)
        }
    }
}

/// An optional date option `--name`, read by the core's argument contract.
fn date_arg(name: &str, value: Option<&str>) -> Result<Option<chrono::NaiveDate>, Fatal> {
    Ok(diaban::api::opt_date_arg(name, value)?)
}

/// The system date: the one place the command line reads a clock.
fn system_today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn load(path: Option<&Path>) -> Result<(Dataset, String), Fatal> {
    match path {
        Some(p) => Ok((
            Dataset::load_with_limits(p, &diaban::Limits::desktop())?,
            p.display().to_string(),
        )),
        None => Ok((Dataset::demo(), DEMO_NAME.to_owned())),
    }
}

fn profile(arg: &str) -> Result<Profile, Fatal> {
    Ok(diaban::api::profile_arg(Some(arg))?)
}

fn lang(l: LangArg) -> Lang {
    match l {
        LangArg::Vi => Lang::Vi,
        LangArg::En => Lang::En,
    }
}

/// The command's output (standard output in the program, a buffer in tests).
pub(crate) type Out<'a> = &'a mut dyn std::io::Write;

/// Writes text to the output; a closed pipe (`diaban check | head`) ends the output quietly
/// instead of panicking.
pub(crate) fn emit(out: Out<'_>, text: &str) {
    let _ = out.write_all(text.as_bytes());
}

/// Writes a JSON value, pretty-printed, to the output.
pub(crate) fn print_json(out: Out<'_>, value: &serde_json::Value) -> Result<(), Fatal> {
    let text = serde_json::to_string_pretty(value).map_err(Fatal::internal)?;
    emit(out, &(text + "\n"));
    Ok(())
}

/// The report of `check` as the document `Report::to_json` builds, but serialised finding by
/// finding: only one finding's JSON value exists at a time, never the whole document.
struct StreamedReport<'a> {
    report: &'a diaban::Report,
    lang: Lang,
}

/// The `findings` array of a [`StreamedReport`].
struct StreamedFindings<'a>(&'a StreamedReport<'a>);

impl serde::Serialize for StreamedFindings<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq as _;
        let findings = &self.0.report.findings;
        let mut seq = s.serialize_seq(Some(findings.len()))?;
        for f in findings {
            seq.serialize_element(&f.to_json(self.0.lang))?;
        }
        seq.end()
    }
}

impl serde::Serialize for StreamedReport<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        // The keys and their order of `Report::to_json`.
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("findings", &StreamedFindings(self))?;
        map.serialize_entry("summary", &self.report.summary)?;
        map.end()
    }
}

/// Writes a check report as pretty-printed JSON followed by a newline, streamed: the same
/// bytes as `serde_json::to_string_pretty(&report.to_json(lang))` and `"\n"`.
fn write_report_json(
    out: &mut (impl std::io::Write + ?Sized),
    report: &diaban::Report,
    lang: Lang,
) -> serde_json::Result<()> {
    use serde::Serialize as _;
    let mut ser = serde_json::Serializer::pretty(&mut *out);
    StreamedReport { report, lang }.serialize(&mut ser)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

/// Writes a check report as JSON to the output, finding by finding (see
/// [`write_report_json`]). A closed pipe ends the output quietly, as in [`emit`].
pub(crate) fn print_report_json(
    out: Out<'_>,
    report: &diaban::Report,
    lang: Lang,
) -> Result<(), Fatal> {
    match write_report_json(out, report, lang) {
        Err(e) if !e.is_io() => Err(Fatal::internal(e)),
        _ => Ok(()),
    }
}

/// Runs a command, writing what it shows to `out` (files it writes go where it is told).
fn run(cli: Cli, out: Out<'_>) -> Result<ExitCode, Fatal> {
    match cli.command {
        Command::Check {
            common,
            profile: profile_opt,
            at,
            today,
            recorded_on,
            strict,
        } => {
            let args = diaban::api::CheckArgs {
                at: at.as_deref(),
                today: today.as_deref(),
                recorded_on: recorded_on.as_deref(),
                strict,
            };
            let options = diaban::api::check_options(&args, system_today())?;
            let profile = profile(&profile_opt.profile)?;
            let (dataset, name) = load(common.path.as_deref())?;
            let report = check(&dataset, &profile, &options);
            let l = lang(common.lang);
            match common.format {
                Format::Json => print_report_json(out, &report, l)?,
                Format::Text => emit(
                    out,
                    &output::check_text(&report, &profile, &name, &options, l),
                ),
            }
            Ok(if report.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Coverage {
            common,
            profile: profile_opt,
            at,
            scheme,
            out: docx_out,
        } => {
            let day = diaban::api::date_arg("at", &at)?;
            let profile = profile(&profile_opt.profile)?;
            let docx_out = docx_out.map(document_path).transpose()?;
            if let Some((file, _)) = &docx_out {
                files::refuse_inputs("--out", file, common.path.as_deref().as_slice(), false)?;
            }
            let (dataset, name) = load(common.path.as_deref())?;
            let index = Index::new(&dataset);
            let coverage = index.coverage(&profile, scheme.as_deref(), day)?;
            if let Some((file, kind)) = docx_out {
                let bytes = match kind {
                    Document::Word => {
                        let head = diaban::docx::Letterhead::organisation_board(&profile);
                        diaban::docx::coverage(&profile, &coverage, &head)?
                    }
                    Document::Workbook => {
                        diaban::report::Table::workbook(&[("coverage", &coverage.table())])?
                    }
                };
                write_document(&file, &bytes, lang(common.lang))?;
            } else {
                match common.format {
                    Format::Json => print_json(
                        out,
                        &serde_json::to_value(&coverage).map_err(Fatal::internal)?,
                    )?,
                    Format::Text => emit(
                        out,
                        &output::coverage_text(&coverage, &profile, &name, lang(common.lang)),
                    ),
                }
            }
            Ok(if coverage.uncovered > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::History {
            common,
            profile: profile_arg,
            target,
        } => {
            let profile = profile(&profile_arg)?;
            let (dataset, _) = load(common.path.as_deref())?;
            let index = Index::new(&dataset);
            // An id or a name ("Vi Hương", "xã vi hương"); unknown or ambiguous: exit 2.
            let target = index.find_target(&target)?;
            let history = index.history(&target);
            match common.format {
                Format::Json => print_json(
                    out,
                    &serde_json::to_value(&history).map_err(Fatal::internal)?,
                )?,
                Format::Text => emit(
                    out,
                    &output::history_text(&target, &index, &profile, &history, lang(common.lang)),
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Report {
            common,
            profile: profile_opt,
            year,
            today,
            csv,
            no_bom,
            out: docx_out,
        } => {
            let today = Some(diaban::api::report_today(today.as_deref(), system_today())?);
            let profile = profile(&profile_opt.profile)?;
            let docx_out = docx_out.map(document_path).transpose()?;
            if let Some((file, _)) = &docx_out {
                files::refuse_inputs("--out", file, common.path.as_deref().as_slice(), false)?;
            }
            let (dataset, name) = load(common.path.as_deref())?;
            let index = Index::new(&dataset);
            let report = index.year_report(&profile, year, today)?;
            if let Some((file, kind)) = docx_out {
                let bytes = match kind {
                    Document::Word => {
                        let head = diaban::docx::Letterhead::organisation_board(&profile);
                        diaban::docx::year_report(&index, &profile, &report, &head)?
                    }
                    Document::Workbook => {
                        let duties: Vec<&str> = profile
                            .schemes
                            .iter()
                            .flat_map(|s| s.duties.iter().map(|d| d.id.as_str()))
                            .collect();
                        report.to_xlsx_bytes(&duties)?
                    }
                };
                write_document(&file, &bytes, lang(common.lang))?;
            } else if csv {
                let text = output::report_csv(&report, &profile).map_err(Fatal::internal)?;
                // A byte-order mark: Excel reads a CSV without one in the Windows code page.
                let bom = if no_bom { "" } else { "\u{feff}" };
                emit(out, &format!("{bom}{text}"));
            } else {
                match common.format {
                    Format::Json => print_json(
                        out,
                        &serde_json::to_value(&report).map_err(Fatal::internal)?,
                    )?,
                    Format::Text => emit(
                        out,
                        &output::report_text(&report, &profile, &name, &index, lang(common.lang)),
                    ),
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Relations {
            common,
            profile: profile_opt,
            person,
            body,
            at,
        } => {
            let day = diaban::api::date_arg("at", &at)?;
            let profile = profile(&profile_opt.profile)?;
            let (dataset, _) = load(common.path.as_deref())?;
            let index = Index::new(&dataset);
            let (who, relations) = match (&person, &body) {
                (Some(p), _) => {
                    // An id or a name ("Hà Sỹ Thắng", "hà sĩ thắng"); unknown or ambiguous: exit 2.
                    let p = index.find_person(p)?;
                    let relations = index.relations(&profile, &p, day);
                    (p, relations)
                }
                (None, Some(b)) => (b.clone(), index.relations_towards(&profile, b, day)),
                (None, None) => {
                    return Err(Fatal::own(
                        "invalid_argument",
                        "hãy nêu --person (cán bộ) hoặc --body (cơ quan)",
                        "give --person or --body",
                    ))
                }
            };
            match common.format {
                Format::Json => print_json(
                    out,
                    &serde_json::to_value(&relations).map_err(Fatal::internal)?,
                )?,
                Format::Text => emit(
                    out,
                    &output::relations_text(
                        &who,
                        body.is_some(),
                        day,
                        &relations,
                        &index,
                        lang(common.lang),
                    ),
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Reorganize(args) => reorganize::run_reorganize(args, out),
        Command::Lineage(args) => reorganize::run_lineage(args, out),
        Command::Convert {
            path,
            out,
            force,
            no_bom,
            lang: l,
        } => {
            convert(path.as_deref(), &out, force, !no_bom, lang(l))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Template {
            province,
            at,
            out,
            lang: l,
        } => {
            let day = date_arg("at", at.as_deref())?.unwrap_or_else(system_today);
            if !out
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
            {
                return Err(Fatal::own(
                    "invalid_argument",
                    format!(
                        "--out {}: mẫu nhập liệu là một sổ tính Excel; hãy đặt tên `….xlsx`",
                        out.display()
                    ),
                    format!(
                        "--out {}: the template is an Excel workbook; name it `….xlsx`",
                        out.display()
                    ),
                ));
            }
            write_document(&out, &diaban::template::workbook(&province, day)?, lang(l))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Profile(ProfileArgs {
            command: ProfileCommand::Check(args),
            lang: l,
            format,
        }) => profile_check::run(&args, l, format, out),
        // `--lang` only sets the language of a failure: the schema is for programs.
        Command::Schema { which, lang: _ } => {
            let value = match which {
                Which::Dataset => diaban::schema::dataset(),
                Which::Profile => diaban::schema::profile(),
                Which::Both => {
                    serde_json::json!({"dataset": diaban::schema::dataset(), "profile": diaban::schema::profile()})
                }
            };
            print_json(out, &value)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What the `--out` of `report` and `coverage` writes, by the file's extension.
#[derive(Clone, Copy)]
enum Document {
    /// `.docx`: a printable Word document.
    Word,
    /// `.xlsx`: an Excel workbook of the tables.
    Workbook,
}

/// The `--out` of a report or a list: a `.docx` or a `.xlsx` file.
fn document_path(path: PathBuf) -> Result<(PathBuf, Document), Fatal> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("docx") => Ok((path, Document::Word)),
        Some("xlsx") => Ok((path, Document::Workbook)),
        _ => Err(Fatal::own(
            "invalid_argument",
            format!(
                "--out {}: hãy đặt tên `….docx` (văn bản Word để in) hoặc `….xlsx` (sổ tính Excel)",
                path.display()
            ),
            format!(
                "--out {}: name it `….docx` (a printable Word document) or `….xlsx` (an Excel workbook)",
                path.display()
            ),
        )),
    }
}

/// Says on standard error that a file was written, in the reader's language.
fn wrote(out: &Path, lang: Lang) {
    match lang {
        Lang::Vi => eprintln!("đã ghi {}", out.display()),
        Lang::En => eprintln!("wrote {}", out.display()),
    }
}

/// Writes a printable document's bytes (one call, atomically) and says so on standard error.
fn write_document(out: &Path, bytes: &[u8], lang: Lang) -> Result<(), Fatal> {
    files::write_atomic(out, bytes)?;
    wrote(out, lang);
    Ok(())
}

fn convert(
    path: Option<&Path>,
    out: &Path,
    force: bool,
    bom: bool,
    lang: Lang,
) -> Result<(), Fatal> {
    files::refuse_inputs("--out", out, path.as_slice(), force)?;
    let (dataset, _) = load(path)?;
    write_dataset_with(&dataset, out, bom)?;
    wrote(out, lang);
    Ok(())
}

/// Writes a dataset to a `.json` file or a CSV folder, each file atomically; CSV files start
/// with a byte-order mark (they are for people, who open them in Excel).
pub(crate) fn write_dataset(dataset: &Dataset, out: &Path) -> Result<(), Fatal> {
    write_dataset_with(dataset, out, true)
}

/// Writes a dataset to a `.json` file or a CSV folder, each file atomically, CSV files with
/// or without a byte-order mark; in a folder, every file is staged before any is renamed into
/// place, and the known CSV files the dataset no longer has are removed so that they are not
/// read back.
fn write_dataset_with(dataset: &Dataset, out: &Path, bom: bool) -> Result<(), Fatal> {
    if out.extension().is_some_and(|e| e == "json") {
        return files::write_atomic(out, dataset.to_json_string()? + "\n");
    }
    if out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        return files::write_atomic(out, dataset.to_xlsx_bytes()?);
    }
    let texts = diaban::io::csv::write_texts_with(dataset, b',', bom)?;
    std::fs::create_dir_all(out).map_err(|e| Fatal::io(out, &e))?;
    let mut staged = files::Staged::default();
    for (name, text) in &texts {
        staged.add(&out.join(name), text.as_bytes())?;
    }
    staged.commit()?;
    let written: std::collections::HashSet<&str> = texts.iter().map(|(n, _)| *n).collect();
    for name in diaban::io::csv::FILES
        .iter()
        .filter(|n| !written.contains(**n))
    {
        let stale = out.join(name);
        if stale.is_file() {
            std::fs::remove_file(&stale).map_err(|e| Fatal::io(&stale, &e))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `check --format json` printed before it streamed: the whole document, then a newline.
    fn whole_document(report: &diaban::Report, lang: Lang) -> Vec<u8> {
        let mut text = serde_json::to_string_pretty(&report.to_json(lang)).unwrap();
        text.push('\n');
        text.into_bytes()
    }

    fn streamed(report: &diaban::Report, lang: Lang) -> Vec<u8> {
        let mut out = Vec::new();
        write_report_json(&mut out, report, lang).unwrap();
        out
    }

    #[test]
    fn streamed_json_is_the_whole_document_byte_for_byte() {
        let dataset = Dataset::demo();
        let profile = Profile::bac_kan_1390();
        for options in [
            diaban::CheckOptions {
                today: Some(diaban::date!(2026, 1, 1)),
                ..Default::default()
            },
            diaban::CheckOptions {
                at: Some(diaban::date!(2024, 10, 1)),
                ..Default::default()
            },
        ] {
            let report = check(&dataset, &profile, &options);
            assert!(
                !report.findings.is_empty(),
                "the demo has findings to stream"
            );
            for lang in [Lang::Vi, Lang::En] {
                assert_eq!(streamed(&report, lang), whole_document(&report, lang));
            }
        }
    }

    #[test]
    fn streamed_json_of_an_empty_report_is_the_whole_document() {
        let report = diaban::Report::default();
        assert_eq!(
            streamed(&report, Lang::Vi),
            whole_document(&report, Lang::Vi)
        );
    }
}
