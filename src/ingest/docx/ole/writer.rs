//! A `.doc` story's characters → lines: paragraphs, and table rows as
//! `a | b | c` lines (cells told apart from row ends by the PAPX flags).

use super::super::{join_lines, needs_space, Budget, DocxError, Limits};
use super::fkp::{CellDef, ParaRun, IN_TABLE, TTP};
use super::MAX_SPAN;

/// Deepest field nesting tracked.
const MAX_FIELDS: usize = 64;

/// The text of one story.
pub(super) struct Story {
    pub(super) text: String,
    pub(super) paragraphs: usize,
    pub(super) tables: usize,
}

/// Collects one story; see the module doc.
pub(super) struct Writer<'a> {
    wd: &'a [u8],
    props: &'a [ParaRun],
    limits: &'a Limits,
    budget: &'a mut Budget,
    lines: Vec<String>,
    buf: String,
    pending_break: bool,
    high: Option<u16>,
    fields: Vec<bool>,
    instr: usize,
    cell: String,
    row: Vec<String>,
    rows: Vec<(Vec<String>, Vec<CellDef>)>,
    after_cell: bool,
    paragraphs: usize,
    tables: usize,
}

impl<'a> Writer<'a> {
    pub(super) fn new(
        wd: &'a [u8],
        props: &'a [ParaRun],
        limits: &'a Limits,
        budget: &'a mut Budget,
    ) -> Self {
        Writer {
            wd,
            props,
            limits,
            budget,
            lines: Vec::new(),
            buf: String::new(),
            pending_break: false,
            high: None,
            fields: Vec::new(),
            instr: 0,
            cell: String::new(),
            row: Vec::new(),
            rows: Vec::new(),
            after_cell: false,
            paragraphs: 0,
            tables: 0,
        }
    }

    /// Count `n` more characters about to be looked at against the text limit.
    pub(super) fn scan(&mut self, n: usize) -> Result<(), DocxError> {
        self.budget.scanned = self.budget.scanned.saturating_add(n);
        if self.budget.scanned > self.limits.max_text_chars {
            return Err(super::too_large("text (chars)", self.limits.max_text_chars as u64));
        }
        Ok(())
    }

    /// One UTF-16 code unit of the story, stored at byte `fc` of WordDocument.
    pub(super) fn feed(&mut self, code: u16, fc: u32) -> Result<(), DocxError> {
        match code {
            0x13 if self.fields.len() < MAX_FIELDS => {
                self.fields.push(true);
                self.instr += 1;
            }
            0x14 => {
                if let Some(f) = self.fields.last_mut().filter(|f| **f) {
                    *f = false;
                    self.instr -= 1;
                }
            }
            0x15 => self.instr -= usize::from(self.fields.pop() == Some(true)),
            _ if self.instr > 0 => {}
            0x0D | 0x0C => self.para_mark(fc)?,
            0x07 => self.cell_mark(fc)?,
            0x0B => self.pending_break = !self.buf.is_empty(),
            0x09 => self.push('\t'),
            0x1E => self.push('-'),
            0xA0 => self.push(' '),
            0xD800..=0xDBFF => self.high = Some(code),
            0xDC00..=0xDFFF => {
                if let Some(Ok(c)) = self.high.take().map(|h| {
                    char::decode_utf16([h, code]).next().unwrap_or(Ok(char::REPLACEMENT_CHARACTER))
                }) {
                    self.push(c);
                }
            }
            c if c < 0x20 => {}
            c => self.push(char::from_u32(u32::from(c)).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
        if code != 0x07 {
            self.after_cell = false;
        }
        Ok(())
    }

    fn push(&mut self, c: char) {
        if std::mem::take(&mut self.pending_break) && needs_space(self.buf.chars().last(), Some(c))
        {
            self.buf.push(' ');
        }
        self.buf.push(c);
    }

    /// The paragraph run holding byte `fc`.
    fn run(&self, fc: u32) -> Option<&'a ParaRun> {
        let props = self.props;
        let i = props.partition_point(|r| r.start <= fc);
        i.checked_sub(1).and_then(|i| props.get(i)).filter(|r| fc < r.end)
    }

    fn flags(&self, fc: u32) -> u8 {
        self.run(fc).map_or(0, |r| r.flags)
    }

    fn para_mark(&mut self, fc: u32) -> Result<(), DocxError> {
        let text = std::mem::take(&mut self.buf);
        self.pending_break = false;
        self.fields.iter_mut().for_each(|f| *f = false);
        self.instr = 0;
        let text = text.trim();
        if self.flags(fc) & IN_TABLE != 0 {
            if !self.cell.is_empty() && !text.is_empty() {
                self.cell.push(' ');
            }
            self.cell.push_str(text);
            return Ok(());
        }
        self.flush_table()?;
        if !text.is_empty() {
            self.paragraphs += 1;
            self.push_line(text.to_string())?;
        }
        Ok(())
    }

    /// End of a cell, or (TTP paragraph; without PAPX: a second mark in a row)
    /// end of a table row.
    fn cell_mark(&mut self, fc: u32) -> Result<(), DocxError> {
        let text = std::mem::take(&mut self.buf);
        let row_end = if self.props.is_empty() {
            self.after_cell && text.is_empty() && self.cell.is_empty()
        } else {
            self.flags(fc) & TTP != 0
        };
        if row_end {
            let row = std::mem::take(&mut self.row);
            let defs = self.run(fc).map(|r| r.cells(self.wd)).unwrap_or_default();
            self.budget.add_cells(defs.len(), self.limits)?;
            self.rows.push((row, defs));
            self.after_cell = false;
            return Ok(());
        }
        if !self.cell.is_empty() && !text.trim().is_empty() {
            self.cell.push(' ');
        }
        self.cell.push_str(text.trim());
        let cell = std::mem::take(&mut self.cell);
        self.row.push(cell.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "/"));
        self.after_cell = true;
        Ok(())
    }

