//! tantivy adapters for the analyzer's two token kinds. Both receive text that is already
//! normalized; the word tokenizer builds the full jieba lazily, so opening an index to search never
//! pays for it.

use std::sync::Arc;

use jieba_rs::Jieba;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use crate::segment::{self, Analyzer};

/// Registers both tokenizers on `index`.
pub fn register(index: &tantivy::Index, analyzer: &Analyzer) {
    let tokenizers = index.tokenizers();
    tokenizers.register(
        super::schema::WORDS_TOKENIZER,
        TextAnalyzer::from(WordsTokenizer {
            analyzer: analyzer.clone(),
        }),
    );
    tokenizers.register(
        super::schema::GRAMS_TOKENIZER,
        TextAnalyzer::from(GramsTokenizer),
    );
}

/// jieba words (exact mode).
#[derive(Clone)]
struct WordsTokenizer {
    analyzer: Analyzer,
}

impl Tokenizer for WordsTokenizer {
    type TokenStream<'a> = VecTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream<'a> {
        let jieba: Arc<Jieba> = self.analyzer.jieba();
        let mut tokens = Vec::new();
        segment::for_each_word(&jieba, text, &mut |t| {
            tokens.push((t.start as u32, t.end as u32, t.position as u32));
        });
        VecTokenStream::new(text, tokens)
    }
}

/// A stream over precomputed `(start, end, position)` spans of one text, reusing one token.
pub struct VecTokenStream<'a> {
    text: &'a str,
    spans: std::vec::IntoIter<(u32, u32, u32)>,
    token: Token,
}

impl<'a> VecTokenStream<'a> {
    fn new(text: &'a str, spans: Vec<(u32, u32, u32)>) -> VecTokenStream<'a> {
        VecTokenStream {
            text,
            spans: spans.into_iter(),
            token: Token::default(),
        }
    }
}

impl TokenStream for VecTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((start, end, position)) = self.spans.next() else {
            return false;
        };
        let (start, end) = (start as usize, end as usize);
        self.token.text.clear();
        self.token.text.push_str(&self.text[start..end]);
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.position = position as usize;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Han unigrams and bigrams and letter-digit runs.
#[derive(Clone)]
struct GramsTokenizer;

impl Tokenizer for GramsTokenizer {
    type TokenStream<'a> = GramTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> GramTokenStream<'a> {
        GramTokenStream {
            grams: Box::new(segment::grams(text)),
            token: Token::default(),
        }
    }
}

/// The stream of [`segment::grams`].
pub struct GramTokenStream<'a> {
    grams: Box<dyn Iterator<Item = segment::Gram<'a>> + 'a>,
    token: Token,
}

impl TokenStream for GramTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(g) = self.grams.next() else {
            return false;
        };
        self.token.text.clear();
        self.token.text.push_str(g.text);
        self.token.offset_from = g.start;
        self.token.offset_to = g.start + g.text.len();
        self.token.position = g.position;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}
