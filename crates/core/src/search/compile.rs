//! From a parsed [`Query`] to a tantivy query. Each term becomes a leaf that matches wherever
//! its characters occur (grams) and scores more where it is a whole word or in the title.

use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query as TQuery,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use super::query::{Filter, Query};
use crate::index::Fields;
use crate::segment::{phrase_grams, Analyzer};

/// Weight of a match in the title over one in the body.
const TITLE_BOOST: f32 = 3.0;
/// Weight of a whole-word match, added to the character match.
const WORD_BOOST: f32 = 1.5;
/// Weight of a term's words standing side by side as typed.
const ADJACENT_BOOST: f32 = 1.0;

/// Compiles `query` for the index's fields.
pub fn compile(query: &Query, fields: &Fields, analyzer: &Analyzer) -> Box<dyn TQuery> {
    Compiler { fields, analyzer }.node(query)
}

struct Compiler<'a> {
    fields: &'a Fields,
    analyzer: &'a Analyzer,
}

impl Compiler<'_> {
    fn node(&self, q: &Query) -> Box<dyn TQuery> {
        match q {
            Query::Term(text) => self.term(text),
            Query::Phrase(text) => self.phrase(text),
            Query::Filter(f) => Box::new(ConstScoreQuery::new(self.filter(f), 0.0)),
            Query::And(qs) => {
                let clauses = qs
                    .iter()
                    .map(|q| match q {
                        Query::Not(inner) => (Occur::MustNot, self.node(inner)),
                        _ => (Occur::Must, self.node(q)),
                    })
                    .collect();
                Box::new(BooleanQuery::new(clauses))
            }
            Query::Or(qs) => Box::new(BooleanQuery::new(
                qs.iter().map(|q| (Occur::Should, self.node(q))).collect(),
            )),
            // A lone NOT only occurs inside And (the parser rejects it elsewhere).
            Query::Not(inner) => {
                Box::new(BooleanQuery::new(vec![(Occur::MustNot, self.node(inner))]))
            }
        }
    }

    /// Every word of the term is required; the term's words side by side score more.
    fn term(&self, text: &str) -> Box<dyn TQuery> {
        let words = self.analyzer.query_words(text);
        if words.len() <= 1 {
            return self.word(text);
        }
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = words
            .iter()
            .map(|w| (Occur::Must, self.word(w.text)))
            .collect();
        if let Some(adjacent) = self.in_text(text) {
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(adjacent, ADJACENT_BOOST)),
            ));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// One word: its characters anywhere in body or title, more for a whole word.
    fn word(&self, word: &str) -> Box<dyn TQuery> {
        let f = self.fields;
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        if let Some(q) = self.in_text(word) {
            clauses.push((Occur::Should, q));
        }
        for (field, boost) in [
            (f.body_words, WORD_BOOST),
            (f.title_words, WORD_BOOST * TITLE_BOOST),
        ] {
            let term = TermQuery::new(
                Term::from_field_text(field, word),
                IndexRecordOption::WithFreqs,
            );
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(term), boost)),
            ));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// The exact characters, in body or title.
    fn phrase(&self, text: &str) -> Box<dyn TQuery> {
        self.in_text(text).unwrap_or_else(|| Box::new(EmptyQuery))
    }

    /// The characters of `text` in sequence, in the body or (weighted) in the title.
    fn in_text(&self, text: &str) -> Option<Box<dyn TQuery>> {
        let body = gram_query(self.fields.body_grams, text)?;
        let title = gram_query(self.fields.title_grams, text)?;
        Some(Box::new(BooleanQuery::new(vec![
            (Occur::Should, body),
            (Occur::Should, Box::new(BoostQuery::new(title, TITLE_BOOST))),
        ])))
    }

    fn filter(&self, f: &Filter) -> Box<dyn TQuery> {
        match f {
            Filter::Title(text) => {
                gram_query(self.fields.title_grams, text).unwrap_or_else(|| Box::new(EmptyQuery))
            }
            Filter::Year(from, to) => {
                let lo = Term::from_field_u64(self.fields.year, u64::from(*from));
                let hi = Term::from_field_u64(self.fields.year, u64::from(*to));
                Box::new(RangeQuery::new(
                    std::ops::Bound::Included(lo),
                    std::ops::Bound::Included(hi),
                ))
            }
        }
    }
}

/// The grams of `text` at their offsets in `field`: a term query for one gram, else a phrase.
fn gram_query(field: Field, text: &str) -> Option<Box<dyn TQuery>> {
    let grams = phrase_grams(text);
    match grams.as_slice() {
        [] => None,
        [(_, gram)] => Some(Box::new(TermQuery::new(
            Term::from_field_text(field, gram),
            IndexRecordOption::WithFreqs,
        ))),
        _ => Some(Box::new(PhraseQuery::new_with_offset(
            grams
                .iter()
                .map(|&(offset, gram)| (offset, Term::from_field_text(field, gram)))
                .collect(),
        ))),
    }
}
