//! The `crosscheck` command. All the work is in the library; `cli` parses
//! arguments, calls it, prints, and maps the outcome to an exit code.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
