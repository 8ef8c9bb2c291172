//! Citations in documents written the way other counties write them (tests/data/attribution):
//! per-citation accuracy of titles, kinds, actions and done/planned, bare mentions, and questions
//! asked of the laws table — measured through the index, as users see them. The `tune` half may
//! be tuned on and prints its misses; the `heldout` half prints its scores only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use zhengce_core::cite::{Action, Citation, Kind};
use zhengce_core::{Index, LawsOptions};

/// One labelled citation.
#[derive(Debug)]
struct Row {
    raw: String,
    title: String,
    kind: String,
    actions: Vec<String>,
    planned: bool,
    nested: bool,
}

fn half(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/attribution")
        .join(name)
}

fn table(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

fn rows(half: &Path) -> BTreeMap<String, Vec<Row>> {
    let mut out: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for c in table(&half.join("cites.tsv")) {
        out.entry(c[0].clone()).or_default().push(Row {
            raw: c[1].replace("\\n", "\n"),
            title: c[2].clone(),
            kind: c[3].clone(),
            actions: c[4]
                .split(',')
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect(),
            planned: c[5] == "planned",
            nested: c[6] == "1",
        });
    }
    out
}

/// The index of a half's documents, built with one writer thread.
fn index(half: &Path) -> Index {
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer_with_threads(1).unwrap();
    writer.add_folder(&half.join("docs")).unwrap();
    writer.commit().unwrap();
    index
}

/// Correct and total counts of one measure.
#[derive(Debug, Default, Clone, Copy)]
struct Count {
    right: usize,
    of: usize,
}

impl Count {
    fn add(&mut self, right: bool) {
        self.right += usize::from(right);
        self.of += 1;
    }
    fn rate(&self) -> f64 {
        self.right as f64 / self.of.max(1) as f64
    }
}

/// The scores of one half.
#[derive(Debug, Default)]
struct Scores {
    counts: BTreeMap<&'static str, Count>,
    misses: Vec<String>,
}

impl Scores {
    fn check(&mut self, measure: &'static str, right: bool, miss: impl FnOnce() -> String) {
        self.counts.entry(measure).or_default().add(right);
        if !right {
            self.misses.push(format!("{measure}: {}", miss()));
        }
    }

    fn rate(&self, measure: &str) -> f64 {
        self.counts.get(measure).map_or(0.0, Count::rate)
    }
}

fn names(actions: &[Action]) -> Vec<String> {
    actions.iter().map(|a| a.name().to_owned()).collect()
}

/// Scores the citations of every labelled document against its rows, aligned in order by the
/// text between the marks.
fn score_citations(index: &Index, gold: &BTreeMap<String, Vec<Row>>, s: &mut Scores) {
    for (path, expected) in gold {
        let found: Vec<Citation> = index
            .document(path)
            .unwrap()
            .map(|d| d.citations)
            .unwrap_or_default()
            .into_iter()
            .filter(|c| !c.inferred)
            .collect();
        let mut at = 0;
        let mut matched = 0;
        for g in expected {
            let raw = g.raw.as_str();
            // White space aside: a browser shows a page's line break inside a title as a space.
            let bare = |s: &str| s.split_whitespace().collect::<String>();
            let i = (at..found.len())
                .find(|&i| bare(&found[i].raw) == bare(raw) && found[i].nested == g.nested);
            let Some(i) = i else {
                s.check("title_recall", false, || {
                    format!("{path}: not found 《{raw}》")
                });
                for m in ["kind", "action", "state"] {
                    s.check(m, false, || format!("{path}: 《{raw}》 not found"));
                }
                continue;
            };
            at = i + 1;
            matched += 1;
            let c = &found[i];
            let title_ok = c.title == g.title;
            s.check("title_recall", title_ok, || {
                format!("{path}: 《{raw}》 → {} != {}", c.title, g.title)
            });
            s.check("title_precision", title_ok, String::new);
            s.check("kind", c.kind.name() == g.kind, || {
                format!("{path}: 《{raw}》 {} != {}", c.kind.name(), g.kind)
            });
            let got = names(&c.actions);
            s.check("action", got == g.actions, || {
                format!(
                    "{path}: 《{raw}》 {got:?} != {:?} ({:?} {:?})",
                    g.actions, c.evidence.word, c.evidence.source
                )
            });
            s.check("state", c.planned == g.planned, || {
                format!(
                    "{path}: 《{raw}》 planned {} != {} ({:?} {})",
                    c.planned, g.planned, c.evidence.mood.source, c.evidence.mood.word
                )
            });
        }
        for _ in matched..found.len() {
            s.check("title_precision", false, || {
                format!(
                    "{path}: {} citations found, {matched} labelled",
                    found.len()
                )
            });
        }
    }
}

/// Scores the titles named without marks against `bare.tsv`: precision and recall of (path,
/// title) pairs in order.
fn score_bare(index: &Index, half: &Path, s: &mut Scores) {
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in table(&half.join("bare.tsv")) {
        expected.entry(c[0].clone()).or_default().push(c[2].clone());
    }
    let docs = rows(half).into_keys().chain(expected.keys().cloned());
    let docs: BTreeSet<String> = docs.collect();
    for path in docs {
        let found: Vec<String> = index
            .document(&path)
            .unwrap()
            .map(|d| d.citations)
            .unwrap_or_default()
            .into_iter()
            // The labels list national laws and regulations named without marks.
            .filter(|c| {
                c.inferred && c.region.is_none() && LAW_ENDINGS.iter().any(|e| c.title.ends_with(e))
            })
            .map(|c| c.title)
            .collect();
        let want = expected.get(&path).cloned().unwrap_or_default();
        let mut left = want.clone();
        for f in &found {
            let hit = left.iter().position(|w| w == f);
            if let Some(i) = hit {
                left.remove(i);
            }
            s.check("bare_precision", hit.is_some(), || {
                format!("{path}: extra bare {f}")
            });
        }
        for _ in 0..want.len() {
            let missed = left.pop();
            s.check("bare_recall", missed.is_none(), || {
                format!("{path}: missed bare {}", missed.clone().unwrap_or_default())
            });
        }
    }
}

/// The options `zhengce laws` would take from `args`, if it takes them.
fn laws_options(args: &str) -> Option<LawsOptions> {
    let mut words = Vec::new();
    let mut rest = args.trim();
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('\'') {
            let end = quoted.find('\'').unwrap();
            words.push(quoted[..end].to_owned());
            rest = quoted[end + 1..].trim_start();
        } else {
            let end = rest.find(' ').unwrap_or(rest.len());
            words.push(rest[..end].to_owned());
            rest = rest[end..].trim_start();
        }
    }
    let mut options = LawsOptions::default();
    let mut i = 0;
    while i < words.len() {
        let value = words.get(i + 1).cloned().unwrap_or_default();
        match words[i].as_str() {
            "--action" => {
                options = options.action(Action::from_name(&value)?);
                i += 1;
            }
            "--year" => {
                let (from, to) = value.split_once("..").unwrap_or((&value, &value));
                options = options.years(from.parse().unwrap(), to.parse().unwrap());
                i += 1;
            }
            "--kind" => {
                options = options.kind(Kind::from_name(&value).unwrap());
                i += 1;
            }
            "-q" | "--query" => {
                options = options.query(value);
                i += 1;
            }
            "--done" => options = options.planned(false),
            "--planned" => options = options.planned(true),
            other => panic!("unknown argument {other} in {args}"),
        }
        i += 1;
    }
    Some(options)
}

