//! Command-line arguments (clap derive; the doc comments are the help text).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Full-text search for Chinese policy documents (政策文件检索).
#[derive(Debug, Parser)]
#[command(name = "zhengce", version, about, max_term_width = 100, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Shown after the list of commands.
const EXAMPLES: &str = "\
Examples (FOLDER holds the documents; the index is kept in FOLDER/.zhengce):
  zhengce search 科学技术进步法 corpus          documents citing the law, best first, with passages
  zhengce search '\"法治政府建设\" year:2024' corpus   an exact phrase, in documents of 2024
  zhengce laws corpus --action publicize --year 2024 --done   which laws were publicized in 2024
  zhengce cites 民法典 corpus                   who cites it, in which sentence
  zhengce show 高台县科技局2024年法治建设工作总结.txt corpus   one document's metadata and outline

`zhengce help COMMAND` explains each command; the query language is in README.md.";

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
        /// Index every file again instead of only the new and changed ones.
        #[arg(long)]
        rebuild: bool,
    },
    /// Search the documents of a folder; builds the index first if there is none.
    Search {
        /// The query: words (all required), "exact phrase", OR, -exclude, (groups), and the fields
        /// title:, year:2024 (or 2022..2024), issuer:, region:, type:, doc: (文号), law:, action:,
        /// kind:, state:planned|done.
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
        /// Passages to show per document (default 1; 3 with --by passage).
        #[arg(long)]
        passages: Option<usize>,
        /// Order of the documents.
        #[arg(long, value_enum, default_value_t = SortBy::Relevance)]
        sort: SortBy,
        /// List passages instead of documents.
        #[arg(long, value_enum, default_value_t = ListBy::Document)]
        by: ListBy,
        /// Also count all matching documents by year, issuer, region and kind.
        #[arg(long)]
        facets: bool,
        /// Print CSV for Excel and WPS (UTF-8 with BOM): one row per document, or per passage
        /// with --by passage.
        #[arg(long, conflicts_with_all = ["json", "facets"])]
        csv: bool,
        /// Explain each document's score: its parts (whole words, characters, title, citations,
        /// phrases, year) and where each word matched.
        #[arg(long)]
        explain: bool,
        /// When to color the matches.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    /// Which laws the documents cite, and what they did with them: a table of titles with
    /// documents, mentions and actions (publicize, study, implement, formulate, cite).
    Laws {
        /// The folder of documents.
        #[arg(default_value = ".")]
        path: PathBuf,
        #[command(flatten)]
        common: Common,
        /// Only citations with this action: publicize, study, implement, formulate, cite (or 宣传, 学习, 引用 …).
        #[arg(long)]
        action: Option<String>,
        /// Only documents of this year, or a range such as 2022..2024.
        #[arg(long)]
        year: Option<String>,
        /// Only titles of this kind: law, administrative_regulation, local_regulation, … (or 法律 …).
        #[arg(long)]
        kind: Option<String>,
        /// Only planned citations (下一步打算, 将, 拟 …).
        #[arg(long, conflicts_with = "done")]
        planned: bool,
        /// Only citations of what was done.
        #[arg(long)]
        done: bool,
        /// One table per year or per issuer.
        #[arg(long, value_enum)]
        by: Option<By>,
        /// Also count titles named without book-title marks (民法典宣传月, 学习宪法).
        #[arg(long)]
        inferred: bool,
        /// Only documents matching this query.
        #[arg(long, short = 'q')]
        query: Option<String>,
        /// Print CSV for Excel and WPS (UTF-8 with BOM), with Chinese column names.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// Under each row, every citing sentence with its evidence: the governing word, where it
        /// stood (clause, lead-in, table, heading, genre) and why done or planned.
        #[arg(long, conflicts_with = "csv")]
        explain: bool,
    },
    /// The documents citing a title, however it is written (short name, full name, old name),
    /// with the citing sentence, the action and whether it was done or planned.
    Cites {
        /// The title, for example 民法典 or 《高台县科技特派员管理办法》.
        title: String,
        /// The folder of documents.
        #[arg(default_value = ".")]
        path: PathBuf,
        #[command(flatten)]
        common: Common,
        /// Leave out titles named without book-title marks.
        #[arg(long)]
        no_inferred: bool,
    },
    /// A document's metadata, outline of headings and citations.
    Show {
        /// The document's path, relative to the folder (as search prints it).
        doc: String,
        /// The folder of documents.
        #[arg(default_value = ".")]
        path: PathBuf,
        #[command(flatten)]
        common: Common,
    },
    /// Serve a web page and an HTTP API of the folder (search, laws, cites, documents), keeping
    /// the index current as files are added, changed or removed.
    Serve {
        /// The folder of documents.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// The index folder (default: FOLDER/.zhengce).
        #[arg(long, value_name = "DIR")]
        index: Option<PathBuf>,
        /// Address to listen on; port 0 takes a free port. Anything but loopback (127.0.0.1,
        /// [::1]) lets other machines read the documents.
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:7700")]
        bind: String,
        /// Leave out paths matching this pattern (gitignore syntax; repeat for more), besides
        /// FOLDER/.zhengceignore.
        #[arg(long, value_name = "GLOB")]
        exclude: Vec<String>,
    },
    /// The citations of files, without any index.
    Extract {
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print JSON Lines (one object per citation; see docs/json.md).
        #[arg(long)]
        json: bool,
        /// Leave out titles named without book-title marks.
        #[arg(long)]
        no_inferred: bool,
    },
}

/// How to group the laws table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// One table per year of the citing documents.
    Year,
    /// One table per issuer (发文机关) of the citing documents.
    Issuer,
}

/// The order of search results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortBy {
    /// Best match first.
    Relevance,
    /// Newest first.
    Date,
}

/// What search lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListBy {
    /// Documents, each with its best passages.
    Document,
    /// Passages, each with its document.
    Passage,
}

/// Options every command on a folder takes.
#[derive(Debug, clap::Args)]
pub struct Common {
    /// The index folder (default: FOLDER/.zhengce).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Print JSON Lines (one object per line; see docs/json.md).
    #[arg(long)]
    pub json: bool,
    /// Leave out paths matching this pattern (gitignore syntax; repeat for more), besides
    /// FOLDER/.zhengceignore.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Search the index as it is, without first bringing it in step with the folder.
    #[arg(long)]
    pub no_refresh: bool,
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
