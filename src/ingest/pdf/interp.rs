//! The content-stream interpreter: walks one page's operators (graphics and
//! text state, CTM, `q`/`Q`, Form XObjects, inline and XObject images), decodes
//! each shown string through its font and emits positioned [`Glyph`]s, clipped
//! to the page's media box and charged against the text-character budget.

use super::font::Font;
use super::layout::Glyph;
use super::operands::operand_safe_prefix;
use super::{deref, dict, inherited, num, too_large, Limits, PdfError};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// Row-vector affine matrix [a b c d e f]: (x, y) -> (a x + c y + e, b x + d y + f).
type M = [f64; 6];
const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &M, n: &M) -> M {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

#[derive(Clone)]
struct GState {
    ctm: M,
    font: Option<Rc<Font>>,
    size: f64,
    tc: f64,
    tw: f64,
    th: f64,
    tl: f64,
    rise: f64,
}

pub(super) struct Interp<'a> {
    pub(super) doc: &'a Document,
    pub(super) limits: &'a Limits,
    pub(super) fonts: &'a mut HashMap<usize, Rc<Font>>,
    pub(super) out: Vec<Glyph>,
    pub(super) budget: &'a mut usize,
    /// content streams that could not be read or parsed to the end
    pub(super) bad: usize,
    /// images drawn, and codes shown (decodable or not)
    pub(super) images: usize,
    pub(super) shown: usize,
    /// content bytes interpreted on this page (Form XObjects count each time)
    pub(super) work: usize,
    pub(super) forms: Vec<ObjectId>,
}

const MAX_FORM_DEPTH: usize = 8;
/// operands (array elements included) one operator may take
const MAX_OPERANDS: usize = 65_536;
const MAX_Q_DEPTH: usize = 256;

