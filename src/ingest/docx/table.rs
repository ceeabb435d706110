//! Table state of the WordprocessingML walker: the open table, row and cell
//! (with its gridSpan / vMerge / hMerge properties and the row's gridBefore /
//! gridAfter), and the helpers that turn the laid-out column grid into
//! `a | b | c` lines with each cell's text cleaned as the HTML reader does.

#[derive(Default, Clone, Copy, PartialEq, Eq)]
pub(super) enum Merge {
    #[default]
    None,
    Restart,
    Continue,
}

pub(super) struct Cell {
    pub(super) text: String,
    pub(super) span: usize,
    pub(super) vmerge: Merge,
    pub(super) hcont: bool,
}

#[derive(Default)]
pub(super) struct Row {
    pub(super) before: usize,
    pub(super) after: usize,
    pub(super) cells: Vec<Cell>,
}

#[derive(Default)]
pub(super) struct Table {
    pub(super) rows: Vec<Row>,
    pub(super) row: Option<Row>,
    pub(super) cell: Option<Cell>,
}

impl Table {
    pub(super) fn close_cell(&mut self) {
        if let Some(c) = self.cell.take() {
            self.row.get_or_insert_with(Row::default).cells.push(c);
        }
    }

    pub(super) fn close_row(&mut self) {
        self.close_cell();
        if let Some(r) = self.row.take() {
            self.rows.push(r);
        }
    }
}

/// Grid rows to lines; `None` when they would pass `room` chars.
pub(super) fn render(pool: &[String], grid: &[Vec<usize>], room: usize) -> Option<Vec<String>> {
    let lens: Vec<usize> = pool.iter().map(|s| s.chars().count()).collect();
    let width = |g: &[usize]| g.iter().map(|&i| lens[i]).sum::<usize>();
    let total: usize = grid
        .iter()
        .filter(|g| width(g) > 0)
        .map(|g| width(g) + 3 * g.len().saturating_sub(1) + 1)
        .sum();
    if total > room {
        return None;
    }
    let lines = grid
        .iter()
        .filter(|g| width(g) > 0)
        .map(|g| g.iter().map(|&i| pool[i].as_str()).collect::<Vec<_>>().join(" | "))
        .collect();
    Some(lines)
}

/// A cell's text as the HTML reader writes it: whitespace collapsed, `|` → `/`.
pub(super) fn clean_cell(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "/")
}
