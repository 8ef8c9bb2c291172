//! Searching (检索): the query language, ranking, facets, and passages with highlights under
//! their section headings.

mod collect;
mod compile;
mod explain;
mod laws;
mod lookup;
mod passage;
mod query;
mod shortnames;
mod show;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use tantivy::schema::{TantivyDocument, Value};
use tantivy::{DocAddress, DocId, SegmentOrdinal};

pub(crate) use collect::all_strings;
pub use collect::{FacetCount, Facets, Sort};
pub use explain::{Explanation, Part, PartScore, WordMatch};
pub use laws::{CiteHit, GroupBy, LawRow, LawsOptions};
use passage::passages;
pub use passage::Passage;
pub use query::{parse, parse_kind, parse_years, Filter, Query, MAX_QUERY_CHARS};
pub(crate) use shortnames::is_short_name_line;
pub use shortnames::{ShortNames, SHORT_MARKER};
pub use show::DocumentView;

use crate::error::Result;
use crate::index::Index;
use crate::ingest::{outline, section_path, Period};
use crate::segment::normalize;
use collect::{AllHits, Found};
use compile::Compiler;
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
    /// Explain each hit's score ([`Hit::explanation`]).
    #[serde(default)]
    pub explain: bool,
}

impl Default for SearchOptions {
    /// Ten hits from the first, by relevance, one passage each, no facets, no explanations.
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            passages: 1,
            sort: Sort::Relevance,
            facets: false,
            explain: false,
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

