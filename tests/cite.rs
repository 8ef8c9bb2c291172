//! Citation extraction against the labelled set `tests/data/cite_gold.tsv` (every 《…》 of the
//! corpus): precision and recall of titles, kinds, actions and done/planned, each at least 0.97.

use std::collections::BTreeMap;

use zhengce_core::cite::{extract, Action, Citation, Resolution};
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
    /// The pin as written, when the set labels pins.
    pin: Option<String>,
}

fn data(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn gold(tsv: &str) -> BTreeMap<String, Vec<Gold>> {
    let text = std::fs::read_to_string(data(tsv)).unwrap();
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
            pin: c.get(8).map(|p| p.to_string()),
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

/// Scores extraction on the files of `folder` against the rows of `tsv`; prints the figures and
/// the misses, and returns the scores.
fn evaluate(tsv: &str, folder: &std::path::Path) -> BTreeMap<&'static str, Score> {
    let gold = gold(tsv);
    let (files, _) = walk(folder, None);
    let mut scores: BTreeMap<&'static str, Score> = BTreeMap::new();
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
        let aligned = align(expected, &found);
        let extra = found.len() - aligned.iter().flatten().count();
        for (g, c) in expected.iter().zip(&aligned) {
            let Some(c) = c else {
                misses.push(format!("{}: not found {}", file.path, g.raw));
                for m in [
                    "title",
                    "kind",
                    "region",
                    "version_note",
                    "pin",
                    "planned",
                    "done",
                ] {
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
            let title = if c.resolution == Resolution::Unresolved {
                "?"
            } else {
                c.title.as_str()
            };
            check("title", title == g.title, format!("{title} != {}", g.title));
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
            if let Some(pin) = &g.pin {
                let got = c.pin.as_ref().map(|p| p.text.clone()).unwrap_or_default();
                check("pin", got == *pin, format!("{got:?} != {pin:?}"));
            }
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
    println!("{tsv}: {rows} labelled citations");
    println!("{:<14} {:>9} {:>9}", "measure", "precision", "recall");
    for (name, s) in &scores {
        println!("{name:<14} {:>9.3} {:>9.3}", s.precision(), s.recall());
    }
    for m in &misses {
        println!("  {m}");
    }
    assert!(rows >= 150, "{rows} rows");
    scores
}

fn assert_scores(scores: &BTreeMap<&'static str, Score>, at_least: f64) {
    for (name, s) in scores {
        assert!(
            s.precision() >= at_least && s.recall() >= at_least,
            "{name}: {s:?}; see the misses above"
        );
    }
}

#[test]
fn labelled_corpus_citations_precision_and_recall() {
    assert_scores(&evaluate("cite_gold.tsv", &corpus()), 0.97);
}

#[test]
fn held_out_citations_precision_and_recall() {
    assert_scores(&evaluate("cite_extra.tsv", &data("cite_extra")), 0.97);
}

#[test]
fn the_sample_report_gives_the_expected_laws() {
    use std::collections::BTreeSet;
    let text = std::fs::read_to_string(corpus().join(crate::util::SAMPLE)).unwrap();
    let citations: Vec<Citation> = extract(&text).into_iter().filter(|c| !c.inferred).collect();
    let titles = |action: Action, planned: bool| -> BTreeSet<String> {
        citations
            .iter()
            .filter(|c| c.planned == planned && c.actions.contains(&action))
            .map(|c| c.title.clone())
            .collect()
    };
    let set =
        |titles: &[&str]| -> BTreeSet<String> { titles.iter().map(|t| t.to_string()).collect() };
    assert_eq!(
        titles(Action::Publicize, false),
        set(&[
            "中华人民共和国食品安全法",
            "中华人民共和国安全生产法",
            "中华人民共和国民法典",
            "中华人民共和国科学技术进步法",
            "中华人民共和国促进科技成果转化法",
            "甘肃省社会信用条例",
            "中国共产党统一战线工作条例",
            "甘肃省拥军优属条例",
        ])
    );
    assert_eq!(
        titles(Action::Study, false),
        set(&[
            "中华人民共和国宪法",
            "中华人民共和国民法典",
            "中华人民共和国科学技术进步法",
            "中华人民共和国促进科技成果转化法",
            "中华人民共和国个人信息保护法",
            "领导干部应知应会党内法规和国家法律汇编",
        ])
    );
    assert_eq!(
        titles(Action::Implement, false),
        set(&[
            "高台县科技计划项目管理办法",
            "高台县县级科技计划资金管理办法",
            "高台县科技特派员管理办法"
        ])
    );
    assert_eq!(
        titles(Action::Formulate, false),
        set(&["县科技局2024年度领导干部学法计划"])
    );
    for action in [Action::Study, Action::Publicize, Action::Implement] {
        assert_eq!(
            titles(action, true),
            set(&["中华人民共和国宪法", "中华人民共和国民法典"]),
            "{action:?}"
        );
    }
    assert!(titles(Action::Formulate, true).is_empty());
    let trial = citations
        .iter()
        .find(|c| c.title == "高台县科技计划项目管理办法")
        .unwrap();
    assert_eq!(trial.version_note.as_deref(), Some("试行"));
    assert_eq!(trial.kind.name(), "normative_document");
    assert_eq!(trial.region.as_deref(), Some("高台县"));
    let plan = citations
        .iter()
        .find(|c| c.title == "县科技局2024年度领导干部学法计划")
        .unwrap();
    assert_eq!(plan.kind.name(), "plan");
}

#[test]
fn titles_named_without_marks_are_flagged_inferred() {
    let text =
        "组织开展民法典宣传月活动，深入学习宪法。\n二、下一步打算\n继续宣传反电信网络诈骗法。";
    let found: Vec<(String, Vec<Action>, bool, bool)> = extract(text)
        .into_iter()
        .map(|c| (c.title, c.actions, c.planned, c.inferred))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "中华人民共和国民法典".to_owned(),
                vec![Action::Publicize],
                false,
                true
            ),
            (
                "中华人民共和国宪法".to_owned(),
                vec![Action::Study],
                false,
                true
            ),
            (
                "中华人民共和国反电信网络诈骗法".to_owned(),
                vec![Action::Publicize],
                true,
                true
            ),
        ]
    );
}

#[test]
fn short_forms_resolve_only_when_one_candidate_fits() {
    let resolved = |text: &str| -> Vec<(String, String)> {
        extract(text)
            .into_iter()
            .filter(|c| !c.inferred)
            .map(|c| (c.raw, format!("{}/{:?}", c.title, c.resolution)))
            .collect()
    };
    let defined = resolved("根据《甘肃省社会信用条例》（以下简称《条例》），落实《条例》第五条。");
    assert_eq!(
        defined[2],
        (
            "条例".to_owned(),
            "甘肃省社会信用条例/Definition".to_owned()
        )
    );
    let one = resolved("学习《甘肃省社会信用条例》。宣传《条例》。");
    assert_eq!(one[1].1, "甘肃省社会信用条例/Earlier");
    let two = resolved("学习《甘肃省社会信用条例》和《优化营商环境条例》。宣传《条例》。");
    assert_eq!(two[2].1, "条例/Unresolved", "two candidates: never guess");
}
