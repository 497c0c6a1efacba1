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
    // 64 MiB of spaces inside a worksheet compresses to a few dozen KiB.
    let padding = " ".repeat(64 * 1024 * 1024);
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
