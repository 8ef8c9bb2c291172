//! Keeping an index in step with a folder: only files whose size or modification time changed
//! are read (and only those whose content hash changed are indexed again), documents of files
//! that are gone are removed, and progress is reported as it goes.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::columnar::Column;

use super::{Index, IndexWriter};
use crate::error::{Error, Result};
use crate::ingest::{self, FileState, SourceFile, WalkOptions};
use crate::skip::{SkipReason, Skipped};

/// How to walk a folder: `FolderOptions::default()`, changed with the builder methods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FolderOptions {
    /// Patterns of paths to leave out (gitignore syntax), besides `.zhengceignore`.
    pub exclude: Vec<String>,
    /// Commit after about this many bytes of new text, so that an interrupted run keeps what it did.
    pub commit_every: u64,
    /// Index every file again, as if the index were empty.
    pub rebuild: bool,
}

impl Default for FolderOptions {
    fn default() -> Self {
        FolderOptions {
            exclude: Vec::new(),
            commit_every: 256 << 20,
            rebuild: false,
        }
    }
}

impl FolderOptions {
    /// Leave out paths matching `pattern` (gitignore syntax: `drafts/`, `*.bak`).
    pub fn exclude(mut self, pattern: impl Into<String>) -> Self {
        self.exclude.push(pattern.into());
        self
    }

    /// Commit after about `bytes` of new text.
    pub fn commit_every(mut self, bytes: u64) -> Self {
        self.commit_every = bytes;
        self
    }

    /// Index every file again, as if the index were empty.
    pub fn rebuild(mut self, rebuild: bool) -> Self {
        self.rebuild = rebuild;
        self
    }
}

/// What updating an index from a folder did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IndexReport {
    /// Files indexed for the first time.
    pub added: usize,
    /// Files whose content changed, indexed again.
    pub updated: usize,
    /// Documents removed: their files are gone, ignored, or no longer readable.
    pub removed: usize,
    /// Files unchanged since the last update.
    pub unchanged: usize,
    /// Bytes of text read and indexed.
    pub bytes: u64,
    /// Files not indexed, with the reason.
    pub skipped: Vec<Skipped>,
    /// Files read, by the encoding detected (`utf-8`, `gb18030`, `big5` …).
    pub encodings: BTreeMap<String, usize>,
}

/// How far an update is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Progress {
    /// Files looked at.
    pub files_done: usize,
    /// Files to look at.
    pub files_total: usize,
    /// Bytes of the files looked at.
    pub bytes_done: u64,
    /// Bytes of all the files.
    pub bytes_total: u64,
}

impl Index {
    /// The size, modification time and hash of every file the index holds, by path.
    pub fn file_states(&self) -> Result<HashMap<String, FileState>> {
        let searcher = self.tantivy_searcher();
        let mut out = HashMap::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let Some(paths) = fast.str("path").map_err(crate::error::tantivy)? else {
                continue;
            };
            let column = |name: &str| -> Result<Column<u64>> {
                fast.u64(name).map_err(crate::error::tantivy)
            };
            let (size, mtime, hash) = (column("size")?, column("mtime")?, column("hash")?);
            let names = crate::search::all_strings(&paths)?;
            for doc in segment.doc_ids_alive() {
                let ord = paths
                    .term_ords(doc)
                    .next()
                    .and_then(|o| usize::try_from(o).ok());
                let path = ord.and_then(|o| names.get(o)).cloned().unwrap_or_default();
                let state = FileState {
                    size: size.first(doc).unwrap_or(0),
                    mtime: mtime.first(doc).unwrap_or(0),
                    hash: hash.first(doc).unwrap_or(0),
                };
                out.insert(path, state);
            }
        }
        Ok(out)
    }

    /// Whether `root` differs from the index: a file added, removed, or of another size or
    /// modification time. Reads no file, only the folder listing and each file's metadata.
    pub fn is_stale(&self, root: &Path, options: &FolderOptions) -> Result<bool> {
        // The folder is walked while the index lists what it holds.
        let walk_options = self.walk_options(options);
        let mut walked = (Vec::new(), Vec::new());
        let known = std::thread::scope(|scope| {
            scope.spawn(|| walked = ingest::walk_with(root, &walk_options));
            self.file_states()
        })?;
        let files = walked.0;
        let same = |f: &SourceFile| {
            known
                .get(&f.path)
                .is_some_and(|k| k.size == f.size && k.mtime == f.mtime)
        };
        Ok(files.len() != known.len() || !files.iter().all(same))
    }

    fn walk_options(&self, options: &FolderOptions) -> WalkOptions {
        WalkOptions {
            index_dir: self.dir.clone(),
            exclude: options.exclude.clone(),
        }
    }
}

