//! `yardstick build <FILES-OR-DIRS>... --out DIR`

use super::exit;
use std::path::PathBuf;
use yardstick::pipeline::{self, BuildOutput, BuildSettings, Engine, Shard};

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// report files or folders (walked recursively)
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// output folder (created; files replaced atomically)
    #[arg(long)]
    out: PathBuf,
    #[command(flatten)]
    engine: super::engine_args::EngineArgs,
    /// corrections CSV applied after extraction
    #[arg(long)]
    corrections: Option<PathBuf>,
    /// build only the K-th of N slices of the inputs (by content hash), e.g. 3/8;
    /// merge the shard folders with `yardstick merge`
    #[arg(long)]
    shard: Option<Shard>,
}

pub fn run(args: BuildArgs) -> Result<i32, Box<dyn std::error::Error>> {
    let settings = BuildSettings {
        corrections: args.corrections,
        shard: args.shard,
        ..args.engine.settings()?
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
        let (read, gave) = out.sheets;
        let sheets = if read == 1 { "sheet" } else { "sheets" };
        eprintln!("yardstick: {read} {sheets} read, {gave} gave facts");
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
