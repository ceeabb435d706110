//! OLE compound files (MS-CFB, magic `D0 CF 11 E0`): what kind of Office file
//! one is, and the text of a Word 97–2003 `.doc` (MS-DOC), read from the
//! WordDocument stream through its piece table.
//!
//! `.doc` text: the main story, footnotes, headers and footers. Table rows are
//! found from the paragraph properties (`sprmPFInTable` / `sprmPFTtp` in the
//! PAPX pages) and written as `a | b | c` lines like the docx reader's, with
//! merged cells expanded from the row's `sprmTDefTable` (cells spanning grid
//! columns, TC80 horizontal and vertical merge flags); nested tables are
//! flattened into their cell, field instructions and deleted revisions
//! (`sprmCFRMarkDel`) are dropped. Not read: endnotes, comments, text boxes,
//! and property changes kept in the piece table's own sprms (fast-saved
//! files). Word 6/95 files and Works `.wps` give [`DocxError::LegacyWord`]; an
//! encrypted `.doc` or a password-protected package gives
//! [`DocxError::Encrypted`].
//!
//! Every stream size is checked against [`Limits`] before it is read, the
//! characters scanned are capped like the text produced, and the `cfb`
//! parser runs under `catch_unwind` as a second line of defence.

use super::{too_large, Budget, DocxError, Limits, WordText};
use std::io::{Cursor, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// First bytes of every OLE compound file.
pub const MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

type Ole<'a> = cfb::CompoundFile<Cursor<&'a [u8]>>;

/// Office kind of an OLE file from its stream names: `encrypted`, `doc`,
/// `xls`, `ppt`, `wps` (Works), or `ole` for anything else.
pub fn sniff_ole(bytes: &[u8]) -> Option<&'static str> {
    let guarded = catch_unwind(AssertUnwindSafe(|| {
        let mut ole = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
        let kind = kind_of(&ole);
        if kind == "doc" {
            let mut head = [0u8; 12];
            let mut s = ole.open_stream("/WordDocument").ok()?;
            s.read_exact(&mut head).ok()?;
            if head[0x0B] & 0x01 != 0 {
                return Some("encrypted");
            }
        }
        Some(kind)
    }));
    guarded.ok().flatten()
}

fn kind_of(ole: &Ole) -> &'static str {
    let names: Vec<String> = ole.read_root_storage().map(|e| e.name().to_string()).collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("EncryptedPackage") {
        "encrypted"
    } else if has("WordDocument") {
        "doc"
    } else if has("Workbook") || has("Book") {
        "xls"
    } else if has("PowerPoint Document") {
        "ppt"
    } else if has("CONTENTS") || has("MN0") || has("MatOST") {
        "wps"
    } else {
        "ole"
    }
}

/// Text of a Word 97–2003 `.doc` (any OLE file is accepted and told apart:
/// see the module doc for the errors).
pub fn read_doc(bytes: &[u8], limits: &Limits) -> Result<WordText, DocxError> {
    catch_unwind(AssertUnwindSafe(|| read_doc_inner(bytes, limits)))
        .unwrap_or_else(|_| Err(DocxError::Malformed("OLE compound file: unreadable".into())))
}

fn read_doc_inner(bytes: &[u8], limits: &Limits) -> Result<WordText, DocxError> {
    let mut ole = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| DocxError::Malformed(format!("OLE compound file: {e}")))?;
    if ole.walk().take(limits.max_entries + 1).count() > limits.max_entries {
        return Err(too_large("OLE directory entries", limits.max_entries as u64));
    }
    match kind_of(&ole) {
        "doc" => {}
        "encrypted" => return Err(DocxError::Encrypted),
        "wps" => return Err(DocxError::LegacyWord),
        other => {
            return Err(DocxError::Malformed(format!(
                "an OLE file holding {other}, not a Word document"
            )))
        }
    }
    let mut total = 0;
    let wd = read_stream(&mut ole, "WordDocument", limits, &mut total)?;
    let fib = Fib::parse(&wd)?;
    let table_name = if fib.table_one { "1Table" } else { "0Table" };
    let table = read_stream(&mut ole, table_name, limits, &mut total)?;
    let doc = Doc {
        wd: &wd,
        pieces: pieces(&table, fib.clx)?,
        props: para_runs(&wd, &table, fib.papx),
        deleted: deleted_runs(&wd, &table, fib.chpx),
    };
    doc.text(&fib, &table, limits)
}

