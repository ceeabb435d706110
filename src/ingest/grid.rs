//! Grids of cells built under caps, whatever a workbook declares: rows past
//! [`MAX_ROWS`], columns past [`MAX_COLS`] and cells past [`MAX_GRID_CELLS`]
//! are counted, not stored. Rows are as long as their last cell (ragged), so
//! memory follows the cells a sheet really has, and a merged area shows its
//! value in every cell it covers (multi-row headers), clamped to the grid.

use super::cells::Cell;

/// Rows read per sheet; the rest is reported, not read.
pub const MAX_ROWS: usize = 1_000_000;
/// Columns read per sheet (a statistics table is never this wide).
pub const MAX_COLS: usize = 1024;
/// Cells stored per sheet, empty cells inside a row counted.
pub const MAX_GRID_CELLS: usize = 8_000_000;

/// One sheet as a grid of cells.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    /// rows not read because of a cap
    pub truncated: usize,
    /// cells left out because they stood past [`MAX_COLS`]
    pub cols_dropped: usize,
}

/// A merged area: ((first row, first col), (last row, last col)).
pub type Area = ((usize, usize), (usize, usize));

/// Collects the cells of one sheet in any order.
#[derive(Debug, Default)]
pub struct GridBuilder {
    grid: Grid,
    stored: usize,
    /// the first row that did not fit (rows from here on are not kept)
    full_at: Option<usize>,
    /// rows the sheet has (last row with a cell + 1), kept or not
    rows_seen: usize,
}

impl GridBuilder {
    pub fn new(name: &str) -> GridBuilder {
        GridBuilder {
            grid: Grid { name: name.to_string(), ..Grid::default() },
            ..Default::default()
        }
    }

    /// Add a non-blank cell at an absolute (row, column); false once the grid is full.
    pub fn push(&mut self, row: usize, col: usize, cell: Cell) -> bool {
        if col >= MAX_COLS {
            self.grid.cols_dropped += 1;
            return true;
        }
        self.rows_seen = self.rows_seen.max(row + 1);
        if row >= MAX_ROWS || self.full_at.is_some_and(|f| row >= f) {
            return false;
        }
        if !self.make_room(row, col + 1) {
            self.full_at = Some(self.full_at.map_or(row, |f| f.min(row)));
            return false;
        }
        self.grid.rows[row][col] = cell;
        true
    }

    /// Grow the grid so that `row` has `width` cells, within the cell cap.
    fn make_room(&mut self, row: usize, width: usize) -> bool {
        let rows = &mut self.grid.rows;
        let grow = width.saturating_sub(rows.get(row).map_or(0, Vec::len));
        if self.stored + grow + row.saturating_sub(rows.len()) > MAX_GRID_CELLS {
            return false;
        }
        if rows.len() <= row {
            self.stored += row + 1 - rows.len();
            rows.resize_with(row + 1, Vec::new);
        }
        if grow > 0 {
            rows[row].resize(width, Cell::empty());
            self.stored += grow;
        }
        true
    }

    /// Fill merged areas ((first row, first col), (last row, last col)),
    /// then hand over the grid.
    pub fn finish(mut self, merges: &[Area]) -> Grid {
        for &((r0, c0), (r1, c1)) in merges {
            self.fill_merge(r0, c0, r1, c1);
        }
        self.grid.truncated = self.rows_seen.saturating_sub(self.grid.rows.len());
        self.grid
    }

    fn fill_merge(&mut self, r0: usize, c0: usize, r1: usize, c1: usize) {
        let Some(v) = self.grid.rows.get(r0).and_then(|r| r.get(c0)).cloned() else { return };
        if v.is_blank() {
            return;
        }
        let last_row = r1.min(self.grid.rows.len().saturating_sub(1));
        let last_col = c1.min(MAX_COLS - 1);
        for r in r0..=last_row {
            if !self.make_room(r, last_col + 1) {
                return;
            }
            for cell in &mut self.grid.rows[r][c0..=last_col] {
                if cell.is_blank() {
                    *cell = v.clone();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::cells::CellValue;

    fn num(v: f64) -> Cell {
        Cell { text: String::new(), value: CellValue::Number { value: v, percent: false } }
    }

    #[test]
    fn cells_far_away_are_counted_not_stored() {
        let mut b = GridBuilder::new("s");
        assert!(b.push(0, 0, num(1.0)));
        // a hostile cell at XFD1048576: its column is past the cap, its row past the rows
        assert!(b.push(1_048_575, 16_383, num(2.0)));
        assert!(!b.push(1_048_575, 3, num(3.0)));
        let g = b.finish(&[((0, 0), (1_048_575, 16_383))]);
        assert_eq!(g.cols_dropped, 1);
        assert!(g.truncated > 0);
        assert!(g.rows.len() <= MAX_ROWS);
        let stored: usize = g.rows.iter().map(Vec::len).sum();
        assert!(stored <= MAX_GRID_CELLS, "{stored}");
    }

    #[test]
    fn merged_header_fills_its_area() {
        let mut b = GridBuilder::new("s");
        b.push(0, 0, Cell { text: "行政复议".into(), value: CellValue::Text });
        b.push(1, 0, num(5.0));
        let g = b.finish(&[((0, 0), (0, 2))]);
        assert_eq!(g.rows[0].len(), 3);
        assert!(g.rows[0].iter().all(|c| c.text == "行政复议"));
    }
}
