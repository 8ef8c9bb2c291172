"""`zhengce.dask.build_index` with 1 and 2 worker processes against `zhengce index`, on one folder.

    python benches/dask_build.py FOLDER [ROUNDS]

Needs the `zhengce` package with its dask extra in the running Python and the release binary
(`cargo build --release`, or ZHENGCE_BIN). Each round runs the three builds in turn (the
command with its default two indexing threads; the Dask builds with one thread per worker and
one indexing thread per shard), each into a fresh folder under $TMPDIR, and checks that they hold
the same documents and rank the same hits with the same scores. Prints the median wall time of
each, the Dask builds' time without the cluster's start, and the peak RSS of the command and of
each Dask worker process. Numbers in docs/scale.md come from this script.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from distributed import Client, LocalCluster

import zhengce
import zhengce.dask

QUERIES = ["民法典", '"人民法院"', "行政处罚 法律责任", "个人信息 OR 知识产权"]


def binary() -> str:
    named = os.environ.get("ZHENGCE_BIN")
    if named:
        return named
    return str(Path(__file__).resolve().parents[1] / "target" / "release" / "zhengce")


def answers(index: zhengce.Index) -> list:
    return [[(h["path"], h["score"]) for h in index.search(q, limit=50)["hits"]] for q in QUERIES]


def command_build(folder: Path, out: Path) -> tuple[float, int]:
    """Seconds of `zhengce index`, and its peak RSS in KiB (from /usr/bin/time when there)."""
    timer = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    started = time.perf_counter()
    done = subprocess.run(
        [*timer, binary(), "index", str(folder), "--index", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    peak = int(done.stderr.strip().splitlines()[-1]) if timer else 0
    return seconds, peak


def worker_peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def dask_build(folder: Path, out: Path, workers: int) -> tuple[float, float, list[int]]:
    """Seconds with the cluster's start, seconds of build_index alone, peak RSS per worker."""
    started = time.perf_counter()
    with LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    ) as cluster, Client(cluster) as client:
        building = time.perf_counter()
        zhengce.dask.build_index(folder, out, client, shard_dir=str(out) + ".shards")
        ended = time.perf_counter()
        peaks = sorted(client.run(worker_peak).values())
    return ended - started, ended - building, peaks


def main() -> None:
    folder = Path(sys.argv[1]).resolve()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    work = Path(tempfile.mkdtemp(prefix="zhengce-dask-bench-"))
    times: dict[str, list[float]] = {"index": [], "dask1": [], "dask1-build": [], "dask2": [], "dask2-build": []}
    peaks: dict[str, list] = {"index": [], "dask1": [], "dask2": []}
    try:
        for r in range(rounds):
            out = work / f"index-{r}"
            seconds, peak = command_build(folder, out)
            times["index"].append(seconds)
            peaks["index"].append(peak)
            reference = zhengce.Index.open(out, folder=folder)
            for workers in (1, 2):
                name = f"dask{workers}"
                dout = work / f"{name}-{r}"
                total, build, worker_peaks = dask_build(folder, dout, workers)
                times[name].append(total)
                times[name + "-build"].append(build)
                peaks[name].append(worker_peaks)
                merged = zhengce.Index.open(dout, folder=folder)
                assert len(merged) == len(reference), (len(merged), len(reference))
                assert answers(merged) == answers(reference)
                shutil.rmtree(dout)
            shutil.rmtree(out)
            print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in times.items()), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    print(f"\n{folder} ({size / 1e6:.1f} MB of files), {rounds} rounds, medians:")
    base = statistics.median(times["index"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<12} {median:7.2f} s   {median / base:5.2f}× zhengce index")
    print(f"  peak RSS: zhengce index {max(peaks['index']) / 1024:.0f} MiB; "
          f"dask 1 worker {max(max(p) for p in peaks['dask1']) / 1024:.0f} MiB; "
          f"dask 2 workers {max(max(p) for p in peaks['dask2']) / 1024:.0f} MiB each at most")


if __name__ == "__main__":
    main()
