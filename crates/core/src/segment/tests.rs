//! Golden tables for normalization, grams and words.

use super::*;

#[test]
fn normalization_golden_table() {
    let cases: &[(&str, &str)] = &[
        ("ＡＢＣ１２３", "abc123"),
        ("“12·4”国家宪法日", "12.4国家宪法日"),
        ("“12・4”国家宪法日", "12.4国家宪法日"),
        // Quotation and book-title marks are transparent; sentence punctuation stays.
        ("“八五”普法", "八五普法"),
        ("《民法典》宣传月", "民法典宣传月"),
        ("「放管服」『改革』〈条例〉", "放管服改革条例"),
        ("＂谁执法谁普法＂‘责任制’", "谁执法谁普法责任制"),
        (
            "普法，宣传。学习；落实：好！是？",
            "普法,宣传。学习;落实:好!是?",
        ),
        ("（一）【案例】〔2023〕", "(一)【案例】〔2023〕"),
        ("Don't \"stop\"", "dont stop"),
        ("12“·”4", "12.4"),
        ("12．4", "12.4"),
        ("民主集中制 ，不搞", "民主集中制,不搞"),
        ("工 作 总 结", "工作总结"),
        ("Rust  language", "rust language"),
        ("2024 年", "2024年"),
        ("第一行\r\n\r\n  第二行", "第一行\n第二行"),
        ("個人信息保護法", "个人信息保护法"),
        ("捍卫呵护", "捍卫呵护"),
        ("\u{FEFF}标题\u{200B}", "标题"),
        ("阿卜杜勒·艾尼", "阿卜杜勒·艾尼"),
        ("  开头", "开头"),
        ("\u{3000}\u{3000}第一条", "第一条"),
        // Found by fuzzing: a dropped character after the dot hid the digit, and normalizing
        // twice gave 12.4 the second time.
        ("１２·\u{19}４", "12.4"),
        ("12· \u{200B}4", "12.4"),
        ("12·\n4", "12·\n4"),
    ];
    for (input, expected) in cases {
        let once = normalize(input).text;
        assert_eq!(once, *expected, "normalize({input:?})");
        assert_eq!(normalize(&once).text, once, "normalizing {input:?} twice");
    }
}

#[test]
fn offsets_map_back_to_the_original() {
    let original = "ＡＢ  “12・4” 個人 信息\n下一行";
    let n = normalize(original);
    // The space between ＡＢ and the digits stays: the mark that stood between them is gone.
    assert_eq!(n.text, "ab 12.4个人信息\n下一行");
    let back: Vec<&str> = n
        .text
        .char_indices()
        .map(|(i, c)| &original[n.original_range(original, i..i + c.len_utf8())])
        .collect();
    let expected = [
        "Ａ", "Ｂ", " ", "1", "2", "・", "4", "個", "人", "信", "息", "\n", "下", "一", "行",
    ];
    assert_eq!(back, expected);
    let phrase = n
        .text
        .find("个人信息")
        .map(|i| i..i + "个人信息".len())
        .unwrap_or_default();
    assert_eq!(&original[n.original_range(original, phrase)], "個人 信息");
    let whole = n.original_range(original, 0..n.text.len());
    assert_eq!(whole, 0..original.len());
    // A term across marks maps back to the text as written, marks inside included.
    let original = "开展“八五”普法验收";
    let n = normalize(original);
    let at = n.text.find("八五普法").unwrap();
    let range = n.original_range(original, at..at + "八五普法".len());
    assert_eq!(&original[range], "八五”普法");
}

#[test]
fn transparent_marks_are_exactly_the_documented_ones() {
    for &c in TRANSPARENT_MARKS {
        assert!(is_transparent(c), "{c:?}");
        assert_eq!(normalize(&format!("法{c}治")).text, "法治", "{c:?}");
    }
    let kept = "，。；：！？、,.;:!?()（）〔〕【】[]·…—-";
    for c in kept.chars() {
        assert!(!is_transparent(c), "{c:?}");
        assert!(
            normalize(&format!("法{c}治")).text.chars().count() == 3,
            "{c:?}"
        );
    }
    for c in (0..0x11_0000).filter_map(char::from_u32) {
        assert_eq!(is_transparent(c), TRANSPARENT_MARKS.contains(&c), "{c:?}");
    }
}

#[test]
fn grams_are_unit_bigrams_and_run_ends_at_char_positions() {
    let got: Vec<(usize, &str, GramKind)> = grams("国家宪法日2024年abc，法。第3条")
        .map(|g| (g.position, g.text, g.kind))
        .collect();
    let (b, l) = (GramKind::Bigram, GramKind::Last);
    let expected = vec![
        (0, "国家", b),
        (1, "家宪", b),
        (2, "宪法", b),
        (3, "法日", b),
        (4, "日2024", b),
        (5, "2024年", b),
        (9, "年abc", b),
        (10, "abc", l),
        (14, "法", l),
        (16, "第3", b),
        (17, "3条", b),
        (18, "条", l),
    ];
    assert_eq!(got, expected);
}

