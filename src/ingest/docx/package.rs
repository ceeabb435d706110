//! The zip side of a `.docx`: a [`Package`] whose parts are read under
//! [`Limits`] (declared sizes, compression ratio and the running total checked
//! before anything is inflated), the package and part relationships with their
//! targets resolved to part names, and the small helpers for a part's text:
//! UTF-8 / UTF-16 decoding, XML error messages and attribute lookup.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::collections::HashMap;
use std::io::{Cursor, Read};
use zip::ZipArchive;

use super::{too_large, DocxError, Limits};

/// A zip package whose parts are read under [`Limits`].
pub(super) struct Package<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) zip: ZipArchive<Cursor<&'a [u8]>>,
    /// lower-cased part name → index
    names: HashMap<String, usize>,
    pub(super) limits: &'a Limits,
    total: u64,
}

impl<'a> Package<'a> {
    pub(super) fn open(bytes: &'a [u8], limits: &'a Limits) -> Result<Self, DocxError> {
        if eocd_entries(bytes).is_some_and(|n| n > limits.max_entries) {
            return Err(too_large("zip entries", limits.max_entries as u64));
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocxError::NotZip)?;
        if zip.len() > limits.max_entries {
            return Err(too_large("zip entries", limits.max_entries as u64));
        }
        let names = (0..zip.len())
            .filter_map(|i| Some((zip.name_for_index(i)?.ok()?.to_ascii_lowercase(), i)))
            .collect();
        Ok(Package { bytes, zip, names, limits, total: 0 })
    }

    /// Index of a part; part names are case-insensitive in OPC.
    pub(super) fn index(&self, name: &str) -> Option<usize> {
        self.zip
            .index_for_name(name)
            .or_else(|| self.names.get(&name.to_ascii_lowercase()).copied())
    }

    /// Check a part's declared sizes against the limits before reading it.
    fn check(&self, name: &str, size: u64, packed: u64) -> Result<(), DocxError> {
        let l = self.limits;
        if size > l.max_part_bytes {
            return Err(too_large(format!("{name} ({size} bytes decompressed)"), l.max_part_bytes));
        }
        if self.total.saturating_add(size) > l.max_total_bytes {
            return Err(too_large("all parts together (bytes decompressed)", l.max_total_bytes));
        }
        if size > 1 << 20 && size / packed.max(1) > l.max_ratio {
            let ratio = size / packed.max(1);
            return Err(too_large(
                format!("{name} compression ratio ({ratio}:1, a zip bomb?)"),
                l.max_ratio,
            ));
        }
        Ok(())
    }

    /// Bytes of one part, or `None` when the package has no such part.
    pub(super) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(i) = self.index(name) else { return Ok(None) };
        let bad = |e: &dyn std::fmt::Display| DocxError::Malformed(format!("{name}: {e}"));
        let (size, packed, encrypted) = {
            let e = self.zip.by_index_data(i).map_err(|e| bad(&e))?;
            (e.size(), e.compressed_size(), e.encrypted())
        };
        self.check(name, size, packed)?;
        if encrypted {
            return Err(DocxError::Encrypted);
        }
        let file = self.zip.by_index(i).map_err(|e| bad(&e))?;
        // size ≤ max_part_bytes (checked above), so this reservation is bounded
        let mut buf = Vec::with_capacity(size as usize);
        file.take(size + 1).read_to_end(&mut buf).map_err(|e| bad(&e))?;
        if buf.len() as u64 > size {
            return Err(bad(&format!("inflates past its declared {size} bytes")));
        }
        self.total += buf.len() as u64;
        Ok(Some(buf))
    }
}

/// Entry count the end-of-central-directory record declares (checked before
/// the zip crate sets memory aside for the entries); `None` if not found or
/// deferred to a zip64 record.
fn eocd_entries(bytes: &[u8]) -> Option<usize> {
    let tail = &bytes[bytes.len().saturating_sub(22 + 0xFFFF)..];
    let at = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let n = u16::from_le_bytes([*tail.get(at + 10)?, *tail.get(at + 11)?]);
    (n != 0xFFFF).then_some(usize::from(n))
}

/// Relationships of a part (`""` = the package) as (type's last path segment,
/// target part name); external targets left out.
pub(super) fn rels(pkg: &mut Package, part: &str) -> Result<Vec<(String, String)>, DocxError> {
    let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
    let name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let Some(bytes) = pkg.read(&name)? else { return Ok(Vec::new()) };
    let xml = xml_text(&name, bytes)?;
    let mut reader = Reader::from_str(&xml);
    let mut out = Vec::new();
    loop {
        let e = match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => e,
            Ok(Event::Eof) => break,
            Ok(_) => continue,
            Err(e) => return Err(xml_error(&name, reader.error_position(), &e)),
        };
        if e.local_name().into_inner() != "Relationship"
            || attr(&e, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("External"))
        {
            continue;
        }
        if let (Some(kind), Some(target)) = (attr(&e, "Type"), attr(&e, "Target")) {
            let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
            out.push((kind, resolve(dir, &target)));
        }
        if out.len() > pkg.limits.max_entries {
            return Err(too_large(format!("{name} relationships"), pkg.limits.max_entries as u64));
        }
    }
    Ok(out)
}

/// A relationship target as a part name (relative to the source's folder).
fn resolve(dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None if dir.is_empty() => target.to_string(),
        None => format!("{dir}/{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// A part's bytes as text: UTF-8 (BOM dropped) or UTF-16 with a BOM.
pub(super) fn xml_text(name: &str, bytes: Vec<u8>) -> Result<String, DocxError> {
    let utf16 = |b: &[u8], f: fn([u8; 2]) -> u16| {
        char::decode_utf16(b.chunks_exact(2).map(|c| f([c[0], c[1]])))
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => Ok(utf16(rest, u16::from_le_bytes)),
        [0xFE, 0xFF, rest @ ..] => Ok(utf16(rest, u16::from_be_bytes)),
        _ => {
            let mut s = String::from_utf8(bytes).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                DocxError::Malformed(format!("{name}: invalid UTF-8 at byte {at}"))
            })?;
            if s.starts_with('\u{FEFF}') {
                s.drain(..3);
            }
            Ok(s)
        }
    }
}

pub(super) fn xml_error(part: &str, pos: u64, e: &quick_xml::Error) -> DocxError {
    DocxError::Malformed(format!("{part}: {e} (at byte {pos})"))
}

/// An attribute's unescaped value, matched by local name.
pub(super) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}
