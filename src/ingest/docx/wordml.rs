//! WordprocessingML walker: one pass over a part's XML events, keeping the
//! paragraph and table state needed to lay the text out as lines.
//!
//! Elements are matched by namespace (transitional or strict `w:`; an unbound
//! `w:` prefix is taken as Word's too) and local name. Text comes only from
//! `w:t` / `m:t` inside no skipped element: deleted and moved-from runs, field
//! instructions (`w:instrText`, and the runs between a complex field's begin
//! and separate marks), ruby guide text, property blocks and the `mc:Fallback`
//! copy of text boxes.

use super::package::{attr, xml_error};
use super::table::{clean_cell, render, Cell, Merge, Row, Table};
use super::vocab::{entity, ns_of, sym_char, Ns, SKIP};
use super::{needs_space, too_large, Budget, DocxError, Limits, Parsed};
use quick_xml::events::{BytesStart, Event};
use quick_xml::NsReader;

/// Widest gridSpan / gridBefore honoured (Word allows 63 columns).
const MAX_SPAN: usize = 64;
/// Deepest complex-field nesting tracked.
const MAX_FIELDS: usize = 64;

#[derive(Default)]
struct Para {
    text: String,
    pending_break: bool,
}

/// Walks one part's events; see the module doc.
pub(super) struct Walker<'a> {
    limits: &'a Limits,
    budget: &'a mut Budget,
    root: Option<String>,
    lines: Vec<String>,
    items: Vec<String>,
    cur: Para,
    outer: Vec<Para>,
    tables: Vec<Table>,
    skip: usize,
    in_run: usize,
    in_text: bool,
    fields: Vec<bool>,
    instr: usize,
    paragraphs: usize,
    table_count: usize,
}

impl<'a> Walker<'a> {
    pub(super) fn new(limits: &'a Limits, budget: &'a mut Budget) -> Self {
        Walker {
            limits,
            budget,
            root: None,
            lines: Vec::new(),
            items: Vec::new(),
            cur: Para::default(),
            outer: Vec::new(),
            tables: Vec::new(),
            skip: 0,
            in_run: 0,
            in_text: false,
            fields: Vec::new(),
            instr: 0,
            paragraphs: 0,
            table_count: 0,
        }
    }

