//! Integration tests: one test binary (polars links once), one module per area.

mod build;
mod common;
mod compare;
mod layout;
mod run;
mod sheet;
mod word;
