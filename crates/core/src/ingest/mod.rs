//! Ingest (读取): walking a folder, reading and decoding files, and the metadata and outline of
//! each document. Knows nothing of the index.

mod decode;
pub mod format;
pub mod frontmatter;
mod furniture;
pub mod meta;
pub mod outline;

use std::path::{Path, PathBuf};

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use crate::skip::{SkipReason, Skipped};
pub use decode::{decode, Decoded};
pub use furniture::is_furniture;
pub use meta::{Metadata, Period};
pub use outline::{outline, section_path, Heading};

pub use crate::skip::MAX_FILE_BYTES;

/// A document ready to index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// Path relative to the indexed folder, with `/` separators: the document's id.
    pub path: String,
    /// Title, date, year, issuer, region, kind and document number.
    pub meta: Metadata,
    /// The full text as decoded (a Markdown file's front matter included).
    pub body: String,
    /// The encoding the file was in (`utf-8`, `gb18030`, `gbk`, …; `pdf` for a PDF's text layer);
    /// empty for text given directly.
    pub encoding: String,
    /// Size, modification time and hash of the file it was read from (none for text given
    /// directly): what an update compares to tell whether the file changed.
    pub file: Option<FileState>,
}

/// What an index remembers of a file, to tell later whether it changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since 1970.
    pub mtime: u64,
    /// A hash of the bytes (xxh3).
    pub hash: u64,
}

impl Document {
    /// A document from text: the metadata is found in the text (and a Markdown file's front
    /// matter) as for a file named `path`.
    pub fn from_text(path: &str, body: &str) -> Document {
        let name = path.rsplit('/').next().unwrap_or(path);
        Document {
            path: path.to_owned(),
            meta: meta::of_file(body, name),
            body: body.to_owned(),
            encoding: String::new(),
            file: None,
        }
    }

    /// Reads the file at `file` as a folder update would (Word, PDF, HTML or text in any common
    /// encoding), with `path` as its id in the index: for example its path relative to the
    /// folder it belongs to. A file an update would skip is an [`Error::NotIndexed`] saying why.
    ///
    /// [`Error::NotIndexed`]: crate::Error::NotIndexed
    pub fn from_file(file: &Path, path: &str) -> crate::Result<Document> {
        let mut source = SourceFile {
            full_path: file.to_path_buf(),
            path: path.to_owned(),
            size: 0,
            mtime: 0,
        };
        let meta = std::fs::metadata(file).map_err(|e| crate::Error::io(file, e))?;
        if !meta.is_file() {
            // A folder or a FIFO: reading a FIFO would wait for a writer for ever.
            return Err(crate::Error::Path {
                path: file.to_path_buf(),
                message: "not a regular file".into(),
            });
        }
        stat(&mut source);
        source.size = meta.len(); // of the file a symbolic link names
        read(&source).map_err(|reason| crate::Error::NotIndexed {
            path: file.to_path_buf(),
            reason,
        })
    }
}

/// A file found by [`walk`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Where it is.
    pub full_path: PathBuf,
    /// Path relative to the walked folder, with `/` separators.
    pub path: String,
    /// Size in bytes, when the walk saw it.
    pub size: u64,
    /// Modification time in nanoseconds since 1970, when the walk saw it (0 if unknown).
    pub mtime: u64,
}

/// Name of the file of ignore rules (gitignore syntax) read from the top of an indexed folder.
pub const IGNORE_FILE: &str = ".zhengceignore";

/// Walks `root` in sorted order and returns the files to read, and the files skipped. Hidden
/// files and folders (name starting with `.`), the folder `exclude` (the index) and whatever the
/// root's `.zhengceignore` matches are left out; symbolic links are not followed.
pub fn walk(root: &Path, exclude: Option<&Path>) -> (Vec<SourceFile>, Vec<Skipped>) {
    let options = WalkOptions {
        index_dir: exclude.map(Path::to_owned),
        exclude: Vec::new(),
    };
    walk_with(root, &options)
}

