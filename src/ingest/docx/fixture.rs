//! Test fixtures made in code: a minimal valid `.docx` (content types, package
//! and document relationships, document, header, footer, footnotes), raw zip
//! containers with chosen size fields, a deflate stream of zeros, and seeded
//! mutations of a package.

#![allow(dead_code)]

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// WordprocessingML namespace (transitional).
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// `[Content_Types].xml` for a document with header1, footer1 and footnotes.
pub fn content_types(main_type: &str) -> String {
    let o = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{main_type}"/>
<Override PartName="/word/header1.xml" ContentType="{o}.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="{o}.footer+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="{o}.footnotes+xml"/>
</Types>"#
    )
}

/// Content type of a .docx main part.
pub const DOCX_MAIN: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
/// Content type of a .docm main part.
pub const DOCM_MAIN: &str = "application/vnd.ms-word.document.macroEnabled.main+xml";

fn package_rels() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_RELS}"><Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/></Relationships>"#
    )
}

fn document_rels() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_RELS}">
<Relationship Id="rId1" Type="{R}/header" Target="header1.xml"/>
<Relationship Id="rId2" Type="{R}/footer" Target="/word/footer1.xml"/>
<Relationship Id="rId3" Type="{R}/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId4" Type="{R}/hyperlink" Target="http://www.gov.cn/" TargetMode="External"/>
</Relationships>"#
    )
}

/// A `w:document` around `body` (namespaces for w, r, m, mc, wps declared).
pub fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
    )
}

/// A paragraph of one plain run.
pub fn p(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:jc w:val="both"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

/// Grid columns a cell's properties span.
fn span_of(props: &str) -> usize {
    let Some(at) = props.find("<w:gridSpan w:val=\"") else { return 1 };
    props[at + 19..].split('"').next().and_then(|n| n.parse().ok()).unwrap_or(1)
}

/// A table cell: `props` go into `w:tcPr`, `text` is one paragraph; its
/// width is 1000 twips per grid column spanned.
pub fn tc(props: &str, text: &str) -> String {
    let w = 1000 * span_of(props);
    format!(r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{props}</w:tcPr>{}</w:tc>"#, p(text))
}

/// A table of rows (each row's cells made with [`tc`]), with a grid of as
/// many 1000-twip columns as its widest row spans.
pub fn tbl(rows: &[Vec<String>]) -> String {
    let cols = rows
        .iter()
        .map(|r| r.iter().filter(|c| c.starts_with("<w:tc>")).map(|c| span_of(c)).sum::<usize>())
        .max()
        .unwrap_or(1);
    let grid = r#"<w:gridCol w:w="1000"/>"#.repeat(cols);
    let rows: String = rows.iter().map(|r| format!("<w:tr>{}</w:tr>", r.concat())).collect();
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"#
    )
}

fn header() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{W}">{}</w:hdr>"#,
        p("某市人民政府2023年政府信息公开工作年度报告")
    )
}

fn footer() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:ftr xmlns:w="{W}"><w:p><w:r><w:t xml:space="preserve">第 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:ftr>"#
    )
}

fn footnotes() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 数据来源：市司法局。</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    )
}

/// The parts of a minimal `.docx` whose body is `body`.
pub fn parts(body: &str) -> Vec<(String, Vec<u8>)> {
    [
        ("[Content_Types].xml", content_types(DOCX_MAIN)),
        ("_rels/.rels", package_rels()),
        ("word/document.xml", document(body)),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/header1.xml", header()),
        ("word/footer1.xml", footer()),
        ("word/footnotes.xml", footnotes()),
    ]
    .into_iter()
    .map(|(n, s)| (n.to_string(), s.into_bytes()))
    .collect()
}

/// Zip the parts (deflated) with the zip crate's writer.
pub fn zip_parts(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(name.as_str(), opts).expect("start zip entry");
        w.write_all(data).expect("write zip entry");
    }
    w.finish().expect("finish zip").into_inner()
}

/// A minimal `.docx` whose body is `body`.
pub fn docx(body: &str) -> Vec<u8> {
    zip_parts(&parts(body))
}

