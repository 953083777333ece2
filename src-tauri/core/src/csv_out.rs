//! CSV that opens cleanly in Excel: RFC 4180 with CRLF, UTF-8 with a BOM (so
//! £ and € show right), numbers as plain numbers, and text that a
//! spreadsheet would run as a formula neutralised (OWASP CSV injection).

/// One cell: numbers are written as they are; text may be neutralised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Number(String),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

/// A text starting with = + - @ tab or CR gets a leading apostrophe, so a
/// spreadsheet shows it as text instead of evaluating it.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// Writes a header row and rows as CSV bytes.
pub fn write(header: &[&str], rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        w.write_record(header).expect("writing to memory");
        for row in rows {
            w.write_record(row.iter().map(|c| match c {
                Cell::Text(t) => neutralise(t).into_owned(),
                Cell::Number(n) => n.clone(),
            }))
            .expect("writing to memory");
        }
        w.flush().expect("writing to memory");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_but_numbers_stay_numbers() {
        let bytes = write(&["a", "b"], &[vec![Cell::text("=SUM(A1)"), Cell::Number("-5.00".into())], vec![Cell::text("£, \"x\""), Cell::Number("7".into())]]);
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text, "\u{feff}a,b\r\n'=SUM(A1),-5.00\r\n\"£, \"\"x\"\"\",7\r\n");
        for bad in ["+1", "-x", "@cmd", "\tz", "\rz"] {
            assert!(neutralise(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralise("plain"), "plain");
    }
}
