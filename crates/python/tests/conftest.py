"""Fixtures of the Python tests: a copy of the bundled corpus per test (without hidden entries
such as a user's `.zhengce/`, except `.zhengceignore`), and the `zhengce` binary to compare with."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "corpus"
SAMPLE = "高台县科技局2024年法治建设工作总结.txt"


def copy_corpus(to: Path) -> Path:
    """Copies the corpus's files into `to`, leaving out hidden entries but the ignore file."""
    to.mkdir(parents=True, exist_ok=True)
    for entry in CORPUS.iterdir():
        if entry.name.startswith(".") and entry.name != ".zhengceignore":
            continue
        if entry.is_file():
            shutil.copy2(entry, to / entry.name)
    return to


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return copy_corpus(tmp_path / "corpus")


def zhengce_binary() -> Path:
    """The command to compare with: $ZHENGCE_BIN, else the release or debug build."""
    named = os.environ.get("ZHENGCE_BIN")
    candidates = [Path(named)] if named else [
        REPO / "target" / "release" / "zhengce",
        REPO / "target" / "debug" / "zhengce",
    ]
    for path in candidates:
        if path.is_file():
            return path
    raise RuntimeError(
        f"no zhengce binary at {', '.join(map(str, candidates))}: "
        "build it with `cargo build --release` or name it in ZHENGCE_BIN"
    )


def run_json(*args: str | os.PathLike[str]) -> list[dict]:
    """Runs `zhengce ARGS --json` and returns its JSON lines, failing on an error exit."""
    done = subprocess.run(
        [str(zhengce_binary()), *map(str, args), "--json"],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "NO_COLOR"},
    )
    assert done.returncode in (0, 1), done.stderr
    assert "index updated" not in done.stderr, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def untyped(record: dict) -> dict:
    """A JSON line without its `type`."""
    return {k: v for k, v in record.items() if k != "type"}
