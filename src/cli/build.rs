//! `yardstick build <FILES-OR-DIRS>... --out DIR`

use super::exit;
use std::path::PathBuf;
use yardstick::pipeline::{self, BuildOutput, BuildSettings, Engine, Shard};
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
    /// build only the K-th of N slices of the inputs (by content hash), e.g. 3/8;
    /// merge the shard folders with `yardstick merge`
    #[arg(long)]
    shard: Option<Shard>,
    /// a rules file extending the bundled wording (datasets/rules/wording.toml)
    #[arg(long)]
    rules: Option<PathBuf>,
}

pub fn run(args: BuildArgs) -> Result<i32, Box<dyn std::error::Error>> {
    let settings = BuildSettings {
        datasets: reference::find_datasets(args.datasets.as_deref())?,
        catalogs: args.catalog,
        corrections: args.corrections,
        shard: args.shard,
        rules: args.rules,
    };
    let engine = Engine::load(&settings)?;
    let out = pipeline::build(&engine, &args.inputs, &settings);
    pipeline::write_outputs(&out, &engine.reference, &args.out)?;
    Ok(summarise(&out, &args.out))
}

/// Print the summary line and the errors; the exit code for the outcome.
pub fn summarise(out: &BuildOutput, dir: &std::path::Path) -> i32 {
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
        dir.display()
    );
    if out.sheets.0 > 0 {
        eprintln!("yardstick: {} sheets read, {} gave facts", out.sheets.0, out.sheets.1);
    }
    for d in out.diagnostics.iter().filter(|d| d.severity == yardstick::diag::Severity::Error) {
        eprintln!("  {d}");
    }
    if failed > 0 {
        exit::PARTIAL
    } else {
        exit::OK
    }
}
