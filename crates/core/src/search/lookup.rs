//! Looking values up in the index's term dictionaries, for the parts of a query that depend on
//! what was indexed: `law:` titles, `issuer:`/`region:`/`type:`/`doc:` values, and the grams that
//! start with a one-character query.

use std::collections::BTreeSet;

use tantivy::query::Bm25Weight;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use crate::cite::LawDict;
use crate::segment::{normalize, starts_with_unit};

/// What compiling a query needs to know about the index.
pub(crate) trait Lookup {
    /// The full titles cited in the index that `law:value` stands for.
    fn law_titles(&self, value: &str) -> Vec<String>;
    /// The full titles of the laws that the query term `text` names: the title the dictionary
    /// resolves it to, or else, when the term reads as a title, every cited title ending with it
    /// (纪律处分条例 → 中国共产党纪律处分条例). Empty for a term that names no law.
    fn term_laws(&self, text: &str) -> Vec<String>;
    /// The exact values of a keyword field (issuer, region, type, 文号) that contain `value`.
    fn keyword_terms(&self, field: Field, value: &str) -> Vec<Term>;
    /// The grams of `field` whose first unit is `unit`.
    fn unit_terms(&self, field: Field, unit: &str) -> Vec<Term>;
    /// The BM25 weight tantivy gives a phrase of `terms` (its score for one occurrence in the
    /// shortest field): it grows with the sum of the terms' inverse document frequencies, so two
    /// phrases of one field compare by it. 0 for no terms.
    fn phrase_weight(&self, terms: &[Term]) -> f32;
}

/// [`Lookup`] over one searcher's segments.
pub(crate) struct IndexLookup<'a> {
    pub searcher: &'a Searcher,
    pub dict: &'a LawDict,
    pub law_field: Field,
}

impl IndexLookup<'_> {
    /// Every term of `field` between `from` and `to` (all when `None`) that `keep` accepts.
    fn terms(
        &self,
        field: Field,
        range: Option<(&str, &str)>,
        keep: &dyn Fn(&str) -> bool,
    ) -> Vec<String> {
        let mut out = BTreeSet::new();
        for segment in self.searcher.segment_readers() {
            // A segment whose term dictionary cannot be read contributes no terms; the query
            // then runs on the others (the index is checked when opened).
            let Ok(index) = segment.inverted_index(field) else {
                continue;
            };
            let stream = match range {
                Some((from, to)) => index
                    .terms()
                    .range()
                    .ge(from.as_bytes())
                    .lt(to.as_bytes())
                    .into_stream(),
                None => index.terms().stream(),
            };
            let Ok(mut stream) = stream else { continue };
            while stream.advance() {
                if let Ok(term) = std::str::from_utf8(stream.key()) {
                    if keep(term) {
                        out.insert(term.to_owned());
                    }
                }
            }
        }
        out.into_iter().collect()
    }
}

impl Lookup for IndexLookup<'_> {
    /// The dictionary's title when it resolves the value (民法典 → 中华人民共和国民法典), else every
    /// cited title that contains it (科技特派员管理办法 → 高台县科技特派员管理办法).
    fn law_titles(&self, value: &str) -> Vec<String> {
        if let Some(r) = self.dict.resolve(value) {
            return vec![r.title.to_owned()];
        }
        self.terms(self.law_field, None, &|title| title.contains(value))
    }

    fn term_laws(&self, text: &str) -> Vec<String> {
        // The dictionary's title when it resolves the term; else a scan of the cited titles (a
        // walk of the whole term dictionary of `law`: milliseconds on a large folder, so only
        // for a term that reads as a title and that the dictionary does not know).
        if let Some(r) = self.dict.resolve(text) {
            return vec![r.title];
        }
        if !reads_as_title(text) {
            return Vec::new();
        }
        self.terms(self.law_field, None, &|t| t.ends_with(text))
    }

    fn keyword_terms(&self, field: Field, value: &str) -> Vec<Term> {
        let wanted = keyword_form(value);
        // 宝鸡市陈仓区人民政府办公室 finds the documents that call themselves 陈仓区人民政府办公室:
        // a full name is the short one with its places before it.
        let keep = |term: &str| {
            let term = keyword_form(term);
            term.contains(&wanted)
                || (term.chars().count() >= 4
                    && wanted
                        .strip_suffix(term.as_str())
                        .is_some_and(crate::region::is_places))
        };
        self.terms(field, None, &keep)
            .iter()
            .map(|t| Term::from_field_text(field, t))
            .collect()
    }

    fn phrase_weight(&self, terms: &[Term]) -> f32 {
        if terms.is_empty() {
            return 0.0;
        }
        // A term whose statistics cannot be read gives no weight (and so no boost).
        Bm25Weight::for_terms(self.searcher, terms).map_or(0.0, |w| w.score(0, 1))
    }

    fn unit_terms(&self, field: Field, unit: &str) -> Vec<Term> {
        let upper = format!("{unit}\u{10FFFF}");
        let keep = |term: &str| starts_with_unit(term, unit);
        let terms = self.terms(field, Some((unit, &upper)), &keep);
        terms
            .iter()
            .map(|t| Term::from_field_text(field, t))
            .collect()
    }
}

/// Endings of law titles (法, 条例, 办法 …), for telling a query term that names a law.
const TITLE_ENDINGS: &[&str] = &[
    "法", "法典", "条例", "办法", "规定", "细则", "规则", "准则", "决定", "章程",
];

/// Whether a query term reads as a title that cited titles may end with: a title ending after at
/// least three characters (纪律处分条例, 营商环境条例, but not 管理办法 or 实施细则, which end too
/// many titles to name one).
fn reads_as_title(text: &str) -> bool {
    TITLE_ENDINGS.iter().any(|ending| {
        text.strip_suffix(ending).is_some_and(|stem| {
            stem.chars().count() >= 3 && stem.chars().all(|c| c.is_alphanumeric())
        })
    })
}

/// A keyword value in the form values are compared in: normalized, and the brackets around the
/// year of a 文号 made alike (高科发[2023]12号, 高科发【2023】12号 → 高科发〔2023〕12号).
fn keyword_form(value: &str) -> String {
    normalize(value)
        .text
        .chars()
        .map(|c| match c {
            '[' | '【' | '［' | '(' | '（' => '〔',
            ']' | '】' | '］' | ')' | '）' => '〕',
            _ => c,
        })
        .collect()
}
