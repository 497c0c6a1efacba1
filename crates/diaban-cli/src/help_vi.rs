//! The command line's own words in the reader's language: `--help`, the usage line and clap's
//! argument errors in Vietnamese (the default), English with `--lang en`.
//!
//! The derive in `main.rs` stays the single definition of the arguments (and of their English
//! help, from the doc comments). For Vietnamese, [`command`] takes that definition and replaces
//! every text a reader sees: the about line of the program and of each subcommand, each
//! argument's help (from one table, [`ARGS`], keyed by subcommand and argument id), the value
//! names, the headings ("Cách dùng", "Lệnh", "Tham số", "Tùy chọn"), the help and version flags'
//! own lines and the `help` subcommand. Clap's argument errors are rewritten from their kind and
//! context by [`message_vi`].
//!
//! The language is picked by a pre-scan of the raw arguments ([`lang_of`]), before clap parses:
//! clap prints `--help` and reports a bad argument *while* parsing, before any value of `--lang`
//! exists (and after an error there are no parsed values at all), and `--lang` belongs to the
//! subcommands, so `diaban --help` has none to read. The pre-scan only chooses the words; clap
//! still parses and validates `--lang` itself.

use clap::builder::PossibleValue;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use diaban::Lang;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::process::ExitCode;

/// The heading of positional arguments.
const ARGUMENTS: &str = "Tham số";
/// The heading of options.
const OPTIONS: &str = "Tùy chọn";
/// The heading of subcommands.
const COMMANDS: &str = "Lệnh";
/// The heading of the usage line.
const USAGE: &str = "Cách dùng:";
/// What stands for "some options" in a usage line (clap writes `[OPTIONS]`).
const OPTIONS_TAG: &str = "[TÙY_CHỌN]";
/// What stands for the subcommand in a usage line (clap writes `<COMMAND>`).
const COMMAND_TAG: &str = "LỆNH";

/// The about line of the program (key `diaban`) and of each subcommand, by name (a nested
/// subcommand by its path: `profile check`).
pub(crate) const ABOUT: &[(&str, &str)] = &[
    (
        "diaban",
        "Kiểm tra dữ liệu phân công cán bộ theo dõi địa bàn của một tỉnh (ai theo dõi đơn vị \
         hành chính cấp xã nào, trong thời gian nào) theo một quy định",
    ),
    (
        "check",
        "Kiểm tra bộ dữ liệu theo hồ sơ quy định (tệp JSON, tệp Excel .xlsx hoặc thư mục CSV; \
         không nêu DỮ_LIỆU thì dùng bộ dữ liệu mẫu Bắc Kạn có sẵn)",
    ),
    (
        "coverage",
        "Bảng phân công theo dõi địa bàn tại một ngày theo một hình thức phân công: từng đơn vị \
         thuộc phạm vi và cán bộ theo dõi đơn vị đó",
    ),
    (
        "history",
        "Mọi lần phân công theo dõi một đơn vị (hoặc một cơ quan, tổ chức), theo thứ tự thời gian",
    ),
    (
        "report",
        "Báo cáo năm: việc thực hiện nhiệm vụ so với yêu cầu, các đề xuất, các bản đánh giá, \
         tổng hợp theo huyện và theo cơ quan, và phần đóng góp cho Chương trình xây dựng nông \
         thôn mới",
    ),
    (
        "relations",
        "Các mối quan hệ công tác của một cán bộ tại một ngày (hoặc, với --body, những ai có \
         quan hệ công tác với một cơ quan hay một cán bộ)",
    ),
    (
        "reorganize",
        "Áp dụng các sự kiện sắp xếp đơn vị hành chính: đơn vị cũ và đảng ủy của đơn vị đó kết \
         thúc vào ngày hôm trước, đơn vị mới bắt đầu với một đảng ủy dự kiến, các phân công \
         theo dõi đơn vị đã kết thúc thì kết thúc với lý do sắp xếp (`reorganized`). Ghi bộ dữ \
         liệu sau sắp xếp, cho biết những gì thay đổi và các phát hiện sau thay đổi; --proposals \
         ghi các cán bộ theo dõi cũ làm người được đề xuất cho đơn vị mới, --accept nạp lại \
         quyết định của cơ quan. Mã thoát là 1 khi các phát hiện đó có lỗi",
    ),
    (
        "lineage",
        "Một đơn vị hành chính được hình thành từ những đơn vị nào và đã trở thành đơn vị nào \
         qua các lần sắp xếp",
    ),
    (
        "convert",
        "Chuyển bộ dữ liệu giữa các dạng JSON, tệp Excel (.xlsx) và thư mục CSV (theo tên của \
         đầu ra: `*.json`, `*.xlsx` hoặc một thư mục)",
    ),
    (
        "profile",
        "Hồ sơ quy định: `profile check HỒ_SƠ` cho biết một hồ sơ quy định có nhất quán không, \
         quy định điều chỉnh những gì và những tham số nào là giả định",
    ),
    (
        "profile check",
        "Kiểm tra một hồ sơ quy định (tệp JSON hoặc mã của một hồ sơ có sẵn) có nhất quán \
         không: mã thoát 0 kèm tóm tắt quy định, các hình thức phân công và các tham số giả \
         định; mã thoát 2 kèm lỗi và vị trí của lỗi",
    ),
    (
        "schema",
        "In lược đồ JSON (JSON Schema) của dạng bộ dữ liệu và dạng hồ sơ quy định",
    ),
    // The `template` subcommand, wired on another branch; here so that it speaks Vietnamese
    // when it lands.
    (
        "template",
        "Tạo tệp Excel mẫu cho một tỉnh: các đơn vị hành chính của tỉnh tại một ngày, các \
         trang tính cần điền và trang Hướng dẫn",
    ),
];

