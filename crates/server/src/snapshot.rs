//! One commit of the index as requests see it: an index handle whose reader stays on that commit,
//! with the document ids of its documents. The watcher publishes a new snapshot after each
//! update; a request takes the current one once and works on it to the end.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, RwLock};

use zhengce_core::{Index, IndexBuilder};

use crate::error::Result;

/// The opaque id of the document at `path` (relative to the folder, `/` separators): 16 hex
/// digits of its path's xxh3 hash. Stable across restarts and updates of the document; it
/// reveals nothing of the path and is never read as one.
///
/// ```
/// let id = zhengce_server::document_id("2024/工作总结.txt");
/// assert_eq!(id.len(), 16);
/// assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
/// assert_eq!(id, zhengce_server::document_id("2024/工作总结.txt"));
/// ```
pub fn document_id(path: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(path.as_bytes()))
}

/// An index handle on one commit, and the paths of its documents by id.
pub(crate) struct Snapshot {
    /// Its own reader, never reloaded: every search through it sees the same commit.
    pub index: Index,
    paths: HashMap<String, String>,
}

impl Snapshot {
    /// Opens the last commit of the index in `dir`.
    pub fn open(builder: &IndexBuilder, dir: &Path) -> Result<Snapshot> {
        let index = builder.clone().open_in_dir(dir)?;
        let paths = index
            .file_states()?
            .into_keys()
            .map(|path| (document_id(&path), path))
            .collect();
        Ok(Snapshot { index, paths })
    }

    /// The path of the document with this id.
    pub fn path_of(&self, id: &str) -> Option<&str> {
        self.paths.get(id).map(String::as_str)
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.paths.len()
    }
}

/// The current snapshot, replaced as a whole by the watcher.
pub(crate) struct Shared {
    current: RwLock<Arc<Snapshot>>,
}

impl Shared {
    pub fn new(first: Snapshot) -> Shared {
        Shared {
            current: RwLock::new(Arc::new(first)),
        }
    }

    /// The snapshot to answer a request with.
    pub fn current(&self) -> Arc<Snapshot> {
        // The lock only guards an Arc swap, which cannot panic half-way: a poisoned lock still
        // holds a whole snapshot.
        Arc::clone(&self.current.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Makes `next` the snapshot of the requests that start from now on.
    pub fn publish(&self, next: Snapshot) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(next);
    }
}
