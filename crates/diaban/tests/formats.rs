//! The office's own formats: CSV as Excel writes it (`;` or tab separators, a BOM, the
//! Windows code page), Vietnamese headers and words, and the same findings from every format.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diaban::{check, CheckOptions, Dataset, Profile};

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "diaban-formats-{name}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const UNITS: &str = "code,name,type,parent_code\n06,Tỉnh Bắc Kạn,Tỉnh,\n062,Huyện Ngân Sơn,Huyện,06\n01954,Thị trấn Vân Tùng,Thị trấn,062\n";

#[test]
fn semicolon_and_tab_separated_files_read_like_comma_separated_ones() {
    let comma = Dataset::from_csv_texts([("units.csv", UNITS)]).unwrap();
    for sep in [";", "\t"] {
        let text = UNITS.replace(',', sep);
        let ds = Dataset::from_csv_texts([("units.csv", text.as_str())]).unwrap();
        assert_eq!(ds, comma, "separator {sep:?}");
    }
    // A quoted field holding the other separators does not confuse the detection.
    let text = "code;name;type\n06;\"Tỉnh Bắc Kạn, cũ; 1\";Tỉnh\n";
    let ds = Dataset::from_csv_texts([("units.csv", text)]).unwrap();
    assert_eq!(ds.units[0].name, "Tỉnh Bắc Kạn, cũ; 1");
    // A separator given explicitly wins over the detection.
    let err = diaban::io::csv::read_texts_with(
        [("units.csv", UNITS)],
        &diaban::Limits::default(),
        Some(b';'),
    )
    .unwrap_err();
    assert_eq!(err.code(), "unknown_field");
    let err = diaban::io::csv::read_texts_with(
        [("units.csv", UNITS)],
        &diaban::Limits::default(),
        Some(b'|'),
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid_argument");
}

#[test]
fn a_file_in_the_windows_code_page_names_the_encoding_and_how_to_resave() {
    let dir = tempdir("cp1258");
    // "Xã" in Windows-1258 is X, 0xE3; "Đ" is 0xD0.
    std::fs::write(
        dir.join("units.csv"),
        b"code,name,type\n06,T\xd2nh B\xe3c K\xd2n,T\xd2nh\n01954,\xd0\xe3,X\xe3\n",
    )
    .unwrap();
    let e = Dataset::load(&dir).unwrap_err();
    assert_eq!(e.code(), "csv_syntax");
    let text = e.to_string();
    assert!(text.contains("units.csv"), "{text}");
    assert!(text.contains("line 2"), "{text}");
    assert!(text.contains("Windows-1258"), "{text}");
    assert!(text.contains("CSV UTF-8"), "{text}");
    assert!(text.contains("Lưu dưới dạng"), "{text}");

    // Western European bytes only: named as Windows-1252.
    std::fs::write(
        dir.join("units.csv"),
        b"code,name,type\n06,Caf\xe9,T\xe1nh\n",
    )
    .unwrap();
    let text = Dataset::load(&dir).unwrap_err().to_string();
    assert!(text.contains("Windows-1252"), "{text}");
}

#[test]
fn utf16_with_a_bom_as_excel_saves_unicode_text_is_read() {
    let dir = tempdir("utf16");
    let text = UNITS.replace(',', "\t");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    std::fs::write(dir.join("units.csv"), &bytes).unwrap();
    let ds = Dataset::load(&dir).unwrap();
    assert_eq!(ds, Dataset::from_csv_texts([("units.csv", UNITS)]).unwrap());
}

#[test]
fn csv_written_for_people_starts_with_a_bom_and_loads_back_unchanged() {
    let ds = Dataset::demo();
    let texts = diaban::io::csv::write_texts_for_people(&ds).unwrap();
    assert!(texts.iter().all(|(_, t)| t.starts_with('\u{feff}')));
    let back = Dataset::from_csv_texts(texts.iter().map(|(n, t)| (*n, t.as_str()))).unwrap();
    assert_eq!(back, ds);
    let machine = ds.to_csv_texts().unwrap();
    assert!(machine.iter().all(|(_, t)| !t.starts_with('\u{feff}')));
    let semicolon = diaban::io::csv::write_texts_with(&ds, b';', true).unwrap();
    let back = Dataset::from_csv_texts(semicolon.iter().map(|(n, t)| (*n, t.as_str()))).unwrap();
    assert_eq!(back, ds);
}

#[test]
fn vietnamese_headers_and_words_read_like_the_canonical_ones() {
    let canonical = Dataset::from_csv_texts([
        ("units.csv", UNITS),
        ("people.csv", "id,name,title,organization_id,rank\np1,Hà Văn Hòa,Phó Bí thư,tinh-uy,deputy\n"),
        ("evaluations.csv", "id,year,assignment_id,author_id,submitted_on,rating\ne1,2024,a1,du-01954,2025-01-20,excellent\ne2,2024,a2,du-01954,,good\ne3,2024,a3,du-01954,,unfulfilled\n"),
        ("activities.csv", "id,date,subject_id,target,kind,contribution,quantity\nh1,2025-03-15,p1,01954,contribution,gifts,20\n"),
    ])
    .unwrap();
    let vietnamese = Dataset::from_csv_texts([
        ("units.csv", "Mã đơn vị;Tên đơn vị;Loại đơn vị;Mã đơn vị cấp trên\n06;Tỉnh Bắc Kạn;tỉnh;\n062;Huyện Ngân Sơn;HUYỆN;06\n01954;Thị trấn Vân Tùng;thị trấn;062\n"),
        ("people.csv", "Mã cán bộ;Họ và tên;Chức vụ;Mã cơ quan;Cấp chức vụ\np1;Hà Văn Hoà;Phó Bí thư;tinh-uy;Cấp phó\n"),
        ("evaluations.csv", "Mã đánh giá;năm;MÃ PHÂN CÔNG;Mã cơ quan đánh giá;Ngày gửi;Xếp loại\ne1;2024;a1;du-01954;20/01/2025;Hoàn thành xuất sắc nhiệm vụ\ne2;2024;a2;du-01954;;HTTNV\ne3;2024;a3;du-01954;;không hoàn thành nhiệm vụ\n"),
        ("activities.csv", "Mã hoạt động\tNgày\tMã cán bộ\tMã địa bàn\tLoại hoạt động\tHình thức đóng góp\tSố lượng\nh1\t15/03/2025\tp1\t01954\tĐóng góp\tQuà tặng\t20\n"),
    ])
    .unwrap();
    // Names are data, kept as typed (only NFC); the tone position of "Hòa"/"Hoà" differs.
    let mut expected = canonical.clone();
    expected.people[0].name = "Hà Văn Hoà".into();
    assert_eq!(vietnamese, expected);

    let err = Dataset::from_csv_texts([("units.csv", "Mã đơn vị,Tên đơn vị,Loại\n06,x,Bang\n")])
        .unwrap_err();
    assert_eq!(err.code(), "invalid_value");
    assert!(err.to_string().contains("Tỉnh"), "{err}");
    let err = Dataset::from_csv_texts([("units.csv", "Mã,Mã đơn vị,Tên,Loại\n")]).unwrap_err();
    assert_eq!(err.code(), "invalid_value");
    assert!(err.to_string().contains("appears twice"), "{err}");
}

#[test]
fn findings_do_not_depend_on_the_format() {
    let ds = small_dataset();
    let profile = Profile::bac_kan_1390();
    let options = CheckOptions {
        today: diaban::parse_date("2025-03-01"),
        ..CheckOptions::default()
    };
    let expected = check(&ds, &profile, &options).findings;
    assert!(!expected.is_empty());
    let json = Dataset::from_json_str(&ds.to_json_string().unwrap()).unwrap();
    let comma = ds.to_csv_texts().unwrap();
    let semicolon = diaban::io::csv::write_texts_with(&ds, b';', true).unwrap();
    let mut loaded = vec![
        ("json", json),
        (
            "comma",
            Dataset::from_csv_texts(comma.iter().map(|(n, t)| (*n, t.as_str()))).unwrap(),
        ),
        (
            "semicolon",
            Dataset::from_csv_texts(semicolon.iter().map(|(n, t)| (*n, t.as_str()))).unwrap(),
        ),
    ];
    loaded.extend(extra_formats(&ds));
    for (name, back) in loaded {
        assert_eq!(back, ds, "{name}");
        assert_eq!(
            check(&back, &profile, &options).findings,
            expected,
            "{name}"
        );
    }
}

#[cfg(not(feature = "xlsx"))]
fn extra_formats(_: &Dataset) -> Vec<(&'static str, Dataset)> {
    Vec::new()
}

#[cfg(feature = "xlsx")]
fn extra_formats(ds: &Dataset) -> Vec<(&'static str, Dataset)> {
    let book = ds.to_xlsx_bytes().unwrap();
    vec![("xlsx", Dataset::from_xlsx_bytes(&book).unwrap())]
}

#[test]
#[cfg(feature = "xlsx")]
fn the_demo_round_trips_through_a_workbook() {
    let ds = Dataset::demo();
    let book = ds.to_xlsx_bytes().unwrap();
    assert_eq!(Dataset::from_xlsx_bytes(&book).unwrap(), ds);
    let dir = tempdir("xlsx");
    let path = dir.join("demo.xlsx");
    std::fs::write(&path, &book).unwrap();
    assert_eq!(Dataset::load(&path).unwrap(), ds);
}

/// A small dataset with findings: one commune covered, one not, a late evaluation.
fn small_dataset() -> Dataset {
    Dataset::from_csv_texts([
        ("units.csv", "code,name,type,parent_code\n06,Tỉnh Bắc Kạn,Tỉnh,\n062,Huyện Ngân Sơn,Huyện,06\n01954,Thị trấn Vân Tùng,Thị trấn,062\n01957,Xã Cốc Đán,Xã,062\n"),
        ("organizations.csv", "id,name,kind,level,unit_code,parent_id\ntinh-uy,Tỉnh ủy Bắc Kạn,party_committee,province,06,\nbtv,Ban Thường vụ Tỉnh ủy,standing_committee,province,06,tinh-uy\ndu-01954,Đảng ủy thị trấn Vân Tùng,party_committee,commune,01954,\n"),
        ("people.csv", "id,name,title,organization_id,rank,valid_from\np1,Hà Văn Hòa,Ủy viên Ban Thường vụ,btv,member,2020-10-15\n"),
        ("assignments.csv", "id,scheme,subject_id,target,valid_from,decision_number,decision_date\na1,commune-monitoring,p1,01954,2024-09-01,1390-QĐ/TU,2024-08-20\n"),
        ("activities.csv", "id,date,subject_id,target,kind,note\nh1,2024-10-10,p1,01954,field_visit,\"Thôn Nà Héo; \"\"bản\"\" Khuổi\"\n"),
        ("evaluations.csv", "id,year,assignment_id,author_id,submitted_on,rating\ne1,2024,a1,du-01954,2025-02-20,good\n"),
    ])
    .unwrap()
}
