//! The subcommands: each opens what it needs through `zhengce_core` and hands the result to
//! `output`; `serve` hands the index to `zhengce_server`.

use std::io::Write;
use std::net::{TcpListener, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use zhengce_core::cite::{extract, Action, Citation, Kind};
use zhengce_core::search::{self, parse, parse_years, GroupBy, Sort};
use zhengce_core::{
    Document, Error, FolderOptions, Index, IndexBuilder, IndexReport, LawsOptions, SearchOptions,
    INDEX_DIR,
};
use zhengce_server::{Config, Server};

use crate::args::{By, Cli, Color, Command, Common, ListBy, SortBy};
use crate::output::{self, Style};

/// Runs the command; `Ok(false)` means nothing matched.
pub fn run(cli: &Cli) -> Result<bool> {
    match &cli.command {
        Command::Index {
            path,
            common,
            threads,
            rebuild,
        } => {
            let started = Instant::now();
            let report = update(path, common, *threads, *rebuild)?;
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
            sort,
            by,
            facets,
            csv,
            explain,
            color,
        } => {
            let parsed = parse(query)?;
            let index = open_or_create(path, common)?;
            let by_passage = *by == ListBy::Passage;
            let options = SearchOptions::default()
                .limit(*limit)
                .offset(*offset)
                .passages(passages.unwrap_or(if by_passage { 3 } else { 1 }))
                .sort(match sort {
                    SortBy::Relevance => Sort::Relevance,
                    SortBy::Date => Sort::Date,
                })
                .facets(*facets)
                .explain(*explain);
            // The check for changed files runs beside the search; only when the folder changed is
            // the index updated and the search run again.
            let (stale, results) = std::thread::scope(|scope| {
                let check = scope.spawn(|| is_stale(&index, path, common));
                let results = index.search_query(&parsed, &options);
                (check.join().unwrap_or(Ok(false)), results)
            });
            let results = if stale? && refresh_announced(&index, path, common) {
                index.search_query(&parsed, &options)?
            } else {
                results?
            };
            if *csv {
                output::search_csv(&results, by_passage)?;
            } else {
                output::search_results(
                    &results,
                    options.offset,
                    by_passage,
                    Style::new(*color),
                    common.json,
                )?;
            }
            Ok(results.total > 0)
        }
        Command::Laws {
            path,
            common,
            action,
            year,
            kind,
            planned,
            done,
            by,
            inferred,
            query,
            csv,
            explain,
        } => {
            if let Some(q) = query {
                parse(q)?;
            }
            let mut options = LawsOptions::default().inferred(*inferred).explain(*explain);
            if let Some(action) = action {
                options = options.action(parse_action(action)?);
            }
            if let Some(year) = year {
                let (from, to) = parse_year(year)?;
                options = options.years(from, to);
            }
            if let Some(kind) = kind {
                options = options.kind(parse_kind(kind)?);
            }
            if *planned || *done {
                options = options.planned(*planned);
            }
            if let Some(by) = by {
                options = options.by(match by {
                    By::Year => GroupBy::Year,
                    By::Issuer => GroupBy::Issuer,
                });
            }
            if let Some(query) = query {
                options = options.query(query);
            }
            let rows = open_or_build(path, common)?.laws(&options)?;
            if *csv {
                output::laws_csv(&rows, options.by)?;
            } else {
                output::law_rows(&rows, Style::new(Color::Auto), common.json)?;
            }
            Ok(!rows.is_empty())
        }
        Command::Cites {
            title,
            path,
            common,
            no_inferred,
        } => {
            let hits = open_or_build(path, common)?.cites(title, !no_inferred)?;
            output::cite_hits(&hits, Style::new(Color::Auto), common.json)?;
            Ok(!hits.is_empty())
        }
        Command::Show { doc, path, common } => {
            let index = open_or_build(path, common)?;
            let wanted = doc.trim_start_matches("./").replace('\\', "/");
            let view = index.document(&wanted)?.ok_or_else(|| {
                anyhow::anyhow!(
                    "{wanted}: no such document in the index of {}; search prints the paths it knows",
                    path.display()
                )
            })?;
            output::document(&view, common.json)?;
            Ok(true)
        }
        Command::Serve {
            path,
            index,
            bind,
            exclude,
        } => {
            let common = Common {
                index: index.clone(),
                json: false,
                exclude: exclude.clone(),
                no_refresh: false,
            };
            serve(path, &common, bind)?;
            Ok(true)
        }
        Command::Extract {
            files,
            json,
            no_inferred,
        } => {
            let mut found = false;
            for file in files {
                // Read as indexing reads it: Word, PDF, HTML or text in any common encoding.
                let shown = file.display().to_string();
                let text = Document::from_file(file, &shown)?.body;
                let citations: Vec<Citation> = extract(&text)
                    .into_iter()
                    .filter(|c| !(*no_inferred && c.inferred))
                    .collect();
                found |= !citations.is_empty();
                output::citations(&shown, &text, &citations, *json)?;
            }
            Ok(found)
        }
    }
}

/// `zhengce serve`: listens on `bind`, builds or refreshes the index, then serves the page and
/// the API (zhengce-server) until killed, the watcher keeping the index current.
fn serve(path: &Path, common: &Common, bind: &str) -> Result<()> {
    let addr = bind
        .to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next())
        .ok_or_else(|| {
            anyhow::anyhow!("--bind {bind}: expected an address and port such as 127.0.0.1:7700")
        })?;
    let listener = TcpListener::bind(addr).with_context(|| format!("cannot listen on {bind}"))?;
    let local = listener.local_addr()?;
    if !local.ip().is_loopback() {
        eprintln!(
            "zhengce: warning: listening on {local}, not on loopback: anyone who can reach this \
             machine can read the documents of {}",
            path.display()
        );
    }
    open_or_build(path, common)?;
    let config = Config::new(
        path,
        &index_dir(path, common),
        IndexBuilder::for_folder(path)?,
    )
    .folder_options(folder_options(common));
    let server = Server::start(config, listener, |event| eprintln!("zhengce: {event}"))?;
    println!("listening on http://{}", server.local_addr());
    std::io::stdout().flush()?;
    server.wait()?;
    Ok(())
}