    fn flush_table(&mut self) -> Result<(), DocxError> {
        if !self.row.is_empty() {
            let row = std::mem::take(&mut self.row);
            self.rows.push((row, Vec::new()));
        }
        if self.rows.is_empty() {
            return Ok(());
        }
        self.tables += 1;
        let rows = std::mem::take(&mut self.rows);
        let grid = self.layout(rows)?;
        self.push_blank();
        for row in grid {
            if row.iter().any(|c| !c.is_empty()) {
                self.push_line(row.join(" | "))?;
            }
        }
        self.push_blank();
        Ok(())
    }

    /// Put the rows on the table's column grid (the union of all cell edges):
    /// a cell spanning grid columns repeats its text across them, a cell merged
    /// into the one above or to the left repeats that one's text.
    fn layout(
        &mut self,
        rows: Vec<(Vec<String>, Vec<CellDef>)>,
    ) -> Result<Vec<Vec<String>>, DocxError> {
        let mut edges: Vec<i16> =
            rows.iter().flat_map(|(_, d)| d.iter().flat_map(|c| [c.left, c.right])).collect();
        edges.sort_unstable();
        edges.dedup();
        let col = |x: i16| edges.partition_point(|&e| e < x);
        let mut grid: Vec<Vec<String>> = Vec::with_capacity(rows.len());
        for (cells, defs) in rows {
            let mut g: Vec<String> = Vec::new();
            for (i, text) in cells.into_iter().enumerate() {
                let Some(d) = defs.get(i) else {
                    g.push(text);
                    continue;
                };
                let (start, span) =
                    (col(d.left), col(d.right).saturating_sub(col(d.left)).clamp(1, MAX_SPAN));
                if g.len() < start && start - g.len() <= MAX_SPAN {
                    g.resize(start, String::new());
                }
                let text = match (grid.last().and_then(|above| above.get(g.len())), g.last()) {
                    (Some(above), _) if d.vcont => above.clone(),
                    (_, Some(left)) if d.hcont => left.clone(),
                    _ => text,
                };
                self.budget.add_cells(span, self.limits)?;
                let chars = text.chars().count().saturating_mul(span);
                if chars > self.limits.max_text_chars.saturating_sub(self.budget.chars) {
                    return Err(super::too_large(
                        "text (chars)",
                        self.limits.max_text_chars as u64,
                    ));
                }
                g.extend(std::iter::repeat_n(text, span));
            }
            grid.push(g);
        }
        Ok(grid)
    }

    fn push_line(&mut self, line: String) -> Result<(), DocxError> {
        self.budget.add_chars(line.chars().count() + 1, self.limits)?;
        self.lines.push(line);
        Ok(())
    }

    fn push_blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    /// The story so far, with any unterminated paragraph or table closed.
    pub(super) fn finish(mut self) -> Result<Story, DocxError> {
        let rest = std::mem::take(&mut self.buf);
        self.flush_table()?;
        let rest = rest.trim();
        if !rest.is_empty() {
            self.paragraphs += 1;
            self.push_line(rest.to_string())?;
        }
        Ok(Story {
            text: join_lines(&self.lines),
            paragraphs: self.paragraphs,
            tables: self.tables,
        })
    }
}
