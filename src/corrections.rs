//! Corrections: a researcher's CSV that adds, overrides or drops facts by
//! source + indicator, applied at build time and marked in the output.

use crate::build::BuildOutput;
use crate::catalog::Catalog;
use std::path::Path;

/// Apply a corrections file to a build's facts (see README for the format).
pub fn apply_file(_catalog: &Catalog, _path: &Path, _out: &mut BuildOutput) {}
