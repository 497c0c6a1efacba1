//! Printable Word documents (`.docx`): the yearly report and the coverage list of a day, laid
//! out as the Party's documents are (the two-column header with the issuing body, the number,
//! "ĐẢNG CỘNG SẢN VIỆT NAM" and the place-date line; the title in bold capitals; body
//! paragraphs and tables; "Nơi nhận:" bottom left and the signature block bottom right), on A4
//! in Times New Roman. The fields the office fills in by hand (the number, the day, the
//! signer's name, the recipients, the assessment) are left as visible placeholders "…".
//!
//! The builders return the document's bytes; writing the file is the caller's business.
//! `docs/documents.md` describes the layout.

use crate::error::{Error, Result};
use crate::index::Index;
use crate::profile::Profile;
use crate::query::Coverage;
use crate::report::{AssignmentYear, EvaluationState, EvaluationStatus, Rollup, YearReport};
use chrono::NaiveDate;
use docx_rs::{
    AlignmentType, Docx, PageMargin, Paragraph, Run, RunFonts, Table, TableAlignmentType,
    TableCell, TableLayoutType, TableRow, VAlignType, WidthType,
};
use std::collections::BTreeMap;

/// A placeholder the office fills in by hand.
pub const PLACEHOLDER: &str = "…";

/// A4 in twentieths of a point (210 × 297 mm).
const A4: (u32, u32) = (11_906, 16_838);
/// Margins in twentieths of a point: top and bottom 2 cm, left 3 cm, right 1.5 cm.
const MARGIN_TOP: i32 = 1_134;
const MARGIN_BOTTOM: i32 = 1_134;
const MARGIN_LEFT: i32 = 1_701;
const MARGIN_RIGHT: i32 = 851;
/// The writing width between the margins.
const TEXT_WIDTH: usize = (A4.0 as usize) - (MARGIN_LEFT as usize) - (MARGIN_RIGHT as usize);
/// Sizes in half-points: body 14 pt, tables 10 pt, the recipients block 12 pt.
const BODY: usize = 28;
const TABLE: usize = 20;
const SMALL: usize = 24;
const FONT: &str = "Times New Roman";

/// Who issues the document and where: the heading of the Party's documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letterhead {
    /// The superior body, in capitals ("TỈNH ỦY BẮC KẠN").
    pub superior: String,
    /// The issuing body, in capitals ("BAN TỔ CHỨC").
    pub body: String,
    /// The tail of the document number after the placeholder ("-BC/BTCTU").
    pub number_suffix: String,
    /// The place of the place-date line ("Bắc Kạn"), or the placeholder.
    pub place: String,
    /// The signing line for the collective ("T/M BAN TỔ CHỨC").
    pub on_behalf: String,
    /// The signer's post ("TRƯỞNG BAN").
    pub signer_post: String,
}

impl Letterhead {
    /// The letterhead of the provincial Organisation Board of the profile's issuer: the issuer
    /// "Tỉnh ủy Bắc Kạn" gives "TỈNH ỦY BẮC KẠN" and the place "Bắc Kạn". An issuer named
    /// otherwise keeps its name in capitals and leaves the place as a placeholder.
    #[must_use]
    pub fn organisation_board(profile: &Profile) -> Letterhead {
        let issuer = profile.regulation.issuer.trim();
        let place = ["Tỉnh ủy ", "Tỉnh uỷ ", "Thành ủy ", "Thành uỷ "]
            .iter()
            .find_map(|p| issuer.strip_prefix(p))
            .map_or_else(|| PLACEHOLDER.to_owned(), |p| p.trim().to_owned());
        Letterhead {
            superior: issuer.to_uppercase(),
            body: "BAN TỔ CHỨC".to_owned(),
            number_suffix: "-BC/BTCTU".to_owned(),
            place,
            on_behalf: "T/M BAN TỔ CHỨC".to_owned(),
            signer_post: "TRƯỞNG BAN".to_owned(),
        }
    }
}

