//! The `vitrine` command: wiring only; the work lives in the library.

fn main() -> std::process::ExitCode {
    vitrine::cli::main()
}
