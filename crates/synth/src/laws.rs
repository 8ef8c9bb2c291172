//! The law titles documents cite, taken from the project's dictionary (`crates/core/dict/laws.tsv`
//! and `aliases.tsv`, embedded at build time): for each bureau the laws of its field, the general
//! laws every bureau cites, and each province's regulations.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::vocab::{Bureau, BUREAUS, GENERAL_LAWS};

/// The dictionary of laws: `title short level kind region first latest status`, tab-separated.
const LAWS_TSV: &str = include_str!("../../core/dict/laws.tsv");
/// Common abbreviations: `alias title`, tab-separated.
const ALIASES_TSV: &str = include_str!("../../core/dict/aliases.tsv");

/// The prefix of national law titles.
pub const PRC: &str = "中华人民共和国";

/// A citable title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Law {
    /// Full official title (中华人民共和国民法典), a title inside it in 〈〉.
    pub title: String,
    /// Short title (民法典): the title without 中华人民共和国, or the same.
    pub short: String,
    /// A common abbreviation (科技进步法), if the dictionary lists one.
    pub alias: Option<String>,
}

impl Law {
    fn as_written(title: &str) -> Law {
        Law {
            title: title.to_owned(),
            short: title.strip_prefix(PRC).unwrap_or(title).to_owned(),
            alias: None,
        }
    }
}

/// The titles, grouped the way documents choose them.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Laws of each bureau's field, in the order of `BUREAUS`.
    pub by_bureau: Vec<Vec<Law>>,
    /// The laws every bureau cites.
    pub general: Vec<Law>,
    /// Valid local regulations by province (山东省 …).
    pub local: BTreeMap<String, Vec<Law>>,
    /// Number of valid titles read from the dictionary.
    pub titles_read: usize,
}

/// The catalog, built on first use.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| build(LAWS_TSV, ALIASES_TSV))
}

/// A row of `laws.tsv`.
struct Row<'a> {
    title: &'a str,
    short: &'a str,
    kind: &'a str,
    region: &'a str,
}

fn rows(tsv: &str) -> impl Iterator<Item = Row<'_>> {
    tsv.lines().skip(1).filter_map(|line| {
        let cols: Vec<&str> = line.split('\t').collect();
        match cols.as_slice() {
            [title, short, _level, kind, region, _first, _latest, status, ..]
                if *status == "valid" =>
            {
                Some(Row {
                    title,
                    short,
                    kind,
                    region,
                })
            }
            _ => None,
        }
    })
}

/// Whether a title reads like a law or regulation a county document would cite by name (not an
/// amendment, a decision or an interpretation).
fn citable(title: &str) -> bool {
    let chars = title.chars().count();
    (4..=30).contains(&chars)
        && !["修正案", "决定", "关于", "解释", "答复", "批复", "（"]
            .iter()
            .any(|w| title.contains(w))
}

fn build(laws_tsv: &str, aliases_tsv: &str) -> Catalog {
    let mut aliases: BTreeMap<&str, &str> = BTreeMap::new();
    for line in aliases_tsv.lines().filter(|l| !l.starts_with('#')).skip(1) {
        if let Some((alias, title)) = line.split_once('\t') {
            aliases.entry(title.trim()).or_insert(alias.trim());
        }
    }
    let mut national: Vec<Law> = Vec::new();
    let mut by_short: BTreeMap<String, Law> = BTreeMap::new();
    let mut local: BTreeMap<String, Vec<Law>> = BTreeMap::new();
    let mut titles_read = 0;
    for row in rows(laws_tsv) {
        titles_read += 1;
        if !citable(row.title) {
            continue;
        }
        // A title nested in a title is written in 〈〉 inside 《》, as documents write it.
        let nested = |t: &str| t.replace('《', "〈").replace('》', "〉");
        let law = Law {
            title: nested(row.title),
            short: nested(if row.short.is_empty() {
                row.title
            } else {
                row.short
            }),
            alias: aliases.get(row.title).map(|a| (*a).to_owned()),
        };
        match row.kind {
            "law" | "administrative_regulation" => {
                by_short.entry(law.short.clone()).or_insert(law.clone());
                national.push(law);
            }
            // A provincial regulation (not a city's): its title starts with the province.
            "local_regulation" if !row.region.is_empty() && row.title.starts_with(row.region) => {
                local.entry(row.region.to_owned()).or_default().push(law);
            }
            _ => {}
        }
    }
    let general: Vec<Law> = GENERAL_LAWS
        .iter()
        .map(|short| {
            by_short
                .get(*short)
                .cloned()
                .unwrap_or_else(|| Law::as_written(short))
        })
        .collect();
    let by_bureau = BUREAUS
        .iter()
        .map(|b| field_laws(b, &national, &general))
        .collect();
    Catalog {
        by_bureau,
        general,
        local,
        titles_read,
    }
}

/// The national laws whose title holds one of the bureau's keywords; the general laws if none.
fn field_laws(bureau: &Bureau, national: &[Law], general: &[Law]) -> Vec<Law> {
    let found: Vec<Law> = national
        .iter()
        .filter(|l| bureau.law_keywords.iter().any(|k| l.title.contains(k)))
        .cloned()
        .collect();
    if found.is_empty() {
        general.to_vec()
    } else {
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bureau_has_laws_of_its_field() {
        let c = catalog();
        assert!(c.titles_read > 3000, "{}", c.titles_read);
        assert_eq!(c.by_bureau.len(), BUREAUS.len());
        for (b, laws) in BUREAUS.iter().zip(&c.by_bureau) {
            assert!(!laws.is_empty(), "{}", b.name);
        }
        let science = &c.by_bureau[0];
        assert!(science
            .iter()
            .any(|l| l.title == "中华人民共和国科学技术进步法"
                && l.alias.as_deref() == Some("科技进步法")));
        assert!(c.general.iter().any(|l| l.title == "中华人民共和国民法典"));
        assert!(c.local.get("山东省").is_some_and(|v| v.len() > 100));
    }
}
