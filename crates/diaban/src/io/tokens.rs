//! The CSV tokenizer: splits a text into records of fields borrowed from it (a field is
//! copied only when it is quoted and holds a doubled quote `""`), counting lines as a person
//! sees them (CRLF, LF and a lone CR each end one line) and refusing what RFC 4180 does not
//! allow: a quote inside an unquoted field, text after a closing quote, an unclosed quote and
//! a record whose number of fields differs from the header's.
//!
//! A line without a quote and without a lone CR (nearly every line of real files) is split
//! with `memchr`; any other line goes through the byte-by-byte state machine. Empty lines are
//! skipped, as the `csv` crate did before this reader replaced it.
//!
//! A large text is cut into chunks at record ends ([`chunks`]) so that several threads can
//! read it: each chunk knows the line it starts on, and records never span two chunks.

use super::cells::Fields;
use crate::error::{Error, LoadErrorKind, Location, Msg, Result};
use std::borrow::Cow;

/// The fields of one record.
pub(crate) type Record<'t> = Vec<Cow<'t, str>>;

impl Fields for Record<'_> {
    fn field(&self, i: usize) -> Option<&str> {
        self.get(i).map(|f| &**f)
    }
    fn count(&self) -> usize {
        self.len()
    }
}

/// The records of a CSV text (or of one chunk of it).
pub(crate) struct Tokens<'t> {
    text: &'t str,
    pos: usize,
    line: u64,
    delimiter: u8,
    /// The number of fields every record must have (the header's), once known.
    width: Option<usize>,
    file: &'t str,
    failed: bool,
}

impl<'t> Tokens<'t> {
    /// The records of `text`, whose first line is line `line` of `file`.
    pub(crate) fn new(text: &'t str, line: u64, delimiter: u8, file: &'t str) -> Tokens<'t> {
        Tokens {
            text,
            pos: 0,
            line,
            delimiter,
            width: None,
            file,
            failed: false,
        }
    }

    /// The byte offset of the next record.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    /// The line of the next record (or of the empty lines before it).
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// Every record must have `width` fields from now on.
    pub(crate) fn expect_width(&mut self, width: usize) {
        self.width = Some(width);
    }

    fn error(&self, line: u64, message: Msg) -> Error {
        Error::load(
            LoadErrorKind::CsvSyntax,
            Location {
                file: Some(self.file.to_owned()),
                line: Some(line),
                ..Location::default()
            },
            message,
        )
    }

    fn stray_quote(&self, line: u64) -> Error {
        self.error(
            line,
            Msg::new(
                "dấu ngoặc kép thừa hoặc chưa đóng: một ô trong ngoặc kép phải mở và đóng bằng `\"` (viết `\"\"` cho dấu ngoặc kép bên trong)",
                "a stray or unclosed quote: a quoted field must start and end with `\"` (write `\"\"` for a quote inside it)",
            ),
        )
    }

    /// The slice `from..to` of the text; the ends are always at ASCII bytes, so on character
    /// boundaries (an empty field otherwise, which cannot happen).
    fn slice(&self, from: usize, to: usize) -> &'t str {
        self.text.get(from..to).unwrap_or_default()
    }

    /// Skips empty lines; false at the end of the text.
    fn skip_empty_lines(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        loop {
            match bytes.get(self.pos) {
                None => return false,
                Some(b'\n') => {
                    self.pos += 1;
                    self.line += 1;
                }
                Some(b'\r') => {
                    self.pos += 1;
                    if bytes.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    self.line += 1;
                }
                Some(_) => return true,
            }
        }
    }

    /// Reads one record starting at `self.pos` (not at an empty line).
    fn record(&mut self) -> Result<(u64, Record<'t>)> {
        let bytes = self.text.as_bytes();
        let start_line = self.line;
        let rest = bytes.get(self.pos..).unwrap_or_default();
        let end = memchr::memchr(b'\n', rest).map_or(bytes.len(), |i| self.pos + i);
        let mut line_end = end;
        if line_end > self.pos && bytes.get(line_end - 1) == Some(&b'\r') {
            line_end -= 1;
        }
        let line = bytes.get(self.pos..line_end).unwrap_or_default();
        let mut fields = Record::with_capacity(self.width.unwrap_or(8));
        if memchr::memchr2(b'"', b'\r', line).is_none() {
            // The fast path: no quote, no lone CR; every field is a slice of the line.
            // The delimiter is one ASCII byte, so every position memchr finds is a character
            // boundary of the text.
            let text = self.slice(self.pos, line_end);
            let mut from = 0;
            for at in memchr::memchr_iter(self.delimiter, line) {
                fields.push(Cow::Borrowed(text.get(from..at).unwrap_or_default()));
                from = at + 1;
            }
            fields.push(Cow::Borrowed(text.get(from..).unwrap_or_default()));
            self.pos = if end < bytes.len() { end + 1 } else { end };
            self.line += 1;
        } else {
            self.slow_record(&mut fields)?;
        }
        if let Some(width) = self.width.filter(|w| *w != fields.len()) {
            return Err(self.error(
                start_line,
                Msg::new(
                    format!(
                        "hàng này có {} ô nhưng dòng tiêu đề có {width} cột",
                        fields.len()
                    ),
                    format!(
                        "this row has {} fields but the header has {width}",
                        fields.len()
                    ),
                ),
            ));
        }
        Ok((start_line, fields))
    }

    /// The state machine for a record with quotes or lone CRs; leaves `pos` after the record's
    /// line end.
    fn slow_record(&mut self, fields: &mut Record<'t>) -> Result<()> {
        let bytes = self.text.as_bytes();
        let d = self.delimiter;
        loop {
            // One field starts at `pos`.
            if bytes.get(self.pos) == Some(&b'"') {
                let opened_on = self.line;
                self.pos += 1;
                let mut segment = self.pos;
                let mut owned: Option<String> = None;
                loop {
                    let rest = bytes.get(self.pos..).unwrap_or_default();
                    let Some(q) = memchr::memchr(b'"', rest).map(|i| self.pos + i) else {
                        return Err(self.stray_quote(opened_on));
                    };
                    self.line += line_ends(bytes.get(self.pos..q).unwrap_or_default());
                    if bytes.get(q + 1) == Some(&b'"') {
                        owned
                            .get_or_insert_with(String::new)
                            .push_str(self.slice(segment, q + 1));
                        self.pos = q + 2;
                        segment = self.pos;
                        continue;
                    }
                    let field = match owned.take() {
                        Some(mut s) => {
                            s.push_str(self.slice(segment, q));
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(self.slice(segment, q)),
                    };
                    fields.push(field);
                    self.pos = q + 1;
                    break;
                }
                match bytes.get(self.pos) {
                    Some(b) if *b == d => self.pos += 1,
                    None | Some(b'\n' | b'\r') => {
                        self.end_of_line();
                        return Ok(());
                    }
                    Some(_) => return Err(self.stray_quote(self.line)),
                }
            } else {
                let start = self.pos;
                loop {
                    match bytes.get(self.pos) {
                        Some(b) if *b == d => {
                            fields.push(Cow::Borrowed(self.slice(start, self.pos)));
                            self.pos += 1;
                            break;
                        }
                        None | Some(b'\n' | b'\r') => {
                            fields.push(Cow::Borrowed(self.slice(start, self.pos)));
                            self.end_of_line();
                            return Ok(());
                        }
                        Some(b'"') => return Err(self.stray_quote(self.line)),
                        Some(_) => self.pos += 1,
                    }
                }
            }
        }
    }

    /// Steps over the line end at `pos` (CRLF, LF, CR or the end of the text).
    fn end_of_line(&mut self) {
        let bytes = self.text.as_bytes();
        match bytes.get(self.pos) {
            Some(b'\r') => {
                self.pos += 1;
                if bytes.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
                self.line += 1;
            }
            Some(b'\n') => {
                self.pos += 1;
                self.line += 1;
            }
            _ => {}
        }
    }
}

