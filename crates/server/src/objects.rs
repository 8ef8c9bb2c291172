//! The JSON objects of the HTTP API: the objects `zhengce … --json` prints (docs/json.md), with
//! their `type`, plus the `id` of each document they name (docs/http.md).

use serde::Serialize;
use zhengce_core::search::{DocumentView, Facets};
use zhengce_core::{CiteHit, Hit, LawRow, SearchResults};

use crate::snapshot::document_id;

/// One object, tagged with its `type` as in the CLI's JSON Lines.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub(crate) enum Object<'a> {
    Hit {
        id: String,
        #[serde(flatten)]
        hit: &'a Hit,
    },
    Facets(&'a Facets),
    SearchSummary {
        total: usize,
        closest: usize,
        offset: usize,
        returned: usize,
    },
    Law(&'a LawRow),
    Cite {
        id: String,
        #[serde(flatten)]
        cite: &'a CiteHit,
    },
    Document {
        id: String,
        #[serde(flatten)]
        view: &'a DocumentView,
        text: &'a str,
        highlights: &'a [[usize; 2]],
        highlights_truncated: bool,
    },
    Status {
        documents: usize,
    },
    Error {
        message: String,
    },
}

/// The answer of `/api/search`.
#[derive(Serialize)]
pub(crate) struct SearchAnswer<'a> {
    pub hits: Vec<Object<'a>>,
    pub facets: Option<Object<'a>>,
    pub summary: Object<'a>,
}

impl<'a> SearchAnswer<'a> {
    pub fn new(results: &'a SearchResults, offset: usize) -> SearchAnswer<'a> {
        SearchAnswer {
            hits: results
                .hits
                .iter()
                .map(|hit| Object::Hit {
                    id: document_id(&hit.path),
                    hit,
                })
                .collect(),
            facets: results.facets.as_ref().map(Object::Facets),
            summary: Object::SearchSummary {
                total: results.total,
                closest: results.closest,
                offset,
                returned: results.hits.len(),
            },
        }
    }
}

/// The answer of `/api/laws`.
#[derive(Serialize)]
pub(crate) struct LawsAnswer<'a> {
    pub laws: Vec<Object<'a>>,
}

/// The answer of `/api/cites`.
#[derive(Serialize)]
pub(crate) struct CitesAnswer<'a> {
    pub cites: Vec<Object<'a>>,
}

impl<'a> CitesAnswer<'a> {
    pub fn new(hits: &'a [CiteHit]) -> CitesAnswer<'a> {
        CitesAnswer {
            cites: hits
                .iter()
                .map(|cite| Object::Cite {
                    id: document_id(&cite.path),
                    cite,
                })
                .collect(),
        }
    }
}
