//! Grams: the text cut into units — each Han character, and each run of letters and digits — and
//! every pair of adjacent units indexed as a bigram at the character offset of its first unit.
//! A phrase of two or more units is then the sequence of its bigrams at their offsets, wherever
//! jieba cuts it (every other bigram suffices to match: see [`phrase_grams`]). A unit that ends a run (before punctuation, space or the end) is also indexed
//! alone, so that a one-unit query finds it: either as the first unit of a bigram or alone.

use super::normalize::{char_class, CharClass};

/// Whether a gram is a pair of units or a unit alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GramKind {
    /// Two adjacent units (科学, 第3, 3条, 2024年).
    Bigram,
    /// A unit that ends a run: no unit follows it directly.
    Last,
}

/// One gram: a slice of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gram<'a> {
    /// The gram's text.
    pub text: &'a str,
    /// Byte offset in the normalized text.
    pub start: usize,
    /// Character offset in the normalized text (the position in the index).
    pub position: usize,
    /// Bigram or last unit.
    pub kind: GramKind,
}

/// A unit: a Han character or a run of letters and digits.
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    position: usize,
    /// Characters in the unit.
    len: usize,
}

/// The units of `text`, in order.
fn units(text: &str) -> impl Iterator<Item = Unit> + '_ {
    let mut chars = text.char_indices().enumerate().peekable();
    std::iter::from_fn(move || loop {
        let (position, (start, c)) = chars.next()?;
        match char_class(c) {
            CharClass::Other => continue,
            CharClass::Han => {
                return Some(Unit {
                    start,
                    end: start + c.len_utf8(),
                    position,
                    len: 1,
                })
            }
            CharClass::Alnum => {
                let mut unit = Unit {
                    start,
                    end: start + c.len_utf8(),
                    position,
                    len: 1,
                };
                while let Some(&(_, (s, n))) = chars.peek() {
                    if char_class(n) != CharClass::Alnum {
                        break;
                    }
                    unit.end = s + n.len_utf8();
                    unit.len += 1;
                    chars.next();
                }
                return Some(unit);
            }
        }
    })
}

/// The grams of normalized `text`, in order of position.
pub fn grams(text: &str) -> impl Iterator<Item = Gram<'_>> {
    let mut units = units(text).peekable();
    std::iter::from_fn(move || {
        let unit = units.next()?;
        let next = units
            .peek()
            .filter(|n| n.position == unit.position + unit.len);
        Some(match next {
            Some(next) => Gram {
                text: &text[unit.start..next.end],
                start: unit.start,
                position: unit.position,
                kind: GramKind::Bigram,
            },
            None => Gram {
                text: &text[unit.start..unit.end],
                start: unit.start,
                position: unit.position,
                kind: GramKind::Last,
            },
        })
    })
}

/// What a phrase query looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhraseGrams<'a> {
    /// Nothing to index (punctuation only).
    None,
    /// One unit: any gram whose first unit it is (see [`starts_with_unit`]).
    Unit(&'a str),
    /// Two or more units: grams at their offsets from the first. Each run of two or more units
    /// gives every other bigram and its last one; a run of one unit gives the unit alone.
    Grams(Vec<(usize, &'a str)>),
}

/// The grams that a phrase query must find.
pub fn phrase_grams(phrase: &str) -> PhraseGrams<'_> {
    let all: Vec<Gram<'_>> = grams(phrase).collect();
    match all.as_slice() {
        [] => PhraseGrams::None,
        [one] => PhraseGrams::Unit(one.text),
        _ => {
            let first = all[0].position;
            let needed = needed_grams(&all);
            PhraseGrams::Grams(needed.map(|g| (g.position - first, g.text)).collect())
        }
    }
}

/// The grams a phrase needs: in each run of units, every other bigram and the last one (the
/// bigrams at units 0, 2, 4 … pin every unit of the run; those between add nothing but work for
/// the phrase matcher), and a run of one unit alone.
fn needed_grams<'g, 'a>(all: &'g [Gram<'a>]) -> impl Iterator<Item = &'g Gram<'a>> {
    let mut run_start = 0;
    // (The grams dropped here still count for the phrase's score: see `phrase_scoring_grams`.)
    all.iter().enumerate().filter_map(move |(i, g)| {
        let after_bigram = follows_bigram(all, i);
        let keep = match g.kind {
            // A unit ending a run is covered by the bigram before it, if there is one.
            GramKind::Last => !after_bigram,
            GramKind::Bigram => {
                if !after_bigram {
                    run_start = i;
                }
                let last_of_run = all.get(i + 1).is_none_or(|n| n.kind != GramKind::Bigram);
                (i - run_start) % 2 == 0 || last_of_run
            }
        };
        keep.then_some(g)
    })
}

/// The grams that score a phrase of two or more units: each bigram of each run, and a run of
/// one unit alone — all that its characters give, whereas [`phrase_grams`] leaves out the bigrams
/// that other bigrams imply. A query weighs the phrase by these, so that leaving grams out of
/// the matching changes no score.
pub fn phrase_scoring_grams(phrase: &str) -> Vec<&str> {
    let all: Vec<Gram<'_>> = grams(phrase).collect();
    all.iter()
        .enumerate()
        .filter(|&(i, g)| g.kind == GramKind::Bigram || !follows_bigram(&all, i))
        .map(|(_, g)| g.text)
        .collect()
}

/// Whether gram `i` comes right after a bigram: it continues that bigram's run (a unit ending
/// the run is then covered by the bigram).
fn follows_bigram(all: &[Gram<'_>], i: usize) -> bool {
    i > 0 && all[i - 1].kind == GramKind::Bigram
}

/// Whether the gram `term` has `unit` as its first unit: the unit alone, or a bigram of it and
/// the next unit (for a unit of letters and digits the next unit is always one Han character).
pub fn starts_with_unit(term: &str, unit: &str) -> bool {
    let Some(rest) = term.strip_prefix(unit) else {
        return false;
    };
    let unit_is_alnum = unit
        .chars()
        .next()
        .is_some_and(|c| char_class(c) == CharClass::Alnum);
    let mut next = rest.chars();
    match (next.next(), unit_is_alnum) {
        (None, _) => true,
        (Some(_), false) => true,
        (Some(c), true) => char_class(c) == CharClass::Han && next.next().is_none(),
    }
}
