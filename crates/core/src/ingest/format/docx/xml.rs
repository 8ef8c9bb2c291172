//! Reading the XML parts of a `.docx`: a walk over start tags, end tags and text, with entity
//! references resolved, that fails on XML that is not well-formed or ends too soon.

use std::borrow::Cow;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// What the walk meets.
pub(super) enum Item<'a> {
    /// A start tag (an empty element gives a start and an end).
    Start(&'a BytesStart<'a>),
    /// An end tag, by local name (`p` for `</w:p>`).
    End(&'a str),
    /// Text, unescaped.
    Text(Cow<'a, str>),
}

/// Calls `visit` for every tag and text of `xml`, in order; the error says what is wrong.
pub(super) fn walk(xml: &str, mut visit: impl FnMut(Item<'_>)) -> Result<(), String> {
    let mut reader = Reader::from_str(xml);
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("{e}, at byte {}", reader.error_position()))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                visit(Item::Start(&e));
            }
            Event::Empty(e) => {
                visit(Item::Start(&e));
                visit(Item::End(e.local_name().into_inner()));
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                visit(Item::End(e.local_name().into_inner()));
            }
            Event::Text(t) => visit(Item::Text(t.xml10_content())),
            Event::GeneralRef(r) => visit(Item::Text(Cow::Owned(reference(&r)?))),
            Event::Eof if depth > 0 => {
                return Err("the XML ends inside an element (truncated?)".to_owned())
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The text of an entity or character reference (`&amp;`, `&#x4E2D;`).
fn reference(r: &BytesRef<'_>) -> Result<String, String> {
    if let Some(c) = r.resolve_char_ref().map_err(|e| e.to_string())? {
        return Ok(c.to_string());
    }
    resolve_predefined_entity(r)
        .map(str::to_owned)
        .ok_or_else(|| format!("unknown entity &{};", &**r))
}

/// The value of the attribute with this local name (`val` for `w:val`), unescaped.
pub(super) fn attr(e: &BytesStart<'_>, local_name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == local_name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(Cow::into_owned)
        })
}

/// The local name of a start tag (`p` for `<w:p>`).
pub(super) fn name<'a>(e: &'a BytesStart<'_>) -> &'a str {
    e.local_name().into_inner()
}
