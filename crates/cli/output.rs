//! Printing results as text (with optional color), as JSON Lines (docs/json.md) or as CSV (the
//! server crate's writer, the same as the page's downloads).

use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use anyhow::Result;
use serde::Serialize;
use zhengce_core::cite::Citation;
use zhengce_core::search::{DocumentView, Explanation, Facets, GroupBy};
use zhengce_core::{CiteHit, Hit, IndexReport, LawRow, Passage, Progress, SearchResults, Skipped};

use crate::args::Color;

const MATCH: &str = "\x1b[1;31m";
const PATH: &str = "\x1b[35m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Whether to color the output.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    color: bool,
}

impl Style {
    /// Decides from `--color`, whether stdout is a terminal, and NO_COLOR.
    pub fn new(choice: Color) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match choice {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => io::stdout().is_terminal() && !no_color,
        };
        Style { color }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_owned()
        }
    }

    /// `text` with the byte ranges `highlights` marked: colored, or in 【】 without color.
    fn highlight(&self, text: &str, highlights: &[[usize; 2]]) -> String {
        let (open, close) = if self.color {
            (MATCH, RESET)
        } else {
            ("【", "】")
        };
        let mut out = String::with_capacity(text.len() + highlights.len() * 8);
        let mut at = 0;
        for &[start, end] in highlights {
            let (Some(before), Some(inside)) = (text.get(at..start), text.get(start..end)) else {
                continue;
            };
            out.push_str(before);
            out.push_str(open);
            out.push_str(inside);
            out.push_str(close);
            at = end;
        }
        out.push_str(text.get(at..).unwrap_or_default());
        out
    }
}