/// `dd/mm/yyyy`, the form of dates in the Party's documents.
fn day(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn run(text: &str) -> Run {
    Run::new().add_text(text)
}

fn para(align: AlignmentType) -> Paragraph {
    Paragraph::new().align(align)
}

/// A body paragraph: justified, first line indented 1 cm.
fn body(text: &str) -> Paragraph {
    para(AlignmentType::Both)
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(567)),
            None,
            None,
        )
        .add_run(run(text))
}

/// A section heading ("I. …"): bold, justified, indented as the body.
fn heading(text: &str) -> Paragraph {
    para(AlignmentType::Both)
        .line_spacing(docx_rs::LineSpacing::new().before(120).after(80))
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(567)),
            None,
            None,
        )
        .keep_next(true)
        .add_run(run(text).bold())
}

fn centered(runs: Vec<Run>) -> Paragraph {
    runs.into_iter()
        .fold(para(AlignmentType::Center), Paragraph::add_run)
}

fn invisible(cell: TableCell) -> TableCell {
    cell.clear_all_border()
}

/// A two-column table without borders (the heading and the closing blocks).
fn two_columns(left: Vec<Paragraph>, right: Vec<Paragraph>, split: usize) -> Table {
    let left_w = TEXT_WIDTH * split / 100;
    let right_w = TEXT_WIDTH - left_w;
    let cell = |ps: Vec<Paragraph>, w: usize| {
        invisible(
            ps.into_iter()
                .fold(TableCell::new(), TableCell::add_paragraph)
                .width(w, WidthType::Dxa),
        )
    };
    Table::without_borders(vec![TableRow::new(vec![
        cell(left, left_w),
        cell(right, right_w),
    ])])
    .set_grid(vec![left_w, right_w])
    .width(TEXT_WIDTH, WidthType::Dxa)
    .layout(TableLayoutType::Fixed)
}

/// The heading of the document: issuing body and number left, the Party's name and the
/// place-date line right.
fn letterhead(head: &Letterhead) -> Table {
    let left = vec![
        centered(vec![run(&head.superior).size(BODY)]),
        centered(vec![run(&head.body).bold().size(BODY)]),
        centered(vec![run("*")]),
        centered(vec![run(&format!(
            "Số: {PLACEHOLDER}{}",
            head.number_suffix
        ))]),
    ];
    let right = vec![
        centered(vec![run("ĐẢNG CỘNG SẢN VIỆT NAM")
            .bold()
            .underline("single")
            .size(30)]),
        centered(vec![]),
        centered(vec![run(&format!(
            "{}, ngày {PLACEHOLDER} tháng {PLACEHOLDER} năm {PLACEHOLDER}",
            head.place
        ))
        .italic()]),
    ];
    two_columns(left, right, 42)
}

/// The title: "BÁO CÁO" and the subject line, bold, centred, with a short rule under it.
fn title(kind: &str, subject: &[String]) -> Vec<Paragraph> {
    let mut out = vec![centered(vec![]), centered(vec![run(kind).bold().size(30)])];
    out.extend(subject.iter().map(|s| centered(vec![run(s).bold()])));
    out.push(centered(vec![run("-----")]));
    out
}

/// "Nơi nhận:" left and the signature block right.
fn closing(head: &Letterhead, recipients: &[&str]) -> Table {
    let mut left = vec![para(AlignmentType::Left).add_run(
        run("Nơi nhận:")
            .bold()
            .italic()
            .underline("single")
            .size(SMALL),
    )];
    left.extend(
        recipients
            .iter()
            .map(|r| para(AlignmentType::Left).add_run(run(r).size(SMALL))),
    );
    let mut right = vec![
        centered(vec![run(&head.on_behalf).bold()]),
        centered(vec![run(&head.signer_post).bold()]),
        centered(vec![run("(Ký, đóng dấu)").italic().size(SMALL)]),
    ];
    right.extend((0..3).map(|_| centered(vec![])));
    right.push(centered(vec![run(&PLACEHOLDER.repeat(8)).bold()]));
    two_columns(left, right, 50)
}

