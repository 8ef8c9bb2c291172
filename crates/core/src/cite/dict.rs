//! The dictionary of law titles (法规名称词典): national laws, administrative regulations, judicial
//! interpretations, departmental rules and the bundled local regulations with their level, dates
//! and status (`dict/laws.tsv`), the repealed laws and their successors (`dict/successors.tsv`),
//! common abbreviations (`dict/aliases.tsv`), and the titles and aliases a user adds. Facts derived from LawRefBook by `tools/lawdict`.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::kind::Kind;
use super::title::{canonicalize, without_prc, PRC};
use crate::error::{Error, Result};

static LAWS_TSV: &str = include_str!("../../dict/laws.tsv");
static SUCCESSORS_TSV: &str = include_str!("../../dict/successors.tsv");
static ALIASES_TSV: &str = include_str!("../../dict/aliases.tsv");

/// Whether a law is in force (时效性).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 有效.
    Valid,
    /// 已废止.
    Repealed,
}

/// One law of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LawEntry {
    /// Full official title.
    pub title: String,
    /// Level (效力级别) in Chinese: 法律, 行政法规, 司法解释 …
    pub level: String,
    /// Kind of document.
    pub kind: Kind,
    /// Region of a local regulation.
    pub region: Option<String>,
    /// First promulgation date (YYYY-MM-DD).
    pub first: Option<String>,
    /// Date of the newest version (YYYY-MM-DD).
    pub latest: Option<String>,
    /// Valid or repealed.
    pub status: Status,
    /// The laws that replaced it, if repealed.
    pub successors: Vec<String>,
}

/// A title resolved against the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved<'a> {
    /// The full title.
    pub title: &'a str,
    /// Its entry.
    pub entry: &'a LawEntry,
}

/// Law titles and their aliases. Cheap to clone.
#[derive(Debug, Clone)]
pub struct LawDict {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// A hash of the data the dictionary was built from.
    fingerprint: u64,
    entries: HashMap<String, LawEntry>,
    /// Alias (canonical short or old form) → full title.
    aliases: HashMap<String, String>,
}

impl Default for LawDict {
    fn default() -> Self {
        LawDict::builtin()
    }
}

impl LawDict {
    /// The dictionary shipped with zhengce, parsed once per process.
    pub fn builtin() -> LawDict {
        static BUILTIN: OnceLock<LawDict> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let mut inner = Inner {
                    fingerprint: xxh3_64(
                        format!("{LAWS_TSV}\u{1f}{SUCCESSORS_TSV}\u{1f}{ALIASES_TSV}").as_bytes(),
                    ),
                    ..Inner::default()
                };
                inner.load_laws(LAWS_TSV);
                inner.load_successors(SUCCESSORS_TSV);
                inner.load_aliases(ALIASES_TSV);
                LawDict {
                    inner: Arc::new(inner),
                }
            })
            .clone()
    }

    /// The built-in dictionary plus a user's titles: lines of a title, a tab and a kind (a new
    /// title; kind as in [`Kind`], e.g. `normative_document`) or of an alias, a tab and a title (another way to
    /// write a title already known); `#` starts a comment.
    pub fn with_user_titles(text: &str) -> Result<LawDict> {
        let base = LawDict::builtin();
        let mut inner = Inner {
            fingerprint: base.inner.fingerprint ^ xxh3_64(text.as_bytes()),
            entries: LawDict::builtin().inner.entries.clone(),
            aliases: LawDict::builtin().inner.aliases.clone(),
        };
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (a, b) = line.split_once('\t').ok_or_else(|| {
                Error::Dictionary(format!(
                    "titles line {}: `{line}` needs two tab-separated columns",
                    n + 1
                ))
            })?;
            let (a, b) = (canonicalize(a.trim()).title, b.trim());
            if let Some(kind) = Kind::from_name(b) {
                inner.add_entry(user_entry(&a, kind));
            } else {
                let target = canonicalize(b).title;
                inner.aliases.insert(a, target);
            }
        }
        Ok(LawDict {
            inner: Arc::new(inner),
        })
    }

    /// The entry for a canonical title: exact, by alias (民法典 → 中华人民共和国民法典), with or
    /// without the 中华人民共和国 prefix, or as a repealed law's old name.
    pub fn resolve(&self, title: &str) -> Option<Resolved<'_>> {
        let inner = &*self.inner;
        let lookup = |key: &str| -> Option<Resolved<'_>> {
            let full = inner.entries.get_key_value(key).map(|(k, _)| k.as_str());
            let full = full.or_else(|| inner.aliases.get(key).map(String::as_str))?;
            let (title, entry) = inner.entries.get_key_value(full)?;
            Some(Resolved { title, entry })
        };
        lookup(title)
            .or_else(|| without_prc(title).and_then(lookup))
            .or_else(|| lookup(&format!("{PRC}{title}")))
    }

    /// Every full title with its aliases, for finding titles written without marks.
    pub fn names(&self) -> impl Iterator<Item = (&str, &str)> {
        let titles = self.inner.entries.keys().map(|t| (t.as_str(), t.as_str()));
        titles.chain(
            self.inner
                .aliases
                .iter()
                .map(|(a, t)| (a.as_str(), t.as_str())),
        )
    }

    /// A hash of the titles and aliases: an index records it, since citations are resolved when
    /// documents are indexed.
    pub fn fingerprint(&self) -> u64 {
        self.inner.fingerprint
    }

    /// Number of titles.
    pub fn len(&self) -> usize {
        self.inner.entries.len()
    }

    /// Whether the dictionary is empty.
    pub fn is_empty(&self) -> bool {
        self.inner.entries.is_empty()
    }
}