fn read_stream(
    ole: &mut Ole,
    name: &str,
    limits: &Limits,
    total: &mut u64,
) -> Result<Vec<u8>, DocxError> {
    let path = format!("/{name}");
    let len = ole.entry(&path).map_err(|_| DocxError::MissingPart(name.to_string()))?.len();
    if len > limits.max_part_bytes {
        return Err(too_large(format!("{name} ({len} bytes)"), limits.max_part_bytes));
    }
    *total += len;
    if *total > limits.max_total_bytes {
        return Err(too_large("all streams together (bytes)", limits.max_total_bytes));
    }
    let stream =
        ole.open_stream(&path).map_err(|e| DocxError::Malformed(format!("{name}: {e}")))?;
    // grown as read, not reserved from the declared length
    let mut buf = Vec::new();
    stream
        .take(len)
        .read_to_end(&mut buf)
        .map_err(|e| DocxError::Malformed(format!("{name}: {e}")))?;
    Ok(buf)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// What the reader needs from the File Information Block.
struct Fib {
    table_one: bool,
    /// ccpText, ccpFtn, ccpHdd: lengths of the main, footnote and header stories
    ccp: [u32; 3],
    clx: (u32, u32),
    papx: (u32, u32),
    chpx: (u32, u32),
    footnotes: (u32, u32),
    headers: (u32, u32),
}

impl Fib {
    fn parse(wd: &[u8]) -> Result<Fib, DocxError> {
        let short =
            || DocxError::Malformed("WordDocument: file information block cut short".into());
        if u16_at(wd, 0) != Some(0xA5EC) {
            return Err(DocxError::Malformed(
                "WordDocument: no Word file information block".into(),
            ));
        }
        let flags = u16_at(wd, 0x0A).ok_or_else(short)?;
        if flags & 0x0100 != 0 {
            return Err(DocxError::Encrypted);
        }
        if u16_at(wd, 2).ok_or_else(short)? < 0x00C1 {
            return Err(DocxError::LegacyWord); // Word 6 / 95
        }
        let csw = usize::from(u16_at(wd, 32).ok_or_else(short)?);
        let lw_at = 34 + 2 * csw;
        let cslw = usize::from(u16_at(wd, lw_at).ok_or_else(short)?);
        let lw = |i: usize| u32_at(wd, lw_at + 2 + 4 * i).ok_or_else(short);
        let fc_at = lw_at + 2 + 4 * cslw;
        let pairs = usize::from(u16_at(wd, fc_at).ok_or_else(short)?);
        let pair = |i: usize| -> Result<(u32, u32), DocxError> {
            if i >= pairs {
                return Ok((0, 0));
            }
            let at = fc_at + 2 + 8 * i;
            Ok((u32_at(wd, at).ok_or_else(short)?, u32_at(wd, at + 4).ok_or_else(short)?))
        };
        Ok(Fib {
            table_one: flags & 0x0200 != 0,
            ccp: [lw(3)?, lw(4)?, lw(5)?],
            clx: pair(33)?,
            papx: pair(13)?,
            chpx: pair(12)?,
            footnotes: pair(3)?,
            headers: pair(11)?,
        })
    }
}

/// A run of text: character positions `cp..cp_end` stored from byte `fc` of
/// the WordDocument stream, one byte (cp1252) or two (UTF-16LE) per char.
struct Piece {
    cp: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

fn slice(b: &[u8], (fc, lcb): (u32, u32)) -> Option<&[u8]> {
    b.get(fc as usize..(fc as usize).checked_add(lcb as usize)?)
}

/// The piece table from the Clx in the table stream.
fn pieces(table: &[u8], clx: (u32, u32)) -> Result<Vec<Piece>, DocxError> {
    let bad = |what: &str| DocxError::Malformed(format!("table stream: {what}"));
    let clx = slice(table, clx).ok_or_else(|| bad("piece table out of range"))?;
    let mut i = 0;
    let plc = loop {
        match clx.get(i) {
            Some(1) => {
                i += 3 + usize::from(u16_at(clx, i + 1).ok_or_else(|| bad("Prc cut short"))?)
            }
            Some(2) => {
                let lcb = u32_at(clx, i + 1).ok_or_else(|| bad("Pcdt cut short"))?;
                break slice(clx, (i as u32 + 5, lcb)).ok_or_else(|| bad("PlcPcd out of range"))?;
            }
            _ => return Err(bad("no piece table")),
        }
    };
    let n = plc.len().saturating_sub(4) / 12;
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let (Some(cp), Some(cp_end), Some(fc)) =
            (u32_at(plc, 4 * k), u32_at(plc, 4 * k + 4), u32_at(plc, 4 * (n + 1) + 8 * k + 2))
        else {
            break;
        };
        if cp_end > cp {
            out.push(Piece { cp, cp_end, fc: fc & 0x3FFF_FFFF, compressed: fc & 0x4000_0000 != 0 });
        }
    }
    Ok(out)
}

/// A parsed `.doc`: the WordDocument stream, its pieces and paragraph runs.
struct Doc<'a> {
    wd: &'a [u8],
    pieces: Vec<Piece>,
    props: Vec<ParaRun>,
    deleted: Vec<(u32, u32)>,
}

