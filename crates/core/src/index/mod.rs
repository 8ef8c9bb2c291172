//! The index (索引): creating and opening it, and writing documents into it.
//!
//! Vocabulary as in tantivy: [`Index::create_in_dir`] / [`Index::open_in_dir`] →
//! [`Index::writer`] → [`IndexWriter::add_document`] → [`IndexWriter::commit`] → search.

mod cites;
mod merge;
pub(crate) mod schema;
mod shards;
mod state;
mod tokenizer;
mod update;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tantivy::directory::error::LockError;
use tantivy::index::IndexSettings;
use tantivy::schema::TantivyDocument;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{IndexReader, ReloadPolicy, TantivyError, Term};

use crate::cite::{Context, Extractor, LawDict};
use crate::error::{Error, Result};
use crate::ingest::Document;
use crate::search::{is_short_name_line, ShortNames};
use crate::segment::{normalize, Analyzer};

pub(crate) use cites::{cite_term, indexed, mention_term, MENTION_STEPS};
pub(crate) use schema::Fields;
pub(crate) use state::{State, STATE_FILE};
pub use update::{FolderOptions, IndexReport, Progress};

/// Name of the index folder inside an indexed folder.
pub const INDEX_DIR: &str = ".zhengce";
/// Name of the file of a user's own law titles and aliases, at the top of an indexed folder.
pub const TITLES_FILE: &str = ".zhengcetitles";

/// Memory the writer may use before it flushes a segment, for all its threads together.
const WRITER_MEMORY: usize = 192 * 1024 * 1024;

/// Text that may wait for the indexing threads, in bytes of normalized text given to the word
/// tokenizer. tantivy queues up to 10,000 documents, each holding its text three times (stored,
/// words, grams): without this bound a folder of long documents would wait in memory whole.
const MAX_QUEUED: u64 = 16 << 20;
/// How long the writer waits for room without seeing any progress before it sends the document
/// anyway (tantivy's own queue then blocks, or reports that its threads have stopped).
const STALL: Duration = Duration::from_secs(30);

/// An index of documents: a handle that is cheap to clone and safe to share between threads.
#[derive(Clone)]
pub struct Index {
    inner: tantivy::Index,
    reader: IndexReader,
    pub(crate) fields: Fields,
    analyzer: Analyzer,
    extractor: Extractor,
    short_names: ShortNames,
    dir: Option<PathBuf>,
    /// Bytes of text cut by the word tokenizer so far, in any thread.
    cut: Arc<AtomicU64>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

/// How to build or open an index: the analyzer (segmentation dictionary), the citation
/// extractor (law titles) and the short names of the field that queries expand. `Index::builder()`
/// starts with the built-in ones.
#[derive(Debug, Clone, Default)]
pub struct IndexBuilder {
    analyzer: Analyzer,
    extractor: Extractor,
    short_names: ShortNames,
}

impl IndexBuilder {
    /// The builder for indexing `folder`: the built-in analyzer, and the built-in law titles and
    /// short names plus the user's own from `folder/.zhengcetitles` when that file exists: lines
    /// of a title and its kind or of an alias and its title (see [`LawDict::with_user_titles`]),
    /// and lines `SHORT<TAB>short<TAB>EXPANSION` of short names (see
    /// [`ShortNames::with_lines`]), which change no index.
    pub fn for_folder(folder: &Path) -> Result<IndexBuilder> {
        let path = folder.join(TITLES_FILE);
        let builder = IndexBuilder::default();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(builder),
            Err(e) => return Err(Error::io(&path, e)),
        };
        let in_file = |e: Error| match e {
            Error::Dictionary(m) => Error::Path {
                path: path.clone(),
                message: m,
            },
            other => other,
        };
        let short_names = ShortNames::builtin()
            .with_lines(&text, true)
            .map_err(in_file)?;
        // Short-name lines are no titles: the titles are read without them (blanked first, so
        // that an error names the line of the file), and the index's fingerprint does not change
        // when they are added.
        let blanked: String = text
            .split_inclusive('\n')
            .map(|l| if is_short_name_line(l) { "\n" } else { l })
            .collect();
        LawDict::with_user_titles(&blanked).map_err(in_file)?;
        let titles: String = text
            .split_inclusive('\n')
            .filter(|l| !is_short_name_line(l))
            .collect();
        let dict = LawDict::with_user_titles(&titles).map_err(in_file)?;
        Ok(builder.law_titles(dict).short_names(short_names))
    }

