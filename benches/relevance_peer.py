"""Relevance peer: whoosh with jieba's ChineseAnalyzer against zhengce, on the same documents and
the same queries (tests/data/queries), scored the same way: a query is right when its `first`
file ranks first and every `relevant` file is among the first 10 hits.

    python relevance_peer.py DOCS QUERIES.tsv WORK ZHENGCE_BINARY

The whoosh side is what the classic Python stack gives in about forty lines: the file name (without
its extension) as the title, the text as the content, both analyzed by jieba's ChineseAnalyzer,
queries parsed by whoosh's MultifieldParser over both fields (every word required, BM25F). The
zhengce side runs the `zhengce search QUERY --json` of the binary given, on a copy of DOCS.

Held-out queries are reported per class and in total only, never one by one.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict


def read_text(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith((".html", ".htm")):
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = re.sub(r"<[^>]+>", " ", text)
    return text


def whoosh_rankings(docs, rows, work):
    from jieba.analyse import ChineseAnalyzer
    from whoosh import index
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.qparser import MultifieldParser

    analyzer = ChineseAnalyzer()
    schema = Schema(path=ID(stored=True, unique=True), title=TEXT(analyzer=analyzer),
                    content=TEXT(analyzer=analyzer))
    folder = os.path.join(work, "whoosh-index")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    ix = index.create_in(folder, schema)
    writer = ix.writer()
    for name in sorted(os.listdir(docs)):
        if name.startswith("."):
            continue
        writer.add_document(path=name, title=os.path.splitext(name)[0],
                            content=read_text(os.path.join(docs, name)))
    writer.commit()
    parser = MultifieldParser(["title", "content"], schema=ix.schema)
    out = {}
    with ix.searcher() as searcher:
        for row in rows:
            hits = searcher.search(parser.parse(row["query"]), limit=10)
            out[row["id"]] = [h["path"] for h in hits]
    return out


def zhengce_rankings(docs, rows, work, binary):
    folder = os.path.join(work, "zhengce-docs")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(docs, folder, ignore=shutil.ignore_patterns(".*"))
    subprocess.run([binary, "index", folder], check=True, capture_output=True)
    out = {}
    for row in rows:
        run = subprocess.run([binary, "search", row["query"], folder, "--json", "--limit", "10",
                              "--passages", "0", "--no-refresh"], capture_output=True, text=True)
        if run.returncode == 2:
            sys.exit(f"zhengce failed on {row['id']}: {run.stderr}")
        records = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
        out[row["id"]] = [r["path"] for r in records if r["type"] == "hit"]
    return out


def right(row, top):
    return bool(top) and top[0] == row["first"] and all(r in top for r in row["relevant"])


def main():
    docs, queries, work, binary = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    with open(queries, encoding="utf-8") as f:
        lines = [l.rstrip("\n").split("\t") for l in f if l.strip()]
    header, body = lines[0], lines[1:]
    rows = [dict(zip(header, l)) for l in body]
    for row in rows:
        row["relevant"] = row["relevant"].split("|")
    engines = {"zhengce": zhengce_rankings(docs, rows, work, binary),
               "whoosh + jieba": whoosh_rankings(docs, rows, work)}
    # (engine, set, class) -> [right, first ranked first, queries]
    counts = defaultdict(lambda: [0, 0, 0])
    for name, ranking in engines.items():
        for row in rows:
            top = ranking[row["id"]]
            for cls in (row["class"], "all"):
                c = counts[(name, row["set"], cls)]
                c[0] += right(row, top)
                c[1] += bool(top) and top[0] == row["first"]
                c[2] += 1
    sets = sorted({r["set"] for r in rows}, key=lambda s: s != "tune")
    classes = sorted({r["class"] for r in rows}) + ["all"]
    names = list(engines)
    print("right (first ranked first) / queries\n")
    print("| class | " + " | ".join(f"{n} ({s})" for s in sets for n in names) + " |")
    print("|---|" + "---|" * (len(sets) * len(names)))
    for cls in classes:
        cells = []
        for s in sets:
            for n in names:
                r, f, q = counts[(n, s, cls)]
                cells.append(f"{r}/{q} ({f})" if q else "–")
        label = f"**{cls}**" if cls == "all" else cls
        print(f"| {label} | " + " | ".join(cells) + " |")
    # The tune rows one by one, for whoever tunes.
    print("\ntune queries wrong for either engine:")
    for row in rows:
        if row["set"] != "tune":
            continue
        marks = {n: right(row, engines[n][row["id"]]) for n in names}
        if not all(marks.values()):
            print(f"  {row['id']} {row['class']} {row['query']}: "
                  + ", ".join(f"{n} {'right' if ok else 'wrong'}" for n, ok in marks.items()))


if __name__ == "__main__":
    main()