/// What a walk leaves out besides hidden entries and `.zhengceignore`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalkOptions {
    /// The index folder, never read as documents.
    pub index_dir: Option<PathBuf>,
    /// Patterns of paths to leave out, in gitignore syntax (`drafts/`, `*.bak`, `2019*`).
    pub exclude: Vec<String>,
}

/// [`walk`] with options.
pub fn walk_with(root: &Path, options: &WalkOptions) -> (Vec<SourceFile>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let ignore = ignore_rules(root, &options.exclude, &mut skipped);
    let exclude = options.index_dir.as_deref();
    // Sorted once at the end: walkdir's sort_by_file_name costs more than the walk itself.
    let walker = WalkDir::new(root).follow_links(false).into_iter();
    let has_rules = !ignore.is_empty();
    let walker = walker.filter_entry(|e| {
        e.depth() == 0
            || (!is_hidden(e.file_name())
                && exclude.is_none_or(|x| e.path().as_os_str() != x.as_os_str())
                && !(has_rules && ignore.matched(e.path(), e.file_type().is_dir()).is_ignore()))
    });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map_or_else(String::new, |p| relative(root, p));
                skipped.push(Skipped {
                    path,
                    reason: SkipReason::Unreadable(io_message(&err)),
                });
                continue;
            }
        };
        if entry.file_type().is_symlink() {
            let path = relative(root, entry.path());
            skipped.push(Skipped {
                path,
                reason: SkipReason::Symlink,
            });
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let path = relative(root, entry.path());
        match extension(entry.path()) {
            Some(ext) if format::reads(&ext) => {
                files.push(SourceFile {
                    full_path: entry.into_path(),
                    path,
                    size: 0,
                    mtime: 0,
                });
            }
            ext => skipped.push(Skipped {
                path,
                reason: format::not_read(&ext.unwrap_or_default()),
            }),
        }
    }
    files.sort_by_cached_key(|f| walk_order(&f.full_path));
    stat_all(&mut files);
    (files, skipped)
}

/// The key that sorts paths as a walk sorted by name in every folder would list them: a
/// separator sorts before any other byte, so that the files of folder `a` come before `a.txt`.
fn walk_order(path: &Path) -> Vec<u8> {
    let bytes = path.as_os_str().as_encoded_bytes().iter();
    bytes
        .map(|&b| {
            if std::path::is_separator(char::from(b)) {
                0
            } else {
                b
            }
        })
        .collect()
}

/// Fills in the size and modification time of `files`, on a few threads: a folder of thousands
/// of files is listed in milliseconds but takes one system call per file to stat.
fn stat_all(files: &mut [SourceFile]) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 4));
    let chunk = files.len().div_ceil(threads).max(256);
    std::thread::scope(|scope| {
        for part in files.chunks_mut(chunk) {
            scope.spawn(move || stat_in_folders(part));
        }
    });
}

/// Stats `files` (in walk order, so that the files of a folder come together), each relative to
/// its open folder: the kernel resolves the folder's path once, not once per file.
#[cfg(unix)]
fn stat_in_folders(files: &mut [SourceFile]) {
    use rustix::fs::{AtFlags, Mode, OFlags};
    let mut folder: Option<(PathBuf, rustix::fd::OwnedFd)> = None;
    for file in files {
        let (Some(parent), Some(name)) = (file.full_path.parent(), file.full_path.file_name())
        else {
            stat(file);
            continue;
        };
        if folder.as_ref().is_none_or(|(p, _)| p != parent) {
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            folder = rustix::fs::open(parent, flags, Mode::empty())
                .ok()
                .map(|fd| (parent.to_owned(), fd));
        }
        let Some((_, fd)) = &folder else {
            stat(file);
            continue;
        };
        // The fields' integer types differ between platforms.
        #[allow(clippy::useless_conversion)]
        if let Ok(st) = rustix::fs::statat(fd, name, AtFlags::SYMLINK_NOFOLLOW) {
            file.size = u64::try_from(st.st_size).unwrap_or(0);
            // As `stat` computes it from std's `modified()`: 0 before 1970.
            file.mtime = u64::try_from(st.st_mtime).map_or(0, |secs| {
                secs.saturating_mul(1_000_000_000)
                    .saturating_add(u64::try_from(st.st_mtime_nsec).unwrap_or(0))
            });
        }
    }
}