impl Interp<'_> {
    pub(super) fn page(&mut self, id: ObjectId) -> Result<(), PdfError> {
        let doc = self.doc;
        let Ok(page) = doc.get_dictionary(id) else { return Ok(()) };
        let content = match doc.get_page_content_with_limit(id, self.limits.max_stream_bytes) {
            Ok(c) => c,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                return Err(too_large("decompressed stream bytes", self.limits.max_stream_bytes))
            }
            Err(_) => {
                self.bad += 1;
                return Ok(());
            }
        };
        let rot = inherited(doc, page, b"Rotate").and_then(|o| num(doc, o)).unwrap_or(0.0);
        let ctm = match (rot as i64).rem_euclid(360) {
            90 => [0.0, -1.0, 1.0, 0.0, 0.0, 0.0],
            180 => [-1.0, 0.0, 0.0, -1.0, 0.0, 0.0],
            270 => [0.0, 1.0, -1.0, 0.0, 0.0, 0.0],
            _ => ID,
        };
        let res = dict(doc, inherited(doc, page, b"Resources"));
        self.run(&content, res, ctm)?;
        // drop what lies outside the (rotated) media box
        let mb: Vec<f64> = inherited(doc, page, b"MediaBox")
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
            .map(|a| a.iter().filter_map(|o| num(doc, o)).collect())
            .unwrap_or_default();
        if mb.len() == 4 {
            let pts = [(mb[0], mb[1]), (mb[2], mb[3]), (mb[0], mb[3]), (mb[2], mb[1])]
                .map(|(x, y)| apply(&ctm, x, y));
            let (x0, x1) =
                pts.iter().fold((f64::MAX, f64::MIN), |a, p| (a.0.min(p.0), a.1.max(p.0)));
            let (y0, y1) =
                pts.iter().fold((f64::MAX, f64::MIN), |a, p| (a.0.min(p.1), a.1.max(p.1)));
            let (mx, my) = ((x1 - x0) * 0.05 + 5.0, (y1 - y0) * 0.05 + 5.0);
            self.out.retain(|g| {
                let (x, y) = (g.x as f64, g.y as f64);
                x >= x0 - mx && x <= x1 + mx && y >= y0 - my && y <= y1 + my
            });
        }
        Ok(())
    }

    fn font(&mut self, res: Option<&Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let doc = self.doc;
        let entry = dict(doc, res?.get(b"Font").ok())?.get(name).ok()?;
        let d = deref(doc, entry)?.as_dict().ok()?;
        let key = match entry {
            Object::Reference(id) => ((id.0 as usize) << 16) ^ id.1 as usize,
            _ => d as *const Dictionary as usize | 1 << 63,
        };
        if let Some(f) = self.fonts.get(&key) {
            return Some(f.clone());
        }
        let f = Rc::new(Font::load(doc, d, self.limits.max_stream_bytes));
        self.fonts.insert(key, f.clone());
        Some(f)
    }

    fn run(&mut self, content: &[u8], res: Option<&Dictionary>, ctm: M) -> Result<(), PdfError> {
        self.work = self.work.saturating_add(content.len());
        if self.work > self.limits.max_stream_bytes.saturating_mul(4) {
            return Ok(()); // a page that repeats huge forms: keep what we have
        }
        // lopdf collects one operator's operands in a Vec: refuse absurd runs
        let safe = operand_safe_prefix(content, MAX_OPERANDS);
        if safe < content.len() {
            self.bad += 1;
        }
        let content = &content[..safe];
        let mut gs =
            GState { ctm, font: None, size: 0.0, tc: 0.0, tw: 0.0, th: 1.0, tl: 0.0, rise: 0.0 };
        let mut stack: Vec<GState> = Vec::new();
        let (mut tm, mut tlm) = (ID, ID);
        for op in Content::decode_iter(content) {
            let Ok(op) = op else {
                self.bad += 1;
                break;
            };
            let a = &op.operands;
            let f = |i: usize| a.get(i).and_then(|o| num(self.doc, o));
            match op.operator.as_str() {
                "q" if stack.len() < MAX_Q_DEPTH => stack.push(gs.clone()),
                "Q" => gs = stack.pop().unwrap_or(gs),
                "cm" if a.len() == 6 => {
                    let m = [0, 1, 2, 3, 4, 5].map(|i| f(i).unwrap_or(0.0));
                    gs.ctm = mul(&m, &gs.ctm);
                }
                "BT" => (tm, tlm) = (ID, ID),
                "Tf" => {
                    gs.font =
                        a.first().and_then(|o| o.as_name().ok()).and_then(|n| self.font(res, n));
                    gs.size = f(1).unwrap_or(0.0);
                }
                "Tc" => gs.tc = f(0).unwrap_or(0.0),
                "Tw" => gs.tw = f(0).unwrap_or(0.0),
                "Tz" => gs.th = f(0).unwrap_or(100.0) / 100.0,
                "TL" => gs.tl = f(0).unwrap_or(0.0),
                "Ts" => gs.rise = f(0).unwrap_or(0.0),
                "Td" | "TD" => {
                    let (x, y) = (f(0).unwrap_or(0.0), f(1).unwrap_or(0.0));
                    if op.operator == "TD" {
                        gs.tl = -y;
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, x, y], &tlm);
                    tm = tlm;
                }
                "Tm" if a.len() == 6 => {
                    tlm = [0, 1, 2, 3, 4, 5].map(|i| f(i).unwrap_or(0.0));
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.tl], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    self.show_op(&op.operator, a, &mut gs, &mut tm, &mut tlm)?;
                }
                "BI" => self.images += 1,
                "Do" => {
                    if let Some(n) = a.first().and_then(|o| o.as_name().ok()) {
                        self.form(res, n, &gs)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// One text-showing operator (`Tj`, `'`, `"`, `TJ`) with its operands `a`.
    fn show_op(
        &mut self,
        operator: &str,
        a: &[Object],
        gs: &mut GState,
        tm: &mut M,
        tlm: &mut M,
    ) -> Result<(), PdfError> {
        let f = |i: usize| a.get(i).and_then(|o| num(self.doc, o));
        if operator != "Tj" && operator != "TJ" {
            if operator == "\"" {
                gs.tw = f(0).unwrap_or(gs.tw);
                gs.tc = f(1).unwrap_or(gs.tc);
            }
            *tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.tl], tlm);
            *tm = *tlm;
        }
        let items: &[Object] = match a.last() {
            Some(Object::Array(v)) if operator == "TJ" => v,
            _ => a.last().map(std::slice::from_ref).unwrap_or(&[]),
        };
        for item in items {
            match item {
                Object::String(s, _) => self.show(s, gs, tm)?,
                Object::Integer(_) | Object::Real(_) => {
                    let n = num(self.doc, item).unwrap_or(0.0);
                    *tm = mul(&[1.0, 0.0, 0.0, 1.0, -n / 1000.0 * gs.size * gs.th, 0.0], tm);
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn form(&mut self, res: Option<&Dictionary>, name: &[u8], gs: &GState) -> Result<(), PdfError> {
        let doc = self.doc;
        let Some(entry) =
            res.and_then(|r| dict(doc, r.get(b"XObject").ok())).and_then(|x| x.get(name).ok())
        else {
            return Ok(());
        };
        let Ok((id, Object::Stream(s))) = doc.dereference(entry) else { return Ok(()) };
        match s.dict.get(b"Subtype").ok().and_then(|o| o.as_name().ok()) {
            Some(b"Form") => {}
            Some(b"Image") => {
                self.images += 1;
                return Ok(());
            }
            _ => return Ok(()),
        }
        let id = id.unwrap_or((0, 0));
        if self.forms.len() >= MAX_FORM_DEPTH || self.forms.contains(&id) {
            return Ok(());
        }
        let content = match s.decompressed_content_with_limit(self.limits.max_stream_bytes) {
            Ok(c) => c,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                return Err(too_large("decompressed stream bytes", self.limits.max_stream_bytes))
            }
            Err(_) => return Ok(()),
        };
        let m = s
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
            .filter(|a| a.len() == 6)
            .map(|a| [0, 1, 2, 3, 4, 5].map(|i| num(doc, &a[i]).unwrap_or(0.0)))
            .unwrap_or(ID);
        let form_res = dict(doc, s.dict.get(b"Resources").ok()).or(res);
        self.forms.push(id);
        let r = self.run(&content, form_res, mul(&m, &gs.ctm));
        self.forms.pop();
        r
    }

    fn show(&mut self, bytes: &[u8], gs: &GState, tm: &mut M) -> Result<(), PdfError> {
        let Some(font) = gs.font.clone() else { return Ok(()) };
        let mut err = None;
        font.each_code(bytes, |code| {
            self.shown += 1;
            let trm = mul(tm, &gs.ctm);
            let (x, y) = apply(&trm, 0.0, gs.rise);
            let tx = (code.w0 * gs.size + gs.tc + if code.space { gs.tw } else { 0.0 }) * gs.th;
            let (dx, dy) = (trm[0], trm[1]);
            let scale = (dx * dx + dy * dy).sqrt();
            let size = gs.size * font.vscale * (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            // keep upright, left-to-right text only (drops watermarks and rotated margin notes)
            let upright = dx > 0.0 && dy.abs() <= 0.2 * dx && trm[3] * dx - trm[2] * dy > 0.0;
            if upright && size.is_finite() && size > 0.5 && x.is_finite() && y.is_finite() {
                let chars = || code.text.chars().filter(|c| !c.is_control()).flat_map(unligature);
                let n = chars().count().max(1);
                let w = tx * scale;
                for (k, ch) in chars().enumerate() {
                    if *self.budget == 0 {
                        err = Some(too_large("text chars", self.limits.max_text_chars));
                        return;
                    }
                    *self.budget -= 1;
                    let gx = x + w * k as f64 / n as f64;
                    self.out.push(Glyph {
                        x: gx as f32,
                        y: y as f32,
                        w: (w / n as f64) as f32,
                        size: size as f32,
                        ch,
                    });
                }
            }
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        });
        err.map_or(Ok(()), Err)
    }
}

/// Latin ligatures (ﬁ ﬂ ...) as their letters; other chars as they are.
fn unligature(c: char) -> impl Iterator<Item = char> {
    let s: &[char] = match c {
        '\u{FB00}' => &['f', 'f'],
        '\u{FB01}' => &['f', 'i'],
        '\u{FB02}' => &['f', 'l'],
        '\u{FB03}' => &['f', 'f', 'i'],
        '\u{FB04}' => &['f', 'f', 'l'],
        '\u{FB05}' | '\u{FB06}' => &['s', 't'],
        _ => &[],
    };
    let one = if s.is_empty() { Some(c) } else { None };
    s.iter().copied().chain(one)
}

fn apply(m: &M, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}