impl Inner {
    fn load_laws(&mut self, tsv: &str) {
        let mut lines = tsv.lines();
        let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
        let col = |name: &str| header.iter().position(|h| *h == name);
        let cols = [
            "title", "short", "level", "kind", "region", "first", "latest", "status",
        ]
        .map(col);
        for line in lines {
            let cells: Vec<&str> = line.split('\t').collect();
            let cell = |i: usize| {
                cols[i]
                    .and_then(|c| cells.get(c))
                    .copied()
                    .unwrap_or_default()
            };
            let title = canonicalize(cell(0)).title;
            if title.is_empty() {
                continue;
            }
            let entry = LawEntry {
                title: title.clone(),
                level: cell(2).to_owned(),
                kind: Kind::from_name(cell(3)).unwrap_or(Kind::Other),
                region: non_empty(cell(4)),
                first: non_empty(cell(5)),
                latest: non_empty(cell(6)),
                status: if cell(7) == "repealed" {
                    Status::Repealed
                } else {
                    Status::Valid
                },
                successors: Vec::new(),
            };
            let short = canonicalize(cell(1)).title;
            if !short.is_empty() && short != title {
                self.aliases.entry(short).or_insert_with(|| title.clone());
            }
            self.add_entry(entry);
        }
    }

    /// Old titles become entries of their own (status repealed) pointing at their successors.
    fn load_successors(&mut self, tsv: &str) {
        for line in tsv.lines().skip(1) {
            let mut cells = line.split('\t');
            let (Some(old), Some(new)) = (cells.next(), cells.next()) else {
                continue;
            };
            let (old, new) = (canonicalize(old).title, canonicalize(new).title);
            let kind = self.entries.get(&new).map_or(Kind::Law, |e| e.kind);
            let entry = self.entries.entry(old.clone()).or_insert_with(|| LawEntry {
                title: old.clone(),
                level: String::new(),
                kind,
                region: None,
                first: None,
                latest: None,
                status: Status::Repealed,
                successors: Vec::new(),
            });
            entry.status = Status::Repealed;
            if !entry.successors.contains(&new) {
                entry.successors.push(new);
            }
            if let Some(short) = without_prc(&old) {
                self.aliases
                    .entry(short.to_owned())
                    .or_insert_with(|| old.clone());
            }
        }
    }

    /// Abbreviations (科技进步法 → 中华人民共和国科学技术进步法), for titles already known.
    fn load_aliases(&mut self, tsv: &str) {
        let rows = tsv.lines().filter(|l| !l.starts_with('#')).skip(1);
        for (alias, title) in rows.filter_map(|l| l.split_once('\t')) {
            let (alias, title) = (canonicalize(alias).title, canonicalize(title).title);
            if self.entries.contains_key(&title) {
                self.aliases.insert(alias, title);
            }
        }
    }

    fn add_entry(&mut self, entry: LawEntry) {
        if let Some(short) = without_prc(&entry.title) {
            self.aliases
                .entry(short.to_owned())
                .or_insert_with(|| entry.title.clone());
        }
        self.entries.entry(entry.title.clone()).or_insert(entry);
    }
}

fn user_entry(title: &str, kind: Kind) -> LawEntry {
    LawEntry {
        title: title.to_owned(),
        level: String::new(),
        kind,
        region: crate::region::leading_region(title),
        first: None,
        latest: None,
        status: Status::Valid,
        successors: Vec::new(),
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_laws_resolve_from_short_full_and_old_names() {
        let dict = LawDict::builtin();
        assert!(dict.len() > 3000);
        let full = |t: &str| dict.resolve(t).map(|r| r.title.to_owned());
        assert_eq!(full("民法典").as_deref(), Some("中华人民共和国民法典"));
        assert_eq!(full("宪法").as_deref(), Some("中华人民共和国宪法"));
        assert_eq!(
            full("科学技术进步法").as_deref(),
            Some("中华人民共和国科学技术进步法")
        );
        assert_eq!(
            full("中华人民共和国科学技术进步法").as_deref(),
            Some("中华人民共和国科学技术进步法")
        );
        assert_eq!(
            full("优化营商环境条例").as_deref(),
            Some("优化营商环境条例")
        );
        let contract = dict.resolve("合同法").unwrap();
        assert_eq!(contract.title, "中华人民共和国合同法");
        assert_eq!(contract.entry.status, Status::Repealed);
        assert_eq!(
            contract.entry.successors,
            vec!["中华人民共和国民法典".to_owned()]
        );
        assert!(dict.resolve("高台县科技特派员管理办法").is_none());
        assert_eq!(
            full("科技进步法").as_deref(),
            Some("中华人民共和国科学技术进步法")
        );
        assert_eq!(full("营商环境条例").as_deref(), Some("优化营商环境条例"));
    }

    #[test]
    fn users_add_titles_and_aliases() {
        let dict = LawDict::with_user_titles(
            "# 县里的文件\n高台县科技特派员管理办法\tnormative_document\n特派员办法\t高台县科技特派员管理办法\n",
        )
        .unwrap();
        let r = dict.resolve("特派员办法").unwrap();
        assert_eq!(r.title, "高台县科技特派员管理办法");
        assert_eq!(r.entry.kind, Kind::NormativeDocument);
        assert_eq!(r.entry.region.as_deref(), Some("高台县"));
        assert!(LawDict::with_user_titles("no tab here").is_err());
    }
}
