//! The `zhengce._zhengce` extension module: zhengce-core for Python. Results cross as the JSON
//! the command line prints (`--json`, docs/json.md), loaded into plain dicts and lists; errors
//! become exceptions carrying the library's message; the GIL is released while files are read,
//! indexed and searched.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use serde::Serialize;
use zhengce_core::cite::{Action, Citation, Context, Extractor, LawDict};
use zhengce_core::ingest::{outline, walk_with, WalkOptions};
use zhengce_core::search::{parse_kind, parse_years, GroupBy, Sort};
use zhengce_core::{
    Document, FolderOptions, IndexBuilder, IndexWriter, LawsOptions, SearchOptions, TITLES_FILE,
};

pyo3::create_exception!(
    _zhengce,
    Error,
    PyException,
    "An error of zhengce: the message says what went wrong and what to do."
);
pyo3::create_exception!(
    _zhengce,
    QueryError,
    Error,
    "A query that cannot be parsed; the message points at the column."
);
pyo3::create_exception!(
    _zhengce,
    NoIndexError,
    Error,
    "No index exists at the path (use Index.create or Index.open_or_create)."
);
pyo3::create_exception!(
    _zhengce,
    LockedError,
    Error,
    "Another writer (in this or another process) holds the index."
);
pyo3::create_exception!(
    _zhengce,
    NotIndexedError,
    Error,
    "A file that cannot be read: empty, binary, too large, a scan without text, a format not read."
);

/// The library's error as a Python exception with its message.
fn py_err(e: zhengce_core::Error) -> PyErr {
    let message = e.to_string();
    match e {
        zhengce_core::Error::Query { .. } => QueryError::new_err(message),
        zhengce_core::Error::NoIndex { .. } => NoIndexError::new_err(message),
        zhengce_core::Error::Locked { .. } => LockedError::new_err(message),
        zhengce_core::Error::NotIndexed { .. } => NotIndexedError::new_err(message),
        _ => Error::new_err(message),
    }
}

/// `value` as Python objects, through the JSON the command line prints: the same fields, and
/// numbers as JSON writes them (a score 24.69, not its nearest binary fraction).
fn to_py<T: Serialize>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    let text = serde_json::to_string(value).map_err(|e| Error::new_err(e.to_string()))?;
    let loads = py.import("json")?.getattr("loads")?;
    Ok(loads.call1((text,))?.unbind())
}

/// A citation as `zhengce extract --json` prints it (without `path`): its fields and `line`.
#[derive(Serialize)]
struct LinedCitation<'a> {
    line: usize,
    #[serde(flatten)]
    citation: &'a Citation,
}

fn with_lines<'a>(text: &str, citations: &'a [Citation]) -> Vec<LinedCitation<'a>> {
    citations
        .iter()
        .map(|c| LinedCitation {
            line: text[..c.span[0].min(text.len())].matches('\n').count() + 1,
            citation: c,
        })
        .collect()
}

/// The citations of `text` (引用): every title in 《…》 and, unless `inferred` is false, the
/// known titles named without marks; each a dict with the fields of `zhengce extract --json`
/// (`line`, `raw`, `span`, `title`, `kind`, `region`, `pin`, `actions`, `planned`, `inferred`,
/// `resolution`, `status`, `successors` …), in the order of the text.
#[pyfunction]
#[pyo3(signature = (text, *, inferred = true))]
fn extract(py: Python<'_>, text: &str, inferred: bool) -> PyResult<Py<PyAny>> {
    let citations = py.detach(|| {
        let mut all = zhengce_core::cite::extract(text);
        all.retain(|c| inferred || !c.inferred);
        all
    });
    to_py(py, &with_lines(text, &citations))
}

/// The law titles of the folder: the built-in ones, and the user's own from
/// `folder/.zhengcetitles` when there is one (as the index of that folder uses them).
fn extractor_for(folder: Option<&Path>) -> zhengce_core::Result<Extractor> {
    let Some(folder) = folder else {
        return Ok(Extractor::default());
    };
    let path = folder.join(TITLES_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Extractor::new(LawDict::with_user_titles(&text)?)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Extractor::default()),
        Err(e) => Err(zhengce_core::Error::Path {
            path,
            message: e.to_string(),
        }),
    }
}

