//! The `zhengce` command: parses arguments, calls `zhengce_core`, prints. Exit code 0 when
//! something matched, 1 when nothing did, 2 on error.

mod args;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
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
