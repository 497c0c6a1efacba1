//! The checks of a dataset read from JSON that serde cannot make while reading, walked
//! through the model's `Serialize` so no table or field is named here: the record count of
//! each table, then each text against the field cap and, for a required text, that it is
//! not blank. (While reading, the model's text fields already put texts in NFC and make a
//! blank optional text absent: `model::text`.)

use crate::error::{Error, LoadErrorKind, Location, Msg, Result};
use crate::limits::Limits;
use serde::ser::{self, Impossible, Serialize, SerializeSeq, SerializeStruct};
use std::fmt;

/// Checks `value` (a dataset: a struct of lists of records) under `limits`; `file` names it.
pub(crate) fn check<T: Serialize>(value: &T, file: &str, limits: &Limits) -> Result<()> {
    for texts in [false, true] {
        let walk = Walk {
            file,
            limits,
            texts,
        };
        value.serialize(Tables(walk)).map_err(|e| e.0)?;
    }
    Ok(())
}

/// The error of a walk: the crate's error.
#[derive(Debug)]
struct WalkError(Error);

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for WalkError {}

impl ser::Error for WalkError {
    fn custom<T: fmt::Display>(msg: T) -> WalkError {
        WalkError(Error::invalid_argument(
            "dataset",
            Msg::new(
                format!("không kiểm tra được bộ dữ liệu (chi tiết kỹ thuật: {msg})"),
                format!("cannot check the dataset: {msg}"),
            ),
        ))
    }
}

fn unsupported<T>(what: &str) -> std::result::Result<T, WalkError> {
    Err(ser::Error::custom(format_args!("{what} in a dataset")))
}

/// What every level of the walk knows: the file, the caps, and whether texts are checked
/// (the first walk counts the records of every table, the second checks the texts).
#[derive(Clone, Copy)]
struct Walk<'a> {
    file: &'a str,
    limits: &'a Limits,
    texts: bool,
}

/// Where a value is: its table, its record and its field.
#[derive(Clone, Copy)]
struct Place<'a> {
    walk: Walk<'a>,
    table: &'static str,
    record: usize,
    field: &'static str,
}

impl Place<'_> {
    fn at(&self) -> Location {
        Location {
            file: Some(self.walk.file.to_owned()),
            field: Some(self.field.to_owned()),
            path: Some(format!("{}[{}].{}", self.table, self.record, self.field)),
            ..Location::default()
        }
    }
}

type R = std::result::Result<(), WalkError>;

/// The methods a level does not expect: an error (the model has no such shape there).
macro_rules! unexpected {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {$(
        fn $method(self, $(_: $arg),*) -> R {
            unsupported(stringify!($method))
        }
    )*};
}

/// The methods of a level that ignores scalars (a number, a word, a date, a flag).
macro_rules! scalars_pass {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {$(
        fn $method(self, $(_: $arg),*) -> R {
            Ok(())
        }
    )*};
}

