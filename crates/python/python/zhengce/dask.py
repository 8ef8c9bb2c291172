"""Indexing and citation analysis of large collections on a Dask cluster (``dask.distributed``).

Reading and analysing millions of web pages, Word files and PDFs is the heavy part of a
collection; this module spreads it over the workers of a cluster you already run — a
``LocalCluster`` on a laptop, an HPC queue through dask-jobqueue, Kubernetes:

- :func:`build_index` splits the files into partitions; each worker reads, decodes, segments and
  extracts its share into an index shard written on shared storage, and the shards are merged
  into one zhengce index that ``zhengce search --index OUT QUERY FOLDER`` and ``zhengce serve``
  open as usual.
- :func:`citations` returns a lazy Dask DataFrame with one row per citation and action, for
  tables of any size (which laws each county publicized per year).

Workers read the files and write the shards themselves: every path given here (the folder, the
output, the shard folder) must be the same on the client and on every worker — a shared file
system on a real cluster. Only file lists and small reports travel through the scheduler.
See docs/scale.md.
"""

from __future__ import annotations

import math
import os
import shutil
import time
from typing import TYPE_CHECKING, Any, Iterable, Sequence, Union

import dask.dataframe as dd
import pandas as pd

from ._zhengce import Error, Index, read_file, walk

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["build_index", "citations", "CITATION_COLUMNS", "PARTITION_BYTES"]

PathLike = Union[str, "os.PathLike[str]"]

#: Bytes of files per partition by default: a shard of about this much text keeps a worker's
#: memory within the index writer's budget (about 200 MB) and the task short enough to retry.
PARTITION_BYTES = 64 << 20

#: The columns of :func:`citations`, with their dtypes.
CITATION_COLUMNS: dict[str, str] = {
    "path": "string",
    "year": "Int16",
    "date": "string",
    "issuer": "string",
    "region": "string",
    "doc_type": "string",
    "citation": "int32",
    "line": "int32",
    "raw": "string",
    "title": "string",
    "kind": "string",
    "action": "string",
    "state": "string",
    "inferred": "bool",
    "resolution": "string",
    "status": "string",
}


def _files(
    folder_or_paths: PathLike | Iterable[PathLike],
    root: PathLike | None,
    exclude: Sequence[str],
    index: str | None = None,
    leave_out: str | None = None,
) -> tuple[str, list[tuple[str, int]], list[dict[str, Any]]]:
    """The folder the documents' paths are relative to, the files to read (path, size) in a
    stable order, and the files a walk skipped. A walk leaves out the folders `index` and
    `leave_out` (the output and the shards, when inside the folder)."""
    if isinstance(folder_or_paths, (str, os.PathLike)):
        folder = os.path.abspath(os.fspath(folder_or_paths))
        if root is not None and os.path.abspath(os.fspath(root)) != folder:
            raise ValueError("root= is for a list of files; a folder is its own root")
        walked = walk(folder, exclude=list(exclude), index=index)
        kept = [f for f in walked["files"] if leave_out is None or not _inside(f["file"], leave_out)]
        skipped = [
            s
            for s in walked["skipped"]
            if leave_out is None or not _inside(os.path.join(folder, s["path"]), leave_out)
        ]
        return folder, [(f["path"], f["size"]) for f in kept], skipped
    paths = [os.path.abspath(os.fspath(p)) for p in folder_or_paths]
    if not paths:
        raise ValueError("no files given")
    if root is None:
        root = os.path.commonpath([os.path.dirname(p) for p in paths])
    base = os.path.abspath(os.fspath(root))
    files = []
    for p in sorted(set(paths)):
        relative = os.path.relpath(p, base).replace(os.sep, "/")
        try:
            size = os.stat(p).st_size
        except OSError:
            size = 0  # the worker reports it as unreadable
        files.append((relative, size))
    return base, files, []


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _partitions(files: list[tuple[str, int]], count: int) -> list[list[str]]:
    """`files` cut into at most `count` contiguous runs of about equal bytes."""
    if not files:
        return []
    count = max(1, min(count, len(files)))
    total = sum(size for _, size in files) or 1
    parts: list[list[str]] = [[]]
    done = 0
    for path, size in files:
        boundary = total * len(parts) / count
        if parts[-1] and done >= boundary and len(parts) < count:
            parts.append([])
        parts[-1].append(path)
        done += size
    return parts


