"""Which laws were publicized in a year, as a pandas table: index a folder (the bundled corpus
by default) and count the titles its documents publicized (宣传, 发放, 普法 …).

    python crates/python/examples/laws_pandas.py [FOLDER] [YEAR]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pandas as pd

import zhengce

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "corpus"
year = int(sys.argv[2]) if len(sys.argv) > 2 else 2024

with tempfile.TemporaryDirectory() as tmp:
    index = zhengce.Index.open_or_create(Path(tmp) / "index", folder=folder)
    report = index.add_folder(folder)
    print(f"{report['added']} documents indexed, {len(report['skipped'])} skipped")

    laws = pd.DataFrame(index.laws(action="publicize", year=year, state="done"))
    if laws.empty:
        sys.exit(f"no law was publicized in {year}")
    print(laws[["title", "kind", "documents", "mentions"]].to_string(index=False))

    # By year and kind: one row per (year, title), pivoted to a table of documents.
    by_year = pd.DataFrame(index.laws(action="publicize", by="year"))
    print(by_year.pivot_table(index="kind", columns="group", values="documents", aggfunc="sum", fill_value=0))
