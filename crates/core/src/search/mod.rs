//! Searching (检索): the query language, ranking, and passages with highlights.

mod compile;
mod laws;
mod passage;
pub mod query;

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentReader;
use tantivy::schema::{TantivyDocument, Value};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, Term};

pub use laws::{CiteHit, GroupBy, LawRow, LawsOptions};
pub use passage::{passages, Passage};
pub use query::{parse, Filter, Query};

use crate::error::Result;
use crate::index::Index;
use crate::segment::{normalize, starts_with_unit};

/// How many results, from where, with how many passages each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchOptions {
    /// Most hits returned.
    pub limit: usize,
    /// Hits skipped before the first returned.
    pub offset: usize,
    /// Passages per hit.
    pub passages: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            passages: 1,
        }
    }
}

/// One matching document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Path relative to the indexed folder.
    pub path: String,
    /// Title (标题).
    pub title: String,
    /// Year (年份), when known.
    pub year: Option<u16>,
    /// Relevance score (higher is better).
    pub score: f32,
    /// The best passage's text.
    pub snippet: String,
    /// Byte ranges of `snippet` to highlight.
    pub highlights: Vec<[usize; 2]>,
    /// The best passages, in document order (the snippet is the best of them).
    pub passages: Vec<Passage>,
}

/// The hits of one search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// Number of matching documents.
    pub total: usize,
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
}

impl Index {
    /// Searches with a query string in the query language (see [`query`]).
    pub fn search(&self, query: &str, options: &SearchOptions) -> Result<SearchResults> {
        let parsed = parse(query)?;
        self.search_query(&parsed, options)
    }

    /// Searches with a parsed query.
    pub fn search_query(&self, query: &Query, options: &SearchOptions) -> Result<SearchResults> {
        let searcher = self.tantivy_searcher();
        let compiled = self.compile_query(query)?;
        let mut found = searcher.search(&*compiled, &AllHits)?;
        let total = found.len();
        let end = options.offset.saturating_add(options.limit).min(total);
        rank(&searcher, &mut found, end)?;
        let texts = self.highlight_texts(query);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let hits = found
            .get(options.offset.min(end)..end)
            .unwrap_or_default()
            .iter()
            .map(|h| self.hit(&searcher, h, &texts, options.passages.max(1)))
            .collect::<Result<Vec<_>>>()?;
        Ok(SearchResults { total, hits })
    }

    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        h: &Found,
        texts: &[&str],
        n: usize,
    ) -> Result<Hit> {
        let doc: TantivyDocument = searcher.doc(DocAddress::new(h.segment, h.doc))?;
        let f = &self.fields;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        let body = text(f.body);
        let norm = normalize(&body);
        let passages = passages(&body, &norm, texts, n);
        let best = best_passage(&passages);
        Ok(Hit {
            path: text(f.path),
            title: text(f.title),
            year: (h.year > 0).then(|| u16::try_from(h.year).ok()).flatten(),
            score: h.score,
            snippet: best.map(|p| p.text.clone()).unwrap_or_default(),
            highlights: best.map(|p| p.highlights.clone()).unwrap_or_default(),
            passages,
        })
    }
}

impl Index {
    /// The texts to highlight for `query`: its terms and phrases that are not excluded, each
    /// term's words (they may stand apart), and the law titles that terms abbreviate.
    fn highlight_texts(&self, query: &Query) -> Vec<String> {
        let mut out = Vec::new();
        for (text, is_term) in query.positive_texts() {
            out.push(text.to_owned());
            if !is_term {
                continue;
            }
            out.extend(
                self.analyzer()
                    .query_words(text)
                    .iter()
                    .map(|w| w.text.to_owned()),
            );
            if let Some(short) = compile::law_short_title(self.extractor().dict(), text) {
                out.push(short);
            }
        }
        out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        out.dedup();
        out
    }

    /// The tantivy query for `query`, with its `law:` values resolved in this index.
    pub(crate) fn compile_query(&self, query: &Query) -> Result<Box<dyn tantivy::query::Query>> {
        let searcher = self.tantivy_searcher();
        let mut laws = HashMap::new();
        for value in compile::law_values(query) {
            laws.insert(value.to_owned(), self.law_titles(&searcher, value)?);
        }
        let dict = self.extractor().dict();
        let units = |field, unit: &str| unit_terms(&searcher, field, unit);
        Ok(compile::compile(
            query,
            &self.fields,
            self.analyzer(),
            dict,
            &laws,
            &units,
        ))
    }

