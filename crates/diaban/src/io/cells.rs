//! The text of a table as the readers hand it over: where it comes from ([`Source`], to name
//! the place of an error as a person sees it), its header matched against the table's columns
//! ([`Header`]) and the fields of a row ([`Fields`]). The CSV tokenizer, the workbook reader,
//! the row reader ([`super::rows`]) and the row deserializer ([`super::row_de`]) all build on
//! these, and this module on none of them.

use super::columns::{self, Column, ColumnType, Table};
use crate::error::{Error, LoadErrorKind, Location, Msg, Result};
use crate::words::Entry;

/// Where a table comes from, to name the place of an error as a person sees it.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// The file (a path or a name).
    pub(crate) file: String,
    /// The sheet, for a workbook.
    pub(crate) sheet: Option<String>,
}

impl Source {
    /// A text file (CSV): no sheet.
    pub(crate) fn file(file: &str) -> Source {
        Source {
            file: file.to_owned(),
            sheet: None,
        }
    }

    /// The location of a whole row (`line` is the 1-based line or sheet row); `position` is
    /// the 0-based sheet column, when a cell is meant.
    pub(crate) fn at(&self, line: u64, position: Option<u32>, field: Option<&str>) -> Location {
        match &self.sheet {
            None => Location {
                file: Some(self.file.clone()),
                line: Some(line),
                field: field.map(str::to_owned),
                ..Location::default()
            },
            Some(sheet) => Location {
                file: Some(self.file.clone()),
                sheet: Some(sheet.clone()),
                cell: Some(match position {
                    Some(p) => format!("{}{line}", column_letters(p)),
                    None => line.to_string(),
                }),
                field: field.map(str::to_owned),
                ..Location::default()
            },
        }
    }
}

/// The letters of a 0-based sheet column as Excel shows them: 0 → `A`, 25 → `Z`, 26 → `AA`.
#[must_use]
pub(crate) fn column_letters(position: u32) -> String {
    let mut n = u64::from(position) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The fields of one row, by header index.
pub(crate) trait Fields {
    fn field(&self, i: usize) -> Option<&str>;
    fn count(&self) -> usize;
}

impl Fields for Vec<String> {
    fn field(&self, i: usize) -> Option<&str> {
        self.get(i).map(String::as_str)
    }
    fn count(&self) -> usize {
        self.len()
    }
}

/// A header cell: its 0-based position in the sheet (its index, in CSV) and its text.
pub(crate) type HeaderCell = (u32, String);

/// A column present in a header.
pub(crate) struct Present {
    /// Its header index.
    pub(crate) index: usize,
    /// The column.
    pub(crate) column: &'static Column,
    /// The words of its vocabulary, for a word column (read once per table, not per cell).
    pub(crate) vocabulary: Option<Vec<Entry>>,
}

/// The header of a table matched against its columns.
pub(crate) struct Header {
    /// The table's columns present in the header, in the table's column order: a row is
    /// read by walking this list, without looking a column up by name.
    present: Vec<Present>,
    /// Header index → the column it stands for (`None`: an empty header cell).
    columns: Vec<Option<&'static Column>>,
    /// Header index → sheet position.
    positions: Vec<u32>,
}

impl Header {
    /// The column at a header index.
    pub(crate) fn column(&self, i: usize) -> Option<&'static Column> {
        self.columns.get(i).copied().flatten()
    }

    /// The sheet position of a header index.
    pub(crate) fn position(&self, i: usize) -> Option<u32> {
        self.positions.get(i).copied()
    }

    /// The columns present, in the table's order.
    pub(crate) fn present(&self) -> &[Present] {
        &self.present
    }

    /// The header index of a column, by its canonical name.
    pub(crate) fn index(&self, name: &str) -> Option<usize> {
        self.present
            .iter()
            .find(|p| p.column.name == name)
            .map(|p| p.index)
    }
}

/// True when the header names the flat GSO layout of `units` (a district code column).
pub(crate) fn is_flat_units(header: &[HeaderCell]) -> bool {
    header.iter().any(|(_, h)| {
        columns::UNITS_FLAT
            .column(h)
            .is_some_and(|c| c.name == "district_code")
    })
}

