//! The visible text of a parsed page (可见文本): block elements give lines, table rows give one
//! line with cells separated by a tab; scripts, styles, hidden elements and the site's
//! navigation (nav, header, footer, aside, menus, breadcrumbs, share bars) are left out.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{Html, Node};

/// Elements whose content is never text of the page.
const NEVER_TEXT: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
    "canvas", "select", "button", "input", "textarea", "nav", "aside",
];
/// Elements that are the site's own header and footer, unless inside an `article` or `main`.
const SITE_PARTS: &[&str] = &["header", "footer"];
/// Words in an `id` or `class` that mark navigation boilerplate.
const BOILERPLATE: &[&str] = &[
    "nav", "menu", "crumb", "footer", "header", "sidebar", "share",
];
/// Whole words (between `-`, `_`, spaces) of an `id` or `class` that mark a site's furniture:
/// toolbars, where-you-are lines, menus, footers, links to other pages — in English and in the
/// pinyin government sites use (dqwz 当前位置, weizhi 位置, lanmu 栏目, daohang 导航, dibu 底部,
/// xgxx 相关信息, wza 无障碍).
const FURNITURE_WORDS: &[&str] = &[
    "topbar",
    "toolbar",
    "tool",
    "tools",
    "logo",
    "foot",
    "ft",
    "bottom",
    "copyright",
    "dibu",
    "banquan",
    "dqwz",
    "weizhi",
    "curpos",
    "position",
    "location",
    "loc",
    "pos",
    "mbx",
    "daohang",
    "dh",
    "lanmu",
    "lanmudh",
    "lm",
    "wza",
    "print",
    "dayin",
    "prev",
    "next",
    "sxp",
    "relate",
    "related",
    "xgxx",
    "xglj",
    "xgwz",
    "xgxw",
    "xgwj",
    "bdshare",
    "bdsharebuttonbox",
];
/// Elements that are the page's content proper: a header or footer inside them is kept.
const CONTENT: &[&str] = &["article", "main"];
/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "ul",
];

/// A table cell holding blocks and more than this many characters is part of a page laid out
/// with a table (an article in a cell), not a cell of data: its blocks give lines.
const LAYOUT_CELL_CHARS: usize = 100;

/// The visible text of `page`, one line per block element or table row.
pub(super) fn text(page: &Html) -> String {
    let mut lines = Lines::default();
    let mut skipped: Option<NodeId> = None;
    let mut content_depth = 0usize;
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) if skipped.is_none() => match node.value() {
                Node::Text(text) => lines.text(text),
                Node::Element(e) if is_left_out(e, content_depth > 0) => skipped = Some(node.id()),
                Node::Element(e) if is_cell(e) => lines.open_cell(is_layout_cell(node)),
                Node::Element(e) => {
                    content_depth += usize::from(CONTENT.contains(&e.name()));
                    lines.open(e.name());
                }
                _ => {}
            },
            Edge::Open(_) => {}
            Edge::Close(node) if skipped.is_some() => {
                if skipped == Some(node.id()) {
                    skipped = None;
                }
            }
            Edge::Close(node) => match node.value() {
                Node::Element(e) if is_cell(e) => lines.close_cell(),
                Node::Element(e) => {
                    content_depth -= usize::from(CONTENT.contains(&e.name()) && content_depth > 0);
                    lines.close(e.name());
                }
                _ => {}
            },
        }
    }
    lines.finish()
}

fn is_cell(e: &Element) -> bool {
    matches!(e.name(), "td" | "th")
}

/// A cell of a page laid out with a table: it holds a table, or blocks and more than
/// [`LAYOUT_CELL_CHARS`] characters of text.
fn is_layout_cell(cell: NodeRef<'_, Node>) -> bool {
    let mut blocks = false;
    let mut chars = 0;
    for node in cell.descendants().skip(1) {
        match node.value() {
            Node::Element(e) if e.name() == "table" => return true,
            Node::Element(e) => blocks |= e.name() == "br" || BLOCKS.contains(&e.name()),
            Node::Text(text) => chars += text.chars().filter(|c| !c.is_whitespace()).count(),
            _ => {}
        }
        if blocks && chars > LAYOUT_CELL_CHARS {
            return true;
        }
    }
    false
}

