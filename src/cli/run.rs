//! `yardstick run <JOB.toml> [--full]`: the whole job, safe to run from cron.

use super::exit;
use std::io::IsTerminal;
use std::path::PathBuf;
use yardstick::job::{self, lock::LockError, JobError, JobSpec, RunOptions};

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// the job file (see reports/job.toml)
    job: PathBuf,
    /// ignore the cache: extract every report again
    #[arg(long)]
    full: bool,
    /// no progress output
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: RunArgs) -> Result<i32, Box<dyn std::error::Error>> {
    let spec = JobSpec::load(&args.job)?;
    let terminal = std::io::stderr().is_terminal();
    let opts = RunOptions { full: args.full, progress_bars: terminal && !args.quiet };
    let quiet = args.quiet;
    let log = move |line: &str| {
        if !quiet {
            eprintln!("yardstick: {line}");
        }
    };
    match job::run(&spec, &opts, &log) {
        Ok(s) => {
            let changed = s.written.iter().filter(|w| w.1).count();
            eprintln!(
                "yardstick: {} reports ({} extracted, {} unchanged), {} facts; {} of {} outputs changed; diagnostics: {} error, {} warning, {} info; {}",
                s.inputs,
                s.extracted,
                s.cached,
                s.facts,
                changed,
                s.written.len(),
                s.counts.error,
                s.counts.warning,
                s.counts.info,
                spec.output.join("index.html").display()
            );
            Ok(if s.failed_inputs > 0 { exit::PARTIAL } else { exit::OK })
        }
        Err(JobError::Lock(e @ LockError::Busy(..))) => {
            eprintln!("yardstick: {e}");
            Ok(exit::BUSY)
        }
        Err(e) => Err(Box::new(e)),
    }
}