/// Asks each question of `questions.tsv` of the laws table and compares the titles.
fn score_questions(index: &Index, half: &Path, s: &mut Scores) {
    for q in table(&half.join("questions.tsv")) {
        let got: BTreeSet<String> = laws_options(&q[2])
            .map(|options| index.laws(&options).unwrap())
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.title)
            .collect();
        let want: BTreeSet<String> = q
            .get(3)
            .map(|a| {
                a.split('|')
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        s.check("questions", got == want, || {
            let extra: Vec<_> = got.difference(&want).collect();
            let missing: Vec<_> = want.difference(&got).collect();
            format!("{} {}: extra {extra:?}, missing {missing:?}", q[0], q[1])
        });
    }
}

fn evaluate(name: &str) -> Scores {
    let half = half(name);
    let index = index(&half);
    let mut scores = Scores::default();
    score_citations(&index, &rows(&half), &mut scores);
    score_bare(&index, &half, &mut scores);
    score_questions(&index, &half, &mut scores);
    println!("attribution/{name}:");
    for (measure, c) in &scores.counts {
        println!("  {measure:<16} {:.3}  ({}/{})", c.rate(), c.right, c.of);
    }
    scores
}

/// Scores a half, prints its misses when it is one the rules are tuned on, and asserts its floors.
fn check_half(name: &str, show_misses: bool, floors: &[(&str, f64)]) {
    let scores = evaluate(name);
    if show_misses {
        for miss in &scores.misses {
            println!("  miss {miss}");
        }
    }
    let low: Vec<String> = floors
        .iter()
        .filter(|(measure, floor)| scores.rate(measure) < *floor)
        .map(|(measure, floor)| format!("{measure} {:.3} < {floor}", scores.rate(measure)))
        .collect();
    assert!(low.is_empty(), "{name}: {}", low.join(", "));
}

/// The half the rules were tuned on: its misses are printed for whoever tunes them.
#[test]
fn tune_half_scores() {
    check_half("tune", true, TUNE_FLOORS);
}

/// The second set the rules were tuned on, written later by another hand.
#[test]
fn tune2_half_scores() {
    check_half("tune2", true, TUNE2_FLOORS);
}

/// The third set, written last by another hand (other provinces, more notices and plans).
#[test]
fn tune3_half_scores() {
    check_half(
        "tune3",
        std::env::var_os("ZHENGCE_SHOW_TUNE3").is_some(),
        TUNE3_FLOORS,
    );
}

/// The fourth set, two parts by two more hands (southern and central provinces; northern and
/// eastern ones), scored fresh before any rule was tuned on it.
#[test]
fn tune4a_half_scores() {
    check_half("tune4a", true, TUNE4_FLOORS);
}

/// The fourth set's second part.
#[test]
fn tune4b_half_scores() {
    check_half("tune4b", true, TUNE4_FLOORS);
}

/// The fifth set, two parts by two more hands (Jiangsu, Anhui, Shanghai, Chongqing; Hebei,
/// Guizhou, Ningxia, Jilin), scored fresh before any rule was tuned on it.
#[test]
fn tune5a_half_scores() {
    check_half("tune5a", true, TUNE5_FLOORS);
}

/// The fifth set's second part.
#[test]
fn tune5b_half_scores() {
    check_half("tune5b", true, TUNE5_FLOORS);
}

/// The half the rules were never tuned on: scores only, never its misses.
#[test]
fn heldout_half_scores() {
    check_half("heldout", false, HELDOUT_FLOORS);
}

/// How the names of national laws end.
const LAW_ENDINGS: [&str; 3] = ["法", "法典", "条例"];

/// What each half must keep: its measured scores, rounded down (docs/citations.md has the
/// history).
const TUNE_FLOORS: &[(&str, f64)] = &[
    ("action", 0.995),
    ("state", 0.995),
    ("kind", 0.995),
    ("title_precision", 0.995),
    ("title_recall", 0.995),
    ("questions", 0.99),
];
const TUNE2_FLOORS: &[(&str, f64)] = &[
    ("action", 0.975),
    ("state", 0.995),
    ("kind", 0.985),
    ("title_precision", 0.995),
    ("title_recall", 0.995),
    ("questions", 0.79),
];
const TUNE3_FLOORS: &[(&str, f64)] = &[
    ("action", 0.97),
    ("state", 0.995),
    ("kind", 0.98),
    ("title_precision", 0.995),
    ("title_recall", 0.995),
    ("questions", 0.89),
];
const TUNE4_FLOORS: &[(&str, f64)] = &[
    ("action", 0.98),
    ("state", 0.995),
    ("kind", 0.99),
    ("title_precision", 0.995),
    ("title_recall", 0.995),
    ("questions", 0.99),
];
const TUNE5_FLOORS: &[(&str, f64)] = &[
    ("action", 0.98),
    ("state", 0.98),
    ("kind", 0.995),
    ("title_precision", 0.995),
    ("title_recall", 0.995),
    ("questions", 0.66),
];
/// Measured 2026-12-03 after tuning on tune4 and tune5 (action 0.920, state 0.986, kind 0.976,
/// titles 0.988 / 0.984, questions 14/26); the goals (action 0.95, questions 95 %) are not met
/// yet.
const HELDOUT_FLOORS: &[(&str, f64)] = &[
    ("action", 0.919),
    ("state", 0.985),
    ("kind", 0.97),
    ("title_precision", 0.98),
    ("title_recall", 0.98),
    ("bare_precision", 0.99),
    ("bare_recall", 0.99),
    ("questions", 0.53),
];
