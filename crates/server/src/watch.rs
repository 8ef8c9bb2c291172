//! The watcher: the system's file watcher (inotify on Linux, through `notify`) reports changes
//! in the folder; once the folder is quiet for the debounce time, the index is brought in step
//! with it through the core's `IndexWriter::update_folder` (a stat of each file, reading only
//! what changed) and a new snapshot is published for the requests that follow. Changes inside the
//! index folder (the writer's own) are ignored.

use std::any::Any;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use notify_debouncer_mini::notify::{self, PollWatcher, RecursiveMode};
use notify_debouncer_mini::{new_debouncer, new_debouncer_opt, DebounceEventResult};
use zhengce_core::FolderOptions;
use zhengce_core::{Index, IndexBuilder, IndexReport, IndexWriter};

use crate::error::{Error, Result};
use crate::snapshot::{Shared, Snapshot};
use crate::{Config, Event};

/// After a failed update, how long before the next try.
const RETRY: Duration = Duration::from_secs(1);
/// How often the folder is polled when the system's watcher cannot watch it.
const POLL: Duration = Duration::from_secs(2);

/// Receives what the watcher reports.
type Report = Arc<dyn Fn(Event) + Send + Sync>;

/// The running watcher: dropping the debouncer ends the thread's channel.
pub(crate) struct Watcher {
    debouncer: Option<Box<dyn Any + Send>>,
    thread: Option<JoinHandle<()>>,
}

impl Watcher {
    /// Stops watching and waits for an update in progress to finish.
    pub fn stop(mut self) {
        self.debouncer.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Starts watching `refresher`'s folder and updating its index.
pub(crate) fn start(refresher: Refresher, debounce: Duration, report: Report) -> Result<Watcher> {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let debouncer = watch(&refresher.folder, debounce, tx, &report)?;
    let thread = std::thread::Builder::new()
        .name("zhengce-watch".to_owned())
        .spawn(move || refresher.run(&rx, &report))
        .map_err(|e| Error::io("starting the watcher", e))?;
    Ok(Watcher {
        debouncer: Some(debouncer),
        thread: Some(thread),
    })
}

/// A debounced watcher of `folder`: the system's, or a poller when the system's cannot watch it
/// (too many folders for inotify's limit, a network file system).
fn watch(
    folder: &Path,
    debounce: Duration,
    tx: mpsc::Sender<DebounceEventResult>,
    report: &Report,
) -> Result<Box<dyn Any + Send>> {
    let system = new_debouncer(debounce, tx.clone()).and_then(|mut d| {
        d.watcher().watch(folder, RecursiveMode::Recursive)?;
        Ok(d)
    });
    let failed = match system {
        Ok(d) => return Ok(Box::new(d)),
        Err(e) => e,
    };
    report(Event::Polling(failed.to_string()));
    let config = notify_debouncer_mini::Config::default()
        .with_timeout(debounce)
        .with_notify_config(notify::Config::default().with_poll_interval(POLL));
    let mut poller = new_debouncer_opt::<_, PollWatcher>(config, tx)
        .map_err(|e| Error::Start(format!("cannot watch {}: {e}", folder.display())))?;
    poller
        .watcher()
        .watch(folder, RecursiveMode::Recursive)
        .map_err(|e| Error::Start(format!("cannot watch {}: {e}", folder.display())))?;
    Ok(Box::new(poller))
}

/// Brings the index in step with the folder and publishes what it committed.
pub(crate) struct Refresher {
    folder: PathBuf,
    index_dir: PathBuf,
    options: FolderOptions,
    builder: IndexBuilder,
    /// The handle the writer writes through (its reader sees the writer's commits).
    index: Index,
    /// Kept between updates, so that merges of small segments run; opened at the first update.
    writer: Option<IndexWriter>,
    shared: Arc<Shared>,
    /// The last commit is not published yet (opening the snapshot failed).
    unpublished: bool,
}

impl Refresher {
    /// For `config`, with the canonical `folder` and `index_dir`.
    pub fn new(
        config: &Config,
        folder: PathBuf,
        index_dir: PathBuf,
        shared: Arc<Shared>,
    ) -> Result<Refresher> {
        Ok(Refresher {
            index: config.builder.clone().open_in_dir(&index_dir)?,
            folder,
            index_dir,
            options: config.folder_options.clone(),
            builder: config.builder.clone(),
            writer: None,
            shared,
            unpublished: false,
        })
    }

    /// Updates at start (what changed before the watch began), then after each quiet change,
    /// until the watcher is dropped.
    fn run(mut self, rx: &Receiver<DebounceEventResult>, report: &Report) {
        let mut failed = !self.refresh_reported(report);
        loop {
            let received = if failed {
                rx.recv_timeout(RETRY)
            } else {
                rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
            };
            match received {
                Ok(Ok(events)) if !events.iter().any(|e| self.concerns(&e.path)) => continue,
                Ok(Ok(_)) | Err(RecvTimeoutError::Timeout) => {}
                Ok(Err(e)) => report(Event::WatchFailed(e.to_string())),
                Err(RecvTimeoutError::Disconnected) => break,
            }
            failed = !self.refresh_reported(report);
        }
    }

    /// Whether a change at `path` may change the index: anything in the folder but the index.
    fn concerns(&self, path: &Path) -> bool {
        !path.starts_with(&self.index_dir)
    }

    /// Refreshes and reports; whether it succeeded.
    fn refresh_reported(&mut self, report: &Report) -> bool {
        match self.refresh() {
            Ok(Some(done)) => {
                report(Event::Updated(done));
                true
            }
            Ok(None) => true,
            Err(e) => {
                report(Event::UpdateFailed(e.to_string()));
                false
            }
        }
    }

    /// Updates the index when the folder differs from it, and publishes the new commit.
    fn refresh(&mut self) -> Result<Option<IndexReport>> {
        // Another process may have committed (`zhengce index`): start from the last commit.
        self.index.reload()?;
        let mut done = None;
        if self.index.is_stale(&self.folder, &self.options)? {
            let writer = match self.writer.take() {
                Some(writer) => writer,
                None => self.index.writer()?,
            };
            let writer = self.writer.insert(writer);
            let updated = writer.update_folder(&self.folder, &self.options, &mut |_| {});
            if updated.is_err() {
                // A writer that failed may have lost its threads: the next try opens another.
                self.writer = None;
            }
            done = Some(updated?);
            self.unpublished = true;
        }
        if self.unpublished {
            self.shared
                .publish(Snapshot::open(&self.builder, &self.index_dir)?);
            self.unpublished = false;
        }
        Ok(done)
    }
}
