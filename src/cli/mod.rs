//! Command line: the only place that knows clap. Each subcommand parses its
//! flags into resolved settings and calls the library; errors become exit codes here.

mod build;
mod chart;
mod compare;
mod discover;
mod engine_args;
mod merge;
mod quantities;
mod run;
mod selection;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

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
    /// Merge the output folders of sharded builds into one, as one build would write it
    Merge(merge::MergeArgs),
    /// Draw a comparison chart (SVG or PNG) from a build folder
    Chart(chart::ChartArgs),
    /// Run a whole job from a job file: incremental build, charts, tables, report
    Run(run::RunArgs),
    /// Rank one indicator among peer regions (per capita, percentile, z-score)
    Compare(compare::CompareArgs),
    /// List the quantity phrases the catalog does not cover, most frequent first
    Discover(discover::DiscoverArgs),
    /// Print every numeral read in each input line, as JSON (why a value was read as it was)
    Quantities(quantities::QuantitiesArgs),
}

/// Parse arguments, run, and return the process exit code.
pub fn main() -> ExitCode {
    yardstick::ingest::pdf::quiet_reader_panics();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return code(if e.use_stderr() { exit::FATAL } else { exit::OK });
        }
    };
    let result = match cli.command {
        Command::Build(args) => build::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Discover(args) => discover::run(args),
        Command::Quantities(args) => quantities::run(args),
        Command::Chart(args) => chart::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Run(args) => run::run(args),
    };
    match result {
        Ok(c) => code(c),
        // `yardstick compare … | head`: the reader went away, which is not a failure
        Err(e) if is_broken_pipe(e.as_ref()) => code(exit::OK),
        Err(e) => {
            eprintln!("yardstick: {}", error_chain(e.as_ref()));
            code(exit::FATAL)
        }
    }
}

fn code(c: i32) -> ExitCode {
    ExitCode::from(u8::try_from(c).unwrap_or(exit::FATAL as u8))
}

/// The error and each of its causes: `cannot load catalog: …: caused by: …`.
pub fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let line = c.to_string();
        if !text.contains(&line) {
            text.push_str("\n  caused by: ");
            text.push_str(&line);
        }
        cause = c.source();
    }
    text
}

fn is_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur = Some(e);
    while let Some(err) = cur {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::BrokenPipe {
                return true;
            }
        }
        cur = err.source();
    }
    false
}