    /// The full titles cited in this index that `law:value` stands for: the dictionary's title
    /// when it resolves the value (民法典 → 中华人民共和国民法典), else every cited title that
    /// contains the value (科技特派员管理办法 → 高台县科技特派员管理办法).
    pub(crate) fn law_titles(
        &self,
        searcher: &tantivy::Searcher,
        value: &str,
    ) -> Result<Vec<String>> {
        if let Some(r) = self.extractor().dict().resolve(value) {
            return Ok(vec![r.title.to_owned()]);
        }
        let mut titles = BTreeSet::new();
        for segment in searcher.segment_readers() {
            let index = segment.inverted_index(self.fields.law)?;
            let mut terms = index
                .terms()
                .stream()
                .map_err(|e| crate::Error::Index(e.to_string()))?;
            while terms.advance() {
                if let Ok(title) = std::str::from_utf8(terms.key()) {
                    if title.contains(value) {
                        titles.insert(title.to_owned());
                    }
                }
            }
        }
        Ok(titles.into_iter().collect())
    }
}

/// The grams of `field` that start with the unit `unit`, in every segment.
fn unit_terms(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    unit: &str,
) -> Vec<Term> {
    let mut terms = BTreeSet::new();
    let upper = format!("{unit}\u{10FFFF}");
    for segment in searcher.segment_readers() {
        let Ok(index) = segment.inverted_index(field) else {
            continue;
        };
        let range = index
            .terms()
            .range()
            .ge(unit.as_bytes())
            .lt(upper.as_bytes());
        let Ok(mut stream) = range.into_stream() else {
            continue;
        };
        while stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                if starts_with_unit(term, unit) {
                    terms.insert(term.to_owned());
                }
            }
        }
    }
    terms
        .into_iter()
        .map(|t| Term::from_field_text(field, &t))
        .collect()
}

/// The passage with the most highlights (the first on ties).
fn best_passage(passages: &[Passage]) -> Option<&Passage> {
    passages.iter().rev().max_by_key(|p| p.highlights.len())
}

/// A matching document before it is loaded.
#[derive(Debug, Clone, Copy)]
struct Found {
    score: Score,
    year: u64,
    segment: SegmentOrdinal,
    doc: DocId,
}

/// Sorts `found` by score, then year (newer first), then path, so that the first `end` are in
/// their final order; ties are broken by path only where they reach into the first `end`.
fn rank(searcher: &tantivy::Searcher, found: &mut [Found], end: usize) -> Result<()> {
    let by_score = |a: &Found, b: &Found| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(Ordering::Equal)
            .then(b.year.cmp(&a.year))
    };
    found.sort_by(|a, b| by_score(a, b).then((a.segment, a.doc).cmp(&(b.segment, b.doc))));
    let mut start = 0;
    while start < end {
        let run = found[start..]
            .iter()
            .take_while(|x| by_score(x, &found[start]).is_eq())
            .count();
        if run > 1 {
            let mut keyed = found[start..start + run]
                .iter()
                .map(|x| Ok((path_of(searcher, x)?, *x)))
                .collect::<Result<Vec<_>>>()?;
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            for (slot, (_, x)) in found[start..start + run].iter_mut().zip(keyed) {
                *slot = x;
            }
        }
        start += run.max(1);
    }
    Ok(())
}

fn path_of(searcher: &tantivy::Searcher, x: &Found) -> Result<String> {
    let reader = searcher.segment_reader(x.segment);
    let column: Option<StrColumn> = reader.fast_fields().str("path")?;
    let mut path = String::new();
    if let Some(column) = column {
        if let Some(ord) = column.term_ords(x.doc).next() {
            column
                .ord_to_str(ord, &mut path)
                .map_err(|e| crate::Error::Index(e.to_string()))?;
        }
    }
    Ok(path)
}

/// Collects every matching document with its score and year.
struct AllHits;

impl Collector for AllHits {
    type Fruit = Vec<Found>;
    type Child = AllHitsSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<AllHitsSegment> {
        Ok(AllHitsSegment {
            segment,
            year: reader.fast_fields().u64("year")?,
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Found>>) -> tantivy::Result<Vec<Found>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

struct AllHitsSegment {
    segment: SegmentOrdinal,
    year: Column<u64>,
    found: Vec<Found>,
}

impl SegmentCollector for AllHitsSegment {
    type Fruit = Vec<Found>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let year = self.year.first(doc).unwrap_or(0);
        self.found.push(Found {
            score,
            year,
            segment: self.segment,
            doc,
        });
    }

    fn harvest(self) -> Vec<Found> {
        self.found
    }
}
