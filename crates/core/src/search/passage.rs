//! Passages (段落摘录): the paragraphs of a document that best match a query, cut to about a
//! hundred characters around the matches, with whole-word highlights mapped back to the original
//! text. Pure code.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::ingest::is_furniture;
use crate::segment::{is_transparent, Normalized};

/// A paragraph up to this many characters is shown whole.
const WHOLE_PARAGRAPH: usize = 120;
/// Characters shown around the matches of a longer paragraph.
const WINDOW: usize = 100;
/// Characters of context kept before the first match of a window.
const LEAD: usize = 20;
/// Matches of a long paragraph tried as the first of a window.
const WINDOW_TRIES: usize = 4096;

/// A passage of a document with the query's matches highlighted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Passage {
    /// The text, as written in the document.
    pub text: String,
    /// Byte ranges of `text` to highlight, sorted and not overlapping.
    pub highlights: Vec<[usize; 2]>,
    /// Byte offset of `text` in the document.
    pub offset: usize,
    /// 1-based line number of the paragraph.
    pub line: usize,
    /// Whether the paragraph goes on before the passage.
    pub cut_before: bool,
    /// Whether the paragraph goes on after the passage.
    pub cut_after: bool,
    /// The headings the passage stands under, outermost first (一、工作进展情况 › （三）开展科技宣传).
    pub section: Vec<String>,
}

/// The `n` best passages of `original` (normalized as `norm`) for the normalized `texts`: the
/// paragraphs holding the most distinct texts, in document order. When no text occurs, the
/// opening of the document.
pub fn passages(original: &str, norm: &Normalized, texts: &[&str], n: usize) -> Vec<Passage> {
    if n == 0 {
        return Vec::new();
    }
    let matches = find_matches(&norm.text, texts);
    let paragraphs = paragraphs(&norm.text);
    // A page's furniture (breadcrumb, toolbar, byline, footer) is no passage.
    let furniture =
        |p: &Range<usize>| is_furniture(&original[norm.original_range(original, p.clone())]);
    let mut scored: Vec<(usize, usize)> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| (i, paragraph_score(within(&matches, p), texts.len())))
        .filter(|&(i, score)| score > 0 && !furniture(&paragraphs[i]))
        .collect();
    if scored.is_empty() {
        return paragraphs
            .iter()
            .find(|p| !norm.text[(*p).clone()].trim().is_empty() && !furniture(p))
            .map(|p| vec![cut(original, norm, &matches, p.clone())])
            .unwrap_or_default();
    }
    scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    // A passage much weaker than the best (only a part of the query) is no passage worth showing.
    let best = scored.first().map_or(0, |&(_, score)| score);
    scored.retain(|&(_, score)| score * 2 >= best);
    scored.truncate(n);
    scored.sort_by_key(|&(i, _)| i);
    scored
        .into_iter()
        .map(|(i, _)| cut(original, norm, &matches, paragraphs[i].clone()))
        .collect()
}

/// Every match of the normalized `texts` in `original` (normalized as `norm`): byte ranges of
/// `original`, sorted, with overlapping and touching matches merged.
pub(crate) fn all_highlights(original: &str, norm: &Normalized, texts: &[&str]) -> Vec<[usize; 2]> {
    let matches = find_matches(&norm.text, texts);
    merged_highlights(original, norm, &matches, &(0..norm.text.len()))
        .into_iter()
        .map(|r| [r.start, r.end])
        .filter(|[start, end]| start < end)
        .collect()
}

/// A match of one query text in the normalized text.
#[derive(Debug, Clone)]
struct Match {
    range: Range<usize>,
    /// Which query text.
    text: usize,
    /// Characters in the query text.
    chars: usize,
}

fn find_matches(text: &str, texts: &[&str]) -> Vec<Match> {
    let mut out = Vec::new();
    for (i, t) in texts.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
        let chars = t.chars().count();
        out.extend(text.match_indices(t).map(|(at, s)| Match {
            range: at..at + s.len(),
            text: i,
            chars,
        }));
    }
    out.sort_by_key(|m| (m.range.start, m.range.end));
    out
}

/// Byte ranges of the lines of `text`, without their line breaks.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        out.push(start..start + line.len());
        start += line.len() + 1;
    }
    out
}

/// The matches starting inside `range`, found by binary search in the sorted `matches`.
fn within<'m>(matches: &'m [Match], range: &Range<usize>) -> &'m [Match] {
    let lo = matches.partition_point(|m| m.range.start < range.start);
    let hi = matches.partition_point(|m| m.range.start < range.end);
    &matches[lo..hi.max(lo)]
}

/// Distinct query texts in the paragraph weigh most, each by its length in characters (the whole
/// term 法治副校长 over its part 法治); the number of matches breaks ties. `inside` are the
/// paragraph's matches, `texts` the number of query texts.
fn paragraph_score(inside: &[Match], texts: usize) -> usize {
    let mut seen = vec![false; texts];
    let mut chars = 0;
    for m in inside {
        if let Some(s) = seen.get_mut(m.text).filter(|s| !**s) {
            *s = true;
            chars += m.chars;
        }
    }
    chars * 1000 + inside.len().min(999)
}

