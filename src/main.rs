//! The `yardstick` binary: parses arguments (clap lives only here and in
//! `cli/`), runs the library, prints errors with their causes, and maps the
//! outcome to the documented exit codes.

mod cli;

/// mimalloc: a build makes millions of small strings (see Cargo.toml).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