/// A document read from a file, as `zhengce show --json` prints an indexed one, with its text.
#[derive(Serialize)]
struct ReadDocument<'a> {
    path: &'a str,
    meta: &'a zhengce_core::ingest::Metadata,
    encoding: &'a str,
    bytes: usize,
    outline: Vec<zhengce_core::ingest::Heading>,
    citations: Vec<LinedCitation<'a>>,
    text: &'a str,
}

/// Reads `file` as indexing reads it (Word, PDF, HTML, text in any common encoding) and returns
/// a dict with `path` (`path`, or the file as given), `meta` (title, date, year, issuer, region,
/// doc_type, doc_number), `encoding`, `bytes`, `outline`, `citations` (each with its `line`)
/// and `text`. The citations resolve with the law titles of `folder`'s `.zhengcetitles`, when
/// given. A file that cannot be read raises `NotIndexedError` saying why.
#[pyfunction]
#[pyo3(signature = (file, path = None, *, folder = None))]
fn read_file(
    py: Python<'_>,
    file: PathBuf,
    path: Option<String>,
    folder: Option<PathBuf>,
) -> PyResult<Py<PyAny>> {
    let path = path.unwrap_or_else(|| file.display().to_string());
    let (doc, citations) = py
        .detach(|| -> zhengce_core::Result<_> {
            let extractor = extractor_for(folder.as_deref())?;
            let doc = Document::from_file(&file, &path)?;
            let citations = extractor.extract(&doc.body, &Context::default());
            Ok((doc, citations))
        })
        .map_err(py_err)?;
    let view = ReadDocument {
        path: &doc.path,
        meta: &doc.meta,
        encoding: &doc.encoding,
        bytes: doc.body.len(),
        outline: outline(&doc.body),
        citations: with_lines(&doc.body, &citations),
        text: &doc.body,
    };
    to_py(py, &view)
}

/// A file a walk found.
#[derive(Serialize)]
struct WalkedFile {
    path: String,
    file: PathBuf,
    size: u64,
}

/// The walk of a folder.
#[derive(Serialize)]
struct Walk {
    files: Vec<WalkedFile>,
    skipped: Vec<zhengce_core::Skipped>,
}

/// The files of `folder` that indexing reads, as `zhengce index` finds them: a dict with
/// `files` (each `path` relative to the folder with `/` separators, the `file` to open and its
/// `size`, in a stable sorted order) and `skipped` (`path` and `reason`, as in the index
/// report). Hidden files, `.zhengceignore` matches, `exclude` patterns (gitignore syntax) and
/// the folder `index` are left out; symbolic links are skipped.
#[pyfunction]
#[pyo3(signature = (folder, *, exclude = Vec::new(), index = None))]
fn walk(
    py: Python<'_>,
    folder: PathBuf,
    exclude: Vec<String>,
    index: Option<PathBuf>,
) -> PyResult<Py<PyAny>> {
    if !folder.is_dir() {
        return Err(py_err(zhengce_core::Error::Path {
            path: folder,
            message: "not a folder".into(),
        }));
    }
    let walked = py.detach(|| {
        let options = WalkOptions {
            index_dir: index,
            exclude,
        };
        let (files, skipped) = walk_with(&folder, &options);
        Walk {
            files: files
                .into_iter()
                .map(|f| WalkedFile {
                    path: f.path,
                    file: f.full_path,
                    size: f.size,
                })
                .collect(),
            skipped,
        }
    });
    to_py(py, &walked)
}

/// A zhengce index (索引) in a folder: create or open it, add documents, search, count the laws
/// cited. One writer per index, in any process: the methods that write take it and `commit`
/// (or `add_folder`, `add_files`) gives it back. Methods release the GIL while they work, so
/// threads can search one index at once.
#[pyclass(module = "zhengce._zhengce", name = "Index", frozen)]
struct PyIndex {
    index: zhengce_core::Index,
    writer: Mutex<Option<IndexWriter>>,
}