/// A one-entry zip written by hand, so the size fields say whatever the test
/// wants: `data` is stored as given (`method` 8 = deflate), `declared` is the
/// uncompressed size written in both headers, the CRC is left 0.
pub fn raw_zip(name: &str, data: &[u8], method: u16, declared: u32) -> Vec<u8> {
    let n = name.len() as u16;
    let packed = data.len() as u32;
    let mut out = Vec::with_capacity(data.len() + 200);
    let common = |out: &mut Vec<u8>| {
        for v in [20u16, 0, method, 0, 0] {
            out.extend(v.to_le_bytes()); // version, flags, method, time, date
        }
        out.extend(0u32.to_le_bytes()); // crc
        out.extend(packed.to_le_bytes());
        out.extend(declared.to_le_bytes());
        out.extend(n.to_le_bytes());
        out.extend(0u16.to_le_bytes()); // extra length
    };
    out.extend(0x0403_4b50u32.to_le_bytes());
    common(&mut out);
    out.extend(name.as_bytes());
    out.extend(data);
    let cd_at = out.len() as u32;
    out.extend(0x0201_4b50u32.to_le_bytes());
    out.extend(20u16.to_le_bytes()); // made by
    common(&mut out);
    for v in [0u16, 0, 0] {
        out.extend(v.to_le_bytes()); // comment length, disk, internal attributes
    }
    out.extend(0u32.to_le_bytes()); // external attributes
    out.extend(0u32.to_le_bytes()); // local header offset
    out.extend(name.as_bytes());
    let cd_len = out.len() as u32 - cd_at;
    out.extend(0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, 1, 1] {
        out.extend(v.to_le_bytes());
    }
    out.extend(cd_len.to_le_bytes());
    out.extend(cd_at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// A raw deflate stream (one fixed-Huffman block) that inflates to `len`
/// zero bytes: a literal 0, then length-258 / distance-1 matches.
pub fn deflate_zeros(len: u64) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.put(0b011, 3); // BFINAL = 1, BTYPE = 01 (fixed Huffman)
    let mut left = len;
    let literal = |b: &mut Bits| b.huffman(0b0011_0000, 8);
    if left > 0 {
        literal(&mut bits);
        left -= 1;
    }
    while left >= 258 {
        bits.huffman(0b1100_0101, 8); // length code 285 = 258 bytes
        bits.huffman(0, 5); // distance code 0 = 1 byte back
        left -= 258;
    }
    for _ in 0..left {
        literal(&mut bits);
    }
    bits.huffman(0, 7); // end of block (256)
    bits.finish()
}

#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u64, len: u32) {
        self.acc |= value << self.n;
        self.n += len;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// Huffman codes go most significant bit first.
    fn huffman(&mut self, code: u64, len: u32) {
        let rev = (0..len).fold(0, |r, i| r | ((code >> i) & 1) << (len - 1 - i));
        self.put(rev, len);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// Seeded xorshift64* generator (no dependency, same sequence everywhere).
pub struct Rng(pub u64);

impl Rng {
    /// Next value.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A value below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Offsets of a 4-byte signature in `bytes`.
fn find_all(bytes: &[u8], sig: u32) -> Vec<usize> {
    let sig = sig.to_le_bytes();
    bytes.windows(4).enumerate().filter(|(_, w)| *w == sig).map(|(i, _)| i).collect()
}

/// One seeded mutation of a package: zip-level (byte flips, truncation,
/// inflated size fields, a part renamed onto another) or XML-level (a span of
/// a part deleted, duplicated or overwritten, then re-zipped).
pub fn mutate(parts: &[(String, Vec<u8>)], zipped: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut z = zipped.to_vec();
    match rng.below(7) {
        0 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(z.len());
                z[i] ^= 1 << rng.below(8);
            }
        }
        1 => z.truncate(rng.below(z.len())),
        2 => {
            // inflate an uncompressed-size (or compressed-size) field
            let heads = [find_all(&z, 0x0201_4b50), find_all(&z, 0x0403_4b50)].concat();
            if let Some(&h) = heads.get(rng.below(heads.len())) {
                let central = z[h..].starts_with(&0x0201_4b50u32.to_le_bytes());
                let field = h + (if central { 20 } else { 18 }) + 4 * rng.below(2);
                let v = [u32::MAX, 0x7FFF_FFFF, 1 << 30, rng.next() as u32][rng.below(4)];
                if field + 4 <= z.len() {
                    z[field..field + 4].copy_from_slice(&v.to_le_bytes());
                }
            }
        }
        3 => {
            // duplicate a part name: footer1.xml takes header1.xml's name
            let (from, to) = (b"word/footer1.xml", b"word/header1.xml");
            let hits: Vec<usize> = z
                .windows(from.len())
                .enumerate()
                .filter(|(_, w)| w == from)
                .map(|(i, _)| i)
                .collect();
            for i in hits {
                z[i..i + to.len()].copy_from_slice(to);
            }
        }
        _ => {
            let mut parts = parts.to_vec();
            let k = rng.below(parts.len());
            let data = &mut parts[k].1;
            let (a, b) = (rng.below(data.len()), rng.below(data.len()));
            let (a, b) = (a.min(b), a.max(b));
            match rng.below(3) {
                0 => drop(data.drain(a..b)),
                1 => {
                    let span = data[a..b].to_vec();
                    for _ in 0..1 + rng.below(4) {
                        data.splice(b..b, span.iter().copied());
                    }
                }
                _ => {
                    for x in &mut data[a..b.min(a + 16)] {
                        *x = b"<>/=\"&;:w p t tbl"[rng.below(17)];
                    }
                }
            }
            z = zip_parts(&parts);
        }
    }
    z
}
