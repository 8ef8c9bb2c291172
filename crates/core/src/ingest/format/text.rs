//! Plain text and Markdown files (纯文本): decoded as they are.

use super::{Extracted, SkipReason};
use crate::ingest::decode;

/// Extensions of files read as plain text.
pub(super) const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text"];

/// The decoded text; a Markdown file's front matter stays in the text and is read as metadata.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, SkipReason> {
    let decoded = decode(bytes)?;
    Ok(Extracted {
        text: decoded.text,
        encoding: decoded.encoding.to_owned(),
        title: None,
        date: None,
        published: None,
    })
}
