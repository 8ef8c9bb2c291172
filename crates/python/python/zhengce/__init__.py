"""zhengce (政策): full-text search and law-citation analysis of Chinese policy documents.

Index a folder of work summaries, measures and notices — text in any common encoding, Word
``.docx``, PDF text layers, web pages — then search it and count the laws the documents cite::

    import zhengce

    index = zhengce.Index.open_or_create("docs/.zhengce")
    index.add_folder("docs")                       # reads, indexes and commits
    index.search("科学技术进步法", limit=10)          # {"total": …, "hits": [{"path", "score", …}]}
    index.laws(action="publicize", year=2024, state="done")
    zhengce.extract("深入学习宣传《民法典》。")         # [{"title": "中华人民共和国民法典", …}]

Results are plain dicts and lists with the fields of the command line's JSON output
(``zhengce … --json``), ready for ``pandas.DataFrame``. Errors raise :class:`zhengce.Error`
(or one of its subclasses) with the library's message. :mod:`zhengce.dask` builds indexes and
citation tables of very large collections on a Dask cluster; it is imported on first use.
"""

from __future__ import annotations

from ._zhengce import (
    Error,
    Index,
    LockedError,
    NoIndexError,
    NotIndexedError,
    QueryError,
    __version__,
    extract,
    read_file,
    walk,
)

# Named after the package, so that an error raised on a Dask worker is unpickled as itself.
for _error in (Error, QueryError, NoIndexError, LockedError, NotIndexedError):
    _error.__module__ = __name__
del _error

__all__ = [
    "Error",
    "Index",
    "LockedError",
    "NoIndexError",
    "NotIndexedError",
    "QueryError",
    "__version__",
    "extract",
    "read_file",
    "walk",
]


def __getattr__(name: str) -> object:
    # `zhengce.dask` needs dask, distributed and pandas: imported when first used, so that
    # `import zhengce` stays fast (no `typing` either) and works without them.
    if name == "dask":
        import importlib

        return importlib.import_module(".dask", __name__)
    raise AttributeError(f"module 'zhengce' has no attribute {name!r}")