impl<'t> Iterator for Tokens<'t> {
    type Item = Result<(u64, Record<'t>)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || !self.skip_empty_lines() {
            return None;
        }
        let record = self.record();
        self.failed = record.is_err();
        Some(record)
    }

    /// At most one record per line, and, once the width is known, per `width` bytes (its
    /// delimiters and line end), so that a reader can size its list once (one scan of the
    /// rest of the text with `memchr`).
    fn size_hint(&self) -> (usize, Option<usize>) {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        match self.width {
            Some(width) if !self.failed => {
                let lines = usize::try_from(line_ends(rest)).unwrap_or(usize::MAX);
                let upper = lines.saturating_add(1).min(rest.len() / width.max(1) + 1);
                (0, Some(upper))
            }
            _ => (0, None),
        }
    }
}

/// The number of line ends in `bytes` (CRLF, LF and a lone CR count one each).
pub(crate) fn line_ends(bytes: &[u8]) -> u64 {
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(|&i| bytes.get(i) == Some(&b'\n') || bytes.get(i + 1) != Some(&b'\n'))
        .count() as u64
}

/// Cuts `text` (after its header, which ends before `from`) into at most `parts` chunks that
/// each end at a record's end: `(start, end, first line)`. A cut is made only at a line end
/// outside quotes, found by the parity of the quotes before it (in RFC 4180 a doubled quote
/// inside a field adds two). `line` is the line on which `from` lies.
pub(crate) fn chunks(text: &str, from: usize, line: u64, parts: usize) -> Vec<(usize, usize, u64)> {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let parts = parts.max(1);
    let step = len.saturating_sub(from) / parts;
    let mut out = Vec::with_capacity(parts);
    let mut start = from;
    let mut start_line = line;
    // Quotes counted up to `counted`.
    let mut quotes = 0usize;
    let mut counted = from;
    for k in 1..parts {
        let target = from + step * k;
        if target <= start {
            continue;
        }
        let mut cut = target;
        let found = loop {
            let rest = bytes.get(cut..).unwrap_or_default();
            let Some(nl) = memchr::memchr(b'\n', rest) else {
                break None;
            };
            let at = cut + nl;
            quotes += memchr::memchr_iter(b'"', bytes.get(counted..at).unwrap_or_default()).count();
            counted = at;
            if quotes.is_multiple_of(2) {
                break Some(at + 1);
            }
            cut = at + 1;
        };
        let Some(end) = found else { break };
        if end >= len {
            break;
        }
        out.push((start, end, start_line));
        start_line += line_ends(bytes.get(start..end).unwrap_or_default());
        start = end;
    }
    out.push((start, len, start_line));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    type Rows = Vec<(u64, Vec<String>)>;

    fn all(text: &str) -> std::result::Result<Rows, (String, Option<u64>)> {
        Tokens::new(text, 1, b',', "t.csv")
            .map(|r| r.map(|(l, f)| (l, f.into_iter().map(Cow::into_owned).collect())))
            .collect::<Result<Vec<_>>>()
            .map_err(|e| (e.code().to_owned(), e.location().and_then(|l| l.line)))
    }

    fn row(line: u64, fields: &[&str]) -> (u64, Vec<String>) {
        (line, fields.iter().map(|f| (*f).to_owned()).collect())
    }

    #[test]
    fn lines_are_counted_as_a_person_sees_them() {
        assert_eq!(
            all("a,b\r\nc,d\n\ne,f\rg,h").unwrap(),
            vec![
                row(1, &["a", "b"]),
                row(2, &["c", "d"]),
                row(4, &["e", "f"]),
                row(5, &["g", "h"])
            ]
        );
        assert_eq!(line_ends(b"a\r\nb\nc\rd\r\r\n"), 5);
        assert_eq!(line_ends(b"\n\n"), 2);
        assert_eq!(line_ends(b"\r\n\r\n"), 2);
    }

    #[test]
    fn quoted_fields_keep_separators_quotes_and_line_ends() {
        assert_eq!(
            all("\"a,\"\"b\"\"\",\"x\ny\"\nz,\"\"\n").unwrap(),
            vec![row(1, &["a,\"b\"", "x\ny"]), row(3, &["z", ""])]
        );
    }

    #[test]
    fn stray_and_unclosed_quotes_are_errors_on_their_line() {
        let stray = ("csv_syntax".to_owned(), Some(2));
        assert_eq!(all("a,b\nc\"d,e\n"), Err(stray.clone()));
        assert_eq!(all("a,b\n\"c\"d,e\n"), Err(stray.clone()));
        assert_eq!(all("a,b\n\"c,e\n\n"), Err(stray));
    }

    #[test]
    fn ragged_records_are_errors_on_their_line() {
        let mut t = Tokens::new("a,b\nc\n", 1, b',', "t.csv");
        t.expect_width(2);
        assert!(t.next().unwrap().is_ok());
        let e = t.next().unwrap().unwrap_err();
        assert_eq!(
            (e.code(), e.location().unwrap().line),
            ("csv_syntax", Some(2))
        );
        assert!(t.next().is_none());
    }

    #[test]
    fn chunks_end_at_records_and_know_their_lines() {
        let text = "h\n1\n\"2\n2\"\n3\r\n4\n5\n6\n7\n8\n";
        for parts in 1..8 {
            let cuts = chunks(text, 2, 2, parts);
            let mut joined = Vec::new();
            for (from, to, line) in &cuts {
                let got: Vec<_> = Tokens::new(&text[*from..*to], *line, b',', "t.csv")
                    .map(|r| r.unwrap())
                    .map(|(l, f)| (l, f.concat()))
                    .collect();
                joined.extend(got);
            }
            let whole: Vec<_> = Tokens::new(&text[2..], 2, b',', "t.csv")
                .map(|r| r.unwrap())
                .map(|(l, f)| (l, f.concat()))
                .collect();
            assert_eq!(joined, whole, "{parts} parts: {cuts:?}");
        }
    }

    #[test]
    fn the_size_hint_never_promises_fewer_records_than_there_are() {
        let texts = [
            "a,b\r\nc,d\n\ne,f\rg,h",
            "a,b\nc,d",
            "a,b\nc,d\n",
            "\"x\ny\",b\n\"\",\"\"\n",
            "\n\n\na,b\n\n",
            "a,b",
            "",
        ];
        for text in texts {
            let mut tokens = Tokens::new(text, 1, b',', "t.csv");
            tokens.expect_width(2);
            let (_, upper) = tokens.size_hint();
            let upper = upper.unwrap();
            let count = tokens.filter(Result::is_ok).count();
            assert!(count <= upper, "{text:?}: {count} records, hint {upper}");
        }
        assert_eq!(Tokens::new("a,b", 1, b',', "t.csv").size_hint(), (0, None));
    }
}
