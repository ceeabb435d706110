//! `yardstick merge <SHARD-DIRS>... --out DIR`: one output from shard builds.

use std::path::PathBuf;
use yardstick::pipeline::{self, BuildSettings, Engine};

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// output folders of `yardstick build --shard K/N`
    #[arg(required = true)]
    shards: Vec<PathBuf>,
    /// output folder of the merged build
    #[arg(long)]
    out: PathBuf,
    #[command(flatten)]
    engine: super::engine_args::EngineArgs,
    /// corrections CSV, applied once to the merged facts (not to the shards)
    #[arg(long)]
    corrections: Option<PathBuf>,
}

pub fn run(args: MergeArgs) -> Result<i32, Box<dyn std::error::Error>> {
    let settings = BuildSettings { corrections: args.corrections, ..args.engine.settings()? };
    let engine = Engine::load(&settings)?;
    let out = pipeline::merge(&engine, &args.shards, settings.corrections.as_deref())?;
    pipeline::write_outputs(&out, &engine.reference, &args.out)?;
    Ok(super::build::summarise(&out, &args.out))
}
