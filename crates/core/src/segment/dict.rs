//! The segmentation dictionary (词典): jieba's words, the project's words and the short titles of
//! national laws, compiled at build time into an `fst` map of word → frequency.
//!
//! Two ways to segment with it, which give identical output:
//! - [`Dictionary::full_jieba`] builds jieba's trie of every word once (≈ 100 ms), for indexing;
//! - [`Dictionary::jieba_for`] builds, in microseconds, a jieba holding only the words that occur
//!   inside one text plus a filler word that brings the total frequency to the full dictionary's.
//!   jieba's cut of a text depends only on the dictionary words inside it and on the total
//!   frequency, so the cut is the same; this keeps a query's start-up free of the trie build.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use fst::raw::{Fst, Output};
use fst::{Map, Streamer};
use jieba_rs::Jieba;
use xxhash_rust::xxh3::xxh3_64;

use crate::error::{Error, Result};

mod built {
    include!(concat!(env!("OUT_DIR"), "/words_meta.rs"));
}

static BUILTIN_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.fst"));

/// A word that never occurs in normalized text (normalization replaces Unicode noncharacters),
/// carrying the frequency of the words that a per-text jieba leaves out.
const FILLER: &str = "\u{FDD0}";

/// A segmentation dictionary: words with frequencies.
#[derive(Clone)]
pub struct Dictionary {
    words: Arc<Map<Cow<'static, [u8]>>>,
    builtin: bool,
    total: u64,
    fingerprint: u64,
    full: Arc<OnceLock<Arc<Jieba>>>,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("words", &self.words.len())
            .field("total", &self.total)
            .field("fingerprint", &format_args!("{:016x}", self.fingerprint))
            .finish()
    }
}

impl Dictionary {
    /// The dictionary shipped with zhengce (shared by every caller in the process).
    pub fn builtin() -> Dictionary {
        static BUILTIN: OnceLock<Dictionary> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                // The fst was written by build.rs with fst's own builder; its bytes are valid.
                // Invariant: build.rs wrote these bytes with fst's own MapBuilder, and
                // `Map::new` only checks the format it wrote, so this cannot fail.
                #[allow(clippy::expect_used)]
                let map =
                    Map::new(Cow::Borrowed(BUILTIN_FST)).expect("build.rs writes a valid fst");
                Dictionary::from_map(map, true, built::TOTAL_FREQ, built::FINGERPRINT)
            })
            .clone()
    }

    /// The built-in dictionary with extra words (`word frequency` lines; `#` starts a comment),
    /// which override the frequency of words already present.
    pub fn with_extra_words(text: &str) -> Result<Dictionary> {
        let mut words: BTreeMap<String, u64> = BTreeMap::new();
        let base = Dictionary::builtin();
        let mut stream = base.words.stream();
        while let Some((word, freq)) = stream.next() {
            words.insert(String::from_utf8_lossy(word).into_owned(), freq);
        }
        Dictionary::from_map_of(words, text)
    }

    /// A dictionary of only the given words (`word frequency` lines, as jieba's `dict.txt`;
    /// `#` starts a comment): bring your own, for example jieba's or a domain's, in place of the
    /// built-in one.
    pub fn from_words(text: &str) -> Result<Dictionary> {
        Dictionary::from_map_of(BTreeMap::new(), text)
    }

    /// `words` with the words of `text` added.
    fn from_map_of(mut words: BTreeMap<String, u64>, text: &str) -> Result<Dictionary> {
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let word = super::normalize(parts.next().unwrap_or_default()).text;
            let freq = parts
                .next()
                .and_then(|f| f.parse::<u64>().ok())
                .ok_or_else(|| {
                    Error::Dictionary(format!(
                        "line {}: `{line}` needs a word and a frequency, for example `高台县 5000`",
                        n + 1
                    ))
                })?;
            if !word.is_empty() {
                words.insert(word, freq);
            }
        }
        let total = words.values().sum();
        let map = Map::from_iter(words).map_err(|e| Error::Dictionary(e.to_string()))?;
        let map = Map::new(Cow::Owned(map.into_fst().into_inner()))
            .map_err(|e| Error::Dictionary(e.to_string()))?;
        let fingerprint = xxh3_64(map.as_fst().as_bytes());
        Ok(Dictionary::from_map(map, false, total, fingerprint))
    }

    fn from_map(
        map: Map<Cow<'static, [u8]>>,
        builtin: bool,
        total: u64,
        fingerprint: u64,
    ) -> Dictionary {
        Dictionary {
            words: Arc::new(map),
            builtin,
            total,
            fingerprint,
            full: Arc::new(OnceLock::new()),
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the dictionary has no words.
    pub fn is_empty(&self) -> bool {
        self.words.len() == 0
    }

    /// Whether this is the built-in dictionary.
    pub fn is_builtin(&self) -> bool {
        self.builtin
    }

    /// A hash of every word and frequency: an index records it and refuses another dictionary.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The frequency of `word`, if it is a dictionary word.
    pub fn frequency(&self, word: &str) -> Option<u64> {
        self.words.get(word)
    }

    /// jieba with every word, built once per dictionary and shared.
    pub(crate) fn full_jieba(&self) -> Arc<Jieba> {
        self.full
            .get_or_init(|| {
                let mut jieba = Jieba::empty();
                let mut stream = self.words.stream();
                while let Some((word, freq)) = stream.next() {
                    if let Ok(word) = std::str::from_utf8(word) {
                        jieba.add_word(word, Some(freq as usize), None);
                    }
                }
                Arc::new(jieba)
            })
            .clone()
    }

    /// A jieba holding only the dictionary words that occur in `text`: it cuts `text` exactly
    /// as [`Dictionary::full_jieba`] does.
    pub(crate) fn jieba_for(&self, text: &str) -> Jieba {
        let mut jieba = Jieba::empty();
        let mut sum = 0u64;
        for (word, freq) in self.words_in(text) {
            jieba.add_word(word, Some(freq as usize), None);
            sum += freq;
        }
        jieba.add_word(FILLER, Some(self.total.saturating_sub(sum) as usize), None);
        jieba
    }

    /// The distinct dictionary words that occur in `text`, with their frequencies.
    pub fn words_in<'t>(&self, text: &'t str) -> BTreeMap<&'t str, u64> {
        let fst: &Fst<Cow<'static, [u8]>> = self.words.as_fst();
        let mut found = BTreeMap::new();
        for (start, _) in text.char_indices() {
            let mut node = fst.root();
            let mut output = Output::zero();
            for (i, &byte) in text.as_bytes()[start..].iter().enumerate() {
                let Some(t) = node.find_input(byte).map(|at| node.transition(at)) else {
                    break;
                };
                output = output.cat(t.out);
                node = fst.node(t.addr);
                if node.is_final() {
                    let end = start + i + 1;
                    if let Some(word) = text.get(start..end) {
                        found.insert(word, output.cat(node.final_output()).value());
                    }
                }
            }
        }
        found
    }
}