/// The builder for an index of `folder` (its `.zhengcetitles`), or the built-in one.
fn builder(folder: Option<&Path>) -> zhengce_core::Result<IndexBuilder> {
    match folder {
        Some(folder) => IndexBuilder::for_folder(folder),
        None => Ok(IndexBuilder::default()),
    }
}

fn bad(what: &str, value: &str, expected: &str) -> PyErr {
    PyValueError::new_err(format!("{what}={value:?}: expected {expected}"))
}

/// A year (2024) or a range (`"2022..2024"`, `"..2020"`, `(2022, 2024)`).
fn years(value: &Bound<'_, PyAny>) -> PyResult<(u16, u16)> {
    if let Ok(year) = value.extract::<u16>() {
        return Ok((year, year));
    }
    if let Ok((from, to)) = value.extract::<(u16, u16)>() {
        return Ok((from, to));
    }
    let text: String = value.str()?.extract()?;
    parse_years(&text).ok_or_else(|| {
        bad(
            "year",
            &text,
            "a year such as 2024, a range such as \"2022..2024\", or (2022, 2024)",
        )
    })
}

impl PyIndex {
    fn new(index: zhengce_core::Index) -> PyIndex {
        PyIndex {
            index,
            writer: Mutex::new(None),
        }
    }

    /// The open writer, created with `threads` indexing threads when there is none.
    fn writer(
        &self,
        threads: Option<usize>,
    ) -> zhengce_core::Result<MutexGuard<'_, Option<IndexWriter>>> {
        let mut guard = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        if guard.is_none() {
            *guard = Some(match threads {
                Some(n) => self.index.writer_with_threads(n)?,
                None => self.index.writer()?,
            });
        }
        Ok(guard)
    }

    /// Runs `work` with the writer, without the GIL; the writer is given back afterwards when
    /// `release` (the work committed).
    fn with_writer<T: Send>(
        &self,
        py: Python<'_>,
        threads: Option<usize>,
        release: bool,
        work: impl FnOnce(&mut IndexWriter) -> zhengce_core::Result<T> + Send,
    ) -> PyResult<T> {
        py.detach(|| {
            let mut guard = self.writer(threads)?;
            let writer = guard.as_mut().ok_or_else(|| {
                zhengce_core::Error::Index("the writer could not be opened".into())
            })?;
            let result = work(writer);
            if release || result.is_err() {
                *guard = None;
            }
            result
        })
        .map_err(py_err)
    }
}

#[pymethods]
impl PyIndex {
    /// Creates an empty index in the folder `path` (created if missing); an index already there
    /// is replaced, a folder holding anything else is refused. With `folder`, citations resolve
    /// with the law titles of `folder/.zhengcetitles`, as `zhengce index folder` does.
    #[staticmethod]
    #[pyo3(signature = (path, *, folder = None))]
    fn create(py: Python<'_>, path: PathBuf, folder: Option<PathBuf>) -> PyResult<PyIndex> {
        py.detach(|| builder(folder.as_deref())?.create_in_dir(&path))
            .map(PyIndex::new)
            .map_err(py_err)
    }

    /// Opens the index in the folder `path`; `NoIndexError` when there is none, `Error` when it
    /// was built with another dictionary or other law titles (`folder` as for `create`).
    #[staticmethod]
    #[pyo3(signature = (path, *, folder = None))]
    fn open(py: Python<'_>, path: PathBuf, folder: Option<PathBuf>) -> PyResult<PyIndex> {
        py.detach(|| builder(folder.as_deref())?.open_in_dir(&path))
            .map(PyIndex::new)
            .map_err(py_err)
    }

    /// Opens the index in the folder `path`, or creates it when there is none (`folder` as for
    /// `create`).
    #[staticmethod]
    #[pyo3(signature = (path, *, folder = None))]
    fn open_or_create(py: Python<'_>, path: PathBuf, folder: Option<PathBuf>) -> PyResult<PyIndex> {
        py.detach(|| builder(folder.as_deref())?.open_or_create(&path))
            .map(PyIndex::new)
            .map_err(py_err)
    }

