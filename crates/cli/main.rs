//! The `zhengce` command: parses arguments, calls `zhengce_core` (and `zhengce_server` for
//! `serve`), prints. Exit code 0 when something matched, 1 when nothing did, 2 on error.

mod args;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    quiet_caught_panics();
    let cli = args::Cli::parse();
    match commands::run(&cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("zhengce: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Leaves unprinted the panics that the PDF reader catches (it panics on some damaged PDFs and
/// fonts; the file is reported as skipped); every other panic is printed as usual.
fn quiet_caught_panics() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !zhengce_core::ingest::format::catching_panics() {
            default_hook(info);
        }
    }));
}
