//! Segmentation (分词): normalization with an offset map, jieba words and Han character grams.
//! Pure code: no I/O, no tantivy.
//!
//! One [`Analyzer`] serves indexing and querying, so that both see the same tokens:
//! - **words**: jieba's cut (exact mode, HMM off) of the normalized text, for ranking whole words;
//! - **grams**: every pair of adjacent units (a unit is a Han character or a run of letters and
//!   digits), and each unit that ends a run, positioned by character offset: for exact phrases
//!   and matches inside words.

mod dict;
mod grams;
mod normalize;
mod simplify;

use std::sync::Arc;

use jieba_rs::Jieba;
use xxhash_rust::xxh3::xxh3_64;

pub use dict::Dictionary;
pub use grams::{
    grams, phrase_grams, phrase_scoring_grams, starts_with_unit, Gram, GramKind, PhraseGrams,
};
pub(crate) use normalize::is_dropped;
pub use normalize::{
    char_class, is_han, is_transparent, normalize, CharClass, Normalized, TRANSPARENT_MARKS,
};
pub use simplify::to_simplified;

/// jieba's HMM stays off, at index and at query time. HMM guesses words for runs that are not in
/// the dictionary, and its guesses depend on the neighbouring characters: 财政赤字率拟按 becomes
/// 赤字|率拟|按, so a document holds the non-word 率拟 while a query for 赤字率 gets other tokens.
/// With HMM off every token longer than one character is a dictionary word, the same wherever it
/// stands, and a user fixes a bad cut by adding a word to the dictionary.
pub const HMM: bool = false;

/// Version of the normalization and token rules; part of the analyzer fingerprint (3: quotation
/// and book-title marks are transparent).
const ANALYZER_VERSION: u32 = 3;

/// Lines longer than this many bytes are cut further at punctuation before jieba sees them, which
/// bounds memory and gives the same words (jieba never joins across punctuation).
const MAX_PIECE: usize = 4096;
/// A piece without any punctuation is cut at this many bytes all the same.
const HARD_PIECE: usize = 4 * MAX_PIECE;

/// A word token: a slice of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word.
    pub text: &'a str,
    /// Byte offset of the word in the normalized text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// Character offset of the word in the normalized text (its position in the index).
    pub position: usize,
}

/// The analyzer shared by indexing and querying: a dictionary and the rules above.
#[derive(Debug, Clone)]
pub struct Analyzer {
    dict: Dictionary,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new(Dictionary::builtin())
    }
}

impl Analyzer {
    /// An analyzer over `dict`.
    pub fn new(dict: Dictionary) -> Analyzer {
        Analyzer { dict }
    }

    /// The dictionary.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// Identifies the rules and the dictionary: an index built with another analyzer is refused.
    pub fn fingerprint(&self) -> String {
        let rules = xxh3_64(format!("v{ANALYZER_VERSION} hmm={HMM}").as_bytes());
        format!("{:016x}{:016x}", rules, self.dict.fingerprint())
    }

    /// jieba with the whole dictionary (built once, then shared): for indexing.
    pub(crate) fn jieba(&self) -> Arc<Jieba> {
        self.dict.full_jieba()
    }

    /// Exact-mode words of normalized `text` (a document), cut as indexing cuts them: with the
    /// whole dictionary, which is built on the first call (about 100 ms) and then shared.
    pub fn index_words<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        self.words(&self.jieba(), text)
    }

    /// Words of normalized `text`, with the full dictionary.
    pub(crate) fn words<'a>(&self, jieba: &Jieba, text: &'a str) -> Vec<Token<'a>> {
        let mut out = Vec::new();
        for_each_word(jieba, text, &mut |t| out.push(t));
        out
    }

    /// Exact-mode words of normalized `text` (a query), cut with a jieba holding only the words
    /// inside `text`: the same cut as the full dictionary gives, without building it.
    pub fn query_words<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        let jieba = self.dict.jieba_for(text);
        let mut out = Vec::new();
        for_each_word(&jieba, text, &mut |t| out.push(t));
        out
    }
}

/// Calls `sink` with every word token of `text`, cut by `jieba` in exact mode: a word inside a
/// longer word is not a token (待处理 gives no 处理), so whole words rank above parts of words.
/// White space and punctuation are not tokens.
pub(crate) fn for_each_word<'a>(jieba: &Jieba, text: &'a str, sink: &mut dyn FnMut(Token<'a>)) {
    for (start, position, piece) in pieces(text) {
        for w in jieba.cut(piece, HMM) {
            if w.word.chars().any(char::is_alphanumeric) {
                sink(Token {
                    text: &text[start + w.byte_start..start + w.byte_end],
                    start: start + w.byte_start,
                    end: start + w.byte_end,
                    position: position + w.start,
                });
            }
        }
    }
}

/// Splits `text` into lines, and long lines at punctuation, as `(byte offset, character offset,
/// piece)`.
pub fn pieces(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    let mut rest_start = 0;
    let mut chars_before = 0;
    std::iter::from_fn(move || {
        let rest = text.get(rest_start..)?;
        if rest.is_empty() {
            return None;
        }
        let end = piece_end(rest);
        let piece = &rest[..end];
        let item = (rest_start, chars_before, piece);
        rest_start += end;
        chars_before += piece.chars().count();
        Some(item)
    })
}

/// Length of the first piece of `rest`: up to and including the first line break, or up to the
/// last punctuation mark before `MAX_PIECE` bytes when the line is longer.
fn piece_end(rest: &str) -> usize {
    let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if line_end <= MAX_PIECE {
        return line_end;
    }
    let mut cut = None;
    for (i, c) in rest[..line_end].char_indices() {
        if i > MAX_PIECE && cut.is_some() {
            break;
        }
        if i > HARD_PIECE {
            // A run without punctuation this long is no prose (a table dumped as one line, noise):
            // it is cut anyway, so that memory stays bounded; words at the cut may differ.
            return i;
        }
        if char_class(c) == CharClass::Other && !is_jieba_joiner(c) {
            cut = Some(i + c.len_utf8());
        }
    }
    cut.unwrap_or(line_end)
}

/// Characters that jieba keeps inside a token (12.4, c++, 50%, a-b, r&d).
fn is_jieba_joiner(c: char) -> bool {
    matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

#[cfg(test)]
mod tests;
