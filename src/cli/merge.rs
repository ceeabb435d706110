//! `yardstick merge <SHARD-DIRS>... --out DIR`: one output from shard builds.

use std::path::PathBuf;
use yardstick::pipeline::{self, BuildSettings, Engine};
use yardstick::reference;

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// output folders of `yardstick build --shard K/N`
    #[arg(required = true)]
    shards: Vec<PathBuf>,
    /// output folder of the merged build
    #[arg(long)]
    out: PathBuf,
    /// reference data folder (default: ./datasets, else the one the binary was built with)
    #[arg(long)]
    datasets: Option<PathBuf>,
    /// catalogs the shards were built with, comma separated (default: all)
    #[arg(long, value_delimiter = ',')]
    catalog: Vec<String>,
    /// corrections CSV, applied once to the merged facts (not to the shards)
    #[arg(long)]
    corrections: Option<PathBuf>,
}

pub fn run(args: MergeArgs) -> Result<i32, Box<dyn std::error::Error>> {
    let settings = BuildSettings {
        datasets: reference::find_datasets(args.datasets.as_deref())?,
        catalogs: args.catalog,
        corrections: args.corrections,
        shard: None,
        rules: None,
    };
    let engine = Engine::load(&settings)?;
    let out = pipeline::merge(&engine, &args.shards, settings.corrections.as_deref())?;
    pipeline::write_outputs(&out, &engine.reference, &args.out)?;
    Ok(super::build::summarise(&out, &args.out))
}