impl Doc<'_> {
    fn text(&self, fib: &Fib, table: &[u8], limits: &Limits) -> Result<WordText, DocxError> {
        let [text, ftn, hdd] = fib.ccp;
        let mut budget = Budget::default();
        let main = self.story(0, text, limits, &mut budget)?;
        let mut out = WordText {
            body: main.text,
            paragraphs: main.paragraphs,
            tables: main.tables,
            ..WordText::default()
        };
        let notes = bounds(table, fib.footnotes, text, ftn);
        for w in notes.windows(2) {
            out.footnotes
                .push(self.story(w[0], w[1], limits, &mut budget)?.text.trim_end().to_string());
        }
        let hdr_at = text.saturating_add(ftn);
        let hdrs = bounds(table, fib.headers, hdr_at, hdd);
        for (k, w) in hdrs.windows(2).enumerate().skip(6) {
            let s = self.story(w[0], w[1], limits, &mut budget)?.text.trim_end().to_string();
            match (k - 6) % 6 {
                0 | 1 | 4 => out.headers.push(s),
                _ => out.footers.push(s),
            }
        }
        for list in [&mut out.headers, &mut out.footers, &mut out.footnotes] {
            list.retain(|s| !s.is_empty());
        }
        Ok(out)
    }

    fn is_deleted(&self, fc: u32) -> bool {
        let i = self.deleted.partition_point(|r| r.0 <= fc);
        i.checked_sub(1).and_then(|i| self.deleted.get(i)).is_some_and(|r| fc < r.1)
    }

    /// Text of the character positions `from..to`.
    fn story(
        &self,
        from: u32,
        to: u32,
        limits: &Limits,
        budget: &mut Budget,
    ) -> Result<Story, DocxError> {
        let mut w = Writer::new(self.wd, &self.props, limits, budget);
        for p in &self.pieces {
            let (lo, hi) = (p.cp.max(from), p.cp_end.min(to));
            // pieces may overlap or repeat in a hostile file: bound the scan
            w.scan(hi.saturating_sub(lo) as usize)?;
            for cp in lo..hi {
                let off = cp - p.cp;
                let (code, fc) = if p.compressed {
                    let fc = (p.fc / 2).saturating_add(off);
                    (self.wd.get(fc as usize).map(|&b| cp1252(b)), fc)
                } else {
                    let fc = p.fc.saturating_add(off.saturating_mul(2));
                    (u16_at(self.wd, fc as usize), fc)
                };
                let Some(code) = code else { break };
                // deleted text is dropped, but not paragraph / cell marks
                if matches!(code, 0x07 | 0x0C | 0x0D) || !self.is_deleted(fc) {
                    w.feed(code, fc)?;
                }
            }
        }
        w.finish()
    }
}

/// Story boundaries: the CPs of a PLC (relative to `base`), clamped to the
/// story `base..base + len`; the whole story when there is no PLC.
fn bounds(table: &[u8], plc: (u32, u32), base: u32, len: u32) -> Vec<u32> {
    let end = base.saturating_add(len);
    let whole = vec![base, end];
    let Some(plc) = slice(table, plc).filter(|p| p.len() >= 8) else { return whole };
    // PlcffndTxt and PlcfHdd carry CPs only: take them while they increase
    let mut cps: Vec<u32> = Vec::with_capacity(plc.len() / 4);
    for c in plc.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])) {
        let cp = base.saturating_add(c).min(end);
        if cps.last().is_some_and(|&last| cp < last) {
            break;
        }
        cps.push(cp);
    }
    if cps.len() < 2 {
        whole
    } else {
        cps
    }
}

/// Windows-1252's 0x80–0x9F (the rest of a compressed piece is Latin-1).
fn cp1252(b: u8) -> u16 {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        b => u16::from(b),
    }
}

mod fkp;
use fkp::{deleted_runs, para_runs, ParaRun};

mod writer;
use writer::{Story, Writer};

/// Widest merge honoured, in grid columns.
const MAX_SPAN: usize = 64;

#[cfg(test)]
mod tests;
