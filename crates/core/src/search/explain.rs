//! Why a document matched (`--explain`): its score split into parts — whole words, characters,
//! title, citations, phrases, year — and, for each word of the query, where it matched. Computed
//! only when asked, for the page's hits: the query is compiled once per part with the other parts
//! weighing nothing, and each hit is scored under it (scores are sums, so the parts add up to the
//! score).

use serde::{Deserialize, Serialize};
use tantivy::query::{EnableScoring, Query as TQuery, Weight};
use tantivy::{DocId, Searcher, SegmentOrdinal};

use crate::error::Result;

/// A part of a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Part {
    /// A query word as a whole word of the body (jieba's cut).
    Word,
    /// A query word's characters in the body, as a whole word or inside a longer one.
    Chars,
    /// A word or phrase in the title.
    Title,
    /// A word in a cited title, or the mentions of a law the query names.
    Citation,
    /// A term's words side by side as typed, or a quoted phrase, in the body.
    Phrase,
    /// The document's year, named by a bare year in the query.
    Year,
}

impl Part {
    /// Every part, in the order they are printed.
    pub const ALL: [Part; 6] = [
        Part::Word,
        Part::Chars,
        Part::Title,
        Part::Citation,
        Part::Phrase,
        Part::Year,
    ];

    /// The name of the part (`word`, `chars`, `title`, `citation`, `phrase`, `year`).
    pub fn name(self) -> &'static str {
        match self {
            Part::Word => "word",
            Part::Chars => "chars",
            Part::Title => "title",
            Part::Citation => "citation",
            Part::Phrase => "phrase",
            Part::Year => "year",
        }
    }
}

/// The parts of one hit's score, and where each word of the query matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Explanation {
    /// Each part with its share of the score, in the order of [`Part::ALL`] (they add up to the
    /// score, up to rounding).
    pub parts: Vec<PartScore>,
    /// For each word of the query (a term, a phrase, a group), the parts where it scored; empty
    /// for a word the document lacks (see `Hit::missing`) or that matched without scoring.
    pub words: Vec<WordMatch>,
}

/// A part of a score and its value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PartScore {
    /// The part.
    pub part: Part,
    /// Its share of the score.
    pub score: f32,
}

/// Where one word of the query matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WordMatch {
    /// The word, as the query language prints it.
    pub word: String,
    /// The parts where it scored.
    pub parts: Vec<Part>,
}

/// The score of each of `docs` under `query`: 0 for a document it does not match.
pub(crate) fn scores(
    searcher: &Searcher,
    query: &dyn TQuery,
    docs: &[(SegmentOrdinal, DocId)],
) -> Result<Vec<f32>> {
    let weight = query
        .weight(EnableScoring::enabled_from_searcher(searcher))
        .map_err(crate::error::tantivy)?;
    docs.iter()
        .map(|&(segment, doc)| score_of(searcher, &*weight, segment, doc))
        .collect()
}

/// The score of one document, from a scorer moved to it (tantivy's own `explain` seeks without
/// checking that the scorer has not passed the document already).
fn score_of(
    searcher: &Searcher,
    weight: &dyn Weight,
    segment: SegmentOrdinal,
    doc: DocId,
) -> Result<f32> {
    use tantivy::DocSet;
    let mut scorer = weight
        .scorer(searcher.segment_reader(segment), 1.0)
        .map_err(crate::error::tantivy)?;
    if scorer.doc() < doc {
        scorer.seek(doc);
    }
    Ok(if scorer.doc() == doc {
        scorer.score()
    } else {
        0.0
    })
}

/// For each of `docs` (sorted by segment, then document), whether `query` matches it.
pub(crate) fn matches(
    searcher: &Searcher,
    query: &dyn TQuery,
    docs: &[(SegmentOrdinal, DocId)],
) -> Result<Vec<bool>> {
    use tantivy::DocSet;
    let weight = query
        .weight(EnableScoring::disabled_from_searcher(searcher))
        .map_err(crate::error::tantivy)?;
    let mut out = Vec::with_capacity(docs.len());
    let mut current: Option<(SegmentOrdinal, Box<dyn tantivy::query::Scorer>)> = None;
    for &(segment, doc) in docs {
        if current.as_ref().is_none_or(|(s, _)| *s != segment) {
            let reader = searcher.segment_reader(segment);
            let scorer = weight.scorer(reader, 1.0).map_err(crate::error::tantivy)?;
            current = Some((segment, scorer));
        }
        let Some((_, scorer)) = current.as_mut() else {
            out.push(false);
            continue;
        };
        if scorer.doc() < doc {
            scorer.seek(doc);
        }
        out.push(scorer.doc() == doc);
    }
    Ok(out)
}
