//! Property tests of the pure parts, with a fixed seed: segmentation offsets stay on character
//! boundaries and slice back to the source, citation extraction never panics and its spans are
//! valid, the query parser never panics and its queries print back to themselves, and decoding
//! never panics.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use zhengce_core::cite::extract;
use zhengce_core::ingest::decode;
use zhengce_core::search::parse;
use zhengce_core::segment::{grams, normalize, Analyzer};

fn runner(cases: u32) -> TestRunner {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}

/// Text made of the characters policy documents hold, and the ones that trip parsers.
fn policy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "法",
        "治",
        "政",
        "府",
        "建",
        "设",
        "科",
        "技",
        "局",
        "高台县",
        "民法典",
        "宪法",
        "《",
        "》",
        "〈",
        "〉",
        "（",
        "）",
        "(",
        ")",
        "“",
        "”",
        "\"",
        "，",
        "。",
        "；",
        "\n",
        "\r\n",
        " ",
        "　",
        "12",
        "·",
        "・",
        "．",
        "Ａ",
        "b",
        "個",
        "將",
        "要",
        "学习",
        "宣传",
        "落实",
        "制定",
        "第十二条",
        "以下简称",
        "下一步打算",
        "一、",
        "（一）",
        "\u{FEFF}",
        "\u{200B}",
        "\u{0}",
        "\u{1}",
        "\u{FFFD}",
        "\u{FDD0}",
        "😀",
        "é",
        "-",
        ":",
        "OR",
        "NOT",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

#[test]
fn normalization_maps_back_to_character_boundaries() {
    runner(300)
        .run(&policy_text(), |text| {
            let n = normalize(&text);
            for (i, c) in n.text.char_indices() {
                let r = n.original_range(&text, i..i + c.len_utf8());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                prop_assert!(r.start <= r.end && r.end <= text.len());
            }
            prop_assert_eq!(
                normalize(&n.text).text,
                n.text.clone(),
                "normalizing twice changes nothing"
            );
            let mut last = 0;
            for g in grams(&n.text) {
                prop_assert_eq!(&n.text[g.start..g.start + g.text.len()], g.text);
                prop_assert!(g.position >= last);
                last = g.position;
            }
            let analyzer = Analyzer::default();
            for w in analyzer.query_words(&n.text) {
                prop_assert_eq!(&n.text[w.start..w.end], w.text);
                prop_assert_eq!(n.text[..w.start].chars().count(), w.position);
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn citation_extraction_never_panics_and_spans_are_valid() {
    runner(300)
        .run(&policy_text(), |text| {
            for c in extract(&text) {
                let [start, end] = c.span;
                prop_assert!(start < end && end <= text.len());
                prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                let span = &text[start..end];
                if c.inferred || c.nested {
                    prop_assert_eq!(span, c.raw.as_str());
                } else {
                    prop_assert!(span.starts_with('《') && span.ends_with('》'), "{}", span);
                }
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn parsed_queries_print_back_to_themselves() {
    runner(500)
        .run(&policy_text(), |text| {
            let input = text.replace("\u{0}", " ");
            if let Ok(query) = parse(&input) {
                let printed = query.to_string();
                prop_assert_eq!(
                    parse(&printed).ok(),
                    Some(query),
                    "{} printed as {}",
                    input,
                    printed
                );
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn decoding_never_panics() {
    runner(300)
        .run(&prop::collection::vec(any::<u8>(), 0..2000), |bytes| {
            if let Ok(decoded) = decode(&bytes) {
                prop_assert!(!decoded.text.trim().is_empty());
            }
            Ok(())
        })
        .unwrap();
}
