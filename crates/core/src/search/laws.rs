//! Questions about citations across an index: which laws were publicized, studied, implemented or
//! drafted (by year, by issuer), and which documents cite a given title.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{BytesColumn, Column, StrColumn};
use tantivy::index::SegmentReader;
use tantivy::query::{AllQuery, Query as TQuery};
use tantivy::schema::{TantivyDocument, Value};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal};

use super::{parse, Filter, Query};
use crate::cite::{Action, Citation, Kind, Status};
use crate::error::Result;
use crate::index::{indexed, Index};

/// Rows of the laws table being counted, by group and title, with the documents seen.
type Tally = BTreeMap<(Option<String>, String), (LawRow, BTreeSet<(u32, u32)>)>;

/// How to group the laws table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GroupBy {
    /// By the citing document's year.
    Year,
    /// By the citing document's issuer (发文机关).
    Issuer,
}

/// Which citations the laws table counts. `LawsOptions::default()` counts every citation of every
/// document; the builder methods narrow it:
///
/// ```
/// use zhengce_core::cite::Action;
/// use zhengce_core::LawsOptions;
///
/// // Which laws were publicized (宣传) in 2024, done rather than planned?
/// let options = LawsOptions::default().action(Action::Publicize).years(2024, 2024).planned(false);
/// assert_eq!(options.years, Some((2024, 2024)));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LawsOptions {
    /// Only citations with this action.
    pub action: Option<Action>,
    /// Only documents of these years (inclusive).
    pub years: Option<(u16, u16)>,
    /// Only titles of this kind.
    pub kind: Option<Kind>,
    /// Only planned (`Some(true)`) or done (`Some(false)`) citations.
    pub planned: Option<bool>,
    /// One table per group.
    pub by: Option<GroupBy>,
    /// Count titles named without marks too.
    pub inferred: bool,
    /// Only documents matching this query (query language).
    pub query: Option<String>,
    /// Give each row its citing sentences with their evidence ([`LawRow::citing`]).
    #[serde(default)]
    pub explain: bool,
}

impl LawsOptions {
    /// Only citations with this action (宣传, 学习, 落实, 制定).
    pub fn action(mut self, action: Action) -> Self {
        self.action = Some(action);
        self
    }

    /// Only documents of the years `from` to `to` (inclusive).
    pub fn years(mut self, from: u16, to: u16) -> Self {
        self.years = Some((from, to));
        self
    }

    /// Only titles of this kind (法律, 行政法规 …).
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Only planned (`true`: 下一步打算) or only done (`false`) citations.
    pub fn planned(mut self, planned: bool) -> Self {
        self.planned = Some(planned);
        self
    }

    /// One table per year or per issuer.
    pub fn by(mut self, by: GroupBy) -> Self {
        self.by = Some(by);
        self
    }

    /// Count titles named without 《》 too.
    pub fn inferred(mut self, inferred: bool) -> Self {
        self.inferred = inferred;
        self
    }

    /// Only documents matching `query` (query language).
    pub fn query(mut self, query: impl Into<String>) -> Self {
        self.query = Some(query.into());
        self
    }

    /// Give each row the sentences that cite its title, each citation with its evidence (the
    /// governing word, where it stood, why done or planned): to check an answer at a glance.
    pub fn explain(mut self, explain: bool) -> Self {
        self.explain = explain;
        self
    }
}

/// One row of the laws table: a title and how documents cite it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LawRow {
    /// The group (a year) when grouped.
    pub group: Option<String>,
    /// Full canonical title.
    pub title: String,
    /// Kind of the title.
    pub kind: Kind,
    /// Number of documents citing it.
    pub documents: usize,
    /// Number of citations.
    pub mentions: usize,
    /// Citations per action (publicize, study, implement, formulate, cite).
    pub actions: BTreeMap<String, usize>,
    /// Citations that are planned.
    pub planned: usize,
    /// Citations that are done.
    pub done: usize,
    /// Valid or repealed, when the dictionary knows the title.
    pub status: Option<Status>,
    /// The laws that replaced it, when repealed.
    pub successors: Vec<String>,
    /// With [`LawsOptions::explain`]: every citation counted in the row, with its sentence,
    /// newest document first; otherwise empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citing: Vec<CiteHit>,
}

/// A document citing a title, with the citing sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CiteHit {
    /// Path of the document.
    pub path: String,
    /// Title of the document.
    pub document_title: String,
    /// Year of the document.
    pub year: Option<u16>,
    /// The citation.
    pub citation: Citation,
    /// The sentence holding the citation, as written.
    pub sentence: String,
    /// Byte range of the citation inside `sentence`.
    pub highlight: [usize; 2],
}

