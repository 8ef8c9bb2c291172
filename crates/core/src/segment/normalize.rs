//! Text normalization before segmentation (规范化), with a map back to the original bytes.
//!
//! What it folds: full-width ASCII and digits to half-width (ＡＢＣ１２３ → abc123), ASCII upper
//! case to lower case, traditional characters to simplified ones (個人信息保護法 → 个人信息保护法),
//! the middle-dot variants between digits (12·4, 12・4, 12．4 → 12.4), zero-width characters
//! away, and white space: a run holding a line break becomes one `\n` (a paragraph break), any
//! other run becomes one space between two Latin letters or digits and disappears elsewhere,
//! because white space between Chinese characters is layout, not meaning (工 作 总 结).
//!
//! Inline marks are transparent: quotation marks and book-title marks ([`TRANSPARENT_MARKS`])
//! are removed, so that a term written with marks inside it is the term typed without them
//! (“八五”普法 → 八五普法, 《民法典》宣传月 → 民法典宣传月). Sentence punctuation (，。；：！？
//! and the rest) is kept and still separates.

use std::ops::Range;

use super::simplify::{may_simplify, simplified};

/// Normalized text with a map from its byte offsets back to the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// `(normalized offset, original offset)` at every point where the distance between the two
    /// changes; sorted by both.
    points: Vec<(usize, usize)>,
    /// Length of the original text in bytes.
    original_len: usize,
}

impl Normalized {
    /// The original byte offset of the character that starts at normalized byte `offset`
    /// (`offset` equal to the text length maps to the end of the original text).
    pub fn original_offset(&self, offset: usize) -> usize {
        if offset >= self.text.len() {
            return self.original_len;
        }
        let i = self.points.partition_point(|&(n, _)| n <= offset);
        // points[0] is always (0, _), so i >= 1.
        let (n, o) = self.points[i.saturating_sub(1)];
        o + (offset - n)
    }

    /// The original byte range that produced the normalized range `range` (which must lie on
    /// character boundaries of the normalized text).
    pub fn original_range(&self, original: &str, range: Range<usize>) -> Range<usize> {
        let start = self.original_offset(range.start);
        if range.end <= range.start {
            return start..start;
        }
        let last = self.text[..range.end]
            .char_indices()
            .next_back()
            .map_or(range.start, |(i, _)| i);
        let last_orig = self.original_offset(last);
        let len = original[last_orig.min(original.len())..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        start..(last_orig + len).min(original.len())
    }
}

/// What a character is to the normalizer and to the segmenters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// A Han character (汉字): indexed one by one and in pairs.
    Han,
    /// A letter or digit of another script: indexed in runs, like words.
    Alnum,
    /// White space, punctuation, symbols: never indexed.
    Other,
}

/// The marks that normalizing removes, because they sit inside terms without changing them:
/// quotation marks (" ' “ ” ‘ ’ 「 」 『 』 〝 〞 〟, full-width ＂ ＇, vertical ﹁ ﹂ ﹃ ﹄) and book-title
/// marks (《 》 〈 〉, vertical ︽ ︾ ︿ ﹀). Brackets ((), （）, 〔〕, 【】, [] …), the middle dot and
/// sentence punctuation are not among them: they separate.
pub const TRANSPARENT_MARKS: &[char] = &[
    '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '〝', '〞', '〟', '＂', '＇', '﹁',
    '﹂', '﹃', '﹄', '《', '》', '〈', '〉', '︽', '︾', '︿', '﹀',
];

/// Whether normalizing removes `c` as a transparent mark (see [`TRANSPARENT_MARKS`]).
pub fn is_transparent(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '「'..='』'
            | '〝'..='〟'
            | '＂'
            | '＇'
            | '﹁'..='﹄'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '︽'..='﹀'
    )
}

/// Classifies one (already normalized) character.
pub fn char_class(c: char) -> CharClass {
    if is_han(c) {
        CharClass::Han
    } else if c.is_alphanumeric() {
        CharClass::Alnum
    } else {
        CharClass::Other
    }
}

/// Whether `c` is a Han character (CJK unified ideographs, extensions and compatibility forms).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF | 0x30000..=0x323AF)
}