    /// Expands these short names in queries (for example the built-in ones with a user's own).
    pub fn short_names(mut self, short_names: ShortNames) -> IndexBuilder {
        self.short_names = short_names;
        self
    }

    /// Segments with this analyzer (for example one with a custom dictionary).
    pub fn analyzer(mut self, analyzer: Analyzer) -> IndexBuilder {
        self.analyzer = analyzer;
        self
    }

    /// Resolves citations with these law titles (for example with a user's own titles).
    pub fn law_titles(mut self, dict: LawDict) -> IndexBuilder {
        self.extractor = Extractor::new(dict);
        self
    }

    /// What an index built this way records: an index built otherwise is refused.
    pub fn fingerprint(&self) -> String {
        format!(
            "{}-{}-m{}",
            self.analyzer.fingerprint(),
            self.extractor.fingerprint(),
            crate::ingest::meta::RULES_VERSION
        )
    }

    /// Creates an empty index in `dir` (created if missing). An index already there is replaced;
    /// a folder holding anything else is refused.
    pub fn create_in_dir(self, dir: &Path) -> Result<Index> {
        clear_index_dir(dir)?;
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, fields) = schema::build();
        let inner = tantivy::Index::builder()
            .schema(schema)
            .settings(settings())
            .create_in_dir(dir)
            .map_err(crate::error::tantivy)?;
        State::current(self.fingerprint()).write(dir)?;
        self.wrap(inner, fields, Some(dir.to_owned()))
    }

    /// Creates an empty index in memory.
    pub fn create_in_ram(self) -> Result<Index> {
        let (schema, fields) = schema::build();
        let inner = tantivy::Index::builder()
            .schema(schema)
            .settings(settings())
            .create_in_ram()
            .map_err(crate::error::tantivy)?;
        self.wrap(inner, fields, None)
    }

    /// Opens the index in `dir`, refusing one built by another schema, analyzer or titles.
    pub fn open_in_dir(self, dir: &Path) -> Result<Index> {
        if !dir.join(STATE_FILE).exists() {
            if dir.join("meta.json").exists() || dir.is_dir() && has_entries(dir) {
                State::read(dir)?;
            }
            return Err(Error::NoIndex {
                path: dir.to_owned(),
                root: root_hint(dir),
            });
        }
        let found = State::read(dir)?;
        if let Some((found, expected)) = found.mismatch(&State::current(self.fingerprint())) {
            return Err(Error::Incompatible {
                path: dir.to_owned(),
                found,
                expected,
                root: root_hint(dir),
            });
        }
        let damaged = |e: tantivy::TantivyError| Error::Damaged {
            path: dir.to_owned(),
            detail: e.to_string(),
            root: root_hint(dir),
        };
        let inner = tantivy::Index::open_in_dir(dir).map_err(damaged)?;
        let fields = schema::fields_of(&inner.schema()).map_err(damaged)?;
        let index = self
            .wrap(inner, fields, Some(dir.to_owned()))
            .map_err(|e| match e {
                Error::Index(detail) => Error::Damaged {
                    path: dir.to_owned(),
                    detail,
                    root: root_hint(dir),
                },
                other => other,
            })?;
        Ok(index)
    }

    /// Opens the index in `dir`, or creates it when there is none.
    pub fn open_or_create(self, dir: &Path) -> Result<Index> {
        match self.clone().open_in_dir(dir) {
            Err(Error::NoIndex { .. }) => self.create_in_dir(dir),
            other => other,
        }
    }

    fn wrap(self, inner: tantivy::Index, fields: Fields, dir: Option<PathBuf>) -> Result<Index> {
        let cut = Arc::new(AtomicU64::new(0));
        tokenizer::register(&inner, &self.analyzer, Arc::clone(&cut));
        let reader = inner
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(crate::error::tantivy)?;
        Ok(Index {
            inner,
            reader,
            fields,
            analyzer: self.analyzer,
            extractor: self.extractor,
            short_names: self.short_names,
            dir,
            cut,
        })
    }
}

