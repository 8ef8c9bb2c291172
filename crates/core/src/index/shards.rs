//! One index made of indexes built apart (分片, shards): the parts of a folder that several
//! processes or machines indexed on their own become one index by copying their segments, not by
//! indexing the text again.
//!
//! A search over several segments scores as a search over one: tantivy sums the BM25 statistics
//! (documents, document frequencies, tokens) over all the segments of an index. The merged index
//! therefore ranks exactly as an index built at once from the same files.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use tantivy::directory::{Directory, TerminatingWrite};
use tantivy::index::{SegmentComponent, SegmentMeta};

use super::{Index, IndexBuilder};
use crate::error::{Error, Result};

/// The name of tantivy's list of segments, written last: it makes the merge visible at once.
const META_FILE: &str = "meta.json";

impl IndexBuilder {
    /// Creates in `dir` one index holding every document of the indexes in `shards`: parts of
    /// one folder indexed apart, for example by several machines with
    /// [`IndexWriter::add_files`](crate::IndexWriter::add_files). The shards' segments are copied
    /// as they are (the text is not indexed again), so searches give the same hits and scores as
    /// an index of all the files built at once, and the index keeps each file's size,
    /// modification time and hash: a later [`IndexWriter::update_folder`] of the same folder
    /// reads only what changed since.
    ///
    /// Each shard must be a zhengce index built with this builder's analyzer and law titles
    /// ([`Error::Incompatible`] otherwise), and no two shards may hold the same path
    /// ([`Error::Path`]). The shards are only read; an index already in `dir` is replaced, and
    /// nothing is visible in `dir` before every segment is copied.
    ///
    /// [`IndexWriter::update_folder`]: crate::IndexWriter::update_folder
    pub fn create_merged(self, dir: &Path, shards: &[PathBuf]) -> Result<Index> {
        let opened = self.open_shards(dir, shards)?;
        let index = self.create_in_dir(dir)?;
        let target = index.inner.directory();
        let mut segments = Vec::new();
        let mut opstamp = 0;
        for (shard, path) in opened.iter().zip(shards) {
            let metas = shard.inner.load_metas().map_err(|e| shard.read_error(e))?;
            opstamp = opstamp.max(metas.opstamp);
            for segment in &metas.segments {
                copy_segment(shard, segment, target).map_err(|message| Error::Path {
                    path: path.clone(),
                    message,
                })?;
            }
            segments.extend(metas.segments);
        }
        let mut meta = index.inner.load_metas().map_err(crate::error::tantivy)?;
        meta.segments = segments;
        meta.opstamp = opstamp;
        meta.payload = Some(format!("zhengce: merged from {} shards", shards.len()));
        let mut text = serde_json::to_vec_pretty(&meta).map_err(|e| Error::Index(e.to_string()))?;
        text.push(b'\n');
        target.sync_directory().map_err(|e| Error::io(dir, e))?;
        target
            .atomic_write(Path::new(META_FILE), &text)
            .map_err(|e| Error::io(dir.join(META_FILE), e))?;
        index.reload()?;
        Ok(index)
    }

    /// Opens every shard with this builder, refusing `dir` itself among them and a path held by
    /// two shards.
    fn open_shards(&self, dir: &Path, shards: &[PathBuf]) -> Result<Vec<Index>> {
        let target = std::fs::canonicalize(dir).ok();
        let mut owners: HashMap<String, usize> = HashMap::new();
        let mut opened = Vec::with_capacity(shards.len());
        for (i, path) in shards.iter().enumerate() {
            let inside = match (&target, std::fs::canonicalize(path)) {
                (Some(target), Ok(shard)) => shard.starts_with(target),
                _ => false,
            };
            if inside {
                return Err(Error::Path {
                    path: path.clone(),
                    message: format!(
                        "the shard is inside {}, which the merged index replaces; choose another folder",
                        dir.display()
                    ),
                });
            }
            let shard = self.clone().open_in_dir(path)?;
            for doc in shard.file_states()?.into_keys() {
                if let Some(&other) = owners.get(&doc) {
                    return Err(Error::Path {
                        path: path.clone(),
                        message: format!(
                            "holds {doc}, which the shard {} holds too; each file belongs to one shard",
                            shards[other].display()
                        ),
                    });
                }
                owners.insert(doc, i);
            }
            opened.push(shard);
        }
        Ok(opened)
    }
}

impl Index {
    /// Creates in `dir` one index of the documents of `shards`, with the built-in analyzer and
    /// law titles: see [`IndexBuilder::create_merged`].
    pub fn create_merged(dir: &Path, shards: &[PathBuf]) -> Result<Index> {
        Index::builder().create_merged(dir, shards)
    }
}

/// Copies the files of one segment of `shard` into `target`, through tantivy's directories: the
/// copies are registered as the target's own files (removed when a later merge replaces them),
/// and their checksums are written anew.
fn copy_segment(
    shard: &Index,
    segment: &SegmentMeta,
    target: &dyn Directory,
) -> std::result::Result<(), String> {
    let mut components = vec![
        SegmentComponent::Postings,
        SegmentComponent::Positions,
        SegmentComponent::FastFields,
        SegmentComponent::FieldNorms,
        SegmentComponent::Terms,
        SegmentComponent::Store,
    ];
    if segment.delete_opstamp().is_some() {
        components.push(SegmentComponent::Delete);
    }
    let source = shard.inner.directory();
    for component in components {
        let file = segment.relative_path(component);
        if !source.exists(&file).map_err(|e| e.to_string())? {
            continue;
        }
        let bytes = source
            .open_read(&file)
            .and_then(|slice| {
                slice.read_bytes().map_err(|e| {
                    tantivy::directory::error::OpenReadError::wrap_io_error(e, file.clone())
                })
            })
            .map_err(|e| e.to_string())?;
        let mut out = target.open_write(&file).map_err(|e| e.to_string())?;
        out.write_all(bytes.as_slice())
            .and_then(|()| out.terminate())
            .map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}