    /// Creates in `path` one index of every document of the indexes `shards` (parts of one
    /// folder indexed apart, each with `add_files`): their segments are copied, not indexed
    /// again, so hits and scores are those of an index built at once. The shards must not share
    /// a file, and must use the same law titles (`folder` as for `create`); they are only read.
    #[staticmethod]
    #[pyo3(signature = (path, shards, *, folder = None))]
    fn merge(
        py: Python<'_>,
        path: PathBuf,
        shards: Vec<PathBuf>,
        folder: Option<PathBuf>,
    ) -> PyResult<PyIndex> {
        py.detach(|| builder(folder.as_deref())?.create_merged(&path, &shards))
            .map(PyIndex::new)
            .map_err(py_err)
    }

    /// The index folder.
    #[getter]
    fn path(&self) -> Option<PathBuf> {
        self.index.dir().map(Path::to_owned)
    }

    /// Number of documents searches see.
    #[getter]
    fn num_docs(&self) -> u64 {
        self.index.num_docs()
    }

    fn __len__(&self) -> usize {
        usize::try_from(self.index.num_docs()).unwrap_or(usize::MAX)
    }

    fn __repr__(&self) -> String {
        let path = self.index.dir().map(|d| d.display().to_string());
        format!(
            "zhengce.Index({:?}, num_docs={})",
            path.unwrap_or_default(),
            self.index.num_docs()
        )
    }

    /// Brings the index in step with `folder`, as `zhengce index` does: reads new and changed
    /// files, removes the documents of files that are gone, commits. Returns the report: a dict
    /// of `added`, `updated`, `removed`, `unchanged`, `bytes`, `encodings` and `skipped` (each
    /// `path` and `reason`). `rebuild` reads every file again; `threads` indexing threads
    /// (default up to 2).
    #[pyo3(signature = (folder, *, exclude = Vec::new(), rebuild = false, threads = None))]
    fn add_folder(
        &self,
        py: Python<'_>,
        folder: PathBuf,
        exclude: Vec<String>,
        rebuild: bool,
        threads: Option<usize>,
    ) -> PyResult<Py<PyAny>> {
        let options = exclude
            .into_iter()
            .fold(FolderOptions::default(), FolderOptions::exclude)
            .rebuild(rebuild);
        let report = self.with_writer(py, threads, true, |w| {
            w.update_folder(&folder, &options, &mut |_| {})
        })?;
        to_py(py, &report)
    }

    /// Indexes the files `paths` of `folder` (relative, `/` separators, as `walk` lists them)
    /// and no other, and commits: a share of a folder, merged later with `Index.merge`. Returns
    /// the report, as `add_folder`.
    #[pyo3(signature = (folder, paths, *, threads = None))]
    fn add_files(
        &self,
        py: Python<'_>,
        folder: PathBuf,
        paths: Vec<String>,
        threads: Option<usize>,
    ) -> PyResult<Py<PyAny>> {
        let report = self.with_writer(py, threads, true, |w| w.add_files(&folder, &paths))?;
        to_py(py, &report)
    }