impl IndexWriter {
    /// Brings the index in step with `root` (with default options and no progress reports).
    pub fn add_folder(&mut self, root: &Path) -> Result<IndexReport> {
        self.update_folder(root, &FolderOptions::default(), &mut |_| {})
    }

    /// Brings the index in step with `root`: reads the files that are new or whose size or
    /// modification time changed, indexes those whose content changed, removes the documents of
    /// files that are gone, and commits. Files that cannot be read are skipped and reported; the
    /// rest is indexed. `progress` is called after each file.
    pub fn update_folder(
        &mut self,
        root: &Path,
        options: &FolderOptions,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<IndexReport> {
        if !root.is_dir() {
            return Err(Error::Path {
                path: root.to_owned(),
                message: "not a folder".to_owned(),
            });
        }
        let known = if options.rebuild {
            self.delete_all_documents()?;
            HashMap::new()
        } else {
            self.index.file_states()?
        };
        let (files, mut skipped) = ingest::walk_with(root, &self.index.walk_options(options));
        let mut report = IndexReport::default();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut done = Progress {
            files_total: files.len(),
            bytes_total: files.iter().map(|f| f.size).sum(),
            ..Progress::default()
        };
        let mut since_commit = 0u64;
        for file in &files {
            seen.insert(&file.path);
            let before = known.get(&file.path);
            match self.update_file(file, before, &mut report) {
                Ok(bytes) => since_commit += bytes,
                Err(reason) => {
                    if before.is_some() {
                        self.delete_document(&file.path);
                        report.removed += 1;
                    }
                    skipped.push(Skipped {
                        path: file.path.clone(),
                        reason,
                    });
                }
            }
            done.files_done += 1;
            done.bytes_done += file.size;
            progress(&done);
            if since_commit >= options.commit_every {
                self.commit()?;
                since_commit = 0;
            }
        }
        for path in known.keys().filter(|p| !seen.contains(p.as_str())) {
            self.delete_document(path);
            report.removed += 1;
        }
        self.commit()?;
        skipped.sort_by(|a, b| a.path.cmp(&b.path));
        report.skipped = skipped;
        Ok(report)
    }

    /// Indexes the files `paths` of the folder `root` (relative paths with `/` separators, as a
    /// walk of `root` lists them — [`ingest::walk`]), read as [`update_folder`] reads them: a
    /// new file is indexed, an indexed one is read again only if its size or modification time
    /// changed, and a file that cannot be read is skipped and reported (its document removed).
    /// The documents of other files are left alone. Commits.
    ///
    /// This indexes a share of a folder, for example on one of several machines; the shards
    /// become one index with [`Index::create_merged`].
    ///
    /// [`update_folder`]: IndexWriter::update_folder
    pub fn add_files(&mut self, root: &Path, paths: &[String]) -> Result<IndexReport> {
        let known = self.index.file_states()?;
        let mut report = IndexReport::default();
        let mut skipped = Vec::new();
        for path in paths {
            let before = known.get(path);
            let added = ingest::source_file(root, path)
                .and_then(|file| self.update_file(&file, before, &mut report));
            if let Err(reason) = added {
                if before.is_some() {
                    self.delete_document(path);
                    report.removed += 1;
                }
                skipped.push(Skipped {
                    path: path.clone(),
                    reason,
                });
            }
        }
        self.commit()?;
        skipped.sort_by(|a, b| a.path.cmp(&b.path));
        report.skipped = skipped;
        Ok(report)
    }

    /// Indexes `file` if it changed since `before`; the bytes of text indexed.
    fn update_file(
        &mut self,
        file: &SourceFile,
        before: Option<&FileState>,
        report: &mut IndexReport,
    ) -> std::result::Result<u64, SkipReason> {
        if before.is_some_and(|b| b.size == file.size && b.mtime == file.mtime) {
            report.unchanged += 1;
            return Ok(0);
        }
        let doc = ingest::read(file)?;
        let touched_only = before.is_some_and(|b| Some(b.hash) == doc.file.map(|f| f.hash));
        // An error of the index itself is not the file's fault: it is reported as unreadable
        // only if adding fails, which tantivy does only when its writer died.
        let added = if before.is_some() {
            self.add_document(&doc)
        } else {
            self.add_new_document(&doc)
        };
        added.map_err(|e| SkipReason::Unreadable(e.to_string()))?;
        match (before, touched_only) {
            (None, _) => report.added += 1,
            (Some(_), true) => report.unchanged += 1,
            (Some(_), false) => report.updated += 1,
        }
        report.bytes += doc.body.len() as u64;
        *report.encodings.entry(doc.encoding.clone()).or_default() += 1;
        Ok(doc.body.len() as u64)
    }
}
