//! Heading styles (标题样式) of a `.docx`: the paragraph styles of `word/styles.xml` named
//! Heading…, 标题… or Title, or given an outline level.

use std::collections::HashSet;

use super::xml::{self, Item};

/// The ids of a document's heading paragraph styles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct HeadingStyles {
    ids: HashSet<String>,
}

impl HeadingStyles {
    /// Whether the paragraph style with this id is a heading: listed in the styles part, or
    /// named like one (`Heading1`, `标题1`) when the styles part does not say.
    pub(super) fn contains(&self, id: &str) -> bool {
        self.ids.contains(id) || is_heading_name(id)
    }

    #[cfg(test)]
    pub(super) fn from_ids<const N: usize>(ids: [&str; N]) -> HeadingStyles {
        HeadingStyles {
            ids: ids.into_iter().map(str::to_owned).collect(),
        }
    }
}

/// The heading styles declared in `word/styles.xml`.
pub(super) fn heading_styles(styles: &str) -> Result<HeadingStyles, String> {
    let mut ids = HashSet::new();
    let mut current: Option<String> = None;
    xml::walk(styles, |item| match item {
        Item::Start(e) => match xml::name(e) {
            "style" => {
                let paragraph = xml::attr(e, "type").is_none_or(|t| t == "paragraph");
                current = xml::attr(e, "styleId").filter(|_| paragraph);
            }
            "name" if xml::attr(e, "val").is_some_and(|n| is_heading_name(&n)) => {
                ids.extend(current.clone());
            }
            "outlineLvl" if xml::attr(e, "val").is_some_and(|l| is_outline_level(&l)) => {
                ids.extend(current.clone());
            }
            _ => {}
        },
        Item::End("style") => current = None,
        _ => {}
    })?;
    Ok(HeadingStyles { ids })
}

/// `heading 1`, `Heading1`, `标题 1`, `Title`.
fn is_heading_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.starts_with("heading") || lower.starts_with("标题") || lower == "title"
}

/// Outline levels 0–8 are headings; 9 is body text.
fn is_outline_level(value: &str) -> bool {
    value.parse::<u8>().is_ok_and(|l| l < 9)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_found_by_name_and_outline_level() {
        let styles = "<w:styles xmlns:w=\"w\">\
            <w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/></w:style>\
            <w:style w:type=\"paragraph\" w:styleId=\"a3\"><w:name w:val=\"公文小标题\"/>\
              <w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>\
            <w:style w:type=\"paragraph\" w:styleId=\"a4\"><w:name w:val=\"Body Text\"/>\
              <w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr></w:style>\
            <w:style w:type=\"character\" w:styleId=\"c1\"><w:name w:val=\"Heading 1 Char\"/></w:style>\
            </w:styles>";
        let found = heading_styles(styles).unwrap();
        assert!(found.contains("1") && found.contains("a3"));
        assert!(!found.contains("a4") && !found.contains("c1"));
        assert!(found.contains("Heading2"), "named like a heading");
    }
}