    /// Feed every event of `xml` (the part `part`) through the walker.
    pub(super) fn run(&mut self, part: &str, xml: &str) -> Result<(), DocxError> {
        let mut reader = NsReader::from_str(xml);
        loop {
            let (ns, ev) = match reader.read_resolved_event() {
                Ok((res, ev)) => (ns_of(&res), ev),
                Err(e) => return Err(xml_error(part, reader.error_position(), &e)),
            };
            match ev {
                Event::Start(e) => self.open(ns, &e, false),
                Event::Empty(e) => self.open(ns, &e, true),
                Event::End(e) => self.close(ns, e.local_name().into_inner())?,
                Event::Text(t) if self.takes_text() => self.push_text(&t.xml10_content()),
                Event::CData(t) if self.takes_text() => self.push_text(&t.xml10_content()),
                Event::GeneralRef(r) if self.takes_text() => {
                    if let Some(c) = entity(&r) {
                        self.push_text(c.encode_utf8(&mut [0; 4]));
                    }
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// Close whatever a truncated part left open and hand over the result.
    pub(super) fn finish(mut self) -> Result<Parsed, DocxError> {
        while !self.tables.is_empty() {
            self.end_table()?;
        }
        while !self.outer.is_empty() || !self.cur.text.is_empty() {
            self.end_paragraph()?;
        }
        Ok(Parsed {
            root: self.root.unwrap_or_default(),
            lines: self.lines,
            items: self.items,
            paragraphs: self.paragraphs,
            tables: self.table_count,
        })
    }

    fn takes_text(&self) -> bool {
        self.skip == 0 && self.in_text && self.instr == 0
    }

    fn open(&mut self, ns: Ns, e: &BytesStart, empty: bool) {
        if self.skip > 0 {
            self.skip += usize::from(!empty);
            return;
        }
        let name = e.local_name().into_inner();
        if self.root.is_none() {
            self.root =
                Some(if ns == Ns::W { name.to_string() } else { format!("{name} (not w:)") });
        }
        match ns {
            Ns::Mc if name == "Fallback" && !empty => self.skip = 1,
            Ns::W if SKIP.contains(&name) && !empty => self.skip = 1,
            Ns::W | Ns::Math if name == "t" => self.in_text = !empty,
            Ns::W => self.open_w(name, e, empty),
            _ => {}
        }
    }

    fn open_w(&mut self, name: &str, e: &BytesStart, empty: bool) {
        let in_run = self.in_run > 0;
        match name {
            "p" if !empty => self.outer.push(std::mem::take(&mut self.cur)),
            "r" if !empty => self.in_run += 1,
            "tab" | "ptab" if in_run => self.push_text("\t"),
            "br" if in_run && attr(e, "type").as_deref() == Some("page") => self.page_break(),
            "br" | "cr" if in_run => self.soft_break(),
            "noBreakHyphen" => self.push_text("-"),
            "sym" => {
                if let Some(c) = sym_char(e) {
                    self.push_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            "fldChar" => self.field_char(e),
            "tbl" if !empty => {
                self.tables.push(Table::default());
                self.table_count += 1;
            }
            "tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.close_row();
                    t.row = Some(Row::default());
                }
            }
            "tc" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.close_cell();
                    t.cell = Some(Cell {
                        text: String::new(),
                        span: 1,
                        vmerge: Merge::None,
                        hcont: false,
                    });
                }
            }
            "gridSpan" | "vMerge" | "hMerge" | "gridBefore" | "gridAfter" => {
                self.cell_prop(name, e)
            }
            _ => {}
        }
    }

    fn close(&mut self, ns: Ns, name: &str) -> Result<(), DocxError> {
        if self.skip > 0 {
            self.skip -= 1;
            return Ok(());
        }
        match (ns, name) {
            (Ns::W | Ns::Math, "t") => self.in_text = false,
            (Ns::W, "r") => self.in_run = self.in_run.saturating_sub(1),
            (Ns::W, "p") => self.end_paragraph()?,
            (Ns::W, "tc") => self.tables.last_mut().into_iter().for_each(Table::close_cell),
            (Ns::W, "tr") => self.tables.last_mut().into_iter().for_each(Table::close_row),
            (Ns::W, "tbl") => self.end_table()?,
            (Ns::W, "footnote" | "endnote" | "hdr" | "ftr") => {
                let text = super::join_lines(&std::mem::take(&mut self.lines));
                if !text.is_empty() {
                    self.items.push(text.trim_end().to_string());
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Complex fields: text between `begin` and `separate` is the instruction.
    fn field_char(&mut self, e: &BytesStart) {
        match attr(e, "fldCharType").as_deref() {
            Some("begin") if self.fields.len() < MAX_FIELDS => {
                self.fields.push(true);
                self.instr += 1;
            }
            Some("separate") => {
                if let Some(f) = self.fields.last_mut().filter(|f| **f) {
                    *f = false;
                    self.instr -= 1;
                }
            }
            Some("end") => self.instr -= usize::from(self.fields.pop() == Some(true)),
            _ => {}
        }
    }

    fn cell_prop(&mut self, name: &str, e: &BytesStart) {
        let val = attr(e, "val");
        let num = val.as_deref().and_then(|v| v.trim().parse::<usize>().ok());
        let Some(t) = self.tables.last_mut() else { return };
        if let (Some(c), "gridSpan" | "vMerge" | "hMerge") = (t.cell.as_mut(), name) {
            match name {
                "gridSpan" => c.span = num.unwrap_or(1).clamp(1, MAX_SPAN),
                "vMerge" if val.as_deref() == Some("restart") => c.vmerge = Merge::Restart,
                "vMerge" => c.vmerge = Merge::Continue,
                _ => c.hcont = val.as_deref() != Some("restart"),
            }
        } else if let Some(r) = t.row.as_mut() {
            match name {
                "gridBefore" => r.before = num.unwrap_or(0).min(MAX_SPAN),
                "gridAfter" => r.after = num.unwrap_or(0).min(MAX_SPAN),
                _ => {}
            }
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.instr > 0 || s.is_empty() {
            return;
        }
        let p = &mut self.cur;
        if std::mem::take(&mut p.pending_break)
            && needs_space(p.text.chars().last(), s.chars().next())
        {
            p.text.push(' ');
        }
        if s.contains(['\n', '\r']) {
            p.text.push_str(&s.replace(['\n', '\r'], " "));
        } else {
            p.text.push_str(s);
        }
    }

    /// A line break inside a paragraph: a space, or nothing between two CJK chars.
    fn soft_break(&mut self) {
        if self.instr == 0 && !self.cur.text.is_empty() {
            self.cur.pending_break = true;
        }
    }

    /// A page break ends the line (inside a table cell it is a soft break).
    fn page_break(&mut self) {
        if self.tables.last().is_some_and(|t| t.cell.is_some()) || self.instr > 0 {
            return self.soft_break();
        }
        let text = std::mem::take(&mut self.cur.text);
        self.cur.pending_break = false;
        // only fails on the char budget, which the paragraph end re-checks
        let _ = self.emit(text);
    }

    fn end_paragraph(&mut self) -> Result<(), DocxError> {
        let p = std::mem::replace(&mut self.cur, self.outer.pop().unwrap_or_default());
        self.fields.iter_mut().for_each(|f| *f = false);
        self.instr = 0;
        self.emit(p.text)
    }

    /// A finished paragraph goes to the open table cell, or becomes a line.
    fn emit(&mut self, text: String) -> Result<(), DocxError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(());
        }
        if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            if !cell.text.is_empty() {
                cell.text.push(' ');
            }
            cell.text.push_str(text);
            return Ok(());
        }
        if self.tables.is_empty() {
            self.paragraphs += 1;
        }
        self.push_line(text.to_string())
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

    /// A table is done: its rows become lines, or (nested) its flattened text
    /// joins the enclosing cell, as nested HTML tables do.
    fn end_table(&mut self) -> Result<(), DocxError> {
        let Some(mut t) = self.tables.pop() else { return Ok(()) };
        t.close_row();
        let lines = self.layout(&t.rows)?;
        if let Some(cell) = self.tables.last_mut().and_then(|p| p.cell.as_mut()) {
            for line in lines {
                if !cell.text.is_empty() {
                    cell.text.push(' ');
                }
                cell.text.push_str(&line);
            }
            return Ok(());
        }
        self.push_blank();
        for line in lines {
            self.push_line(line)?;
        }
        self.push_blank();
        Ok(())
    }

    /// Lay rows out on the column grid (merged cells repeat their text) and
    /// write one `a | b | c` line per row that has any text.
    fn layout(&mut self, rows: &[Row]) -> Result<Vec<String>, DocxError> {
        let mut pool: Vec<String> = vec![String::new()];
        let mut grid: Vec<Vec<usize>> = Vec::with_capacity(rows.len());
        for row in rows {
            let width = row.before + row.after + row.cells.iter().map(|c| c.span).sum::<usize>();
            self.budget.add_cells(width, self.limits)?;
            let mut g = vec![0; row.before];
            for cell in &row.cells {
                let above = grid.last().and_then(|prev| prev.get(g.len()).copied());
                let id = match (cell.vmerge, above, g.last()) {
                    (Merge::Continue, Some(id), _) => id,
                    (_, _, Some(&left)) if cell.hcont => left,
                    _ => {
                        pool.push(clean_cell(&cell.text));
                        pool.len() - 1
                    }
                };
                g.extend(std::iter::repeat_n(id, cell.span));
            }
            g.resize(g.len() + row.after, 0);
            grid.push(g);
        }
        let room = self.limits.max_text_chars.saturating_sub(self.budget.chars);
        render(&pool, &grid, room)
            .ok_or_else(|| too_large("text (chars)", self.limits.max_text_chars as u64))
    }
}
