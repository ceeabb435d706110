//! Command line: the only place that knows clap. Each subcommand parses its
//! flags into resolved settings and calls the library; errors become exit codes here.

mod build;
mod chart;
mod compare;
mod discover;
mod run;
mod selection;

use clap::{Parser, Subcommand};

/// Exit codes for schedulers.
pub mod exit {
    /// all inputs read, outputs written
    pub const OK: i32 = 0;
    /// outputs written, but some inputs could not be used
    pub const PARTIAL: i32 = 1;
    /// the job itself could not run (bad arguments, config, datasets, output folder)
    pub const FATAL: i32 = 2;
    /// another run holds the output folder's lock: nothing was done (try later)
    pub const BUSY: i32 = 3;
}

#[derive(Debug, Parser)]
#[command(
    name = "yardstick",
    version,
    about = "Turn many jurisdictions' reports into comparable, traceable statistics"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract facts from reports into documents, facts, panel and diagnostics tables
    Build(build::BuildArgs),
    /// Draw a comparison chart (SVG or PNG) from a build folder
    Chart(chart::ChartArgs),
    /// Run a whole job from a job file: incremental build, charts, tables, report
    Run(run::RunArgs),
    /// Rank one indicator among peer regions (per capita, percentile, z-score)
    Compare(compare::CompareArgs),
    /// List the quantity phrases the catalog does not cover, most frequent first
    Discover(discover::DiscoverArgs),
}

/// Parse arguments, run, and return the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { exit::FATAL } else { exit::OK };
        }
    };
    let result = match cli.command {
        Command::Build(args) => build::run(args),
        Command::Discover(args) => discover::run(args),
        Command::Chart(args) => chart::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Run(args) => run::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("yardstick: {e}");
            exit::FATAL
        }
    }
}
