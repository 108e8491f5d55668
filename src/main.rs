//! The `skillsmith` binary: all behaviour lives in the library.

fn main() -> std::process::ExitCode {
    skillsmith::cli::main()
}
