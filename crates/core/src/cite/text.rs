//! The characters of a document as the attribution rules read them: byte offsets, and a mask over
//! what is not the author's own words (other titles, short parenthetical groups, quotations), so
//! that a verb inside 《…》, （…） or “…” never governs anything. Clause and sentence boundaries.

use std::ops::Range;

/// Characters that end a clause (分句); a table's cells (tab, `|`) end one too.
pub const CLAUSE_END: &[char] = &[
    '。', '；', '！', '？', '，', ',', '：', ':', ';', '!', '?', '\n', '\t', '|',
];
/// Characters that end a sentence (句), or a table's cell.
pub const SENTENCE_END: &[char] = &['。', '；', '！', '？', ';', '!', '?', '\n', '\t', '|'];

/// A text as characters, with the mask.
#[derive(Debug)]
pub struct Text {
    pub chars: Vec<char>,
    /// Byte offset of each character, plus the text's length at the end.
    pub offsets: Vec<usize>,
    pub masked: Vec<bool>,
    /// Whether each character stands inside a cited title (a subset of `masked`).
    pub in_title: Vec<bool>,
}

impl Text {
    /// The characters of `text`, with its titles (byte spans of 《…》) masked.
    pub fn new(text: &str, titles: &[Range<usize>]) -> Text {
        // Words are matched in simplified characters (學習 is 学习); the conversion keeps every
        // character's byte length, so offsets are the original text's.
        let simplified = crate::segment::to_simplified(text);
        let (mut offsets, chars): (Vec<usize>, Vec<char>) = simplified.char_indices().unzip();
        offsets.push(text.len());
        let mut masked = vec![false; chars.len()];
        let mut t = titles.iter().peekable();
        for (i, &at) in offsets[..chars.len()].iter().enumerate() {
            while t.peek().is_some_and(|r| r.end <= at) {
                t.next();
            }
            masked[i] = t.peek().is_some_and(|r| r.start <= at);
        }
        let mut out = Text {
            chars,
            offsets,
            in_title: masked.clone(),
            masked,
        };
        out.mask_groups();
        out
    }

    /// Masks （…）, (…), “…” and ‘…’ closed within the same line and 60 characters.
    fn mask_groups(&mut self) {
        let mut i = 0;
        while i < self.chars.len() {
            let close = match self.chars[i] {
                '（' => '）',
                '(' => ')',
                '“' => '”',
                '‘' => '’',
                _ => {
                    i += 1;
                    continue;
                }
            };
            let end = (i + 1..self.chars.len().min(i + 61))
                .take_while(|&j| self.chars[j] != '\n')
                .find(|&j| self.chars[j] == close);
            match end {
                Some(end) => {
                    self.masked[i..=end].iter_mut().for_each(|m| *m = true);
                    i = end + 1;
                }
                None => i += 1,
            }
        }
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Index of the character at byte offset `at` (or the next one).
    pub fn index(&self, at: usize) -> usize {
        self.offsets.partition_point(|&o| o < at)
    }

    /// Byte offset of character `i`.
    pub fn byte(&self, i: usize) -> usize {
        self.offsets[i.min(self.chars.len())]
    }

    /// The characters `range` as a string.
    pub fn slice(&self, range: Range<usize>) -> String {
        let end = range.end.min(self.chars.len());
        self.chars[range.start.min(end)..end].iter().collect()
    }

    /// Whether character `i` is an unmasked one of `ends`.
    pub fn is_boundary(&self, i: usize, ends: &[char]) -> bool {
        !self.masked[i] && ends.contains(&self.chars[i])
    }

    /// First character of the clause (or sentence, with `SENTENCE_END`) holding character `i`.
    pub fn start_of(&self, i: usize, ends: &[char]) -> usize {
        (0..i.min(self.len()))
            .rev()
            .find(|&j| self.is_boundary(j, ends))
            .map_or(0, |j| j + 1)
    }

    /// Just past the last character of the clause (or sentence) holding character `i`.
    pub fn end_of(&self, i: usize, ends: &[char]) -> usize {
        (i..self.len())
            .find(|&j| self.is_boundary(j, ends))
            .unwrap_or(self.len())
    }

    /// Whether `word` starts at character `i` outside the cited titles (inside a quoted name
    /// too: “法律明白人”).
    pub fn said_at(&self, i: usize, word: &str) -> bool {
        word.chars().enumerate().all(|(k, c)| {
            self.chars.get(i + k) == Some(&c) && self.in_title.get(i + k) == Some(&false)
        }) && !word.is_empty()
    }

    /// Whether the unmasked word `word` starts at character `i`.
    pub fn word_at(&self, i: usize, word: &str) -> bool {
        let mut n = 0;
        for (k, c) in word.chars().enumerate() {
            match (self.chars.get(i + k), self.masked.get(i + k)) {
                (Some(&have), Some(false)) if have == c => n += 1,
                _ => return false,
            }
        }
        n > 0
    }

    /// The character at `i`, if any.
    pub fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_titles_groups_and_quotations() {
        let text = "学习《宪法》（2018年修正），“谁执法谁普法”责任制";
        let title = text.find('《').unwrap()..text.find('》').unwrap() + 3;
        let t = Text::new(text, std::slice::from_ref(&title));
        let unmasked: String = t
            .chars
            .iter()
            .zip(&t.masked)
            .filter(|(_, m)| !**m)
            .map(|(c, _)| c)
            .collect();
        assert_eq!(unmasked, "学习，责任制");
    }

    #[test]
    fn clauses_sentences_and_lines() {
        let t = Text::new("一、宣传\n发放手册，开展讲座。其余", &[]);
        let i = t.chars.iter().position(|&c| c == '讲').unwrap();
        assert_eq!(
            t.slice(t.start_of(i, CLAUSE_END)..t.end_of(i, CLAUSE_END)),
            "开展讲座"
        );
        assert_eq!(
            t.slice(t.start_of(i, SENTENCE_END)..t.end_of(i, SENTENCE_END)),
            "发放手册，开展讲座"
        );
        assert!(t.word_at(i - 2, "开展"));
    }
}
