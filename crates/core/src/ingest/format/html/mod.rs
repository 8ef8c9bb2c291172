//! HTML pages (网页): the visible text in document order, one line per block, without scripts,
//! styles and the site's navigation; the page title as the document title.

mod charset;
mod visible;

use scraper::{Html, Node};

use super::{non_empty, Extracted, SkipReason};

/// Extensions of files read as HTML.
pub(super) const EXTENSIONS: &[&str] = &["html", "htm", "shtml", "xhtml"];

/// Separators between a page's title and the site's name (`关于…的通知_高台县人民政府`).
const TITLE_SEPARATORS: &[&str] = &["_", "|", "｜", " - ", " – ", " — ", " -- "];

/// The text and title of an HTML page, decoded as its BOM, its declared charset or its bytes
/// say.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, SkipReason> {
    let decoded = charset::decode_page(bytes)?;
    let page = Html::parse_document(&decoded.text);
    Ok(Extracted {
        text: non_empty(visible::text(&page))?,
        encoding: decoded.encoding,
        title: title(&page),
        date: None,
        published: meta_content(&page, PUBLISHED_META),
    })
}

/// `<meta>` names of a page's published date (发布日期): government sites' content systems set
/// `PubDate`.
const PUBLISHED_META: &[&str] = &[
    "pubdate",
    "publishdate",
    "publish_date",
    "firstpublishedtime",
    "article:published_time",
];

/// The content of the first `<meta name=…>` (or `property=…`) among `names` (any case).
fn meta_content(page: &Html, names: &[&str]) -> Option<String> {
    page.tree
        .nodes()
        .filter_map(|n| n.value().as_element())
        .filter(|e| e.name() == "meta")
        .find(|e| {
            let name = e.attr("name").or_else(|| e.attr("property")).unwrap_or("");
            names.iter().any(|n| n.eq_ignore_ascii_case(name))
        })
        .and_then(|e| e.attr("content"))
        .map(collapse)
        .filter(|t| !t.is_empty())
}

/// The page's title: `<meta name="ArticleTitle">` (government sites set it), else `<title>`
/// without the site's name.
fn title(page: &Html) -> Option<String> {
    meta_content(page, &["articletitle"])
        .or_else(|| title_element(page).map(|t| without_site_name(&t)))
}

/// The text of the first `<title>` element, white space collapsed.
fn title_element(page: &Html) -> Option<String> {
    let node = page
        .tree
        .nodes()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "title"))?;
    let text: String = node
        .descendants()
        .filter_map(|n| match n.value() {
            Node::Text(t) => Some(&**t),
            _ => None,
        })
        .collect();
    Some(collapse(&text)).filter(|t| !t.is_empty())
}

/// The longest part of a title split at separators such as `_` and ` - `: the document's title
/// rather than the site's or the column's name.
fn without_site_name(title: &str) -> String {
    let mut parts = vec![title];
    for separator in TITLE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(separator)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .max_by_key(|p| p.chars().count())
        .unwrap_or(title)
        .to_owned()
}

/// White space runs as one space, none at the ends.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_name_is_cut_from_the_title() {
        let cases = [
            (
                "关于印发《科技特派员管理办法》的通知_高台县人民政府",
                "关于印发《科技特派员管理办法》的通知",
            ),
            (
                "县科技局 - 2024年法治建设工作总结 - 政务公开",
                "2024年法治建设工作总结",
            ),
            ("甘肃省2021—2025年普法规划", "甘肃省2021—2025年普法规划"),
        ];
        for (title, want) in cases {
            assert_eq!(without_site_name(title), want);
        }
    }

    #[test]
    fn article_title_meta_wins_over_the_title_element() {
        let page = Html::parse_document(
            "<html><head><title>首页_某县</title>\
             <meta name=\"ArticleTitle\" content=\"县科技局工作总结\"></head><body>正文</body></html>",
        );
        assert_eq!(title(&page).as_deref(), Some("县科技局工作总结"));
    }

    #[test]
    fn the_published_date_comes_from_pubdate() {
        let page = Html::parse_document(
            "<html><head><meta name=\"PubDate\" content=\"2025-03-20 16:05\"></head><body>x</body></html>",
        );
        assert_eq!(
            meta_content(&page, PUBLISHED_META).as_deref(),
            Some("2025-03-20 16:05")
        );
    }
}