/// Matches header cells against a table's columns: unknown, repeated and missing columns
/// are errors. Empty header cells are allowed (a spreadsheet's formatted but unused
/// columns); a value under one is an error when the row is read.
pub(crate) fn header(
    src: &Source,
    table: &'static Table,
    cells: &[HeaderCell],
    line: u64,
) -> Result<Header> {
    let mut index: Vec<Option<usize>> = vec![None; table.columns.len()];
    let mut cols = Vec::with_capacity(cells.len());
    let mut positions = Vec::with_capacity(cells.len());
    for (i, (position, text)) in cells.iter().enumerate() {
        let name = text.trim();
        positions.push(*position);
        if name.is_empty() {
            cols.push(None);
            continue;
        }
        let at = || src.at(line, Some(*position), Some(name));
        let Some(column) = table.column(name) else {
            return Err(Error::load(
                LoadErrorKind::UnknownField,
                at(),
                Msg::new(
                    format!(
                        "cột lạ `{name}` trong bảng `{}` (các cột: {}; tiêu đề tiếng Việt tương ứng có trong docs/data-format.md)",
                        table.name,
                        table.columns.iter().map(|c| c.vi.first().copied().unwrap_or(c.name)).collect::<Vec<_>>().join(", "),
                    ),
                    format!(
                        "unknown column `{name}` in `{}` (known columns: {}; their Vietnamese headers are listed in docs/data-format.md)",
                        table.name,
                        table.columns.iter().map(|c| c.name).collect::<Vec<_>>().join(", "),
                    ),
                ),
            ));
        };
        let slot = table
            .columns
            .iter()
            .position(|c| c.name == column.name)
            .and_then(|k| index.get_mut(k));
        if slot.is_some_and(|s| s.replace(i).is_some()) {
            return Err(Error::load(
                LoadErrorKind::InvalidValue,
                at(),
                if column.name == name {
                    Msg::new(
                        format!("cột `{name}` xuất hiện hai lần"),
                        format!("column `{name}` appears twice"),
                    )
                } else {
                    Msg::new(
                        format!(
                            "cột `{name}` xuất hiện hai lần (cùng nghĩa với `{}`)",
                            column.name
                        ),
                        format!("column `{name}` appears twice (as `{}`)", column.name),
                    )
                },
            ));
        }
        cols.push(Some(column));
    }
    let has = |name: &str| {
        table
            .columns
            .iter()
            .zip(&index)
            .any(|(c, i)| c.name == name && i.is_some())
    };
    if let Some(missing) = table.required().find(|r| !has(r)) {
        let vi_alias = table.column(missing).and_then(|c| c.vi.first());
        let alias = vi_alias
            .map(|v| format!(" (or \"{v}\")"))
            .unwrap_or_default();
        let alias_vi = vi_alias
            .map(|v| format!(" (hoặc \"{v}\")"))
            .unwrap_or_default();
        return Err(Error::load(
            LoadErrorKind::MissingField,
            Location {
                field: Some(missing.to_owned()),
                ..src.at(line, None, None)
            },
            Msg::new(
                format!("thiếu cột `{missing}`{alias_vi}"),
                format!("missing column `{missing}`{alias}"),
            ),
        ));
    }
    let vocabularies = crate::vocabulary::vocabularies();
    let present = table
        .columns
        .iter()
        .zip(index)
        .filter_map(|(column, index)| {
            let vocabulary = match column.ty {
                ColumnType::Word(name) => vocabularies
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, entries)| entries.clone()),
                _ => None,
            };
            index.map(|index| Present {
                index,
                column,
                vocabulary,
            })
        })
        .collect();
    Ok(Header {
        present,
        columns: cols,
        positions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_are_as_excel_shows_them() {
        let got: Vec<String> = [0, 3, 25, 26, 27, 51, 52, 701, 702, 16383]
            .into_iter()
            .map(column_letters)
            .collect();
        assert_eq!(
            got,
            ["A", "D", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"]
        );
    }
}
