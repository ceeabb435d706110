//! Integration tests: one test binary (polars links once), one module per area.

mod common;
mod build;
mod compare;
mod run;
mod sheet;
