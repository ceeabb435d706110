//! `yardstick quantities [FILE] [--parse]`: every numeral the engine reads in
//! each input line (stdin when no file), one JSON object per line —
//! `{"line": N, "quantities": [{"text", "value", "unit", "qualifier", "high",
//! "start", "end", "taken", "why"}]}` — values in base units (万/亿 applied), a
//! percentage's value the number before %, offsets in chars; `taken` says whether
//! the build takes it as a value (the build reads numbers through this same
//! function) and `why` why not (`no_unit`, `time`, `ordinal`, …). `--parse` reads
//! each whole trimmed line as one numeral instead.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use yardstick::extract::quantities::numerals::{whole_line, LineQuantity};
use yardstick::extract::quantities::{line_values, NotAValue};
use yardstick::extract::wording::Wording;

#[derive(Debug, clap::Args)]
pub struct QuantitiesArgs {
    /// a text file, one sentence or numeral per line (default: standard input)
    file: Option<PathBuf>,
    /// read each whole line as one numeral (as a table cell would be read)
    #[arg(long)]
    parse: bool,
    /// reference data folder whose units and wording are read (default: ./datasets, else the one the binary was built with)
    #[arg(long)]
    datasets: Option<PathBuf>,
}

pub fn run(args: QuantitiesArgs) -> Result<i32, Box<dyn std::error::Error>> {
    let datasets = yardstick::reference::find_datasets(args.datasets.as_deref())?;
    yardstick::pipeline::install_vocabulary(&datasets)?;
    let wording = Wording::load(&datasets)?;
    let input: Box<dyn BufRead> = match &args.file {
        Some(path) => Box::new(io::BufReader::new(
            std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => Box::new(io::stdin().lock()),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    for (i, line) in input.lines().enumerate() {
        let line = line?;
        let line = line.strip_suffix('\r').unwrap_or(&line);
        let qs = if args.parse {
            whole_line(line).into_iter().map(|q| (q, Err(NotAValue::NoUnit))).collect()
        } else {
            line_values(line, &wording)
        };
        let found: Vec<serde_json::Value> = qs.iter().map(|(q, v)| as_json(line, q, *v)).collect();
        writeln!(out, "{}", serde_json::json!({ "line": i + 1, "quantities": found }))?;
    }
    out.flush()?;
    Ok(super::exit::OK)
}

/// One quantity as the JSON object the command prints.
fn as_json(line: &str, q: &LineQuantity, verdict: Result<(), NotAValue>) -> serde_json::Value {
    let text: String = line.chars().skip(q.start).take(q.end - q.start).collect();
    serde_json::json!({
        "text": text, "value": q.value, "unit": q.unit_name(), "qualifier": q.qualifier.as_str(),
        "high": q.high, "start": q.start, "end": q.end,
        "taken": verdict.is_ok(), "why": verdict.err().map(NotAValue::as_str),
    })
}
