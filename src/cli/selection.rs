//! The peer-selection flags `chart` and `compare` share.

use yardstick::extract::FactKind;
use yardstick::locate::Level;
use yardstick::normalise::selection::Selection;

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
    pub level: Option<Level>,
    /// only regions within this code (e.g. 440000)
    #[arg(long)]
    pub within: Option<String>,
    /// region to highlight and report the position of (name or code)
    #[arg(long)]
    pub focus: Option<String>,
}

fn parse_level(s: &str) -> Result<Level, String> {
    Level::parse(s).ok_or_else(|| format!("{s}: expected province, prefecture or county"))
}

/// `--kind actual|target`.
pub fn parse_kind(s: &str) -> Result<FactKind, String> {
    match FactKind::parse(s) {
        Some(k @ (FactKind::Actual | FactKind::Target)) => Ok(k),
        _ => Err(format!("{s}: expected actual or target")),
    }
}

impl SelectionArgs {
    pub fn selection(&self, kind: Option<FactKind>) -> Selection<'_> {
        Selection {
            year: self.year,
            kind,
            per: self.per,
            level: self.level,
            within: self.within.as_deref(),
            focus: self.focus.as_deref(),
        }
    }
}