impl Index {
    /// A builder, to choose the analyzer or the law titles before creating or opening.
    pub fn builder() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Creates an empty index in `dir` (created if missing). An index already there is replaced;
    /// a folder holding anything else is refused.
    pub fn create_in_dir(dir: &Path) -> Result<Index> {
        Index::builder().create_in_dir(dir)
    }

    /// Creates an empty index in memory.
    pub fn create_in_ram() -> Result<Index> {
        Index::builder().create_in_ram()
    }

    /// Opens the index in `dir`, refusing one built by another schema, analyzer or titles.
    pub fn open_in_dir(dir: &Path) -> Result<Index> {
        Index::builder().open_in_dir(dir)
    }

    /// Opens the index in `dir`, or creates it when there is none.
    pub fn open_or_create(dir: &Path) -> Result<Index> {
        Index::builder().open_or_create(dir)
    }

    /// The folder of the index (`None` in memory).
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The analyzer.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// The citation extractor.
    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    /// The short names that queries expand.
    pub fn short_names(&self) -> &ShortNames {
        &self.short_names
    }

    /// Number of documents visible to searches.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// A writer using up to two threads. Only one writer may exist per index, in any process.
    pub fn writer(&self) -> Result<IndexWriter> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
        self.writer_with_threads(threads)
    }

    /// A writer with `threads` indexing threads (1 gives deterministic document order).
    pub fn writer_with_threads(&self, threads: usize) -> Result<IndexWriter> {
        let threads = threads.max(1);
        let inner = self
            .inner
            .writer_with_num_threads(threads, WRITER_MEMORY.max(threads * (16 << 20)));
        let inner = inner.map_err(|e| match e {
            TantivyError::LockFailure(LockError::LockBusy, _) => Error::Locked {
                path: self.dir.clone().unwrap_or_default(),
            },
            other => crate::error::tantivy(other),
        })?;
        if let Some(dir) = &self.dir {
            inner.set_merge_policy(Box::new(merge::BoundedMerges::new(dir)));
        }
        Ok(IndexWriter {
            inner,
            sent: self.cut.load(Ordering::Relaxed),
            max_queued: MAX_QUEUED,
            index: self.clone(),
        })
    }

    /// Makes the last commit visible to searches through this handle.
    pub fn reload(&self) -> Result<()> {
        self.reader.reload().map_err(crate::error::tantivy)
    }

    /// An error of tantivy while reading this index, as the user should see it: the index is
    /// damaged (for an index in a folder), or the engine failed.
    pub(crate) fn read_error(&self, e: tantivy::TantivyError) -> Error {
        match &self.dir {
            Some(dir) => Error::Damaged {
                path: dir.clone(),
                detail: e.to_string(),
                root: root_hint(dir),
            },
            None => crate::error::tantivy(e),
        }
    }

    pub(crate) fn tantivy_searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }
}

/// Writes documents; nothing is visible to searches before [`IndexWriter::commit`].
pub struct IndexWriter {
    inner: tantivy::IndexWriter<TantivyDocument>,
    index: Index,
    /// Bytes of text sent to the word tokenizer, counted like `Index::cut`.
    sent: u64,
    /// Most bytes of text that may wait for the indexing threads ([`MAX_QUEUED`]).
    max_queued: u64,
}

