//! tantivy adapters for the analyzer's two token kinds. Both receive text that is already
//! normalized; the word tokenizer builds the full jieba lazily, so opening an index to search never
//! pays for it.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use jieba_rs::Jieba;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use crate::segment::{self, Analyzer};

/// Registers both tokenizers on `index`. The word tokenizer adds to `cut` the bytes of every piece
/// of text it has cut: how far the indexing threads have come (see `IndexWriter::wait_for_room`).
pub fn register(index: &tantivy::Index, analyzer: &Analyzer, cut: Arc<AtomicU64>) {
    let tokenizers = index.tokenizers();
    tokenizers.register(
        super::schema::WORDS_TOKENIZER,
        TextAnalyzer::from(WordsTokenizer {
            analyzer: analyzer.clone(),
            cut,
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
    cut: Arc<AtomicU64>,
}

impl Tokenizer for WordsTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        WordTokenStream {
            jieba: self.analyzer.jieba(),
            cut: &self.cut,
            text,
            pieces: Box::new(segment::pieces(text)),
            spans: Vec::new(),
            next: 0,
            token: Token::default(),
        }
    }
}

/// The words of one text, cut piece by piece (a line, or part of a long line), so that memory
/// stays bounded by the longest piece whatever the size of the text.
pub struct WordTokenStream<'a> {
    jieba: Arc<Jieba>,
    cut: &'a AtomicU64,
    text: &'a str,
    pieces: Box<dyn Iterator<Item = (usize, usize, &'a str)> + 'a>,
    /// `(start, end, position)` of the current piece's words.
    spans: Vec<(usize, usize, usize)>,
    next: usize,
    token: Token,
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while self.next >= self.spans.len() {
            let Some((start, position, piece)) = self.pieces.next() else {
                return false;
            };
            self.spans.clear();
            self.next = 0;
            self.cut.fetch_add(piece.len() as u64, Ordering::Relaxed);
            let spans = &mut self.spans;
            segment::for_each_word(&self.jieba, piece, &mut |t| {
                spans.push((start + t.start, start + t.end, position + t.position));
            });
        }
        let (start, end, position) = self.spans[self.next];
        self.next += 1;
        self.token.text.clear();
        self.token.text.push_str(&self.text[start..end]);
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.position = position;
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