// The help texts several subcommands share.
/// A dataset: a JSON file, an XLSX workbook or a CSV folder.
const DATASET: &str = "Tệp JSON, tệp Excel (.xlsx) hoặc thư mục CSV chứa bộ dữ liệu; bỏ trống để dùng bộ dữ liệu mẫu Bắc Kạn có sẵn";
/// A dataset: a JSON file or a CSV folder, `-` for the demo.
const DATASET_JSON_CSV: &str = "Bộ dữ liệu: tệp JSON hoặc thư mục CSV; `-` hoặc bỏ trống để dùng bộ dữ liệu mẫu Bắc Kạn có sẵn";
/// The language of messages.
const LANG: &str = "Ngôn ngữ của thông báo: `vi` là tiếng Việt, `en` là tiếng Anh";
/// The output format.
const FORMAT: &str = "Dạng kết quả: `text` là văn bản để đọc, `json` dành cho phần mềm khác";
/// The regulation profile: a built-in id or a JSON file.
const PROFILE: &str = "Hồ sơ quy định: mã của một hồ sơ có sẵn (`bac-kan-1390`) hoặc một tệp JSON";
/// The day deadlines are judged against.
const TODAY: &str =
    "Ngày xét hạn: xét các thời hạn tính đến ngày này (mặc định: ngày hôm nay theo máy tính)";
/// The day of a command that looks at one day.
const DAY: &str = "Ngày xem xét (dạng 01/10/2024 hoặc 2024-10-01)";
/// Allow the output to replace the input.
const FORCE: &str = "Cho phép đầu ra thay thế đầu vào";