/// A table cell of the body tables: 10 pt, the given alignment; a line break where the text
/// has `\n`.
fn cell(text: &str, align: AlignmentType, bold: bool, w: usize) -> TableCell {
    let mut p = para(align).line_spacing(docx_rs::LineSpacing::new().before(20).after(20));
    for (i, line) in text.split('\n').enumerate() {
        let mut r = run(line).size(TABLE);
        if i > 0 {
            r = Run::new()
                .add_break(docx_rs::BreakType::TextWrapping)
                .add_text(line)
                .size(TABLE);
        }
        p = p.add_run(if bold { r.bold() } else { r });
    }
    TableCell::new()
        .add_paragraph(p)
        .vertical_align(VAlignType::Center)
        .width(w, WidthType::Dxa)
}

/// A body table with a bold header row; `widths` in percent of the writing width. Rows marked
/// `true` are group rows: their first cell spans the whole table in bold.
fn table(header: &[&str], widths: &[usize], rows: Vec<(bool, Vec<String>)>) -> Table {
    let total: usize = widths.iter().sum::<usize>().max(1);
    let w: Vec<usize> = widths.iter().map(|p| TEXT_WIDTH * p / total).collect();
    let head = TableRow::new(
        header
            .iter()
            .zip(&w)
            .map(|(h, w)| cell(h, AlignmentType::Center, true, *w))
            .collect(),
    )
    .cant_split();
    let mut out = vec![head];
    for (group, cells) in rows {
        if group {
            let text = cells.first().map_or("", String::as_str);
            out.push(
                TableRow::new(vec![
                    cell(text, AlignmentType::Left, true, TEXT_WIDTH).grid_span(w.len())
                ])
                .cant_split(),
            );
            continue;
        }
        out.push(
            TableRow::new(
                cells
                    .iter()
                    .zip(&w)
                    .enumerate()
                    .map(|(i, (c, w))| {
                        let numeric = !c.is_empty()
                            && c.chars()
                                .all(|ch| ch.is_ascii_digit() || "/.,".contains(ch));
                        let align = if i == 0 || numeric {
                            AlignmentType::Center
                        } else {
                            AlignmentType::Left
                        };
                        cell(c, align, false, *w)
                    })
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(out)
        .margins(docx_rs::TableCellMargins::new().margin(0, 70, 0, 70))
        .set_grid(w)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .align(TableAlignmentType::Center)
        .layout(TableLayoutType::Fixed)
}

fn document() -> Docx {
    Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(709)
                .footer(709),
        )
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .cs(FONT)
                .east_asia(FONT),
        )
        .default_size(BODY)
        .default_line_spacing(docx_rs::LineSpacing::new().before(0).after(80).line(276))
}

fn pack(doc: Docx) -> Result<Vec<u8>> {
    let mut out = std::io::Cursor::new(Vec::new());
    doc.pack(&mut out).map_err(|e| {
        Error::invalid_argument(
            "document",
            crate::error::Msg::new(
                format!("không ghi được văn bản (chi tiết kỹ thuật: {e})"),
                format!("cannot write the document: {e}"),
            ),
        )
    })?;
    Ok(out.into_inner())
}

/// The Vietnamese heading of a duty column.
fn kind_vi(kind: crate::ActivityKind) -> &'static str {
    use crate::ActivityKind as K;
    match kind {
        K::CommitteeMeeting => "Dự họp cấp ủy",
        K::FieldVisit => "Đi cơ sở",
        K::Guidance => "Hướng dẫn",
        K::Proposal => "Đề xuất",
        K::CellMeeting => "Dự sinh hoạt chi bộ",
        K::Contribution => "Đóng góp",
    }
}

/// The rating as the Party's evaluations abbreviate it.
fn rating_vi(r: crate::Rating) -> &'static str {
    use crate::Rating as R;
    match r {
        R::Excellent => "HTXSNV",
        R::Good => "HTTNV",
        R::Fulfilled => "HTNV",
        R::Unfulfilled => "KHTNV",
    }
}

