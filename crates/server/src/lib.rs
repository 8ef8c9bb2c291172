//! zhengce-server: the web page and HTTP API of `zhengce serve` — search with facets, the laws
//! table with its chart and CSV, the documents citing a title, one document with its outline,
//! citations and marked text — over an index that a file watcher keeps in step with its folder.
//!
//! The server uses zhengce-core's public API only. Requests read the index and nothing else: a
//! document is addressed by an opaque id ([`document_id`]), never by a path, and every request
//! works on one commit of the index (a snapshot that the watcher publishes after each update).
//!
//! ```no_run
//! use std::net::TcpListener;
//! use std::path::Path;
//! use zhengce_core::IndexBuilder;
//! use zhengce_server::{Config, Server};
//!
//! let folder = Path::new("corpus");
//! let config = Config::new(folder, &folder.join(".zhengce"), IndexBuilder::for_folder(folder)?);
//! let server = Server::start(config, TcpListener::bind("127.0.0.1:0")?, |event| eprintln!("{event}"))?;
//! println!("listening on http://{}", server.local_addr());
//! server.wait()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod api;
pub mod csv;
mod error;
mod objects;
mod page;
mod snapshot;
mod watch;

use std::future::IntoFuture;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use zhengce_core::FolderOptions;
use zhengce_core::{IndexBuilder, IndexReport};

pub use error::{Error, Result};
pub use snapshot::document_id;

/// How long a request may take, queueing included, before it is answered 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the watcher waits for a folder to be quiet before it updates the index.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// What to serve and how: the folder, its index, and the bounds of a request.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Config {
    /// The folder of documents, watched for changes.
    pub folder: PathBuf,
    /// Its index (built already: `zhengce serve` builds it first when there is none).
    pub index_dir: PathBuf,
    /// The analyzer and law titles the index was built with.
    pub builder: IndexBuilder,
    /// Paths left out of the index, as for `zhengce index --exclude`.
    pub folder_options: FolderOptions,
    /// Quiet time of the folder before an update ([`DEBOUNCE`]).
    pub debounce: Duration,
    /// Most time for one request, waiting for a turn included ([`REQUEST_TIMEOUT`]).
    pub request_timeout: Duration,
    /// Requests worked on at once; the others wait for a turn (default: twice the cores, at
    /// least 4).
    pub max_concurrent: usize,
}

impl Config {
    /// Serves `folder` with its index in `index_dir`, built with `builder`; default bounds.
    pub fn new(folder: &Path, index_dir: &Path, builder: IndexBuilder) -> Config {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Config {
            folder: folder.to_owned(),
            index_dir: index_dir.to_owned(),
            builder,
            folder_options: FolderOptions::default(),
            debounce: DEBOUNCE,
            request_timeout: REQUEST_TIMEOUT,
            max_concurrent: (2 * cores).max(4),
        }
    }

    /// Leaves out what `options` excludes.
    pub fn folder_options(mut self, options: FolderOptions) -> Config {
        self.folder_options = options;
        self
    }

    /// Answers 503 to a request not done within `timeout`.
    pub fn request_timeout(mut self, timeout: Duration) -> Config {
        self.request_timeout = timeout;
        self
    }

    /// Works on at most `n` requests at once.
    pub fn max_concurrent(mut self, n: usize) -> Config {
        self.max_concurrent = n.max(1);
        self
    }

    /// Updates the index once the folder was quiet for `debounce`.
    pub fn debounce(mut self, debounce: Duration) -> Config {
        self.debounce = debounce;
        self
    }
}

/// What the server reports while it runs (the watcher's work).
#[derive(Debug)]
#[non_exhaustive]
pub enum Event {
    /// The folder changed and the index was brought in step with it.
    Updated(IndexReport),
    /// Updating the index failed; it is tried again at the next change, or in a second.
    UpdateFailed(String),
    /// The file watcher reported an error (the index is checked against the folder anyway).
    WatchFailed(String),
    /// The system's file watcher could not watch the folder: the folder is polled instead.
    Polling(String),
}

impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Event::Updated(r) => write!(
                f,
                "index updated: {} added, {} updated, {} removed",
                r.added, r.updated, r.removed
            ),
            Event::UpdateFailed(m) => write!(f, "warning: could not update the index ({m})"),
            Event::WatchFailed(m) => write!(f, "warning: file watcher: {m}"),
            Event::Polling(m) => write!(
                f,
                "warning: cannot watch the folder ({m}); checking it every 2 seconds instead"
            ),
        }
    }
}

/// A running server: the HTTP listener, and the watcher keeping the index current. Dropping it
/// stops both.
pub struct Server {
    addr: SocketAddr,
    runtime: Option<tokio::runtime::Runtime>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    watcher: Option<watch::Watcher>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Starts serving on `listener` (bound by the caller, so that a port in use is the caller's
    /// error and port 0 works) and watching the folder; returns once both run. `on_event`
    /// hears what the watcher does.
    pub fn start(
        config: Config,
        listener: std::net::TcpListener,
        on_event: impl Fn(Event) + Send + Sync + 'static,
    ) -> Result<Server> {
        let addr = listener
            .local_addr()
            .map_err(|e| Error::io("the listener", e))?;
        let folder = std::fs::canonicalize(&config.folder)
            .map_err(|e| Error::io(config.folder.display(), e))?;
        if !folder.is_dir() {
            return Err(Error::Start(format!("{}: not a folder", folder.display())));
        }
        let index_dir = std::fs::canonicalize(&config.index_dir)
            .map_err(|e| Error::io(config.index_dir.display(), e))?;
        let first = snapshot::Snapshot::open(&config.builder, &index_dir)?;
        let shared = Arc::new(snapshot::Shared::new(first));
        let watcher = watch::start(
            watch::Refresher::new(&config, folder, index_dir, Arc::clone(&shared))?,
            config.debounce,
            Arc::new(on_event),
        )?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("zhengce-http")
            .enable_all()
            .build()
            .map_err(|e| Error::io("the HTTP runtime", e))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| Error::io("the listener", e))?;
        let listener = {
            let _context = runtime.enter();
            tokio::net::TcpListener::from_std(listener).map_err(|e| Error::io("the listener", e))?
        };
        let app = api::App::new(&config, shared, addr.ip().is_loopback());
        let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
        let serve = axum::serve(listener, api::router(app)).with_graceful_shutdown(async move {
            let _ = stopped.await;
        });
        let task = runtime.spawn(serve.into_future());
        Ok(Server {
            addr,
            runtime: Some(runtime),
            shutdown: Some(shutdown),
            task: Some(task),
            watcher: Some(watcher),
        })
    }

    /// The address served (with the port chosen when 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the listener fails (normally for ever).
    pub fn wait(mut self) -> Result<()> {
        let (Some(runtime), Some(task)) = (&self.runtime, self.task.take()) else {
            return Ok(());
        };
        match runtime.block_on(task) {
            Ok(served) => served.map_err(|e| Error::io("serving", e)),
            Err(e) => Err(Error::Start(format!("the server stopped: {e}"))),
        }
    }

    /// Stops serving (requests in progress get a second to finish) and stops the watcher.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let (Some(runtime), Some(task)) = (&self.runtime, self.task.take()) {
            let _ = runtime
                .block_on(async { tokio::time::timeout(Duration::from_secs(1), task).await });
        }
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_timeout(Duration::from_secs(1));
        }
        if let Some(watcher) = self.watcher.take() {
            watcher.stop();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut_down();
    }
}