/// The help of every argument, by (subcommand name, argument id); a nested subcommand is named
/// by its path (`profile check`). Defaults and accepted values
/// are added from the definition itself ("[mặc định: …]", "[giá trị: …]").
pub(crate) const ARGS: &[(&str, &str, &str)] = &[
    // check
    ("check", "path", DATASET),
    ("check", "lang", LANG),
    ("check", "format", FORMAT),
    ("check", "profile", PROFILE),
    ("check", "at", "Ngày xem xét: chỉ xét bộ dữ liệu tại đúng ngày này (dạng 01/10/2024 hoặc 2024-10-01)"),
    ("check", "today", TODAY),
    ("check", "recorded_on", "Ngày ghi nhận: xét bộ dữ liệu như đã biết vào ngày này, bỏ qua các quyết định ký sau ngày đó"),
    ("check", "strict", "Liệt kê thêm, dưới dạng thông tin, các bản ghi mà quy định không điều chỉnh (ngoài địa bàn áp dụng hoặc sau khi quy định hết hiệu lực)"),
    // coverage
    ("coverage", "path", DATASET),
    ("coverage", "lang", LANG),
    ("coverage", "format", FORMAT),
    ("coverage", "profile", PROFILE),
    ("coverage", "at", DAY),
    ("coverage", "scheme", "Hình thức phân công (mặc định: hình thức đầu tiên của hồ sơ quy định có quy tắc về phủ kín địa bàn)"),
    ("coverage", "out", "Ghi danh sách ra tệp thay vì in ra màn hình: văn bản Word để in (`….docx`) hoặc sổ tính Excel (`….xlsx`, mỗi đơn vị và người theo dõi một hàng)"),
    // history
    ("history", "path", DATASET),
    ("history", "lang", LANG),
    ("history", "format", FORMAT),
    ("history", "profile", "Hồ sơ quy định dùng để gọi tên các hình thức phân công: mã của một hồ sơ có sẵn (`bac-kan-1390`) hoặc một tệp JSON"),
    ("history", "target", "Đơn vị hành chính (hoặc cơ quan, tổ chức) cần xem: mã, hoặc tên (\"Vi Hương\")"),
    // report
    ("report", "path", DATASET),
    ("report", "lang", LANG),
    ("report", "format", FORMAT),
    ("report", "profile", PROFILE),
    ("report", "year", "Năm báo cáo"),
    ("report", "today", TODAY),
    ("report", "csv", "Ghi dạng CSV, mỗi phân công một dòng, để mở bằng bảng tính (UTF-8 có BOM để Excel hiển thị đúng tiếng Việt)"),
    ("report", "no_bom", "Cùng --csv: không ghi BOM (dành cho chương trình máy tính, không phải Excel)"),
    ("report", "out", "Ghi báo cáo ra tệp thay vì in ra màn hình: văn bản Word để in (`….docx`) hoặc sổ tính Excel (`….xlsx`, mỗi bảng một trang tính)"),
    // relations
    ("relations", "path", DATASET),
    ("relations", "lang", LANG),
    ("relations", "format", FORMAT),
    ("relations", "profile", PROFILE),
    ("relations", "person", "Cán bộ cần xem các mối quan hệ công tác"),
    ("relations", "body", "Thay vào đó, liệt kê những ai có quan hệ công tác với cơ quan (hoặc cán bộ) này"),
    ("relations", "at", DAY),
    // reorganize
    ("reorganize", "path", DATASET_JSON_CSV),
    ("reorganize", "events", "Các sự kiện sắp xếp: tệp reorganizations.csv, một danh sách JSON các quan hệ kế thừa, hoặc một sự kiện có sẵn (`bac-kan-2025`, mặc định cho bộ dữ liệu mẫu)"),
    ("reorganize", "out", "Nơi ghi bộ dữ liệu sau sắp xếp: một tệp `.json` hoặc một thư mục cho các tệp CSV"),
    ("reorganize", "force", FORCE),
    ("reorganize", "proposals", "Ghi thêm các đề xuất kế nhiệm (với mỗi đơn vị mới, các cán bộ theo dõi của các đơn vị tiền thân là người được đề xuất) ra tệp này: JSON nếu tên tệp kết thúc bằng `.json`, nếu không thì CSV (UTF-8 có BOM, để mở bằng Excel). Giữ mỗi đơn vị mới một dòng, điền quyết định, rồi nạp lại bằng --accept"),
    ("reorganize", "accept", "Tạo các phân công kế nhiệm theo tệp đề xuất đã điền (CSV hoặc JSON), từ ngày bắt đầu ghi trong tệp, trong bộ dữ liệu sau sắp xếp"),
    ("reorganize", "profile", "Hồ sơ quy định dùng cho các phát hiện sau thay đổi: mã của một hồ sơ có sẵn (`bac-kan-1390`) hoặc một tệp JSON"),
    ("reorganize", "today", TODAY),
    ("reorganize", "lang", LANG),
    ("reorganize", "format", FORMAT),
    // lineage
    ("lineage", "path", DATASET_JSON_CSV),
    ("lineage", "code", "Mã đơn vị hành chính"),
    ("lineage", "at", "Ngày dùng để chọn phiên bản của mã (mặc định: mọi phiên bản)"),
    ("lineage", "events", "Thêm các quan hệ kế thừa ngoài các quan hệ có trong bộ dữ liệu: tệp reorganizations.csv, một danh sách JSON, hoặc một sự kiện có sẵn (`bac-kan-2025`, mặc định cho bộ dữ liệu mẫu)"),
    ("lineage", "lang", LANG),
    ("lineage", "format", FORMAT),
    // convert
    ("convert", "path", "Đầu vào: tệp JSON, tệp Excel (.xlsx) hoặc thư mục CSV; bỏ trống để dùng bộ dữ liệu mẫu Bắc Kạn có sẵn"),
    ("convert", "out", "Đầu ra: một tệp `.json`, một tệp Excel `.xlsx`, hoặc một thư mục cho các tệp CSV (UTF-8 có BOM, để Excel hiển thị đúng tiếng Việt)"),
    ("convert", "force", FORCE),
    ("convert", "no_bom", "Ghi các tệp CSV không có BOM (cho phần mềm khác, không phải cho Excel)"),
    ("convert", "lang", LANG),
    // profile (`--lang` and `--format` are given to the group and hold for its commands)
    ("profile", "lang", LANG),
    ("profile", "format", FORMAT),
    ("profile check", "file", "Hồ sơ quy định cần kiểm tra: một tệp JSON hoặc mã của một hồ sơ có sẵn (`bac-kan-1390`)"),
    // schema
    ("schema", "which", "Lược đồ cần in: `dataset` là bộ dữ liệu, `profile` là hồ sơ quy định, `both` là cả hai"),
    ("schema", "lang", "Ngôn ngữ của thông báo lỗi: `vi` là tiếng Việt, `en` là tiếng Anh (lược đồ là tài liệu cho phần mềm, viết bằng tiếng Anh)"),
    // template (wired on another branch; see ABOUT)
    ("template", "province", "Mã tỉnh theo Danh mục đơn vị hành chính Việt Nam"),
    ("template", "at", "Ngày lấy danh sách đơn vị hành chính (dạng 01/10/2024 hoặc 2024-10-01)"),
    ("template", "out", "Tệp Excel (.xlsx) cần ghi"),
    ("template", "lang", "Ngôn ngữ của thông báo: `vi` là tiếng Việt, `en` là tiếng Anh (tệp mẫu luôn bằng tiếng Việt)"),
];

