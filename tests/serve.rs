//! `zhengce serve` end to end: the HTTP API against the CLI's JSON, CSV, the watcher keeping the
//! index current, and hostile requests (traversal, markup, huge queries, other hosts, unknown
//! routes, bad parameters) — each a 4xx or a harmless answer, never a file, a 5xx or a panic.
//! Servers bind 127.0.0.1 port 0 and are killed at the end of each test.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use crate::util::{encode, eventually, http_get, http_raw, Dir, HttpResponse, Served, SAMPLE};

/// How long a change in the folder may take to show: generous, since the tests run side by side
/// with each other (and CI with other builds); the bench measures the real latency (under 2 s).
const CHANGE_SHOWS: Duration = Duration::from_secs(30);

/// The laws that the user's sample report says were publicized in 2024 (README): among those
/// of the whole corpus.
const README_EIGHT: &[&str] = &[
    "中华人民共和国食品安全法",
    "中华人民共和国安全生产法",
    "中华人民共和国民法典",
    "中华人民共和国科学技术进步法",
    "中华人民共和国促进科技成果转化法",
    "甘肃省社会信用条例",
    "中国共产党统一战线工作条例",
    "甘肃省拥军优属条例",
];

fn corpus_server() -> (Dir, Served) {
    let dir = Dir::with_corpus();
    let served = dir.serve(&["corpus"]);
    (dir, served)
}

fn ok_json(served: &Served, target: &str) -> Value {
    let r = served.get(target);
    assert_eq!(r.status, 200, "{target}: {}", r.text());
    assert_eq!(
        r.header("content-type"),
        Some("application/json"),
        "{target}"
    );
    r.json()
}

