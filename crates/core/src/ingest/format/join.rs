//! Joining lines broken by page layout (断行合并): a PDF's text layer breaks every line where the
//! page ends it, so a sentence is cut in two. Lines are joined back into paragraphs without
//! inserting a space between Chinese characters.

use crate::ingest::outline;

/// A line narrower than this share of the page's widest line is short (a heading, the last line
/// of a paragraph): its break is kept.
const SHORT_LINE: f64 = 0.8;
/// Characters that end a sentence or announce what follows: a line ending with one keeps its
/// break.
const CLOSING_MARKS: &[char] = &['。', '！', '？', '：', '；'];
/// Closing quotes and brackets that may follow a closing mark at the end of a line (`。”`).
const CLOSERS: &[char] = &['”', '’', '）', ')', '」', '』', '》', '】', '〕'];
/// Dashes around a page number (`— 2 —`, `- 2 -`).
const DASHES: &[char] = &['-', '—', '–', '－', '─'];

/// Joins the lines of a page's text back into paragraphs, one per line. Blank lines and page
/// numbers (`— 2 —`, `第2页`) are dropped; white space between two Chinese characters inside a
/// line (letter-spaced, justified text) is removed. A line keeps its break when it ends with 。！？：；
/// (a closing quote or bracket may follow), when it is short (narrower than 80% of the widest
/// line: a heading, a paragraph's last line), or when the next line starts with a heading
/// number (一、, （一）, 第X条 …). Otherwise the lines are joined: directly when either side of the
/// break is a Chinese character or Chinese punctuation, with one space between Latin words.
///
/// ```
/// use zhengce_core::ingest::format::join_lines;
///
/// let page = "为深入推进依法行政，加快建设法治\n政府，现将有关事项通知如下：\n一、总体要求";
/// assert_eq!(join_lines(page), "为深入推进依法行政，加快建设法治政府，现将有关事项通知如下：\n一、总体要求");
/// ```
pub fn join_lines(page: &str) -> String {
    let lines: Vec<String> = page
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !is_page_number(l))
        .map(tighten)
        .collect();
    let widest = lines.iter().map(|l| width(l)).max().unwrap_or(0);
    let mut out = String::with_capacity(page.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let previous = &lines[i - 1];
            if keeps_break(previous, line, widest) {
                out.push('\n');
            } else {
                out.push_str(separator(previous, line));
            }
        }
        out.push_str(line);
    }
    out
}

/// `line` without the white space between two Chinese characters.
fn tighten(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_whitespace() {
            out.push(c);
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&j| !chars[j].is_whitespace())
            .unwrap_or(chars.len());
        let between_wide = out.chars().next_back().is_some_and(is_wide)
            && chars.get(end).is_some_and(|&next| is_wide(next));
        if !between_wide {
            out.extend(&chars[i..end]);
        }
        i = end;
    }
    out
}

/// What joins two pieces of text where a line break was: nothing when either side is Chinese
/// (a Han character or Chinese punctuation), else one space.
pub(super) fn separator(before: &str, after: &str) -> &'static str {
    let last = before.chars().next_back();
    let first = after.chars().next();
    match (last, first) {
        (Some(a), Some(b)) if !is_wide(a) && !is_wide(b) => " ",
        _ => "",
    }
}

/// Whether the break after `line` (followed by `next`) ends a paragraph.
fn keeps_break(line: &str, next: &str, widest: usize) -> bool {
    let end = line.trim_end_matches(CLOSERS);
    end.ends_with(CLOSING_MARKS)
        || (width(line) as f64) < SHORT_LINE * widest as f64
        || outline::starts_with_heading_number(next)
}

/// The printed width of a line: two for a Chinese character or full-width form, one for others,
/// none for white space.
fn width(line: &str) -> usize {
    line.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if is_wide(c) { 2 } else { 1 })
        .sum()
}

/// A Han character, Chinese punctuation or a full-width form.
pub(super) fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{303F}'     // radicals, CJK symbols and punctuation (、。《》【】〔〕)
        | '\u{3400}'..='\u{4DBF}'   // extension A
        | '\u{4E00}'..='\u{9FFF}'   // unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}'   // compatibility forms
        | '\u{FF00}'..='\u{FFEF}'   // full-width forms (，：；！？（）)
        | '\u{20000}'..='\u{3134F}' // extensions B–G
        | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// A line that is only a page number: `— 2 —`, `-2-`, `第2页`, `第2页 共5页`.
