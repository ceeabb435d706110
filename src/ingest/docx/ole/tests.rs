//! Tests of the OLE side on compound files made in code with `cfb`.

use super::super::{read_docx, sniff_office, DocxError, Limits};
use super::*;
use std::io::Write;

/// Build an OLE file holding the given streams.
fn ole(streams: &[(&str, &[u8])]) -> Vec<u8> {
    let mut c = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("create cfb");
    for (name, data) in streams {
        c.create_stream(format!("/{name}")).expect("stream").write_all(data).expect("write");
    }
    c.flush().expect("flush");
    c.into_inner().into_inner()
}

/// What a `.doc` fixture holds, in order.
enum Item<'a> {
    Para(&'a str),
    Row(&'a [&'a str]),
}

/// A Word 97 `.doc`: FIB, the text as one UTF-16 piece (or a cp1252 piece when
/// `compressed`), one PAPX page marking table cells and row ends, and a
/// 1Table stream with the piece table and the PAPX bin table.
fn doc(items: &[Item], compressed: bool, flags: u16) -> Vec<u8> {
    let (mut text, mut marks) = (Vec::new(), Vec::new()); // marks: (cp of mark, papx kind)
    for item in items {
        match item {
            Item::Para(t) => {
                text.extend(t.encode_utf16());
                marks.push((text.len(), 0u8));
                text.push(0x0D);
            }
            Item::Row(cells) => {
                for c in *cells {
                    text.extend(c.encode_utf16());
                    marks.push((text.len(), 1));
                    text.push(0x07);
                }
                marks.push((text.len(), 2));
                text.push(0x07);
            }
        }
    }
    let width = if compressed { 1 } else { 2 };
    let at = 1024usize;
    let mut wd = vec![0u8; at];
    for c in &text {
        if compressed {
            wd.push(*c as u8);
        } else {
            wd.extend(c.to_le_bytes());
        }
    }
    let pn = wd.len().div_ceil(512) + 1;
    wd.resize(pn * 512, 0);
    wd.extend(fkp(&marks, at, width));
    let put16 = |wd: &mut Vec<u8>, o: usize, v: u16| wd[o..o + 2].copy_from_slice(&v.to_le_bytes());
    let put32 = |wd: &mut Vec<u8>, o: usize, v: u32| wd[o..o + 4].copy_from_slice(&v.to_le_bytes());
    put16(&mut wd, 0, 0xA5EC);
    put16(&mut wd, 2, 0x00C1);
    put16(&mut wd, 0x0A, flags | 0x0200);
    put16(&mut wd, 32, 14);
    put16(&mut wd, 62, 22);
    put32(&mut wd, 76, text.len() as u32);
    put16(&mut wd, 152, 93);
    // 1Table: Clx (one piece) then PlcBtePapx (one page)
    let fc = if compressed { 0x4000_0000 | (at as u32 * 2) } else { at as u32 };
    let mut tbl = vec![2u8];
    tbl.extend(16u32.to_le_bytes()); // PlcPcd: 2 CPs + 1 PCD
    for v in [0u32, text.len() as u32] {
        tbl.extend(v.to_le_bytes());
    }
    tbl.extend([0, 0]);
    tbl.extend(fc.to_le_bytes());
    tbl.extend([0, 0]);
    let clx_len = tbl.len() as u32;
    for v in [at as u32, (at + text.len() * width) as u32, pn as u32] {
        tbl.extend(v.to_le_bytes());
    }
    put32(&mut wd, 154 + 8 * 33, 0);
    put32(&mut wd, 154 + 8 * 33 + 4, clx_len);
    put32(&mut wd, 154 + 8 * 13, clx_len);
    put32(&mut wd, 154 + 8 * 13 + 4, 12);
    ole(&[("WordDocument", &wd), ("1Table", &tbl)])
}

/// One PAPX FKP: a run per paragraph; kind 0 plain, 1 in a table, 2 row end.
fn fkp(marks: &[(usize, u8)], at: usize, width: usize) -> Vec<u8> {
    let mut page = vec![0u8; 512];
    let crun = marks.len();
    assert!(crun <= 29, "one FKP holds at most 29 paragraphs");
    let mut start = at;
    for (i, &(cp, _)) in marks.iter().enumerate() {
        page[4 * i..4 * i + 4].copy_from_slice(&(start as u32).to_le_bytes());
        start = at + (cp + 1) * width;
    }
    page[4 * crun..4 * crun + 4].copy_from_slice(&(start as u32).to_le_bytes());
    // PAPXs at word offsets 0xD0 (in table) and 0xE0 (row end)
    let cell = [3u8, 0, 0, 0x16, 0x24, 1];
    let ttp = [5u8, 0, 0, 0x16, 0x24, 1, 0x17, 0x24, 1, 0];
    page[0x1A0..0x1A0 + cell.len()].copy_from_slice(&cell);
    page[0x1C0..0x1C0 + ttp.len()].copy_from_slice(&ttp);
    for (i, &(_, kind)) in marks.iter().enumerate() {
        page[4 * (crun + 1) + 13 * i] = [0, 0xD0, 0xE0][usize::from(kind)];
    }
    page[511] = crun as u8;
    page
}

fn report() -> Vec<Item<'static>> {
    vec![
        Item::Para("2023年，全市共办理行政复议案件125件。"),
        Item::Row(&["信息内容", "自然人", "商业企业", "总计"]),
        Item::Row(&["本年新收", "30", "", "36"]),
        Item::Para("共\u{13} PAGE \u{14}3\u{15}页\u{b}第二行"),
    ]
}

