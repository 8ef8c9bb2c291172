//! From a parsed [`Query`] to a tantivy query. Each term becomes a leaf that matches wherever
//! its characters occur (grams) and scores more where it is a whole word, in the title or in a
//! cited title; a term naming a law also scores every mention of the law, a short name of the
//! field also finds what it stands for, and a bare year also means the document's year.
//!
//! Every scoring leaf belongs to one [`Part`] of the score; compiled with `only`, the other parts
//! weigh nothing, which is how an explanation splits a score into its parts.

use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query as TQuery,
    RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use super::explain::Part;
use super::lookup::Lookup;
use super::query::{Filter, Query};
use super::shortnames::ShortNames;
use crate::cite::{Action, Kind, LawDict};
use crate::index::{cite_term, mention_term, Fields, MENTION_STEPS};
use crate::segment::{normalize, phrase_grams, phrase_scoring_grams, Analyzer, PhraseGrams};

/// Weight of a match in the title over one in the body.
const TITLE_BOOST: f32 = 3.0;
/// Weight of a match in a title the document cites.
const CITED_BOOST: f32 = 2.0;
/// Weight of a whole-word match, added to the character match.
const WORD_BOOST: f32 = 1.5;
/// Weight of a term's words standing side by side as typed.
const ADJACENT_BOOST: f32 = 3.0;
/// Score of each doubling of the mentions of a law that a term names (1, 2, 4, 8 … mentions):
/// the document that discusses the law most scores most.
const MENTION_STEP: f32 = 1.5;
/// Score of a document of the year that a bare year in the query names.
const YEAR_SCORE: f32 = 4.0;
/// Weight of a bare year's text: a document of another year that writes it counts for less.
const YEAR_TEXT_WEIGHT: f32 = 0.5;
/// Up to this many terms, "any of these terms" is a union of term queries; above, tantivy's
/// `TermSetQuery`, whose automaton costs more to set up (about a megabyte zeroed per query) than
/// a few terms cost to search.
const SMALL_TERM_SET: usize = 16;

/// What compiling needs besides the query: the index's fields, the analyzer, the law titles, the
/// short names, and what depends on the indexed values.
#[derive(Clone, Copy)]
pub(crate) struct Compiler<'a> {
    pub fields: &'a Fields,
    pub analyzer: &'a Analyzer,
    pub dict: &'a LawDict,
    pub short_names: &'a ShortNames,
    pub lookup: &'a dyn Lookup,
    /// Keep only this part of the score (the others weigh 0); `None` keeps the whole score.
    pub only: Option<Part>,
    /// Whether terms that are short names also find their expansions (not inside an expansion).
    pub expand: bool,
}

/// The clauses of a boolean query.
type Clauses = Vec<(Occur, Box<dyn TQuery>)>;

/// The citation filters of one group, which must hold for one citation.
#[derive(Default)]
struct CiteFilter<'q> {
    laws: Vec<&'q str>,
    actions: Vec<Action>,
    kind: Option<Kind>,
    planned: Option<bool>,
}

impl<'q> CiteFilter<'q> {
    /// Adds `f` if it is a citation filter.
    fn take(&mut self, f: &'q Filter) -> bool {
        match f {
            Filter::Law(t) => self.laws.push(t),
            Filter::Action(a) => self.actions.push(*a),
            Filter::Kind(k) => self.kind = Some(*k),
            Filter::Planned(p) => self.planned = Some(*p),
            _ => return false,
        }
        true
    }

    fn is_empty(&self) -> bool {
        self.laws.is_empty()
            && self.actions.is_empty()
            && self.kind.is_none()
            && self.planned.is_none()
    }
}

