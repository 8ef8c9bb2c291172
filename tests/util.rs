//! Test harness: every test gets a fresh temporary folder; the binary runs with a scrubbed
//! environment. Tests never write into the repository.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use zhengce_core::{Index, Result};

/// The bundled corpus in the repository (read only).
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The file name of the user's sample report in the corpus.
pub const SAMPLE: &str = "高台县科技局2024年法治建设工作总结.txt";

/// A temporary folder for one test.
pub struct Dir {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Dir {
    /// An empty folder.
    pub fn new() -> Dir {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().to_owned();
        Dir { _tmp: tmp, root }
    }

    /// A folder holding a copy of the corpus under `corpus/`.
    pub fn with_corpus() -> Dir {
        let dir = Dir::new();
        copy_dir(&corpus(), &dir.path().join("corpus"));
        dir
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// Writes `bytes` to `rel` (creating folders).
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(path, bytes).expect("write file");
    }

    /// Runs `zhengce` with `args` in this folder.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_zhengce"))
            .args(args)
            .current_dir(&self.root)
            .env_remove("NO_COLOR")
            .env_remove("RUST_BACKTRACE")
            .env_remove("RUST_LOG")
            .output()
            .expect("run zhengce");
        Run::from(output)
    }
}

/// What a run of the binary printed, and how it exited.
#[derive(Debug)]
pub struct Run {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

/// An in-memory index of the bundled corpus, built with one writer thread.
pub fn corpus_index() -> Result<Index> {
    let index = Index::create_in_ram()?;
    let mut writer = index.writer_with_threads(1)?;
    writer.add_folder(&corpus())?;
    writer.commit()?;
    Ok(index)
}

/// The paths of the documents matching `query` (all of them, not the closest documents that
/// lack a word), sorted.
pub fn paths(index: &Index, query: &str) -> Vec<String> {
    let options = zhengce_core::SearchOptions::default().limit(10_000);
    let mut paths: Vec<String> = index
        .search(query, &options)
        .expect("search")
        .hits
        .into_iter()
        .filter(|h| h.missing.is_empty())
        .map(|h| h.path)
        .collect();
    paths.sort();
    paths
}
