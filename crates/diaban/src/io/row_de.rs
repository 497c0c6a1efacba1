//! A row of text read as a record through serde: the model's own `Deserialize` builds the
//! record, so a table is spelled once (its struct) plus its column metadata in
//! [`super::columns`].
//!
//! The row is a map whose keys are the canonical names of the columns present in the header,
//! in the order of the table's column list, and whose values are cells. A cell knows its
//! [`Column`], so it reads what the model asks for the way a person writes it in a CSV file
//! or a workbook: an empty cell is `None` for an optional field and a `missing_field` error
//! for a required one, a word may be one of its Vietnamese forms, a yes/no flag may be `có`
//! or `x`. Errors are the crate's [`Error`], naming the file, the line (or sheet cell) and the
//! column, carried through serde by [`DeError`] without being turned into text.

use super::cells::{Fields, Header, Source};
use super::columns::{Column, ColumnType};
use crate::error::{Error, LoadErrorKind, Location, Msg};
use crate::words::Entry;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use std::fmt;

/// The error of reading a row: the crate's error, or a message from the model's own
/// deserialization (a date it refuses), which the cell turns into the crate's error with
/// its place.
#[derive(Debug)]
pub(crate) enum DeError {
    /// A located load error.
    Load(Error),
    /// A field serde found missing from the row (a column the header need not have, for a
    /// field the model requires: the column list and the model disagree).
    Missing(&'static str),
    /// A message from the model's deserialization, not yet placed.
    Model(String),
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeError::Load(e) => e.fmt(f),
            DeError::Missing(field) => write!(f, "missing field `{field}`"),
            DeError::Model(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> DeError {
        DeError::Model(msg.to_string())
    }

    fn missing_field(field: &'static str) -> DeError {
        DeError::Missing(field)
    }
}

impl DeError {
    /// The crate's error, placed at `at` when it has no place yet.
    pub(crate) fn into_error(self, at: impl FnOnce(Option<&'static str>) -> Location) -> Error {
        match self {
            DeError::Load(e) => e,
            DeError::Missing(field) => Error::load(
                LoadErrorKind::MissingField,
                at(Some(field)),
                Msg::new(
                    format!("thiếu cột `{field}`"),
                    format!("missing column `{field}`"),
                ),
            ),
            DeError::Model(m) => Error::load(
                LoadErrorKind::InvalidValue,
                at(None),
                crate::error::serde_msg(&m),
            ),
        }
    }
}

/// One data row of a table, read as a map of its cells.
pub(crate) struct RowDe<'r> {
    pub(crate) src: &'r Source,
    pub(crate) line: u64,
    pub(crate) fields: &'r dyn Fields,
    pub(crate) header: &'r Header,
}

impl<'r> de::Deserializer<'r> for RowDe<'r> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'r>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_map(RowMap { row: self, next: 0 })
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'r>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

/// The cells of a row, one column of the header after the other, in the table's column order.
struct RowMap<'r> {
    row: RowDe<'r>,
    /// The next entry of `Header::present`.
    next: usize,
}

impl<'r> MapAccess<'r> for RowMap<'r> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'r>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some(present) = self.row.header.present().get(self.next) else {
            return Ok(None);
        };
        seed.deserialize(present.column.name.into_deserializer())
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'r>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let row = &self.row;
        let Some(present) = row.header.present().get(self.next) else {
            return Err(DeError::Model("a value without a key".to_owned()));
        };
        self.next += 1;
        let cell = Cell {
            text: row.fields.field(present.index).unwrap_or_default(),
            column: present.column,
            vocabulary: present.vocabulary.as_deref(),
            src: row.src,
            line: row.line,
            position: row.header.position(present.index),
        };
        let at = || cell.at();
        match seed.deserialize(cell) {
            Ok(v) => Ok(v),
            Err(DeError::Model(_)) if cell.column.ty == ColumnType::Date => {
                Err(DeError::Load(invalid_date(cell.text, at())))
            }
            Err(e) => Err(DeError::Load(e.into_error(|_| at()))),
        }
    }
}

/// The error of a text that is not a date, as every reader words it.
pub(crate) fn invalid_date(text: &str, at: Location) -> Error {
    Error::load(
        LoadErrorKind::InvalidDate,
        at,
        Msg::new(
            format!("`{text}` không phải là một ngày có thật: viết DD/MM/YYYY hoặc YYYY-MM-DD"),
            format!("invalid date `{text}`: expected a real date as YYYY-MM-DD or DD/MM/YYYY"),
        ),
    )
}

