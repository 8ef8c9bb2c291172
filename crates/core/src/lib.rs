//! zhengce (政策): full-text search for Chinese policy documents.
//!
//! Index a folder of work summaries, measures and notices, then search it: every quoted phrase
//! finds exactly the documents holding its characters, words are ranked by BM25 with whole words
//! and title matches first, and each hit comes with highlighted passages.
//!
//! ```
//! use zhengce_core::cite::Action;
//! use zhengce_core::{Document, Index, LawsOptions, SearchOptions};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // A folder of documents, and an index kept on disk beside them (as the CLI does, in the
//! // hidden folder `.zhengce/`, which the walk leaves out).
//! let folder = tempfile::tempdir()?;
//! std::fs::write(
//!     folder.path().join("2024年县科技局工作总结.txt"),
//!     "2024年高台县科技局工作总结\n一、普法宣传\n向群众发放《中华人民共和国科学技术进步法》宣传册500份。",
//! )?;
//! let index = Index::open_or_create(&folder.path().join(".zhengce"))?;
//! let mut writer = index.writer()?;
//! let report = writer.add_folder(folder.path())?; // reads the folder and commits
//! assert_eq!(report.added, 1);
//!
//! // A document from text, with metadata of your own.
//! let mut plan = Document::from_text("2025年普法工作要点.txt", "下一步，深入学习宣传《民法典》。");
//! plan.meta.issuer = Some("高台县司法局".into());
//! writer.add_document(&plan)?;
//! writer.commit()?;
//!
//! // Search: ranked hits with highlighted passages and their section.
//! let results = index.search("科学技术进步法", &SearchOptions::default().passages(1))?;
//! assert_eq!(results.total, 1);
//! let hit = &results.hits[0];
//! assert_eq!(hit.year, Some(2024));
//! let [start, end] = hit.highlights[0];
//! assert_eq!(&hit.snippet[start..end], "科学技术进步法");
//! assert_eq!(hit.passages[0].section, ["一、普法宣传"]);
//!
//! // Which laws were publicized (宣传, 发放) in 2024?
//! let laws = index.laws(&LawsOptions::default().action(Action::Publicize).years(2024, 2024))?;
//! assert_eq!(laws[0].title, "中华人民共和国科学技术进步法");
//! assert_eq!(laws[0].documents, 1);
//! # Ok(())
//! # }
//! ```
//!
//! The [`cite`] module works without an index: [`cite::extract`] lists the titles a text cites,
//! resolved to their full names, with what the text did with each.
//!
//! Handles are cheap to clone and `Send + Sync`: share one [`Index`] between threads that
//! search, while one [`IndexWriter`] (one per index, in any process) writes. The segmentation
//! dictionary is built once per process, however many indexes are open.
//!
//! The modules follow the pipeline: [`segment`] (normalization, jieba words, Han grams; pure),
//! [`ingest`] (folders, decoding, metadata), the index ([`Index`], [`IndexWriter`]), [`search`] (query
//! language, ranking, passages).

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod cite;
mod error;
mod index;
pub mod ingest;
mod region;
pub mod search;
pub mod segment;
mod skip;

pub use error::{Error, Result};
pub use index::{
    FolderOptions, Index, IndexBuilder, IndexReport, IndexWriter, Progress, INDEX_DIR, TITLES_FILE,
};
pub use ingest::Document;
pub use search::{CiteHit, Hit, LawRow, LawsOptions, Passage, Query, SearchOptions, SearchResults};
pub use skip::{SkipReason, Skipped};
