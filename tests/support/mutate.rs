//! Deterministic mutations of input files for the hostile-input harness
//! (`tests/it/hostile.rs` runs a few hundred; `examples/fuzz_readers.rs` as
//! many as asked). Zip-based formats (xlsx, docx, ods) are mutated inside
//! their XML parts and zipped again, so the readers' parsers — not only the
//! zip layer — meet lying sizes, huge spans and references, and cut tags.

#![allow(dead_code)]

use std::io::{Cursor, Read, Write};

/// A small deterministic generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Numbers that break readers that trust them.
const HUGE: &[&str] = &["99999999", "1048576", "16384", "4294967295", "0", "-1", "65536"];

/// One mutation of a byte string (text-level: the bytes may be XML or text).
pub fn mutate_bytes(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut b = input.to_vec();
    if b.is_empty() {
        return b"\x00".to_vec();
    }
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(b.len());
        match rng.below(7) {
            0 => b[at] ^= 1 << rng.below(8),
            1 => b.truncate(at),
            2 => {
                let end = (at + 1 + rng.below(64)).min(b.len());
                let chunk = b[at..end].to_vec();
                for _ in 0..1 + rng.below(50) {
                    b.splice(at..at, chunk.iter().copied());
                }
            }
            3 => b.splice(at..at, HUGE[rng.below(HUGE.len())].bytes()).for_each(drop),
            4 => inflate_a_number(&mut b, at, rng),
            5 => b.splice(at..at, (0..rng.below(32)).map(|_| rng.next() as u8)).for_each(drop),
            _ => {
                let end = (at + rng.below(256)).min(b.len());
                b.drain(at..end);
            }
        }
        if b.is_empty() {
            break;
        }
    }
    b
}

/// Replace the digit run nearest after `at` with a huge number.
fn inflate_a_number(b: &mut Vec<u8>, at: usize, rng: &mut Rng) {
    let Some(start) = b[at..].iter().position(u8::is_ascii_digit).map(|p| p + at) else { return };
    let end = b[start..].iter().position(|c| !c.is_ascii_digit()).map_or(b.len(), |p| p + start);
    b.splice(start..end, HUGE[rng.below(HUGE.len())].bytes());
}

/// Mutate one XML part of a zip package and zip it again (or the raw bytes
/// when `input` is not a zip).
pub fn mutate_zip(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(input)) else {
        return mutate_bytes(input, rng);
    };
    let target = rng.below(zip.len());
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let Ok(mut f) = zip.by_index(i) else { continue };
        let Ok(name) = f.name().map(|n| n.to_string()) else { continue };
        let mut data = Vec::new();
        if f.read_to_end(&mut data).is_err() {
            continue;
        }
        if i == target || name.ends_with(".xml") && rng.below(4) == 0 {
            data = mutate_bytes(&data, rng);
        }
        if out.start_file(name, opts).is_ok() {
            let _ = out.write_all(&data);
        }
    }
    let bytes = out.finish().map(|c| c.into_inner()).unwrap_or_default();
    if rng.below(5) == 0 {
        mutate_bytes(&bytes, rng)
    } else {
        bytes
    }
}

/// A mutation suited to the file's extension.
pub fn mutate_file(ext: &str, input: &[u8], rng: &mut Rng) -> Vec<u8> {
    match ext {
        "xlsx" | "docx" | "ods" => mutate_zip(input, rng),
        _ => mutate_bytes(input, rng),
    }
}