/// Whether an element and its content are left out: never text, hidden, or navigation.
fn is_left_out(e: &Element, in_content: bool) -> bool {
    let name = e.name();
    if NEVER_TEXT.contains(&name) || (SITE_PARTS.contains(&name) && !in_content) {
        return true;
    }
    let hidden = e.attr("hidden").is_some()
        || e.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        });
    hidden || is_boilerplate(e, in_content)
}

/// An element whose `id` or `class` names navigation (`nav`, `menu`, `breadcrumb` …); a header
/// or footer inside an article is the article's own.
fn is_boilerplate(e: &Element, in_content: bool) -> bool {
    let names = [e.id(), e.attr("class")];
    names.into_iter().flatten().any(|value| {
        let value = value.to_ascii_lowercase();
        let furniture = value
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| FURNITURE_WORDS.contains(&word));
        furniture
            || BOILERPLATE
                .iter()
                .any(|word| value.contains(word) && !(in_content && SITE_PARTS.contains(word)))
    })
}

/// Lines being built from a page's text.
#[derive(Default)]
struct Lines {
    out: String,
    line: String,
    /// Open table cells, innermost last: whether each is a layout cell.
    open_cells: Vec<bool>,
    /// How many data cells enclose the current text.
    cells: usize,
    /// Data cells opened in the current row.
    row_cells: usize,
    /// How many `pre` elements enclose the current text.
    pre: usize,
}

impl Lines {
    fn open(&mut self, name: &str) {
        match name {
            "br" => self.block_break(),
            "tr" => {
                self.block_break();
                if self.cells == 0 {
                    self.row_cells = 0;
                }
            }
            "pre" => {
                self.block_break();
                self.pre += 1;
            }
            _ if BLOCKS.contains(&name) => self.block_break(),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "pre" => {
                self.pre = self.pre.saturating_sub(1);
                self.block_break();
            }
            "tr" => self.block_break(),
            _ if BLOCKS.contains(&name) => self.block_break(),
            _ => {}
        }
    }

    /// A table cell: a data cell's text joins the row's line after a tab; a layout cell's
    /// blocks give lines of their own.
    fn open_cell(&mut self, layout: bool) {
        self.open_cells.push(layout);
        if layout {
            self.line_break();
            return;
        }
        if self.cells > 0 {
            self.space();
        } else if self.row_cells > 0 {
            self.line.push('\t');
        }
        self.row_cells += usize::from(self.cells == 0);
        self.cells += 1;
    }

    fn close_cell(&mut self) {
        match self.open_cells.pop() {
            Some(true) => self.line_break(),
            Some(false) => self.cells = self.cells.saturating_sub(1),
            None => {}
        }
    }