/// One JSON Lines record.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Record<'a> {
    Hit(&'a Hit),
    Skipped(&'a Skipped),
    SearchSummary {
        total: usize,
        closest: usize,
        offset: usize,
        returned: usize,
    },
    IndexSummary {
        added: usize,
        updated: usize,
        removed: usize,
        unchanged: usize,
        skipped: usize,
        bytes: u64,
        seconds: f64,
        encodings: &'a std::collections::BTreeMap<String, usize>,
    },
    Passage {
        path: &'a str,
        title: &'a str,
        year: Option<u16>,
        #[serde(flatten)]
        passage: &'a Passage,
    },
    Facets(&'a Facets),
    Document(&'a DocumentView),
    Law(&'a LawRow),
    Cite(&'a CiteHit),
    Citation {
        path: &'a str,
        line: usize,
        #[serde(flatten)]
        citation: &'a Citation,
    },
}

fn json_line(out: &mut impl Write, record: &Record<'_>) -> Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Prints the hits of a search: documents with their passages, or (`by_passage`) passages.
pub fn search_results(
    results: &SearchResults,
    offset: usize,
    by_passage: bool,
    style: Style,
    json: bool,
) -> Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    for hit in &results.hits {
        match (json, by_passage) {
            (true, false) => json_line(&mut out, &Record::Hit(hit))?,
            (true, true) => {
                for p in &hit.passages {
                    json_line(
                        &mut out,
                        &Record::Passage {
                            path: &hit.path,
                            title: &hit.title,
                            year: hit.year,
                            passage: p,
                        },
                    )?;
                }
            }
            (false, false) => print_hit(&mut out, hit, style)?,
            (false, true) => {
                for p in &hit.passages {
                    writeln!(
                        out,
                        "{}  {}",
                        style.paint(PATH, &hit.path),
                        style.paint(DIM, &hit.title)
                    )?;
                    print_passage(&mut out, p, style)?;
                }
            }
        }
    }
    if json {
        if let Some(facets) = &results.facets {
            json_line(&mut out, &Record::Facets(facets))?;
        }
        let summary = Record::SearchSummary {
            total: results.total,
            closest: results.closest,
            offset,
            returned: results.hits.len(),
        };
        json_line(&mut out, &summary)?;
    } else {
        if let Some(facets) = &results.facets {
            print_facets(&mut out, facets)?;
        }
        let shown = results.hits.len();
        match shown {
            0 if results.total == 0 => writeln!(out, "no documents matched")?,
            0 => writeln!(
                out,
                "{} documents matched; none at offset {offset}",
                results.total
            )?,
            _ if results.total == 0 => writeln!(
                out,
                "no document holds every word; {}–{} of the {} closest, each with the words it lacks",
                offset + 1,
                offset + shown,
                results.closest
            )?,
            _ if results.hits.iter().any(|h| !h.missing.is_empty()) => writeln!(
                out,
                "{}–{} of {} documents and {} closest, which lack a word (marked lacks)",
                offset + 1,
                offset + shown,
                results.total,
                results.closest
            )?,
            _ => writeln!(
                out,
                "{}–{} of {} documents",
                offset + 1,
                offset + shown,
                results.total
            )?,
        }
    }
    out.flush()?;
    Ok(())
}

fn print_hit(out: &mut impl Write, hit: &Hit, style: Style) -> Result<()> {
    writeln!(out, "{}", style.paint(PATH, &hit.path))?;
    let when = hit.date.clone().or_else(|| hit.year.map(|y| y.to_string()));
    let details: Vec<String> = [when, hit.issuer.clone(), hit.doc_number.clone()]
        .into_iter()
        .flatten()
        .collect();
    let mut line = details
        .iter()
        .map(|d| format!(" · {d}"))
        .collect::<String>();
    line.push_str(&format!(" · score {:.2}", hit.score));
    if !hit.missing.is_empty() {
        line.push_str(&format!(" · lacks {}", hit.missing.join(" ")));
    }
    writeln!(out, "  {}{}", hit.title, style.paint(DIM, &line))?;
    if let Some(e) = &hit.explanation {
        writeln!(
            out,
            "  {}",
            style.paint(DIM, &explanation_line(hit.score, e))
        )?;
    }
    for p in &hit.passages {
        print_passage(out, p, style)?;
    }
    writeln!(out)?;
    Ok(())
}

/// `why: 12.34 = title 8.10 + chars 3.00 + … · 民法典 citation chars · 宣传 title`: the nonzero
/// parts of the score, then where each word of the query matched.
fn explanation_line(score: f32, e: &Explanation) -> String {
    let parts: Vec<String> = e
        .parts
        .iter()
        .filter(|p| p.score.abs() >= 0.005)
        .map(|p| format!("{} {:.2}", p.part.name(), p.score))
        .collect();
    let parts = if parts.is_empty() {
        "0".to_owned()
    } else {
        parts.join(" + ")
    };
    let mut line = format!("why: {score:.2} = {parts}");
    for w in &e.words {
        let places: Vec<&str> = w.parts.iter().map(|p| p.name()).collect();
        let places = if places.is_empty() {
            "—".to_owned()
        } else {
            places.join(" ")
        };
        line.push_str(&format!(" · {} {places}", w.word));
    }
    line
}

fn print_passage(out: &mut impl Write, p: &Passage, style: Style) -> Result<()> {
    if !p.section.is_empty() {
        writeln!(
            out,
            "  {}",
            style.paint(DIM, &format!("› {}", p.section.join(" › ")))
        )?;
    }
    let before = if p.cut_before { "…" } else { "" };
    let after = if p.cut_after { "…" } else { "" };
    writeln!(
        out,
        "  {before}{}{after}",
        style.highlight(&p.text, &p.highlights)
    )?;
    Ok(())
}

fn print_facets(out: &mut impl Write, facets: &Facets) -> Result<()> {
    let rows = [
        ("year", &facets.year),
        ("issuer", &facets.issuer),
        ("region", &facets.region),
        ("type", &facets.doc_type),
    ];
    for (name, counts) in rows {
        let shown: Vec<String> = counts
            .iter()
            .map(|c| format!("{} ({})", c.value, c.count))
            .collect();
        writeln!(
            out,
            "{name:<7} {}",
            if shown.is_empty() {
                "—".to_owned()
            } else {
                shown.join(", ")
            }
        )?;
    }
    Ok(())
}

/// Prints a document's metadata, outline and citations.
pub fn document(view: &DocumentView, json: bool) -> Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    if json {
        json_line(&mut out, &Record::Document(view))?;
        out.flush()?;
        return Ok(());
    }
    let m = &view.meta;
    writeln!(out, "{}", view.path)?;
    let fields = [
        ("title", Some(m.title.clone())),
        ("date", m.date.clone()),
        ("year", m.year.map(|y| y.to_string())),
        ("period", m.period.map(|p| format!("{}–{}", p.from, p.to))),
        ("published", m.published.clone()),
        ("issuer", m.issuer.clone()),
        ("region", m.region.clone()),
        ("type", m.doc_type.clone()),
        ("doc", m.doc_number.clone()),
        ("index", m.index_no.clone()),
        (
            "encoding",
            Some(view.encoding.clone()).filter(|e| !e.is_empty()),
        ),
    ];
    // What only pages saved from a site have is shown when there.
    let page_fields = ["period", "published", "index"];
    for (name, value) in fields {
        if value.is_none() && page_fields.contains(&name) {
            continue;
        }
        writeln!(
            out,
            "  {name:<9} {}",
            value.unwrap_or_else(|| "—".to_owned())
        )?;
    }
    writeln!(out, "outline")?;
    for h in &view.outline {
        writeln!(
            out,
            "  {}{}",
            "  ".repeat(usize::from(h.level.saturating_sub(1))),
            h.text
        )?;
    }
    let explicit: Vec<&Citation> = view.citations.iter().filter(|c| !c.inferred).collect();
    writeln!(out, "citations ({})", explicit.len())?;
    for c in explicit {
        writeln!(out, "  《{}》 → {}", c.raw.replace('\n', ""), describe(c))?;
    }
    out.flush()?;
    Ok(())
}

/// Prints what indexing did.
pub fn index_report(report: &IndexReport, took: Duration, json: bool) -> Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    if json {
        for s in &report.skipped {
            json_line(&mut out, &Record::Skipped(s))?;
        }
        let summary = Record::IndexSummary {
            added: report.added,
            updated: report.updated,
            removed: report.removed,
            unchanged: report.unchanged,
            skipped: report.skipped.len(),
            bytes: report.bytes,
            seconds: took.as_secs_f64(),
            encodings: &report.encodings,
        };
        json_line(&mut out, &summary)?;
    } else {
        for s in &report.skipped {
            writeln!(out, "skipped {}: {}", s.path, s.reason)?;
        }
        let r = report;
        writeln!(
            out,
            "{} added, {} updated, {} removed, {} unchanged, {} skipped ({:.1} MB read) in {:.2} s",
            r.added,
            r.updated,
            r.removed,
            r.unchanged,
            r.skipped.len(),
            r.bytes as f64 / 1e6,
            took.as_secs_f64()
        )?;
        if !r.encodings.is_empty() {
            let list: Vec<String> = r
                .encodings
                .iter()
                .map(|(e, n)| format!("{e} {n}"))
                .collect();
            writeln!(out, "read: {}", list.join(", "))?;
        }
    }
    out.flush()?;
    Ok(())
}

/// A progress bar on stderr while indexing, shown only on a terminal.
pub struct ProgressBar {
    bar: Option<indicatif::ProgressBar>,
}

impl ProgressBar {
    /// A bar when stderr is a terminal, else nothing.
    pub fn new() -> ProgressBar {
        let template = "{spinner} [{bar:30}] {msg} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta}";
        let bar = io::stderr().is_terminal().then(|| {
            let style = indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> ");
            indicatif::ProgressBar::new(0).with_style(style)
        });
        ProgressBar { bar }
    }

    /// Shows how far indexing is.
    pub fn update(&self, p: &Progress) {
        if let Some(bar) = &self.bar {
            bar.set_length(p.bytes_total);
            bar.set_position(p.bytes_done);
            bar.set_message(format!("{}/{} files", p.files_done, p.files_total));
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Reports skipped files on stderr (when a search built the index on the way).
pub fn skipped_to_stderr(report: &IndexReport) {
    for s in &report.skipped {
        eprintln!("zhengce: skipped {}: {}", s.path, s.reason);
    }
}

/// Whether the error is a closed pipe (`zhengce search … | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Prints the laws table as CSV (UTF-8 with BOM, for Excel).
pub fn laws_csv(rows: &[LawRow], by: Option<GroupBy>) -> Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    zhengce_server::csv::laws(rows, by, &mut out)?;
    out.flush()?;
    Ok(())
}

/// Prints search hits as CSV (UTF-8 with BOM, for Excel): a row per document, or per passage.
pub fn search_csv(results: &SearchResults, by_passage: bool) -> Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    zhengce_server::csv::hits(results, by_passage, &mut out)?;
    out.flush()?;
    Ok(())
}

/// Prints the laws table.
pub fn law_rows(rows: &[LawRow], style: Style, json: bool) -> Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    if json {
        for row in rows {
            json_line(&mut out, &Record::Law(row))?;
        }
    } else {
        let mut current: Option<&Option<String>> = None;
        for row in rows {
            if current != Some(&row.group) {
                if let Some(group) = &row.group {
                    writeln!(out, "== {group} ==")?;
                }
                writeln!(
                    out,
                    "{:>4} {:>8}  {:<26} {:<42} title",
                    "docs", "mentions", "kind", "actions"
                )?;
                current = Some(&row.group);
            }
            let actions: Vec<String> = row
                .actions
                .iter()
                .map(|(a, n)| format!("{a} {n}"))
                .collect();
            let mut title = row.title.clone();
            if row.planned > 0 {
                title.push_str(&format!("  (planned {})", row.planned));
            }
            if !row.successors.is_empty() {
                title.push_str(&format!("  → {}", row.successors.join("、")));
            }
            let kind = row.kind.name();
            writeln!(
                out,
                "{:>4} {:>8}  {kind:<26} {:<42} {title}",
                row.documents,
                row.mentions,
                actions.join(", ")
            )?;
            for hit in &row.citing {
                let year = hit.year.map(|y| format!(" · {y}")).unwrap_or_default();
                writeln!(
                    out,
                    "      {}{}",
                    style.paint(PATH, &hit.path),
                    style.paint(DIM, &year)
                )?;
                writeln!(
                    out,
                    "        {}",
                    style.highlight(&hit.sentence, &[hit.highlight])
                )?;
                writeln!(
                    out,
                    "        {}",
                    style.paint(DIM, &evidence(&hit.citation))
                )?;
            }
        }
        if rows.is_empty() {
            writeln!(out, "no citations matched")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Prints the documents citing a title.
pub fn cite_hits(hits: &[CiteHit], style: Style, json: bool) -> Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    for hit in hits {
        if json {
            json_line(&mut out, &Record::Cite(hit))?;
            continue;
        }
        let year = hit.year.map(|y| format!(" · {y}")).unwrap_or_default();
        writeln!(
            out,
            "{}{}",
            style.paint(PATH, &hit.path),
            style.paint(DIM, &year)
        )?;
        writeln!(out, "  {}", describe(&hit.citation))?;
        writeln!(
            out,
            "  {}",
            style.highlight(&hit.sentence, &[hit.highlight])
        )?;
    }
    if !json {
        writeln!(out, "{} citations", hits.len())?;
    }
    out.flush()?;
    Ok(())
}

/// Prints the citations of one file.
pub fn citations(path: &str, text: &str, citations: &[Citation], json: bool) -> Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    for c in citations {
        let line = text[..c.span[0].min(text.len())].matches('\n').count() + 1;
        if json {
            json_line(
                &mut out,
                &Record::Citation {
                    path,
                    line,
                    citation: c,
                },
            )?;
        } else {
            let shown = if c.inferred {
                c.raw.clone()
            } else {
                format!("《{}》", c.raw.replace('\n', ""))
            };
            writeln!(out, "{path}:{line}: {shown} → {}", describe(c))?;
        }
    }
    out.flush()?;
    Ok(())
}

/// `title [kind, region] actions, done/planned (inferred)`.
/// Why a citation has its actions and state: `宣传贯彻 (clause) → publicize+implement · planned:
/// 方案 (genre)`.
fn evidence(c: &Citation) -> String {
    let name = |v: serde_json::Result<serde_json::Value>| {
        v.ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let e = &c.evidence;
    let actions: Vec<&str> = c.actions.iter().map(|a| a.name()).collect();
    let actions = if actions.is_empty() {
        "no action".to_owned()
    } else {
        actions.join("+")
    };
    let word = match &e.word {
        Some(w) => format!("{w} ({}) → {actions}", name(serde_json::to_value(e.source))),
        None => format!("no governing word → {actions}"),
    };
    let state = if e.mood.planned { "planned" } else { "done" };
    let because = if e.mood.word.is_empty() {
        String::new()
    } else {
        format!(": {}", e.mood.word)
    };
    format!(
        "{word} · {state}{because} ({})",
        name(serde_json::to_value(e.mood.source))
    )
}

fn describe(c: &Citation) -> String {
    let mut s = c.title.clone();
    if let Some(note) = &c.version_note {
        s.push_str(&format!("（{note}）"));
    }
    if let Some(pin) = &c.pin {
        s.push_str(&pin.text);
    }
    let region = c
        .region
        .as_deref()
        .map(|r| format!(", {r}"))
        .unwrap_or_default();
    s.push_str(&format!(" [{}{region}]", c.kind.name()));
    let actions: Vec<&str> = c.actions.iter().map(|a| a.name()).collect();
    if !actions.is_empty() {
        s.push_str(&format!(" {}", actions.join("+")));
    }
    s.push_str(if c.planned { " · planned" } else { " · done" });
    if c.inferred {
        s.push_str(" · inferred (no marks)");
    }
    s
}