impl Index {
    /// The titles cited by the documents, with counts: the answer to "which laws were
    /// publicized in 2024". Sorted by group, then documents, mentions and title.
    pub fn laws(&self, options: &LawsOptions) -> Result<Vec<LawRow>> {
        let searcher = self.tantivy_searcher();
        let query = self.document_filter(options)?;
        let docs = searcher
            .search(&*query, &DocCitations)
            .map_err(crate::error::tantivy)?;
        let mut rows: Tally = BTreeMap::new();
        for doc in docs {
            let group = options.by.map(|by| match by {
                GroupBy::Year => doc.year.map_or_else(|| "?".to_owned(), |y| y.to_string()),
                GroupBy::Issuer => doc.issuer.clone().unwrap_or_else(|| "?".to_owned()),
            });
            let counted: Vec<&Citation> = doc
                .citations
                .iter()
                .filter(|c| counts(c, options))
                .collect();
            let stored = if options.explain && !counted.is_empty() {
                Some(self.stored_text(&searcher, &doc)?)
            } else {
                None
            };
            for c in counted {
                let key = (group.clone(), c.title.clone());
                let (row, docs) = rows
                    .entry(key)
                    .or_insert_with(|| (new_row(&group, c), BTreeSet::new()));
                docs.insert((doc.segment, doc.doc));
                if let Some(stored) = &stored {
                    row.citing.push(stored.hit(doc.year, c));
                }
                row.mentions += 1;
                for a in &c.actions {
                    *row.actions.entry(a.name().to_owned()).or_default() += 1;
                }
                if c.planned {
                    row.planned += 1;
                } else {
                    row.done += 1;
                }
            }
        }
        let mut out: Vec<LawRow> = rows
            .into_values()
            .map(|(mut row, docs)| {
                row.documents = docs.len();
                sort_hits(&mut row.citing);
                row
            })
            .collect();
        out.sort_by(|a, b| {
            b.group
                .cmp(&a.group)
                .then(b.documents.cmp(&a.documents))
                .then(b.mentions.cmp(&a.mentions))
                .then(a.title.cmp(&b.title))
        });
        Ok(out)
    }

    /// The documents citing `title` (any spelling: short, full, with typos, an old name, or a part
    /// of a cited title), newest first, each with the citing sentence.
    pub fn cites(&self, title: &str, inferred: bool) -> Result<Vec<CiteHit>> {
        let searcher = self.tantivy_searcher();
        let simplified = crate::segment::to_simplified(title.trim_matches(['《', '》']));
        let wanted = crate::cite::canonicalize(&simplified).title;
        let dict = self.extractor().dict();
        let resolved: BTreeSet<String> =
            match dict.resolve(&wanted).or_else(|| dict.resolve_typo(&wanted)) {
                Some(r) => [r.title.to_owned()].into(),
                None => self.law_titles(&searcher, &wanted).into_iter().collect(),
            };
        let docs = searcher
            .search(&AllQuery, &DocCitations)
            .map_err(crate::error::tantivy)?;
        let mut out = Vec::new();
        for doc in docs {
            let mine: Vec<&Citation> = doc
                .citations
                .iter()
                .filter(|c| {
                    (inferred || !c.inferred) && (resolved.contains(&c.title) || c.title == wanted)
                })
                .collect();
            if mine.is_empty() {
                continue;
            }
            let stored = self.stored_text(&searcher, &doc)?;
            out.extend(mine.into_iter().map(|c| stored.hit(doc.year, c)));
        }
        sort_hits(&mut out);
        Ok(out)
    }

