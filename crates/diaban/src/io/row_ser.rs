//! Records written as rows of text through serde: the model's own `Serialize` names each
//! field, and the field's cell is placed under its column of [`super::columns`]. Dates are
//! ISO (`YYYY-MM-DD`), words canonical, an absent value is an empty cell (so is a `false`
//! flag: the model skips it), a `true` flag is `true`.

use super::columns::{Table, TABLES};
use serde::ser::{self, Impossible, Serialize, SerializeSeq, SerializeStruct};
use std::fmt;

/// A record the rows cannot hold: a field without a column, or a value that is not one cell.
/// The model's types never give one (a test serialises a record of every table).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SerError(String);

impl fmt::Display for SerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: fmt::Display>(msg: T) -> SerError {
        SerError(msg.to_string())
    }
}

/// The tables of a dataset as rows of text, in the order of the dataset's fields (the
/// tables it skips, empty ones, are left out).
pub(crate) type Tables = Vec<(&'static Table, Vec<Vec<String>>)>;

/// Writes a whole dataset (a struct of lists, one per table) as its tables.
pub(crate) struct DatasetSer;

/// Writes one record as its cells, in the order of `Table::columns`.
pub(crate) struct RecordSer(pub(crate) &'static Table);

/// Writes one value as the text of a cell.
struct CellSer;

fn unsupported<T>(what: &str) -> Result<T, SerError> {
    Err(SerError(format!("{what} cannot be written in one cell")))
}

macro_rules! not_a_table {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {$(
        fn $method(self, $(_: $arg),*) -> Result<Self::Ok, SerError> {
            unsupported(stringify!($method))
        }
    )*};
}

macro_rules! compound_unsupported {
    () => {
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, SerError> {
            unsupported("a tuple")
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, SerError> {
            unsupported("a tuple struct")
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, SerError> {
            unsupported("a tuple variant")
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, SerError> {
            unsupported("a map")
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, SerError> {
            unsupported("a struct variant")
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<Self::Ok, SerError> {
            unsupported("a newtype variant")
        }
    };
}

macro_rules! leaves_unsupported {
    () => {
        not_a_table! {
            serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
            serialize_i64(i64), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
            serialize_u64(u64), serialize_f32(f32), serialize_f64(f64), serialize_char(char),
            serialize_str(&str), serialize_bytes(&[u8]), serialize_none(), serialize_unit(),
            serialize_unit_struct(&'static str),
            serialize_unit_variant(&'static str, u32, &'static str),
        }
        fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<Self::Ok, SerError> {
            unsupported("an optional value")
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: &T,
        ) -> Result<Self::Ok, SerError> {
            unsupported("a newtype")
        }
    };
}

impl ser::Serializer for DatasetSer {
    type Ok = Tables;
    type Error = SerError;
    type SerializeSeq = Impossible<Tables, SerError>;
    type SerializeTuple = Impossible<Tables, SerError>;
    type SerializeTupleStruct = Impossible<Tables, SerError>;
    type SerializeTupleVariant = Impossible<Tables, SerError>;
    type SerializeMap = Impossible<Tables, SerError>;
    type SerializeStruct = DatasetTables;
    type SerializeStructVariant = Impossible<Tables, SerError>;

    leaves_unsupported!();
    compound_unsupported!();

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, SerError> {
        unsupported("a list of datasets")
    }

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<DatasetTables, SerError> {
        Ok(DatasetTables(Vec::with_capacity(len)))
    }
}

/// The tables written so far.
pub(crate) struct DatasetTables(Tables);

impl SerializeStruct for DatasetTables {
    type Ok = Tables;
    type Error = SerError;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        let Some(table) = TABLES.iter().find(|t| t.name == key) else {
            return Err(SerError(format!(
                "the dataset's list `{key}` is not a table"
            )));
        };
        let rows = value.serialize(TableSer(table))?;
        self.0.push((table, rows));
        Ok(())
    }

    fn end(self) -> Result<Tables, SerError> {
        Ok(self.0)
    }
}

/// Writes the records of one table.
struct TableSer(&'static Table);

impl ser::Serializer for TableSer {
    type Ok = Vec<Vec<String>>;
    type Error = SerError;
    type SerializeSeq = TableRows;
    type SerializeTuple = Impossible<Self::Ok, SerError>;
    type SerializeTupleStruct = Impossible<Self::Ok, SerError>;
    type SerializeTupleVariant = Impossible<Self::Ok, SerError>;
    type SerializeMap = Impossible<Self::Ok, SerError>;
    type SerializeStruct = Impossible<Self::Ok, SerError>;
    type SerializeStructVariant = Impossible<Self::Ok, SerError>;

    leaves_unsupported!();
    compound_unsupported!();

    fn serialize_seq(self, len: Option<usize>) -> Result<TableRows, SerError> {
        Ok(TableRows {
            table: self.0,
            rows: Vec::with_capacity(len.unwrap_or(0)),
        })
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, SerError> {
        unsupported("a record where a list is expected")
    }
}

struct TableRows {
    table: &'static Table,
    rows: Vec<Vec<String>>,
}

impl SerializeSeq for TableRows {
    type Ok = Vec<Vec<String>>;
    type Error = SerError;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        self.rows.push(value.serialize(RecordSer(self.table))?);
        Ok(())
    }

    fn end(self) -> Result<Self::Ok, SerError> {
        Ok(self.rows)
    }
}

impl ser::Serializer for RecordSer {
    type Ok = Vec<String>;
    type Error = SerError;
    type SerializeSeq = Impossible<Vec<String>, SerError>;
    type SerializeTuple = Impossible<Vec<String>, SerError>;
    type SerializeTupleStruct = Impossible<Vec<String>, SerError>;
    type SerializeTupleVariant = Impossible<Vec<String>, SerError>;
    type SerializeMap = Impossible<Vec<String>, SerError>;
    type SerializeStruct = RecordCells;
    type SerializeStructVariant = Impossible<Vec<String>, SerError>;

    leaves_unsupported!();
    compound_unsupported!();

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, SerError> {
        unsupported("a list where a record is expected")
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<RecordCells, SerError> {
        Ok(RecordCells {
            table: self.0,
            cells: vec![String::new(); self.0.columns.len()],
            next: 0,
        })
    }
}

/// The cells of one record, filled field by field.
pub(crate) struct RecordCells {
    table: &'static Table,
    cells: Vec<String>,
    /// Where the next field's column is looked for first (the model lists its fields in the
    /// columns' order, so the search is one comparison).
    next: usize,
}

impl RecordCells {
    fn position(&self, key: &str) -> Result<usize, SerError> {
        let columns = self.table.columns;
        if columns.get(self.next).is_some_and(|c| c.name == key) {
            return Ok(self.next);
        }
        columns.iter().position(|c| c.name == key).ok_or_else(|| {
            SerError(format!(
                "the field `{key}` has no column in `{}`",
                self.table.name
            ))
        })
    }
}

impl SerializeStruct for RecordCells {
    type Ok = Vec<String>;
    type Error = SerError;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        let at = self.position(key)?;
        let text = value.serialize(CellSer)?;
        if let Some(cell) = self.cells.get_mut(at) {
            *cell = text;
        }
        self.next = at + 1;
        Ok(())
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), SerError> {
        self.next = self.position(key)? + 1;
        Ok(())
    }

    fn end(self) -> Result<Vec<String>, SerError> {
        Ok(self.cells)
    }
}

macro_rules! display {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Result<String, SerError> {
            Ok(v.to_string())
        }
    )*};
}

impl ser::Serializer for CellSer {
    type Ok = String;
    type Error = SerError;
    type SerializeSeq = Impossible<String, SerError>;
    type SerializeTuple = Impossible<String, SerError>;
    type SerializeTupleStruct = Impossible<String, SerError>;
    type SerializeTupleVariant = Impossible<String, SerError>;
    type SerializeMap = Impossible<String, SerError>;
    type SerializeStruct = Impossible<String, SerError>;
    type SerializeStructVariant = Impossible<String, SerError>;

    compound_unsupported!();

    display! {
        serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
        serialize_i64(i64), serialize_i128(i128), serialize_u8(u8), serialize_u16(u16),
        serialize_u32(u32), serialize_u64(u64), serialize_u128(u128), serialize_f32(f32),
        serialize_f64(f64), serialize_char(char), serialize_str(&str),
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<String, SerError> {
        unsupported("bytes")
    }

    fn serialize_none(self) -> Result<String, SerError> {
        Ok(String::new())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<String, SerError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<String, SerError> {
        Ok(String::new())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<String, SerError> {
        Ok(String::new())
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        word: &'static str,
    ) -> Result<String, SerError> {
        Ok(word.to_owned())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, SerError> {
        value.serialize(self)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, SerError> {
        unsupported("a list")
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, SerError> {
        unsupported("a record")
    }
}