macro_rules! compounds_unexpected {
    () => {
        type SerializeTuple = Impossible<(), WalkError>;
        type SerializeTupleStruct = Impossible<(), WalkError>;
        type SerializeTupleVariant = Impossible<(), WalkError>;
        type SerializeMap = Impossible<(), WalkError>;
        type SerializeStructVariant = Impossible<(), WalkError>;

        fn serialize_tuple(self, _: usize) -> std::result::Result<Self::SerializeTuple, WalkError> {
            unsupported("a tuple")
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> std::result::Result<Self::SerializeTupleStruct, WalkError> {
            unsupported("a tuple struct")
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> std::result::Result<Self::SerializeTupleVariant, WalkError> {
            unsupported("a tuple variant")
        }
        fn serialize_map(
            self,
            _: Option<usize>,
        ) -> std::result::Result<Self::SerializeMap, WalkError> {
            unsupported("a map")
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> std::result::Result<Self::SerializeStructVariant, WalkError> {
            unsupported("a struct variant")
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> R {
            unsupported("a newtype variant")
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> R {
            value.serialize(self)
        }
    };
}

macro_rules! scalars_unexpected {
    () => {
        unexpected! {
            serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
            serialize_i64(i64), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
            serialize_u64(u64), serialize_f32(f32), serialize_f64(f64), serialize_char(char),
            serialize_str(&str), serialize_bytes(&[u8]), serialize_none(), serialize_unit(),
            serialize_unit_struct(&'static str),
            serialize_unit_variant(&'static str, u32, &'static str),
        }
        fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> R {
            unsupported("an optional value")
        }
    };
}

/// The dataset: a struct whose fields are the tables.
struct Tables<'a>(Walk<'a>);

impl<'a> ser::Serializer for Tables<'a> {
    type Ok = ();
    type Error = WalkError;
    type SerializeSeq = Impossible<(), WalkError>;
    type SerializeStruct = Self;
    compounds_unexpected!();
    scalars_unexpected!();

    fn serialize_seq(self, _: Option<usize>) -> std::result::Result<Self::SerializeSeq, WalkError> {
        unsupported("a list of datasets")
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> std::result::Result<Self, WalkError> {
        Ok(self)
    }
}

impl SerializeStruct for Tables<'_> {
    type Ok = ();
    type Error = WalkError;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, table: &'static str, value: &T) -> R {
        value.serialize(Records {
            walk: self.0,
            table,
            next: 0,
        })
    }

    fn end(self) -> R {
        Ok(())
    }
}

/// One table: a list of records.
struct Records<'a> {
    walk: Walk<'a>,
    table: &'static str,
    next: usize,
}

impl<'a> ser::Serializer for Records<'a> {
    type Ok = ();
    type Error = WalkError;
    type SerializeSeq = Self;
    type SerializeStruct = Impossible<(), WalkError>;
    compounds_unexpected!();
    scalars_unexpected!();

    fn serialize_seq(self, len: Option<usize>) -> std::result::Result<Self, WalkError> {
        let (walk, table) = (self.walk, self.table);
        if !walk.texts {
            walk.limits
                .check_records(table, len.unwrap_or(0), || Location {
                    file: Some(walk.file.to_owned()),
                    path: Some(table.to_owned()),
                    ..Location::default()
                })
                .map_err(WalkError)?;
        }
        Ok(self)
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeStruct, WalkError> {
        unsupported("a record where a table is expected")
    }
}

impl SerializeSeq for Records<'_> {
    type Ok = ();
    type Error = WalkError;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
        let record = self.next;
        self.next += 1;
        if !self.walk.texts {
            return Ok(());
        }
        value.serialize(Fields(Place {
            walk: self.walk,
            table: self.table,
            record,
            field: "",
        }))
    }

    fn end(self) -> R {
        Ok(())
    }
}

/// One record: a struct of values.
struct Fields<'a>(Place<'a>);

impl<'a> ser::Serializer for Fields<'a> {
    type Ok = ();
    type Error = WalkError;
    type SerializeSeq = Impossible<(), WalkError>;
    type SerializeStruct = Self;
    compounds_unexpected!();
    scalars_unexpected!();

    fn serialize_seq(self, _: Option<usize>) -> std::result::Result<Self::SerializeSeq, WalkError> {
        unsupported("a list where a record is expected")
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> std::result::Result<Self, WalkError> {
        Ok(self)
    }
}

impl SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = WalkError;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, field: &'static str, value: &T) -> R {
        value.serialize(Value {
            place: Place { field, ..self.0 },
            required: true,
        })
    }

    fn end(self) -> R {
        Ok(())
    }
}

/// One value of a record; `required` until it is found inside an option.
struct Value<'a> {
    place: Place<'a>,
    required: bool,
}

impl<'a> ser::Serializer for Value<'a> {
    type Ok = ();
    type Error = WalkError;
    type SerializeSeq = Impossible<(), WalkError>;
    type SerializeStruct = Impossible<(), WalkError>;
    compounds_unexpected!();

    scalars_pass! {
        serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
        serialize_i64(i64), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
        serialize_u64(u64), serialize_f32(f32), serialize_f64(f64), serialize_char(char),
        serialize_bytes(&[u8]), serialize_none(), serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    }

    /// A text: within the field cap and, when required, not blank.
    fn serialize_str(self, text: &str) -> R {
        let place = self.place;
        place
            .walk
            .limits
            .check_field(text.len(), || place.at())
            .map_err(WalkError)?;
        if self.required && text.trim().is_empty() {
            let field = place.field;
            return Err(WalkError(Error::load(
                LoadErrorKind::MissingField,
                place.at(),
                Msg::new(
                    format!("trường `{field}` không được để trống"),
                    format!("`{field}` must not be empty"),
                ),
            )));
        }
        Ok(())
    }

    /// A date or another value written through `Display`: not a text of the records.
    fn collect_str<T: ?Sized + fmt::Display>(self, _: &T) -> R {
        Ok(())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> R {
        value.serialize(Value {
            place: self.place,
            required: false,
        })
    }

    fn serialize_seq(self, _: Option<usize>) -> std::result::Result<Self::SerializeSeq, WalkError> {
        unsupported("a list in a record")
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeStruct, WalkError> {
        unsupported("a record in a record")
    }
}