/// The value name shown after an option (`--at <NGÀY>`), by argument id; the English name
/// stays where an id is not listed.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("path", "DỮ_LIỆU"),
    ("at", "NGÀY"),
    ("today", "NGÀY"),
    ("recorded_on", "NGÀY"),
    ("profile", "HỒ_SƠ"),
    ("scheme", "HÌNH_THỨC"),
    ("target", "MÃ"),
    ("code", "MÃ"),
    ("year", "NĂM"),
    ("person", "CÁN_BỘ"),
    ("body", "CƠ_QUAN"),
    ("events", "SỰ_KIỆN"),
    ("out", "ĐƯỜNG_DẪN"),
    ("proposals", "TỆP"),
    ("accept", "TỆP"),
    ("lang", "NGÔN_NGỮ"),
    ("format", "DẠNG"),
    ("file", "HỒ_SƠ"),
    ("which", "LOẠI"),
    ("province", "MÃ_TỈNH"),
];

/// The help flag's line.
const HELP_FLAG: &str = "In hướng dẫn";
/// The version flag's line.
const VERSION_FLAG: &str = "In phiên bản";
/// The `help` subcommand's line.
const HELP_COMMAND: &str = "In hướng dẫn này, hoặc hướng dẫn của lệnh đã nêu";

/// The Vietnamese help of an argument, if the table has one.
pub(crate) fn arg_help(subcommand: &str, id: &str) -> Option<&'static str> {
    ARGS.iter()
        .find(|(s, i, _)| *s == subcommand && *i == id)
        .map(|(_, _, h)| *h)
}

/// The Vietnamese about line of the program or a subcommand, if the table has one.
pub(crate) fn about(name: &str) -> Option<&'static str> {
    ABOUT.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
}