def _partition_count(
    files: list[tuple[str, int]], client: Client | None, partition_bytes: int
) -> int:
    """Enough partitions for every worker thread to have work twice over, and none much larger
    than `partition_bytes`."""
    if client is not None:
        threads = sum(client.nthreads().values()) or 1
    else:
        threads = os.cpu_count() or 1
    total = sum(size for _, size in files)
    return max(2 * threads, math.ceil(total / max(partition_bytes, 1)))


def _build_shard(shard: str, root: str, paths: list[str], threads: int) -> dict[str, Any]:
    """On a worker: indexes `paths` of `root` into a new index at `shard`; the report."""
    index = Index.create(shard, folder=root)
    return index.add_files(root, paths, threads=threads)


def _merge(out: str, shards: list[str], root: str) -> int:
    """On a worker: merges the shards into `out`; the number of documents."""
    return Index.merge(out, shards, folder=root).num_docs


def build_index(
    folder_or_paths: PathLike | Iterable[PathLike],
    out: PathLike,
    client: Client,
    *,
    root: PathLike | None = None,
    exclude: Sequence[str] = (),
    shard_dir: PathLike | None = None,
    partition_bytes: int = PARTITION_BYTES,
    partitions: int | None = None,
    threads: int = 1,
    keep_shards: bool = False,
) -> dict[str, Any]:
    """Builds one zhengce index at `out` of a folder (walked as ``zhengce index`` walks it:
    hidden files, ``.zhengceignore`` and `exclude` patterns left out) or of a list of files (their
    paths taken relative to `root`, by default the folder holding them all), on the workers of
    `client`.

    The files are cut into partitions of about `partition_bytes` (at least two per worker
    thread; or exactly `partitions`); each worker indexes its partitions into shards under
    `shard_dir` (default: `out` + ``.shards``), with `threads` indexing threads each; a worker
    then merges the shards into `out` by copying their segments, and the shards are removed
    (unless `keep_shards`). Law titles come from ``root/.zhengcetitles`` as for
    ``zhengce index``. The index ranks exactly as one built by ``zhengce index``, and records
    each file's size and time: ``zhengce search --index OUT QUERY FOLDER`` finds it in step
    with the folder.

    Returns the report of ``Index.add_folder`` (added, bytes, encodings, skipped …) with
    ``documents``, ``shards`` and ``seconds``.
    """
    started = time.perf_counter()
    out = os.path.abspath(os.fspath(out))
    shards_root = os.path.abspath(os.fspath(shard_dir) if shard_dir else out + ".shards")
    base, files, skipped = _files(folder_or_paths, root, exclude, out, shards_root)
    count = partitions or _partition_count(files, client, partition_bytes)
    parts = _partitions(files, count)
    os.makedirs(shards_root, exist_ok=True)
    shards = [os.path.join(shards_root, f"shard-{i:05}") for i in range(len(parts))]
    try:
        futures = client.map(
            _build_shard,
            shards,
            [base] * len(parts),
            parts,
            [threads] * len(parts),
            pure=False,
        )
        reports = client.gather(futures)
        if shards:
            documents = client.submit(_merge, out, shards, base, pure=False).result()
        else:
            # An empty folder: an empty index, as `zhengce index` makes.
            documents = Index.create(out, folder=base).num_docs
    finally:
        if not keep_shards:
            for shard in shards:
                shutil.rmtree(shard, ignore_errors=True)
            try:
                os.rmdir(shards_root)
            except OSError:
                pass  # not empty: it holds something else too
    report = _sum_reports(reports, skipped)
    report.update(
        documents=documents,
        shards=len(shards),
        seconds=round(time.perf_counter() - started, 3),
    )
    return report