/// The JSON Lines a CLI command prints.
fn cli_lines(dir: &Dir, args: &[&str]) -> Vec<Value> {
    let run = dir.run(args);
    assert!(run.code == 0 || run.code == 1, "{args:?}: {run:?}");
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// `object` without its `id`, which the CLI does not print; checks that the id is 16 hex digits.
fn without_id(object: &Value) -> Value {
    let mut o = object.clone();
    let id = o
        .as_object_mut()
        .and_then(|m| m.remove("id"))
        .expect("an id");
    let id = id.as_str().expect("a string id");
    assert!(
        id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    o
}

fn is_client_error(r: &HttpResponse) -> bool {
    (400..500).contains(&r.status)
}

#[test]
fn serve_prints_its_address_and_searches_as_the_cli_does() {
    let (dir, served) = corpus_server();
    assert!(
        served.stderr().contains("indexing corpus first"),
        "{}",
        served.stderr()
    );
    let status = ok_json(&served, "/api/status");
    assert_eq!(status["type"], "status");
    assert_eq!(status["documents"], 16);

    let q = encode("科学技术进步法");
    let answer = ok_json(
        &served,
        &format!("/api/search?q={q}&limit=100&facets=true&passages=2"),
    );
    let cli = cli_lines(
        &dir,
        &[
            "search",
            "科学技术进步法",
            "corpus",
            "--json",
            "--limit",
            "100",
            "--facets",
            "--passages",
            "2",
        ],
    );
    let hits: Vec<Value> = answer["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(without_id)
        .collect();
    let cli_hits: Vec<Value> = cli.iter().filter(|l| l["type"] == "hit").cloned().collect();
    assert!(!hits.is_empty());
    assert_eq!(hits, cli_hits, "the same hit objects as the CLI's");
    assert!(hits.iter().any(|h| h["path"] == SAMPLE));
    let cli_facets = cli.iter().find(|l| l["type"] == "facets").unwrap();
    assert_eq!(&answer["facets"], cli_facets);
    let cli_summary = cli.iter().find(|l| l["type"] == "search_summary").unwrap();
    assert_eq!(&answer["summary"], cli_summary);

    // Paging and sorting by date.
    let page = ok_json(
        &served,
        &format!(
            "/api/search?q={}&limit=2&offset=2&sort=date",
            encode("法治")
        ),
    );
    let all = ok_json(
        &served,
        &format!("/api/search?q={}&limit=100&sort=date", encode("法治")),
    );
    assert_eq!(
        page["hits"].as_array().unwrap()[..],
        all["hits"].as_array().unwrap()[2..4]
    );
    assert_eq!(page["summary"]["offset"], 2);
    assert_eq!(page["summary"]["returned"], 2);
    assert_eq!(page["facets"], Value::Null);
}

#[test]
fn laws_cites_and_documents_answer_as_the_cli_does() {
    let (dir, served) = corpus_server();
    // Which laws were publicized in 2024, done: the README's eight.
    let laws = ok_json(&served, "/api/laws?action=publicize&year=2024&state=done");
    let cli = cli_lines(
        &dir,
        &[
            "laws",
            "corpus",
            "--action",
            "publicize",
            "--year",
            "2024",
            "--done",
            "--json",
        ],
    );
    assert_eq!(laws["laws"].as_array().unwrap(), &cli);
    for title in README_EIGHT {
        assert!(cli.iter().any(|l| l["title"] == *title), "{title}: {cli:?}");
    }
    // Chinese names, a range, grouping by year, the issuer and a query.
    let grouped = ok_json(
        &served,
        &format!(
            "/api/laws?action={}&year=2019..2025&by=year&issuer={}&kind=law",
            encode("宣传"),
            encode("科技局")
        ),
    );
    let cli = cli_lines(
        &dir,
        &[
            "laws",
            "corpus",
            "--action",
            "宣传",
            "--year",
            "2019..2025",
            "--by",
            "year",
            "--kind",
            "law",
            "-q",
            "issuer:科技局",
            "--json",
        ],
    );
    assert!(!cli.is_empty());
    assert_eq!(grouped["laws"].as_array().unwrap(), &cli);
    // With their evidence, as `zhengce laws --explain --json`.
    let explained = ok_json(
        &served,
        "/api/laws?action=publicize&year=2024&state=done&explain=true",
    );
    let cli = cli_lines(
        &dir,
        &[
            "laws",
            "corpus",
            "--action",
            "publicize",
            "--year",
            "2024",
            "--done",
            "--explain",
            "--json",
        ],
    );
    assert_eq!(explained["laws"].as_array().unwrap(), &cli);
    assert!(cli
        .iter()
        .all(|l| !l["citing"].as_array().unwrap().is_empty()));

    let cites = ok_json(
        &served,
        &format!("/api/cites?title={}", encode("科技进步法")),
    );
    let cli = cli_lines(&dir, &["cites", "科技进步法", "corpus", "--json"]);
    let api: Vec<Value> = cites["cites"]
        .as_array()
        .unwrap()
        .iter()
        .map(without_id)
        .collect();
    assert!(!api.is_empty());
    assert_eq!(api, cli);

    // The document of the sample report, by the id its hit gives.
    let hit = &ok_json(
        &served,
        &format!("/api/search?q={}&limit=100", encode("科学技术进步法")),
    )["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["path"] == SAMPLE)
        .unwrap()
        .clone();
    let id = hit["id"].as_str().unwrap();
    let doc = ok_json(
        &served,
        &format!("/api/documents/{id}?q={}", encode("科学技术进步法")),
    );
    let shown = &cli_lines(&dir, &["show", SAMPLE, "corpus", "--json"])[0];
    let mut view = without_id(&doc);
    let text = view["text"].as_str().unwrap().to_owned();
    let marks: Vec<[usize; 2]> = serde_json::from_value(view["highlights"].clone()).unwrap();
    for extra in ["text", "highlights", "highlights_truncated"] {
        view.as_object_mut().unwrap().remove(extra);
    }
    assert_eq!(&view, shown, "the document object of `zhengce show --json`");
    assert_eq!(doc["id"], hit["id"]);
    assert_eq!(marks.len(), text.matches("科学技术进步法").count());
    assert!(marks.iter().all(|&[s, e]| &text[s..e] == "科学技术进步法"));
    assert_eq!(doc["highlights_truncated"], false);
    // Without a query, nothing is marked; the page of the document exists.
    let plain = ok_json(&served, &format!("/api/documents/{id}"));
    assert_eq!(plain["highlights"], serde_json::json!([]));
    assert_eq!(served.get(&format!("/documents/{id}")).status, 200);
}

#[test]
fn csv_downloads_are_the_cli_csv_with_a_bom() {
    let (dir, served) = corpus_server();
    let api = served.get("/api/laws.csv?action=publicize&year=2024&state=done");
    assert_eq!(api.status, 200);
    assert_eq!(api.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(api
        .header("content-disposition")
        .is_some_and(|d| d.contains("laws.csv")));
    let cli = dir.run(&[
        "laws",
        "corpus",
        "--action",
        "publicize",
        "--year",
        "2024",
        "--done",
        "--csv",
    ]);
    assert_eq!(cli.code, 0, "{cli:?}");
    assert_eq!(api.body, cli.stdout.as_bytes(), "the same writer");
    assert!(
        api.body.starts_with("\u{feff}".as_bytes()),
        "UTF-8 BOM for Excel"
    );
    let records = read_csv(&api.body);
    assert_eq!(
        records[0][..5],
        ["法规名称", "类别", "文件数", "次数", "宣传"]
    );
    let rows = cli_lines(
        &dir,
        &[
            "laws",
            "corpus",
            "--action",
            "publicize",
            "--year",
            "2024",
            "--done",
            "--json",
        ],
    );
    assert_eq!(records.len(), 1 + rows.len());
    for (record, row) in records[1..].iter().zip(&rows) {
        assert_eq!(record[0], row["title"].as_str().unwrap());
        assert_eq!(record[2], row["documents"].to_string());
        assert_eq!(record[3], row["mentions"].to_string());
    }
    let civil = records
        .iter()
        .find(|r| r[0] == "中华人民共和国民法典")
        .expect("民法典 publicized in 2024");
    assert_eq!(civil[1], "法律");
    let publicized: usize = civil[4].parse().unwrap();
    assert!(publicized >= 1);

    // Grouped by year, the group comes first; search hits export too.
    let by_year = dir.run(&["laws", "corpus", "--by", "year", "--csv"]);
    assert_eq!(read_csv(by_year.stdout.as_bytes())[0][0], "年份");
    let hits = dir.run(&["search", "科学技术进步法", "corpus", "--csv"]);
    assert_eq!(hits.code, 0, "{hits:?}");
    let rows = read_csv(hits.stdout.as_bytes());
    assert_eq!(rows[0][0], "标题");
    assert!(rows
        .iter()
        .any(|r| r[10] == SAMPLE && r[8].contains("科学技术进步法")));
    let api_hits = served.get(&format!("/api/search.csv?q={}", encode("科学技术进步法")));
    assert_eq!(api_hits.status, 200);
    assert_eq!(read_csv(&api_hits.body).len(), rows.len());
}

fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn bad_parameters_are_400_with_a_message() {
    let (_dir, served) = corpus_server();
    let cases = [
        ("/api/search", "q is missing"),
        ("/api/search?q=", "q is missing"),
        ("/api/search?q=%22%E6%B3%95%E6%B2%BB", "unclosed quote"),
        ("/api/search?q=a&limit=abc", "limit=abc"),
        ("/api/search?q=a&limit=101", "limit=101"),
        ("/api/search?q=a&limit=-1", "limit=-1"),
        ("/api/search?q=a&offset=99999999999999999999999", "offset"),
        ("/api/search?q=a&sort=random", "sort=random"),
        ("/api/search?q=a&facets=maybe", "facets=maybe"),
        ("/api/laws?action=burn", "action=burn"),
        ("/api/laws?year=MMXXIV", "year=MMXXIV"),
        ("/api/laws?state=maybe", "state=maybe"),
        ("/api/laws?kind=poem", "kind=poem"),
        ("/api/laws?by=month", "by=month"),
        ("/api/laws?q=(", "bad query"),
        ("/api/laws.csv?action=burn", "action=burn"),
        ("/api/cites", "title is missing"),
        ("/api/documents/0000000000000000?q=%22x", "unclosed quote"),
    ];
    for (target, message) in cases {
        let r = served.get(target);
        assert_eq!(r.status, 400, "{target}: {}", r.text());
        let body = r.json();
        assert_eq!(body["type"], "error", "{target}");
        let text = body["message"].as_str().unwrap();
        assert!(text.contains(message), "{target}: {text}");
    }
}

#[test]
fn traversal_never_reaches_a_file() {
    let dir = Dir::with_corpus();
    dir.write("secret.txt", "TOPSECRET 机密文件 不应被读到");
    dir.write(
        "corpus/sub/inner.txt",
        "2024年工作总结\n学习《中华人民共和国宪法》。",
    );
    let served = dir.serve(&["corpus"]);
    let sample = encode(SAMPLE);
    let targets = [
        "/../secret.txt".to_owned(),
        "/../../../../etc/passwd".to_owned(),
        "/%2e%2e/secret.txt".to_owned(),
        "/%2E%2E/%2E%2E/etc/passwd".to_owned(),
        "/..%2fsecret.txt".to_owned(),
        "/..%5csecret.txt".to_owned(),
        "//etc/passwd".to_owned(),
        "/assets/../../secret.txt".to_owned(),
        "/assets/..%2f..%2fsecret.txt".to_owned(),
        "/assets/%2e%2e/%2e%2e/secret.txt".to_owned(),
        "/assets/app.js/../../secret.txt".to_owned(),
        "/documents/../../secret.txt".to_owned(),
        "/documents/..%2F..%2Fsecret.txt".to_owned(),
        "/documents/%2e%2e%2f%2e%2e%2fsecret.txt".to_owned(),
        "/documents/%2Fetc%2Fpasswd".to_owned(),
        "/documents/%00".to_owned(),
        "/api/documents/../../secret.txt".to_owned(),
        "/api/documents/..%2F..%2Fsecret.txt".to_owned(),
        "/api/documents/%2e%2e%2f%2e%2e%2fsecret.txt".to_owned(),
        "/api/documents//etc/passwd".to_owned(),
        "/api/documents/%2Fetc%2Fpasswd".to_owned(),
        "/api/documents/file:%2F%2F%2Fetc%2Fpasswd".to_owned(),
        // Ids that are paths: the indexed files' own paths are no ids either.
        format!("/api/documents/{sample}"),
        format!("/api/documents/corpus%2F{sample}"),
        format!("/documents/{sample}"),
        "/api/documents/sub%2Finner.txt".to_owned(),
        "/api/documents/sub/inner.txt".to_owned(),
        "/api/documents/.zhengce%2Fmeta.json".to_owned(),
        "/api/documents/.zhengce/meta.json".to_owned(),
        "/.zhengce/meta.json".to_owned(),
        "/corpus/.zhengce/meta.json".to_owned(),
        format!("/{sample}"),
        format!("/corpus/{sample}"),
        // Parameters are text, never paths.
        "/api/search?q=..%2F..%2Fsecret.txt".to_owned(),
        "/api/search?q=%2Fetc%2Fpasswd".to_owned(),
        "/api/cites?title=..%2F..%2Fsecret.txt".to_owned(),
        "/api/laws?q=..%2Fsecret.txt&issuer=%2E%2E%2F".to_owned(),
        "/api/laws.csv?issuer=..%2F..%2Fsecret.txt".to_owned(),
    ];
    for target in &targets {
        let r = served.get(target);
        assert!(
            is_client_error(&r) || r.status == 200,
            "{target}: {} {}",
            r.status,
            r.text()
        );
        let body = r.text();
        assert!(!body.contains("TOPSECRET"), "{target}");
        assert!(!body.contains("root:"), "{target}");
        assert!(!body.contains("segments"), "{target}: an index file");
        if r.status == 200 && target.starts_with("/api/search?") {
            assert_eq!(r.json()["summary"]["total"], 0, "{target}");
        }
    }
    // The documents' ids are not their paths, and an id names only what the index holds.
    let inner = ok_json(
        &served,
        &format!("/api/search?q={}", encode("宪法 title:2024年工作总结")),
    );
    let id = inner["hits"][0]["id"].as_str().unwrap().to_owned();
    assert!(!id.contains('/') && !id.contains("inner"));
    assert_eq!(
        ok_json(&served, &format!("/api/documents/{id}"))["path"],
        "sub/inner.txt"
    );
    assert_eq!(served.get("/api/documents/ffffffffffffffff").status, 404);
    assert_eq!(served.get("/documents/ffffffffffffffff").status, 404);
}

#[test]
fn markup_in_documents_is_served_as_data_under_a_strict_policy() {
    let dir = Dir::new();
    let markup = "<script>document.title='pwned'</script><img src=x onerror=\"alert(1)\">";
    dir.write(
        "docs/恶意.txt",
        format!("2024年工作总结{markup}\n一、学习《宪法》{markup}\n宣传民法典。"),
    );
    let served = dir.serve(&["docs"]);
    let answer = ok_json(&served, &format!("/api/search?q={}", encode("宪法")));
    let hit = &answer["hits"][0];
    assert!(hit["passages"][0]["text"]
        .as_str()
        .unwrap()
        .contains("<script>"));
    let doc = ok_json(
        &served,
        &format!("/api/documents/{}", hit["id"].as_str().unwrap()),
    );
    assert!(doc["text"].as_str().unwrap().contains(markup));
    // Every answer carries the policy: only the page's own script runs, nothing is framed,
    // nothing is sniffed as HTML.
    for target in [
        "/",
        "/laws",
        "/api/status",
        "/api/search?q=x",
        "/nope",
        "/api/nope",
    ] {
        let r = served.get(target);
        let csp = r.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("script-src 'self'"), "{target}: {csp}");
        assert!(csp.contains("default-src 'none'"), "{target}: {csp}");
        assert!(!csp.contains("unsafe"), "{target}: {csp}");
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{target}"
        );
    }
    // The page and its script are the binary's own: no other origin, no inline script, and
    // documents' text is only ever inserted as text.
    let page = served.get("/").text();
    assert!(page.contains("<script src=\"/assets/app.js\""));
    assert!(!page.contains("http://") && !page.contains("https://"));
    let script = served.get("/assets/app.js").text();
    for forbidden in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!script.contains(forbidden), "{forbidden}");
    }
    // No address but the SVG namespace's name (which nothing fetches).
    let script = script.replace("'http://www.w3.org/2000/svg'", "");
    assert!(!script.contains("http://") && !script.contains("https://"));
    let style = served.get("/assets/app.css").text();
    assert!(!style.contains("url(") && !style.contains("@import"));
}

#[test]
fn huge_and_deep_queries_are_refused_and_the_server_goes_on() {
    let (_dir, served) = corpus_server();
    // A megabyte query never reaches the search.
    let huge = format!("/api/search?q={}", "%E6%B3%95".repeat(350_000));
    let r = served.get(&huge);
    assert!(is_client_error(&r), "{}", r.status);
    // Past the query's length limit: 400 with the limit.
    let long = format!("/api/search?q={}", encode(&"法".repeat(1001)));
    let r = served.get(&long);
    assert_eq!(r.status, 400);
    assert!(r.json()["message"].as_str().unwrap().contains("too long"));
    let deep = format!(
        "/api/search?q={}",
        encode(&format!("{}法{}", "(".repeat(500), ")".repeat(500)))
    );
    assert_eq!(served.get(&deep).status, 400);
    let many = format!("/api/search?q={}", encode(&"法 ".repeat(300)));
    assert_eq!(served.get(&many).status, 400);
    let title = format!("/api/cites?title={}", encode(&"法".repeat(5000)));
    let r = served.get(&title);
    assert_eq!(r.status, 400);
    assert!(r.json()["message"].as_str().unwrap().contains("too long"));
    let issuer = format!("/api/laws?issuer={}", encode(&"局".repeat(5000)));
    assert_eq!(served.get(&issuer).status, 400);
    // A huge header, and a request that is not HTTP.
    let header = format!(
        "GET /api/status HTTP/1.1\r\nHost: {}\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        served.addr,
        "a".repeat(1 << 20)
    );
    assert!(is_client_error(&http_raw(served.addr, header.as_bytes())));
    let garbage = http_raw(served.addr, b"\x16\x03\x01\x02\x00garbage\r\n\r\n");
    assert!(is_client_error(&garbage), "{}", garbage.status);
    // Still serving.
    assert_eq!(ok_json(&served, "/api/status")["documents"], 16);
}

#[test]
fn unknown_routes_methods_and_hosts_are_4xx() {
    let (_dir, served) = corpus_server();
    let r = served.get("/nope");
    assert_eq!(r.status, 404);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    let r = served.get("/api/nope");
    assert_eq!(r.status, 404);
    assert!(r.json()["message"].as_str().unwrap().contains("/api/nope"));
    assert_eq!(served.get("/api/documents/").status, 404);
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"] {
        let request = format!(
            "{method} /api/search?q=a HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            served.addr
        );
        let r = http_raw(served.addr, request.as_bytes());
        assert_eq!(r.status, 405, "{method}");
        assert_eq!(r.header("allow"), Some("GET, HEAD"), "{method}");
    }
    let head = format!(
        "HEAD / HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        served.addr
    );
    let r = http_raw(served.addr, head.as_bytes());
    assert_eq!(r.status, 200);
    assert!(r.body.is_empty());
    // Another host name on loopback: a web page's DNS rebinding, refused.
    for host in [
        "evil.example",
        "evil.example:7700",
        "127.0.0.1.evil.example",
    ] {
        let request =
            format!("GET /api/status HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        let r = http_raw(served.addr, request.as_bytes());
        assert_eq!(r.status, 403, "{host}");
    }
    let request = format!(
        "GET /api/status HTTP/1.1\r\nHost: localhost:{}\r\nConnection: close\r\n\r\n",
        served.addr.port()
    );
    assert_eq!(http_raw(served.addr, request.as_bytes()).status, 200);
}

fn total(served: &Served, query: &str) -> u64 {
    ok_json(served, &format!("/api/search?q={}", encode(query)))["summary"]["total"]
        .as_u64()
        .unwrap()
}

#[test]
fn a_file_added_changed_or_removed_shows_without_a_restart() {
    let dir = Dir::new();
    dir.write("docs/a.txt", "2024年工作总结\n开展普法宣传。");
    let served = dir.serve(&["docs"]);
    assert_eq!(ok_json(&served, "/api/status")["documents"], 1);

    dir.write("docs/b.txt", "2024年工作总结\n开展甲乙丙丁戊检查。");
    assert!(
        eventually(CHANGE_SHOWS, || total(&served, "\"甲乙丙丁戊\"") == 1),
        "added: {}",
        served.stderr()
    );
    dir.write("docs/b.txt", "2024年工作总结\n开展己庚辛壬癸检查。");
    assert!(
        eventually(CHANGE_SHOWS, || total(&served, "\"己庚辛壬癸\"") == 1
            && total(&served, "\"甲乙丙丁戊\"") == 0),
        "changed: {}",
        served.stderr()
    );
    std::fs::remove_file(dir.path().join("docs/b.txt")).unwrap();
    assert!(
        eventually(CHANGE_SHOWS, || total(&served, "\"己庚辛壬癸\"") == 0),
        "removed: {}",
        served.stderr()
    );
    // A new folder with a file in it, and a file moved into place (as editors save).
    dir.write("docs/new/c.txt", "2025年工作要点\n子丑寅卯辰。");
    dir.write("docs/tmp.part", "2025年工作要点\n午未申酉戌。");
    std::fs::rename(
        dir.path().join("docs/tmp.part"),
        dir.path().join("docs/d.txt"),
    )
    .unwrap();
    assert!(
        eventually(CHANGE_SHOWS, || total(&served, "\"子丑寅卯辰\"") == 1
            && total(&served, "\"午未申酉戌\"") == 1),
        "a new folder, a rename: {}",
        served.stderr()
    );
    assert_eq!(ok_json(&served, "/api/status")["documents"], 3);
    let log = served.stderr();
    assert!(log.contains("index updated: 1 added"), "{log}");
    assert!(!log.contains("warning"), "{log}");
}

#[test]
fn requests_during_indexing_each_see_one_commit() {
    let dir = Dir::new();
    for i in 0..5 {
        dir.write(
            &format!("docs/{i}.txt"),
            format!("{}年工作总结\n开展普法宣传第{i}次。", 2015 + i),
        );
    }
    let served = Arc::new(dir.serve(&["docs"]));
    let stop = Arc::new(AtomicBool::new(false));
    let checkers: Vec<_> = (0..4)
        .map(|_| {
            let (served, stop) = (Arc::clone(&served), Arc::clone(&stop));
            std::thread::spawn(move || {
                let mut checked = 0;
                let mut seen = BTreeSet::new();
                while !stop.load(Ordering::Relaxed) && checked < 2000 {
                    let a = ok_json(
                        &served,
                        &format!("/api/search?q={}&limit=100&facets=true", encode("普法宣传")),
                    );
                    let total = a["summary"]["total"].as_u64().unwrap();
                    let hits = a["hits"].as_array().unwrap();
                    assert_eq!(hits.len() as u64, total.min(100));
                    let by_year: u64 = a["facets"]["year"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|c| c["count"].as_u64().unwrap())
                        .sum();
                    assert_eq!(by_year, total, "facets and hits of one commit");
                    // Files are only added: a document once listed stays readable.
                    for h in hits {
                        seen.insert(h["id"].as_str().unwrap().to_owned());
                    }
                    if let Some(id) = seen.iter().nth(checked % seen.len().max(1)) {
                        let doc = served.get(&format!("/api/documents/{id}"));
                        assert_eq!(doc.status, 200, "{id}: {}", doc.text());
                    }
                    checked += 1;
                }
                checked
            })
        })
        .collect();
    for i in 5..40 {
        dir.write(
            &format!("docs/{i}.txt"),
            format!("{}年工作总结\n开展普法宣传第{i}次。", 2000 + i),
        );
        std::thread::sleep(Duration::from_millis(25));
    }
    assert!(eventually(CHANGE_SHOWS, || total(&served, "普法宣传") == 40));
    stop.store(true, Ordering::Relaxed);
    for c in checkers {
        assert!(c.join().unwrap() > 0);
    }
}

#[test]
fn the_library_serves_in_process_and_bounds_request_time() {
    use zhengce_core::IndexBuilder;
    use zhengce_server::{Config, Server};
    let dir = Dir::with_corpus();
    let folder = dir.path().join("corpus");
    let index_dir = dir.path().join("index");
    let builder = IndexBuilder::for_folder(&folder).unwrap();
    let index = builder.clone().create_in_dir(&index_dir).unwrap();
    index
        .writer_with_threads(1)
        .unwrap()
        .add_folder(&folder)
        .unwrap();
    drop(index);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    // No time at all for a request: the search is answered 503, the rest still works.
    let config = Config::new(&folder, &index_dir, builder).request_timeout(Duration::ZERO);
    let server = Server::start(config, listener, |_| {}).unwrap();
    let addr = server.local_addr();
    let r = http_get(addr, &format!("/api/search?q={}", encode("民法典")));
    assert_eq!(r.status, 503, "{}", r.text());
    assert!(r.json()["message"]
        .as_str()
        .unwrap()
        .contains("longer than"));
    assert_eq!(http_get(addr, "/api/status").status, 200);
    server.stop();
    assert!(std::net::TcpStream::connect(addr).is_err(), "stopped");
}
