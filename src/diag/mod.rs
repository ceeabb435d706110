//! Diagnostics: what went wrong or looks wrong, located in a file, counted, never fatal.

pub mod codes;

pub use codes::Code;
use serde::Serialize;
use std::fmt;

/// How bad a diagnostic is. `Error` means an input could not be used at all.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One finding about one input. `code` is stable (e.g. `decode.invalid`,
/// `region.ambiguous`, `check.sum_mismatch`); `location` is a line, a char
/// span or a cell (`book.xlsx!2023!D7`), empty when the whole file is meant.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub source: String,
    pub location: String,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
}

impl Diagnostic {
    pub fn new(source: &str, severity: Severity, code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            source: source.to_string(),
            location: String::new(),
            severity,
            code,
            message: message.into(),
        }
    }

    pub fn error(source: &str, code: Code, message: impl Into<String>) -> Self {
        Self::new(source, Severity::Error, code, message)
    }

    pub fn warning(source: &str, code: Code, message: impl Into<String>) -> Self {
        Self::new(source, Severity::Warning, code, message)
    }

    pub fn info(source: &str, code: Code, message: impl Into<String>) -> Self {
        Self::new(source, Severity::Info, code, message)
    }

    pub fn at(mut self, location: impl Into<String>) -> Self {
        self.location = location.into();
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.severity.as_str(), self.source)?;
        if !self.location.is_empty() {
            write!(f, " ({})", self.location)?;
        }
        write!(f, ": [{}] {}", self.code, self.message)
    }
}

/// Counts by severity, for exit codes and manifests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DiagnosticCounts {
    pub info: usize,
    pub warning: usize,
    pub error: usize,
}

impl DiagnosticCounts {
    pub fn of(diags: &[Diagnostic]) -> Self {
        let mut c = DiagnosticCounts::default();
        for d in diags {
            match d.severity {
                Severity::Info => c.info += 1,
                Severity::Warning => c.warning += 1,
                Severity::Error => c.error += 1,
            }
        }
        c
    }
}
