//! The page of `zhengce serve` in a real browser: headless Chromium (Debian's `chromium`), driven
//! through its DevTools protocol over a WebSocket, as a person would use it — type a query, see
//! the hits, click a facet, go back, open a document, open the laws view, check the chart and
//! the CSV, open the documents citing a law; a document's markup shows as text. Screenshots go to
//! target/screenshots/ for people to look at.
//!
//! Skipped, with a message, when Chromium is not installed — unless ZHENGCE_REQUIRE_BROWSER=1
//! (as `.ci/run` sets it), which makes a missing browser a failure.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

use crate::util::{encode, http_get, Dir, SAMPLE};

/// How long the page may take to show what a step waits for.
const STEP: Duration = Duration::from_secs(30);

/// The browser executable, if one is installed.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// A headless Chromium with a fresh profile, killed when dropped.
struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    cdp: Cdp,
}

impl Browser {
    fn launch(executable: &Path) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(executable)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-default-apps",
                "--hide-scrollbars",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--window-size=1280,900",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chromium");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(url) = line.strip_prefix("DevTools listening on ") {
                    let _ = tx.send(url.trim().to_owned());
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("chromium printed its DevTools address");
        let cdp = Cdp::connect(&url);
        Browser {
            child,
            _profile: profile,
            cdp,
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A DevTools protocol client: commands and their answers over the browser's WebSocket, one page
/// attached in flat mode.
struct Cdp {
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
    next: u64,
    session: Option<String>,
    /// Exceptions and console errors seen on the page.
    problems: Vec<String>,
}

impl Cdp {
    fn connect(url: &str) -> Cdp {
        let (ws, _) = tungstenite::connect(url).expect("connect to DevTools");
        if let MaybeTlsStream::Plain(stream) = ws.get_ref() {
            stream.set_read_timeout(Some(STEP)).unwrap();
        }
        Cdp {
            ws,
            next: 0,
            session: None,
            problems: Vec::new(),
        }
    }

    /// Sends a command (to the page once attached) and waits for its answer.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(session) = &self.session {
            message["sessionId"] = json!(session);
        }
        self.ws
            .send(Message::text(message.to_string()))
            .expect("send a command");
        loop {
            let text = match self.ws.read().expect("read from DevTools") {
                Message::Text(text) => text,
                _ => continue,
            };
            let answer: Value = serde_json::from_str(text.as_str()).unwrap();
            if answer["id"] == id {
                if let Some(error) = answer.get("error") {
                    panic!("{method}: {error}");
                }
                return answer["result"].clone();
            }
            self.note(&answer);
        }
    }

    /// Keeps the page's exceptions and console errors.
    fn note(&mut self, event: &Value) {
        let params = &event["params"];
        match event["method"].as_str() {
            Some("Runtime.exceptionThrown") => self
                .problems
                .push(format!("exception: {}", params["exceptionDetails"])),
            // Network errors are the 404s the test asks for; CSP violations and the like count.
            Some("Log.entryAdded")
                if params["entry"]["level"] == "error"
                    && params["entry"]["source"] != "network" =>
            {
                self.problems
                    .push(format!("console: {}", params["entry"]["text"]))
            }
            Some("Runtime.consoleAPICalled") if params["type"] == "error" => self
                .problems
                .push(format!("console.error: {}", params["args"])),
            _ => {}
        }
    }

    /// Opens a page and attaches to it.
    fn open_page(&mut self) {
        let target = self.call("Target.createTarget", json!({ "url": "about:blank" }));
        let attached = self.call(
            "Target.attachToTarget",
            json!({ "targetId": target["targetId"], "flatten": true }),
        );
        self.session = Some(attached["sessionId"].as_str().unwrap().to_owned());
        for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
            self.call(domain, json!({}));
        }
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false }),
        );
    }

    fn navigate(&mut self, url: &str) {
        self.call("Page.navigate", json!({ "url": url }));
    }

    /// The value of a JavaScript expression (promises awaited).
    fn eval(&mut self, expression: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        );
        if let Some(e) = r.get("exceptionDetails") {
            panic!("{expression}: {e}");
        }
        r["result"]["value"].clone()
    }

    /// Waits until `expression` is truthy; its value.
    fn wait(&mut self, what: &str, expression: &str) -> Value {
        let deadline = Instant::now() + STEP;
        loop {
            let value = self.eval(expression);
            let truthy = !matches!(&value, Value::Null | Value::Bool(false))
                && value != json!(0)
                && value != json!("");
            if truthy {
                return value;
            }
            if Instant::now() > deadline {
                let page = self.eval("document.body ? document.body.innerText.slice(0, 2000) : ''");
                panic!("waited {STEP:?} for {what}; page shows: {page}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Clicks the middle of the element `element` (a JavaScript expression) with the mouse.
    fn click(&mut self, what: &str, element: &str) {
        let at = self.wait(
            what,
            &format!(
                "(() => {{ const e = {element}; if (!e) return null; e.scrollIntoView({{block: 'center'}}); \
                 const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()"
            ),
        );
        let (x, y) = (at[0].as_f64().unwrap(), at[1].as_f64().unwrap());
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }),
            );
        }
    }

    /// Types `text` where the focus is.
    fn type_text(&mut self, text: &str) {
        self.call("Input.insertText", json!({ "text": text }));
    }

    fn press_enter(&mut self) {
        for kind in ["keyDown", "keyUp"] {
            self.call(
                "Input.dispatchKeyEvent",
                json!({ "type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r" }),
            );
        }
    }

    /// A PNG of the whole page (at most 2,400 pixels high) in target/screenshots/.
    fn screenshot(&mut self, name: &str) -> PathBuf {
        let metrics = self.call("Page.getLayoutMetrics", json!({}));
        let height = metrics["cssContentSize"]["height"]
            .as_f64()
            .unwrap_or(900.0)
            .clamp(900.0, 2400.0);
        let shot = self.call(
            "Page.captureScreenshot",
            json!({
                "format": "png",
                "captureBeyondViewport": true,
                "clip": { "x": 0, "y": 0, "width": 1280, "height": height, "scale": 1 }
            }),
        );
        let png = data_encoding::BASE64
            .decode(shot["data"].as_str().unwrap().as_bytes())
            .unwrap();
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        let path = screenshots().join(name);
        std::fs::write(&path, png).unwrap();
        path
    }
}

