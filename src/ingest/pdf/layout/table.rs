//! Tables: runs of consecutive multi-segment lines whose segments line up
//! column-wise (across page breaks too), and the split of such a run into
//! rows of cells by the merged column spans.

use super::{Line, Seg};

fn overlaps(a: &Seg, b: &Seg, tol: f32) -> bool {
    a.x0 <= b.x1 + tol && b.x0 <= a.x1 + tol
}

/// Runs of table rows over all pages' body lines (so a table may continue on
/// the next page); returns for each line its table id (if any).
pub(super) fn find_tables(lines: &[&Line]) -> Vec<Option<usize>> {
    let mut tag = vec![None; lines.len()];
    let mut id = 0;
    let mut i = 0;
    while i < lines.len() {
        let mut j = i + 1;
        if lines[i].segs.len() >= 2 {
            while j < lines.len() && lines[j].segs.len() >= 2 && {
                let (a, b) = (&lines[j - 1], &lines[j]);
                let tol = 0.5 * a.size;
                b.segs.iter().filter(|s| a.segs.iter().any(|t| overlaps(s, t, tol))).count() >= 2
            } {
                j += 1;
            }
            if j - i >= 2 {
                for t in tag.iter_mut().take(j).skip(i) {
                    *t = Some(id);
                }
                id += 1;
            }
        }
        i = j;
    }
    tag
}

pub(super) fn table_rows(rows: &[&Line]) -> Vec<Vec<String>> {
    let mut cols: Vec<(f32, f32)> = Vec::new();
    let mut spans: Vec<(f32, f32)> =
        rows.iter().flat_map(|l| l.segs.iter().map(|s| (s.x0, s.x1))).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (a, b) in spans {
        match cols.last_mut() {
            Some(c) if a <= c.1 => c.1 = c.1.max(b),
            _ => cols.push((a, b)),
        }
    }
    rows.iter()
        .map(|l| {
            let mut cells = vec![String::new(); cols.len()];
            for s in &l.segs {
                let k = cols.iter().position(|c| s.x0 <= c.1 && c.0 <= s.x1).unwrap_or(0);
                if !cells[k].is_empty() {
                    cells[k].push(' ');
                }
                cells[k].push_str(&s.text.replace('|', "/"));
            }
            cells
        })
        .collect()
}
