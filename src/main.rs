//! The `yardstick` binary: parses arguments (clap lives only here and in
//! `cli/`), runs the library, prints errors with their causes, and maps the
//! outcome to the documented exit codes.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
