//! The `yardstick` binary: parses arguments and maps results to exit codes.

fn main() {
    std::process::exit(yardstick::cli::main());
}
