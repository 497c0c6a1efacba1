//! The XLSX workbook loader: any bytes give a dataset or a clean error under tight `Limits`,
//! never a panic, a hang or an out-of-memory kill.
//!
//! A workbook is a zip archive of XML parts, each with a CRC-32: a mutated byte inside a part
//! almost always fails the checksum, so raw mutation alone exercises the zip layer and little
//! of the XML. The input is therefore read in one of two ways:
//!
//! - **raw**: any bytes are the workbook (zip bombs, lying sizes, truncated archives, CFB and
//!   BIFF files);
//! - **parts**: an input starting with `#part ` lists the workbook's parts, each after a line
//!   `#part NAME`; the target zips them (stored, with correct checksums) and loads the archive,
//!   so libFuzzer mutates the XML itself:
//!
//! ```text
//! #part [Content_Types].xml
//! <?xml …?><Types …>…</Types>
//! #part xl/workbook.xml
//! …
//! ```
//!
//! The seeds (`seed.sh`) are workbooks written by `diaban convert` from the demo and from the
//! scenarios, and hand-made hostile ones, each in both forms. A dataset that loads must survive
//! XLSX → dataset → XLSX → dataset and → JSON → dataset unchanged, and a small one must check
//! without panicking.
#![no_main]

use diaban::{check, CheckOptions, Dataset, Limits, Profile};
use libfuzzer_sys::fuzz_target;
use std::io::{Cursor, Write};

/// Caps small enough that every input stays fast and small under AddressSanitizer, large
/// enough for the seed workbooks (the demo has a few thousand cells).
const TIGHT: Limits = Limits {
    max_input_bytes: 16 * 1024 * 1024,
    max_records_per_table: 20_000,
    max_field_bytes: 4 * 1024,
    max_sheets: 16,
    max_cells: 200_000,
};

const PART: &[u8] = b"#part ";

/// The parts of a `#part` input: (name, content) in order.
fn parts(data: &[u8]) -> Vec<(String, &[u8])> {
    let mut starts = vec![0];
    starts.extend(
        data.windows(PART.len() + 1)
            .enumerate()
            .filter(|(_, w)| w[0] == b'\n' && &w[1..] == PART)
            .map(|(i, _)| i + 1),
    );
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(data.len(), |e| e - 1);
        let chunk = &data[s + PART.len()..end.max(s + PART.len())];
        let (name, body) = match chunk.iter().position(|b| *b == b'\n') {
            Some(n) => (&chunk[..n], &chunk[n + 1..]),
            None => (chunk, &chunk[chunk.len()..]),
        };
        out.push((String::from_utf8_lossy(name).into_owned(), body));
    }
    out
}

/// A zip archive of the parts, stored uncompressed; `None` when the zip writer refuses them
/// (a duplicate name, say).
fn zip_parts(parts: &[(String, &[u8])]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (name, body) in parts {
        zip.start_file(name.as_str(), options).ok()?;
        zip.write_all(body).ok()?;
    }
    zip.finish().ok().map(Cursor::into_inner)
}

fuzz_target!(|data: &[u8]| {
    let zipped;
    let bytes = if data.starts_with(PART) {
        match zip_parts(&parts(data)) {
            Some(z) => {
                zipped = z;
                &zipped[..]
            }
            None => return,
        }
    } else {
        data
    };
    let Ok(ds) = Dataset::from_xlsx_bytes_with_limits("fuzz.xlsx", bytes, &TIGHT) else {
        return;
    };
    let book = ds
        .to_xlsx_bytes()
        .expect("a loaded dataset writes as XLSX");
    let back = Dataset::from_xlsx_bytes_with_limits("back.xlsx", &book, &Limits::default())
        .expect("a written workbook reads back");
    assert_eq!(back, ds, "XLSX round trip changed the dataset");
    let json = ds
        .to_json_string()
        .expect("a loaded dataset writes as JSON");
    let back = Dataset::from_json_str(&json).expect("written JSON reads back");
    assert_eq!(back, ds, "JSON round trip changed the dataset");
    if bytes.len() < 20_000 {
        let _ = check(&ds, &Profile::bac_kan_1390(), &CheckOptions::default());
    }
});