fn evaluation_vi(e: &EvaluationStatus) -> String {
    let rating = e.rating.map(rating_vi).unwrap_or_default();
    let sent = e.submitted_on.map(day).unwrap_or_default();
    match e.status {
        EvaluationState::Ok => format!("{rating}\n{sent}").trim().to_owned(),
        EvaluationState::Late => format!("{rating}\ngửi muộn {sent}").trim().to_owned(),
        EvaluationState::Missing => "Chưa có".to_owned(),
        EvaluationState::NotDue => "Chưa đến hạn".to_owned(),
        EvaluationState::NotRequired => "Không bắt buộc".to_owned(),
        EvaluationState::None => String::new(),
    }
}

fn ratings_vi(r: &Rollup) -> String {
    r.ratings
        .iter()
        .map(|(k, v)| format!("{} {v}", rating_vi(*k)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The yearly report as a Word document, in Vietnamese: what `diaban report --year Y` shows,
/// as the Organisation Board would send it. `index` resolves the names of the bodies proposals
/// were sent to.
pub fn year_report(
    index: &Index<'_>,
    profile: &Profile,
    report: &YearReport,
    head: &Letterhead,
) -> Result<Vec<u8>> {
    let reg = &profile.regulation;
    let mut section = Sections(0);
    let mut doc = document().add_table(letterhead(head));
    for p in title(
        "BÁO CÁO",
        &[
            format!(
                "kết quả thực hiện Quy định số {} năm {}",
                reg.number, report.year
            ),
            format!("của {}", reg.issuer),
        ],
    ) {
        doc = doc.add_paragraph(p);
    }
    let as_of = report
        .today
        .map(|d| format!(" (số liệu tính đến ngày {})", day(d)))
        .unwrap_or_default();
    doc = doc.add_paragraph(body(&format!(
        "Thực hiện Quy định số {} ngày {} của {} {}, {} báo cáo kết quả thực hiện năm {}{} như sau:",
        reg.number,
        day(reg.signed),
        reg.issuer,
        lowercase_first(&reg.title_vi),
        sentence_case(&head.body),
        report.year,
        as_of
    )));

    let total = report.assignments.len();
    let short = report.assignments.iter().filter(|a| a.shortfall).count();
    let missing = report
        .assignments
        .iter()
        .filter(|a| a.evaluation.status == EvaluationState::Missing)
        .count();
    let mut ratings: BTreeMap<crate::Rating, usize> = BTreeMap::new();
    for r in report
        .assignments
        .iter()
        .filter_map(|a| a.evaluation.rating)
    {
        *ratings.entry(r).or_default() += 1;
    }
    let met = report
        .assignments
        .iter()
        .filter(|a| !a.shortfall && ended(report, a))
        .count();
    let running = total - short - met;
    let running = if running > 0 {
        format!(", {running} lượt đang thực hiện (chưa hết thời gian phân công trong năm)")
    } else {
        String::new()
    };
    doc = doc.add_paragraph(section.next("TÌNH HÌNH CHUNG"));
    doc = doc.add_paragraph(body(&format!(
        "Trong năm {}, có {total} lượt phân công cán bộ theo dõi, phụ trách địa bàn thuộc phạm vi Quy định; {met} lượt đạt đầy đủ yêu cầu, {short} lượt chưa đạt (chưa thực hiện đủ nhiệm vụ theo yêu cầu, hoặc thiếu, chậm đánh giá, hoặc xếp loại không hoàn thành nhiệm vụ){running}; {missing} lượt đã quá hạn mà chưa có đánh giá của cấp ủy địa phương.",
        report.year,
    )));
    if !ratings.is_empty() {
        let list: Vec<String> = ratings
            .iter()
            .map(|(k, v)| format!("{} {v} lượt", crate::words::label_vi(*k).to_lowercase()))
            .collect();
        doc = doc.add_paragraph(body(&format!(
            "Kết quả đánh giá của cấp ủy địa phương: {}.",
            list.join("; ")
        )));
    }

    doc = doc.add_paragraph(section.next("KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO ĐỊA BÀN"));
    doc = doc.add_paragraph(body(if report.assignments.is_empty() {
        "Không có lượt phân công nào thuộc phạm vi Quy định trong năm."
    } else {
        "Mỗi ô nhiệm vụ ghi số lần đã thực hiện/số lần theo yêu cầu (tính theo số ngày được phân công trong năm)."
    }));
    for scheme in profile.schemes.iter().filter(|s| !s.duties.is_empty()) {
        let rows: Vec<&AssignmentYear> = report
            .assignments
            .iter()
            .filter(|a| a.scheme == scheme.id)
            .collect();
        if rows.is_empty() {
            continue;
        }
        doc = doc.add_paragraph(
            para(AlignmentType::Left).keep_next(true).add_run(
                run(&format!(
                    "{} ({} lượt phân công)",
                    scheme.name_vi,
                    rows.len()
                ))
                .italic(),
            ),
        );
        let mut header: Vec<&str> = vec!["TT", "Địa bàn", "Cán bộ phụ trách", "Số ngày"];
        let mut widths: Vec<usize> = vec![5, 16, 18, 6];
        for d in &scheme.duties {
            header.push(kind_vi(d.activity_kind));
            widths.push(9);
        }
        header.extend(["Đề xuất", "Đánh giá", "Kết quả"]);
        widths.extend([7, 13, 8]);
        let mut body_rows: Vec<(bool, Vec<String>)> = Vec::new();
        let mut district: Option<Option<&str>> = None;
        for (i, a) in rows.iter().enumerate() {
            if district != Some(a.district_code.as_deref()) {
                district = Some(a.district_code.as_deref());
                body_rows.push((
                    true,
                    vec![a
                        .district_name
                        .clone()
                        .unwrap_or_else(|| "Không thuộc huyện".to_owned())],
                ));
            }
            let mut cells = vec![
                (i + 1).to_string(),
                a.target_name.clone().unwrap_or_else(|| a.target.clone()),
                a.subject_name
                    .clone()
                    .unwrap_or_else(|| a.subject_id.clone()),
                a.days.to_string(),
            ];
            cells.extend(
                a.duties
                    .iter()
                    .map(|d| format!("{}/{}", d.done, d.required)),
            );
            cells.push(a.proposals.to_string());
            cells.push(evaluation_vi(&a.evaluation));
            cells.push(
                if a.shortfall {
                    "Chưa đạt"
                } else if ended(report, a) {
                    "Đạt"
                } else {
                    "Đang thực hiện"
                }
                .to_owned(),
            );
            body_rows.push((false, cells));
        }
        doc = doc.add_table(table(&header, &widths, body_rows));
    }

    let rollup = |list: &[Rollup], first: &str| {
        table(
            &[
                "TT",
                first,
                "Số lượt phân công",
                "Chưa đạt",
                "Chưa có đánh giá",
                "Xếp loại",
            ],
            &[6, 34, 14, 12, 14, 20],
            list.iter()
                .enumerate()
                .map(|(i, r)| {
                    (
                        false,
                        vec![
                            (i + 1).to_string(),
                            r.name.clone(),
                            r.assignments.to_string(),
                            r.with_shortfall.to_string(),
                            r.evaluations_missing.to_string(),
                            ratings_vi(r),
                        ],
                    )
                })
                .collect(),
        )
    };
    if !report.districts.is_empty() {
        doc = doc
            .add_paragraph(section.next("TỔNG HỢP THEO ĐƠN VỊ HÀNH CHÍNH CẤP HUYỆN"))
            .add_table(rollup(&report.districts, "Huyện, thành phố"));
    }
    if !report.agencies.is_empty() {
        doc = doc
            .add_paragraph(section.next("TỔNG HỢP THEO CƠ QUAN CỦA CÁN BỘ"))
            .add_table(rollup(&report.agencies, "Cơ quan, đơn vị"));
    }
    doc = doc.add_paragraph(section.next("ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁN BỘ PHỤ TRÁCH ĐỊA BÀN"));
    if report.proposals.is_empty() {
        doc = doc.add_paragraph(body(&format!(
            "Trong năm {}, không có đề xuất, kiến nghị nào được ghi nhận.",
            report.year
        )));
    } else {
        let rows = report
            .proposals
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let place = index
                    .unit_near(&p.target, Some(p.date))
                    .map_or_else(|| p.target.clone(), |u| u.name.as_str().to_owned());
                let to = p
                    .recipient
                    .as_deref()
                    .map(|r| {
                        index
                            .organization(r)
                            .map_or_else(|| r.to_owned(), |o| o.name.as_str().to_owned())
                    })
                    .unwrap_or_default();
                (
                    false,
                    vec![
                        (i + 1).to_string(),
                        day(p.date),
                        p.subject_name
                            .clone()
                            .unwrap_or_else(|| p.subject_id.clone()),
                        place,
                        to,
                        p.note.clone().unwrap_or_default(),
                    ],
                )
            })
            .collect();
        doc = doc.add_table(table(
            &["TT", "Ngày", "Cán bộ", "Địa bàn", "Gửi tới", "Nội dung"],
            &[5, 13, 18, 16, 18, 30],
            rows,
        ));
    }
    if !report.programme.by_year.is_empty() {
        doc = doc.add_paragraph(section.next("KẾT QUẢ GIÚP ĐỠ XÃ XÂY DỰNG NÔNG THÔN MỚI"));
        let rows = report
            .programme
            .by_year
            .iter()
            .map(|y| {
                let mut list: Vec<String> = y
                    .by_kind
                    .iter()
                    .map(|(k, t)| {
                        let what = crate::words::label_vi(*k);
                        match (k, t.value_vnd) {
                            (crate::ContributionKind::Cash, v) => {
                                format!("{what}: {} đồng", money(v))
                            }
                            (_, 0) => format!("{what}: {}", t.quantity),
                            (_, v) => format!("{what}: {} (trị giá {} đồng)", t.quantity, money(v)),
                        }
                    })
                    .collect();
                list.sort();
                (false, vec![y.name.clone(), list.join("; ")])
            })
            .collect();
        doc = doc.add_table(table(&["Năm", "Đóng góp"], &[12, 88], rows));
    }
    doc = doc
        .add_paragraph(section.next("ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG"))
        .add_paragraph(body(&PLACEHOLDER.repeat(40)))
        .add_paragraph(body(&PLACEHOLDER.repeat(40)))
        .add_paragraph(body(&format!(
            "Trên đây là báo cáo kết quả thực hiện Quy định số {} năm {} của {}.",
            reg.number,
            report.year,
            sentence_case(&head.body)
        )))
        .add_paragraph(centered(vec![]))
        .add_table(closing(
            head,
            &[
                "- Thường trực Tỉnh ủy (để b/c),",
                "- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy,",
                "- …,",
                "- Lưu Văn phòng Ban.",
            ],
        ));
    pack(doc)
}

/// The coverage list of a day as a Word document, in Vietnamese: every unit in scope, grouped
/// by district, with who monitors it (name and post) and the deciding document.
pub fn coverage(profile: &Profile, coverage: &Coverage<'_>, head: &Letterhead) -> Result<Vec<u8>> {
    let reg = &profile.regulation;
    let scheme_name = profile
        .schemes
        .iter()
        .find(|s| s.id == coverage.scheme)
        .map_or(coverage.scheme.as_str(), |s| s.name_vi.as_str());
    let mut doc = document().add_table(letterhead(head));
    for p in title(
        "BÁO CÁO",
        &[
            "danh sách cán bộ theo dõi, phụ trách địa bàn".to_owned(),
            format!("tại ngày {}", day(coverage.at)),
        ],
    ) {
        doc = doc.add_paragraph(p);
    }
    doc = doc.add_paragraph(body(&format!(
        "Thực hiện Quy định số {} ngày {} của {}, {} báo cáo danh sách cán bộ theo dõi, phụ trách địa bàn ({}) tại ngày {}: {} đơn vị có cán bộ theo dõi, {} đơn vị chưa có, trên tổng số {} đơn vị.",
        reg.number,
        day(reg.signed),
        reg.issuer,
        sentence_case(&head.body),
        lowercase_first(scheme_name),
        day(coverage.at),
        coverage.covered,
        coverage.uncovered,
        coverage.rows.len()
    )));
    let mut rows: Vec<(bool, Vec<String>)> = Vec::new();
    let mut by_district: BTreeMap<(Option<&str>, Option<&str>), Vec<&crate::CoverageRow<'_>>> =
        BTreeMap::new();
    for r in &coverage.rows {
        by_district
            .entry((r.district_code, r.district_name))
            .or_default()
            .push(r);
    }
    let mut n = 0usize;
    for ((_, name), list) in by_district {
        let covered = list.iter().filter(|r| r.covered).count();
        rows.push((
            true,
            vec![format!(
                "{} ({covered}/{} đơn vị có cán bộ theo dõi)",
                name.unwrap_or("Không thuộc huyện"),
                list.len()
            )],
        ));
        for r in list {
            n += 1;
            let who = if r.assignments.is_empty() {
                "Chưa có cán bộ theo dõi".to_owned()
            } else {
                r.assignments
                    .iter()
                    .map(|a| {
                        let name = a.subject_name.unwrap_or(a.subject_id);
                        match a.subject_title {
                            Some(t) => format!("{name}, {t}"),
                            None => name.to_owned(),
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let decision = r
                .assignments
                .iter()
                .filter_map(|a| {
                    let number = a.decision_number?;
                    Some(match a.decision_date {
                        Some(d) => format!("{number} ngày {}", day(d)),
                        None => number.to_owned(),
                    })
                })
                .collect::<Vec<_>>()
                .join("; ");
            let since = r
                .assignments
                .iter()
                .map(|a| day(a.valid_from))
                .collect::<Vec<_>>()
                .join("; ");
            rows.push((
                false,
                vec![
                    n.to_string(),
                    r.name.to_owned(),
                    r.code.to_owned(),
                    who,
                    since,
                    decision,
                ],
            ));
        }
    }
    doc = doc.add_table(table(
        &[
            "TT",
            "Đơn vị",
            "Mã đơn vị",
            "Cán bộ theo dõi, phụ trách",
            "Từ ngày",
            "Quyết định phân công",
        ],
        &[6, 20, 10, 34, 12, 18],
        rows,
    ));
    doc = doc.add_paragraph(centered(vec![])).add_table(closing(
        head,
        &[
            "- Thường trực Tỉnh ủy (để b/c),",
            "- …,",
            "- Lưu Văn phòng Ban.",
        ],
    ));
    pack(doc)
}

/// Whether the judged part of an assignment's year ended before the day the report is judged
/// on: only then is "Đạt" (met) said of it, as the rules report a shortfall only then.
fn ended(report: &YearReport, a: &AssignmentYear) -> bool {
    match (report.today, a.period.to) {
        (Some(today), Some(end)) => end < today,
        _ => false,
    }
}

/// The numbered sections of a document: I, II, III… in the order they are written, so that a
/// section left out (nothing to report) leaves no gap.
struct Sections(usize);

impl Sections {
    fn next(&mut self, title: &str) -> Paragraph {
        const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
        let number = ROMAN.get(self.0).copied().unwrap_or("X");
        self.0 += 1;
        heading(&format!("{number}. {title}"))
    }
}

/// "BAN TỔ CHỨC" → "Ban Tổ chức".
fn sentence_case(upper: &str) -> String {
    let lower = upper.to_lowercase();
    let mut words = lower.split(' ');
    let mut out = Vec::new();
    if let Some(first) = words.next() {
        out.push(upper_first(first));
    }
    if let Some(second) = words.next() {
        out.push(upper_first(second));
    }
    out.extend(words.map(str::to_owned));
    out.join(" ")
}

fn upper_first(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// 1234567 → "1.234.567", as Vietnamese writes amounts.
fn money(value: u64) -> String {
    crate::words::group_thousands(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_as_vietnamese_writes_them() {
        assert_eq!(sentence_case("BAN TỔ CHỨC"), "Ban Tổ chức");
        assert_eq!(money(1_234_567), "1.234.567");
        assert_eq!(money(999), "999");
        assert_eq!(day(crate::date!(2024, 9, 1)), "01/09/2024");
        let head = Letterhead::organisation_board(&Profile::bac_kan_1390());
        assert_eq!(head.superior, "TỈNH ỦY BẮC KẠN");
        assert_eq!(head.place, "Bắc Kạn");
    }
}
