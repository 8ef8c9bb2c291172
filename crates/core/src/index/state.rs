//! The file `zhengce.json` beside the tantivy files: what built the index, checked on open.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Name of the state file inside the index folder.
pub const STATE_FILE: &str = "zhengce.json";
const FORMAT: &str = "zhengce-index";

/// What an index records about the code that built it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Always `zhengce-index`.
    pub format: String,
    /// The schema version.
    pub schema_version: u32,
    /// The analyzer fingerprint (rules and dictionary).
    pub analyzer: String,
    /// The zhengce version that created the index.
    pub created_by: String,
}

impl State {
    /// The state this build writes.
    pub fn current(analyzer: String) -> State {
        State {
            format: FORMAT.to_owned(),
            schema_version: super::schema::SCHEMA_VERSION,
            analyzer,
            created_by: format!("zhengce {}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// Reads the state of the index in `dir`.
    pub fn read(dir: &Path) -> Result<State> {
        let path = dir.join(STATE_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::NotAnIndex {
            path: dir.to_owned(),
            reason: format!("cannot read {STATE_FILE}: {e}"),
        })?;
        let state: State = serde_json::from_str(&text).map_err(|e| Error::NotAnIndex {
            path: dir.to_owned(),
            reason: format!("{STATE_FILE} is malformed: {e}"),
        })?;
        if state.format != FORMAT {
            return Err(Error::NotAnIndex {
                path: dir.to_owned(),
                reason: format!("{STATE_FILE} has format `{}`", state.format),
            });
        }
        Ok(state)
    }

    /// Writes the state into `dir` (atomically: a temporary file renamed over the old one).
    pub fn write(&self, dir: &Path) -> Result<()> {
        let path = dir.join(STATE_FILE);
        let tmp = dir.join(format!("{STATE_FILE}.tmp"));
        let text = serde_json::to_string_pretty(self).map_err(|e| Error::Index(e.to_string()))?;
        std::fs::write(&tmp, text).map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))
    }

    /// Describes the differences with `expected`, or `None` when the index is compatible.
    pub fn mismatch(&self, expected: &State) -> Option<(String, String)> {
        if self.schema_version != expected.schema_version {
            return Some((
                format!("schema {}", self.schema_version),
                format!("schema {}", expected.schema_version),
            ));
        }
        if self.analyzer != expected.analyzer {
            return Some((
                format!("analyzer {}", self.analyzer),
                format!("analyzer {}", expected.analyzer),
            ));
        }
        None
    }
}