    /// Adds a document (replacing any with the same `path`), visible after `commit`: read from
    /// `file` (Word, PDF, HTML, text in any encoding), or given as `text`. Metadata is found in
    /// the text; the keyword arguments set it instead.
    #[pyo3(signature = (
        path, text = None, *, file = None, title = None, date = None, year = None,
        issuer = None, region = None, doc_type = None, doc_number = None
    ))]
    #[allow(clippy::too_many_arguments)] // Python's keyword arguments
    fn add_document(
        &self,
        py: Python<'_>,
        path: String,
        text: Option<String>,
        file: Option<PathBuf>,
        title: Option<String>,
        date: Option<String>,
        year: Option<u16>,
        issuer: Option<String>,
        region: Option<String>,
        doc_type: Option<String>,
        doc_number: Option<String>,
    ) -> PyResult<()> {
        let mut doc = match (text, file) {
            (Some(text), None) => Document::from_text(&path, &text),
            (None, Some(file)) => py
                .detach(|| Document::from_file(&file, &path))
                .map_err(py_err)?,
            _ => {
                return Err(PyValueError::new_err(
                    "add_document needs either text or file=, not both",
                ))
            }
        };
        let meta = &mut doc.meta;
        if let Some(title) = title {
            meta.title = title;
        }
        meta.date = date.or(meta.date.take());
        meta.year = year.or(meta.year);
        meta.issuer = issuer.or(meta.issuer.take());
        meta.region = region.or(meta.region.take());
        meta.doc_type = doc_type.or(meta.doc_type.take());
        meta.doc_number = doc_number.or(meta.doc_number.take());
        self.with_writer(py, None, false, |w| w.add_document(&doc))
    }

    /// Deletes the document with this path, if any (visible after `commit`).
    fn delete_document(&self, py: Python<'_>, path: &str) -> PyResult<()> {
        self.with_writer(py, None, false, |w| {
            w.delete_document(path);
            Ok(())
        })
    }

    /// Makes the documents added and deleted since the last commit durable and visible, and
    /// gives the writer back (another process may write then).
    fn commit(&self, py: Python<'_>) -> PyResult<()> {
        let open = self
            .writer
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some();
        if open {
            self.with_writer(py, None, true, IndexWriter::commit)?;
        }
        Ok(())
    }

    /// Drops the changes not committed and gives the writer back.
    fn rollback(&self) {
        *self.writer.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// Commits when the block ends normally, drops the changes when it raises.
    fn __exit__(
        &self,
        py: Python<'_>,
        kind: Option<Bound<'_, PyAny>>,
        _value: Option<Bound<'_, PyAny>>,
        _traceback: Option<Bound<'_, PyAny>>,
    ) -> PyResult<bool> {
        if kind.is_some() {
            self.rollback();
        } else {
            self.commit(py)?;
        }
        Ok(false)
    }

    /// Whether `folder` changed since the index was brought in step with it (a file added,
    /// removed, or of another size or modification time); reads no file.
    #[pyo3(signature = (folder, *, exclude = Vec::new()))]
    fn is_stale(&self, py: Python<'_>, folder: PathBuf, exclude: Vec<String>) -> PyResult<bool> {
        let options = exclude
            .into_iter()
            .fold(FolderOptions::default(), FolderOptions::exclude);
        py.detach(|| self.index.is_stale(&folder, &options))
            .map_err(py_err)
    }

    /// Searches with the query language of `zhengce search` (words, "phrases", OR, -, title:,
    /// year:, law:, action: …). Returns a dict: `total` (matching documents), `offset`, `hits`
    /// (each with the fields of `zhengce search --json`: path, title, year, date, issuer, region,
    /// doc_type, doc_number, score, snippet, highlights, passages) and `facets` (counts by year,
    /// issuer, region and doc_type when `facets`, else None). `sort` is "relevance" or "date".
    #[pyo3(signature = (query, limit = 10, *, offset = 0, passages = 1, sort = "relevance", facets = false))]
    #[allow(clippy::too_many_arguments)] // Python's keyword arguments
    fn search(
        &self,
        py: Python<'_>,
        query: &str,
        limit: usize,
        offset: usize,
        passages: usize,
        sort: &str,
        facets: bool,
    ) -> PyResult<Py<PyAny>> {
        let sort = match sort {
            "relevance" => Sort::Relevance,
            "date" => Sort::Date,
            other => return Err(bad("sort", other, "\"relevance\" or \"date\"")),
        };
        let options = SearchOptions::default()
            .limit(limit)
            .offset(offset)
            .passages(passages)
            .sort(sort)
            .facets(facets);
        let results = py
            .detach(|| self.index.search(query, &options))
            .map_err(py_err)?;
        #[derive(Serialize)]
        struct Page<'a> {
            total: usize,
            offset: usize,
            hits: &'a [zhengce_core::Hit],
            facets: &'a Option<zhengce_core::search::Facets>,
        }
        let page = Page {
            total: results.total,
            offset,
            hits: &results.hits,
            facets: &results.facets,
        };
        to_py(py, &page)
    }

    /// The laws table, as `zhengce laws --json`: one dict per cited title (and per group with
    /// `by`) with `group`, `title`, `kind`, `documents`, `mentions`, `actions`, `planned`, `done`,
    /// `status`, `successors`. Filters: `action` ("publicize", "study", "implement",
    /// "formulate" or 宣传, 学习 …), `year` (2024, "2022..2024" or (2022, 2024)), `kind`
    /// ("law", "local_regulation" … or 法律, 地方性法规 …), `state` ("done" or "planned"),
    /// `query` (documents matching it); `by` is "year" or "issuer"; `inferred` also counts titles
    /// named without marks; `explain` gives each row `citing`, its citing sentences with their
    /// evidence (as `zhengce laws --explain --json`).
    #[pyo3(signature = (*, action = None, year = None, kind = None, state = None, by = None, inferred = false, query = None, explain = false))]
    #[allow(clippy::too_many_arguments)] // Python's keyword arguments
    fn laws(
        &self,
        py: Python<'_>,
        action: Option<&str>,
        year: Option<Bound<'_, PyAny>>,
        kind: Option<&str>,
        state: Option<&str>,
        by: Option<&str>,
        inferred: bool,
        query: Option<String>,
        explain: bool,
    ) -> PyResult<Py<PyAny>> {
        let mut options = LawsOptions::default().inferred(inferred).explain(explain);
        if let Some(action) = action {
            let found = Action::from_name(action).ok_or_else(|| {
                bad(
                    "action",
                    action,
                    "publicize, study, implement, formulate or cite (or 宣传, 学习, 落实, 制定 …)",
                )
            })?;
            options = options.action(found);
        }
        if let Some(year) = year {
            let (from, to) = years(&year)?;
            options = options.years(from, to);
        }
        if let Some(kind) = kind {
            let found = parse_kind(kind).ok_or_else(|| {
                let names: Vec<&str> = zhengce_core::cite::Kind::ALL
                    .iter()
                    .map(|k| k.name())
                    .collect();
                bad("kind", kind, &format!("one of {}", names.join(", ")))
            })?;
            options = options.kind(found);
        }
        match state {
            None => {}
            Some("done") => options = options.planned(false),
            Some("planned") => options = options.planned(true),
            Some(other) => return Err(bad("state", other, "\"done\" or \"planned\"")),
        }
        match by {
            None => {}
            Some("year") => options = options.by(GroupBy::Year),
            Some("issuer") => options = options.by(GroupBy::Issuer),
            Some(other) => return Err(bad("by", other, "\"year\" or \"issuer\"")),
        }
        if let Some(query) = query {
            options = options.query(query);
        }
        let rows = py.detach(|| self.index.laws(&options)).map_err(py_err)?;
        to_py(py, &rows)
    }

    /// The documents citing `title` however it is written (short name, full name, old name), as
    /// `zhengce cites --json`: dicts of `path`, `document_title`, `year`, `citation`, `sentence`
    /// and `highlight`, newest first. `inferred=False` leaves out titles named without marks.
    #[pyo3(signature = (title, *, inferred = true))]
    fn cites(&self, py: Python<'_>, title: &str, inferred: bool) -> PyResult<Py<PyAny>> {
        let hits = py
            .detach(|| self.index.cites(title, inferred))
            .map_err(py_err)?;
        to_py(py, &hits)
    }

    /// The document with this path, as `zhengce show --json`: a dict of `path`, `meta`,
    /// `encoding`, `bytes`, `outline` and `citations`; None when the index has no such document.
    fn show(&self, py: Python<'_>, path: &str) -> PyResult<Py<PyAny>> {
        let wanted = path.trim_start_matches("./").replace('\\', "/");
        let view = py.detach(|| self.index.document(&wanted)).map_err(py_err)?;
        to_py(py, &view)
    }
}

/// The module: functions, the `Index` class and the exceptions.
#[pymodule]
fn _zhengce(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    m.add_function(wrap_pyfunction!(walk, m)?)?;
    m.add_class::<PyIndex>()?;
    m.add("Error", py.get_type::<Error>())?;
    m.add("QueryError", py.get_type::<QueryError>())?;
    m.add("NoIndexError", py.get_type::<NoIndexError>())?;
    m.add("LockedError", py.get_type::<LockedError>())?;
    m.add("NotIndexedError", py.get_type::<NotIndexedError>())?;
    Ok(())
}