fn is_page_number(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let dashed = compact
        .strip_prefix(DASHES)
        .and_then(|rest| rest.strip_suffix(DASHES))
        .map(|n| n.trim_matches(DASHES));
    if let Some(number) = dashed {
        return is_number(number);
    }
    let Some(rest) = compact.strip_prefix('第') else {
        return false;
    };
    let Some((page, total)) = rest.split_once('页') else {
        return false;
    };
    let total_ok = total.is_empty()
        || total
            .strip_prefix('共')
            .and_then(|t| t.strip_suffix('页'))
            .is_some_and(is_number);
    is_number(page) && total_ok
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule, case by case: a page as extracted, and the paragraphs it gives.
    const GOLDEN: &[(&str, &str, &str)] = &[
        (
            "a break between two Han characters is removed",
            "为深入推进依法行政，加快建设法治\n政府，现将有关事项通知如下：",
            "为深入推进依法行政，加快建设法治政府，现将有关事项通知如下：",
        ),
        (
            "a break between a Han character and Chinese punctuation is removed",
            "全年组织干部职工集中学法二十四次\n，开展法治讲座两次，提升了能力。",
            "全年组织干部职工集中学法二十四次，开展法治讲座两次，提升了能力。",
        ),
        (
            "a break between Chinese punctuation and a Han character is removed",
            "全年组织干部职工集中学法二十四次，\n开展法治讲座两次。",
            "全年组织干部职工集中学法二十四次，开展法治讲座两次。",
        ),
        (
            "a break between Latin words becomes a space",
            "the annual report on building a government\nunder the rule of law",
            "the annual report on building a government under the rule of law",
        ),
        (
            "a break between a Han character and a digit is removed",
            "截至今年年底，全县共开展各类普法宣传活动\n126场次，发放宣传资料三千余份。",
            "截至今年年底，全县共开展各类普法宣传活动126场次，发放宣传资料三千余份。",
        ),
        (
            "a line ending with 。！？：； keeps its break",
            "一是加强组织领导，落实主体责任。\n二是完善制度建设，规范执法行为；\n三是强化监督检查，确保取得实效！\n请各单位认真贯彻执行：\n四是做好宣传工作，营造良好氛围？",
            "一是加强组织领导，落实主体责任。\n二是完善制度建设，规范执法行为；\n三是强化监督检查，确保取得实效！\n请各单位认真贯彻执行：\n四是做好宣传工作，营造良好氛围？",
        ),
        (
            "a closing quote after the mark does not hide it",
            "他说：“要把普法工作做实做细做出成效。”\n全体干部职工要认真学习领会会议精神",
            "他说：“要把普法工作做实做细做出成效。”\n全体干部职工要认真学习领会会议精神",
        ),
        (
            "a short line (a heading) keeps its break",
            "工作总结\n为深入推进依法行政，加快建设法治政府，根据\n县委县政府的部署安排",
            "工作总结\n为深入推进依法行政，加快建设法治政府，根据县委县政府的部署安排",
        ),
        (
            "a paragraph's short last line keeps its break",
            "为深入推进依法行政，加快建设法治政府，根据\n县委的部署\n全县各单位认真落实各项工作任务，取得成效",
            "为深入推进依法行政，加快建设法治政府，根据县委的部署\n全县各单位认真落实各项工作任务，取得成效",
        ),
        (
            "a break before a heading number is kept",
            "全县各单位认真落实各项工作任务，取得成效明显\n（一）加强组织领导，落实主体责任，确保取得实效",
            "全县各单位认真落实各项工作任务，取得成效明显\n（一）加强组织领导，落实主体责任，确保取得实效",
        ),
        (
            "blank lines (wide line spacing) and indentation are ignored",
            "　　为深入推进依法行政，加快建设法治\n\n政府，现将有关事项通知如下：\n\n",
            "为深入推进依法行政，加快建设法治政府，现将有关事项通知如下：",
        ),
        (
            "page numbers are dropped",
            "为深入推进依法行政，加快建设法治\n— 2 —\n政府，现将有关事项通知如下：\n第3页 共5页",
            "为深入推进依法行政，加快建设法治政府，现将有关事项通知如下：",
        ),
        (
            "white space between Chinese characters inside a line is removed",
            "为 深 入 推 进 依 法 行 政 ， 加 快 建 设\n法 治 政 府 ， 使用 GPS 设备 and more",
            "为深入推进依法行政，加快建设法治政府，使用 GPS 设备 and more",
        ),
        ("an empty page gives nothing", " \n\n", ""),
    ];

    #[test]
    fn lines_are_joined_as_the_golden_table_says() {
        for (rule, page, want) in GOLDEN {
            assert_eq!(join_lines(page), *want, "{rule}");
        }
    }

    #[test]
    fn page_numbers_are_told_from_text() {
        for line in ["- 1 -", "—12—", "－3－", "第2页", "第 2 页 共 5 页"] {
            assert!(is_page_number(line), "{line}");
        }
        for line in ["2024", "第二页", "第3条", "-", "— 附件 —"] {
            assert!(!is_page_number(line), "{line}");
        }
    }
}
