//! `yardstick quantities [FILE] [--parse]`: every numeral the engine reads in
//! each input line (stdin when no file), one JSON object per line —
//! `{"line": N, "quantities": [{"text", "value", "unit", "qualifier", "high",
//! "start", "end"}]}` — values in base units (万/亿 applied), a percentage's
//! value the number before %, offsets in chars. `--parse` reads each whole
//! trimmed line as one numeral instead.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use yardstick::extract::numerals::{line_quantities, whole_line};

#[derive(Debug, clap::Args)]
pub struct QuantitiesArgs {
    /// a text file, one sentence or numeral per line (default: standard input)
    file: Option<PathBuf>,
    /// read each whole line as one numeral (as a table cell would be read)
    #[arg(long)]
    parse: bool,
}

pub fn run(args: QuantitiesArgs) -> Result<i32, Box<dyn std::error::Error>> {
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
        let qs = if args.parse { whole_line(line) } else { line_quantities(line) };
        let found: Vec<serde_json::Value> = qs
            .into_iter()
            .map(|q| {
                serde_json::json!({
                    "text": q.text, "value": q.value, "unit": q.unit, "qualifier": q.qualifier,
                    "high": q.high, "start": q.start, "end": q.end,
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::json!({ "line": i + 1, "quantities": found }))?;
    }
    out.flush()?;
    Ok(super::exit::OK)
}
