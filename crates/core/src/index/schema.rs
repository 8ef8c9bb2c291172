//! The index schema: field names and how each field is indexed.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

/// Version of the schema; part of what an index records and checks when opened.
pub const SCHEMA_VERSION: u32 = 6;

/// Name under which the word tokenizer is registered.
pub const WORDS_TOKENIZER: &str = "zhengce_words";
/// Name under which the gram tokenizer is registered.
pub const GRAMS_TOKENIZER: &str = "zhengce_grams";

/// The fields of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Path relative to the indexed folder: the document id (stored, exact, fast).
    pub path: Field,
    /// Title as written (stored).
    pub title: Field,
    /// Title words (normalized, jieba search mode).
    pub title_words: Field,
    /// Title grams (normalized, Han unigrams and bigrams with positions).
    pub title_grams: Field,
    /// Full text as written (stored).
    pub body: Field,
    /// Body words.
    pub body_words: Field,
    /// Body grams.
    pub body_grams: Field,
    /// Year (indexed, fast, stored).
    pub year: Field,
    /// Encoding of the file (stored).
    pub encoding: Field,
    /// Full titles cited in marks, one term each (exact).
    pub law: Field,
    /// Citation filter terms: title, action, kind and done/planned of one citation, each part
    /// possibly `*` (see `index::cite_terms`).
    pub cites: Field,
    /// Words of the cited titles, for ranking a match in a cited title.
    pub cited_words: Field,
    /// Grams of the cited titles.
    pub cited_grams: Field,
    /// Every citation of the document, as JSON (fast bytes: read without the stored body).
    pub citations: Field,
    /// How often the document mentions each resolved title — full title, alias, short form
    /// defined by 以下简称, in marks or not: a term per title and count threshold reached (see
    /// `index::cites::mention_terms`).
    pub law_mentions: Field,
    /// Date (成文日期) as the number YYYYMMDD; for a document with only a year, YYYY0000.
    pub date: Field,
    /// Issuer (发文机关), exact (stored, fast: filters and facets).
    pub issuer: Field,
    /// Region (地区), exact.
    pub region: Field,
    /// Kind of document (文种), exact.
    pub doc_type: Field,
    /// Document number (文号), exact.
    pub doc_number: Field,
    /// Size of the file in bytes (fast: an update compares it without reading the file).
    pub size: Field,
    /// Modification time of the file, nanoseconds since 1970.
    pub mtime: Field,
    /// Hash of the file's bytes.
    pub hash: Field,
    /// Published date (发布日期) of a page, as the number YYYYMMDD.
    pub published: Field,
    /// Index number (索引号), exact.
    pub index_no: Field,
    /// First year of a plan's period (规划期).
    pub period_from: Field,
    /// Last year of a plan's period.
    pub period_to: Field,
}

/// Builds the schema and its fields.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = text_options(WORDS_TOKENIZER, IndexRecordOption::WithFreqs);
    let grams = text_options(GRAMS_TOKENIZER, IndexRecordOption::WithFreqsAndPositions);
    let fields = Fields {
        path: b.add_text_field("path", STRING | STORED | FAST),
        title: b.add_text_field("title", STORED),
        title_words: b.add_text_field("title_words", words.clone()),
        title_grams: b.add_text_field("title_grams", grams.clone()),
        body: b.add_text_field("body", STORED),
        body_words: b.add_text_field("body_words", words.clone()),
        body_grams: b.add_text_field("body_grams", grams.clone()),
        year: b.add_u64_field("year", INDEXED | FAST | STORED),
        encoding: b.add_text_field("encoding", STORED),
        law: b.add_text_field("law", STRING),
        cites: b.add_text_field("cites", STRING),
        cited_words: b.add_text_field("cited_words", words),
        cited_grams: b.add_text_field("cited_grams", grams),
        citations: b.add_bytes_field("citations", FAST),
        law_mentions: b.add_text_field("law_mentions", STRING),
        date: b.add_u64_field("date", INDEXED | FAST | STORED),
        issuer: b.add_text_field("issuer", STRING | STORED | FAST),
        region: b.add_text_field("region", STRING | STORED | FAST),
        doc_type: b.add_text_field("doc_type", STRING | STORED | FAST),
        doc_number: b.add_text_field("doc_number", STRING | STORED | FAST),
        size: b.add_u64_field("size", FAST | STORED),
        mtime: b.add_u64_field("mtime", FAST | STORED),
        hash: b.add_u64_field("hash", FAST | STORED),
        published: b.add_u64_field("published", INDEXED | FAST | STORED),
        index_no: b.add_text_field("index_no", STRING | STORED),
        period_from: b.add_u64_field("period_from", INDEXED | FAST | STORED),
        period_to: b.add_u64_field("period_to", INDEXED | FAST | STORED),
    };
    (b.build(), fields)
}

/// Looks up the fields of an existing schema by name.
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |name: &str| schema.get_field(name);
    Ok(Fields {
        path: f("path")?,
        title: f("title")?,
        title_words: f("title_words")?,
        title_grams: f("title_grams")?,
        body: f("body")?,
        body_words: f("body_words")?,
        body_grams: f("body_grams")?,
        year: f("year")?,
        encoding: f("encoding")?,
        law: f("law")?,
        cites: f("cites")?,
        cited_words: f("cited_words")?,
        cited_grams: f("cited_grams")?,
        citations: f("citations")?,
        law_mentions: f("law_mentions")?,
        date: f("date")?,
        issuer: f("issuer")?,
        region: f("region")?,
        doc_type: f("doc_type")?,
        doc_number: f("doc_number")?,
        size: f("size")?,
        mtime: f("mtime")?,
        hash: f("hash")?,
        published: f("published")?,
        index_no: f("index_no")?,
        period_from: f("period_from")?,
        period_to: f("period_to")?,
    })
}

fn text_options(tokenizer: &str, record: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(record),
    )
}
