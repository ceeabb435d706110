//! The peer-selection flags `chart` and `compare` share.

use crate::locate::Level;
use crate::normalise::peers::Selection;

#[derive(Debug, clap::Args)]
pub struct SelectionArgs {
    /// year to compare (default: the latest with values)
    #[arg(long)]
    pub year: Option<i32>,
    /// per-capita basis for counts and amounts: 10000 = per 10k residents, 1 = per resident
    #[arg(long)]
    pub per: Option<f64>,
    /// peer level: province, prefecture, county (default: the most common)
    #[arg(long, value_parser = parse_level)]
    pub level: Option<String>,
    /// only regions within this code (e.g. 440000)
    #[arg(long)]
    pub within: Option<String>,
    /// region to highlight and report the position of (name or code)
    #[arg(long)]
    pub focus: Option<String>,
}

fn parse_level(s: &str) -> Result<String, String> {
    Level::parse(s)
        .map(|_| s.to_string())
        .ok_or_else(|| format!("{s}: expected province, prefecture or county"))
}

impl SelectionArgs {
    pub fn selection<'a>(&'a self, kind: Option<&'a str>) -> Selection<'a> {
        Selection {
            year: self.year,
            kind,
            per: self.per,
            level: self.level.as_deref(),
            within: self.within.as_deref(),
            focus: self.focus.as_deref(),
        }
    }
}