fn index_dir(path: &Path, common: &Common) -> PathBuf {
    common.index.clone().unwrap_or_else(|| path.join(INDEX_DIR))
}

/// Opens the index of `path`: builds it first when there is none, and brings it in step with
/// the folder when files were added, changed or removed (unless `--no-refresh`).
fn open_or_build(path: &Path, common: &Common) -> Result<Index> {
    let index = open_or_create(path, common)?;
    if is_stale(&index, path, common)? {
        refresh_announced(&index, path, common);
    }
    Ok(index)
}

/// Opens the index of `path`, building it first when there is none.
fn open_or_create(path: &Path, common: &Common) -> Result<Index> {
    if path.exists() {
        ensure_folder(path)?;
    }
    let dir = index_dir(path, common);
    match IndexBuilder::for_folder(path)?.open_in_dir(&dir) {
        Err(Error::NoIndex { .. }) => {
            ensure_folder(path)?;
            eprintln!(
                "zhengce: no index at {}; indexing {} first",
                dir.display(),
                path.display()
            );
            let report = update(path, common, None, false)?;
            output::skipped_to_stderr(&report);
            Ok(IndexBuilder::for_folder(path)?.open_in_dir(&dir)?)
        }
        // The folder's own index, built by another version of zhengce (or damaged): it is
        // derived from the folder, so it is built again rather than refused.
        Err(Error::Incompatible { .. } | Error::Damaged { .. })
            if path.is_dir() && common.index.is_none() && !common.no_refresh =>
        {
            // `update` says why it rebuilds.
            let report = update(path, common, None, false)?;
            output::skipped_to_stderr(&report);
            Ok(IndexBuilder::for_folder(path)?.open_in_dir(&dir)?)
        }
        other => Ok(other?),
    }
}

