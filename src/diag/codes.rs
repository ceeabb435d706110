//! The registry of diagnostic codes: every code the engine can emit, with what
//! it means. Codes are stable (scripts filter diagnostics.csv on them); a new
//! code is added here, and only here.

use std::fmt;

macro_rules! codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $code:literal,)+) => {
        /// A stable diagnostic code (`ingest.empty`, `region.ambiguous`, …).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Code {
            /// Every code, in registry order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            /// The code as written in diagnostics.csv.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)+
                }
            }

            /// What the code means (its registry doc line).
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => concat!($($doc),+).trim_ascii(),)+
                }
            }

            /// The code written as `s`, if registered.
            pub fn parse(s: &str) -> Option<Code> {
                match s {
                    $($code => Some(Code::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

codes! {
    /// A folder could not be walked (permissions, a broken link).
    IngestWalk = "ingest.walk",
    /// An input path named on the command line or in a job does not exist.
    IngestMissing = "ingest.missing",
    /// A file could not be read from disk.
    IngestUnreadable = "ingest.unreadable",
    /// A file is over the size limit for its format.
    IngestTooLarge = "ingest.too_large",
    /// A file is empty.
    IngestEmpty = "ingest.empty",
    /// A file's bytes are not text in any encoding tried.
    IngestBinary = "ingest.binary",
    /// A long text made of a handful of distinct characters: not a report.
    IngestDegenerate = "ingest.degenerate",
    /// A reader cap was hit (cells, spans, text length): part of the file was not read.
    IngestCapped = "ingest.capped",
    /// A saved web page's site furniture (menus, banners, related links, footer) was left out of its text.
    IngestFurniture = "ingest.furniture",
    /// A file in an input folder that is not a report (a note, config, script or hidden file) was not read.
    IngestSkipped = "ingest.skipped",
    /// A file whose content is another format than its name says (read as what it is).
    IngestRenamed = "ingest.renamed",
    /// A format the engine cannot read yet; the message says what to do.
    IngestUnsupported = "ingest.unsupported",
    /// A Word file that could not be read (damaged, or not Word at all).
    WordCorrupt = "word.corrupt",
    /// A password-protected Word file.
    WordEncrypted = "word.encrypted",
    /// A legacy Word format whose text cannot be taken out: save it as .docx.
    WordLegacy = "word.legacy",
    /// A part of a Word file (header, notes, embedded content) was left out.
    WordPartSkipped = "word.part_skipped",
    /// A PDF whose pages are images with no text: it needs OCR first.
    PdfNoTextLayer = "pdf.no_text_layer",
    /// A PDF that needs a password to open.
    PdfEncrypted = "pdf.encrypted",
    /// A PDF that could not be read (damaged, or not PDF at all).
    PdfCorrupt = "pdf.corrupt",
    /// Malformed byte sequences were replaced while decoding.
    DecodeMalformed = "decode.malformed",
    /// No clue decides the report's region.
    RegionUnknown = "region.unknown",
    /// Several regions fit the report's clues equally well.
    RegionAmbiguous = "region.ambiguous",
    /// No report year could be found.
    YearUnknown = "year.unknown",
    /// A work plan: its figures are targets of the year it was issued.
    ExtractPlan = "extract.plan",
    /// Core indicators a report of its kind nearly always states were not found (named).
    CoverageMissing = "coverage.missing",
    /// Printed cells of the disclosure template break one of its identities (named, with the difference).
    CheckTemplate = "check.template",
    /// A narrative figure states a disclosure template cell otherwise than the table (the table's value stands).
    CheckTextTable = "check.text_table",
    /// A disclosure template table whose rows could not all be placed (named, with what was read).
    TemplateUnplaced = "template.unplaced",
    /// Parts stated in a report do not add up to its stated total.
    CheckSumMismatch = "check.sum_mismatch",
    /// A stated rate does not match its stated numerator and denominator.
    CheckRateMismatch = "check.rate_mismatch",
    /// A report states the same indicator with different values.
    CheckRestated = "check.restated",
    /// Several facts compete for one panel cell with different values.
    PanelConflict = "panel.conflict",
    /// A workbook could not be read from disk.
    SheetUnreadable = "sheet.unreadable",
    /// A workbook is password-protected.
    SheetEncrypted = "sheet.encrypted",
    /// A workbook declares more rows, cells or bytes than the reader's caps.
    SheetTooLarge = "sheet.too_large",
    /// A workbook's structure is damaged.
    SheetCorrupt = "sheet.corrupt",
    /// A workbook extension on a file that is really a web page or text.
    SheetRenamed = "sheet.renamed",
    /// Rows beyond the reader's cap were not read.
    SheetTruncated = "sheet.truncated",
    /// A column header is not a catalog indicator.
    SheetUnknownHeader = "sheet.unknown_header",
    /// A row or column label may be several regions.
    SheetAmbiguousRegion = "sheet.ambiguous_region",
    /// A row or column label is not a region of the gazetteer.
    SheetUnknownRegion = "sheet.unknown_region",
    /// A sheet's values have no year (sheet name, column, title or file name).
    SheetNoYear = "sheet.no_year",
    /// A cell's unit cannot be converted to the indicator's unit.
    SheetUnitMismatch = "sheet.unit_mismatch",
    /// A workbook yielded no fact.
    SheetNoFacts = "sheet.no_facts",
    /// The corrections file could not be read.
    CorrectionsUnreadable = "corrections.unreadable",
    /// A corrections line is malformed (named by its line).
    CorrectionsInvalid = "corrections.invalid",
    /// A correction matched no fact.
    CorrectionsUnmatched = "corrections.unmatched",
    /// A correction adds to a document that is not among the inputs.
    CorrectionsUnknownSource = "corrections.unknown_source",
    /// A job's input glob is not a valid pattern.
    JobGlobInvalid = "job.glob_invalid",
    /// A job's input glob matched no file.
    JobGlobEmpty = "job.glob_empty",
    /// A job's chart could not be drawn.
    ChartFailed = "chart.failed",
    /// A job's ranked table has no values to compare.
    CompareEmpty = "compare.empty",
    /// A job's ranked table could not be computed.
    CompareFailed = "compare.failed",
    /// The engine failed on one input (a bug): the input is skipped, the batch goes on.
    InternalPanic = "internal.panic",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Codes sort as they are written, so diagnostics.csv keeps its order.
impl Ord for Code {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Code::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown code {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_documented_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for &c in Code::ALL {
            assert!(seen.insert(c.as_str()), "{c} registered twice");
            assert!(!c.meaning().is_empty(), "{c} has no meaning");
            assert_eq!(Code::parse(c.as_str()), Some(c));
        }
    }
}
