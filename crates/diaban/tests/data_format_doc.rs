//! `docs/data-format.md` cannot drift from the code: its tables of columns and of words are
//! exactly what the column lists (`diaban::io::columns`) and the vocabularies
//! (`diaban::vocabulary::vocabularies`) say. After changing either, rewrite the two blocks with
//! `DIABAN_BLESS_DOCS=1 cargo test -p diaban --test data_format_doc`.

#![cfg(feature = "column-docs")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diaban::io::columns::{Table, TABLES, UNITS_FLAT};

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn table_md(table: &Table, title: &str) -> String {
    let mut out = format!("### {title}\n\n");
    out.push_str("| Column | Type | Column required | Vietnamese headers | Meaning | Example |\n");
    out.push_str("|---|---|---|---|---|---|\n");
    for c in table.columns {
        let example = if c.example.is_empty() {
            String::new()
        } else {
            format!("`{}`", cell(c.example))
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} |\n",
            c.name,
            c.ty.describe(),
            if c.required { "yes" } else { "no" },
            c.vi.iter().map(|v| cell(v)).collect::<Vec<_>>().join("; "),
            cell(c.meaning),
            example
        ));
    }
    out
}

fn tables_block() -> String {
    let mut out = String::new();
    for t in TABLES {
        let sheets = std::iter::once(format!("`{}`", t.name))
            .chain(t.vi.iter().map(|v| format!("\"{v}\"")))
            .collect::<Vec<_>>()
            .join(", ");
        out.push_str(&table_md(
            t,
            &format!("`{}` — file `{}.csv`, sheet {sheets}", t.name, t.name),
        ));
        out.push('\n');
    }
    out.push_str(&table_md(
        &UNITS_FLAT,
        "`units`, flat layout of the GSO lists (recognised by a `district_code` column)",
    ));
    out
}

fn words_block() -> String {
    let mut out = String::new();
    for (name, entries) in diaban::vocabulary::vocabularies() {
        out.push_str(&format!(
            "### {name}\n\n| Word (as written) | Vietnamese words accepted |\n|---|---|\n"
        ));
        for (word, aliases) in entries {
            out.push_str(&format!(
                "| `{}` | {} |\n",
                cell(word),
                aliases
                    .iter()
                    .map(|a| cell(a))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        out.push('\n');
    }
    out.trim_end().to_owned() + "\n"
}

/// The text between `<!-- BEGIN GENERATED: name -->` and `<!-- END GENERATED: name -->`.
fn block<'a>(doc: &'a str, name: &str) -> (usize, usize, &'a str) {
    let begin = format!("<!-- BEGIN GENERATED: {name} -->\n");
    let end = format!("<!-- END GENERATED: {name} -->");
    let start = doc
        .find(&begin)
        .unwrap_or_else(|| panic!("no `{begin}` in the doc"))
        + begin.len();
    let stop = doc[start..]
        .find(&end)
        .unwrap_or_else(|| panic!("no `{end}` in the doc"))
        + start;
    (start, stop, &doc[start..stop])
}

#[test]
fn the_data_format_doc_lists_every_column_and_word_as_the_code_does() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/data-format.md");
    let mut doc = std::fs::read_to_string(&path).unwrap();
    let bless = std::env::var_os("DIABAN_BLESS_DOCS").is_some();
    for (name, expected) in [("tables", tables_block()), ("words", words_block())] {
        let (start, stop, found) = block(&doc, name);
        if bless {
            doc.replace_range(start..stop, &expected);
        } else {
            assert_eq!(
                found, expected,
                "docs/data-format.md, block `{name}`: rerun with DIABAN_BLESS_DOCS=1"
            );
        }
    }
    if bless {
        std::fs::write(&path, doc).unwrap();
    }
}

#[test]
fn every_example_in_the_doc_reads_as_its_column_type() {
    use diaban::io::columns::ColumnType;
    let vocabularies = diaban::vocabulary::vocabularies();
    for table in TABLES.iter().chain([&UNITS_FLAT]) {
        for c in table.columns.iter().filter(|c| !c.example.is_empty()) {
            let ok = match c.ty {
                ColumnType::Date => diaban::parse_date(c.example).is_some(),
                ColumnType::Integer => c.example.parse::<u64>().is_ok(),
                ColumnType::Word(name) => vocabularies
                    .iter()
                    .find(|(n, _)| *n == name)
                    .is_some_and(|(_, entries)| {
                        entries.iter().any(|(w, aliases)| {
                            let f = diaban::words::fold(c.example);
                            diaban::words::fold(w) == f
                                || aliases.iter().any(|a| diaban::words::fold(a) == f)
                        })
                    }),
                ColumnType::Flag => ["true", "false"].contains(&c.example),
                ColumnType::Text | ColumnType::Id | ColumnType::Code => true,
            };
            assert!(ok, "{}.{}: example `{}`", table.name, c.name, c.example);
        }
    }
}

/// The JSON Schemas published beside the format's description (`docs/schema/`) are the ones
/// the code gives (`diaban schema`); rewrite them with `DIABAN_BLESS_DOCS=1`.
#[test]
fn the_published_json_schemas_are_the_codes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema");
    let bless = std::env::var_os("DIABAN_BLESS_DOCS").is_some();
    for (file, schema) in [
        ("dataset.schema.json", diaban::schema::dataset()),
        ("profile.schema.json", diaban::schema::profile()),
        ("outputs.schema.json", diaban::schema::outputs()),
    ] {
        let path = dir.join(file);
        let expected = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, expected).unwrap();
        } else {
            let found = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!("docs/schema/{file}: {e}; rerun with DIABAN_BLESS_DOCS=1")
            });
            assert!(
                found == expected,
                "docs/schema/{file} differs from `diaban schema`: rerun with DIABAN_BLESS_DOCS=1"
            );
        }
    }
}
