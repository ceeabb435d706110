//! Glyphs → lines → (running headers/footers and page numbers dropped) →
//! table rows and paragraphs.
//!
//! Heuristics, tuned on single-column government reports:
//! - a line is the glyphs sharing a baseline; a gap wider than 1.5 em splits
//!   it into segments (cells);
//! - a line within the top or bottom 3 lines of a page whose text (digit
//!   runs masked) recurs there on at least 40% of the pages (and on 2 or more) is
//!   a running header/footer; a page-number-shaped line (`- 1 -`, `第1页`,
//!   `1/5`, `Page 3`, bare digits at the bottom) in the top/bottom 2 lines is dropped;
//! - 2+ consecutive lines of 2+ segments whose segments overlap column-wise
//!   form a table; each row becomes one `a | b | c` line;
//! - a line joins the next (no newline; no space unless both sides are
//!   Latin letters/digits, not both digits) when it reaches the right margin
//!   (and is at least 8 em long), the next line is
//!   not indented, sizes match and the vertical gap is normal; a line ending in
//!   sentence punctuation only joins when the document marks paragraphs by a
//!   first-line indent. This holds across page breaks too.

mod chrome;
mod table;

use chrome::drop_chrome;
use table::{find_tables, table_rows};

/// Cell separator of table rows (the one `ingest::html` writes).
pub const TABLE_SEP: &str = " | ";

#[derive(Debug, Clone, Copy)]
pub(crate) struct Glyph {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub size: f32,
    pub ch: char,
}

struct Seg {
    x0: f32,
    x1: f32,
    text: String,
}

pub(crate) struct Line {
    page: usize,
    y: f32,
    size: f32,
    segs: Vec<Seg>,
}

impl Line {
    fn x0(&self) -> f32 {
        self.segs[0].x0
    }
    fn x1(&self) -> f32 {
        self.segs[self.segs.len() - 1].x1
    }
    fn text(&self) -> String {
        self.segs.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ")
    }
}

const SEG_GAP: f32 = 1.5;

fn wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

fn latin(c: char) -> bool {
    c.is_alphanumeric() && !wide(c)
}

pub(crate) fn lines_of(page: usize, glyphs: &[Glyph]) -> Vec<Line> {
    let mut gs: Vec<Glyph> = glyphs.to_vec();
    gs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<Glyph>> = Vec::new();
    let mut base = f32::NAN;
    for g in gs {
        match groups.last_mut() {
            Some(cur) if (base - g.y).abs() <= 0.4 * g.size.max(cur[0].size) => {
                cur.push(g);
                base += (g.y - base) / cur.len() as f32;
            }
            _ => {
                base = g.y;
                groups.push(vec![g]);
            }
        }
    }
    let mut out = Vec::new();
    for mut g in groups {
        g.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut sizes: Vec<f32> =
            g.iter().filter(|g| !g.ch.is_whitespace()).map(|g| g.size).collect();
        if sizes.is_empty() {
            continue;
        }
        sizes.sort_by(f32::total_cmp);
        let size = sizes[sizes.len() / 2];
        let y = g.iter().map(|g| g.y).sum::<f32>() / g.len() as f32;
        let mut segs: Vec<Seg> = Vec::new();
        let (mut end, mut last, mut pending) = (f32::MIN, ' ', false);
        for c in &g {
            if c.ch.is_whitespace() {
                pending = !segs.is_empty();
                continue;
            }
            // fake bold / shadow: the same glyph drawn twice at (nearly) one spot
            if c.ch == last && (c.x - (end - width(c))).abs() < 0.3 * c.size {
                continue;
            }
            let gap = c.x - end;
            if segs.is_empty() || gap > SEG_GAP * c.size.max(size) {
                segs.push(Seg { x0: c.x, x1: c.x, text: String::new() });
            } else if pending || (gap > 0.2 * c.size && latin(last) && latin(c.ch)) {
                segs.last_mut().unwrap().text.push(' ');
            }
            let s = segs.last_mut().unwrap();
            s.text.push(c.ch);
            end = c.x + width(c);
            s.x1 = end;
            last = c.ch;
            pending = false;
        }
        out.push(Line { page, y, size, segs });
    }
    out
}

fn width(g: &Glyph) -> f32 {
    if g.w > 0.05 * g.size {
        g.w
    } else if wide(g.ch) {
        g.size
    } else {
        0.5 * g.size
    }
}