def _sum_reports(reports: list[dict[str, Any]], skipped: list[dict[str, Any]]) -> dict[str, Any]:
    total: dict[str, Any] = {
        "added": 0,
        "updated": 0,
        "removed": 0,
        "unchanged": 0,
        "bytes": 0,
        "skipped": list(skipped),
        "encodings": {},
    }
    for report in reports:
        for key in ("added", "updated", "removed", "unchanged", "bytes"):
            total[key] += report[key]
        total["skipped"].extend(report["skipped"])
        for encoding, n in report["encodings"].items():
            total["encodings"][encoding] = total["encodings"].get(encoding, 0) + n
    total["skipped"].sort(key=lambda s: s["path"])
    total["encodings"] = dict(sorted(total["encodings"].items()))
    return total


def _counts(citation: dict[str, Any], inferred: bool) -> bool:
    """Whether a citation counts, as in the laws table: written in marks and resolved, or
    named without marks when `inferred`."""
    explicit = not citation["inferred"] and citation["resolution"] != "unresolved"
    return explicit or (inferred and citation["inferred"])


def _empty_citations() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in CITATION_COLUMNS.items()})


def _citation_rows(paths: list[str], root: str, inferred: bool) -> pd.DataFrame:
    """On a worker: the citation rows of `paths` of `root`; unreadable files are left out, as
    indexing skips them."""
    rows: dict[str, list[Any]] = {name: [] for name in CITATION_COLUMNS}
    for path in paths:
        try:
            doc = read_file(os.path.join(root, path), path, folder=root)
        except Error:
            continue
        meta = doc["meta"]
        for number, c in enumerate(doc["citations"]):
            if not _counts(c, inferred):
                continue
            for action in c["actions"] or [None]:
                rows["path"].append(path)
                rows["year"].append(meta["year"])
                rows["date"].append(meta["date"])
                rows["issuer"].append(meta["issuer"])
                rows["region"].append(meta["region"])
                rows["doc_type"].append(meta["doc_type"])
                rows["citation"].append(number)
                rows["line"].append(c["line"])
                rows["raw"].append(c["raw"])
                rows["title"].append(c["title"])
                rows["kind"].append(c["kind"])
                rows["action"].append(action)
                rows["state"].append("planned" if c["planned"] else "done")
                rows["inferred"].append(c["inferred"])
                rows["resolution"].append(c["resolution"])
                rows["status"].append(c["status"])
    if not rows["path"]:
        return _empty_citations()
    frame = pd.DataFrame(rows)
    return frame.astype(CITATION_COLUMNS)


def citations(
    folder_or_paths: PathLike | Iterable[PathLike],
    client: Client | None = None,
    *,
    root: PathLike | None = None,
    exclude: Sequence[str] = (),
    inferred: bool = False,
    partition_bytes: int = PARTITION_BYTES,
    partitions: int | None = None,
) -> dd.DataFrame:
    """The citations of a folder's files (walked as ``zhengce index`` walks it) or of a list of
    files, as a lazy Dask DataFrame: one row per citation and action (a citation with two
    actions gives two rows, one with none gives a row whose ``action`` is missing), with the
    columns of :data:`CITATION_COLUMNS` — the document's ``path``, ``year``, ``date``,
    ``issuer``, ``region`` and ``doc_type``; the citation's number in its document
    (``citation``; ``path`` and ``citation`` together count mentions), ``line``, ``raw`` and full
    ``title``, ``kind``, ``action``, ``state`` ("done" or "planned"), ``inferred``,
    ``resolution`` and ``status``.

    As in ``zhengce laws``, only titles written in 《》 and resolved count, unless `inferred`.
    Each partition (about `partition_bytes` of files, at least two per thread of `client`) is
    read on a worker; nothing is read before the frame is computed, by `client` or whichever
    Dask scheduler is current then.

    Which laws each county publicized per year::

        df = zhengce.dask.citations("documents/", client)
        publicized = df[(df.action == "publicize") & (df.state == "done")]
        publicized.groupby(["region", "year", "title"]).path.nunique().compute()
    """
    base, files, _ = _files(folder_or_paths, root, exclude)
    count = partitions or _partition_count(files, client, partition_bytes)
    parts = _partitions(files, count)
    if not parts:
        return dd.from_pandas(_empty_citations(), npartitions=1)
    return dd.from_map(
        _citation_rows,
        parts,
        root=base,
        inferred=inferred,
        meta=_empty_citations(),
        label="zhengce-citations",
    )