/// Normalizes `original`; see the module documentation for what is folded.
pub fn normalize(original: &str) -> Normalized {
    let mut out = Builder {
        text: String::with_capacity(original.len()),
        points: vec![(0, 0)],
        pending_space: None,
    };
    // Whether a character that may be traditional was kept: only then is the text simplified.
    let mut traditional = false;
    let mut chars = original.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if is_plain(c) {
            // A run of characters kept as they are is copied at once.
            let mut end = at + c.len_utf8();
            traditional |= may_simplify(c);
            while let Some(&(i, n)) = chars.peek().filter(|&&(_, n)| is_plain(n)) {
                end = i + n.len_utf8();
                traditional |= may_simplify(n);
                chars.next();
            }
            out.flush_space(c);
            out.push_str(&original[at..end], at);
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            let newline = out.pending_space.is_some_and(|(_, nl)| nl) || is_line_break(c);
            if out.pending_space.is_none() {
                out.pending_space = Some((at, newline));
            } else if let Some(pending) = out.pending_space.as_mut() {
                pending.1 = newline;
            }
            continue;
        }
        let Some(folded) = fold_char(c) else { continue };
        let folded = if is_dot_variant(folded)
            && out.text.ends_with(|p: char| p.is_ascii_digit())
            && out.pending_space.is_none_or(|(_, newline)| !newline)
            && next_kept(chars.clone()).is_some_and(fold_digit)
        {
            '.'
        } else {
            folded
        };
        out.flush_space(folded);
        out.push(folded, at);
        traditional |= may_simplify(folded);
    }
    Normalized {
        text: if traditional {
            simplified(out.text)
        } else {
            out.text
        },
        points: out.points,
        original_len: original.len(),
    }
}

struct Builder {
    text: String,
    points: Vec<(usize, usize)>,
    /// A white-space run seen but not yet written: where it started, and whether it held a
    /// line break.
    pending_space: Option<(usize, bool)>,
}

impl Builder {
    fn push(&mut self, c: char, original_at: usize) {
        let at = self.text.len();
        let &(n, o) = self.points.last().unwrap_or(&(0, 0));
        if original_at != o + (at - n) {
            self.points.push((at, original_at));
        }
        self.text.push(c);
    }

    /// Pushes `run`, which starts at `original_at` and is copied unchanged.
    fn push_str(&mut self, run: &str, original_at: usize) {
        let at = self.text.len();
        let &(n, o) = self.points.last().unwrap_or(&(0, 0));
        if original_at != o + (at - n) {
            self.points.push((at, original_at));
        }
        self.text.push_str(run);
    }

    /// Writes the pending white space before `next`, as the module documentation says.
    fn flush_space(&mut self, next: char) {
        let Some((at, newline)) = self.pending_space.take() else {
            return;
        };
        let Some(prev) = self.text.chars().next_back() else {
            return;
        };
        if newline {
            self.push('\n', at);
        } else if spaced(prev) && spaced(next) {
            self.push(' ', at);
        }
    }
}

/// Characters that normalizing keeps as they are whatever surrounds them: the common Han block,
/// lower-case ASCII letters and digits, and the commonest Chinese punctuation (the fast path of
/// [`normalize`]; traditional characters among them are simplified afterwards, like any other).
fn is_plain(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | 'a'..='z' | '0'..='9' | '。' | '、')
}

/// Letters and digits of scripts that separate words with spaces.
fn spaced(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c) && !matches!(c as u32, 0x3040..=0x30FF | 0xAC00..=0xD7AF)
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whether normalizing drops `c`: invisible characters (zero-width spaces and joiners, the
/// byte-order mark, the soft hyphen).
pub(crate) fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{00AD}'
    )
}

/// Folds one character; `None` drops it (an invisible character or a transparent mark).
fn fold_char(c: char) -> Option<char> {
    match c {
        c if is_dropped(c) || is_transparent(c) => None,
        // Unicode noncharacters never occur in real text; the segmenter uses one internally.
        '\u{FDD0}'..='\u{FDEF}' => Some('\u{FFFD}'),
        '\u{FF01}'..='\u{FF5E}' => {
            let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            Some(ascii.to_ascii_lowercase())
        }
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        _ => Some(c),
    }
}

/// The next character that is kept in the output, past dropped characters and white space on
/// the same line (dropped next to a middle dot); `None` at a line break or the end.
fn next_kept(rest: impl Iterator<Item = (usize, char)>) -> Option<char> {
    rest.map(|(_, c)| c)
        .find(|&c| {
            !((c.is_whitespace() || c.is_control()) && !is_line_break(c)) && fold_char(c).is_some()
        })
        .filter(|&c| !is_line_break(c))
}

fn fold_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{FF10}'..='\u{FF19}').contains(&c)
}

/// Middle dots that stand for the full stop between the month and the day in 12·4.
fn is_dot_variant(c: char) -> bool {
    matches!(c, '·' | '・' | '･' | '‧' | '•' | '∙')
}