/// The language of the command line's own words, from the raw arguments: English when they
/// contain `--lang en` or `--lang=en` (the last `--lang` wins), Vietnamese otherwise. Nothing
/// after `--` is an option.
pub(crate) fn lang_of(args: &[OsString]) -> Lang {
    let mut lang = Lang::Vi;
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        let value = if arg == "--lang" {
            rest.next().and_then(|v| v.to_str())
        } else {
            arg.strip_prefix("--lang=")
        };
        if let Some(value) = value {
            lang = if value == "en" { Lang::En } else { Lang::Vi };
        }
    }
    lang
}

/// The command of `T` with its words in `lang`: the derive's own for English, translated for
/// Vietnamese.
pub(crate) fn command<T: CommandFactory>(lang: Lang) -> Command {
    let cmd = T::command();
    match lang {
        Lang::En => cmd,
        Lang::Vi => vietnamese(cmd),
    }
}

/// Parses the process's arguments into `T`, printing help, the version or an argument error
/// in the language the arguments ask for. `Err` carries the exit code: 0 after help or the
/// version, 2 after an argument error (as clap's own `parse`).
pub(crate) fn parse<T: CommandFactory + FromArgMatches>() -> Result<T, ExitCode> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = lang_of(&args);
    let mut cmd = command::<T>(lang);
    let parsed = cmd
        .try_get_matches_from_mut(&args)
        .and_then(|matches| T::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd)));
    parsed.map_err(|e| report(&e, lang, &command_path(&cmd, &args)))
}

/// The program and the subcommand the arguments name (`diaban check`, `diaban profile check`),
/// or the program alone: what to run with `--help`. Before a subcommand only flags can come, so
/// the first word that is not an option is the subcommand, if it is one, and the word after
/// it a nested one, if that is one.
fn command_path(cmd: &Command, args: &[OsString]) -> String {
    let mut path = cmd.get_name().to_owned();
    let mut current = cmd;
    for word in args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .filter(|a| !a.starts_with('-'))
    {
        match current
            .find_subcommand(word)
            .filter(|sub| sub.get_name() != "help")
        {
            Some(sub) => {
                path = format!("{path} {}", sub.get_name());
                current = sub;
            }
            None => break,
        }
    }
    path
}

/// Prints a parse outcome that ends the program and gives its exit code.
fn report(e: &clap::Error, lang: Lang, command: &str) -> ExitCode {
    let shown_as_is = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shown_as_is || lang == Lang::En {
        // Help and the version are already in `lang` (the command was translated).
        let _ = e.print();
    } else {
        eprint!("{}", message_vi(e, command));
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// The program's command translated into Vietnamese (see the module's documentation).
fn vietnamese(cmd: Command) -> Command {
    let mut cmd = translate(cmd);
    // Building adds the `help` subcommand; its line, and the usage lines (which clap renders
    // with `[OPTIONS]`), can only be set afterwards.
    cmd.build();
    finish(cmd)
}

/// Translates one command and its subcommands, before clap builds them.
fn translate(cmd: Command) -> Command {
    let name = cmd.get_name().to_owned();
    translate_at(cmd, name, true)
}

/// Translates one command whose tables' key is `name` (its path below the program:
/// `check`, `profile check`; the program's own is `diaban`), and its subcommands.
fn translate_at(cmd: Command, name: String, program: bool) -> Command {
    let usage = *cmd.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{USAGE}{usage:#} {{usage}}\n\n{{all-args}}{{after-help}}"
    );
    let has_version = cmd.get_version().is_some();
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(COMMANDS)
        .subcommand_value_name(COMMAND_TAG)
        .mut_args(|arg| translate_arg(&name, arg))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(HELP_FLAG)
                .help_heading(OPTIONS),
        );
    if let Some(text) = about(&name) {
        cmd = cmd.about(text).long_about(None);
    }
    if has_version {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(VERSION_FLAG)
                .help_heading(OPTIONS),
        );
    }
    cmd.mut_subcommands(|sub| {
        let key = if program {
            sub.get_name().to_owned()
        } else {
            format!("{name} {}", sub.get_name())
        };
        translate_at(sub, key, false)
    })
}

