//! Merged cells of an xlsx sheet without parsing its XML a second time:
//! `<mergeCells>` follows `<sheetData>`, so the sheet part is inflated
//! (its size was checked before anything was inflated) and only its tail is
//! searched. calamine's own reader parses every event of the sheet again,
//! which cost as much as reading the cells.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::sync::LazyLock;

/// A merged range: (first row, first col), (last row, last col), 0-based.
pub type Merge = ((usize, usize), (usize, usize));

static SHEET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r#"<(?:\w+:)?sheet\s[^>]*>"#).expect("sheet pattern")
});
static ATTR: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r#"\s(?:\w+:)?(name|id|Id|Target)="([^"]*)""#).expect("attr pattern")
});
static MERGE: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r#"<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?""#)
        .expect("merge pattern")
});

fn attrs(tag: &[u8]) -> HashMap<String, String> {
    ATTR.captures_iter(tag)
        .map(|c| {
            let s = |i| String::from_utf8_lossy(&c[i]).into_owned();
            (s(1), s(2))
        })
        .collect()
}

fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let mut file = zip.by_name(name).ok()?;
    let mut buf = Vec::with_capacity(file.size().min(1 << 28) as usize);
    file.read_to_end(&mut buf).ok()?;
    Some(buf)
}

/// What follows a sheet part's `</sheetData>`, inflated block by block: the
/// cells are passed over, never held. A part with no closing tag (an empty
/// `<sheetData/>`) is read whole.
fn part_tail(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    const BLOCK: usize = 1 << 16;
    /// enough to hold a closing tag split between two blocks
    const CARRY: usize = 64;
    let mut file = zip.by_name(name).ok()?;
    let (mut kept, mut block) = (Vec::new(), vec![0u8; BLOCK]);
    let mut closed = false;
    loop {
        let n = file.read(&mut block).ok()?;
        if n == 0 {
            break;
        }
        kept.extend_from_slice(&block[..n]);
        if closed {
            continue;
        }
        match closing_tag(&kept) {
            Some(i) => {
                kept.drain(..i);
                closed = true;
            }
            None => {
                kept.drain(..kept.len().saturating_sub(CARRY));
            }
        }
    }
    drop(file);
    if closed {
        Some(kept)
    } else {
        part(zip, name)
    }
}

/// Where `sheetData>` of a closing tag (`</sheetData>`, `</x:sheetData>`) starts.
fn closing_tag(buf: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(buf, b"sheetData>").find(|&i| {
        let head = &buf[i.saturating_sub(16)..i];
        head.iter().rposition(|&b| b == b'<').is_some_and(|lt| head.get(lt + 1) == Some(&b'/'))
    })
}

/// Sheet name → path of its part inside the package.
fn sheet_parts(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Option<HashMap<String, String>> {
    let book = part(zip, "xl/workbook.xml")?;
    let rels = part(zip, "xl/_rels/workbook.xml.rels")?;
    let targets: HashMap<String, String> = SHEET_REL
        .find_iter(&rels)
        .filter_map(|m| {
            let a = attrs(m.as_bytes());
            Some((a.get("Id")?.clone(), a.get("Target")?.clone()))
        })
        .collect();
    let mut out = HashMap::new();
    for m in SHEET.find_iter(&book) {
        let a = attrs(m.as_bytes());
        let (Some(name), Some(id)) = (a.get("name"), a.get("id")) else { continue };
        let Some(target) = targets.get(id) else { continue };
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("xl/{target}"),
        };
        out.insert(unescape(name), path);
    }
    Some(out)
}

static SHEET_REL: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r#"<(?:\w+:)?Relationship\s[^>]*>"#).expect("rel pattern")
});

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn column(letters: &[u8]) -> usize {
    letters.iter().fold(0usize, |n, b| n.saturating_mul(26).saturating_add((b - b'A' + 1) as usize))
        - 1
}

fn row(digits: &[u8]) -> Option<usize> {
    std::str::from_utf8(digits).ok()?.parse::<usize>().ok()?.checked_sub(1)
}

/// The merged ranges of every sheet, by sheet name (None: not a package we can read this way).
pub fn merges(bytes: &[u8]) -> Option<HashMap<String, Vec<Merge>>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let parts = sheet_parts(&mut zip)?;
    let mut out = HashMap::new();
    for (name, path) in parts {
        let Some(tail) = part_tail(&mut zip, &path) else { continue };
        let found = MERGE
            .captures_iter(&tail)
            .filter_map(|c| {
                let (c0, r0) = (column(&c[1]), row(&c[2])?);
                let (c1, r1) = match (c.get(3), c.get(4)) {
                    (Some(l), Some(d)) => (column(l.as_bytes()), row(d.as_bytes())?),
                    _ => (c0, r0),
                };
                Some(((r0, c0), (r1, c1)))
            })
            .collect();
        out.insert(name, found);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closing_sheet_data_tag_is_told_from_the_opening_one() {
        let xml =
            br#"<sheetData><row r="1"/></sheetData><mergeCells count="1"><mergeCell ref="A1:E1"/>"#;
        let at = closing_tag(xml).expect("closing tag");
        assert!(xml[at..].starts_with(b"sheetData><mergeCells"));
        let prefixed = b"<x:sheetData><x:row/></x:sheetData><x:mergeCells>";
        assert!(prefixed[closing_tag(prefixed).unwrap()..].starts_with(b"sheetData><x:merge"));
        assert_eq!(closing_tag(b"<sheetData><row/>"), None);
    }

    #[test]
    fn merges_are_found_after_cells_larger_than_a_block() {
        let mut xlsx = Vec::new();
        let mut zip = zip::ZipWriter::new(Cursor::new(&mut xlsx));
        let file = |zip: &mut zip::ZipWriter<_>, name: &str, body: &[u8]| {
            zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            std::io::Write::write_all(zip, body).unwrap();
        };
        file(&mut zip, "xl/workbook.xml", br#"<workbook><sheets><sheet name="2023" sheetId="1" r:id="rId1"/></sheets></workbook>"#);
        file(&mut zip, "xl/_rels/workbook.xml.rels", br#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#);
        let rows: String = (1..20_000)
            .map(|r| format!(r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>"#))
            .collect();
        let sheet = format!(
            r#"<worksheet><sheetData>{rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells></worksheet>"#
        );
        file(&mut zip, "xl/worksheets/sheet1.xml", sheet.as_bytes());
        zip.finish().unwrap();
        let found = merges(&xlsx).expect("a package");
        assert_eq!(found["2023"], vec![((0, 0), (0, 4))]);
    }
}
