//! The `factlint` binary: glue between the command line, the library and
//! the terminal. All the work happens in the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
