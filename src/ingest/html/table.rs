//! A page's table laid out on a grid: rowspan/colspan fill every covered
//! cell, clamped to the table; the laid-out text bounded by the cells' own.

use super::{Walker, TABLE_TEXT_FACTOR, TABLE_TEXT_FLOOR};
use scraper::ElementRef;

impl Walker<'_> {
    /// Lay a table out on a grid (rowspan/colspan fill every covered cell) and
    /// write one `a | b | c` line per row. Spans are clamped to the table's
    /// real rows and to [`MAX_TABLE_COLS`]; a grid is never larger than
    /// [`MAX_TABLE_CELLS`], and its text never longer than [`TABLE_TEXT_FACTOR`]
    /// times its cells' text (the rest of such a table is left out, and said).
    pub(super) fn table_lines(&mut self, table: ElementRef, out: &mut String, depth: usize) {
        let rows: Vec<ElementRef> = table
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| e.value().name() == "tr")
            .filter(|tr| {
                tr.ancestors().filter_map(ElementRef::wrap).find(|a| a.value().name() == "table")
                    == Some(table)
            })
            .take(MAX_TABLE_ROWS)
            .collect();
        // cells hold an index into `texts`: a spanned cell's text is stored once
        let mut texts: Vec<String> = Vec::new();
        let mut grid: Vec<Vec<Option<u32>>> = vec![Vec::new(); rows.len()];
        let mut cells_used = 0usize;
        'rows: for (r, tr) in rows.iter().enumerate() {
            let mut c = 0;
            for cell in tr
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|e| matches!(e.value().name(), "td" | "th"))
            {
                while grid[r].get(c).is_some_and(|v| v.is_some()) {
                    c += 1;
                }
                if c >= MAX_TABLE_COLS {
                    break;
                }
                let rs = span(&cell, "rowspan", rows.len() - r);
                let cs = span(&cell, "colspan", MAX_TABLE_COLS - c);
                cells_used += rs * cs;
                if cells_used > MAX_TABLE_CELLS {
                    self.capped.push(format!("html table: over {MAX_TABLE_CELLS} cells once spans are laid out; the rest of the table left out"));
                    break 'rows;
                }
                texts.push(self.cell_text(cell, depth + 1));
                let id = Some(texts.len() as u32 - 1);
                for row in &mut grid[r..r + rs] {
                    if row.len() < c + cs {
                        row.resize(c + cs, None);
                    }
                    row[c..c + cs].fill(id);
                }
                c += cs;
            }
        }
        let own: usize = texts.iter().map(String::len).sum();
        let budget = TABLE_TEXT_FLOOR + TABLE_TEXT_FACTOR * own;
        let before = out.len();
        out.push('\n');
        for row in grid {
            let cells: Vec<&str> =
                row.iter().map(|c| c.map_or("", |i| texts[i as usize].as_str())).collect();
            if cells.iter().all(|c| c.is_empty()) {
                continue;
            }
            let len: usize = cells.iter().map(|c| c.len() + 3).sum();
            if out.len() - before + len > budget {
                self.capped.push(format!("html table: laid-out text over {TABLE_TEXT_FACTOR}× its cells' text; the rest of the table left out"));
                break;
            }
            out.push_str(&cells.join(" | "));
            out.push('\n');
        }
    }
}

fn span(el: &ElementRef, attr: &str, limit: usize) -> usize {
    el.value().attr(attr).and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, limit)
}

/// Rows of one table laid out (nested tables' rows belong to the inner table).
pub(super) const MAX_TABLE_ROWS: usize = 5000;
/// Columns of one table; a colspan never reaches past this.
pub(super) const MAX_TABLE_COLS: usize = 256;
/// Cells of one table's grid once spans are expanded.
pub(super) const MAX_TABLE_CELLS: usize = 200_000;
