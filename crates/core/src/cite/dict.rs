//! The dictionary of law titles (法规名称词典): national laws, administrative regulations, judicial
//! interpretations, departmental rules and the bundled local regulations with their level, dates
//! and status (`dict/laws.tsv`), the repealed laws and their successors (`dict/successors.tsv`),
//! common abbreviations (`dict/aliases.tsv`), and the titles and aliases a user adds. Facts derived from LawRefBook by `tools/lawdict`.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use fst::{IntoStreamer, Map, Streamer};
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::kind::Kind;
use super::title::{canonicalize, without_prc, PRC};
use crate::error::{Error, Result};

/// A law as the build compiled it (see `build.rs`).
#[doc(hidden)]
#[derive(Debug)]
pub struct RawLaw {
    title: &'static str,
    level: &'static str,
    kind: &'static str,
    region: &'static str,
    first: &'static str,
    latest: &'static str,
    repealed: bool,
    successors: &'static [&'static str],
}

mod built {
    use super::RawLaw;
    include!(concat!(env!("OUT_DIR"), "/law_entries.rs"));
}

static LAW_KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/law_keys.fst"));

/// Canonical title or alias → index in `built::LAWS`, compiled by the build.
fn keys() -> &'static Map<&'static [u8]> {
    static KEYS: OnceLock<Map<&'static [u8]>> = OnceLock::new();
    // Invariant: build.rs wrote these bytes with fst's own MapBuilder; `Map::new` only checks the
    // format it wrote, so this cannot fail.
    #[allow(clippy::expect_used)]
    KEYS.get_or_init(|| Map::new(LAW_KEYS).expect("build.rs writes a valid fst"))
}

/// The national laws and regulations in force, by index, with their titles (without the
/// 中华人民共和国 prefix) as characters.
fn national_titles() -> &'static [(usize, Vec<char>)] {
    static TITLES: OnceLock<Vec<(usize, Vec<char>)>> = OnceLock::new();
    TITLES.get_or_init(|| {
        built::LAWS
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                !l.repealed
                    && l.region.is_empty()
                    && matches!(l.kind, "law" | "administrative_regulation")
            })
            .map(|(i, l)| (i, without_prc(l.title).unwrap_or(l.title).chars().collect()))
            .collect()
    })
}

/// Whether `short` can be read out of `long` in order.
fn is_subsequence(short: &[char], long: &[char]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|c| rest.any(|l| l == c))
}

/// Whether a law is in force (时效性).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// 有效.
    Valid,
    /// 已废止.
    Repealed,
}

/// One law of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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

impl From<&RawLaw> for LawEntry {
    fn from(raw: &RawLaw) -> LawEntry {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        LawEntry {
            title: raw.title.to_owned(),
            level: raw.level.to_owned(),
            kind: Kind::from_name(raw.kind).unwrap_or(Kind::Other),
            region: text(raw.region),
            first: text(raw.first),
            latest: text(raw.latest),
            status: if raw.repealed {
                Status::Repealed
            } else {
                Status::Valid
            },
            successors: raw.successors.iter().map(|s| (*s).to_owned()).collect(),
        }
    }
}

/// Law titles and their aliases: the compiled dictionary and a user's own titles. Cheap to clone.
#[derive(Debug, Clone)]
pub struct LawDict {
    user: Option<Arc<UserTitles>>,
    fingerprint: u64,
}

/// A user's titles and aliases, looked up before the compiled dictionary.
#[derive(Debug, Default)]
struct UserTitles {
    entries: HashMap<String, LawEntry>,
    /// Alias → full title.
    aliases: HashMap<String, String>,
}

impl Default for LawDict {
    fn default() -> Self {
        LawDict::builtin()
    }
}

impl LawDict {
    /// The dictionary shipped with zhengce, compiled at build time: nothing is parsed at start-up.
    pub fn builtin() -> LawDict {
        LawDict {
            user: None,
            fingerprint: built::FINGERPRINT,
        }
    }

