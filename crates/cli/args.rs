//! Command-line arguments (clap derive; the doc comments are the help text).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Full-text search for Chinese policy documents (政策文件检索).
#[derive(Debug, Parser)]
#[command(name = "zhengce", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build or rebuild the index of a folder (in FOLDER/.zhengce unless --index says otherwise).
    Index {
        /// The folder of documents.
        #[arg(default_value = ".")]
        path: PathBuf,
        #[command(flatten)]
        common: Common,
        /// Indexing threads (default: up to 2).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Search the documents of a folder; builds the index first if there is none.
    Search {
        /// The query: words (all required), "exact phrase", OR, -exclude, (groups), title:…, year:2024 or year:2022..2024.
        query: String,
        /// The folder of documents.
        #[arg(default_value = ".")]
        path: PathBuf,
        #[command(flatten)]
        common: Common,
        /// Most documents to show.
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
        /// Documents to skip before the first shown.
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// Passages to show per document.
        #[arg(long, default_value_t = 1)]
        passages: usize,
        /// When to color the matches.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
}

/// Options every command takes.
#[derive(Debug, clap::Args)]
pub struct Common {
    /// The index folder (default: FOLDER/.zhengce).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Print JSON Lines (one object per line; see docs/json.md).
    #[arg(long)]
    pub json: bool,
}

/// When to use color.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}