/// target/screenshots (beside the test binary's build folder), created.
fn screenshots() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    // target/debug/deps/tests-… → target
    let target = exe
        .ancestors()
        .nth(3)
        .map_or_else(std::env::temp_dir, Path::to_path_buf);
    let dir = target.join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_page_in_a_browser() {
    let Some(executable) = chromium() else {
        assert!(
            std::env::var("ZHENGCE_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "ZHENGCE_REQUIRE_BROWSER=1 but no chromium on PATH: install Debian's chromium"
        );
        eprintln!("skipped: no chromium on PATH (apt-get install chromium); the page was not tested in a browser");
        return;
    };
    let dir = Dir::with_corpus();
    let markup =
        "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";
    dir.write(
        "corpus/标记测试.txt",
        format!("标记测试文件{markup}\n一、正文\n这是甲乙丙丁戊的测试{markup}。"),
    );
    let served = dir.serve(&["corpus"]);
    let base = format!("http://{}", served.addr);
    let mut browser = Browser::launch(&executable);
    let page = &mut browser.cdp;
    page.open_page();

    // The home page: a search box with its help panel.
    page.navigate(&format!("{base}/"));
    page.wait("the search box", "document.querySelector('#q')");
    page.wait(
        "the document count",
        "document.querySelector('#status').textContent.includes('17')",
    );
    page.screenshot("01-home.png");

    // Type a query and press Enter: the hits, with the match marked in their passages.
    page.click("the search box", "document.querySelector('#q')");
    page.type_text("科学技术进步法");
    page.press_enter();
    page.wait(
        "hits",
        "document.querySelectorAll('#hits article.hit').length",
    );
    let location = page.eval("location.pathname + location.search");
    assert_eq!(
        location,
        json!(format!("/?q={}", encode_form("科学技术进步法")))
    );
    let titles = page.eval("[...document.querySelectorAll('#hits h3')].map(h => h.textContent)");
    assert!(
        titles
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "2024年法治建设工作总结"),
        "{titles}"
    );
    let marks = page
        .eval("[...new Set([...document.querySelectorAll('#hits mark')].map(m => m.textContent))]");
    assert_eq!(marks, json!(["科学技术进步法"]));
    let summary = page.eval("document.querySelector('#summary').textContent");
    assert!(
        summary.as_str().unwrap().starts_with("共 6 份文件"),
        "{summary}"
    );
    page.screenshot("02-search.png");

    // Click the year facet 2024: the query gains year:2024 and only 2024's documents remain.
    page.click(
        "the facet 2024",
        "[...document.querySelectorAll('#facets a.facet[data-facet=year]')].find(a => a.querySelector('.value').textContent === '2024')",
    );
    page.wait("the 2024 filter", "document.querySelector('#q').value === '科学技术进步法 year:2024' && document.querySelector('#facets a.facet.active')");
    page.wait("the filtered hits", "document.querySelector('#summary') && !document.querySelector('#summary').textContent.startsWith('共 6 ')");
    let metas = page.eval("[...document.querySelectorAll('#hits .meta')].map(m => m.textContent)");
    assert!(!metas.as_array().unwrap().is_empty());
    for meta in metas.as_array().unwrap() {
        assert!(meta.as_str().unwrap().contains("2024"), "{meta}");
    }
    page.screenshot("03-facet.png");

    // Back: the unfiltered hits again.
    page.eval("history.back()");
    page.wait("the query before the facet", "document.querySelector('#q') && document.querySelector('#q').value === '科学技术进步法' && document.querySelector('#summary') && document.querySelector('#summary').textContent.startsWith('共 6 ')");

    // Open the sample report: metadata, outline, citations, the text with the matches marked.
    page.click(
        "the sample's title",
        "[...document.querySelectorAll('#hits h3 a')].find(a => a.textContent === '2024年法治建设工作总结')",
    );
    page.wait("the document", "document.querySelector('#fulltext')");
    assert!(page
        .eval("location.pathname")
        .as_str()
        .unwrap()
        .starts_with("/documents/"));
    let meta = page.eval("document.querySelector('#doc-meta').textContent");
    assert!(meta.as_str().unwrap().contains(SAMPLE), "{meta}");
    assert!(
        page.eval("document.querySelectorAll('#outline a').length")
            .as_u64()
            .unwrap()
            >= 3
    );
    let cited =
        page.eval("[...document.querySelectorAll('#citations td a')].map(a => a.textContent)");
    assert!(
        cited
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "《中华人民共和国科学技术进步法》"),
        "{cited}"
    );
    let marked =
        page.eval("[...document.querySelectorAll('#fulltext mark')].map(m => m.textContent)");
    assert_eq!(marked, json!(["科学技术进步法", "科学技术进步法"]));
    page.screenshot("04-document.png");

    // The laws view: which laws were publicized in 2024, done — chosen in the form.
    page.click(
        "the laws tab",
        "document.querySelector('nav a[data-view=laws]')",
    );
    page.wait(
        "the laws form",
        "document.querySelector('#laws-form') && document.querySelector('#laws-table')",
    );
    page.eval("(() => { const s = document.querySelector('#laws-form select[name=action]'); s.value = 'publicize'; })()");
    page.eval("(() => { const s = document.querySelector('#laws-form select[name=state]'); s.value = 'done'; })()");
    page.click(
        "the year box",
        "document.querySelector('#laws-form input[name=year]')",
    );
    page.type_text("2024");
    page.click(
        "the count button",
        "document.querySelector('#laws-form button')",
    );
    let publicized = http_get(
        served.addr,
        "/api/laws?action=publicize&year=2024&state=done",
    )
    .json()["laws"]
        .as_array()
        .unwrap()
        .len();
    page.wait(
        "the 2024 table",
        &format!("location.search === '?action=publicize&year=2024&state=done' && document.querySelectorAll('#laws-table tbody tr').length === {publicized}"),
    );
    let laws = page.eval(
        "[...document.querySelectorAll('#laws-table tbody td.title a')].map(a => a.textContent)",
    );
    for title in [
        "中华人民共和国民法典",
        "中华人民共和国科学技术进步法",
        "甘肃省社会信用条例",
    ] {
        assert!(
            laws.as_array().unwrap().iter().any(|t| t == title),
            "{title}: {laws}"
        );
    }
    // The chart: one bar for 2024's publicity, as high as the table's publicity column adds up.
    let bars = page.eval("[...document.querySelectorAll('#chart rect.bar')].map(b => [b.dataset.year, b.dataset.action, Number(b.dataset.value)])");
    assert_eq!(bars.as_array().unwrap().len(), 1, "{bars}");
    let column: u64 = page
        .eval("[...document.querySelectorAll('#laws-table tbody tr')].map(r => Number(r.children[4].textContent)).reduce((a, b) => a + b, 0)")
        .as_u64()
        .unwrap();
    assert_eq!(bars[0], json!(["2024", "publicize", column]));
    let height = page.eval("document.querySelector('#chart rect.bar').getBBox().height");
    assert!(height.as_f64().unwrap() > 50.0, "{height}");
    page.screenshot("05-laws.png");

    // Sort by documents with a click on the header, as the URL records.
    page.click(
        "the documents header",
        "document.querySelector('#laws-table a[data-sort=documents]')",
    );
    page.wait("sorted", "location.search.includes('sort=documents') && document.querySelector('#laws-table th[aria-sort]')");
    let docs = page.eval("[...document.querySelectorAll('#laws-table tbody tr')].map(r => Number(r.children[2].textContent))");
    let docs: Vec<u64> = serde_json::from_value(docs).unwrap();
    assert!(docs.windows(2).all(|w| w[0] >= w[1]), "{docs:?}");

    // The CSV the page offers: Excel's BOM, the laws of the table.
    let href = page.eval("document.querySelector('#laws-csv').getAttribute('href')");
    let csv = http_get(served.addr, href.as_str().unwrap());
    assert_eq!(csv.status, 200);
    assert!(
        csv.body.starts_with("\u{feff}法规名称,类别".as_bytes()),
        "{}",
        csv.text()
    );
    assert_eq!(csv.text().trim_end().lines().count(), 1 + publicized);

    // The documents citing a law, from its title in the table.
    page.click(
        "the 民法典 row",
        "[...document.querySelectorAll('#laws-table td.title a')].find(a => a.textContent === '中华人民共和国民法典')",
    );
    page.wait("the citing documents", "document.querySelectorAll('#cites article').length && document.querySelector('#cites mark')");
    assert_eq!(
        page.eval("document.querySelector('#title').value"),
        json!("中华人民共和国民法典")
    );
    // Each citing sentence says why: the governing word, where it stood, why done or planned.
    let evidence =
        page.eval("[...document.querySelectorAll('#cites .evidence')].map(e => e.textContent)");
    let evidence = evidence.as_array().expect("a list of evidence lines");
    assert!(!evidence.is_empty());
    assert!(
        evidence.iter().all(|e| e
            .as_str()
            .is_some_and(|t| t.starts_with("依据：") && t.contains('（'))),
        "{evidence:?}"
    );
    page.screenshot("06-cites.png");

    // A document's own markup shows as text: no script ran, no element was made of it.
    let found = http_get(
        served.addr,
        &format!("/api/search?q={}", encode("\"甲乙丙丁戊\"")),
    );
    let id = found.json()["hits"][0]["id"].as_str().unwrap().to_owned();
    page.navigate(&format!("{base}/documents/{id}?q={}", encode("甲乙丙丁戊")));
    page.wait(
        "the marked-up document",
        "document.querySelector('#fulltext')",
    );
    assert_eq!(
        page.eval("document.querySelectorAll('#main script, #main img').length"),
        json!(0)
    );
    let shown = page.eval("document.querySelector('#fulltext').textContent");
    assert!(shown.as_str().unwrap().contains(markup), "{shown}");
    let title = page.eval("document.title");
    assert!(!title.as_str().unwrap().contains("pwned"), "{title}");
    page.screenshot("07-markup-as-text.png");

    // A view's URL opened directly shows the same view.
    page.navigate(&format!(
        "{base}/laws?action=publicize&year=2024&state=done"
    ));
    page.wait(
        "the table from its URL",
        &format!("document.querySelectorAll('#laws-table tbody tr').length === {publicized}"),
    );
    page.navigate(&format!("{base}/documents/ffffffffffffffff"));
    page.wait(
        "the missing document",
        "document.querySelector('#document .empty')",
    );

    assert!(page.problems.is_empty(), "{:#?}", page.problems);
    eprintln!("screenshots in {}", screenshots().display());
}

/// `s` as a form encodes it in a URL (URLSearchParams).
fn encode_form(s: &str) -> String {
    encode(s).replace("%20", "+")
}