/// Translates one argument of `subcommand`: its help (with its default and accepted values
/// written in Vietnamese), its value name and its heading.
fn translate_arg(subcommand: &str, arg: Arg) -> Arg {
    let heading = if arg.is_positional() {
        ARGUMENTS
    } else {
        OPTIONS
    };
    let id = arg.get_id().as_str().to_owned();
    let mut arg = arg.help_heading(heading);
    let Some(help) = arg_help(subcommand, &id) else {
        // Left in English; the table's test names it.
        return arg;
    };
    let mut text = help.to_owned();
    if arg.get_action().takes_values() {
        if let Some((_, name)) = VALUE_NAMES.iter().find(|(i, _)| *i == id) {
            arg = arg.value_name(*name);
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && !arg.is_hide_default_value_set() {
            let _ = write!(text, " [mặc định: {}]", defaults.join(", "));
            arg = arg.hide_default_value(true);
        }
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(PossibleValue::get_name)
            .map(str::to_owned)
            .collect();
        if !values.is_empty() && !arg.is_hide_possible_values_set() {
            let _ = write!(text, " [giá trị: {}]", values.join(", "));
            arg = arg.hide_possible_values(true);
        }
    }
    arg.help(text).long_help(None)
}

/// After the build: the `help` subcommand's line and the usage lines, everywhere.
fn finish(mut cmd: Command) -> Command {
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .strip_prefix("Usage:")
        .unwrap_or(&usage)
        .trim()
        .replace("[OPTIONS]", OPTIONS_TAG);
    cmd = cmd.override_usage(usage);
    if cmd.get_name() == "help" {
        return cmd.about(HELP_COMMAND).mut_subcommands(finish);
    }
    cmd.mut_subcommands(finish)
}

/// The Vietnamese message of an argument error, from its kind and context: what is wrong,
/// then the usage line and where to find help (`command`: the program and subcommand the
/// arguments name, as [`command_path`] finds them). Stable prefix `error[invalid_argument]:` as the
/// command line's other argument errors.
pub(crate) fn message_vi(e: &clap::Error, command: &str) -> String {
    let mut out = format!("error[invalid_argument]: {}", problem(e));
    for tip in tips(e) {
        let _ = write!(out, "\n  gợi ý: {tip}");
    }
    // Clap's usage context starts with its English title.
    let usage = match e.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(usage)) => {
            let usage = usage.to_string();
            let usage = usage.trim();
            Some(
                usage
                    .strip_prefix("Usage:")
                    .unwrap_or(usage)
                    .trim()
                    .to_owned(),
            )
        }
        _ => None,
    };
    if let Some(usage) = &usage {
        let _ = write!(out, "\n\n{USAGE} {usage}");
    }
    let _ = writeln!(out, "\n\nXem hướng dẫn: `{command} --help`.");
    out
}

/// A string value of the error's context.
fn string(e: &clap::Error, kind: ContextKind) -> Option<&str> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s),
        _ => None,
    }
}

/// A list value of the error's context (a single string as a list of one).
fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// A number value of the error's context.
fn number(e: &clap::Error, kind: ContextKind) -> Option<isize> {
    match e.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    }
}

