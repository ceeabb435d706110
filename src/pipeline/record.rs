//! The documents.csv row of one input: what locate found for a text, what
//! the sheets name for a workbook.

use crate::extract::tables::sheet::WorkbookFacts;
use crate::extract::{Fact, FactKind};
use crate::frame::DocRecord;
use crate::ingest::{Document, Input};
use crate::locate::{DocMeta, DocType};

/// The row of a text document.
pub(super) fn of_text(doc: &Document, meta: &DocMeta, facts: &[Fact]) -> DocRecord {
    DocRecord {
        source: doc.source.clone(),
        doc_id: doc.id.clone(),
        issuer: meta.issuer.clone(),
        region_code: meta.region_code.clone(),
        region_name: meta.region_name.clone(),
        level: meta.level,
        province_code: meta.province_code.clone(),
        prefecture_code: meta.prefecture_code.clone(),
        report_year: meta.report_year,
        published: meta.published.clone(),
        doc_type: meta.doc_type,
        format: doc.format,
        encoding: doc.encoding.clone(),
        bytes: doc.bytes,
        facts: facts.iter().filter(|f| f.kind != FactKind::Period).count() as u32,
        coverage: String::new(),
    }
}

/// The row of a workbook.
pub(super) fn of_workbook(input: &Input, found: &WorkbookFacts) -> DocRecord {
    let scope = found.scope.as_ref();
    DocRecord {
        source: input.source.clone(),
        doc_id: input.id.clone(),
        issuer: String::new(),
        region_code: scope.map(|r| r.code.clone()).unwrap_or_default(),
        region_name: scope.map(|r| r.name.clone()).unwrap_or_default(),
        level: scope.map(|r| r.level),
        province_code: scope.map(|r| r.province.clone()).unwrap_or_default(),
        prefecture_code: String::new(),
        report_year: found.report_year,
        published: String::new(),
        doc_type: DocType::StatTable,
        format: input.format,
        encoding: String::new(),
        bytes: input.bytes,
        facts: found.facts.len() as u32,
        coverage: String::new(),
    }
}