#[cfg(not(unix))]
fn stat_in_folders(files: &mut [SourceFile]) {
    files.iter_mut().for_each(stat);
}

/// The file `path` (relative, `/` separators) of the folder `root`, with its size and
/// modification time, as [`walk`] would list it; or why it is not read: a symbolic link, not a
/// regular file, a path leading out of the folder, a format not read.
pub(crate) fn source_file(root: &Path, path: &str) -> Result<SourceFile, SkipReason> {
    let inside = Path::new(path)
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if path.is_empty() || !inside {
        return Err(SkipReason::Unreadable(
            "not a relative path inside the folder".to_owned(),
        ));
    }
    let full_path = root.join(path);
    let meta =
        std::fs::symlink_metadata(&full_path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if meta.file_type().is_symlink() {
        return Err(SkipReason::Symlink);
    }
    if !meta.is_file() {
        return Err(SkipReason::Unreadable("not a regular file".to_owned()));
    }
    match extension(&full_path) {
        Some(ext) if format::reads(&ext) => {}
        ext => return Err(format::not_read(&ext.unwrap_or_default())),
    }
    let mut file = SourceFile {
        full_path,
        path: path.to_owned(),
        size: 0,
        mtime: 0,
    };
    stat(&mut file);
    Ok(file)
}

/// Reads one file found by [`walk`] and extracts its text in its format ([`format::extract`]).
pub fn read(file: &SourceFile) -> Result<Document, SkipReason> {
    if file.size > MAX_FILE_BYTES {
        return Err(SkipReason::TooLarge(file.size));
    }
    let bytes =
        std::fs::read(&file.full_path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    let found = format::extract(&extension(&file.full_path).unwrap_or_default(), &bytes)?;
    let name = file.path.rsplit('/').next().unwrap_or(&file.path);
    Ok(Document {
        path: file.path.clone(),
        meta: format::metadata(&found, name),
        body: found.text,
        encoding: found.encoding,
        file: Some(FileState {
            size: file.size,
            mtime: file.mtime,
            hash: content_hash(&bytes),
        }),
    })
}

/// The hash an index keeps of a file's bytes.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Sets the size and modification time (nanoseconds since 1970) of a walked file; zeros if unknown
/// (the file is then read, and reported if it cannot be).
fn stat(file: &mut SourceFile) {
    let Ok(meta) = std::fs::symlink_metadata(&file.full_path) else {
        return;
    };
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    file.size = meta.len();
    file.mtime = mtime.map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
}

/// The rules of `root/.zhengceignore` and the `exclude` patterns; a malformed line is reported
/// and the others apply.
fn ignore_rules(root: &Path, exclude: &[String], skipped: &mut Vec<Skipped>) -> Gitignore {
    let mut builder = GitignoreBuilder::new(root);
    let path = root.join(IGNORE_FILE);
    if path.is_file() {
        if let Some(err) = builder.add(&path) {
            skipped.push(Skipped {
                path: IGNORE_FILE.to_owned(),
                reason: SkipReason::Unreadable(err.to_string()),
            });
        }
    }
    for pattern in exclude {
        if let Err(err) = builder.add_line(None, pattern) {
            skipped.push(Skipped {
                path: format!("--exclude {pattern}"),
                reason: SkipReason::Unreadable(err.to_string()),
            });
        }
    }
    builder.build().unwrap_or_else(|err| {
        skipped.push(Skipped {
            path: IGNORE_FILE.to_owned(),
            reason: SkipReason::Unreadable(err.to_string()),
        });
        Gitignore::empty()
    })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

fn extension(path: &Path) -> Option<String> {
    path.extension().map(|e| e.to_string_lossy().to_lowercase())
}

/// `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path).to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        rel.trim_start_matches('/').to_owned()
    } else {
        rel.replace(std::path::MAIN_SEPARATOR, "/")
            .trim_start_matches('/')
            .to_owned()
    }
}

fn io_message(err: &walkdir::Error) -> String {
    err.io_error()
        .map_or_else(|| err.to_string(), ToString::to_string)
}
