"""Which laws each county publicized per year, on a Dask cluster: the citations of every file of
a folder as a Dask DataFrame, counted on the workers; then one index of the folder built by the
workers and searched. A LocalCluster of two worker processes stands for a real cluster (see
docs/scale.md for dask-jobqueue and Kubernetes).

    python crates/python/examples/dask_county_laws.py [FOLDER] [OUT]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from distributed import Client, LocalCluster

import zhengce
import zhengce.dask

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "corpus"

if __name__ == "__main__":
    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
        df = zhengce.dask.citations(folder, client)
        publicized = df[(df.action == "publicize") & (df.state == "done")]
        table = publicized.groupby(["region", "year"]).title.nunique().compute()
        print("laws publicized, by county and year:")
        print(table.sort_index().to_string())

        with tempfile.TemporaryDirectory() as tmp:
            out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tmp) / "index"
            report = zhengce.dask.build_index(folder, out, client)
            print(f"{report['documents']} documents in {report['shards']} shards, {report['seconds']} s")
            index = zhengce.Index.open(out, folder=folder)
            for hit in index.search("科学技术进步法", limit=3)["hits"]:
                print(f"{hit['score']:6.2f}  {hit['path']}")
