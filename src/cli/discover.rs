//! `yardstick discover <FILES-OR-DIRS>...`: quantity phrases the catalog does not cover.

use std::io::Write;
use std::path::PathBuf;
use yardstick::pipeline::Engine;
use yardstick::{discover, ingest};

#[derive(Debug, clap::Args)]
pub struct DiscoverArgs {
    /// report files or folders (walked recursively)
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    engine: super::engine_args::EngineArgs,
    /// how many phrases to print
    #[arg(long, default_value_t = 40)]
    top: usize,
    /// also write every phrase to this CSV file
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn run(args: DiscoverArgs) -> Result<i32, Box<dyn std::error::Error>> {
    let settings = args.engine.settings()?;
    let engine = Engine::load(&settings)?;
    let mut diags = Vec::new();
    let files = ingest::collect_inputs(&args.inputs, &mut diags);
    let phrases = discover::discover(&engine, &files);
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{:>6} {:>5}  {:<16} {:<6} example", "count", "docs", "phrase", "unit")?;
    for p in phrases.iter().take(args.top) {
        writeln!(
            stdout,
            "{:>6} {:>5}  {:<16} {:<6} {}",
            p.count, p.documents, p.phrase, p.unit, p.example
        )?;
    }
    if let Some(path) = &args.out {
        let mut w = yardstick::frame::csv_cell::bytes_writer();
        for p in &phrases {
            w.serialize(p.spreadsheet_safe())?;
        }
        let bytes = w.into_inner().map_err(|e| e.to_string())?;
        yardstick::frame::write_atomic(path, |out| {
            out.write_all(&bytes)
                .map_err(|source| yardstick::frame::FrameError::Io { path: path.clone(), source })
        })?;
        eprintln!("yardstick: {} phrases written to {}", phrases.len(), path.display());
    }
    Ok(super::exit::OK)
}