#[test]
fn phrase_grams_golden_table() {
    use PhraseGrams::{Grams, Unit};
    assert_eq!(
        phrase_grams("技计划项"),
        Grams(vec![(0, "技计"), (2, "划项")])
    );
    // Every other bigram pins every unit: 法治 at p, 政府 at p+2, 建设 at p+4 is 法治政府建设.
    assert_eq!(
        phrase_grams("法治政府建设"),
        Grams(vec![(0, "法治"), (2, "政府"), (4, "建设")])
    );
    assert_eq!(phrase_grams("法"), Unit("法"));
    assert_eq!(phrase_grams("2024"), Unit("2024"));
    assert_eq!(
        phrase_grams("12.4国家"),
        Grams(vec![(0, "12"), (3, "4国"), (4, "国家")])
    );
    assert_eq!(phrase_grams("第3条"), Grams(vec![(0, "第3"), (1, "3条")]));
    assert_eq!(
        phrase_grams("民主集中制,不搞"),
        Grams(vec![(0, "民主"), (2, "集中"), (3, "中制"), (6, "不搞")])
    );
    assert_eq!(phrase_grams("，。"), PhraseGrams::None);
}

#[test]
fn a_unit_starts_a_gram() {
    assert!(starts_with_unit("法律", "法"));
    assert!(starts_with_unit("法", "法"));
    assert!(starts_with_unit("2024年", "2024"));
    assert!(starts_with_unit("2024", "2024"));
    assert!(!starts_with_unit("20245", "2024"), "another run of digits");
    assert!(!starts_with_unit("民法", "法"));
}

#[test]
fn project_dictionary_keeps_names_and_law_titles_whole() {
    let a = Analyzer::default();
    let cases: &[(&str, &[&str])] = &[
        (
            "高台县科技计划项目管理办法",
            &["高台县", "科技计划", "项目管理", "办法"],
        ),
        (
            "中华人民共和国科学技术进步法",
            &["中华人民共和国", "科学技术进步法"],
        ),
        ("县科技局印发", &["县科技局", "印发"]),
        ("体育法规", &["体育", "法规"]),
    ];
    for (text, expected) in cases {
        let got: Vec<&str> = a.query_words(text).iter().map(|t| t.text).collect();
        assert_eq!(&got, expected, "cut of {text}");
    }
}

#[test]
fn hmm_off_gives_only_dictionary_words() {
    // With HMM on, jieba invents 率拟 here: a token that is no word, and that a query for 赤字率
    // would never produce. With HMM off every multi-character token is a dictionary word.
    let a = Analyzer::default();
    let text = "财政赤字率拟按3%左右安排";
    let jieba = a.dictionary().jieba_for(text);
    let with_hmm: Vec<&str> = jieba.cut(text, true).iter().map(|t| t.word).collect();
    assert!(with_hmm.contains(&"率拟"), "HMM cut: {with_hmm:?}");
    for token in a.query_words(text) {
        let multi = token.text.chars().count() > 1 && token.text.chars().all(is_han);
        assert!(
            !multi || a.dictionary().frequency(token.text).is_some(),
            "{} is not a word",
            token.text
        );
    }
}

#[test]
fn tokens_carry_offsets_into_the_text_and_skip_punctuation() {
    let a = Analyzer::default();
    let text = "学习《宪法》，12.4宣传";
    let jieba = a.dictionary().jieba_for(text);
    let tokens = a.words(&jieba, text);
    assert!(!tokens.is_empty());
    for t in &tokens {
        assert_eq!(&text[t.start..t.end], t.text);
        assert_eq!(text[..t.start].chars().count(), t.position);
        assert!(
            t.text.chars().any(char::is_alphanumeric),
            "punctuation token {:?}",
            t.text
        );
    }
}

#[test]
fn long_lines_are_cut_where_jieba_would_not_join() {
    let a = Analyzer::default();
    let line = "推进法治政府建设，落实普法责任制。".repeat(400);
    let jieba = a.dictionary().jieba_for(&line);
    let whole: Vec<&str> = jieba.cut(&line, HMM).into_iter().map(|t| t.word).collect();
    let whole: Vec<&str> = whole
        .into_iter()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let pieces: Vec<&str> = a.words(&jieba, &line).iter().map(|t| t.text).collect();
    assert_eq!(whole.len(), pieces.len());
    assert!(whole == pieces, "the cut differs where the line was split");
}

#[test]
fn users_bring_their_own_dictionary() {
    let own = Dictionary::from_words("# 自带词典\n科技特派员 100 n\n管理 50\n办法 50\n").unwrap();
    assert_eq!(own.len(), 3);
    assert!(!own.is_builtin());
    assert_ne!(own.fingerprint(), Dictionary::builtin().fingerprint());
    let a = Analyzer::new(own);
    let words: Vec<&str> = a
        .query_words("科技特派员管理办法")
        .iter()
        .map(|t| t.text)
        .collect();
    assert_eq!(words, ["科技特派员", "管理", "办法"]);
    assert_eq!(
        a.index_words("科技特派员管理办法"),
        a.query_words("科技特派员管理办法")
    );
    let err = Dictionary::from_words("科技特派员")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("line 1") && err.contains("needs a word and a frequency"),
        "{err}"
    );
}