    /// The built-in dictionary plus a user's titles: lines of a title, a tab and a kind (a new
    /// title; kind as in [`Kind`], e.g. `normative_document`) or of an alias, a tab and a title
    /// (another way to write a title already known); `#` starts a comment.
    pub fn with_user_titles(text: &str) -> Result<LawDict> {
        let mut user = UserTitles::default();
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
                user.entries.insert(a.clone(), user_entry(&a, kind));
            } else {
                user.aliases.insert(a, canonicalize(b).title);
            }
        }
        Ok(LawDict {
            user: Some(Arc::new(user)),
            fingerprint: built::FINGERPRINT ^ xxh3_64(text.as_bytes()),
        })
    }

    /// The entry for a canonical title: exact, by alias (民法典 → 中华人民共和国民法典), with or
    /// without the 中华人民共和国 prefix, or as a repealed law's old name.
    pub fn resolve(&self, title: &str) -> Option<LawEntry> {
        self.lookup(title)
            .or_else(|| without_prc(title).and_then(|t| self.lookup(t)))
            .or_else(|| self.lookup(&format!("{PRC}{title}")))
    }

    /// The national law whose title `title` is a typo of: written with one or two characters
    /// left out (国家语言文字法 for 国家通用语言文字法, 反电信诈骗法 for 反电信网络诈骗法), the
    /// first character and the last two kept, and no other law fitting. Titles of four
    /// characters or fewer are never corrected.
    pub fn resolve_typo(&self, title: &str) -> Option<LawEntry> {
        let written: Vec<char> = without_prc(title).unwrap_or(title).chars().collect();
        if written.len() < 5 {
            return None;
        }
        let mut fits = national_titles().iter().filter(|(_, name)| {
            let extra = name.len().checked_sub(written.len());
            matches!(extra, Some(1..=2))
                && name.first() == written.first()
                && name[name.len() - 2..] == written[written.len() - 2..]
                && is_subsequence(&written, name)
        });
        let (at, _) = fits.next()?;
        if fits.next().is_some() {
            return None;
        }
        built::LAWS.get(*at).map(LawEntry::from)
    }

    fn lookup(&self, key: &str) -> Option<LawEntry> {
        if let Some(user) = &self.user {
            let full = user.aliases.get(key).map_or(key, String::as_str);
            if let Some(entry) = user.entries.get(full) {
                return Some(entry.clone());
            }
            if full != key {
                return self.builtin_lookup(full);
            }
        }
        self.builtin_lookup(key)
    }

    fn builtin_lookup(&self, key: &str) -> Option<LawEntry> {
        let at = usize::try_from(keys().get(key)?).ok()?;
        built::LAWS.get(at).map(LawEntry::from)
    }

    /// Every name (full title or alias) with the full title it stands for, for finding titles
    /// written without marks.
    pub fn names(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut stream = keys().into_stream();
        while let Some((name, at)) = stream.next() {
            let title = usize::try_from(at)
                .ok()
                .and_then(|at| built::LAWS.get(at))
                .map(|l| l.title);
            if let (Ok(name), Some(title)) = (std::str::from_utf8(name), title) {
                out.push((name.to_owned(), title.to_owned()));
            }
        }
        if let Some(user) = &self.user {
            out.extend(user.entries.keys().map(|t| (t.clone(), t.clone())));
            out.extend(user.aliases.iter().map(|(a, t)| (a.clone(), t.clone())));
        }
        out
    }

    /// A hash of the titles and aliases: an index records it, since citations are resolved when
    /// documents are indexed.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Number of titles.
    pub fn len(&self) -> usize {
        built::LAWS.len() + self.user.as_ref().map_or(0, |u| u.entries.len())
    }

    /// Whether the dictionary is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_laws_resolve_from_short_full_and_old_names() {
        let dict = LawDict::builtin();
        assert!(dict.len() > 3000);
        let full = |t: &str| dict.resolve(t).map(|r| r.title);
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
        assert_eq!(contract.status, Status::Repealed);
        assert_eq!(contract.successors, vec!["中华人民共和国民法典".to_owned()]);
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
        assert_eq!(r.kind, Kind::NormativeDocument);
        assert_eq!(r.region.as_deref(), Some("高台县"));
        assert!(LawDict::with_user_titles("no tab here").is_err());
    }
}