/// `a`, `b`, `c` — each in backticks.
fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What is wrong, in one Vietnamese sentence (or a sentence and an indented list).
fn problem(e: &clap::Error) -> String {
    let arg = string(e, ContextKind::InvalidArg);
    let value = string(e, ContextKind::InvalidValue);
    match e.kind() {
        ErrorKind::UnknownArgument => match arg {
            Some(a) if a.starts_with('-') => format!("lệnh không có tham số `{a}`"),
            Some(a) => format!("thừa giá trị `{a}`: lệnh không nhận thêm giá trị này"),
            None => "lệnh không có tham số này".to_owned(),
        },
        ErrorKind::InvalidSubcommand => match string(e, ContextKind::InvalidSubcommand) {
            Some(s) => format!("không có lệnh `{s}`"),
            None => "không có lệnh này".to_owned(),
        },
        ErrorKind::InvalidValue => {
            let mut text = match (arg, value) {
                (Some(a), Some("")) => format!("tham số `{a}` cần một giá trị nhưng chưa có"),
                (Some(a), Some(v)) => format!("giá trị `{v}` của tham số `{a}` không hợp lệ"),
                _ => "giá trị của tham số không hợp lệ".to_owned(),
            };
            let valid = strings(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                let _ = write!(text, "\n  [các giá trị được chấp nhận: {}]", quoted(&valid));
            }
            text
        }
        ErrorKind::ValueValidation => {
            let mut text = match (arg, value) {
                (Some(a), Some(v)) => format!("giá trị `{v}` của tham số `{a}` không hợp lệ"),
                _ => "giá trị của tham số không hợp lệ".to_owned(),
            };
            if let Some(why) = source_vi(e) {
                let _ = write!(text, ": {why}");
            }
            text
        }
        ErrorKind::NoEquals => match arg {
            Some(a) => format!("tham số `{a}` cần dấu bằng khi gán giá trị (`{a}=…`)"),
            None => "tham số cần dấu bằng khi gán giá trị".to_owned(),
        },
        ErrorKind::TooManyValues => match (arg, value) {
            (Some(a), Some(v)) => {
                format!("tham số `{a}` không nhận thêm giá trị `{v}`")
            }
            _ => "tham số có quá nhiều giá trị".to_owned(),
        },
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let wanted = number(e, ContextKind::MinValues)
                .or_else(|| number(e, ContextKind::ExpectedNumValues));
            match (arg, wanted, number(e, ContextKind::ActualNumValues)) {
                (Some(a), Some(n), Some(got)) => {
                    format!("tham số `{a}` cần {n} giá trị nhưng có {got}")
                }
                _ => "số giá trị của tham số không đúng".to_owned(),
            }
        }
        ErrorKind::ArgumentConflict => conflict(e),
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(e, ContextKind::InvalidArg);
            let mut text = "thiếu tham số bắt buộc:".to_owned();
            for m in &missing {
                let _ = write!(text, "\n  {m}");
            }
            text
        }
        ErrorKind::MissingSubcommand => {
            let mut text = match string(e, ContextKind::InvalidSubcommand) {
                Some(s) => format!("`{s}` cần một lệnh con nhưng chưa có"),
                None => "cần một lệnh con nhưng chưa có".to_owned(),
            };
            let valid = strings(e, ContextKind::ValidSubcommand);
            if !valid.is_empty() {
                let _ = write!(text, "\n  [các lệnh: {}]", quoted(&valid));
            }
            text
        }
        ErrorKind::InvalidUtf8 => "có tham số chứa ký tự không phải UTF-8".to_owned(),
        _ => "các tham số của lệnh không hợp lệ".to_owned(),
    }
}

/// An argument used twice, or with one it excludes.
fn conflict(e: &clap::Error) -> String {
    let arg = string(e, ContextKind::InvalidArg);
    let prior = e.get(ContextKind::PriorArg);
    if let (Some(a), Some(ContextValue::String(p))) = (arg, prior) {
        if a == p {
            return format!("tham số `{a}` chỉ được dùng một lần");
        }
    }
    let subject = match (arg, string(e, ContextKind::InvalidSubcommand)) {
        (Some(a), _) => format!("không dùng được tham số `{a}` cùng với"),
        (None, Some(s)) => format!("không dùng được lệnh `{s}` cùng với"),
        (None, None) => "không dùng được các tham số này cùng nhau".to_owned(),
    };
    match prior {
        Some(ContextValue::String(p)) => format!("{subject} `{p}`"),
        Some(ContextValue::Strings(ps)) => {
            let mut text = format!("{subject}:");
            for p in ps {
                let _ = write!(text, "\n  `{p}`");
            }
            text
        }
        _ if arg.is_some() => format!("{subject} các tham số khác đã nêu"),
        _ => subject,
    }
}

/// Why a value was refused, when the parser says so in words we know (the integer parser's);
/// nothing otherwise, rather than English.
fn source_vi(e: &clap::Error) -> Option<&'static str> {
    let source = std::error::Error::source(e)?.to_string();
    match source.as_str() {
        "invalid digit found in string" => Some("cần một số nguyên"),
        "cannot parse integer from empty string" => Some("cần một số nguyên, không được để trống"),
        "number too large to fit in target type" => Some("số quá lớn"),
        "number too small to fit in target type" => Some("số quá nhỏ"),
        _ => None,
    }
}