/// One cell: its text and the column it stands under.
#[derive(Clone, Copy)]
pub(crate) struct Cell<'r> {
    pub(crate) text: &'r str,
    pub(crate) column: &'static Column,
    /// The words of the column's vocabulary, for a word column.
    pub(crate) vocabulary: Option<&'r [Entry]>,
    pub(crate) src: &'r Source,
    pub(crate) line: u64,
    pub(crate) position: Option<u32>,
}

impl<'r> Cell<'r> {
    fn at(&self) -> Location {
        self.src
            .at(self.line, self.position, Some(self.column.name))
    }

    fn blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    fn error(&self, kind: LoadErrorKind, message: Msg) -> DeError {
        DeError::Load(Error::load(kind, self.at(), message))
    }

    /// The error of an empty cell where the model needs a value.
    fn missing(&self) -> DeError {
        let column = self.column.name;
        self.error(
            LoadErrorKind::MissingField,
            Msg::new(
                format!("ô `{column}` không được để trống"),
                format!("`{column}` must not be empty"),
            ),
        )
    }

    /// The text of a filled cell.
    fn filled(&self) -> Result<&'r str, DeError> {
        if self.blank() {
            Err(self.missing())
        } else {
            Ok(self.text)
        }
    }

    fn not_a_number(&self) -> DeError {
        let text = self.text;
        self.error(
            LoadErrorKind::InvalidValue,
            Msg::new(
                format!("`{text}` không phải là một số nguyên trong khoảng cho phép"),
                format!("`{text}` is not a whole number in the allowed range"),
            ),
        )
    }

    /// The canonical word a word cell stands for (its Vietnamese forms accepted).
    fn word(&self, text: &str, entries: &[Entry]) -> Result<&'static str, DeError> {
        crate::words::find_entry(text, entries)
            .and_then(|i| entries.get(i))
            .map(|(word, _)| *word)
            .ok_or_else(|| {
                let accepted = crate::words::describe_entries(entries);
                self.error(
                    LoadErrorKind::InvalidValue,
                    Msg::new(
                        format!(
                            "giá trị `{text}` không có trong danh mục (các giá trị được nhận: {accepted})"
                        ),
                        format!("unknown value `{text}` (expected one of: {accepted})"),
                    ),
                )
            })
    }
}

macro_rules! numbers {
    ($($method:ident $visit:ident $ty:ty),* $(,)?) => {$(
        fn $method<V: Visitor<'r>>(self, visitor: V) -> Result<V::Value, DeError> {
            let value = self.filled()?.trim().parse::<$ty>().map_err(|_| self.not_a_number())?;
            visitor.$visit(value)
        }
    )*};
}

impl<'r> de::Deserializer<'r> for Cell<'r> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'r>>(self, visitor: V) -> Result<V::Value, DeError> {
        let text = self.filled()?;
        match self.vocabulary {
            Some(entries) => visitor.visit_borrowed_str(self.word(text, entries)?),
            None => visitor.visit_borrowed_str(text),
        }
    }

    fn deserialize_option<V: Visitor<'r>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.blank() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// A yes/no cell: `true`, `có`, `x`, `1`, `yes` (any case) are yes; `false`, `không`,
    /// `0`, `no` or an empty cell are no; anything else is an error naming the column.
    fn deserialize_bool<V: Visitor<'r>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.blank() {
            return visitor.visit_bool(false);
        }
        let text = self.text;
        match crate::words::fold(text).as_str() {
            "true" | "có" | "x" | "1" | "yes" => visitor.visit_bool(true),
            "false" | "không" | "0" | "no" => visitor.visit_bool(false),
            _ => Err(self.error(
                LoadErrorKind::InvalidValue,
                Msg::new(
                    format!("`{text}` không phải là có hoặc không (viết có hoặc không; true hoặc false)"),
                    format!("`{text}` is not yes or no (write true or false; có or không)"),
                ),
            )),
        }
    }

    numbers! {
        deserialize_i8 visit_i8 i8, deserialize_i16 visit_i16 i16, deserialize_i32 visit_i32 i32,
        deserialize_i64 visit_i64 i64, deserialize_u8 visit_u8 u8, deserialize_u16 visit_u16 u16,
        deserialize_u32 visit_u32 u32, deserialize_u64 visit_u64 u64,
    }

    /// A text of the model ([`crate::model::text`]) is handed over as it is: the readers
    /// have put the whole file or cell in NFC already. Another newtype is read from the cell.
    fn deserialize_newtype_struct<V: Visitor<'r>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        if name == crate::model::text::NAME {
            self.deserialize_any(visitor)
        } else {
            visitor.visit_newtype_struct(self)
        }
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'r>>
        i128 u128 f32 f64 char str string bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}