/// A message up to its advice (`…; rebuild it with …`).
fn first_clause(message: &str) -> &str {
    message.split("; ").next().unwrap_or(message)
}

/// Whether the folder changed since the index was last brought in step (false with `--no-refresh`).
fn is_stale(index: &Index, path: &Path, common: &Common) -> Result<bool> {
    Ok(!common.no_refresh && path.is_dir() && index.is_stale(path, &folder_options(common))?)
}

/// Brings the index in step with the folder, saying so on stderr; whether it did. An index that
/// cannot be written (read-only, or another process is writing it) is searched as it is, with a
/// warning.
fn refresh_announced(index: &Index, path: &Path, common: &Common) -> bool {
    match refresh(index, path, &folder_options(common), None) {
        Ok(report) => {
            eprintln!(
                "zhengce: index updated: {} added, {} updated, {} removed",
                report.added, report.updated, report.removed
            );
            output::skipped_to_stderr(&report);
            true
        }
        Err(err) => {
            eprintln!(
                "zhengce: warning: the folder changed but the index could not be updated \
                 ({err:#}); searching it as it is"
            );
            false
        }
    }
}

/// Brings the index of `path` in step with it: creates it if missing, starts it over when it was
/// built by another version or dictionary (or with `rebuild`), else reads only what changed.
/// Interrupted, it leaves the last commit intact.
fn update(
    path: &Path,
    common: &Common,
    threads: Option<usize>,
    rebuild: bool,
) -> Result<IndexReport> {
    ensure_folder(path)?;
    let dir = index_dir(path, common);
    let builder = IndexBuilder::for_folder(path)?;
    let index = match builder.clone().open_in_dir(&dir) {
        Ok(index) => index,
        Err(Error::NoIndex { .. }) => builder.create_in_dir(&dir)?,
        Err(err @ (Error::Incompatible { .. } | Error::Damaged { .. })) => {
            eprintln!(
                "zhengce: {}; rebuilding it now",
                first_clause(&err.to_string())
            );
            builder.create_in_dir(&dir)?
        }
        Err(err) => return Err(err.into()),
    };
    let options = folder_options(common).rebuild(rebuild);
    refresh(&index, path, &options, threads)
}

fn refresh(
    index: &Index,
    path: &Path,
    options: &FolderOptions,
    threads: Option<usize>,
) -> Result<IndexReport> {
    let mut writer = match threads {
        Some(n) => index.writer_with_threads(n)?,
        None => index.writer()?,
    };
    let bar = output::ProgressBar::new();
    let report = writer
        .update_folder(path, options, &mut |p| bar.update(p))
        .with_context(|| format!("indexing {}", path.display()))?;
    bar.finish();
    Ok(report)
}

fn folder_options(common: &Common) -> FolderOptions {
    common
        .exclude
        .iter()
        .fold(FolderOptions::default(), |options, pattern| {
            options.exclude(pattern)
        })
}

fn ensure_folder(path: &Path) -> Result<()> {
    if path.is_dir() {
        Ok(())
    } else if path.exists() {
        anyhow::bail!(
            "{0}: a file, not a folder; zhengce indexes folders (the citations of one file: zhengce extract {0})",
            path.display()
        )
    } else {
        anyhow::bail!("{}: no such folder", path.display())
    }
}

fn parse_action(value: &str) -> Result<Action> {
    Action::from_name(value).ok_or_else(|| {
        anyhow::anyhow!("--action {value}: expected publicize, study, implement, formulate or cite (or 宣传, 学习, 落实, 制定, 引用 …)")
    })
}

fn parse_year(value: &str) -> Result<(u16, u16)> {
    parse_years(value).ok_or_else(|| {
        anyhow::anyhow!(
            "--year {value}: expected a year such as 2024 or a range such as 2022..2024"
        )
    })
}

fn parse_kind(value: &str) -> Result<Kind> {
    search::parse_kind(value).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        anyhow::anyhow!("--kind {value}: expected one of {}", names.join(", "))
    })
}
