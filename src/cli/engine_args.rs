//! The flags every command that extracts shares: where the reference data
//! is, which catalogs, and a user's wording rules — resolved into `BuildSettings`.

use std::path::PathBuf;
use yardstick::pipeline::BuildSettings;
use yardstick::reference::{self, ReferenceError};

#[derive(Debug, clap::Args)]
pub struct EngineArgs {
    /// reference data folder (default: ./datasets, else the one the binary was built with)
    #[arg(long)]
    datasets: Option<PathBuf>,
    /// catalogs to use, comma separated (default: all): civil_affairs, economy
    #[arg(long, value_delimiter = ',')]
    catalog: Vec<String>,
    /// a rules file extending the bundled wording (datasets/rules/wording.toml)
    #[arg(long)]
    rules: Option<PathBuf>,
}

impl EngineArgs {
    /// The build settings these flags name (no corrections, no shard).
    pub fn settings(self) -> Result<BuildSettings, ReferenceError> {
        Ok(BuildSettings {
            datasets: reference::find_datasets(self.datasets.as_deref())?,
            catalogs: self.catalog,
            rules: self.rules,
            ..Default::default()
        })
    }
}