    /// Text as a browser shows it: white space runs collapsed to one space, kept inside `pre`.
    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            for (i, part) in text.split('\n').enumerate() {
                if i > 0 {
                    self.line_break();
                }
                self.line.push_str(part);
            }
            return;
        }
        for c in text.chars() {
            if c.is_ascii_whitespace() || c == '\u{A0}' {
                self.space();
            } else {
                self.line.push(c);
            }
        }
    }

    /// The edge of a block: a new line, or a space inside a table cell.
    fn block_break(&mut self) {
        if self.cells > 0 {
            self.space();
        } else {
            self.line_break();
        }
    }

    fn space(&mut self) {
        if !self.line.is_empty() && !self.line.ends_with([' ', '\t']) {
            self.line.push(' ');
        }
    }

    fn line_break(&mut self) {
        let line = self.line.trim_matches(|c: char| c.is_whitespace());
        if !line.is_empty() {
            self.out.push_str(line);
            self.out.push('\n');
        }
        self.line.clear();
    }

    fn finish(mut self) -> String {
        self.line_break();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visible(html: &str) -> String {
        text(&Html::parse_document(html))
    }

    #[test]
    fn blocks_give_lines_and_rows_give_tab_separated_cells() {
        let html = "<body><h1>关于开展 普法\n宣传的通知</h1><p>各乡镇：<br>现将有关事项<b>通知</b>如下。</p>\
                    <ul><li>一、学习宪法</li><li>二、学习民法典</li></ul>\
                    <table><tr><th>序号</th><th>内容</th></tr><tr><td>1</td><td><p>宣传</p><p>月</p></td></tr></table>\
                    <div>&nbsp;&nbsp;高台县科技局</div></body>";
        assert_eq!(
            visible(html),
            "关于开展 普法 宣传的通知\n各乡镇：\n现将有关事项通知如下。\n一、学习宪法\n二、学习民法典\n\
             序号\t内容\n1\t宣传 月\n高台县科技局\n"
        );
    }

    #[test]
    fn scripts_styles_hidden_parts_and_navigation_are_left_out() {
        let html = "<html><head><title>标题</title><style>p{}</style></head><body>\
                    <div class=\"header\">网站首页</div><nav>政务公开</nav>\
                    <div id=\"breadcrumb\">当前位置</div><ul class=\"main-menu\"><li>办事服务</li></ul>\
                    <script>var 脚本 = 1;</script><noscript>请启用脚本</noscript>\
                    <article><header><h1>工作总结</h1></header><p>正文内容</p>\
                    <div class=\"share-bar\">分享到</div></article>\
                    <p hidden>隐藏</p><p style=\"display: none\">也隐藏</p>\
                    <aside>相关链接</aside><div class=\"sidebar\">热点</div><footer>版权所有</footer>\
                    <div id=\"footer\">主办单位</div></body></html>";
        assert_eq!(visible(html), "工作总结\n正文内容\n");
    }

    #[test]
    fn furniture_blocks_named_in_pinyin_are_left_out() {
        let html = "<div class=\"wza-bar\">无障碍 关怀版</div><ul class=\"lanmu\"><li>首页</li></ul>\
                    <div class=\"dqwz\">您当前的位置：首页</div><div class=\"xxgk_info\">索引号：1/2025-1</div>\
                    <div class=\"tit\">关于某事的通知</div><p>正文。</p>\
                    <div class=\"js-prev\">上一篇：旧文</div><div class=\"bottom-box\">网站标识码</div>\
                    <div class=\"yz-ft\">主办</div><div class=\"topic\">专题内容</div>";
        assert_eq!(
            visible(html),
            "索引号：1/2025-1\n关于某事的通知\n正文。\n专题内容\n"
        );
    }

    #[test]
    fn a_page_laid_out_with_a_table_keeps_its_lines() {
        let article = "为深入推进依法行政，加快建设法治政府，全面提升全县干部职工的法治素养和依法办事能力，\
                       县科技局认真落实普法责任制，坚持把法治宣传教育融入科技工作全过程，取得了明显成效，\
                       现将全年工作总结如下。";
        let html = format!(
            "<table><tr><td><div>栏目一</div><div>栏目二</div></td>\
             <td><h1>工作总结</h1><p>{article}</p><p>一、主要做法</p>\
             <table><tr><td>序号</td><td>内容</td></tr></table></td></tr></table>"
        );
        assert_eq!(
            visible(&html),
            format!("栏目一 栏目二\n工作总结\n{article}\n一、主要做法\n序号\t内容\n")
        );
    }

    #[test]
    fn preformatted_text_keeps_its_lines() {
        assert_eq!(visible("<pre>第一行\n  第二行</pre>"), "第一行\n第二行\n");
    }
}