/// How many distinct query texts the matches hold.
fn distinct_texts<'m>(matches: impl Iterator<Item = &'m Match>) -> usize {
    let mut texts: Vec<usize> = matches.map(|m| m.text).collect();
    texts.sort_unstable();
    texts.dedup();
    texts.len()
}

/// The passage of paragraph `p`: the whole paragraph if short, else the window with
/// the most distinct matches.
fn cut(original: &str, norm: &Normalized, matches: &[Match], p: Range<usize>) -> Passage {
    let text = &norm.text[p.clone()];
    let window = if text.chars().count() <= WHOLE_PARAGRAPH {
        p.clone()
    } else {
        best_window(&norm.text, matches, &p)
    };
    let window = whole_matches(matches, window, &p);
    let highlights = merged_highlights(original, norm, matches, &window);
    let mut orig = norm.original_range(original, window.clone());
    // The marks that normalizing removed at the ends of a whole paragraph belong to it.
    if window.start == p.start {
        orig.start -= marks_before(&original[..orig.start]);
    }
    if window.end == p.end {
        orig.end += marks_after(&original[orig.end..]);
    }
    let mut passage = Passage {
        text: original[orig.clone()].to_owned(),
        highlights: highlights
            .iter()
            .map(|r| [r.start - orig.start, r.end - orig.start])
            .collect(),
        offset: orig.start,
        line: original[..orig.start].matches('\n').count() + 1,
        cut_before: window.start > p.start,
        cut_after: window.end < p.end,
        section: Vec::new(),
    };
    trim(&mut passage);
    passage
}

/// Bytes of the transparent marks that end `text`.
fn marks_before(text: &str) -> usize {
    text.chars()
        .rev()
        .take_while(|&c| is_transparent(c))
        .map(char::len_utf8)
        .sum()
}

/// Bytes of the transparent marks that start `text`.
fn marks_after(text: &str) -> usize {
    text.chars()
        .take_while(|&c| is_transparent(c))
        .map(char::len_utf8)
        .sum()
}

/// The window of paragraph `p` holding the most distinct query texts, the earliest on a tie.
/// A window opens before each match of a text other than the one before it (where a new text
/// comes in), at most `WINDOW_TRIES` of them, and the search stops at a window holding every
/// text: a paragraph of a million matches costs little more than a short one.
fn best_window(text: &str, matches: &[Match], p: &Range<usize>) -> Range<usize> {
    let inside = within(matches, p);
    let all = distinct_texts(inside.iter());
    let mut best = window_at(text, p, p.start);
    let mut best_score = 0;
    let changes = inside
        .iter()
        .enumerate()
        .filter(|&(i, m)| i == 0 || inside[i - 1].text != m.text)
        .map(|(_, m)| m);
    for m in changes.take(WINDOW_TRIES) {
        let start = back_chars(text, m.range.start, LEAD).max(p.start);
        let w = window_at(text, p, start);
        let score = distinct_texts(within(inside, &w).iter().filter(|x| x.range.end <= w.end));
        if score > best_score {
            best_score = score;
            best = w;
        }
        if best_score == all {
            break;
        }
    }
    best
}

/// `window` widened so that no match is cut at either end (a highlight shows whole words), within
/// paragraph `p`.
fn whole_matches(matches: &[Match], window: Range<usize>, p: &Range<usize>) -> Range<usize> {
    let mut w = window;
    for m in within(matches, p) {
        if m.range.start < w.end && m.range.end > w.end && m.range.end <= p.end {
            w.end = m.range.end;
        }
        if m.range.start < w.start && m.range.end > w.start && m.range.start >= p.start {
            w.start = m.range.start;
        }
    }
    w
}

/// `WINDOW` characters of paragraph `p` from byte `start`, moved back if the paragraph ends first.
fn window_at(text: &str, p: &Range<usize>, start: usize) -> Range<usize> {
    let end = forward_chars(text, start, WINDOW).min(p.end);
    let start = if end == p.end {
        back_chars(text, end, WINDOW).max(p.start)
    } else {
        start
    };
    start..end
}

fn forward_chars(text: &str, from: usize, n: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| from + i)
}