fn percentile(mut v: Vec<f32>, p: f32) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[((v.len() - 1) as f32 * p).round() as usize]
}

fn ends_hard(s: &str) -> bool {
    let t = s.trim_end_matches(['”', '’', '」', '』', '）', ')', '"']);
    t.ends_with(['。', '！', '？', '!', '?', '…', '.']) && !t.ends_with("..")
}

/// A body line, or row `r` of table `t` (`Row(t, r)`), in reading order.
enum Item<'a> {
    Text(&'a Line),
    Row(usize, usize),
}

/// Lay out all pages. Returns (text, header/footer lines removed, tables).
pub(crate) fn assemble(mut lines: Vec<Vec<Line>>) -> (String, usize, Vec<super::PdfTable>) {
    let removed = drop_chrome(&mut lines);
    let all: Vec<&Line> = lines.iter().flatten().collect();
    let (items, tables) = items_and_tables(&all);
    let out = body_text(&items, &tables);
    (out, removed, tables)
}

/// The lines in order, each table's rows gathered into a [`super::PdfTable`].
fn items_and_tables<'a>(all: &'a [&'a Line]) -> (Vec<Item<'a>>, Vec<super::PdfTable>) {
    let mut items = Vec::new();
    let mut tables: Vec<super::PdfTable> = Vec::new();
    let tags = find_tables(all);
    let mut cur: Option<(usize, Vec<&Line>)> = None;
    let flush = |cur: &mut Option<(usize, Vec<&Line>)>,
                 items: &mut Vec<Item>,
                 tables: &mut Vec<super::PdfTable>| {
        if let Some((_, rows)) = cur.take() {
            let t = tables.len();
            for r in 0..rows.len() {
                items.push(Item::Row(t, r));
            }
            tables.push(super::PdfTable { page: rows[0].page + 1, rows: table_rows(&rows) });
        }
    };
    for (l, tag) in all.iter().zip(tags) {
        match (tag, &mut cur) {
            (Some(t), Some((c, rows))) if *c == t => rows.push(l),
            (Some(t), _) => {
                flush(&mut cur, &mut items, &mut tables);
                cur = Some((t, vec![l]));
            }
            (None, _) => {
                flush(&mut cur, &mut items, &mut tables);
                items.push(Item::Text(l));
            }
        }
    }
    flush(&mut cur, &mut items, &mut tables);
    (items, tables)
}

/// The text: body lines joined into paragraphs, table rows as `a | b | c` lines.
fn body_text(items: &[Item<'_>], tables: &[super::PdfTable]) -> String {
    let body: Vec<&Line> =
        items.iter().filter_map(|i| if let Item::Text(l) = i { Some(*l) } else { None }).collect();
    let left = percentile(body.iter().map(|l| l.x0()).collect(), 0.1);
    let right = percentile(body.iter().map(|l| l.x1()).collect(), 0.9);
    let indents =
        body.iter().filter(|l| (1.5..2.6).contains(&((l.x0() - left) / l.size))).count() >= 2;
    let joins = |a: &Line, b: &Line| {
        let size = a.size.max(b.size);
        let gap_ok = a.page != b.page || (a.y - b.y > 0.0 && a.y - b.y <= 2.2 * size);
        gap_ok
            && (a.size - b.size).abs() <= 0.15 * size
            && a.x1() >= right - 1.5 * a.size
            && a.x1() - left >= 8.0 * a.size
            && b.x0() < left + 0.8 * b.size
            && (indents || !ends_hard(&a.text()))
    };
    let mut out = String::new();
    let mut prev: Option<&Line> = None;
    for item in items {
        match item {
            Item::Text(l) => {
                let t = l.text();
                match prev {
                    _ if out.is_empty() => {}
                    Some(p) if joins(p, l) => {
                        let (a, b) =
                            (out.chars().last().unwrap_or(' '), t.chars().next().unwrap_or(' '));
                        if a == '-' && b.is_lowercase() && out.len() > 1 {
                            out.pop();
                        } else if latin(a)
                            && latin(b)
                            && !(a.is_ascii_digit() && b.is_ascii_digit())
                        {
                            out.push(' ');
                        }
                    }
                    _ => out.push('\n'),
                }
                out.push_str(t.trim_start_matches(|c: char| c.is_whitespace()));
                prev = Some(l);
            }
            Item::Row(t, r) => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&tables[*t].rows[*r].join(TABLE_SEP));
                prev = None;
            }
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
