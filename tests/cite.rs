//! Citation extraction against the labelled set `tests/data/cite_gold.tsv` (every 《…》 of the
//! corpus): precision and recall of titles, kinds, actions and done/planned, each at least 0.97.

use std::collections::BTreeMap;

use zhengce_core::cite::{extract, Action, Citation};
use zhengce_core::ingest::{read, walk};

use crate::util::corpus;

/// One labelled citation.
#[derive(Debug, Clone)]
struct Gold {
    raw: String,
    title: String,
    version_note: String,
    kind: String,
    region: String,
    actions: Vec<String>,
    planned: bool,
}

fn gold() -> BTreeMap<String, Vec<Gold>> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/cite_gold.tsv"
    ))
    .unwrap();
    let mut out: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        let actions = c[6]
            .split(',')
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        out.entry(c[0].to_owned()).or_default().push(Gold {
            raw: c[1].replace("\\n", "\n"),
            title: c[2].to_owned(),
            version_note: c[3].to_owned(),
            kind: c[4].to_owned(),
            region: c[5].to_owned(),
            actions,
            planned: c[7] == "planned",
        });
    }
    out
}

/// Counts of one measure: true positives, predicted, expected.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    hit: usize,
    predicted: usize,
    expected: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.hit as f64 / self.predicted.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.hit as f64 / self.expected.max(1) as f64
    }
    fn add(&mut self, hit: bool, predicted: bool, expected: bool) {
        self.hit += usize::from(hit);
        self.predicted += usize::from(predicted);
        self.expected += usize::from(expected);
    }
}

/// The extracted citation for each gold row (matched in order by raw text and nesting).
fn align<'a>(gold: &[Gold], found: &'a [Citation]) -> Vec<Option<&'a Citation>> {
    let mut at = 0;
    gold.iter()
        .map(|g| {
            let (raw, nested) = match g.raw.strip_prefix('>') {
                Some(inner) => (inner, true),
                None => (g.raw.as_str(), false),
            };
            let i =
                (at..found.len()).find(|&i| found[i].raw == raw && found[i].nested == nested)?;
            at = i + 1;
            Some(&found[i])
        })
        .collect()
}

#[test]
fn labelled_corpus_citations_precision_and_recall() {
    let gold = gold();
    let (files, _) = walk(&corpus(), None);
    let mut scores: BTreeMap<&str, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut rows = 0;
    for file in &files {
        let Some(expected) = gold.get(&file.path) else {
            continue;
        };
        let doc = read(file).unwrap();
        let found: Vec<Citation> = extract(&doc.body)
            .into_iter()
            .filter(|c| !c.inferred)
            .collect();
        rows += expected.len();
        scores.entry("marks").or_default().add(false, false, false);
        let aligned = align(expected, &found);
        let extra = found.len() - aligned.iter().flatten().count();
        for (g, c) in expected.iter().zip(&aligned) {
            let Some(c) = c else {
                misses.push(format!("{}: not found {}", file.path, g.raw));
                for m in ["title", "kind", "region", "version_note", "planned", "done"] {
                    scores.entry(m).or_default().add(false, false, true);
                }
                for _ in &g.actions {
                    scores.entry("actions").or_default().add(false, false, true);
                }
                continue;
            };
            let mut check = |name: &'static str, ok: bool, detail: String| {
                scores.entry(name).or_default().add(ok, true, true);
                if !ok {
                    misses.push(format!("{}: {name} of {}: {detail}", file.path, g.raw));
                }
            };
            check(
                "title",
                c.title == g.title,
                format!("{} != {}", c.title, g.title),
            );
            check(
                "kind",
                c.kind.name() == g.kind,
                format!("{} != {}", c.kind.name(), g.kind),
            );
            let region = c.region.clone().unwrap_or_default();
            check(
                "region",
                region == g.region,
                format!("{region:?} != {:?}", g.region),
            );
            let note = c.version_note.clone().unwrap_or_default();
            check(
                "version_note",
                note == g.version_note,
                format!("{note:?} != {:?}", g.version_note),
            );
            let got: Vec<&str> = c.actions.iter().map(|a| Action::name(*a)).collect();
            let actions = scores.entry("actions").or_default();
            for a in Action::ALL.map(Action::name) {
                let (p, e) = (got.contains(&a), g.actions.iter().any(|x| x == a));
                actions.add(p && e, p, e);
            }
            if got != g.actions {
                misses.push(format!(
                    "{}: actions of {}: {got:?} != {:?}",
                    file.path, g.raw, g.actions
                ));
            }
            scores
                .entry("planned")
                .or_default()
                .add(c.planned && g.planned, c.planned, g.planned);
            scores
                .entry("done")
                .or_default()
                .add(!c.planned && !g.planned, !c.planned, !g.planned);
            if c.planned != g.planned {
                misses.push(format!(
                    "{}: planned of {}: {} != {}",
                    file.path, g.raw, c.planned, g.planned
                ));
            }
        }
        for m in ["title", "kind", "region", "version_note", "planned", "done"] {
            scores.entry(m).or_default().predicted += extra;
        }
    }
    scores.remove("marks");
    println!("{rows} labelled citations");
    println!("{:<14} {:>9} {:>9}", "measure", "precision", "recall");
    for (name, s) in &scores {
        println!("{name:<14} {:>9.3} {:>9.3}", s.precision(), s.recall());
    }
    for m in &misses {
        println!("  {m}");
    }
    assert!(rows >= 150);
    for (name, s) in &scores {
        assert!(
            s.precision() >= 0.97 && s.recall() >= 0.97,
            "{name}: {s:?}; see the misses above"
        );
    }
}
