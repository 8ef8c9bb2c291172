//! The integration tests: one binary, one module per concern.

// Test harness: a fresh temporary folder per test, and running the `zhengce` binary in it.
mod util;

// The library as embedded: each example's job with the public API only.
mod api;
// Citations in documents of other counties: the tune and held-out halves, and questions.
mod attribution;
// Citations against the labelled corpus set.
mod cite;
// The command line end to end: index, search, output formats, exit codes, errors.
mod cli;
// Citations through the index: filters, the laws table, cites, extract.
mod laws;
// Ranking: the document users expect comes first.
mod relevance;
// Searching as officials type: marks inside terms, laws discussed, short names, closest
// documents, years, explanations.
mod officials;
// Ranking on documents of other counties: the queries officials type (tests/data/queries).
mod relevance_queries;
// The query language, sorting, facets, passages, show, and golden text output.
mod search;
// A folder indexed in shards and merged: the same answers as indexed at once.
mod shards;
// Keeping the index in step with a folder: updates, refresh, exclusions, kill -9, locking.
mod update;
// Property tests of the pure parts (fixed seed).
mod props;
// Hostile files, queries and index folders; concurrent searches while indexing.
mod hostile;
// Reading folders: encodings, bad files skipped and reported, ignore rules.
mod ingest;
// Reading formats: HTML, .docx and PDF text; scans, damaged files and other formats skipped.
mod formats;
// Metadata on pages saved from government sites, against the labelled set (tests/data/pages).
mod pages;
// The core guarantee: quoted phrases find exactly the documents holding the characters.
mod recall;
// Segmentation is the same at index time and at query time.
mod segment;
// `zhengce serve`: the HTTP API, CSV, the watcher, hostile requests.
mod serve;
// The page in a real browser (headless Chromium through the DevTools protocol).
mod browser;
