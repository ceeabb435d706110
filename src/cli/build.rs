//! `yardstick build <FILES-OR-DIRS>... --out DIR`

use super::exit;
use std::path::PathBuf;
use yardstick::pipeline::{self, BuildSettings, Engine};
use yardstick::reference;

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// report files or folders (walked recursively)
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// output folder (created; files replaced atomically)
    #[arg(long)]
    out: PathBuf,
    /// reference data folder (default: ./datasets, else the one the binary was built with)
    #[arg(long)]
    datasets: Option<PathBuf>,
    /// catalogs to use, comma separated (default: all): civil_affairs, economy
    #[arg(long, value_delimiter = ',')]
    catalog: Vec<String>,
    /// corrections CSV applied after extraction
    #[arg(long)]
    corrections: Option<PathBuf>,
}

pub fn run(args: BuildArgs) -> Result<i32, Box<dyn std::error::Error>> {
    let settings = BuildSettings {
        datasets: reference::find_datasets(args.datasets.as_deref())?,
        catalogs: args.catalog,
        corrections: args.corrections,
    };
    let engine = Engine::load(&settings)?;
    let out = pipeline::build(&engine, &args.inputs, &settings);
    pipeline::write_outputs(&out, engine.catalog(), &args.out)?;
    let counts = out.counts();
    let failed = out.failed_inputs();
    eprintln!(
        "yardstick: {} documents, {} facts, {} panel cells; diagnostics: {} error, {} warning, {} info; written to {}",
        out.documents.len(),
        out.facts.len(),
        out.panel.len(),
        counts.error,
        counts.warning,
        counts.info,
        args.out.display()
    );
    if out.sheets.0 > 0 {
        eprintln!("yardstick: {} sheets read, {} gave facts", out.sheets.0, out.sheets.1);
    }
    for d in out.diagnostics.iter().filter(|d| d.severity == yardstick::diag::Severity::Error) {
        eprintln!("  {d}");
    }
    Ok(if failed > 0 { exit::PARTIAL } else { exit::OK })
}
