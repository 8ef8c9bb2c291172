//! Short names of the field (简称): 八五普法, 宪法日, 放管服 … and what each stands for, applied
//! when a query runs: a term that is a short name also finds each of its expansions, while the
//! typed form still matches as written. The built-in table is `dict/shortnames.tsv`; a folder's
//! `.zhengcetitles` adds lines `SHORT<TAB>short<TAB>EXPANSION` (see [`ShortNames::with_lines`]).

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use super::query::{parse, Query};
use crate::error::{Error, Result};
use crate::segment::normalize;

static BUILTIN: &str = include_str!("../../dict/shortnames.tsv");

/// The word in the middle column of a `.zhengcetitles` line that makes it a short name.
pub const SHORT_MARKER: &str = "short";

/// Short names and their expansions. Cheap to clone; the default is the built-in table.
#[derive(Debug, Clone)]
pub struct ShortNames {
    /// Normalized short name → the queries it stands for, in the order given.
    map: Arc<BTreeMap<String, Vec<Query>>>,
}

impl Default for ShortNames {
    fn default() -> Self {
        ShortNames::builtin()
    }
}

impl ShortNames {
    /// A table without any short name.
    pub fn empty() -> ShortNames {
        ShortNames {
            map: Arc::new(BTreeMap::new()),
        }
    }

    /// The table shipped with zhengce (`dict/shortnames.tsv`).
    pub fn builtin() -> ShortNames {
        static TABLE: OnceLock<ShortNames> = OnceLock::new();
        TABLE
            .get_or_init(|| {
                let mut map = BTreeMap::new();
                // The built-in table is checked by a test; a line that does not parse is left out
                // rather than failing every search.
                let _ = add_lines(&mut map, BUILTIN, false);
                ShortNames { map: Arc::new(map) }
            })
            .clone()
    }

    /// This table with the short names of `text` added: lines `SHORT<TAB>EXPANSION` when
    /// `marked` is false (the format of `dict/shortnames.tsv`, whose first line, `short`, a tab and `expansion`,
    /// is a header), or `SHORT<TAB>short<TAB>EXPANSION` when it is true (a `.zhengcetitles`, whose
    /// other lines are law titles and are skipped here). An expansion is a query: words (each
    /// required), "a phrase", `OR`; no filters. `#` starts a comment.
    pub fn with_lines(&self, text: &str, marked: bool) -> Result<ShortNames> {
        let mut map = (*self.map).clone();
        add_lines(&mut map, text, marked)?;
        Ok(ShortNames { map: Arc::new(map) })
    }

    /// The expansions of the normalized term `term` (none when it is no short name).
    pub fn expansions(&self, term: &str) -> &[Query] {
        self.map.get(term).map_or(&[], Vec::as_slice)
    }

    /// The short names, normalized, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }

    /// Number of short names.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Whether a `.zhengcetitles` line is a short-name line (`SHORT<TAB>short<TAB>EXPANSION`).
pub(crate) fn is_short_name_line(line: &str) -> bool {
    line.split('\t')
        .nth(1)
        .is_some_and(|c| c.trim() == SHORT_MARKER)
}

fn add_lines(map: &mut BTreeMap<String, Vec<Query>>, text: &str, marked: bool) -> Result<()> {
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed == "short\texpansion" {
            continue;
        }
        if marked && !is_short_name_line(line) {
            continue;
        }
        let bad = |why: &str| Error::Dictionary(format!("short names line {}: {why}", n + 1));
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let (short, expansion) = match (marked, cols.as_slice()) {
            (false, [short, expansion]) | (true, [short, _, expansion]) => (*short, *expansion),
            _ => {
                return Err(bad(&format!(
                    "`{trimmed}` needs a short name, a tab, {}and what it stands for, for example \
                     `放管服\t{}简政放权 放管结合 优化服务`",
                    if marked { "`short`, a tab " } else { "" },
                    if marked { "short\t" } else { "" }
                )))
            }
        };
        let key = normalize(short).text;
        if !key.chars().any(char::is_alphanumeric) {
            return Err(bad(&format!(
                "`{short}` has no letters, digits or characters"
            )));
        }
        let query = parse(expansion).map_err(|e| bad(&e.to_string()))?;
        if has_filter(&query) {
            return Err(bad(&format!(
                "`{expansion}`: an expansion holds words and phrases, not filters"
            )));
        }
        let entry = map.entry(key).or_default();
        if !entry.contains(&query) {
            entry.push(query);
        }
    }
    Ok(())
}

fn has_filter(q: &Query) -> bool {
    match q {
        Query::Filter(_) => true,
        Query::Term(_) | Query::Phrase(_) => false,
        Query::Not(inner) => has_filter(inner),
        Query::And(qs) | Query::Or(qs) => qs.iter().any(has_filter),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_table_parses_whole() {
        let mut map = BTreeMap::new();
        add_lines(&mut map, BUILTIN, false).unwrap();
        assert_eq!(ShortNames::builtin().len(), map.len());
        for name in ["八五普法", "七五普法", "宪法日", "放管服", "谁执法谁普法"]
        {
            assert!(!ShortNames::builtin().expansions(name).is_empty(), "{name}");
        }
    }

    #[test]
    fn users_add_short_names_and_errors_name_the_line() {
        let text = "高台县科技特派员管理办法\tnormative_document\n# 简称\n三服务\tshort\t服务企业 服务群众 服务基层\n";
        let table = ShortNames::builtin().with_lines(text, true).unwrap();
        assert_eq!(table.expansions("三服务").len(), 1);
        assert!(table.expansions("高台县科技特派员管理办法").is_empty());
        let err = ShortNames::empty()
            .with_lines("a\tshort\tyear:2024", true)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 1") && err.contains("not filters"),
            "{err}"
        );
        let err = ShortNames::empty()
            .with_lines("只有一列", false)
            .unwrap_err()
            .to_string();
        assert!(err.contains("needs a short name"), "{err}");
        assert!(is_short_name_line("a\t short \tb"));
        assert!(!is_short_name_line("a\tb"));
    }
}