impl Compiler<'_> {
    /// The tantivy query for `q`.
    pub fn node(&self, q: &Query) -> Box<dyn TQuery> {
        match q {
            Query::Term(text) => self.term(text),
            Query::Phrase(text) => self.phrase(text),
            Query::Filter(f) => Box::new(ConstScoreQuery::new(self.filter(f), 0.0)),
            Query::And(qs) => {
                let (clauses, cite) = self.and_clauses(qs);
                let mut clauses = clauses;
                if let Some(cite) = cite {
                    clauses.push((Occur::Must, cite));
                }
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

    /// The clauses of an And group: each member required (or excluded), and the group's citation
    /// filters as one clause that must hold for one citation.
    fn and_clauses(&self, qs: &[Query]) -> (Clauses, Option<Box<dyn TQuery>>) {
        let mut cite = CiteFilter::default();
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        for q in qs {
            match q {
                Query::Filter(f) if cite.take(f) => {}
                Query::Not(inner) => clauses.push((Occur::MustNot, self.node(inner))),
                _ => clauses.push((Occur::Must, self.node(q))),
            }
        }
        let cite = (!cite.is_empty())
            .then(|| -> Box<dyn TQuery> { Box::new(ConstScoreQuery::new(self.cites(&cite), 0.0)) });
        (clauses, cite)
    }

    /// An And group in which `words` (indexes into `qs`) are not all required: at least `least`
    /// of them; the other members are required (or excluded) as in [`Compiler::node`].
    pub fn most_of(&self, qs: &[Query], words: &[usize], least: usize) -> Box<dyn TQuery> {
        let rest: Vec<Query> = qs
            .iter()
            .enumerate()
            .filter(|(i, _)| !words.contains(i))
            .map(|(_, q)| q.clone())
            .collect();
        let should: Vec<(Occur, Box<dyn TQuery>)> = words
            .iter()
            .map(|&i| (Occur::Should, self.node(&qs[i])))
            .collect();
        let (mut clauses, cite) = self.and_clauses(&rest);
        clauses.extend(cite.map(|c| (Occur::Must, c)));
        let least = least.clamp(1, should.len().max(1));
        if clauses.is_empty() {
            return Box::new(BooleanQuery::with_minimum_required_clauses(should, least));
        }
        clauses.push((
            Occur::Must,
            Box::new(BooleanQuery::with_minimum_required_clauses(should, least)),
        ));
        Box::new(BooleanQuery::new(clauses))
    }

    /// `q` weighted by `boost`, or by 0 when only another part of the score is kept.
    fn weigh(&self, part: Part, q: Box<dyn TQuery>, boost: f32) -> Box<dyn TQuery> {
        let boost = match self.only {
            Some(only) if only != part => 0.0,
            _ => boost,
        };
        if boost == 1.0 {
            q
        } else {
            Box::new(BoostQuery::new(q, boost))
        }
    }

    /// Every word of the term is required; the term's words side by side score more. A term that
    /// abbreviates a law (科技进步法) also matches the law's own short title (科学技术进步法); a
    /// term naming a law also matches, and scores, every mention of it (《条例》 defined by
    /// 以下简称 included); a short name (八五普法) also finds what it stands for; a bare year
    /// (2023, 2023年) also means the document's year.
    fn term(&self, text: &str) -> Box<dyn TQuery> {
        let year = bare_year(text);
        let words = self.term_words(text);
        // A bare year means the document's year first; its text counts for less.
        let words = match year {
            Some(_) => Box::new(BoostQuery::new(words, YEAR_TEXT_WEIGHT)),
            None => words,
        };
        let mut any = vec![words];
        if let Some(short) = law_short_title(self.dict, text) {
            any.push(self.term_words(&short));
        }
        let laws = self.lookup.term_laws(text);
        if !laws.is_empty() {
            any.push(self.mentions(&laws));
        }
        if self.expand {
            let inner = Compiler {
                expand: false,
                ..*self
            };
            any.extend(
                self.short_names
                    .expansions(text)
                    .iter()
                    .map(|q| inner.node(q)),
            );
        }
        if let Some(year) = year {
            any.push(self.year(year));
        }
        if any.len() == 1 {
            return any.remove(0);
        }
        Box::new(BooleanQuery::new(
            any.into_iter().map(|q| (Occur::Should, q)).collect(),
        ))
    }

    /// The documents mentioning `titles` (full titles), scored by the logarithm of how often
    /// they mention them: one step per threshold of [`MENTION_STEPS`] reached.
    fn mentions(&self, titles: &[String]) -> Box<dyn TQuery> {
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        for title in titles {
            for &step in &MENTION_STEPS {
                let term =
                    Term::from_field_text(self.fields.law_mentions, &mention_term(title, step));
                let q = TermQuery::new(term, IndexRecordOption::Basic);
                clauses.push((
                    Occur::Should,
                    Box::new(ConstScoreQuery::new(Box::new(q), 1.0)),
                ));
            }
        }
        self.weigh(
            Part::Citation,
            Box::new(BooleanQuery::new(clauses)),
            MENTION_STEP,
        )
    }

    /// Documents of `year`, with a constant score.
    fn year(&self, year: u16) -> Box<dyn TQuery> {
        let filter = self.filter(&Filter::Year(year, year));
        let score = if self.only.is_none_or(|p| p == Part::Year) {
            YEAR_SCORE
        } else {
            0.0
        };
        Box::new(ConstScoreQuery::new(filter, score))
    }

    fn term_words(&self, text: &str) -> Box<dyn TQuery> {
        let words = self.analyzer.query_words(text);
        if words.len() <= 1 {
            return self.word(text);
        }
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = words
            .iter()
            .map(|w| (Occur::Must, self.word(w.text)))
            .collect();
        if let Some(adjacent) = self.in_text(text, true, Part::Phrase, ADJACENT_BOOST) {
            clauses.push((Occur::Should, adjacent));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// One word: its characters anywhere in body, title or cited titles (which are resolved:
    /// 中华人民共和国民法典 finds a document that wrote 《民法典》), more for a whole word.
    fn word(&self, word: &str) -> Box<dyn TQuery> {
        let f = self.fields;
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        if let Some(q) = self.in_text(word, true, Part::Chars, 1.0) {
            clauses.push((Occur::Should, q));
        }
        let fields = [
            (f.body_words, Part::Word, WORD_BOOST),
            (f.title_words, Part::Title, WORD_BOOST * TITLE_BOOST),
            (f.cited_words, Part::Citation, WORD_BOOST * CITED_BOOST),
        ];
        for (field, part, boost) in fields {
            let term = TermQuery::new(
                Term::from_field_text(field, word),
                IndexRecordOption::WithFreqs,
            );
            clauses.push((Occur::Should, self.weigh(part, Box::new(term), boost)));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// The exact characters, in body or title.
    fn phrase(&self, text: &str) -> Box<dyn TQuery> {
        self.in_text(text, false, Part::Phrase, 1.0)
            .unwrap_or_else(|| Box::new(EmptyQuery))
    }

    /// The characters of `text` in sequence, in the body (scored as `body_part`) or (weighted)
    /// in the title, and with `cited` in the titles the document cites; all weighted by `boost`.
    fn in_text(
        &self,
        text: &str,
        cited: bool,
        body_part: Part,
        boost: f32,
    ) -> Option<Box<dyn TQuery>> {
        let f = self.fields;
        let title = self.grams(f.title_grams, text)?;
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = vec![
            (
                Occur::Should,
                self.weigh(body_part, self.grams(f.body_grams, text)?, boost),
            ),
            (
                Occur::Should,
                self.weigh(Part::Title, title, TITLE_BOOST * boost),
            ),
        ];
        if cited {
            let q = self.grams(f.cited_grams, text)?;
            clauses.push((
                Occur::Should,
                self.weigh(Part::Citation, q, CITED_BOOST * boost),
            ));
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }
    /// The grams of `text` at their offsets in `field`: a phrase of its grams, a term for a
    /// single gram, or the set of grams whose first unit is a single unit (法 → 法律, 法规, 法).
    fn grams(&self, field: Field, text: &str) -> Option<Box<dyn TQuery>> {
        match phrase_grams(text) {
            PhraseGrams::None => None,
            PhraseGrams::Unit(unit) => Some(any_term(self.lookup.unit_terms(field, unit))),
            PhraseGrams::Grams(grams) => match grams.as_slice() {
                [(_, gram)] => Some(Box::new(TermQuery::new(
                    Term::from_field_text(field, gram),
                    IndexRecordOption::WithFreqs,
                ))),
                _ => {
                    let terms: Vec<(usize, Term)> = grams
                        .iter()
                        .map(|&(offset, gram)| (offset, Term::from_field_text(field, gram)))
                        .collect();
                    let scored: Vec<Term> = phrase_scoring_grams(text)
                        .into_iter()
                        .map(|g| Term::from_field_text(field, g))
                        .collect();
                    if scored.len() == terms.len() {
                        return Some(Box::new(PhraseQuery::new_with_offset(terms)));
                    }
                    // The phrase matches on fewer grams than score it: weighed back to the
                    // score of all of them.
                    let matched: Vec<Term> = terms.iter().map(|(_, t)| t.clone()).collect();
                    let boost =
                        self.lookup.phrase_weight(&scored) / self.lookup.phrase_weight(&matched);
                    let phrase = Box::new(PhraseQuery::new_with_offset(terms));
                    Some(if boost.is_finite() && boost > 1.0 {
                        Box::new(BoostQuery::new(phrase, boost))
                    } else {
                        phrase
                    })
                }
            },
        }
    }

    /// Documents with a citation for each law and action of `cite`, of its kind and state.
    fn cites(&self, cite: &CiteFilter<'_>) -> Box<dyn TQuery> {
        let laws: Vec<Option<&str>> = if cite.laws.is_empty() {
            vec![None]
        } else {
            cite.laws.iter().copied().map(Some).collect()
        };
        let actions: Vec<Option<Action>> = if cite.actions.is_empty() {
            vec![None]
        } else {
            cite.actions.iter().copied().map(Some).collect()
        };
        let mut all: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        for law in laws {
            let titles: Vec<Option<String>> = match law {
                None => vec![None],
                Some(l) => self.lookup.law_titles(l).into_iter().map(Some).collect(),
            };
            for &action in &actions {
                let terms = titles.iter().map(|title| {
                    let term = cite_term(title.as_deref(), action, cite.kind, cite.planned);
                    Term::from_field_text(self.fields.cites, &term)
                });
                all.push((Occur::Must, any_term(terms.collect())));
            }
        }
        Box::new(BooleanQuery::new(all))
    }

    fn filter(&self, f: &Filter) -> Box<dyn TQuery> {
        let fields = self.fields;
        let keyword = |field: Field, value: &str| -> Box<dyn TQuery> {
            any_term(self.lookup.keyword_terms(field, value))
        };
        match f {
            Filter::Title(text) => self
                .grams(fields.title_grams, text)
                .unwrap_or_else(|| Box::new(EmptyQuery)),
            Filter::Year(from, to) => {
                let bound = |y: u16| {
                    std::ops::Bound::Included(Term::from_field_u64(fields.year, u64::from(y)))
                };
                Box::new(RangeQuery::new(bound(*from), bound(*to)))
            }
            Filter::Issuer(v) => keyword(fields.issuer, v),
            Filter::Region(v) => keyword(fields.region, v),
            Filter::Type(v) => keyword(fields.doc_type, v),
            Filter::DocNumber(v) => keyword(fields.doc_number, v),
            Filter::Law(_) | Filter::Action(_) | Filter::Kind(_) | Filter::Planned(_) => {
                let mut cite = CiteFilter::default();
                cite.take(f);
                self.cites(&cite)
            }
        }
    }
}

/// The short title (without 中华人民共和国) of the law that `text` abbreviates, when it is
/// another text (科技进步法 → 科学技术进步法).
pub fn law_short_title(dict: &LawDict, text: &str) -> Option<String> {
    let title = dict.resolve(text)?.title;
    let short = title.strip_prefix(crate::cite::PRC).unwrap_or(&title);
    (short != text && !title.ends_with(text)).then(|| normalize(short).text)
}
/// The year a term names when it is a bare year: four digits from 1900 to 2099, alone or
/// followed by 年 (2023, 2023年).
pub fn bare_year(text: &str) -> Option<u16> {
    let digits = text.strip_suffix('年').unwrap_or(text);
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|y| (1900..=2099).contains(y))
}

/// Documents holding any of `terms`, each scoring 1 as a `TermSetQuery` scores them.
fn any_term(terms: Vec<Term>) -> Box<dyn TQuery> {
    if terms.is_empty() {
        return Box::new(EmptyQuery);
    }
    if terms.len() > SMALL_TERM_SET {
        return Box::new(TermSetQuery::new(terms));
    }
    let clauses = terms
        .into_iter()
        .map(|t| -> (Occur, Box<dyn TQuery>) {
            (
                Occur::Should,
                Box::new(TermQuery::new(t, IndexRecordOption::Basic)),
            )
        })
        .collect();
    Box::new(ConstScoreQuery::new(
        Box::new(BooleanQuery::new(clauses)),
        1.0,
    ))
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::schema::{Schema, STRING};
    use tantivy::{doc, Index};

    use super::*;

    /// `(doc, score)` of every match of `query`, in document order.
    fn matches(searcher: &tantivy::Searcher, query: &dyn TQuery) -> Vec<(u32, f32)> {
        let top = TopDocs::with_limit(1000).order_by_score();
        let mut hits: Vec<(u32, f32)> = searcher
            .search(query, &top)
            .unwrap()
            .into_iter()
            .map(|(score, address)| (address.doc_id, score))
            .collect();
        hits.sort_by_key(|&(doc, _)| doc);
        hits
    }

    #[test]
    fn a_phrase_matched_on_fewer_grams_scores_as_the_phrase_of_all_its_grams() {
        let index = crate::Index::create_in_ram().unwrap();
        let mut writer = index.writer_with_threads(1).unwrap();
        let bodies = [
            "推进法治政府建设。法治政府建设年度报告",
            "法治政府建设",
            "法治政府和法治社会建设",
            "加快建设法治政府，法治政府建设取得成效，政府建设",
        ];
        for (i, body) in bodies.iter().enumerate() {
            let doc = crate::Document::from_text(&format!("{i}.txt"), body);
            writer.add_document(&doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.tantivy_searcher();
        let lookup = super::super::lookup::IndexLookup {
            searcher: &searcher,
            dict: index.extractor().dict(),
            law_field: index.fields.law,
        };
        let compiler = Compiler {
            fields: &index.fields,
            analyzer: index.analyzer(),
            dict: index.extractor().dict(),
            short_names: &ShortNames::default(),
            lookup: &lookup,
            only: None,
            expand: true,
        };
        let field = index.fields.body_grams;
        let text = "法治政府建设";
        let all: Vec<(usize, Term)> = ["法治", "治政", "政府", "府建", "建设"]
            .iter()
            .enumerate()
            .map(|(i, g)| (i, Term::from_field_text(field, g)))
            .collect();
        let full = PhraseQuery::new_with_offset(all);
        let thinned = compiler.grams(field, text).unwrap();
        let expected = matches(&searcher, &full);
        let got = matches(&searcher, &*thinned);
        assert_eq!(expected.len(), 3, "{expected:?}");
        assert_eq!(got.len(), expected.len());
        for ((d1, s1), (d2, s2)) in got.iter().zip(&expected) {
            assert_eq!(d1, d2);
            assert!((s1 - s2).abs() < 1e-4 * s2, "doc {d1}: {s1} vs {s2}");
        }
    }

    #[test]
    fn bare_years_are_four_digits_with_or_without_nian() {
        assert_eq!(bare_year("2023"), Some(2023));
        assert_eq!(bare_year("2023年"), Some(2023));
        for text in [
            "2023年度",
            "20234",
            "123",
            "1800",
            "2100年",
            "二〇二三年",
            "年",
        ] {
            assert_eq!(bare_year(text), None, "{text}");
        }
    }

    #[test]
    fn any_term_matches_and_scores_as_a_term_set_query() {
        let mut schema = Schema::builder();
        let field = schema.add_text_field("v", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for i in 0..60 {
            writer
                .add_document(doc!(field => format!("v{}", i % 30)))
                .unwrap();
        }
        writer.commit().unwrap();
        for n in [0, 1, 3, SMALL_TERM_SET, SMALL_TERM_SET + 1, 25] {
            let terms: Vec<Term> = (0..n)
                .map(|i| Term::from_field_text(field, &format!("v{i}")))
                .collect();
            let searcher = index.reader().unwrap().searcher();
            let expected = matches(&searcher, &TermSetQuery::new(terms.clone()));
            assert_eq!(expected.len(), 2 * n);
            assert_eq!(matches(&searcher, &*any_term(terms)), expected, "{n} terms");
        }
    }
}
