//! Searching (检索): the query language, ranking, facets, and passages with highlights under
//! their section headings.

mod collect;
mod compile;
mod laws;
mod lookup;
mod passage;
mod query;
mod show;

use serde::{Deserialize, Serialize};
use tantivy::schema::{TantivyDocument, Value};
use tantivy::DocAddress;

pub(crate) use collect::all_strings;
pub use collect::{FacetCount, Facets, Sort};
pub use laws::{CiteHit, GroupBy, LawRow, LawsOptions};
use passage::passages;
pub use passage::Passage;
pub use query::{parse, parse_kind, parse_years, Filter, Query, MAX_QUERY_CHARS};
pub use show::DocumentView;

use crate::error::Result;
use crate::index::Index;
use crate::ingest::{outline, section_path, Period};
use crate::segment::normalize;
use collect::{AllHits, Found};
use lookup::IndexLookup;

/// How many results, from where, in which order, with how many passages each. Start from
/// `SearchOptions::default()` and change what you need:
///
/// ```
/// use zhengce_core::search::Sort;
/// use zhengce_core::SearchOptions;
///
/// let options = SearchOptions::default().limit(20).offset(20).sort(Sort::Date).facets(true);
/// assert_eq!((options.limit, options.passages), (20, 1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SearchOptions {
    /// Most hits returned.
    pub limit: usize,
    /// Hits skipped before the first returned.
    pub offset: usize,
    /// Passages per hit.
    pub passages: usize,
    /// Order of the hits.
    pub sort: Sort,
    /// Count the whole result set by year, issuer, region and kind.
    pub facets: bool,
}

impl Default for SearchOptions {
    /// Ten hits from the first, by relevance, one passage each, no facets.
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            passages: 1,
            sort: Sort::Relevance,
            facets: false,
        }
    }
}

impl SearchOptions {
    /// At most `limit` hits.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// Skip the first `offset` hits (the pages before).
    pub fn offset(mut self, offset: usize) -> Self {
        self.offset = offset;
        self
    }

    /// Up to `passages` passages per hit (0: none).
    pub fn passages(mut self, passages: usize) -> Self {
        self.passages = passages;
        self
    }

    /// Order the hits by relevance or by date.
    pub fn sort(mut self, sort: Sort) -> Self {
        self.sort = sort;
        self
    }

    /// Count the whole result set by year, issuer, region and kind.
    pub fn facets(mut self, facets: bool) -> Self {
        self.facets = facets;
        self
    }
}

/// One matching document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Hit {
    /// Path relative to the indexed folder.
    pub path: String,
    /// Title (标题).
    pub title: String,
    /// Year (年份), when known.
    pub year: Option<u16>,
    /// Date (成文日期), ISO `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    /// Issuer (发文机关), when known.
    pub issuer: Option<String>,
    /// Region (地区), when named.
    pub region: Option<String>,
    /// Kind of document (文种), when the title tells.
    pub doc_type: Option<String>,
    /// Document number (文号), when there is one.
    pub doc_number: Option<String>,
    /// Period (规划期) of a plan, when its title names one.
    pub period: Option<Period>,
    /// Published date (发布日期) of a saved web page, ISO `YYYY-MM-DD`, when the page gives it.
    pub published: Option<String>,
    /// Index number (索引号) of a government site's 信息公开 table, when the page gives it.
    pub index_no: Option<String>,
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
#[non_exhaustive]
pub struct SearchResults {
    /// Number of matching documents.
    pub total: usize,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Counts of all matching documents, when asked for.
    pub facets: Option<Facets>,
}

impl Index {
    /// Searches with a query string in the query language (see [`parse`]).
    pub fn search(&self, query: &str, options: &SearchOptions) -> Result<SearchResults> {
        let parsed = parse(query)?;
        self.search_query(&parsed, options)
    }

