//! The `vitrine` command: wiring only; the work lives in the library.

/// mimalloc: imports and turns allocate many small strings, where it costs a
/// fraction of the system allocator's time (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    vitrine::cli::main()
}
