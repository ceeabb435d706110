//! Normalise: per-capita rates, change over time and position among peers,
//! computed from the panel and the bundled population tables.

pub mod change;
pub mod labels;
pub mod peers;
pub mod population;
pub mod rollup;
pub mod selection;
pub mod table;

pub use peers::{compare, CompareError, Comparison, PeerQuery, PeerRow};
pub use population::{Population, PopulationAt};
