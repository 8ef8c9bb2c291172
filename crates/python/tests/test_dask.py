"""Indexing and citations on a Dask cluster of two worker processes: the same index (hits,
scores, laws table) as one process builds, and a citation table that adds up to the laws table."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import zhengce
from conftest import SAMPLE, copy_corpus, run_json, untyped

distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

QUERIES = ["科学技术进步法", '"法治政府建设"', "科技 特派员", "宪法 OR 民法典", "year:2022..2024 宣传"]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    )
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def answers(index: zhengce.Index) -> tuple:
    hits = [
        [(h["path"], h["score"]) for h in index.search(q, limit=100)["hits"]] for q in QUERIES
    ]
    laws = [index.laws(), index.laws(action="publicize", year=2024, state="done"), index.laws(by="year")]
    return hits, laws


def test_a_cluster_builds_the_index_one_process_builds(client, tmp_path: Path):
    corpus = copy_corpus(tmp_path / "corpus")
    single = zhengce.Index.create(tmp_path / "single", folder=corpus)
    single.add_folder(corpus)

    out = tmp_path / "out"
    report = zhengce.dask.build_index(corpus, out, client, partitions=4)
    assert report["shards"] == 4
    assert report["added"] == report["documents"] == len(single)
    assert not (tmp_path / "out.shards").exists()

    merged = zhengce.Index.open(out, folder=corpus)
    assert answers(merged) == answers(single)
    assert merged.show(SAMPLE) == single.show(SAMPLE)
    assert not merged.is_stale(corpus)

    # The command opens it as its own, finds it in step with the folder, and answers alike.
    lines = run_json("search", "科学技术进步法", corpus, "--index", out)
    assert [untyped(r) for r in lines if r["type"] == "hit"] == single.search("科学技术进步法")["hits"]

    # Built again over the old one, with the shards kept.
    again = zhengce.dask.build_index(corpus, out, client, keep_shards=True)
    assert again["documents"] == len(single)
    assert len(list((tmp_path / "out.shards").iterdir())) == again["shards"] >= 4


def test_a_list_of_files_is_indexed_relative_to_its_root(client, tmp_path: Path):
    corpus = copy_corpus(tmp_path / "corpus")
    (corpus / "scan.xls").write_bytes(b"\x00")
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".xls"))
    report = zhengce.dask.build_index(files, tmp_path / "out", client)
    assert {"path": "scan.xls", "reason": {"kind": "not_read", "detail": "xls"}} in report["skipped"]
    index = zhengce.Index.open(tmp_path / "out")
    assert len(index) == len(files) - 1
    assert index.show(SAMPLE)["path"] == SAMPLE


def test_citations_add_up_to_the_laws_table(client, tmp_path: Path):
    corpus = copy_corpus(tmp_path / "corpus")
    index = zhengce.Index.create(tmp_path / "idx", folder=corpus)
    index.add_folder(corpus)

    frame = zhengce.dask.citations(corpus, client, partitions=3)
    assert frame.npartitions == 3
    df = frame.compute()
    assert dict(df.dtypes.astype(str)) == zhengce.dask.CITATION_COLUMNS

    mentions = df.drop_duplicates(["path", "citation"])
    table = mentions.groupby("title").agg(documents=("path", "nunique"), mentions=("path", "size"))
    for row in index.laws():
        assert (table.loc[row["title"], "documents"], table.loc[row["title"], "mentions"]) == (
            row["documents"],
            row["mentions"],
        ), row["title"]
    assert len(table) == len(index.laws())

    done = df[(df.action == "publicize") & (df.year == 2024) & (df.state == "done")]
    publicized = done.groupby("title").agg(documents=("path", "nunique"), mentions=("path", "size"))
    expected = index.laws(action="publicize", year=2024, state="done")
    assert {r["title"]: (r["documents"], r["mentions"]) for r in expected} == {
        t: (int(r.documents), int(r.mentions)) for t, r in publicized.iterrows()
    }

    # Which laws each county publicized per year, computed on the cluster.
    by_region = (
        frame[frame.action == "publicize"].groupby(["region", "year"]).title.nunique().compute()
    )
    assert by_region.loc[("高台县", 2024)] > 0

    with_inferred = zhengce.dask.citations(corpus, client, inferred=True).compute()
    assert len(with_inferred) > len(df) and with_inferred.inferred.any()


def test_bad_input_raises_the_library_error(client, tmp_path: Path):
    with pytest.raises(zhengce.Error, match="not a folder"):
        zhengce.dask.build_index(tmp_path / "missing", tmp_path / "out", client)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    corpus = copy_corpus(tmp_path / "corpus")
    with pytest.raises(zhengce.Error, match="is not a zhengce index"):
        zhengce.dask.build_index(corpus, tmp_path / "other", client, keep_shards=True)
    assert (tmp_path / "other" / "notes.txt").read_text() == "mine"
    with pytest.raises(ValueError, match="no files"):
        zhengce.dask.citations([], client)
