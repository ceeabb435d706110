//! Word files (.docx, .docm, .doc) into text documents: the body only, in
//! order (headers, footers and notes kept apart), tables laid out as the
//! HTML reader lays them out; every failure a diagnostic naming the file.

use super::docx::{self, DocxError, Limits};
use super::text::document_from_text;
use super::{Document, Format};
use crate::diag::{Code, Diagnostic};

/// Read a Word file's body into a document (warnings for parts left out).
pub fn read_word(
    source: &str,
    bytes: &[u8],
    format: Format,
) -> Result<(Document, Vec<Diagnostic>), Diagnostic> {
    let word = docx::read_docx(bytes, &Limits::default()).map_err(|e| diagnostic(source, &e))?;
    let diags = word
        .warnings
        .iter()
        .map(|w| Diagnostic::warning(source, Code::WordPartSkipped, w.clone()))
        .collect();
    let doc = document_from_text(source, bytes, word.body, format, "")?;
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
