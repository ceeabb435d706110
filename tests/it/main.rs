//! Integration tests: one test binary (polars links once), one module per area.

mod build;
mod common;
mod compare;
#[path = "../../benches/support/corpus.rs"]
mod corpus;
mod dataset;
#[path = "../support/formats.rs"]
mod formats;
mod hostile;
#[path = "../support/hostile_corpus.rs"]
mod hostile_corpus;
mod layout;
mod layouts;
#[path = "../support/mutate.rs"]
mod mutate;
mod pdf;
mod rules;
mod run;
mod shard;
mod sheet;
mod template;
mod vocabulary;
mod word;
