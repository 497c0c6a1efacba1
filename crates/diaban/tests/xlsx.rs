//! XLSX workbooks: what an office's workbook may hold loads correctly (Vietnamese sheet names
//! and headers, dates as date cells, serial numbers in the 1900 and 1904 systems or text,
//! hidden and note sheets), what would change a value silently is an error naming the sheet
//! and cell, and hostile workbooks (zip bombs, lying dimensions, millions of rows, huge
//! shared-string tables, hundreds of sheets, entity XML) stop at a limit, in bounded time.
//!
//! Workbooks are built by hand (a zip of a few XML parts) so that every byte is under the
//! test's control.

#![cfg(feature = "xlsx-read")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diaban::{Dataset, Limits};
use std::io::Write;
use std::time::{Duration, Instant};

/// One sheet: its name, its `<sheetData>` rows (or a whole worksheet XML), hidden or not.
struct Sheet {
    name: String,
    xml: String,
    hidden: bool,
}

fn sheet(name: &str, rows: &[&[&str]]) -> Sheet {
    Sheet {
        name: name.to_owned(),
        xml: worksheet(&sheet_data(rows)),
        hidden: false,
    }
}

/// A cell: `=text` is an inline string, `#n` a number, `@n` a number styled as a date,
/// anything else an inline string.
fn cell(r: usize, c: usize, v: &str) -> String {
    let at = format!("{}{}", letters(c), r + 1);
    if let Some(n) = v.strip_prefix('#') {
        format!(r#"<c r="{at}"><v>{n}</v></c>"#)
    } else if let Some(n) = v.strip_prefix('@') {
        format!(r#"<c r="{at}" s="1"><v>{n}</v></c>"#)
    } else if v.is_empty() {
        String::new()
    } else {
        let v = v.strip_prefix('=').unwrap_or(v);
        format!(r#"<c r="{at}" t="inlineStr"><is><t>{v}</t></is></c>"#)
    }
}

fn letters(c: usize) -> String {
    let mut n = c + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push((b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

fn sheet_data(rows: &[&[&str]]) -> String {
    let mut xml = String::new();
    for (r, row) in rows.iter().enumerate() {
        xml.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, v) in row.iter().enumerate() {
            xml.push_str(&cell(r, c, v));
        }
        xml.push_str("</row>");
    }
    xml
}

fn worksheet(data: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData></worksheet>"#
    )
}

/// A workbook of these sheets; `date1904` sets the 1904 date system; `extra` adds parts.
fn book_with(sheets: &[Sheet], date1904: bool, extra: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut put = |name: &str, bytes: &[u8]| {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    };
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    );
    let mut list = String::new();
    let mut rels = String::new();
    for (i, s) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        let state = if s.hidden { r#" state="hidden""# } else { "" };
        list.push_str(&format!(
            r#"<sheet name="{}" sheetId="{n}"{state} r:id="rId{n}"/>"#,
            s.name
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
    }
    let styles = sheets.len() + 1;
    rels.push_str(&format!(r#"<Relationship Id="rId{styles}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#));
    types.push_str("</Types>");
    put("[Content_Types].xml", types.as_bytes());
    put("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#);
    let pr = if date1904 {
        r#"<workbookPr date1904="1"/>"#
    } else {
        ""
    };
    put("xl/workbook.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{pr}<sheets>{list}</sheets></workbook>"#).as_bytes());
    put("xl/_rels/workbook.xml.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#).as_bytes());
    put("xl/styles.xml", br#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="0"/><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#);
    for (i, s) in sheets.iter().enumerate() {
        put(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            s.xml.as_bytes(),
        );
    }
    for (name, bytes) in extra {
        put(name, bytes);
    }
    zip.finish().unwrap().into_inner()
}

fn book(sheets: &[Sheet]) -> Vec<u8> {
    book_with(sheets, false, &[])
}

const UNITS: &[&[&str]] = &[
    &["code", "name", "type", "parent_code"],
    &["06", "Tỉnh Bắc Kạn", "Tỉnh", ""],
    &["062", "Huyện Ngân Sơn", "Huyện", "06"],
    &["01954", "Thị trấn Vân Tùng", "Thị trấn", "062"],
];

fn units() -> Sheet {
    sheet("units", UNITS)
}

fn load(bytes: &[u8]) -> diaban::Result<Dataset> {
    Dataset::from_xlsx_bytes_with_limits("book.xlsx", bytes, &Limits::default())
}

fn err(bytes: &[u8]) -> (String, String) {
    let e = load(bytes).unwrap_err();
    (e.code().to_owned(), e.to_string())
}

#[test]
fn vietnamese_sheet_names_headers_words_and_every_kind_of_date_load() {
    let ds = load(&book(&[
        sheet(
            "Đơn vị",
            &[
                &["Mã đơn vị", "Tên đơn vị", "Loại", "Mã cấp trên"],
                &["06", "Tỉnh Bắc Kạn", "tỉnh", ""],
                &["062", "Huyện Ngân Sơn", "Huyện", "06"],
                &["01954", "Thị trấn Vân Tùng", "Thị trấn", "062"],
            ],
        ),
        sheet(
            "Phân công",
            &[
                &[
                    "Mã phân công",
                    "Chế độ phân công",
                    "Mã cán bộ",
                    "Mã địa bàn",
                    "Từ ngày",
                    "Đến ngày",
                    "Ngày quyết định",
                ],
                // A date cell, a plain serial number, text in both written forms.
                &[
                    "a1",
                    "commune-monitoring",
                    "p1",
                    "01954",
                    "@45536",
                    "#45838",
                    "20/08/2024",
                ],
                &[
                    "a2",
                    "commune-monitoring",
                    "p2",
                    "01954",
                    "2024-09-01",
                    "30/06/2025",
                    "",
                ],
            ],
        ),
        sheet(
            "Đánh giá",
            &[
                &[
                    "Mã đánh giá",
                    "Năm",
                    "Mã phân công",
                    "Mã cơ quan đánh giá",
                    "Xếp loại",
                ],
                &["e1", "#2024", "a1", "du", "Hoàn thành xuất sắc nhiệm vụ"],
                &["e2", "=2024", "a2", "du", "HTNV"],
            ],
        ),
        // Notes, hidden lists and empty sheets are skipped.
        sheet("Hướng dẫn", &[&["Điền mỗi bảng vào một trang."]]),
        Sheet {
            hidden: true,
            ..sheet("lists", &[&["cấp trưởng", "cấp phó"]])
        },
        sheet("Sheet3", &[]),
    ]))
    .unwrap();
    assert_eq!(ds.units.len(), 3);
    let date = |s| diaban::parse_date(s);
    let a = &ds.assignments;
    assert_eq!(
        (a[0].valid_from, a[0].valid_to, a[0].decision_date),
        (
            date("2024-09-01").unwrap(),
            date("2025-06-30"),
            date("2024-08-20")
        )
    );
    assert_eq!(
        (a[1].valid_from, a[1].valid_to),
        (date("2024-09-01").unwrap(), date("2025-06-30"))
    );
    assert_eq!(
        ds.evaluations[0].rating,
        Some(diaban::model::Rating::Excellent)
    );
    assert_eq!(
        ds.evaluations[1].rating,
        Some(diaban::model::Rating::Fulfilled)
    );
    assert_eq!(ds.evaluations[0].year, 2024);
    assert_eq!(ds.evaluations[1].year, 2024);
}

#[test]
fn dates_in_the_1904_system_are_read_in_that_system() {
    let rows: &[&[&str]] = &[
        &["id", "scheme", "subject_id", "target", "valid_from"],
        &["a1", "commune-monitoring", "p1", "01954", "@44074"],
        &["a2", "commune-monitoring", "p1", "01954", "#44074"],
    ];
    let ds = Dataset::from_xlsx_bytes(&book_with(
        &[units(), sheet("assignments", rows)],
        true,
        &[],
    ))
    .unwrap();
    assert!(ds
        .assignments
        .iter()
        .all(|a| a.valid_from == diaban::parse_date("2024-09-01").unwrap()));
    let ds = Dataset::from_xlsx_bytes(&book_with(
        &[units(), sheet("assignments", rows)],
        false,
        &[],
    ))
    .unwrap();
    assert!(ds
        .assignments
        .iter()
        .all(|a| a.valid_from == diaban::parse_date("2020-08-31").unwrap()));
}

#[test]
fn what_would_change_a_value_silently_is_an_error_naming_sheet_and_cell() {
    let assignments = |row: &[&'static str]| {
        let header: &[&str] = &[
            "id",
            "scheme",
            "subject_id",
            "target",
            "valid_from",
            "valid_to",
        ];
        let rows: Vec<&[&str]> = vec![
            header,
            &["a0", "commune-monitoring", "p1", "01954", "2024-09-01", ""],
            row,
        ];
        book(&[units(), sheet("assignments", &rows)])
    };
    // Excel turned the code 01954 into the number 1954.
    let (code, text) = err(&assignments(&[
        "a1",
        "commune-monitoring",
        "p1",
        "#1954",
        "2024-09-01",
        "",
    ]));
    assert_eq!(code, "invalid_value");
    assert!(text.contains("assignments!D3"), "{text}");
    assert!(text.contains("leading zeros"), "{text}");
    // A date typed wrongly, a year alone where a date is expected, a time of day.
    let (code, text) = err(&assignments(&[
        "a1",
        "commune-monitoring",
        "p1",
        "01954",
        "31/02/2024",
        "",
    ]));
    assert_eq!(
        (code.as_str(), text.contains("assignments!E3")),
        ("invalid_date", true),
        "{text}"
    );
    let (code, text) = err(&assignments(&[
        "a1",
        "commune-monitoring",
        "p1",
        "01954",
        "2024-09-01",
        "#2025",
    ]));
    assert_eq!(
        (code.as_str(), text.contains("assignments!F3")),
        ("invalid_date", true),
        "{text}"
    );
    let (code, text) = err(&assignments(&[
        "a1",
        "commune-monitoring",
        "p1",
        "01954",
        "@45536.5",
        "",
    ]));
    assert_eq!(
        (code.as_str(), text.contains("assignments!E3")),
        ("invalid_date", true),
        "{text}"
    );
    // A value right of the header.
    let (code, text) = err(&assignments(&[
        "a1",
        "commune-monitoring",
        "p1",
        "01954",
        "2024-09-01",
        "",
        "ghi chú",
    ]));
    assert_eq!(
        (code.as_str(), text.contains("assignments!G3")),
        ("unknown_field", true),
        "{text}"
    );
    // A required value missing names its cell and field.
    let (code, text) = err(&assignments(&["a1", "", "p1", "01954", "2024-09-01", ""]));
    assert_eq!(code, "missing_field");
    assert!(
        text.contains("assignments!B3") && text.contains("scheme"),
        "{text}"
    );

    // An error value, a formula never computed, merged cells.
    let with_cell = |xml: &str| {
        let data = format!(
            "{}<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>06</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>Tỉnh</t></is></c>{xml}</row>",
            sheet_data(&[&["code", "name", "type"]])
        );
        worksheet(&data)
    };
    let bad = |xml: String| {
        book(&[Sheet {
            name: "units".into(),
            xml,
            hidden: false,
        }])
    };
    let (code, text) = err(&bad(with_cell(r#"<c r="C2" t="e"><v>#REF!</v></c>"#)));
    assert_eq!(code, "invalid_value");
    assert!(
        text.contains("units!C2") && text.contains("#REF!"),
        "{text}"
    );
    let (code, text) = err(&bad(with_cell(
        r#"<c r="C2" t="str"><f>VLOOKUP(A2,lists!A:B,2)</f></c>"#,
    )));
    assert_eq!(code, "invalid_value");
    assert!(
        text.contains("units!C2") && text.contains("no computed value"),
        "{text}"
    );
    // A formula with its computed value is read as the value.
    let ds = load(&bad(with_cell(
        r#"<c r="C2" t="str"><f>"Tỉnh"</f><v>Tỉnh</v></c>"#,
    )))
    .unwrap();
    assert_eq!(ds.units[0].name, "Tỉnh");
    let merged = with_cell(r#"<c r="C2" t="inlineStr"><is><t>Tỉnh</t></is></c>"#).replace(
        "</sheetData>",
        r#"</sheetData><mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>"#,
    );
    let (code, text) = err(&bad(merged));
    assert_eq!(code, "invalid_value");
    assert!(
        text.contains("units!B2") && text.contains("merged"),
        "{text}"
    );

    // Unknown sheets, a missing units sheet, two sheets for one table, not a workbook.
    let (code, text) = err(&book(&[units(), sheet("asignments", &[&["id"], &["a1"]])]));
    assert_eq!(code, "unknown_field");
    assert!(text.contains("asignments"), "{text}");
    let (code, _) = err(&book(&[sheet("assignments", &[&["id"]])]));
    assert_eq!(code, "missing_field");
    let (code, text) = err(&book(&[units(), sheet("Đơn vị", UNITS)]));
    assert_eq!(code, "invalid_value");
    assert!(text.contains("two sheets"), "{text}");
    let (code, _) = err(b"PK\x03\x04 not really a zip");
    assert_eq!(code, "xlsx_syntax");
    let (code, _) = err(b"code,name,type\n");
    assert_eq!(code, "xlsx_syntax");
}

/// Runs `f` and fails if it took longer than `limit` (the tests run unoptimised).
fn within<T>(limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    assert!(start.elapsed() < limit, "took {:?}", start.elapsed());
    out
}

#[test]
fn a_zip_bomb_stops_at_the_input_cap_whatever_sizes_it_declares() {
    // 64 MiB of spaces inside a worksheet compresses to a few dozen KiB (in runs of 1 MiB
    // between comments: one run of 64 MiB is refused for itself, see below).
    let padding = format!("{}<!---->", " ".repeat(1024 * 1024)).repeat(64);
    let xml =
        worksheet(&sheet_data(UNITS)).replace("<sheetData>", &format!("{padding}<sheetData>"));
    let bytes = book(&[Sheet {
        name: "units".into(),
        xml,
        hidden: false,
    }]);
    assert!(bytes.len() < 1024 * 1024, "{}", bytes.len());
    let tight = Limits {
        max_input_bytes: 16 * 1024 * 1024,
        ..Limits::default()
    };
    let e = within(Duration::from_secs(20), || {
        Dataset::from_xlsx_bytes_with_limits("bomb.xlsx", &bytes, &tight).unwrap_err()
    });
    assert_eq!(e.code(), "limit_exceeded");
    assert!(e.to_string().contains("max_input_bytes"), "{e}");

    // The same part declaring a small size: the real expansion is what counts.
    let lying = lie_about_sizes(&bytes);
    let e = within(Duration::from_secs(20), || {
        Dataset::from_xlsx_bytes_with_limits("bomb.xlsx", &lying, &tight).unwrap_err()
    });
    assert!(["limit_exceeded", "xlsx_syntax"].contains(&e.code()), "{e}");
    // Under a cap it fits, the padded workbook loads.
    assert_eq!(load(&bytes).unwrap().units.len(), 3);
}

#[test]
fn one_run_of_text_longer_than_a_workbook_holds_is_refused() {
    // The XML reader holds one text (or tag, or comment) whole: 64 MiB of spaces in one run
    // would cost 64 MiB under the default caps, gigabytes under the desktop caps.
    let padding = " ".repeat(64 * 1024 * 1024);
    let xml =
        worksheet(&sheet_data(UNITS)).replace("<sheetData>", &format!("{padding}<sheetData>"));
    let bytes = book(&[Sheet {
        name: "units".into(),
        xml,
        hidden: false,
    }]);
    for limits in [Limits::default(), Limits::desktop()] {
        let e = within(Duration::from_secs(20), || {
            Dataset::from_xlsx_bytes_with_limits("run.xlsx", &bytes, &limits).unwrap_err()
        });
        assert_eq!(e.code(), "limit_exceeded");
        assert!(e.to_string().contains("without markup"), "{e}");
    }
    // The same in a part not named as XML (a relationship may name any part as a sheet).
    let bytes = book_with(
        &[units()],
        false,
        &[("xl/media/image1.png", vec![b'A'; 20 * 1024 * 1024])],
    );
    let e = load(&bytes).unwrap_err();
    assert_eq!(e.code(), "limit_exceeded", "{e}");
}

/// Rewrites the uncompressed sizes in a zip's headers to 100 bytes.
fn lie_about_sizes(zip: &[u8]) -> Vec<u8> {
    let mut out = zip.to_vec();
    let mut i = 0;
    while i + 30 < out.len() {
        match &out[i..i + 4] {
            // Local file header: uncompressed size at offset 22.
            b"PK\x03\x04" => out[i + 22..i + 26].copy_from_slice(&100u32.to_le_bytes()),
            // Central directory header: uncompressed size at offset 24.
            b"PK\x01\x02" => out[i + 24..i + 28].copy_from_slice(&100u32.to_le_bytes()),
            _ => {}
        }
        i += 1;
    }
    out
}

#[test]
fn a_lying_dimension_and_a_cell_at_the_last_row_cost_nothing() {
    let data = format!(
        r#"{}<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#,
        sheet_data(UNITS)
    );
    let xml = worksheet(&data).replace(
        "<sheetData>",
        r#"<dimension ref="A1:XFD1048576"/><sheetData>"#,
    );
    let (code, text) = within(Duration::from_secs(5), || {
        err(&book(&[Sheet {
            name: "units".into(),
            xml,
            hidden: false,
        }]))
    });
    assert_eq!(code, "unknown_field");
    assert!(text.contains("units!XFD1048576"), "{text}");
}

#[test]
fn millions_of_empty_rows_and_too_many_cells_are_bounded() {
    // A million empty rows (formatting only) after the data: read and skipped.
    let mut data = sheet_data(UNITS);
    for r in 5..1_000_005 {
        data.push_str(&format!(r#"<row r="{r}"/>"#));
    }
    let bytes = book(&[Sheet {
        name: "units".into(),
        xml: worksheet(&data),
        hidden: false,
    }]);
    let ds = within(Duration::from_secs(60), || load(&bytes).unwrap());
    assert_eq!(ds.units.len(), 3);

    // More filled cells than the cap: stopped at the cap.
    let mut data = sheet_data(&[&["code", "name", "type"]]);
    for r in 2..20_000 {
        data.push_str(&format!(
            r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{r:05}</t></is></c><c r="B{r}" t="inlineStr"><is><t>Xã {r}</t></is></c><c r="C{r}" t="inlineStr"><is><t>Xã</t></is></c></row>"#
        ));
    }
    let bytes = book(&[Sheet {
        name: "units".into(),
        xml: worksheet(&data),
        hidden: false,
    }]);
    let tight = Limits {
        max_cells: 1_000,
        ..Limits::default()
    };
    let e = Dataset::from_xlsx_bytes_with_limits("big.xlsx", &bytes, &tight).unwrap_err();
    assert_eq!(e.code(), "limit_exceeded");
    assert!(e.to_string().contains("max_cells"), "{e}");
    assert_eq!(load(&bytes).unwrap().units.len(), 19_998);
}

#[test]
fn a_huge_shared_string_table_is_refused_before_it_is_read() {
    let mut sst = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    for _ in 0..200_000 {
        sst.push_str("<si><t>x</t></si>");
    }
    sst.push_str("</sst>");
    let bytes = book_with(
        &[units()],
        false,
        &[("xl/sharedStrings.xml", sst.into_bytes())],
    );
    let tight = Limits {
        max_cells: 100_000,
        ..Limits::default()
    };
    let e = within(Duration::from_secs(20), || {
        Dataset::from_xlsx_bytes_with_limits("sst.xlsx", &bytes, &tight).unwrap_err()
    });
    assert_eq!(e.code(), "limit_exceeded");
    assert!(e.to_string().contains("shared strings"), "{e}");
}

#[test]
fn an_archive_of_more_than_ten_thousand_parts_is_refused_before_any_is_read() {
    let parts: Vec<(String, Vec<u8>)> = (0..10_001)
        .map(|i| (format!("xl/media/p{i}.bin"), Vec::new()))
        .collect();
    let extra: Vec<(&str, Vec<u8>)> = parts.iter().map(|(n, d)| (n.as_str(), d.clone())).collect();
    let (code, text) = within(Duration::from_secs(20), || {
        err(&book_with(&[units()], false, &extra))
    });
    assert_eq!(code, "limit_exceeded");
    assert!(text.contains("10000"), "{text}");
}

#[test]
fn hundreds_of_sheets_are_refused() {
    let mut sheets = vec![units()];
    for i in 0..300 {
        sheets.push(sheet(&format!("Ghi chú {i}"), &[]));
    }
    let (code, text) = err(&book(&sheets));
    assert_eq!(code, "limit_exceeded");
    assert!(text.contains("max_sheets"), "{text}");
}

#[test]
fn entities_and_deep_nesting_in_the_xml_are_not_expanded() {
    // A "billion laughs" DTD: quick-xml does not expand custom entities.
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>"#;
    let xml = worksheet(&sheet_data(&[
        &["code", "name", "type"],
        &["06", "&lol3;", "Tỉnh"],
    ]))
    .replace(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        laughs,
    );
    let result = within(Duration::from_secs(5), || {
        load(&book(&[Sheet {
            name: "units".into(),
            xml,
            hidden: false,
        }]))
    });
    match result {
        Ok(ds) => assert!(ds.units[0].name.len() < 100, "{}", ds.units[0].name),
        Err(e) => assert!(["xlsx_syntax", "invalid_value"].contains(&e.code()), "{e}"),
    }
    // Deeply nested elements inside a cell.
    let deep = format!("{}x{}", "<r>".repeat(100_000), "</r>".repeat(100_000));
    let data = format!(
        r#"{}<row r="2"><c r="A2" t="inlineStr"><is>{deep}</is></c></row>"#,
        sheet_data(&[&["code", "name", "type"]])
    );
    let result = within(Duration::from_secs(20), || {
        load(&book(&[Sheet {
            name: "units".into(),
            xml: worksheet(&data),
            hidden: false,
        }]))
    });
    // No text run (`<t>`) at any depth: the cell is empty, so the sheet has a header only.
    match result {
        Ok(ds) => assert!(ds.units.is_empty()),
        Err(e) => assert_eq!(e.code(), "xlsx_syntax", "{e}"),
    }
}

/// A `units` sheet with one more row (row 3) whose name cell is `name_cell` (the XML of a
/// `<c r="B3">` element, or of any cells of row 3).
fn units_with_row3(cells: &str, tail: &str) -> Sheet {
    let data = format!(
        r#"{}<row r="3"><c r="A3" t="inlineStr"><is><t>062</t></is></c>{cells}<c r="C3" t="inlineStr"><is><t>Huyện</t></is></c><c r="D3" t="inlineStr"><is><t>06</t></is></c></row>"#,
        sheet_data(&UNITS[..2])
    );
    Sheet {
        name: "units".into(),
        xml: worksheet(&data).replace("</sheetData>", &format!("</sheetData>{tail}")),
        hidden: false,
    }
}

#[test]
fn formulas_are_read_by_their_computed_value_or_refused_naming_the_cell() {
    // A text formula and a date formula (a serial number styled as a date) with their values.
    let assignments = Sheet {
        name: "assignments".into(),
        xml: worksheet(&format!(
            r#"{}<row r="2"><c r="A2" t="inlineStr"><is><t>a1</t></is></c><c r="B2" t="inlineStr"><is><t>commune-monitoring</t></is></c><c r="C2" t="str"><f>LOWER("P1")</f><v>p1</v></c><c r="D2" t="inlineStr"><is><t>01954</t></is></c><c r="E2" s="1"><f>DATE(2024,9,1)</f><v>45536</v></c></row>"#,
            sheet_data(&[&["id", "scheme", "subject_id", "target", "valid_from"]])
        )),
        hidden: false,
    };
    let ds = load(&book(&[units(), assignments])).unwrap();
    assert_eq!(ds.assignments[0].subject_id, "p1");
    assert_eq!(
        ds.assignments[0].valid_from,
        diaban::parse_date("2024-09-01").unwrap()
    );

    // A formula whose cached result is an error value names the cell and the error.
    let (code, text) = err(&book(&[units_with_row3(
        r#"<c r="B3" t="e"><f>VLOOKUP(A3,lists!A:B,2,FALSE)</f><v>#N/A</v></c>"#,
        "",
    )]));
    assert_eq!(code, "invalid_value");
    assert!(text.contains("units!B3") && text.contains("#N/A"), "{text}");

    // A shared formula: the master has its value, the next cell only a reference to it and
    // no value (a file written by a program): refused at that cell, not read as empty.
    let master =
        r#"<c r="B3" t="str"><f t="shared" ref="B3:B4" si="0">LOWER(A3)</f><v>huyện</v></c>"#;
    let mut sheet = units_with_row3(master, "");
    sheet.xml = sheet.xml.replace(
        "</row></sheetData>",
        r#"</row><row r="4"><c r="A4" t="inlineStr"><is><t>063</t></is></c><c r="B4" t="str"><f t="shared" si="0"/></c><c r="C4" t="inlineStr"><is><t>Huyện</t></is></c></row></sheetData>"#,
    );
    let (code, text) = err(&book(&[sheet]));
    assert_eq!(code, "invalid_value");
    assert!(
        text.contains("units!B4") && text.contains("no computed value"),
        "{text}"
    );
}

#[test]
fn every_error_value_in_a_cell_is_refused_naming_the_cell() {
    for error in [
        "#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!",
    ] {
        let (code, text) = err(&book(&[units_with_row3(
            &format!(r#"<c r="B3" t="e"><v>{error}</v></c>"#),
            "",
        )]));
        assert_eq!(code, "invalid_value", "{error}: {text}");
        assert!(
            text.contains("units!B3") && text.contains(error),
            "{error}: {text}"
        );
    }
}

#[test]
fn merged_cells_are_refused_in_a_table_and_ignored_in_a_note_sheet() {
    // The value of a merge is in its top-left cell only: a merge down a required column would
    // leave the rows below without a value, so any merge in a table is refused, at its
    // top-left cell, before the rows are read.
    let (code, text) = err(&book(&[units_with_row3(
        r#"<c r="B3" t="inlineStr"><is><t>Huyện Ngân Sơn</t></is></c>"#,
        r#"<mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>"#,
    )]));
    assert_eq!(code, "invalid_value");
    assert!(
        text.contains("units!C2") && text.contains("C2:C3") && text.contains("merged"),
        "{text}"
    );
    // A merged title in the header row is refused as well.
    let (code, text) = err(&book(&[units_with_row3(
        r#"<c r="B3" t="inlineStr"><is><t>Huyện Ngân Sơn</t></is></c>"#,
        r#"<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>"#,
    )]));
    assert_eq!(code, "invalid_value");
    assert!(text.contains("units!A1"), "{text}");
    // A note sheet is not read: its merges do not matter.
    let mut note = sheet("Hướng dẫn", &[&["Điền mỗi bảng vào một trang."]]);
    note.xml = note.xml.replace(
        "</sheetData>",
        r#"</sheetData><mergeCells count="1"><mergeCell ref="A1:F3"/></mergeCells>"#,
    );
    assert_eq!(load(&book(&[units(), note])).unwrap().units.len(), 3);
}

#[test]
fn a_hidden_table_sheet_is_read_and_a_hidden_other_sheet_is_skipped() {
    // Hiding a sheet does not remove its records: a hidden `assignments` sheet is read (its
    // records would otherwise be lost without a word). A hidden sheet with another name (the
    // lists behind drop-downs) is skipped, as is a "very hidden" one.
    let assignments = Sheet {
        hidden: true,
        ..sheet(
            "assignments",
            &[
                &["id", "scheme", "subject_id", "target", "valid_from"],
                &["a1", "commune-monitoring", "p1", "01954", "2024-09-01"],
            ],
        )
    };
    let lists = Sheet {
        hidden: true,
        ..sheet("lists", &[&["cấp trưởng"], &["cấp phó"]])
    };
    let bytes = book(&[units(), assignments, lists]);
    let ds = load(&bytes).unwrap();
    assert_eq!(ds.assignments.len(), 1);
    assert_eq!(ds.assignments[0].id, "a1");
    // A "very hidden" sheet (only a macro can show it) holding text: skipped too.
    let mut very_hidden = sheet("lists", &[&["x"]]);
    very_hidden.hidden = true;
    let bytes = book(&[units(), very_hidden]);
    let bytes = rezip(&bytes, |name, data| {
        if name == "xl/workbook.xml" {
            String::from_utf8(data)
                .unwrap()
                .replace(r#"state="hidden""#, r#"state="veryHidden""#)
                .into_bytes()
        } else {
            data
        }
    });
    assert_eq!(load(&bytes).unwrap().units.len(), 3);
}

/// The same archive with each part passed through `f` (or left out when `f` gives `None`).
fn rezip_with(zip: &[u8], f: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>) -> Vec<u8> {
    use std::io::Read;
    let mut input = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..input.len() {
        let mut entry = input.by_index(i).unwrap();
        let name = entry.name().to_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if let Some(data) = f(&name, data) {
            out.start_file(name, options).unwrap();
            out.write_all(&data).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

fn rezip(zip: &[u8], f: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    rezip_with(zip, |n, d| Some(f(n, d)))
}

#[test]
fn a_workbook_missing_a_part_it_points_to_is_an_error_or_loads_without_it() {
    let whole = book(&[
        units(),
        sheet(
            "assignments",
            &[&["id", "scheme", "subject_id", "target", "valid_from"]],
        ),
    ]);
    let without = |part: &str| rezip_with(&whole, |n, d| (n != part).then_some(d));
    // The sheet a relationship points to is missing: the workbook is damaged.
    let (code, text) = err(&without("xl/worksheets/sheet1.xml"));
    assert_eq!(code, "xlsx_syntax", "{text}");
    assert!(
        text.contains("sheet `units`") && text.contains("missing from the workbook"),
        "{text}"
    );
    // No workbook part: no sheets listed. No relationships: nothing says where they are.
    let (code, text) = err(&without("xl/workbook.xml"));
    assert_eq!(code, "xlsx_syntax", "{text}");
    assert!(text.contains("lists no sheets"), "{text}");
    let (code, text) = err(&without("xl/_rels/workbook.xml.rels"));
    assert_eq!(code, "xlsx_syntax", "{text}");
    assert!(text.contains("xl/_rels/workbook.xml.rels"), "{text}");
    // [Content_Types].xml and the styles are not needed to read the cells: it loads.
    for part in ["[Content_Types].xml", "xl/styles.xml"] {
        assert_eq!(load(&without(part)).unwrap().units.len(), 3, "{part}");
    }
}

/// A file of the test folder `workbooks/`.
fn workbook_file(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("workbooks")
        .join(name)
}

#[test]
fn other_spreadsheet_formats_are_refused_saying_what_to_do() {
    let dir = std::env::temp_dir().join(format!("diaban-xlsx-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A real password-protected workbook, as bytes and as a file of either name.
    let encrypted = std::fs::read(workbook_file("password-protected.xlsx")).unwrap();
    let e = Dataset::from_xlsx_bytes(&encrypted).unwrap_err();
    assert_eq!(e.code(), "xlsx_syntax");
    assert!(e.to_string().contains("password-protected"), "{e}");
    let e = Dataset::load(workbook_file("password-protected.xlsx")).unwrap_err();
    assert!(e.to_string().contains("password-protected"), "{e}");
    // A real Excel 97–2003 workbook, as bytes, as `.xls` and renamed `.xlsx`.
    let xls = std::fs::read(workbook_file("excel-97-2003.xls")).unwrap();
    let e = Dataset::from_xlsx_bytes(&xls).unwrap_err();
    assert_eq!(e.code(), "xlsx_syntax");
    assert!(
        e.to_string().contains("Excel 97–2003") && e.to_string().contains(".xlsx"),
        "{e}"
    );
    for name in ["book.xls", "book.xlsx"] {
        std::fs::write(dir.join(name), &xls).unwrap();
        let e = Dataset::load(dir.join(name)).unwrap_err();
        assert_eq!(e.code(), "xlsx_syntax");
        assert!(e.to_string().contains("Excel 97–2003"), "{name}: {e}");
    }
    // An old BIFF stream without its container.
    let e = Dataset::from_xlsx_bytes(b"\x09\x08\x10\x00\x00\x06\x05\x00").unwrap_err();
    assert!(e.to_string().contains("save it as"), "{e}");
    // A CSV file named `.xlsx`.
    std::fs::write(
        dir.join("units.xlsx"),
        "code,name,type\n06,Tỉnh Bắc Kạn,Tỉnh\n",
    )
    .unwrap();
    let e = Dataset::load(dir.join("units.xlsx")).unwrap_err();
    assert_eq!(e.code(), "xlsx_syntax");
    assert!(e.to_string().contains("not an XLSX workbook"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_shared_formula_over_the_whole_sheet_is_refused_before_it_is_expanded() {
    // calamine keeps one entry per cell a shared formula spans: A1:XFD1048576 would be 17
    // billion entries (hours, and gigabytes).
    let whole_sheet =
        r#"<c r="B3" t="str"><f t="shared" ref="A1:XFD1048576" si="0">A1</f><v>x</v></c>"#;
    let (code, text) = within(Duration::from_secs(5), || {
        err(&book(&[units_with_row3(whole_sheet, "")]))
    });
    assert_eq!(code, "limit_exceeded");
    assert!(text.contains("shared formula"), "{text}");
    // An index past the cap (calamine makes room for every index up to it).
    let far = r#"<c r="B3" t="str"><f t="shared" ref="B3" si="4000000000">A1</f><v>x</v></c>"#;
    let (code, text) = within(Duration::from_secs(5), || {
        err(&book(&[units_with_row3(far, "")]))
    });
    assert_eq!(code, "limit_exceeded");
    assert!(text.contains("shared formula"), "{text}");
    // A shared formula of a real size with its values loads.
    let column =
        r#"<c r="B3" t="str"><f t="shared" ref="B3:B500" si="0">A3</f><v>Huyện Ngân Sơn</v></c>"#;
    assert_eq!(
        load(&book(&[units_with_row3(column, "")]))
            .unwrap()
            .units
            .len(),
        2
    );
}

#[test]
fn references_outside_a_sheet_are_refused_not_wrapped_around() {
    // Past XFD or row 1,048,576 calamine's arithmetic overflows (a panic in a debug build, a
    // value in another cell in a release build); a reversed range underflows.
    for (cells, tail) in [
        (
            r#"<c r="AAAAAAAAB3" t="inlineStr"><is><t>x</t></is></c>"#,
            "",
        ),
        (
            r#"<c r="B99999999999" t="inlineStr"><is><t>x</t></is></c>"#,
            "",
        ),
        (r#"<c r="XFE3" t="inlineStr"><is><t>x</t></is></c>"#, ""),
        (
            "",
            r#"<mergeCells count="1"><mergeCell ref="C3:A1"/></mergeCells>"#,
        ),
    ] {
        let (code, text) = err(&book(&[units_with_row3(cells, tail)]));
        assert_eq!(code, "xlsx_syntax", "{cells}{tail}: {text}");
        assert!(text.contains("A1 to XFD1048576"), "{text}");
    }
    let mut reversed = units();
    reversed.xml = reversed
        .xml
        .replace("<sheetData>", r#"<dimension ref="D4:A1"/><sheetData>"#);
    let (code, text) = err(&book(&[reversed]));
    assert_eq!(code, "xlsx_syntax", "{text}");
    let mut far_row = units();
    far_row.xml = far_row
        .xml
        .replace(r#"<row r="4">"#, r#"<row r="4294967297">"#);
    let (code, text) = err(&book(&[far_row]));
    assert_eq!(code, "xlsx_syntax", "{text}");
}

/// The environment variable that makes `peak_memory_of_hostile_workbooks_is_bounded` the child
/// process that loads one workbook: `PATH|tight` or `PATH|default`.
#[cfg(target_os = "linux")]
const MEMORY_CHILD: &str = "DIABAN_XLSX_MEMORY_CHILD";

/// The peak resident memory of this process so far (`VmHWM`), in KiB.
#[cfg(target_os = "linux")]
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Loads the workbook named by `MEMORY_CHILD` in a fresh process and measures how much the
/// load raised its peak resident memory; returns (the result's code or "ok", the rise in KiB).
#[cfg(target_os = "linux")]
fn load_in_child(path: &std::path::Path, limits: &str) -> (String, u64) {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "peak_memory_of_hostile_workbooks_is_bounded",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(MEMORY_CHILD, format!("{}|{limits}", path.display()))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let line = stdout
        .lines()
        .find_map(|l| l.split("memory-child ").nth(1))
        .unwrap_or_else(|| panic!("no measure in {stdout}"));
    let (code, kib) = line.split_once(' ').unwrap();
    (code.to_owned(), kib.parse().unwrap())
}

#[test]
#[cfg(target_os = "linux")]
fn peak_memory_of_hostile_workbooks_is_bounded() {
    if let Ok(job) = std::env::var(MEMORY_CHILD) {
        // The child: one load, its rise of the peak resident memory on stdout.
        let (path, limits) = job.rsplit_once('|').unwrap();
        let limits = match limits {
            "tight" => Limits {
                max_input_bytes: 16 * 1024 * 1024,
                max_cells: 100_000,
                ..Limits::default()
            },
            _ => Limits::default(),
        };
        let before = peak_kib();
        let result = Dataset::load_with_limits(path, &limits);
        let rise = peak_kib().saturating_sub(before);
        let code = result.as_ref().map_or_else(|e| e.code(), |_| "ok");
        println!("memory-child {code} {rise}");
        return;
    }
    let dir = std::env::temp_dir().join(format!("diaban-xlsx-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    const MIB: u64 = 1024;
    // 64 MiB of spaces in a worksheet (a few dozen KiB zipped), in one run, and in runs of
    // 1 MiB between comments.
    let padded = |padding: &str| {
        book(&[Sheet {
            name: "units".into(),
            xml: worksheet(&sheet_data(UNITS))
                .replace("<sheetData>", &format!("{padding}<sheetData>")),
            hidden: false,
        }])
    };
    let bomb = padded(&" ".repeat(64 * 1024 * 1024));
    let runs = padded(&format!("{}<!---->", " ".repeat(1024 * 1024)).repeat(64));
    let lying = lie_about_sizes(&bomb);
    // 200,000 shared strings (over the tight cap of 100,000 cells).
    let mut sst = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    for i in 0..200_000 {
        sst.push_str(&format!("<si><t>chuỗi {i}</t></si>"));
    }
    sst.push_str("</sst>");
    let huge_sst = book_with(
        &[units()],
        false,
        &[("xl/sharedStrings.xml", sst.into_bytes())],
    );
    // A million empty rows after the data.
    let mut rows = sheet_data(UNITS);
    for r in 5..1_000_005 {
        rows.push_str(&format!(r#"<row r="{r}"/>"#));
    }
    let empty_rows = book(&[Sheet {
        name: "units".into(),
        xml: worksheet(&rows),
        hidden: false,
    }]);
    drop(rows);
    let whole_sheet_formula = book(&[units_with_row3(
        r#"<c r="B3" t="str"><f t="shared" ref="A1:XFD1048576" si="0">A1</f><v>x</v></c>"#,
        "",
    )]);
    // (case, workbook, limits, expected result, bound on the rise of peak memory in KiB)
    let cases: [(&str, &[u8], &str, &str, u64); 7] = [
        // Refused by the size the part declares, before reading it.
        (
            "zip bomb, 16 MiB cap",
            &bomb,
            "tight",
            "limit_exceeded",
            16 * MIB,
        ),
        // The same declaring 100 bytes: refused once the stream of the part passes 16 MiB.
        (
            "zip bomb lying about its size, 16 MiB cap",
            &lying,
            "tight",
            "limit_exceeded",
            32 * MIB,
        ),
        // The XML reader holds one event (here a text) whole: refused once it passes 16 MiB,
        // so the reader has held at most that (up to twice, as its buffer grows).
        (
            "zip bomb in one run, default caps",
            &bomb,
            "default",
            "limit_exceeded",
            40 * MIB,
        ),
        // Loaded: 64 MiB streamed in runs of 1 MiB, never held whole.
        (
            "zip bomb in runs of 1 MiB, default caps",
            &runs,
            "default",
            "ok",
            16 * MIB,
        ),
        // Refused by counting `<si>` as the part streams by, before calamine reads it.
        (
            "200,000 shared strings, cap 100,000",
            &huge_sst,
            "tight",
            "limit_exceeded",
            16 * MIB,
        ),
        // Loaded: rows without cells are not stored.
        (
            "a million empty rows",
            &empty_rows,
            "default",
            "ok",
            32 * MIB,
        ),
        // Refused before calamine would make 17 billion entries.
        (
            "shared formula over A1:XFD1048576",
            &whole_sheet_formula,
            "default",
            "limit_exceeded",
            16 * MIB,
        ),
    ];
    for (i, (case, bytes, limits, expected, bound)) in cases.iter().enumerate() {
        let path = dir.join(format!("case{i}.xlsx"));
        std::fs::write(&path, bytes).unwrap();
        let (code, rise) = within(Duration::from_secs(60), || load_in_child(&path, limits));
        assert_eq!(code, *expected, "{case}");
        assert!(
            rise <= *bound,
            "{case}: peak memory rose by {rise} KiB, more than {bound} KiB"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The caps of the `xlsx_workbook` fuzz target (fuzz/fuzz_targets/xlsx_workbook.rs).
const FUZZ_LIMITS: Limits = Limits {
    max_input_bytes: 16 * 1024 * 1024,
    max_records_per_table: 20_000,
    max_field_bytes: 4 * 1024,
    max_sheets: 16,
    max_cells: 200_000,
};

/// The workbook of an `xlsx_workbook` fuzz input: the bytes themselves, or for an input
/// starting with `#part `, its parts zipped (stored), as the fuzz target does.
fn fuzz_input_workbook(data: &[u8]) -> Option<Vec<u8>> {
    const PART: &[u8] = b"#part ";
    if !data.starts_with(PART) {
        return Some(data.to_vec());
    }
    let mut starts = vec![0];
    starts.extend(
        data.windows(PART.len() + 1)
            .enumerate()
            .filter(|(_, w)| w[0] == b'\n' && &w[1..] == PART)
            .map(|(i, _)| i + 1),
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(data.len(), |e| e - 1);
        let chunk = &data[s + PART.len()..end.max(s + PART.len())];
        let (name, body) = match chunk.iter().position(|b| *b == b'\n') {
            Some(n) => (&chunk[..n], &chunk[n + 1..]),
            None => (chunk, &chunk[chunk.len()..]),
        };
        zip.start_file(String::from_utf8_lossy(name), options)
            .ok()?;
        zip.write_all(body).ok()?;
    }
    zip.finish().ok().map(|c| c.into_inner())
}

#[test]
fn every_xlsx_regression_input_gives_a_result_or_a_clean_error() {
    // Inputs of the `xlsx_workbook` fuzz target kept under tests/regressions/xlsx_workbook/,
    // replayed with the target's assertions.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/regressions/xlsx_workbook");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        count += 1;
        let data = std::fs::read(&path).unwrap();
        let Some(bytes) = fuzz_input_workbook(&data) else {
            continue;
        };
        let result = within(Duration::from_secs(20), || {
            Dataset::from_xlsx_bytes_with_limits("fuzz.xlsx", &bytes, &FUZZ_LIMITS)
        });
        match result {
            Err(e) => assert!(
                matches!(e, diaban::Error::Load { .. }),
                "{}: {e}",
                path.display()
            ),
            Ok(ds) => {
                let back = load(&ds.to_xlsx_bytes().unwrap()).unwrap();
                assert_eq!(back, ds, "{}", path.display());
                let json = Dataset::from_json_str(&ds.to_json_string().unwrap()).unwrap();
                assert_eq!(json, ds, "{}", path.display());
            }
        }
    }
    assert!(count >= 2, "no regression inputs in {}", dir.display());
}