fn back_chars(text: &str, from: usize, n: usize) -> usize {
    text[..from]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The matches inside `window`, clipped to it, as byte ranges of `original`, with overlapping and
/// touching ones merged.
fn merged_highlights(
    original: &str,
    norm: &Normalized,
    matches: &[Match],
    window: &Range<usize>,
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    // A match starting before the window may reach into it, by less than the longest match.
    let longest = matches.iter().map(|m| m.range.len()).max().unwrap_or(0);
    let from = window.start.saturating_sub(longest)..window.end;
    for m in within(matches, &from) {
        let (s, e) = (m.range.start.max(window.start), m.range.end.min(window.end));
        if s >= e {
            continue;
        }
        // Merged where they touch in the text as written: a mark that normalizing removed
        // between two matches (科学技术进步法》彩册) keeps them apart.
        let r = norm.original_range(original, s..e);
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Strips white space at both ends of the passage text, moving the highlights along.
fn trim(p: &mut Passage) {
    let lead = p.text.len() - p.text.trim_start().len();
    let kept = p.text.trim().len();
    p.text = p.text[lead..lead + kept].to_owned();
    p.offset += lead;
    for h in &mut p.highlights {
        h[0] = h[0].saturating_sub(lead).min(kept);
        h[1] = h[1].saturating_sub(lead).min(kept);
    }
    p.highlights.retain(|h| h[0] < h[1]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::normalize;

    fn marked(p: &Passage) -> String {
        let mut out = String::new();
        let mut at = 0;
        for [s, e] in &p.highlights {
            out.push_str(&p.text[at..*s]);
            out.push('[');
            out.push_str(&p.text[*s..*e]);
            out.push(']');
            at = *e;
        }
        out.push_str(&p.text[at..]);
        out
    }

    #[test]
    fn furniture_is_no_passage() {
        let original = "首页 > 政务公开 > 普法宣传\n发布时间：2025-06-11　来源：某街道办事处\n\
                        某街道开展普法宣传活动，发放宣传资料。\n主办：某区人民政府办公室　承办：某区数据局";
        let norm = normalize(original);
        let got = passages(original, &norm, &["普法宣传", "某街道", "某区"], 3);
        let texts: Vec<&str> = got.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["某街道开展普法宣传活动，发放宣传资料。"]);
        let opening = passages(original, &norm, &["没有"], 1);
        assert_eq!(opening[0].line, 3, "the opening is the first line of text");
    }

    #[test]
    fn highlights_whole_words_and_merges_overlaps() {
        let original = "一、标题\n向群众发放《中华人民共和国科学技术进步法》彩册。\n其他段落";
        let norm = normalize(original);
        let got = passages(original, &norm, &["科学技术进步法", "技术进步", "彩册"], 2);
        assert_eq!(got.len(), 1);
        assert_eq!(
            marked(&got[0]),
            "向群众发放《中华人民共和国[科学技术进步法]》[彩册]。"
        );
        assert_eq!(got[0].line, 2);
    }

    #[test]
    fn maps_back_to_full_width_and_traditional_text() {
        let original = "學習《個人信息保護法》和ＡＢＣ";
        let norm = normalize(original);
        let got = passages(original, &norm, &["个人信息保护法", "abc"], 1);
        assert_eq!(marked(&got[0]), "學習《[個人信息保護法]》和[ＡＢＣ]");
    }

    #[test]
    fn long_paragraphs_are_cut_around_the_matches() {
        let original = format!("{}民法典{}", "前文".repeat(100), "后文".repeat(100));
        let norm = normalize(&original);
        let got = passages(&original, &norm, &["民法典"], 1);
        let p = &got[0];
        assert!(p.cut_before && p.cut_after);
        assert!(
            p.text.chars().count() <= WINDOW + 1,
            "{}",
            p.text.chars().count()
        );
        assert_eq!(&p.text[p.highlights[0][0]..p.highlights[0][1]], "民法典");
    }

    #[test]
    fn a_paragraph_of_many_matches_finds_the_window_with_every_text() {
        // Regression: windows were tried at every match against every match (quadratic), so a
        // line of a million matches took minutes.
        let original = format!("{}民法典{}", "法治".repeat(300_000), "法治".repeat(300_000));
        let norm = normalize(&original);
        let got = passages(&original, &norm, &["法治", "民法典"], 1);
        let p = &got[0];
        assert!(p.text.contains("民法典"), "{}", p.text);
        // Touching matches merge into one highlight.
        assert_eq!(p.highlights, vec![[0, p.text.len()]]);
    }

    #[test]
    fn all_highlights_cover_every_match_on_the_original_text() {
        let original = "學習《個人信息保護法》。\n宣传个人信息保护法和个人信息。";
        let norm = normalize(original);
        let got = all_highlights(original, &norm, &["个人信息保护法", "个人信息"]);
        let marked: Vec<&str> = got.iter().map(|[s, e]| &original[*s..*e]).collect();
        assert_eq!(marked, ["個人信息保護法", "个人信息保护法", "个人信息"]);
    }

    #[test]
    fn a_whole_paragraph_keeps_its_marks_and_highlights_span_them() {
        let original = "前言\n“八五”普法规划实施。”\n“宪法宣传周”";
        let norm = normalize(original);
        let got = passages(original, &norm, &["八五普法", "宪法宣传周"], 2);
        assert_eq!(marked(&got[0]), "“[八五”普法]规划实施。”");
        assert_eq!(marked(&got[1]), "“[宪法宣传周]”");
    }

    #[test]
    fn without_a_match_the_opening_is_shown() {
        let original = "\n\n标题行\n正文";
        let got = passages(original, &normalize(original), &["不存在"], 1);
        assert_eq!(got[0].text, "标题行");
        assert!(got[0].highlights.is_empty());
    }
}