impl IndexWriter {
    /// Adds `doc`, replacing any document with the same path.
    pub fn add_document(&mut self, doc: &Document) -> Result<()> {
        self.delete_document(&doc.path);
        self.add_new_document(doc)
    }

    /// Adds `doc`, known to have no document with the same path in the index (a new file, or a
    /// rebuild): no delete to apply at the next commit.
    pub(crate) fn add_new_document(&mut self, doc: &Document) -> Result<()> {
        let f = &self.index.fields;
        let title = normalize(&doc.meta.title);
        let body = normalize(&doc.body);
        let mut d = TantivyDocument::default();
        d.add_text(f.path, &doc.path);
        d.add_text(f.title, &doc.meta.title);
        d.add_text(f.title_words, &title.text);
        d.add_text(f.title_grams, &title.text);
        d.add_text(f.body, &doc.body);
        d.add_text(f.body_words, &body.text);
        d.add_text(f.body_grams, &body.text);
        let m = &doc.meta;
        if let Some(year) = m.year {
            d.add_u64(f.year, u64::from(year));
        }
        if let Some(date) = date_number(m.date.as_deref(), m.year) {
            d.add_u64(f.date, date);
        }
        if let Some(published) = date_number(m.published.as_deref(), None) {
            d.add_u64(f.published, published);
        }
        if let Some(period) = m.period {
            d.add_u64(f.period_from, u64::from(period.from));
            d.add_u64(f.period_to, u64::from(period.to));
        }
        let keywords = [
            (f.issuer, &m.issuer),
            (f.region, &m.region),
            (f.doc_type, &m.doc_type),
            (f.doc_number, &m.doc_number),
            (f.index_no, &m.index_no),
        ];
        for (field, value) in keywords {
            if let Some(value) = value {
                d.add_text(field, value);
            }
        }
        d.add_text(f.encoding, &doc.encoding);
        if let Some(file) = doc.file {
            d.add_u64(f.size, file.size);
            d.add_u64(f.mtime, file.mtime);
            d.add_u64(f.hash, file.hash);
        }
        let cited = self.add_citations(&mut d, doc);
        self.wait_for_room();
        self.inner.add_document(d).map_err(crate::error::tantivy)?;
        self.sent += (title.text.len() + body.text.len() + cited) as u64;
        Ok(())
    }

    /// Waits while more than [`MAX_QUEUED`] bytes of text wait for the indexing threads, so that
    /// memory stays bounded by the writer's budget and not by the size of the folder.
    fn wait_for_room(&self) {
        let mut cut = self.index.cut.load(Ordering::Relaxed);
        let mut idle = Duration::ZERO;
        let tick = Duration::from_millis(1);
        while self.sent.saturating_sub(cut) > self.max_queued && idle < STALL {
            std::thread::sleep(tick);
            let now = self.index.cut.load(Ordering::Relaxed);
            idle = if now == cut {
                idle + tick
            } else {
                Duration::ZERO
            };
            cut = now;
        }
    }

    /// Extracts the document's citations and adds their fields; the length of the cited titles'
    /// text given to the word tokenizer.
    fn add_citations(&self, d: &mut TantivyDocument, doc: &Document) -> usize {
        let f = &self.index.fields;
        let context =
            Context::of_document(&doc.meta.title, doc.meta.issuer.as_deref(), doc.meta.year);
        let citations = self.index.extractor.extract(&doc.body, &context);
        let mut titles: Vec<&str> = citations
            .iter()
            .filter(|c| indexed(c))
            .map(|c| c.title.as_str())
            .collect();
        titles.sort_unstable();
        titles.dedup();
        for title in &titles {
            d.add_text(f.law, title);
        }
        for term in cites::cite_terms(&citations) {
            d.add_text(f.cites, &term);
        }
        for term in cites::mention_terms(&citations) {
            d.add_text(f.law_mentions, &term);
        }
        let cited = normalize(&titles.join("\n")).text;
        d.add_text(f.cited_words, &cited);
        d.add_text(f.cited_grams, &cited);
        // Serializing plain data with derived impls cannot fail; an empty list is the fallback.
        d.add_bytes(
            f.citations,
            &serde_json::to_vec(&citations).unwrap_or_default(),
        );
        cited.len()
    }