#[test]
fn doc_text_tables_and_fields() {
    let t = read_doc(&doc(&report(), false, 0), &Limits::default()).unwrap();
    let expected = "2023年，全市共办理行政复议案件125件。\n\n\
        信息内容 | 自然人 | 商业企业 | 总计\n\
        本年新收 | 30 |  | 36\n\n\
        共3页第二行\n";
    assert_eq!(t.body, expected);
    assert_eq!((t.paragraphs, t.tables), (2, 1));
    // read_docx hands OLE input on
    assert_eq!(read_docx(&doc(&report(), false, 0), &Limits::default()).unwrap().body, expected);
}

#[test]
fn doc_compressed_piece_is_cp1252() {
    let t =
        read_doc(&doc(&[Item::Para("Report \u{80}5 \u{93}ok\u{94}")], true, 0), &Limits::default());
    // the fixture writes the low byte, so U+0080 / U+0093 stand for cp1252 0x80 / 0x93
    assert_eq!(t.unwrap().body, "Report €5 “ok”\n");
}

#[test]
fn doc_errors() {
    let l = Limits::default();
    assert_eq!(read_doc(&doc(&report(), false, 0x0100), &l), Err(DocxError::Encrypted));
    let mut old = doc(&report(), false, 0);
    // nFib of Word 95 inside the stream: find and patch the FIB's nFib
    let i = old.windows(4).position(|w| w == [0xEC, 0xA5, 0xC1, 0x00]).unwrap();
    old[i + 2] = 0x65;
    assert_eq!(read_doc(&old, &l), Err(DocxError::LegacyWord));
    let works = ole(&[("CONTENTS", b"works"), ("MatOST", b"x")]);
    assert_eq!(read_docx(&works, &l), Err(DocxError::LegacyWord));
    let enc = ole(&[("EncryptionInfo", b"\x04\x00\x04\x00"), ("EncryptedPackage", b"secret")]);
    assert_eq!(read_docx(&enc, &l), Err(DocxError::Encrypted));
    let xls = ole(&[("Workbook", b"biff")]);
    assert!(matches!(read_docx(&xls, &l), Err(DocxError::Malformed(m)) if m.contains("xls")));
    let tiny = Limits { max_part_bytes: 100, ..l };
    assert!(matches!(read_doc(&doc(&report(), false, 0), &tiny), Err(DocxError::TooLarge { .. })));
    assert!(matches!(read_doc(&MAGIC, &l), Err(DocxError::Malformed(_))));
}

#[test]
fn sniffing_ole_kinds() {
    assert_eq!(sniff_office(&doc(&report(), false, 0)), Some("doc"));
    assert_eq!(sniff_office(&doc(&report(), false, 0x0100)), Some("encrypted"));
    assert_eq!(sniff_office(&ole(&[("EncryptedPackage", b"x")])), Some("encrypted"));
    assert_eq!(sniff_office(&ole(&[("Workbook", b"x")])), Some("xls"));
    assert_eq!(sniff_office(&ole(&[("CONTENTS", b"x")])), Some("wps"));
    assert_eq!(sniff_office(&ole(&[("PowerPoint Document", b"x")])), Some("ppt"));
    assert_eq!(sniff_office(&ole(&[("Other", b"x")])), Some("ole"));
    assert_eq!(sniff_office(&MAGIC), None);
}

#[test]
fn doc_mutations_never_panic() {
    let base = doc(&report(), false, 0);
    let limits = Limits { max_part_bytes: 1 << 20, max_text_chars: 1 << 20, ..Limits::default() };
    let mut rng = super::super::fixture::Rng(42);
    for case in 0..300 {
        let mut b = base.clone();
        match rng.below(3) {
            0 => {
                for _ in 0..1 + rng.below(16) {
                    let i = rng.below(b.len());
                    b[i] = rng.next() as u8;
                }
            }
            1 => b.truncate(rng.below(b.len())),
            _ => {
                // overwrite a 4-byte field somewhere in the first sectors
                let i = rng.below(b.len().min(4096).saturating_sub(4));
                b[i..i + 4].copy_from_slice(&(rng.next() as u32).to_le_bytes());
            }
        }
        let got = read_doc(&b, &limits);
        if let Ok(t) = got {
            assert!(t.body.chars().count() <= limits.max_text_chars, "case {case}");
        }
        let _ = sniff_office(&b);
    }
}

#[test]
fn header_story_bounds_from_plcfhdd() {
    // PlcfHdd as LibreOffice writes it: 6 separator stories, then one
    // section's even/odd header, even/odd footer, first header/footer, guard
    let cps = [0u32, 0, 0, 0, 0, 0, 0, 0, 25, 25, 41, 43, 45, 46];
    let table: Vec<u8> = cps.iter().flat_map(|c| c.to_le_bytes()).collect();
    let b = bounds(&table, (0, table.len() as u32), 120, 46);
    assert_eq!(b.len(), 14);
    assert_eq!((b[7], b[8]), (120, 145), "odd header");
    assert_eq!((b[9], b[10]), (145, 161), "odd footer");
    // no PLC: the whole story; a PLC pointing past the stream: the same
    assert_eq!(bounds(&table, (0, 0), 5, 10), vec![5, 15]);
    assert_eq!(bounds(&table, (50, 400), 5, 10), vec![5, 15]);
    // CPs past the story are clamped to its end
    let wild: Vec<u8> = [0u32, 7, 9_999_999].iter().flat_map(|c| c.to_le_bytes()).collect();
    assert_eq!(bounds(&wild, (0, 12), 100, 10), vec![100, 107, 110]);
}
