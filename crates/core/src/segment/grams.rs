//! Han character grams: each Han character alone (unigram) and with the next Han character
//! (bigram), plus runs of letters and digits, all positioned by character offset. A phrase of Han
//! characters is then the sequence of its bigrams at consecutive positions, wherever jieba cuts it.

use super::normalize::{char_class, CharClass};

/// One gram: a slice of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gram<'a> {
    /// The gram: one or two Han characters, or a run of letters and digits.
    pub text: &'a str,
    /// Byte offset in the normalized text.
    pub start: usize,
    /// Character offset in the normalized text (the position in the index).
    pub position: usize,
}

/// The grams of normalized `text`, in order of position (a unigram before the bigram that starts
/// at the same character).
pub fn grams(text: &str) -> impl Iterator<Item = Gram<'_>> {
    GramIter {
        text,
        chars: text.char_indices().enumerate().peekable(),
        pending: None,
    }
}

type Chars<'a> = std::iter::Peekable<std::iter::Enumerate<std::str::CharIndices<'a>>>;

struct GramIter<'a> {
    text: &'a str,
    chars: Chars<'a>,
    /// A bigram to emit after the unigram at the same position.
    pending: Option<Gram<'a>>,
}

impl<'a> Iterator for GramIter<'a> {
    type Item = Gram<'a>;

    fn next(&mut self) -> Option<Gram<'a>> {
        if let Some(gram) = self.pending.take() {
            return Some(gram);
        }
        loop {
            let (position, (start, c)) = self.chars.next()?;
            match char_class(c) {
                CharClass::Other => continue,
                CharClass::Han => {
                    let end = start + c.len_utf8();
                    if let Some(&(_, (next_start, next))) = self.chars.peek() {
                        if char_class(next) == CharClass::Han {
                            let bigram_end = next_start + next.len_utf8();
                            self.pending = Some(Gram {
                                text: &self.text[start..bigram_end],
                                start,
                                position,
                            });
                        }
                    }
                    return Some(Gram {
                        text: &self.text[start..end],
                        start,
                        position,
                    });
                }
                CharClass::Alnum => {
                    let mut end = start + c.len_utf8();
                    while let Some(&(_, (s, n))) = self.chars.peek() {
                        if char_class(n) != CharClass::Alnum {
                            break;
                        }
                        end = s + n.len_utf8();
                        self.chars.next();
                    }
                    return Some(Gram {
                        text: &self.text[start..end],
                        start,
                        position,
                    });
                }
            }
        }
    }
}

/// The grams that a phrase query must find, with their offsets from the first one: the bigrams of
/// each run of Han characters (the unigram for a lone Han character) and each run of letters and
/// digits. Empty when `phrase` has nothing to index.
pub fn phrase_grams(phrase: &str) -> Vec<(usize, &str)> {
    let all: Vec<Gram<'_>> = grams(phrase).collect();
    let is_bigram = |g: &Gram<'_>| {
        g.text
            .chars()
            .nth(1)
            .is_some_and(|c| char_class(c) == CharClass::Han)
    };
    let bigram_at: std::collections::HashSet<usize> = all
        .iter()
        .filter(|g| is_bigram(g))
        .map(|g| g.position)
        .collect();
    let needed = |g: &Gram<'_>| {
        let han_unigram = g.text.chars().count() == 1 && char_class_first(g.text) == CharClass::Han;
        !han_unigram
            || !(bigram_at.contains(&g.position)
                || g.position
                    .checked_sub(1)
                    .is_some_and(|p| bigram_at.contains(&p)))
    };
    let kept: Vec<(usize, &str)> = all
        .iter()
        .filter(|g| needed(g))
        .map(|g| (g.position, g.text))
        .collect();
    let first = kept.first().map_or(0, |&(p, _)| p);
    kept.into_iter().map(|(p, t)| (p - first, t)).collect()
}

fn char_class_first(s: &str) -> CharClass {
    s.chars().next().map_or(CharClass::Other, char_class)
}
