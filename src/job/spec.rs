//! The job file: a declarative description of one scheduled run (TOML,
//! unknown keys rejected with the key and line named). Relative paths are
//! relative to the job file's folder.

use crate::chart::ChartSpec;
use crate::diag::{Code, Diagnostic};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobSpec {
    /// report title on the HTML page
    #[serde(default = "default_title")]
    pub title: String,
    /// folders (walked recursively), files or glob patterns
    pub inputs: Vec<String>,
    /// output folder (created; a cache, a lock and every output live here)
    pub output: PathBuf,
    /// catalogs to use (default: all)
    #[serde(default)]
    pub catalogs: Vec<String>,
    /// reference data folder (default: ./datasets or the bundled one)
    #[serde(default)]
    pub datasets: Option<PathBuf>,
    /// corrections CSV (see README)
    #[serde(default)]
    pub corrections: Option<PathBuf>,
    /// a rules file extending the bundled wording (see datasets/rules/wording.toml)
    #[serde(default)]
    pub rules: Option<PathBuf>,
    /// the per-capita basis for comparisons and charts that do not set one
    #[serde(default)]
    pub population: PopulationBasis,
    /// charts to draw (the `yardstick chart` spec)
    #[serde(default)]
    pub chart: Vec<ChartSpec>,
    /// ranked comparison tables
    #[serde(default)]
    pub compare: Vec<CompareSpec>,
}

fn default_title() -> String {
    "yardstick report".into()
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PopulationBasis {
    /// 10000 = per 10k residents; unset = raw values
    #[serde(default)]
    pub per: Option<f64>,
}

/// One ranked table of the report.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareSpec {
    pub indicator: String,
    #[serde(default)]
    pub year: Option<i32>,
    /// actual or target
    #[serde(default)]
    pub kind: Option<crate::extract::FactKind>,
    #[serde(default)]
    pub per: Option<f64>,
    #[serde(default)]
    pub level: Option<crate::locate::Level>,
    #[serde(default)]
    pub within: Option<String>,
    #[serde(default)]
    pub focus: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SpecError {
    #[error("cannot read job file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("job file {path}: {message}")]
    Parse { path: PathBuf, message: String },
}

impl JobSpec {
    /// Read a job file and resolve its paths against the file's folder.
    pub fn load(path: &Path) -> Result<JobSpec, SpecError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| SpecError::Read { path: path.into(), source })?;
        let mut spec: JobSpec = toml::from_str(&text)
            .map_err(|e| SpecError::Parse { path: path.into(), message: e.to_string() })?;
        let base = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        // joined and tidied (reports/./a.txt → reports/a.txt)
        let resolve = |p: &Path| -> PathBuf {
            if p.is_absolute() { p.to_path_buf() } else { base.join(p) }.components().collect()
        };
        spec.output = resolve(&spec.output);
        spec.datasets = spec.datasets.as_deref().map(resolve);
        spec.corrections = spec.corrections.as_deref().map(resolve);
        spec.rules = spec.rules.as_deref().map(resolve);
        spec.inputs = spec
            .inputs
            .iter()
            .map(|i| resolve(Path::new(i)).to_string_lossy().into_owned())
            .collect();
        for c in &mut spec.chart {
            c.per = raw_when_zero(c.per.or(spec.population.per));
        }
        for c in &mut spec.compare {
            c.per = raw_when_zero(c.per.or(spec.population.per));
        }
        Ok(spec)
    }

    /// The input files: folders walked, globs expanded, sorted and deduplicated.
    pub fn input_paths(&self, diags: &mut Vec<crate::diag::Diagnostic>) -> Vec<PathBuf> {
        let mut paths = Vec::new();
        for i in &self.inputs {
            if i.contains(['*', '?', '[']) {
                match glob::glob(i) {
                    Ok(found) => {
                        let mut any = false;
                        for p in found.flatten() {
                            any = true;
                            paths.push(p);
                        }
                        if !any {
                            diags.push(Diagnostic::warning(
                                i,
                                Code::JobGlobEmpty,
                                "the pattern matches no file",
                            ));
                        }
                    }
                    Err(e) => diags.push(Diagnostic::error(i, Code::JobGlobInvalid, e.to_string())),
                }
            } else {
                paths.push(PathBuf::from(i));
            }
        }
        let mut files = crate::ingest::collect_inputs(&paths, diags);
        files.sort();
        files.dedup();
        files
    }
}

/// `per = 0` in a chart or table asks for raw values despite the job's basis.
fn raw_when_zero(per: Option<f64>) -> Option<f64> {
    per.filter(|p| *p != 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_named_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("job.toml");
        std::fs::write(&p, "inputs = [\"reports\"]\noutput = \"out\"\n\n[[chart]]\nindicator = \"petitions\"\nout = \"p.svg\"\ncolour = \"red\"\n").unwrap();
        let e = JobSpec::load(&p).unwrap_err().to_string();
        assert!(e.contains("colour") && e.contains("line 7"), "{e}");
    }

    #[test]
    fn paths_are_relative_to_the_job_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("job.toml");
        std::fs::write(&p, "inputs = [\".\"]\noutput = \"../out\"\n[population]\nper = 10000\n[[compare]]\nindicator = \"petitions\"\n").unwrap();
        let j = JobSpec::load(&p).unwrap();
        assert_eq!(j.output, dir.path().join("../out"));
        assert_eq!(j.inputs, vec![dir.path().display().to_string()]);
        assert_eq!(j.compare[0].per, Some(10000.0));
    }
}
