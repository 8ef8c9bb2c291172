//! Test harness: every test gets a fresh temporary folder; the binary runs with a scrubbed
//! environment. Tests never write into the repository.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use zhengce_core::{Index, Result};

/// The bundled corpus as the repository holds it: a copy of `corpus/` made once per test run,
/// without what a run writes there. The README's first command leaves an index in
/// `corpus/.zhengce/`; tests never see it.
pub fn corpus() -> PathBuf {
    static COPY: OnceLock<PathBuf> = OnceLock::new();
    COPY.get_or_init(|| {
        let copy = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus");
        if copy.exists() {
            std::fs::remove_dir_all(&copy).expect("remove the previous copy of the corpus");
        }
        copy_dir(&repository_corpus(), &copy);
        copy
    })
    .clone()
}

/// `corpus/` in the repository itself, with whatever a run left there: read it only through
/// [`corpus`].
fn repository_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The file name of the user's sample report in the corpus.
pub const SAMPLE: &str = "高台县科技局2024年法治建设工作总结.txt";

/// A temporary folder for one test.
pub struct Dir {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Dir {
    /// An empty folder.
    pub fn new() -> Dir {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().to_owned();
        Dir { _tmp: tmp, root }
    }

    /// A folder holding a copy of the corpus under `corpus/` (without an index left in it).
    pub fn with_corpus() -> Dir {
        let dir = Dir::new();
        copy_dir(&corpus(), &dir.path().join("corpus"));
        dir
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// Writes `bytes` to `rel` (creating folders).
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(path, bytes).expect("write file");
    }

    /// Runs `zhengce` with `args` in this folder.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_zhengce"))
            .args(args)
            .current_dir(&self.root)
            .env_remove("NO_COLOR")
            .env_remove("RUST_BACKTRACE")
            .env_remove("RUST_LOG")
            .output()
            .expect("run zhengce");
        Run::from(output)
    }
}

/// What a run of the binary printed, and how it exited.
#[derive(Debug)]
pub struct Run {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// Copies a folder recursively, leaving out what a run of zhengce writes into a folder: its
/// index (`.zhengce/`) and temporary files (`*.tmp`).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == zhengce_core::INDEX_DIR || name.ends_with(".tmp") {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

/// An in-memory index of the bundled corpus, built with one writer thread.
pub fn corpus_index() -> Result<Index> {
    let index = Index::create_in_ram()?;
    let mut writer = index.writer_with_threads(1)?;
    writer.add_folder(&corpus())?;
    writer.commit()?;
    Ok(index)
}

/// The paths of the documents matching `query` (all of them, not the closest documents that
/// lack a word), sorted.
pub fn paths(index: &Index, query: &str) -> Vec<String> {
    let options = zhengce_core::SearchOptions::default().limit(10_000);
    let mut paths: Vec<String> = index
        .search(query, &options)
        .expect("search")
        .hits
        .into_iter()
        .filter(|h| h.missing.is_empty())
        .map(|h| h.path)
        .collect();
    paths.sort();
    paths
}

/// A `zhengce serve` child process on 127.0.0.1 port 0, killed when dropped.
pub struct Served {
    child: std::process::Child,
    /// The address it listens on.
    pub addr: std::net::SocketAddr,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Dir {
    /// Starts `zhengce serve ARGS --bind 127.0.0.1:0` in this folder and waits until it prints
    /// the address it listens on.
    pub fn serve(&self, args: &[&str]) -> Served {
        use std::io::{BufRead, BufReader, Read};
        use std::process::Stdio;
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhengce"))
            .arg("serve")
            .args(args)
            .args(["--bind", "127.0.0.1:0"])
            .current_dir(&self.root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start zhengce serve");
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let mut err = child.stderr.take().expect("stderr");
        let sink = std::sync::Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let out = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                let _ = tx.send(line);
            }
        });
        let line = rx
            .recv_timeout(std::time::Duration::from_secs(120))
            .unwrap_or_else(|_| panic!("no address printed; stderr: {}", stderr.lock().unwrap()));
        let addr = line
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("first line {line:?}"))
            .parse()
            .expect("an address");
        Served {
            child,
            addr,
            stderr,
        }
    }
}

impl Served {
    /// What the server printed on stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// `GET target` (sent as written: nothing is normalized).
    pub fn get(&self, target: &str) -> HttpResponse {
        http_get(self.addr, target)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response as received.
#[derive(Debug)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body (de-chunked).
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    /// The value of a header.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// `GET target` on `addr`, with `Host: addr`.
pub fn http_get(addr: std::net::SocketAddr, target: &str) -> HttpResponse {
    let request = format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    http_raw(addr, request.as_bytes())
}

/// Sends `request` as it is and reads the response until the server closes the connection. A
/// small client of its own, so that hostile targets reach the server exactly as written.
pub fn http_raw(addr: std::net::SocketAddr, request: &[u8]) -> HttpResponse {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .unwrap();
    // The server may answer and close before reading a huge request whole.
    let _ = stream.write_all(request);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head: {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    HttpResponse {
        status,
        headers,
        body,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[..end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16)
            .expect("chunk size");
        if size == 0 {
            break;
        }
        let start = end + 2;
        out.extend_from_slice(&data[start..start + size]);
        data = &data[start + size + 2..];
    }
    out
}

/// Percent-encodes `s` for a URL's query or path (every byte but unreserved ASCII).
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Waits until `check` holds, trying every 20 ms for at most `limit`; whether it held.
pub fn eventually(limit: std::time::Duration, mut check: impl FnMut() -> bool) -> bool {
    let deadline = std::time::Instant::now() + limit;
    loop {
        if check() {
            return true;
        }
        if std::time::Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
