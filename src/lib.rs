//! yardstick turns many jurisdictions' annual reports into comparable,
//! traceable statistics.
//!
//! The pipeline, one module per stage, each importing only the stages below it:
//! [`ingest`] (files → decoded texts and workbook grids, one way in) →
//! [`locate`] (region, year, kind) →
//! [`extract`] (catalog-driven facts with provenance, from text, tables and sheets) →
//! [`frame`] (polars frames, the panel, atomic outputs) →
//! [`normalise`] (per capita, over time, among peers) →
//! [`chart`] and [`job`] (charts, the HTML page, scheduled runs).
//! [`pipeline`] owns the order; [`reference`] loads the datasets once and
//! [`vocabulary`] the word lists every stage reads.
//!
//! ```
//! use yardstick::{catalog::Catalog, extract::Extractor, ingest::Document, locate};
//! let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
//! let catalog = Catalog::load_dir(&root.join("datasets/catalog"), &[]).unwrap();
//! let gazetteer = locate::Gazetteer::load(&root.join("datasets/regions/regions.csv")).unwrap();
//! let doc = Document::from_text("demo.txt", "重庆市渝中区民政局2023年法治政府建设情况报告\n全年行政复议5件。");
//! let (meta, _) = locate::locate(&doc, &gazetteer);
//! let (facts, _) = Extractor::new(catalog).extract(&doc, &meta);
//! assert_eq!(meta.region_code, "500103");
//! assert_eq!(&*facts[0].indicator, "admin_reconsideration_cases");
//! assert_eq!(facts[0].value, 5.0);
//! ```

pub mod catalog;
pub mod chart;
pub mod corrections;
pub mod diag;
pub mod discover;
pub mod extract;
pub mod frame;
pub mod ingest;
pub mod job;
pub mod locate;
pub mod normalise;
pub mod pipeline;
pub mod reference;
pub mod vocabulary;
