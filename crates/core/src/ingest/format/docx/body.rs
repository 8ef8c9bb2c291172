//! The text of `word/document.xml` (正文): one line per paragraph, a heading paragraph always
//! one line, one line per table row with its cells separated by a tab. Deleted text, field codes
//! and the fallback copies of text boxes are left out.

use super::styles::HeadingStyles;
use super::xml::{self, Item};
use crate::ingest::format::join::separator;

/// The lines of the document body.
pub(super) fn text(document: &str, headings: &HeadingStyles) -> Result<String, String> {
    let mut body = Body::new(headings);
    xml::walk(document, |item| match item {
        Item::Start(e) => body.start(xml::name(e), e),
        Item::End(name) => body.end(name),
        Item::Text(text) => body.text(&text),
    })?;
    Ok(body.lines.join("\n"))
}

/// A paragraph being read.
#[derive(Default)]
struct Paragraph {
    text: String,
    heading: bool,
}

/// The state of the walk over the document.
struct Body<'a> {
    headings: &'a HeadingStyles,
    lines: Vec<String>,
    /// Open paragraphs, innermost last (a text box's paragraphs sit inside another paragraph).
    paragraphs: Vec<Paragraph>,
    /// Inside `w:t`: text to keep.
    in_text: bool,
    /// Depth inside `w:tabs` (tab stops, not tab characters).
    in_tab_stops: usize,
    /// Depth inside a left-out element (`mc:Fallback`), 0 when outside.
    skipped: usize,
    /// Open tables (nested tables count).
    tables: usize,
    /// The cells of the current row of the outermost table.
    row: Vec<String>,
    /// The current cell of the outermost table.
    cell: Option<String>,
}

impl<'a> Body<'a> {
    fn new(headings: &'a HeadingStyles) -> Body<'a> {
        Body {
            headings,
            lines: Vec::new(),
            paragraphs: Vec::new(),
            in_text: false,
            in_tab_stops: 0,
            skipped: 0,
            tables: 0,
            row: Vec::new(),
            cell: None,
        }
    }

    fn start(&mut self, name: &str, e: &quick_xml::events::BytesStart<'_>) {
        if self.skipped > 0 || name == "Fallback" {
            self.skipped += 1;
            return;
        }
        match name {
            "p" => self.paragraphs.push(Paragraph::default()),
            "pStyle" => {
                let heading = xml::attr(e, "val").is_some_and(|id| self.headings.contains(&id));
                self.mark_heading(heading);
            }
            "outlineLvl" => {
                let level = xml::attr(e, "val").and_then(|v| v.parse::<u8>().ok());
                self.mark_heading(level.is_some_and(|l| l < 9));
            }
            "t" => self.in_text = true,
            "tabs" => self.in_tab_stops += 1,
            "tab" if self.in_tab_stops == 0 => self.push("\t"),
            "br" | "cr" => self.push("\n"),
            "noBreakHyphen" => self.push("-"),
            "tbl" => self.tables += 1,
            "tr" if self.tables == 1 => self.row.clear(),
            "tc" if self.tables == 1 => self.cell = Some(String::new()),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if self.skipped > 0 {
            self.skipped -= 1;
            return;
        }
        match name {
            "p" => self.end_paragraph(),
            "t" => self.in_text = false,
            "tabs" => self.in_tab_stops = self.in_tab_stops.saturating_sub(1),
            "tc" if self.tables == 1 => {
                let cell = self.cell.take().unwrap_or_default();
                self.row.push(cell);
            }
            "tr" if self.tables == 1 => {
                let row = self.row.join("\t");
                self.row.clear();
                push_line(&mut self.lines, &row);
            }
            "tbl" => self.tables = self.tables.saturating_sub(1),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_text && self.skipped == 0 {
            self.push(text);
        }
    }

    fn push(&mut self, text: &str) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.text.push_str(text);
        }
    }

    fn mark_heading(&mut self, heading: bool) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.heading |= heading;
        }
    }

    /// A finished paragraph goes to the current table cell, or gives lines: a heading one line
    /// (its line breaks joined), another paragraph one line per line break.
    fn end_paragraph(&mut self) {
        let Some(p) = self.paragraphs.pop() else {
            return;
        };
        let text = if p.heading { joined(&p.text) } else { p.text };
        if let Some(cell) = self.cell.as_mut() {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !cell.is_empty() && !text.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&text);
            return;
        }
        for line in text.split('\n') {
            push_line(&mut self.lines, line);
        }
    }
}

/// The lines of a text as one line, joined without a space between Chinese characters.
fn joined(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(separator(&out, line));
        out.push_str(line);
    }
    out
}

/// Adds a line, trimmed, unless it is blank.
fn push_line(lines: &mut Vec<String>, line: &str) {
    let line = line.trim();
    if !line.is_empty() {
        lines.push(line.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn document(body: &str) -> String {
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {W}><w:body>{body}</w:body></w:document>")
    }

    fn para(style: Option<&str>, runs: &str) -> String {
        let props = style.map_or(String::new(), |s| {
            format!("<w:pPr><w:pStyle w:val=\"{s}\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>")
        });
        format!("<w:p>{props}<w:r><w:t xml:space=\"preserve\">{runs}</w:t></w:r></w:p>")
    }

    #[test]
    fn paragraphs_headings_and_tables_give_lines() {
        let headings = HeadingStyles::from_ids(["1"]);
        let body = [
            para(Some("1"), "一、工作进展</w:t><w:br/><w:t>情况"),
            para(None, "全年开展&lt;宪法&gt;宣传&amp;培训</w:t></w:r><w:r><w:tab/><w:t>24次。"),
            para(None, "第一行</w:t><w:br/><w:t>第二行"),
            "<w:p/>".to_owned(),
            format!(
                "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc/></w:tr></w:tbl>",
                para(None, "序号"),
                para(None, "内容"),
                para(None, "说明"),
                para(None, "1"),
            ),
            "<w:p><w:r><w:delText>删除的</w:delText><w:instrText>PAGE</w:instrText></w:r></w:p>"
                .to_owned(),
        ]
        .concat();
        assert_eq!(
            text(&document(&body), &headings).unwrap(),
            "一、工作进展情况\n全年开展<宪法>宣传&培训\t24次。\n第一行\n第二行\n序号\t内容 说明\n1"
        );
    }

    #[test]
    fn text_box_fallbacks_are_not_read_twice() {
        let body = "<w:p><w:r><mc:AlternateContent xmlns:mc=\"m\"><mc:Choice><w:txbxContent>\
                    <w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Choice>\
                    <mc:Fallback><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p>\
                    </w:txbxContent></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>";
        let found = text(&document(body), &HeadingStyles::default()).unwrap();
        assert_eq!(found, "文本框\n正文");
    }

    #[test]
    fn broken_xml_is_an_error() {
        let defaults = HeadingStyles::default();
        assert!(text(&document("<w:p><w:r><w:t>甲</w:r></w:p>"), &defaults).is_err());
        let whole = document(&para(None, "乙"));
        let truncated = &whole[..whole.find('乙').unwrap() + '乙'.len_utf8()];
        assert!(text(truncated, &defaults).is_err());
    }
}