    /// Deletes the document with this path, if any.
    pub fn delete_document(&mut self, path: &str) {
        self.inner
            .delete_term(Term::from_field_text(self.index.fields.path, path));
    }

    /// Deletes every document.
    pub fn delete_all_documents(&mut self) -> Result<()> {
        self.inner
            .delete_all_documents()
            .map_err(crate::error::tantivy)?;
        Ok(())
    }

    /// Makes every change since the last commit durable and visible, atomically: a crash before
    /// the end of the commit leaves the previous commit intact.
    pub fn commit(&mut self) -> Result<()> {
        self.inner.commit().map_err(crate::error::tantivy)?;
        // Everything sent has been cut now: the count starts again from what the tokenizer saw.
        self.sent = self.index.cut.load(Ordering::Relaxed);
        self.index.reload()
    }
}

/// A date as the number YYYYMMDD (2024-12-20 → 20241220), or YYYY0000 when only the year is known:
/// sorts newest first and breaks ties.
pub(crate) fn date_number(date: Option<&str>, year: Option<u16>) -> Option<u64> {
    let digits: String = date
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    match digits.parse::<u64>() {
        Ok(n) if digits.len() == 8 => Some(n),
        _ => year.map(|y| u64::from(y) * 10_000),
    }
}

/// Index settings: the stored texts compressed with zstd in 64 KiB blocks, which keeps Chinese
/// text at about a third of its size (lz4, the default, keeps about half).
fn settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(3),
        }),
        docstore_blocksize: 64 * 1024,
        ..IndexSettings::default()
    }
}

/// Removes an existing index from `dir`; refuses a folder that holds something else.
fn clear_index_dir(dir: &Path) -> Result<()> {
    if !dir.exists() || !has_entries(dir) {
        return Ok(());
    }
    if !dir.join(STATE_FILE).exists() {
        return Err(Error::NotAnIndex {
            path: dir.to_owned(),
            reason: "the folder is not empty and holds no zhengce.json".to_owned(),
        });
    }
    std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))
}

fn has_entries(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some())
}

/// The folder a user would index to rebuild the index in `dir`.
fn root_hint(dir: &Path) -> String {
    let root = if dir.file_name().is_some_and(|n| n == INDEX_DIR) {
        dir.parent()
    } else {
        None
    };
    match root {
        Some(p) if p.as_os_str().is_empty() => ".".to_owned(),
        Some(p) => p.display().to_string(),
        None => format!("--index {} FOLDER", dir.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writer_waiting_for_room_at_every_document_indexes_them_all() {
        for threads in [1, 2] {
            let index = Index::create_in_ram().unwrap();
            let mut writer = index.writer_with_threads(threads).unwrap();
            writer.max_queued = 1;
            for i in 0..300 {
                let body =
                    format!("第{i}号 法治政府建设年度报告\n学习宣传《中华人民共和国宪法》。");
                writer
                    .add_document(&Document::from_text(&format!("{i}.txt"), &body))
                    .unwrap();
            }
            let sent = writer.sent;
            writer.commit().unwrap();
            assert_eq!(index.num_docs(), 300, "{threads} threads");
            // Once committed, everything sent has been cut: the writer counts what the
            // tokenizer counts, so it never waits for text that will not come.
            assert_eq!(index.cut.load(Ordering::Relaxed), sent);
            assert!(sent > 300 * 20);
        }
    }
}