    /// Searches with a parsed query.
    pub fn search_query(&self, query: &Query, options: &SearchOptions) -> Result<SearchResults> {
        let searcher = self.tantivy_searcher();
        let compiled = self.compile_query(query)?;
        let mut found = searcher
            .search(&*compiled, &AllHits)
            .map_err(|e| self.read_error(e))?;
        let total = found.len();
        let facets = if options.facets {
            Some(collect::facets(&searcher, &found)?)
        } else {
            None
        };
        let end = options.offset.saturating_add(options.limit).min(total);
        collect::rank(&searcher, &mut found, end, options.sort)?;
        let texts = self.highlight_texts(query);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let page = found.get(options.offset.min(end)..end).unwrap_or_default();
        let hits = page
            .iter()
            .map(|h| self.hit(&searcher, h, &texts, options.passages.max(1)))
            .collect::<Result<_>>()?;
        Ok(SearchResults {
            total,
            hits,
            facets,
        })
    }

    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        h: &Found,
        texts: &[&str],
        n: usize,
    ) -> Result<Hit> {
        let doc: TantivyDocument = searcher
            .doc(DocAddress::new(h.segment, h.doc))
            .map_err(|e| self.read_error(e))?;
        let f = &self.fields;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        let body = text(f.body).unwrap_or_default();
        let mut passages = passages(&body, &normalize(&body), texts, n);
        let title = text(f.title).unwrap_or_default();
        // The document's own title (a Markdown `#` line) is no section.
        let headings: Vec<_> = outline(&body)
            .into_iter()
            .filter(|h| h.text != title)
            .collect();
        for p in &mut passages {
            p.section = section_path(&headings, p.offset);
        }
        let best = best_passage(&passages);
        Ok(Hit {
            path: text(f.path).unwrap_or_default(),
            title: text(f.title).unwrap_or_default(),
            year: doc
                .get_first(f.year)
                .and_then(|v| v.as_u64())
                .and_then(|y| u16::try_from(y).ok()),
            date: iso_date(h.date),
            issuer: text(f.issuer),
            region: text(f.region),
            doc_type: text(f.doc_type),
            doc_number: text(f.doc_number),
            period: stored_period(&doc, f),
            published: stored_date(&doc, f.published),
            index_no: text(f.index_no),
            score: h.score,
            snippet: best.map(|p| p.text.clone()).unwrap_or_default(),
            highlights: best.map(|p| p.highlights.clone()).unwrap_or_default(),
            passages,
        })
    }
}

/// A stored date (YYYYMMDD) as `YYYY-MM-DD`.
fn stored_date(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_u64())
        .and_then(iso_date)
}

/// A stored period (规划期).
fn stored_period(doc: &TantivyDocument, f: &crate::index::Fields) -> Option<Period> {
    let year = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_u64())
            .and_then(|y| u16::try_from(y).ok())
    };
    Some(Period {
        from: year(f.period_from)?,
        to: year(f.period_to)?,
    })
}

/// YYYYMMDD as `YYYY-MM-DD`; `None` for an unknown date or a year only.
fn iso_date(date: u64) -> Option<String> {
    let (y, m, d) = (date / 10_000, date / 100 % 100, date % 100);
    (m > 0 && d > 0).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

impl Index {
    /// The byte ranges of `text` that `query` matches, as search highlights them in passages
    /// (its terms, their words, its phrases and the law titles its terms abbreviate; not what it
    /// excludes), sorted, overlapping matches merged: to mark a whole document, such as the one
    /// [`Index::document_text`] gives.
    ///
    /// ```
    /// use zhengce_core::search::parse;
    /// use zhengce_core::Index;
    ///
    /// let index = Index::create_in_ram()?;
    /// let text = "学习宣传《民法典》。";
    /// let marks = index.highlights(&parse("民法典 -草案")?, text);
    /// let marked: Vec<&str> = marks.iter().map(|[s, e]| &text[*s..*e]).collect();
    /// assert_eq!(marked, ["民法典"]);
    /// # Ok::<(), zhengce_core::Error>(())
    /// ```
    pub fn highlights(&self, query: &Query, text: &str) -> Vec<[usize; 2]> {
        let texts = self.highlight_texts(query);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        passage::all_highlights(text, &normalize(text), &texts)
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

    /// The tantivy query for `query`, with what depends on indexed values looked up.
    pub(crate) fn compile_query(&self, query: &Query) -> Result<Box<dyn tantivy::query::Query>> {
        let searcher = self.tantivy_searcher();
        let dict = self.extractor().dict();
        let lookup = IndexLookup {
            searcher: &searcher,
            dict,
            law_field: self.fields.law,
        };
        Ok(compile::compile(
            query,
            &self.fields,
            self.analyzer(),
            dict,
            &lookup,
        ))
    }

    /// The full titles cited in this index that `value` stands for (see `law:`).
    pub(crate) fn law_titles(&self, searcher: &tantivy::Searcher, value: &str) -> Vec<String> {
        let lookup = IndexLookup {
            searcher,
            dict: self.extractor().dict(),
            law_field: self.fields.law,
        };
        lookup::Lookup::law_titles(&lookup, value)
    }
}

/// The passage with the most highlights (the first on ties).
fn best_passage(passages: &[Passage]) -> Option<&Passage> {
    passages.iter().rev().max_by_key(|p| p.highlights.len())
}
