//! Collecting matching documents: every match with its score and date, the order of the hits
//! (score or date, then date, then path), and the facet counts of the whole result set.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentReader;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal};

use crate::error::{Error, Result};

/// A matching document before it is loaded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub score: Score,
    /// YYYYMMDD, YYYY0000 for a year only, 0 when unknown.
    pub date: u64,
    pub segment: SegmentOrdinal,
    pub doc: DocId,
    /// How many words of the query the document lacks: 0 for a matching document, more for a
    /// closest one.
    pub lacking: u32,
}

/// How to order hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Sort {
    /// Best match first; ties newest first, then by path.
    #[default]
    Relevance,
    /// Newest first; ties best match first, then by path.
    Date,
}

/// Collects every matching document with its score and date.
pub(crate) struct AllHits;

impl Collector for AllHits {
    type Fruit = Vec<Found>;
    type Child = AllHitsSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<AllHitsSegment> {
        Ok(AllHitsSegment {
            segment,
            date: reader.fast_fields().u64("date")?,
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Found>>) -> tantivy::Result<Vec<Found>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

pub(crate) struct AllHitsSegment {
    segment: SegmentOrdinal,
    date: Column<u64>,
    found: Vec<Found>,
}

impl SegmentCollector for AllHitsSegment {
    type Fruit = Vec<Found>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let date = self.date.first(doc).unwrap_or(0);
        self.found.push(Found {
            score,
            date,
            segment: self.segment,
            doc,
            lacking: 0,
        });
    }

    fn harvest(self) -> Vec<Found> {
        self.found
    }
}

/// Orders `found` so that its first `end` are final: by `sort`, then by path where ties reach
/// into the first `end` (paths are read only for those ties).
pub(crate) fn rank(searcher: &Searcher, found: &mut [Found], end: usize, sort: Sort) -> Result<()> {
    let by_score = |a: &Found, b: &Found| b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal);
    let order = |a: &Found, b: &Found| match sort {
        Sort::Relevance => by_score(a, b).then(b.date.cmp(&a.date)),
        Sort::Date => b.date.cmp(&a.date).then(by_score(a, b)),
    };
    let full = |a: &Found, b: &Found| order(a, b).then((a.segment, a.doc).cmp(&(b.segment, b.doc)));
    if end == 0 {
        return Ok(());
    }
    if end < found.len() {
        // Only the first `end` need their order: select them, then sort them alone.
        found.select_nth_unstable_by(end - 1, full);
        let (head, tail) = found.split_at_mut(end);
        head.sort_by(full);
        // The tail's documents that tie with the last of the head join its run, right after it.
        let last = head[end - 1];
        let mut tied = 0;
        for i in 0..tail.len() {
            if order(&tail[i], &last).is_eq() {
                tail.swap(tied, i);
                tied += 1;
            }
        }
    } else {
        found.sort_by(full);
    }
    let mut start = 0;
    while start < end {
        let run = found[start..]
            .iter()
            .take_while(|x| order(x, &found[start]).is_eq())
            .count();
        if run > 1 {
            let mut keyed = found[start..start + run]
                .iter()
                .map(|x| Ok((path_of(searcher, x)?, *x)))
                .collect::<Result<Vec<_>>>()?;
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            for (slot, (_, x)) in found[start..start + run].iter_mut().zip(keyed) {
                *slot = x;
            }
        }
        start += run.max(1);
    }
    Ok(())
}

fn path_of(searcher: &Searcher, x: &Found) -> Result<String> {
    let column = searcher
        .segment_reader(x.segment)
        .fast_fields()
        .str("path")
        .map_err(crate::error::tantivy)?;
    Ok(first_str(column.as_ref(), x.doc)?.unwrap_or_default())
}

/// Every string of a str column by its ordinal, read in one pass over the dictionary (looking
/// ordinals up one by one decompresses a dictionary block each time).
pub(crate) fn all_strings(column: &StrColumn) -> Result<Vec<String>> {
    let mut stream = column
        .dictionary()
        .stream()
        .map_err(|e| Error::Index(e.to_string()))?;
    let mut out = Vec::with_capacity(column.num_terms());
    while stream.advance() {
        out.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(out)
}

/// The first string of `doc` in a str column.
pub(crate) fn first_str(column: Option<&StrColumn>, doc: DocId) -> Result<Option<String>> {
    let Some(column) = column else {
        return Ok(None);
    };
    let Some(ord) = column.term_ords(doc).next() else {
        return Ok(None);
    };
    let mut out = String::new();
    column
        .ord_to_str(ord, &mut out)
        .map_err(|e| Error::Index(e.to_string()))?;
    Ok(Some(out))
}

/// One value of a facet and how many matching documents have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FacetCount {
    /// The value (a year, an issuer …).
    pub value: String,
    /// Matching documents with it.
    pub count: usize,
}

/// Counts of the matching documents by year, issuer, region and kind (文种), most frequent first
/// (years newest first). Documents without a value are not counted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Facets {
    /// By year.
    pub year: Vec<FacetCount>,
    /// By issuer (发文机关).
    pub issuer: Vec<FacetCount>,
    /// By region (地区).
    pub region: Vec<FacetCount>,
    /// By kind of document (文种).
    pub doc_type: Vec<FacetCount>,
}

/// The facets of `found`.
pub(crate) fn facets(searcher: &Searcher, found: &[Found]) -> Result<Facets> {
    let mut by_segment: BTreeMap<SegmentOrdinal, Vec<DocId>> = BTreeMap::new();
    for f in found {
        by_segment.entry(f.segment).or_default().push(f.doc);
    }
    let mut counts: [BTreeMap<String, usize>; 4] = Default::default();
    for (segment, docs) in by_segment {
        let fast = searcher.segment_reader(segment).fast_fields();
        let year = fast.u64("year").map_err(crate::error::tantivy)?;
        for d in &docs {
            if let Some(y) = year.first(*d).filter(|&y| y > 0) {
                *counts[0].entry(y.to_string()).or_default() += 1;
            }
        }
        for (slot, name) in [(1, "issuer"), (2, "region"), (3, "doc_type")] {
            count_strings(
                fast.str(name).map_err(crate::error::tantivy)?.as_ref(),
                &docs,
                &mut counts[slot],
            )?;
        }
    }
    let [year, issuer, region, doc_type] = counts;
    let mut years = sorted(year);
    years.sort_by(|a, b| b.value.cmp(&a.value));
    Ok(Facets {
        year: years,
        issuer: sorted(issuer),
        region: sorted(region),
        doc_type: sorted(doc_type),
    })
}

/// Adds the documents' values of a str column to `counts`, reading each distinct value once.
fn count_strings(
    column: Option<&StrColumn>,
    docs: &[DocId],
    counts: &mut BTreeMap<String, usize>,
) -> Result<()> {
    let Some(column) = column else { return Ok(()) };
    let mut by_ord: BTreeMap<u64, usize> = BTreeMap::new();
    for &d in docs {
        if let Some(ord) = column.term_ords(d).next() {
            *by_ord.entry(ord).or_default() += 1;
        }
    }
    for (ord, n) in by_ord {
        let mut value = String::new();
        column
            .ord_to_str(ord, &mut value)
            .map_err(|e| Error::Index(e.to_string()))?;
        *counts.entry(value).or_default() += n;
    }
    Ok(())
}

fn sorted(counts: BTreeMap<String, usize>) -> Vec<FacetCount> {
    let mut out: Vec<FacetCount> = counts
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
    out
}
