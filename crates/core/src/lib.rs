//! zhengce (政策): full-text search for Chinese policy documents.
//!
//! Index a folder of work summaries, measures and notices, then search it: every quoted phrase
//! finds exactly the documents holding its characters, words are ranked by BM25 with whole words
//! and title matches first, and each hit comes with highlighted passages.
//!
//! ```
//! use zhengce_core::{Document, Index, SearchOptions};
//!
//! # fn main() -> zhengce_core::Result<()> {
//! // An index in memory; `Index::create_in_dir` keeps one on disk.
//! let index = Index::create_in_ram()?;
//! let mut writer = index.writer_with_threads(1)?;
//! writer.add_document(&Document::from_text(
//!     "2024年县科技局工作总结.txt",
//!     "2024年县科技局工作总结\n向群众发放《中华人民共和国科学技术进步法》宣传册。",
//! ))?;
//! writer.commit()?;
//!
//! let results = index.search("科学技术进步法", &SearchOptions::default())?;
//! assert_eq!(results.total, 1);
//! let hit = &results.hits[0];
//! assert_eq!(hit.year, Some(2024));
//! let [start, end] = hit.highlights[0];
//! assert_eq!(&hit.snippet[start..end], "科学技术进步法");
//! # Ok(())
//! # }
//! ```
//!
//! The modules follow the pipeline: [`segment`] (normalization, jieba words, Han grams; pure),
//! [`ingest`] (folders, decoding, metadata), [`index`] (schema, writer), [`search`] (query
//! language, ranking, passages).

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod cite;
pub mod error;
pub mod index;
pub mod ingest;
pub mod region;
pub mod search;
pub mod segment;

pub use error::{Error, Result};
pub use index::{Index, IndexBuilder, IndexReport, IndexWriter};
pub use ingest::{Document, SkipReason, Skipped};
pub use search::{CiteHit, Hit, LawRow, LawsOptions, Passage, Query, SearchOptions, SearchResults};
