//! PDF → body text in reading order, for annual reports (mostly Chinese).
//!
//! `lopdf` parses the file (xref repair, object streams, filters, decryption
//! with the empty user password, bounded inflation); this module interprets the
//! page content streams itself (text state, CTM, Form XObjects), decodes the
//! strings through the fonts ([`font`]) and lays the glyphs out into lines,
//! paragraphs and table rows ([`layout`]). Everything runs under
//! `catch_unwind`, so a bug in the parser becomes [`PdfError::Panicked`].

mod font;
mod interp;
mod layout;
mod operands;

pub use layout::TABLE_SEP;

use interp::Interp;
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};
use std::cell::Cell;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Caps on what one file may cost. Every size read out of the file is checked
/// against these before anything is allocated for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// size of the file itself
    pub max_file_bytes: u64,
    /// pages in the page tree
    pub max_pages: usize,
    /// one decompressed stream (checked while inflating), and one page's content
    pub max_stream_bytes: usize,
    /// indirect objects (counted before parsing and after)
    pub max_objects: usize,
    /// characters of text taken from all pages
    pub max_text_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 * 1024 * 1024,
            max_pages: 5_000,
            max_stream_bytes: 64 * 1024 * 1024,
            max_objects: 2_000_000,
            max_text_chars: 20_000_000,
        }
    }
}

/// Text of a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfText {
    pub pages: usize,
    /// body text: one paragraph per line, table rows as `a | b | c` lines
    pub text: String,
    /// running header/footer lines and page numbers dropped (all pages)
    pub header_footer_lines_removed: usize,
    /// the table rows also found in `text`, grouped by table
    pub tables: Vec<PdfTable>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfTable {
    /// 1-based page the table starts on
    pub page: usize,
    pub rows: Vec<Vec<String>>,
}

impl PdfTable {
    /// Rows as the project writes them: cells joined by [`TABLE_SEP`].
    pub fn lines(&self) -> Vec<String> {
        self.rows.iter().map(|r| r.join(TABLE_SEP)).collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("not a PDF file")]
    NotPdf,
    #[error("encrypted PDF: needs a password")]
    Encrypted,
    #[error("no text layer: needs OCR")]
    NoTextLayer,
    #[error("PDF too large: {what} over the limit of {limit}")]
    TooLarge { what: &'static str, limit: u64 },
    #[error("malformed PDF: {0}")]
    Malformed(String),
    #[error("PDF reader panicked: {0}")]
    Panicked(String),
}

thread_local! {
    static IN_READER: Cell<u32> = const { Cell::new(0) };
}

/// Optional: call once at start-up to keep panics caught inside [`read_pdf`]
/// off stderr. It chains to the hook already installed and stays silent only
/// for panics raised on a thread while that thread is inside `read_pdf`, so it
/// is safe with many threads (the hook itself is never swapped per call).
pub fn quiet_reader_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_READER.try_with(|c| c.get()).unwrap_or(0) == 0 {
                prev(info);
            }
        }));
    });
}

/// Read the text of a PDF held in memory.
pub fn read_pdf(bytes: &[u8], limits: &Limits) -> Result<PdfText, PdfError> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(PdfError::TooLarge { what: "file bytes", limit: limits.max_file_bytes });
    }
    if !bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::NotPdf);
    }
    struct Flag;
    impl Drop for Flag {
        fn drop(&mut self) {
            let _ = IN_READER.try_with(|c| c.set(c.get().saturating_sub(1)));
        }
    }
    let _ = IN_READER.try_with(|c| c.set(c.get() + 1));
    let flag = Flag;
    let out = catch_unwind(AssertUnwindSafe(|| read_inner(bytes, limits)));
    drop(flag);
    out.unwrap_or_else(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned());
        Err(PdfError::Panicked(msg.unwrap_or_else(|| "unknown panic".into())))
    })
}

fn too_large(what: &'static str, limit: usize) -> PdfError {
    PdfError::TooLarge { what, limit: limit as u64 }
}

fn map_err(e: lopdf::Error, limits: &Limits) -> PdfError {
    match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => PdfError::Encrypted,
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            too_large("decompressed stream bytes", limits.max_stream_bytes)
        }
        e => PdfError::Malformed(e.to_string()),
    }
}

fn read_inner(bytes: &[u8], limits: &Limits) -> Result<PdfText, PdfError> {
    #[cfg(test)]
    if tests::INJECT_PANIC.with(|c| c.get()) {
        panic!("injected");
    }
    // every indirect object outside object streams starts with "obj"
    if bytes.windows(3).filter(|w| w == b"obj").count() > limits.max_objects {
        return Err(too_large("objects", limits.max_objects));
    }
    let opts = LoadOptions::with_max_decompressed_size(limits.max_stream_bytes);
    let doc = Document::load_mem_with_options(bytes, opts).map_err(|e| map_err(e, limits))?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(PdfError::Encrypted);
    }
    if doc.objects.len() > limits.max_objects {
        return Err(too_large("objects", limits.max_objects));
    }
    let ids: Vec<ObjectId> = doc.page_iter().take(limits.max_pages.saturating_add(1)).collect();
    if ids.len() > limits.max_pages {
        return Err(too_large("pages", limits.max_pages));
    }
    if ids.is_empty() {
        return Err(PdfError::Malformed("no pages".into()));
    }
    let mut fonts = HashMap::new();
    let mut budget = limits.max_text_chars;
    let mut pages = Vec::with_capacity(ids.len());
    let (mut bad, mut marks) = (0, 0);
    for (n, &id) in ids.iter().enumerate() {
        let mut it = Interp {
            doc: &doc,
            limits,
            fonts: &mut fonts,
            out: Vec::new(),
            budget: &mut budget,
            bad: 0,
            images: 0,
            shown: 0,
            work: 0,
            forms: Vec::new(),
        };
        it.page(id)?;
        bad += it.bad;
        marks += it.images + it.shown;
        // glyphs -> lines right away, so only one page's glyphs are held at a time
        pages.push(layout::lines_of(n, &it.out));
    }
    let (text, header_footer_lines_removed, tables) = layout::assemble(pages);
    if !text.chars().any(|c| !c.is_whitespace()) {
        // "needs OCR" only when something was drawn: images, or glyphs without known text
        return Err(if bad > 0 {
            PdfError::Malformed(format!("{bad} content stream(s) unreadable and no text found"))
        } else if marks > 0 {
            PdfError::NoTextLayer
        } else {
            PdfError::Malformed("no text or images on any page".into())
        });
    }
    Ok(PdfText { pages: ids.len(), text, header_footer_lines_removed, tables })
}

// ---------- small object helpers (shared with font.rs) ----------

pub(crate) fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

pub(crate) fn num(doc: &Document, o: &Object) -> Option<f64> {
    match deref(doc, o)? {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) if r.is_finite() => Some(*r as f64),
        _ => None,
    }
}

fn dict<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Dictionary> {
    deref(doc, o?)?.as_dict().ok()
}

/// A page attribute, inherited through /Parent (bounded hops).
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(v) = node.get(key) {
            return Some(v);
        }
        node = dict(doc, node.get(b"Parent").ok())?;
    }
    None
}

#[cfg(test)]
mod tests;
