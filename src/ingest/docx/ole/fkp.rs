//! The paragraph and character property pages of a `.doc` (MS-DOC FKPs): the
//! PlcBtePapx / PlcBteChpx page lists, the runs of each 512-byte page, the
//! sprms of a grpprl, the table flags of a PAPX (`sprmPFInTable` /
//! `sprmPFTtp`), the cell definitions of a row's `sprmTDefTable`, and the byte
//! ranges of deleted text (`sprmCFRMarkDel`).

use super::{slice, u16_at, u32_at};

pub(super) const IN_TABLE: u8 = 1;
pub(super) const TTP: u8 = 2;

/// One cell of a row's `sprmTDefTable`: its left and right edges (twips) and
/// whether it continues a merge from the left or from above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct CellDef {
    pub(super) left: i16,
    pub(super) right: i16,
    pub(super) hcont: bool,
    pub(super) vcont: bool,
}

/// A paragraph's byte range in WordDocument, its table flags and where its
/// PAPX is (cell definitions are parsed from it only at row ends, so hostile
/// pages that share one PAPX cost no memory per run).
pub(super) struct ParaRun {
    pub(super) start: u32,
    pub(super) end: u32,
    pub(super) flags: u8,
    papx: usize,
}

impl ParaRun {
    /// The row's cell definitions (`sprmTDefTable`) from this run's PAPX.
    pub(super) fn cells(&self, wd: &[u8]) -> Vec<CellDef> {
        let Some(page) = wd.get(self.papx & !511..).and_then(|w| w.get(..512)) else {
            return Vec::new();
        };
        papx_sprms(page, self.papx & 511)
            .find(|&(sprm, _)| sprm == 0xD608)
            .map(|(_, op)| def_table(op.get(2..).unwrap_or_default()))
            .unwrap_or_default()
    }
}

/// The distinct 512-byte FKP pages a PlcBtePapx / PlcBteChpx points to, as
/// (byte offset in WordDocument, page).
fn fkps<'a>(wd: &'a [u8], table: &[u8], plc: (u32, u32)) -> Vec<(usize, &'a [u8])> {
    let Some(plc) = slice(table, plc) else { return Vec::new() };
    let n = plc.len().saturating_sub(4) / 8;
    let mut seen = std::collections::HashSet::new();
    (0..n)
        .filter_map(|k| {
            let at = (u32_at(plc, 4 * (n + 1) + 4 * k)? & 0x3F_FFFF) as usize * 512;
            let page = wd.get(at..at.checked_add(512)?)?;
            seen.insert(at).then_some((at, page))
        })
        .collect()
}

/// Runs of one FKP page: (fc, fc_end, byte offset of the run's properties or 0).
fn fkp_runs(fkp: &[u8], entry: usize) -> impl Iterator<Item = (u32, u32, usize)> + '_ {
    let crun = usize::from(fkp.get(511).copied().unwrap_or(0));
    let crun = if 4 * (crun + 1) + entry * crun > 511 { 0 } else { crun };
    (0..crun).map_while(move |i| {
        let (start, end) = (u32_at(fkp, 4 * i)?, u32_at(fkp, 4 * i + 4)?);
        Some((start, end, usize::from(fkp[4 * (crun + 1) + entry * i]) * 2))
    })
}

/// Paragraph runs from the PAPX pages, sorted by start (best effort: damaged
/// pages are left out).
pub(super) fn para_runs(wd: &[u8], table: &[u8], plc: (u32, u32)) -> Vec<ParaRun> {
    let mut out = Vec::new();
    for (at, fkp) in fkps(wd, table, plc) {
        for (start, end, off) in fkp_runs(fkp, 13) {
            let flags = if off == 0 { 0 } else { papx_flags(fkp, off) };
            out.push(ParaRun { start, end, flags, papx: at + off });
        }
    }
    out.sort_unstable_by_key(|r| r.start);
    out
}

/// Byte ranges of deleted text (`sprmCFRMarkDel` in the CHPX pages), sorted.
pub(super) fn deleted_runs(wd: &[u8], table: &[u8], plc: (u32, u32)) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for (_, fkp) in fkps(wd, table, plc) {
        for (start, end, off) in fkp_runs(fkp, 1) {
            let cb = usize::from(fkp.get(off).copied().unwrap_or(0));
            let Some(g) = fkp.get(off + 1..off + 1 + cb).filter(|_| off > 0) else { continue };
            if sprms(g, 0).any(|(sprm, op)| sprm == 0x0800 && op.first().is_some_and(|&b| b != 0)) {
                out.push((start, end));
            }
        }
    }
    out.sort_unstable();
    out
}

/// The (sprm, operand) pairs of a grpprl from byte `i`, up to the first one
/// not understood.
fn sprms(g: &[u8], mut i: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let sprm = u16_at(g, i)?;
        i += 2;
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ if sprm == 0xD608 => usize::from(u16_at(g, i)?) + 1,
            _ if sprm == 0xC615 && g.get(i) == Some(&255) => return None,
            _ => 1 + usize::from(*g.get(i)?),
        };
        let op = g.get(i..i + size)?;
        i += size;
        Some((sprm, op))
    })
}

/// The sprms of the PapxInFkp at `off` of an FKP page (none for offset 0).
fn papx_sprms(fkp: &[u8], off: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let (start, len) = match fkp.get(off).copied().filter(|_| off > 0) {
        None => (0, 0),
        Some(0) => (off + 2, 2 * usize::from(fkp.get(off + 1).copied().unwrap_or(0))),
        Some(cb) => (off + 1, 2 * usize::from(cb) - 1),
    };
    sprms(fkp.get(start..start + len).unwrap_or_default(), 2) // after the istd
}

/// Table flags of one PapxInFkp.
fn papx_flags(fkp: &[u8], off: usize) -> u8 {
    let mut flags = 0;
    for (sprm, op) in papx_sprms(fkp, off) {
        let on = op.iter().any(|&b| b != 0);
        match sprm {
            0x2416 | 0x244B | 0x6649 if on => flags |= IN_TABLE,
            0x2417 if on => flags |= IN_TABLE | TTP,
            _ => {}
        }
    }
    flags
}

/// `sprmTDefTable`'s operand (after its size): cell count, cell edges, TC80s.
fn def_table(op: &[u8]) -> Vec<CellDef> {
    let n = usize::from(op.first().copied().unwrap_or(0)).min(64);
    let edge = |k: usize| u16_at(op, 1 + 2 * k).map(|v| v as i16);
    let tcs = 1 + 2 * (n + 1);
    (0..n)
        .map_while(|k| {
            let (left, right) = (edge(k)?, edge(k + 1)?);
            let grf = u16_at(op, tcs + 20 * k).unwrap_or(0);
            // TCGRF: horzMerge bits 0–1 (2, 3: merged into the left cell),
            // vertMerge bits 5–6 (1: merged into the cell above, 3: restart)
            Some(CellDef { left, right, hcont: grf & 0b10 != 0, vcont: (grf >> 5) & 0b11 == 1 })
        })
        .collect()
}
