//! The `zhengce-synth` command: writes a folder of synthetic policy documents of a given size.
//!
//! `zhengce-synth OUT_DIR [--mb 100] [--seed 7]`

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: zhengce-synth OUT_DIR [--mb MEGABYTES] [--seed N]\n\
    Writes synthetic Chinese policy documents (deterministic for a seed) into OUT_DIR\n\
    until they hold MEGABYTES (default 100, decimals allowed) of UTF-8 text.";

struct Args {
    out: PathBuf,
    mb: f64,
    seed: u64,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut out, mut mb, mut seed) = (None, 100.0, 7);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--mb" => {
                let v = args.next().ok_or("--mb needs a number")?;
                mb = v.parse().map_err(|_| format!("--mb: not a number: {v}"))?;
                if !(mb > 0.0 && mb < 1e6) {
                    return Err(format!("--mb: out of range: {v}"));
                }
            }
            "--seed" => {
                let v = args.next().ok_or("--seed needs a number")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed: not a number: {v}"))?;
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ if out.is_none() => out = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg}")),
        }
    }
    let out = out.ok_or("OUT_DIR is missing")?;
    Ok(Args { out, mb, seed })
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("zhengce-synth: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let bytes = (args.mb * 1_000_000.0) as u64;
    match zhengce_synth::write_folder(&args.out, bytes, args.seed) {
        Ok(s) => {
            println!(
                "{} files, {} bytes, {} book-title marks (seed {}) in {} ({:.1} s)",
                s.files,
                s.bytes,
                s.marks,
                args.seed,
                args.out.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("zhengce-synth: {}: {e}", args.out.display());
            ExitCode::from(2)
        }
    }
}
