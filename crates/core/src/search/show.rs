//! One document as the index holds it: metadata, outline of headings and citations
//! (`zhengce show`).

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, TantivyDocument, Value};
use tantivy::Term;

use crate::cite::Citation;
use crate::error::{Error, Result};
use crate::index::Index;
use crate::ingest::{outline, Heading, Metadata};

/// A document with what zhengce knows about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentView {
    /// Path relative to the indexed folder.
    pub path: String,
    /// Title, date, year, issuer, region, kind and document number.
    pub meta: Metadata,
    /// The encoding the file was in.
    pub encoding: String,
    /// Size of the text in bytes.
    pub bytes: usize,
    /// The headings, in order.
    pub outline: Vec<Heading>,
    /// The citations, in order.
    pub citations: Vec<Citation>,
}

impl Index {
    /// The text of the document with this path (relative to the indexed folder, `/` separators)
    /// as the index stores it: the text read from the file, as written. `None` when no document
    /// has this path. Nothing is read from the folder.
    pub fn document_text(&self, path: &str) -> Result<Option<String>> {
        let searcher = self.tantivy_searcher();
        let Some(doc) = stored_document(&searcher, self.fields.path, path)? else {
            return Ok(None);
        };
        Ok(Some(
            doc.get_first(self.fields.body)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned(),
        ))
    }
}

/// The stored fields of the document whose `path_field` is `path`, if any.
fn stored_document(
    searcher: &tantivy::Searcher,
    path_field: tantivy::schema::Field,
    path: &str,
) -> Result<Option<TantivyDocument>> {
    let query = TermQuery::new(
        Term::from_field_text(path_field, path),
        IndexRecordOption::Basic,
    );
    let top = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .map_err(crate::error::tantivy)?;
    let Some(&(_, address)) = top.first() else {
        return Ok(None);
    };
    searcher
        .doc(address)
        .map(Some)
        .map_err(crate::error::tantivy)
}

impl Index {
    /// The document with this path (relative to the indexed folder, `/` separators), if indexed.
    pub fn document(&self, path: &str) -> Result<Option<DocumentView>> {
        let searcher = self.tantivy_searcher();
        let f = &self.fields;
        let query = TermQuery::new(
            Term::from_field_text(f.path, path),
            IndexRecordOption::Basic,
        );
        let top = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(crate::error::tantivy)?;
        let Some(&(_, address)) = top.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(address).map_err(crate::error::tantivy)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        let body = text(f.body).unwrap_or_default();
        let date = doc
            .get_first(f.date)
            .and_then(|v| v.as_u64())
            .and_then(super::iso_date);
        let meta = Metadata {
            title: text(f.title).unwrap_or_default(),
            date,
            year: doc
                .get_first(f.year)
                .and_then(|v| v.as_u64())
                .and_then(|y| u16::try_from(y).ok()),
            period: super::stored_period(&doc, f),
            issuer: text(f.issuer),
            region: text(f.region),
            doc_type: text(f.doc_type),
            doc_number: text(f.doc_number),
            published: super::stored_date(&doc, f.published),
            index_no: text(f.index_no),
        };
        let segment = searcher.segment_reader(address.segment_ord);
        let mut bytes = Vec::new();
        if let Some(column) = segment
            .fast_fields()
            .bytes("citations")
            .map_err(crate::error::tantivy)?
        {
            if let Some(ord) = column.term_ords(address.doc_id).next() {
                column
                    .ord_to_bytes(ord, &mut bytes)
                    .map_err(|e| Error::Index(e.to_string()))?;
            }
        }
        Ok(Some(DocumentView {
            path: path.to_owned(),
            meta,
            encoding: text(f.encoding).unwrap_or_default(),
            bytes: body.len(),
            outline: outline(&body),
            citations: serde_json::from_slice(&bytes).unwrap_or_default(),
        }))
    }
}