    /// The path, title and text a document's index entry stores.
    fn stored_text(&self, searcher: &tantivy::Searcher, doc: &DocCitationsFruit) -> Result<Stored> {
        let stored: TantivyDocument = searcher
            .doc(DocAddress::new(doc.segment, doc.doc))
            .map_err(crate::error::tantivy)?;
        let text = |field| {
            stored
                .get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        Ok(Stored {
            path: text(self.fields.path),
            title: text(self.fields.title),
            body: text(self.fields.body),
        })
    }

    /// The documents the laws table looks at: the query, the years, and a citation with the
    /// wanted action, kind and state.
    fn document_filter(&self, options: &LawsOptions) -> Result<Box<dyn TQuery>> {
        let mut clauses = Vec::new();
        if let Some(q) = &options.query {
            clauses.push(parse(q)?);
        }
        if let Some((from, to)) = options.years {
            clauses.push(Query::Filter(Filter::Year(from, to)));
        }
        if !options.inferred {
            let filters = [
                options.action.map(Filter::Action),
                options.kind.map(Filter::Kind),
                options.planned.map(Filter::Planned),
            ];
            clauses.extend(filters.into_iter().flatten().map(Query::Filter));
        }
        if clauses.is_empty() {
            return Ok(Box::new(AllQuery));
        }
        self.compile_query(&Query::And(clauses))
    }
}

/// A document's stored path, title and text.
struct Stored {
    path: String,
    title: String,
    body: String,
}

impl Stored {
    /// Citation `c` of this document, with its sentence.
    fn hit(&self, year: Option<u16>, c: &Citation) -> CiteHit {
        let (sentence, highlight) = sentence_around(&self.body, c.span);
        CiteHit {
            path: self.path.clone(),
            document_title: self.title.clone(),
            year,
            citation: c.clone(),
            sentence,
            highlight,
        }
    }
}

/// Newest document first, then by path and place in the text.
fn sort_hits(hits: &mut [CiteHit]) {
    hits.sort_by(|a, b| {
        b.year
            .cmp(&a.year)
            .then(a.path.cmp(&b.path))
            .then(a.citation.span.cmp(&b.citation.span))
    });
}

/// Whether citation `c` counts in a laws table with `options`.
fn counts(c: &Citation, options: &LawsOptions) -> bool {
    (indexed(c) || (options.inferred && c.inferred))
        && options.action.is_none_or(|a| c.actions.contains(&a))
        && options.kind.is_none_or(|k| c.kind == k)
        && options.planned.is_none_or(|p| c.planned == p)
}

fn new_row(group: &Option<String>, c: &Citation) -> LawRow {
    LawRow {
        group: group.clone(),
        title: c.title.clone(),
        kind: c.kind,
        documents: 0,
        mentions: 0,
        actions: BTreeMap::new(),
        planned: 0,
        done: 0,
        status: c.status,
        successors: c.successors.clone(),
        citing: Vec::new(),
    }
}

/// The sentence of `body` around byte range `span`, and the span's range inside it.
fn sentence_around(body: &str, span: [usize; 2]) -> (String, [usize; 2]) {
    const ENDS: &[char] = &['。', '！', '？', '；', '\n'];
    let (start, end) = (span[0].min(body.len()), span[1].min(body.len()));
    let from = body[..start].rfind(ENDS).map_or(0, |i| {
        i + body[i..].chars().next().map_or(1, char::len_utf8)
    });
    let to = body[end..].find(ENDS).map_or(body.len(), |i| {
        end + i + body[end + i..].chars().next().map_or(0, char::len_utf8)
    });
    let raw = &body[from..to];
    let lead = raw.len() - raw.trim_start().len();
    let sentence = raw.trim();
    (
        sentence.to_owned(),
        [start - from - lead, (end - from - lead).min(sentence.len())],
    )
}

/// A document's citations, read from the fast field.
struct DocCitationsFruit {
    segment: SegmentOrdinal,
    doc: DocId,
    year: Option<u16>,
    issuer: Option<String>,
    citations: Vec<Citation>,
}

/// Collects the citations of every matching document.
struct DocCitations;

impl Collector for DocCitations {
    type Fruit = Vec<DocCitationsFruit>;
    type Child = DocCitationsSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(DocCitationsSegment {
            segment,
            year: reader.fast_fields().u64("year")?,
            issuer: reader.fast_fields().str("issuer")?,
            citations: reader.fast_fields().bytes("citations")?,
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<DocCitationsFruit>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

struct DocCitationsSegment {
    segment: SegmentOrdinal,
    year: Column<u64>,
    issuer: Option<StrColumn>,
    citations: Option<BytesColumn>,
    found: Vec<DocCitationsFruit>,
}

impl SegmentCollector for DocCitationsSegment {
    type Fruit = Vec<DocCitationsFruit>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let mut bytes = Vec::new();
        let ord = self
            .citations
            .as_ref()
            .and_then(|c| c.term_ords(doc).next());
        if let (Some(column), Some(ord)) = (&self.citations, ord) {
            // A read error leaves the document without citations rather than failing the table.
            let _ = column.ord_to_bytes(ord, &mut bytes);
        }
        let citations = serde_json::from_slice(&bytes).unwrap_or_default();
        let year = self
            .year
            .first(doc)
            .and_then(|y| u16::try_from(y).ok())
            .filter(|&y| y > 0);
        // An unreadable issuer leaves the document ungrouped ("?") rather than failing the table.
        let issuer = super::collect::first_str(self.issuer.as_ref(), doc)
            .ok()
            .flatten();
        self.found.push(DocCitationsFruit {
            segment: self.segment,
            doc,
            year,
            issuer,
            citations,
        });
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}
