//! The subcommands: each opens what it needs through `zhengce_core` and hands the result to
//! `output`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use zhengce_core::index::INDEX_DIR;
use zhengce_core::search::parse;
use zhengce_core::{Error, Index, IndexReport, SearchOptions};

use crate::args::{Cli, Command, Common};
use crate::output;

/// Runs the command; `Ok(false)` means nothing matched.
pub fn run(cli: &Cli) -> Result<bool> {
    match &cli.command {
        Command::Index {
            path,
            common,
            threads,
        } => {
            let started = Instant::now();
            let report = build(path, &index_dir(path, common), *threads)?;
            output::index_report(&report, started.elapsed(), common.json)?;
            Ok(true)
        }
        Command::Search {
            query,
            path,
            common,
            limit,
            offset,
            passages,
            color,
        } => {
            let parsed = parse(query)?;
            let index = open_or_build(path, common)?;
            let options = SearchOptions {
                limit: *limit,
                offset: *offset,
                passages: *passages,
            };
            let results = index.search_query(&parsed, &options)?;
            let style = output::Style::new(*color);
            output::search_results(&results, options.offset, style, common.json)?;
            Ok(results.total > 0)
        }
    }
}

fn index_dir(path: &Path, common: &Common) -> PathBuf {
    common.index.clone().unwrap_or_else(|| path.join(INDEX_DIR))
}

/// Opens the index of `path`, building it first when there is none.
fn open_or_build(path: &Path, common: &Common) -> Result<Index> {
    let dir = index_dir(path, common);
    match Index::open_in_dir(&dir) {
        Err(Error::NoIndex { .. }) => {
            ensure_folder(path)?;
            eprintln!(
                "zhengce: no index at {}; indexing {} first",
                dir.display(),
                path.display()
            );
            let report = build(path, &dir, None)?;
            output::skipped_to_stderr(&report);
            Ok(Index::open_in_dir(&dir)?)
        }
        other => Ok(other?),
    }
}

/// Builds the index of `path` in `dir` from scratch (atomically: the old index stays searchable
/// until the commit).
fn build(path: &Path, dir: &Path, threads: Option<usize>) -> Result<IndexReport> {
    ensure_folder(path)?;
    let index = match Index::open_in_dir(dir) {
        Ok(index) => index,
        Err(Error::NoIndex { .. }) => Index::create_in_dir(dir)?,
        Err(err @ Error::Incompatible { .. }) => {
            eprintln!("zhengce: {err}; rebuilding it now");
            Index::create_in_dir(dir)?
        }
        Err(err) => return Err(err.into()),
    };
    let mut writer = match threads {
        Some(n) => index.writer_with_threads(n)?,
        None => index.writer()?,
    };
    writer.delete_all_documents()?;
    let report = writer
        .add_folder(path)
        .with_context(|| format!("indexing {}", path.display()))?;
    writer.commit()?;
    Ok(report)
}

fn ensure_folder(path: &Path) -> Result<()> {
    if !path.is_dir() {
        anyhow::bail!("{}: not a folder", path.display());
    }
    Ok(())
}
