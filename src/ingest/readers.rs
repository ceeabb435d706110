//! Word files (.docx, .docm, .doc) and PDFs into text documents: the body
//! only, in reading order (headers, footers, notes and page numbers kept
//! apart), tables laid out as the HTML reader lays them out; every failure a
//! diagnostic naming the file.

use super::docx::{self, DocxError};
use super::pdf::{self, PdfError};
use super::text::document_from_text;
use super::{Document, Format};
use crate::diag::{Code, Diagnostic};

/// Read a Word file's body into a document (warnings for parts left out).
pub fn read_word(
    source: &str,
    bytes: &[u8],
    format: Format,
) -> Result<(Document, Vec<Diagnostic>), Diagnostic> {
    let word =
        docx::read_docx(bytes, &docx::Limits::default()).map_err(|e| diagnostic(source, &e))?;
    let mut diags: Vec<Diagnostic> = word
        .warnings
        .iter()
        .map(|w| Diagnostic::warning(source, Code::WordPartSkipped, w.clone()))
        .collect();
    let doc = document_from_text(source, bytes, word.body, format, "", &mut diags)?;
    Ok((doc, diags))
}

/// The diagnostic of a Word file that could not be read.
fn diagnostic(source: &str, e: &DocxError) -> Diagnostic {
    let code = match e {
        DocxError::Encrypted => Code::WordEncrypted,
        DocxError::LegacyWord => Code::WordLegacy,
        DocxError::TooLarge { .. } => Code::IngestCapped,
        DocxError::NotZip | DocxError::MissingPart(_) | DocxError::Malformed(_) => {
            Code::WordCorrupt
        }
    };
    Diagnostic::error(source, code, e.to_string())
}

/// Read a PDF's text layer into a document.
pub fn read_pdf(source: &str, bytes: &[u8]) -> Result<(Document, Vec<Diagnostic>), Diagnostic> {
    let text =
        pdf::read_pdf(bytes, &pdf::Limits::default()).map_err(|e| pdf_diagnostic(source, &e))?;
    let mut diags = Vec::new();
    let doc = document_from_text(source, bytes, text.text, Format::Pdf, "", &mut diags)?;
    Ok((doc, diags))
}

/// The diagnostic of a PDF that could not be read.
fn pdf_diagnostic(source: &str, e: &PdfError) -> Diagnostic {
    let code = match e {
        PdfError::NoTextLayer => Code::PdfNoTextLayer,
        PdfError::Encrypted => Code::PdfEncrypted,
        PdfError::TooLarge { .. } => Code::IngestCapped,
        PdfError::NotPdf | PdfError::Malformed(_) | PdfError::Panicked(_) => Code::PdfCorrupt,
    };
    Diagnostic::error(source, code, e.to_string())
}
