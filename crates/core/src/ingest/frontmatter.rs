//! YAML front matter (元数据头) of Markdown files: the leading `---` block of `key: value` lines,
//! split off the body. A small reader for flat blocks, not a YAML parser.

use std::collections::BTreeMap;

/// The front matter of a text and where the body after it starts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FrontMatter {
    /// Keys to values. Quotes are removed; a list (`[a, b]` or `- item` lines) is joined with
    /// `", "`.
    pub fields: BTreeMap<String, String>,
    /// Byte offset in the text where the body starts (after the closing `---` line).
    pub body_start: usize,
}

/// Splits a leading front matter block off `text`: a `---` line first (a BOM before it is
/// allowed), then `key: value` lines, then a `---` (or `...`) line. Returns `None` when the text
/// does not open with such a block, when the block is not closed, or when it holds no key.
/// Lines that are neither keys, list items nor comments are ignored.
pub fn split(text: &str) -> Option<FrontMatter> {
    let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut lines = lines_with_offsets(text, bom);
    let (_, first) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut block = Block::default();
    for (end, line) in lines {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let fields = block.finish();
            return (!fields.is_empty()).then_some(FrontMatter {
                fields,
                body_start: end,
            });
        }
        block.line(line);
    }
    None
}

/// The lines of `text` from byte `from`, each with the byte offset just after its line break.
fn lines_with_offsets(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let rest = text.get(from..).unwrap_or("");
    let mut offset = from;
    rest.split_inclusive('\n').map(move |chunk| {
        offset += chunk.len();
        (offset, chunk.trim_end_matches(['\n', '\r']))
    })
}

/// The keys read so far and the key whose `- item` lines are being collected.
#[derive(Default)]
struct Block {
    fields: BTreeMap<String, String>,
    list_key: Option<String>,
    list: Vec<String>,
}

impl Block {
    fn line(&mut self, line: &str) {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return;
        }
        if let Some(item) = trimmed
            .strip_prefix("- ")
            .or((trimmed == "-").then_some(""))
        {
            if self.list_key.is_some() {
                self.list.push(scalar(item));
            }
            return;
        }
        if line.starts_with([' ', '\t']) {
            return; // a nested map or a continuation: not read
        }
        let Some((key, value)) = key_value(trimmed) else {
            return;
        };
        self.end_list();
        if value.is_empty() {
            self.list_key = Some(key.to_owned());
        } else {
            self.fields.insert(key.to_owned(), value_text(value));
        }
    }

    fn end_list(&mut self) {
        if let Some(key) = self.list_key.take() {
            self.fields.insert(key, self.list.join(", "));
            self.list.clear();
        }
    }

    fn finish(mut self) -> BTreeMap<String, String> {
        self.end_list();
        self.fields
    }
}

/// `key: value` → (key, value); the key has no spaces and the colon is followed by a space or
/// the end of the line.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let separated = value.is_empty() || value.starts_with([' ', '\t']);
    let plain = !key.is_empty() && !key.contains(char::is_whitespace) && !key.starts_with('-');
    (separated && plain).then(|| (key, value.trim()))
}

/// A value: a flow list `[a, b]` becomes `a, b`; a scalar loses its quotes.
fn value_text(value: &str) -> String {
    match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        Some(items) => items
            .split(',')
            .map(|item| scalar(item.trim()))
            .filter(|item| !item.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        None => scalar(value),
    }
}

/// A scalar without its quotes (`"…"` with `\"` escapes, `'…'` with `''`), or without a trailing
/// ` # comment` when unquoted.
fn scalar(value: &str) -> String {
    let value = value.trim();
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        return inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    value
        .split_once(" #")
        .map_or(value, |(v, _)| v)
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(String, String)> {
        split(text)
            .map(|f| f.fields.into_iter().collect())
            .unwrap_or_default()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn flat_keys_quoted_values_and_the_body_offset() {
        let text = "---\ntitle: 张掖市生态环境局2023年法治政府建设年度报告\ndate: 2023-12-28\n\
                    doc_number: \"张环发〔2023〕156号\"\nissuer: '张掖市生态环境局'\n---\n\n# 标题\n";
        let front = split(text).unwrap();
        assert_eq!(&text[front.body_start..], "\n# 标题\n");
        assert_eq!(
            front.fields.into_iter().collect::<Vec<_>>(),
            pairs(&[
                ("date", "2023-12-28"),
                ("doc_number", "张环发〔2023〕156号"),
                ("issuer", "张掖市生态环境局"),
                ("title", "张掖市生态环境局2023年法治政府建设年度报告"),
            ])
        );
    }

    #[test]
    fn lists_are_joined_with_commas() {
        let table: &[(&str, &[(&str, &str)])] = &[
            (
                "---\ntags: [法治, \"普法\", 'x']\n---\n",
                &[("tags", "法治, 普法, x")],
            ),
            (
                "---\ntags:\n  - 法治\n  - 普法\ntitle: 报告\n---\n",
                &[("tags", "法治, 普法"), ("title", "报告")],
            ),
            ("---\ntags:\n- a\n---\n", &[("tags", "a")]),
            ("---\nempty:\n---\n", &[("empty", "")]),
        ];
        for (text, expected) in table {
            assert_eq!(fields(text), pairs(expected), "{text:?}");
        }
    }

    #[test]
    fn comments_crlf_bom_and_odd_lines() {
        let text = "\u{FEFF}---\r\n# a comment\r\ntitle: 通知 # note\r\nurl: http://x.cn/a\r\n\
                    not a key\r\nnested:\r\n  inner: 1\r\n...\r\nbody";
        let front = split(text).unwrap();
        assert_eq!(&text[front.body_start..], "body");
        assert_eq!(
            front.fields.into_iter().collect::<Vec<_>>(),
            pairs(&[("nested", ""), ("title", "通知"), ("url", "http://x.cn/a")])
        );
    }

    #[test]
    fn malformed_or_absent_blocks_are_no_front_matter() {
        for text in [
            "",
            "---",
            "---\ntitle: 没有结束\n正文",
            "---\n---\n正文",
            "---\n只是一条分隔线\n---\n正文",
            "title: x\n---\n",
            " ---\ntitle: x\n---\n",
            "# 标题\n---\ntitle: x\n---\n",
        ] {
            assert_eq!(split(text), None, "{text:?}");
        }
    }
}