/// The error's suggestions in Vietnamese: a similar argument, subcommand or value, and clap's
/// tips whose English form we recognise (others are left out rather than shown in English).
fn tips(e: &clap::Error) -> Vec<String> {
    let mut out = Vec::new();
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let similar = strings(e, kind);
        if !similar.is_empty() {
            let or = similar
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(" hay ");
            out.push(format!("có phải ý bạn là {or}?"));
        }
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = e.get(ContextKind::Suggested) {
        out.extend(suggestions.iter().filter_map(|s| tip_vi(&s.to_string())));
    }
    out
}

/// One of clap's free-text tips in Vietnamese, recognised by its shape.
fn tip_vi(tip: &str) -> Option<String> {
    // The quoted parts: 'a' … 'b' → [a, b].
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    if tip.starts_with("to pass ") {
        let (value, how) = (quoted.first()?, quoted.get(1)?);
        return Some(format!("để dùng `{value}` làm giá trị, viết `{how}`"));
    }
    if tip.starts_with("subcommand ") {
        let sub = quoted.first()?;
        return Some(format!(
            "có lệnh `{sub}`; để dùng lệnh đó, bỏ `--` đứng trước"
        ));
    }
    if tip.ends_with("' exists") {
        let found = quoted.first()?;
        return Some(format!("tham số này có ở `{found}`"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Cli;

    /// Every subcommand and every argument of the command line has its Vietnamese text: a new
    /// one without it fails here, by name (a nested subcommand by its path, `profile check`).
    #[test]
    fn every_subcommand_and_argument_has_vietnamese_help() {
        fn visit(cmd: &Command, key: &str, missing: &mut Vec<String>) {
            if about(key).is_none() {
                missing.push(format!("about of `{key}`"));
            }
            for arg in cmd.get_arguments() {
                if arg_help(key, arg.get_id().as_str()).is_none() {
                    missing.push(format!("({key:?}, {:?})", arg.get_id().as_str()));
                }
            }
            for sub in cmd.get_subcommands() {
                visit(sub, &format!("{key} {}", sub.get_name()), missing);
            }
        }
        let cmd = Cli::command();
        let mut missing = Vec::new();
        if about(cmd.get_name()).is_none() {
            missing.push(format!("about of `{}`", cmd.get_name()));
        }
        for sub in cmd.get_subcommands() {
            visit(sub, sub.get_name(), &mut missing);
        }
        for arg in cmd.get_arguments() {
            missing.push(format!("(\"diaban\", {:?})", arg.get_id().as_str()));
        }
        assert!(missing.is_empty(), "no Vietnamese text for: {missing:?}");
    }

    #[test]
    fn the_table_has_one_entry_per_key() {
        for (i, (s, a, _)) in ARGS.iter().enumerate() {
            assert!(
                ARGS.iter().skip(i + 1).all(|(t, b, _)| (t, b) != (s, a)),
                "({s:?}, {a:?}) twice"
            );
        }
    }

    #[test]
    fn the_language_is_english_only_when_asked() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_of(&args(&["diaban", "--help"])), Lang::Vi);
        assert_eq!(
            lang_of(&args(&["diaban", "check", "--lang", "en"])),
            Lang::En
        );
        assert_eq!(
            lang_of(&args(&["diaban", "check", "--lang=en", "-h"])),
            Lang::En
        );
        assert_eq!(
            lang_of(&args(&["diaban", "check", "--lang", "en", "--lang", "vi"])),
            Lang::Vi
        );
        assert_eq!(
            lang_of(&args(&["diaban", "check", "--lang", "fr"])),
            Lang::Vi
        );
        // After `--`, `--lang en` is a value, not the option.
        assert_eq!(
            lang_of(&args(&["diaban", "check", "--", "--lang", "en"])),
            Lang::Vi
        );
        // `--lang` as the program name is not an option either.
        assert_eq!(lang_of(&args(&["--lang=en"])), Lang::Vi);
    }

    #[test]
    fn an_unknown_tip_is_left_out_rather_than_shown_in_english() {
        assert_eq!(tip_vi("something new happened"), None);
        assert_eq!(
            tip_vi("to pass '--x' as a value, use '-- --x'").as_deref(),
            Some("để dùng `--x` làm giá trị, viết `-- --x`")
        );
        assert_eq!(
            tip_vi("'check --today' exists").as_deref(),
            Some("tham số này có ở `check --today`")
        );
    }
}
