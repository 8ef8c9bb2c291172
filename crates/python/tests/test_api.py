"""The Python API on the bundled corpus gives the command line's answers, as plain dicts."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

import zhengce
from conftest import CORPUS, SAMPLE, run_json, untyped

QUERIES = ["科学技术进步法", '"法治政府建设"', "宪法 OR 民法典", "law:民法典 action:study", "普法 -草案"]


@pytest.fixture
def built(corpus: Path, tmp_path: Path) -> tuple[zhengce.Index, Path, Path]:
    """An index of the corpus copy, built through the Python API in a folder of its own."""
    out = tmp_path / "index"
    index = zhengce.Index.open_or_create(out, folder=corpus)
    report = index.add_folder(corpus)
    assert report["added"] == len(index) > 10
    return index, corpus, out


def test_extract_gives_the_citations_of_zhengce_extract():
    text = (CORPUS / SAMPLE).read_text(encoding="utf-8")
    got = zhengce.extract(text)
    expected = [untyped(r) for r in run_json("extract", CORPUS / SAMPLE)]
    for record in expected:
        del record["path"]
    assert got == expected
    assert any(c["title"] == "中华人民共和国民法典" and "publicize" in c["actions"] for c in got)
    assert all(not c["inferred"] for c in zhengce.extract(text, inferred=False))


def test_search_gives_the_hits_of_zhengce_search(built):
    index, corpus, out = built
    for query in QUERIES:
        got = index.search(query, limit=50, passages=2)
        lines = run_json("search", query, corpus, "--index", out, "--limit", "50", "--passages", "2")
        hits = [untyped(r) for r in lines if r["type"] == "hit"]
        summary = lines[-1]
        assert got["hits"] == hits, query
        assert got["total"] == summary["total"] and got["offset"] == 0
        assert got["facets"] is None
    first = index.search("科学技术进步法")["hits"][0]
    start, end = first["highlights"][0]
    assert first["snippet"].encode()[start:end].decode() == "科学技术进步法"


def test_search_options_and_facets(built):
    index, corpus, out = built
    got = index.search("法治", limit=3, offset=2, sort="date", facets=True)
    lines = run_json(
        "search", "法治", corpus, "--index", out, "-n", "3", "--offset", "2", "--sort", "date", "--facets"
    )
    assert got["hits"] == [untyped(r) for r in lines if r["type"] == "hit"]
    assert got["facets"] == untyped(next(r for r in lines if r["type"] == "facets"))
    assert got["offset"] == 2 and len(got["hits"]) == 3


def test_laws_cites_and_show_give_the_command_line_answers(built):
    index, corpus, out = built
    common = [corpus, "--index", out]
    got = index.laws(action="publicize", year=2024, state="done")
    expected = run_json("laws", *common, "--action", "publicize", "--year", "2024", "--done")
    assert got == [untyped(r) for r in expected]
    assert {"中华人民共和国民法典", "中华人民共和国科学技术进步法"} <= {r["title"] for r in got}
    assert index.laws(action="宣传", year="2024..2024", state="done") == got
    assert index.laws(action="publicize", year=(2024, 2024), state="done") == got

    explained = index.laws(action="publicize", year=2024, state="done", explain=True)
    expected = run_json(
        "laws", *common, "--action", "publicize", "--year", "2024", "--done", "--explain"
    )
    assert explained == [untyped(r) for r in expected]
    assert all(len(r["citing"]) == r["mentions"] for r in explained)
    assert all(h["citation"]["evidence"]["word"] for r in explained for h in r["citing"])

    by_year = index.laws(by="year", kind="地方性法规", inferred=True)
    expected = run_json("laws", *common, "--by", "year", "--kind", "地方性法规", "--inferred")
    assert by_year == [untyped(r) for r in expected]
    planned = index.laws(state="planned", query="宪法")
    assert planned == [untyped(r) for r in run_json("laws", *common, "--planned", "-q", "宪法")]

    cites = index.cites("科技进步法")
    assert cites == [untyped(r) for r in run_json("cites", "科技进步法", *common)]
    assert len(cites) > 0
    assert index.cites("科技进步法", inferred=False) == [
        untyped(r) for r in run_json("cites", "科技进步法", *common, "--no-inferred")
    ]

    shown = index.show(SAMPLE)
    assert shown == untyped(run_json("show", SAMPLE, *common)[0])
    assert index.show("./" + SAMPLE) == shown
    assert index.show("no such file.txt") is None


def test_documents_are_added_read_and_deleted(tmp_path: Path, corpus: Path):
    index = zhengce.Index.create(tmp_path / "idx")
    with index:
        index.add_document("plan.txt", "2025年普法工作要点\n深入学习宣传《民法典》。", issuer="高台县司法局")
        index.add_document(SAMPLE, file=corpus / SAMPLE)
    assert len(index) == 2
    plan = index.show("plan.txt")
    assert plan["meta"]["issuer"] == "高台县司法局" and plan["meta"]["year"] == 2025
    assert index.show(SAMPLE)["encoding"] == "utf-8"
    index.delete_document("plan.txt")
    index.commit()
    assert len(index) == 1
    with pytest.raises(RuntimeError):
        with index:
            index.add_document("gone.txt", "不会提交")
            raise RuntimeError("the block fails")
    assert index.show("gone.txt") is None
    assert repr(index).startswith("zhengce.Index(")

    doc = zhengce.read_file(corpus / SAMPLE, SAMPLE)
    assert doc["path"] == SAMPLE and doc["text"] == (corpus / SAMPLE).read_text(encoding="utf-8")
    shown = index.show(SAMPLE)
    assert doc["meta"] == shown["meta"] and doc["meta"]["year"] == 2024
    assert doc["outline"] == shown["outline"]
    assert [{k: v for k, v in c.items() if k != "line"} for c in doc["citations"]] == shown["citations"]
    lines = doc["text"].split("\n")
    first = doc["citations"][0]
    assert first["raw"] in lines[first["line"] - 1]


def test_walk_lists_what_indexing_reads(corpus: Path):
    (corpus / "scan.xls").write_bytes(b"\x00\x01")
    walked = zhengce.walk(corpus)
    paths = [f["path"] for f in walked["files"]]
    assert paths == sorted(paths) and SAMPLE in paths and "README.md" not in paths
    assert {"path": "scan.xls", "reason": {"kind": "not_read", "detail": "xls"}} in walked["skipped"]
    assert all(Path(f["file"]).stat().st_size == f["size"] for f in walked["files"])


def test_pandas_takes_the_results_as_they_are(built):
    pd = pytest.importorskip("pandas")
    index, _, _ = built
    laws = pd.DataFrame(index.laws(action="publicize", year=2024))
    assert {"title", "kind", "documents", "mentions", "actions", "planned", "done"} <= set(laws.columns)
    assert laws["documents"].sum() >= len(laws) > 0
    hits = pd.DataFrame(index.search("法治政府建设", limit=100)["hits"])
    assert hits["score"].is_monotonic_decreasing


def test_bad_input_raises_the_library_error(tmp_path: Path, corpus: Path, built):
    index, _, out = built
    with pytest.raises(zhengce.QueryError, match="bad query at column 1: unclosed quote"):
        index.search('"法治')
    with pytest.raises(zhengce.NoIndexError, match="no zhengce index at"):
        zhengce.Index.open(tmp_path / "nothing")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    with pytest.raises(zhengce.Error, match="is not a zhengce index"):
        zhengce.Index.create(tmp_path / "other")
    assert (tmp_path / "other" / "notes.txt").read_text() == "mine"
    (tmp_path / "blob.txt").write_bytes(b"\x00\x00binary")
    with pytest.raises(zhengce.NotIndexedError, match="binary"):
        zhengce.read_file(tmp_path / "blob.txt")
    with pytest.raises(zhengce.Error, match="not a folder"):
        index.add_folder(tmp_path / "missing")
    with pytest.raises(ValueError, match='action="spread": expected publicize'):
        index.laws(action="spread")
    with pytest.raises(ValueError, match="year"):
        index.laws(year="last year")
    with pytest.raises(ValueError, match="kind"):
        index.laws(kind="poem")
    with pytest.raises(ValueError, match="sort"):
        index.search("法治", sort="random")
    # One writer per index: a second handle cannot write while the first holds the writer.
    other = zhengce.Index.open(out, folder=corpus)
    index.add_document("a.txt", "甲")
    with pytest.raises(zhengce.LockedError, match="being written by another"):
        other.add_document("b.txt", "乙")
    index.commit()
    other.add_document("b.txt", "乙")
    other.commit()
    assert issubclass(zhengce.QueryError, zhengce.Error)


def test_the_gil_is_released_while_indexing(tmp_path: Path, corpus: Path):
    # Python threads switch only when the running one blocks (the switch interval is made
    # huge): this thread gets turns during the indexing only if add_folder releases the GIL.
    index = zhengce.Index.create(tmp_path / "idx")
    worker = threading.Thread(target=index.add_folder, args=(corpus,), kwargs={"threads": 1})
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    turns = 0
    try:
        worker.start()
        while worker.is_alive():
            turns += 1
            time.sleep(0.001)  # blocks, so the worker can take the GIL back when it is done
    finally:
        sys.setswitchinterval(interval)
    worker.join()
    assert len(index) > 10
    assert turns > 10, turns
