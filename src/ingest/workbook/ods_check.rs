//! A pre-flight pass over an OpenDocument spreadsheet's `content.xml` before
//! calamine reads it: calamine expands `number-rows-repeated` and
//! `number-columns-repeated` into cells, so a file that repeats a filled row
//! a million times costs minutes and gigabytes. This pass counts the area
//! the sheet's content spans, repeats included, without expanding anything.

use crate::ingest::grid::MAX_GRID_CELLS;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// The span of content of one table, in rows and columns (repeats counted).
#[derive(Debug, Default)]
struct Span {
    row: u64,
    col: u64,
    first_row: Option<u64>,
    last_row: u64,
    last_col: u64,
}

impl Span {
    fn area(&self) -> u64 {
        let rows = self.first_row.map_or(0, |f| self.last_row.saturating_sub(f) + 1);
        rows.saturating_mul(self.last_col.saturating_add(1))
    }
}

fn repeats(e: &BytesStart, name: &str) -> u64 {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.value.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

fn has_value(e: &BytesStart) -> bool {
    e.attributes().flatten().any(|a| a.key.as_ref() == "office:value-type")
}

/// The largest content area of any table in the package, or an error text
/// when the package or its XML cannot be read (a document cut inside a table
/// is an error too: calamine would wait for the table's end forever).
pub fn largest_area(bytes: &[u8]) -> Result<u64, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let part = zip.by_name("content.xml").map_err(|e| e.to_string())?;
    let mut xml = Vec::new();
    part.take(super::MAX_PART_BYTES).read_to_end(&mut xml).map_err(|e| e.to_string())?;
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut walk = Walk::default();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(|e| e.to_string())? {
            Event::Start(e) => walk.open(&e, true),
            Event::Empty(e) => walk.open(&e, false),
            Event::End(e) => walk.close(e.name().as_ref()),
            Event::Eof if walk.depth != 0 => return Err("the document ends inside a table".into()),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(walk.largest.max(walk.span.area()))
}

/// Where the pass is: the table's span so far, the row's repeat, open elements.
#[derive(Debug, Default)]
struct Walk {
    span: Span,
    largest: u64,
    row_rep: u64,
    depth: i64,
}

impl Walk {
    fn open(&mut self, e: &BytesStart, has_children: bool) {
        let name = e.name();
        let name = name.as_ref();
        let table_part = matches!(name, "table:table" | "table:table-row" | "table:table-cell");
        if has_children && table_part {
            self.depth += 1;
        }
        match name {
            "table:table" => self.span = Span::default(),
            "table:table-row" => {
                self.row_rep = repeats(e, "table:number-rows-repeated");
                self.span.col = 0;
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let cols = repeats(e, "table:number-columns-repeated");
                let span = &mut self.span;
                if has_children || has_value(e) {
                    span.first_row.get_or_insert(span.row);
                    span.last_row = span.last_row.max(span.row.saturating_add(self.row_rep - 1));
                    span.last_col = span.last_col.max(span.col.saturating_add(cols - 1));
                }
                span.col = span.col.saturating_add(cols);
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "table:table-row" => {
                self.depth -= 1;
                self.span.row = self.span.row.saturating_add(self.row_rep.max(1));
            }
            "table:table" => {
                self.depth -= 1;
                self.largest = self.largest.max(self.span.area());
            }
            "table:table-cell" => self.depth -= 1,
            _ => {}
        }
    }
}

/// Refuse a spreadsheet whose content spans more cells than a grid holds.
pub fn check(bytes: &[u8]) -> Result<(), super::ReadError> {
    use super::ReadError;
    let area = largest_area(bytes).map_err(|e| ReadError::Corrupt(format!("content.xml: {e}")))?;
    if area > MAX_GRID_CELLS as u64 {
        return Err(ReadError::TooLarge {
            part: "content.xml (cells after repeats)".into(),
            size: area,
            limit: MAX_GRID_CELLS as u64,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_filled_rows_are_counted_not_expanded() {
        let xml = r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="s">
<table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="99999999"><table:table-cell table:number-columns-repeated="1024" office:value-type="float" office:value="2"/></table:table-row>
<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        out.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut out, xml.as_bytes()).unwrap();
        let bytes = out.finish().unwrap().into_inner();
        // 100,000,000 rows × 1024 columns of content; the trailing empty rows do not count
        assert_eq!(largest_area(&bytes).unwrap(), 100_000_000 * 1024);
        assert!(check(&bytes).is_err());
    }
}
