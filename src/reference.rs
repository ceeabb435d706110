//! Reference data, loaded once per run into one value and handed down: the
//! indicator catalog, the region gazetteer (GB/T 2260), the population table
//! for per-capita measures, and the bundled CJK font for charts.

use crate::catalog::{Catalog, CatalogError};
use crate::extract::coverage::Coverage;
use crate::frame::sdmx::SdmxSettings;
use crate::locate::gazetteer::{Gazetteer, GazetteerError};
use crate::normalise::population::{Population, PopulationError};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The font file charts use, relative to the datasets folder.
pub const FONT_FILE: &str = "fonts/NotoSansSC-Regular-GB2312.ttf";

#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("no datasets folder found (looked in {looked}); pass --datasets DIR")]
    NoDatasets {
        looked: String,
        #[source]
        cause: std::io::Error,
    },
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    #[error("cannot load population table: {0}")]
    Population(#[from] PopulationError),
    #[error("cannot load coverage expectations: {0}")]
    Coverage(String),
    #[error("cannot load SDMX export settings: {0}")]
    Sdmx(String),
    #[error("cannot read font {path}")]
    Font {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Everything the engine knows that is not code.
pub struct Reference {
    /// the folder it was loaded from
    pub datasets: PathBuf,
    pub catalog: Catalog,
    pub gazetteer: Gazetteer,
    pub population: Population,
    /// what each kind of report nearly always states
    pub coverage: Coverage,
    /// how the panel is written as SDMX-CSV
    pub sdmx: SdmxSettings,
    /// the chart font's bytes (read once per process)
    pub font: &'static [u8],
}

impl Reference {
    /// Load every table of `datasets`, with the named catalogs (all when empty).
    pub fn load(datasets: &Path, catalogs: &[String]) -> Result<Reference, ReferenceError> {
        Ok(Reference {
            datasets: datasets.to_path_buf(),
            catalog: Catalog::load_dir(&datasets.join("catalog"), catalogs)?,
            gazetteer: Gazetteer::load(&datasets.join("regions/regions.csv"))?,
            population: Population::load(&datasets.join("population"))?,
            coverage: Coverage::load(&datasets.join("coverage/expected.toml"))
                .map_err(ReferenceError::Coverage)?,
            sdmx: SdmxSettings::load(&datasets.join("export/sdmx.toml"))
                .map_err(ReferenceError::Sdmx)?,
            font: font_bytes(&datasets.join(FONT_FILE))?,
        })
    }
}

/// Where the reference data lives: an explicit folder, ./datasets, or the
/// folder this crate was built from.
pub fn find_datasets(explicit: Option<&Path>) -> Result<PathBuf, ReferenceError> {
    let candidates: Vec<PathBuf> = match explicit {
        Some(p) => vec![p.to_path_buf()],
        None => {
            vec![PathBuf::from("datasets"), Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets")]
        }
    };
    let mut cause = None;
    for c in &candidates {
        match std::fs::metadata(c.join("catalog"))
            .and_then(|_| std::fs::metadata(c.join("regions/regions.csv")))
        {
            Ok(_) => return Ok(c.clone()),
            Err(e) => cause = cause.or(Some(e)),
        }
    }
    let looked = candidates.iter().map(|c| c.display().to_string()).collect::<Vec<_>>().join(", ");
    Err(ReferenceError::NoDatasets {
        looked,
        cause: cause.unwrap_or_else(|| std::io::Error::other("no candidate folder")),
    })
}

static FONT: OnceLock<&'static [u8]> = OnceLock::new();

/// The font's bytes, read once per process (charts register them with plotters).
fn font_bytes(path: &Path) -> Result<&'static [u8], ReferenceError> {
    if let Some(f) = FONT.get() {
        return Ok(f);
    }
    let bytes = std::fs::read(path)
        .map_err(|source| ReferenceError::Font { path: path.to_path_buf(), source })?;
    Ok(FONT.get_or_init(|| Box::leak(bytes.into_boxed_slice())))
}
