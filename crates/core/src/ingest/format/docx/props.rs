//! Core properties (文档属性) of a `.docx`, from `docProps/core.xml`: the title (`dc:title`) and
//! the creation date (`dcterms:created`).

use super::xml::{self, Item};

/// The title and date a document's properties give.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Properties {
    /// `dc:title`, trimmed; `None` when empty.
    pub title: Option<String>,
    /// The date of `dcterms:created`, `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// The properties in `docProps/core.xml`.
pub(super) fn core(core: &str) -> Result<Properties, String> {
    let mut inside: Option<String> = None;
    let mut title = String::new();
    let mut created = String::new();
    xml::walk(core, |item| match item {
        Item::Start(e) => inside = Some(xml::name(e).to_owned()),
        Item::End(_) => inside = None,
        Item::Text(text) => match inside.as_deref() {
            Some("title") => title.push_str(&text),
            Some("created") => created.push_str(&text),
            _ => {}
        },
    })?;
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let date = created
        .trim()
        .split('T')
        .next()
        .unwrap_or_default()
        .to_owned();
    Ok(Properties {
        title: (!title.is_empty()).then_some(title),
        date: (!date.is_empty()).then_some(date),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_creation_date_are_read() {
        let core = "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\" \
                    xmlns:dcterms=\"t\" xmlns:xsi=\"x\"><dc:title>县科技局 工作总结</dc:title>\
                    <dc:creator>admin</dc:creator>\
                    <dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-12-20T08:30:00Z</dcterms:created>\
                    </cp:coreProperties>";
        let found = core_props(core);
        assert_eq!(found.title.as_deref(), Some("县科技局 工作总结"));
        assert_eq!(found.date.as_deref(), Some("2024-12-20"));
        assert_eq!(core_props("<cp:coreProperties/>"), Properties::default());
    }

    fn core_props(xml: &str) -> Properties {
        core(xml).unwrap()
    }
}