    /// Explain each hit's score: its parts, and where each word matched.
    pub fn explain(mut self, explain: bool) -> Self {
        self.explain = explain;
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
    /// The words of the query that the document lacks: empty for a document that holds them all;
    /// a closest document (see [`SearchResults::closest`]) lacks some.
    #[serde(default)]
    pub missing: Vec<String>,
    /// Why the document matched: the parts of its score (only with [`SearchOptions::explain`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
}

/// The hits of one search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SearchResults {
    /// Number of matching documents: those holding every word of the query.
    pub total: usize,
    /// Number of closest documents, which hold some but not all of the words of a query of
    /// several words (a query of one term of three words or more, each of two characters or
    /// more, counts each). They come after the matching documents when those do not fill the
    /// page, best score first, each with the words it lacks ([`Hit::missing`]): documents holding
    /// at least half of the words, or, when no document matched and none holds half, any of them.
    /// Not counted in `total` nor in the facets.
    #[serde(default)]
    pub closest: usize,
    /// The requested page of hits: matching documents, then closest ones.
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
        let lookup = self.lookup(&searcher);
        let compiler = self.compiler(&lookup, None);
        let compiled = compiler.node(query);
        let mut found = searcher
            .search(&*compiled, &AllHits)
            .map_err(|e| self.read_error(e))?;
        let total = found.len();
        let facets = if options.facets {
            Some(collect::facets(&searcher, &found)?)
        } else {
            None
        };
        let end = options.offset.saturating_add(options.limit);
        // The words are cut only when needed: for closest documents or explanations.
        let words = if total < end || options.explain {
            self.words_of(query)
        } else {
            Words::One(Vec::new(), Vec::new())
        };
        // Closest documents fill the page: those holding at least half of the words, or, when
        // nothing matched and none holds half, any of them.
        let (mut closest, lacking) = match &words {
            Words::Several(members, indexes) if total < end => {
                let found_docs: HashSet<(SegmentOrdinal, DocId)> =
                    found.iter().map(|f| (f.segment, f.doc)).collect();
                let half = indexes.len().div_ceil(2);
                let mut near = self.closest(&searcher, &compiler, members, indexes, half)?;
                if near.0.is_empty() && total == 0 && half > 1 {
                    near = self.closest(&searcher, &compiler, members, indexes, 1)?;
                }
                // A matching document may lack a word yet match another way (a short name's
                // expansion, a law's mentions): it is no closest document.
                near.0.retain(|f| !found_docs.contains(&(f.segment, f.doc)));
                near.1.retain(|doc, _| !found_docs.contains(doc));
                near
            }
            _ => (Vec::new(), HashMap::new()),
        };
        let full_end = end.min(total);
        collect::rank(&searcher, &mut found, full_end, options.sort)?;
        let closest_end = end.saturating_sub(total).min(closest.len());
        collect::rank(&searcher, &mut closest, closest_end, options.sort)?;
        let texts = self.highlight_texts(query);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let listed: Vec<&Found> = found[..full_end]
            .iter()
            .chain(&closest[..closest_end])
            .collect();
        let page = listed
            .get(options.offset.min(listed.len())..)
            .unwrap_or_default();
        let mut hits = page
            .iter()
            .map(|h| {
                let mut hit = self.hit(&searcher, h, &texts, options.passages.max(1))?;
                if let (Some(missing), Words::Several(members, _)) =
                    (lacking.get(&(h.segment, h.doc)), &words)
                {
                    hit.missing = missing.iter().map(|&i| members[i].to_string()).collect();
                }
                Ok(hit)
            })
            .collect::<Result<Vec<Hit>>>()?;
        if options.explain {
            self.explain_hits(&searcher, &lookup, query, &words, page, &mut hits)?;
        }
        Ok(SearchResults {
            total,
            closest: closest.len(),
            hits,
            facets,
        })
    }

    /// The documents holding at least `least` of the words `indexes` of `members` (and every
    /// other member) but not all of them, each with the indexes of the words it lacks.
    fn closest(
        &self,
        searcher: &tantivy::Searcher,
        compiler: &Compiler<'_>,
        members: &[Query],
        indexes: &[usize],
        least: usize,
    ) -> Result<ClosestDocs> {
        let relaxed = compiler.most_of(members, indexes, least);
        let mut candidates = searcher
            .search(&*relaxed, &AllHits)
            .map_err(|e| self.read_error(e))?;
        candidates.sort_by_key(|f| (f.segment, f.doc));
        let docs: Vec<(SegmentOrdinal, DocId)> =
            candidates.iter().map(|f| (f.segment, f.doc)).collect();
        let mut held = Vec::with_capacity(indexes.len());
        for &i in indexes {
            held.push(explain::matches(
                searcher,
                &*compiler.node(&members[i]),
                &docs,
            )?);
        }
        let mut lacking = HashMap::new();
        let mut closest = Vec::new();
        for (k, mut f) in candidates.into_iter().enumerate() {
            let missing: Vec<usize> = indexes
                .iter()
                .zip(&held)
                .filter(|(_, held)| !held[k])
                .map(|(&i, _)| i)
                .collect();
            if missing.is_empty() {
                continue;
            }
            f.lacking = u32::try_from(missing.len()).unwrap_or(u32::MAX);
            lacking.insert((f.segment, f.doc), missing);
            closest.push(f);
        }
        Ok((closest, lacking))
    }

    /// Fills in the explanations of `hits` (the documents `page`). A matching document's parts
    /// are its score under the query compiled for each part alone; a closest document's, the sum
    /// of its words' (which is the score of the query that found it: filters score nothing).
    fn explain_hits(
        &self,
        searcher: &tantivy::Searcher,
        lookup: &IndexLookup<'_>,
        query: &Query,
        words: &Words,
        page: &[&Found],
        hits: &mut [Hit],
    ) -> Result<()> {
        let docs: Vec<(SegmentOrdinal, DocId)> = page.iter().map(|f| (f.segment, f.doc)).collect();
        let (members, indexes) = match words {
            Words::Several(members, indexes) | Words::One(members, indexes) => (members, indexes),
        };
        let mut parts = vec![Vec::new(); hits.len()];
        let mut matched: Vec<Vec<Vec<Part>>> = vec![vec![Vec::new(); docs.len()]; indexes.len()];
        for part in Part::ALL {
            let compiler = self.compiler(lookup, Some(part));
            let whole = explain::scores(searcher, &*compiler.node(query), &docs)?;
            let mut summed = vec![0.0; docs.len()];
            for (w, &i) in indexes.iter().enumerate() {
                let scored = explain::scores(searcher, &*compiler.node(&members[i]), &docs)?;
                for (k, s) in scored.iter().enumerate() {
                    summed[k] += s;
                    if *s > 0.0 {
                        matched[w][k].push(part);
                    }
                }
            }
            for (k, f) in page.iter().enumerate() {
                let score = if f.lacking > 0 { summed[k] } else { whole[k] };
                parts[k].push(PartScore { part, score });
            }
        }
        for (k, hit) in hits.iter_mut().enumerate() {
            hit.explanation = Some(Explanation {
                parts: std::mem::take(&mut parts[k]),
                words: indexes
                    .iter()
                    .zip(&matched)
                    .map(|(&i, by_doc)| WordMatch {
                        word: members[i].to_string(),
                        parts: by_doc[k].clone(),
                    })
                    .collect(),
            });
        }
        Ok(())
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
            missing: Vec::new(),
            explanation: None,
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

/// The closest documents, and the indexes of the words each lacks.
type ClosestDocs = (Vec<Found>, HashMap<(SegmentOrdinal, DocId), Vec<usize>>);

/// The words of a query, which closest documents may lack and explanations follow one by one.
enum Words {
    /// Members of a group, of which those at the indexes are words: two or more.
    Several(Vec<Query>, Vec<usize>),
    /// One word.
    One(Vec<Query>, Vec<usize>),
}

impl Index {
    /// The words of `query`: the members of its top-level group that are terms, phrases or groups
    /// of them (not filters nor exclusions, which always hold); for a query of one term of three
    /// words or more of two characters or more, the term's words (jieba's cut: 法律明白人培养工程
    /// → 法律, 明白人, 培养, 工程).
    fn words_of(&self, query: &Query) -> Words {
        match query {
            Query::And(members) => {
                let indexes: Vec<usize> = members
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| !matches!(q, Query::Filter(_) | Query::Not(_)))
                    .map(|(i, _)| i)
                    .collect();
                if indexes.len() >= 2 {
                    Words::Several(members.clone(), indexes)
                } else {
                    Words::One(members.clone(), indexes)
                }
            }
            Query::Term(text) => {
                let mut words: Vec<Query> = Vec::new();
                for w in self.analyzer().query_words(text) {
                    let word = Query::Term(w.text.to_owned());
                    if !words.contains(&word) {
                        words.push(word);
                    }
                }
                // A term of two words (资金管理) is one thing; of three words or more, each of
                // two characters or more, a query typed without spaces (法律明白人培养工程;
                // not 第399号).
                let separable = |q: &Query| matches!(q, Query::Term(w) if w.chars().count() >= 2);
                if words.len() >= 3 && words.iter().all(separable) {
                    let indexes = (0..words.len()).collect();
                    Words::Several(words, indexes)
                } else {
                    Words::One(vec![query.clone()], vec![0])
                }
            }
            _ => Words::One(vec![query.clone()], vec![0]),
        }
    }
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
    /// term's words (they may stand apart), the law titles that terms abbreviate, and the texts of
    /// what short names stand for.
    fn highlight_texts(&self, query: &Query) -> Vec<String> {
        let mut out = Vec::new();
        self.add_highlight_texts(query, true, &mut out);
        out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        out.dedup();
        out
    }

    fn add_highlight_texts(&self, query: &Query, expand: bool, out: &mut Vec<String>) {
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
            if expand {
                for q in self.short_names().expansions(text) {
                    self.add_highlight_texts(q, false, out);
                }
            }
        }
    }

    fn lookup<'a>(&'a self, searcher: &'a tantivy::Searcher) -> IndexLookup<'a> {
        IndexLookup {
            searcher,
            dict: self.extractor().dict(),
            law_field: self.fields.law,
        }
    }

    fn compiler<'a>(&'a self, lookup: &'a IndexLookup<'a>, only: Option<Part>) -> Compiler<'a> {
        Compiler {
            fields: &self.fields,
            analyzer: self.analyzer(),
            dict: self.extractor().dict(),
            short_names: self.short_names(),
            lookup,
            only,
            expand: true,
        }
    }

    /// The tantivy query for `query`, with what depends on indexed values looked up.
    pub(crate) fn compile_query(&self, query: &Query) -> Result<Box<dyn tantivy::query::Query>> {
        let searcher = self.tantivy_searcher();
        let lookup = self.lookup(&searcher);
        Ok(self.compiler(&lookup, None).node(query))
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
