//! Normalise: per-capita rates, change over time and position among peers,
//! computed from the panel and the bundled population tables.

pub mod peers;
pub mod population;

pub use peers::{compare, Comparison, CompareError, PeerQuery, PeerRow};
pub use population::{Population, PopulationAt};
