"""Type stubs of the extension module: the shapes of the dicts follow docs/json.md."""

import os
from types import TracebackType
from typing import Literal, Optional, Sequence, Tuple, Type, TypedDict, Union

StrPath = Union[str, "os.PathLike[str]"]
__version__: str

class Error(Exception):
    """An error of zhengce: the message says what went wrong and what to do."""

class QueryError(Error):
    """A query that cannot be parsed; the message points at the column."""

class NoIndexError(Error):
    """No index exists at the path."""

class LockedError(Error):
    """Another writer (in this or another process) holds the index."""

class NotIndexedError(Error):
    """A file that cannot be read: empty, binary, too large, a scan, a format not read."""

class Pin(TypedDict):
    text: str
    article: Optional[int]
    paragraph: Optional[int]
    item: Optional[int]

class Citation(TypedDict):
    raw: str
    span: Tuple[int, int]
    title: str
    version_note: Optional[str]
    kind: str
    region: Optional[str]
    pin: Optional[Pin]
    actions: list[str]
    planned: bool
    inferred: bool
    nested: bool
    resolution: str
    status: Optional[str]
    successors: list[str]

class LinedCitation(Citation):
    line: int

class Metadata(TypedDict):
    title: str
    date: Optional[str]
    year: Optional[int]
    issuer: Optional[str]
    region: Optional[str]
    doc_type: Optional[str]
    doc_number: Optional[str]

class Heading(TypedDict):
    level: int
    text: str
    start: int
    line: int

class DocumentView(TypedDict):
    path: str
    meta: Metadata
    encoding: str
    bytes: int
    outline: list[Heading]
    citations: list[Citation]

class FileDocument(TypedDict):
    path: str
    meta: Metadata
    encoding: str
    bytes: int
    outline: list[Heading]
    citations: list[LinedCitation]
    text: str

class SkipReason(TypedDict, total=False):
    kind: str
    detail: Union[str, int]

class Skipped(TypedDict):
    path: str
    reason: SkipReason

class IndexReport(TypedDict):
    added: int
    updated: int
    removed: int
    unchanged: int
    bytes: int
    skipped: list[Skipped]
    encodings: dict[str, int]

class WalkedFile(TypedDict):
    path: str
    file: str
    size: int

class Walk(TypedDict):
    files: list[WalkedFile]
    skipped: list[Skipped]

class Passage(TypedDict):
    text: str
    highlights: list[Tuple[int, int]]
    offset: int
    line: int
    cut_before: bool
    cut_after: bool
    section: list[str]

class Hit(TypedDict):
    path: str
    title: str
    year: Optional[int]
    date: Optional[str]
    issuer: Optional[str]
    region: Optional[str]
    doc_type: Optional[str]
    doc_number: Optional[str]
    score: float
    snippet: str
    highlights: list[Tuple[int, int]]
    passages: list[Passage]

class FacetCount(TypedDict):
    value: str
    count: int

class Facets(TypedDict):
    year: list[FacetCount]
    issuer: list[FacetCount]
    region: list[FacetCount]
    doc_type: list[FacetCount]

class SearchResults(TypedDict):
    total: int
    offset: int
    hits: list[Hit]
    facets: Optional[Facets]

class LawRow(TypedDict):
    group: Optional[str]
    title: str
    kind: str
    documents: int
    mentions: int
    actions: dict[str, int]
    planned: int
    done: int
    status: Optional[str]
    successors: list[str]

class CiteHit(TypedDict):
    path: str
    document_title: str
    year: Optional[int]
    citation: Citation
    sentence: str
    highlight: Tuple[int, int]

def extract(text: str, *, inferred: bool = True) -> list[LinedCitation]:
    """The citations of `text`, in the order of the text (as `zhengce extract --json`)."""

def read_file(
    file: StrPath, path: Optional[str] = None, *, folder: Optional[StrPath] = None
) -> FileDocument:
    """Reads a file as indexing does: metadata, outline, citations and text."""

def walk(
    folder: StrPath, *, exclude: Sequence[str] = (), index: Optional[StrPath] = None
) -> Walk:
    """The files of `folder` that indexing reads, and those it skips."""


class ExplainedLawRow(LawRow):
    """A row of `Index.laws(explain=True)`: with its citing sentences and their evidence."""

    citing: list[CiteHit]

class Index:
    """A zhengce index in a folder."""

    @staticmethod
    def create(path: StrPath, *, folder: Optional[StrPath] = None) -> "Index": ...
    @staticmethod
    def open(path: StrPath, *, folder: Optional[StrPath] = None) -> "Index": ...
    @staticmethod
    def open_or_create(path: StrPath, *, folder: Optional[StrPath] = None) -> "Index": ...
    @staticmethod
    def merge(
        path: StrPath, shards: Sequence[StrPath], *, folder: Optional[StrPath] = None
    ) -> "Index": ...
    @property
    def path(self) -> Optional[str]: ...
    @property
    def num_docs(self) -> int: ...
    def __len__(self) -> int: ...
    def add_folder(
        self,
        folder: StrPath,
        *,
        exclude: Sequence[str] = (),
        rebuild: bool = False,
        threads: Optional[int] = None,
    ) -> IndexReport: ...
    def add_files(
        self, folder: StrPath, paths: Sequence[str], *, threads: Optional[int] = None
    ) -> IndexReport: ...
    def add_document(
        self,
        path: str,
        text: Optional[str] = None,
        *,
        file: Optional[StrPath] = None,
        title: Optional[str] = None,
        date: Optional[str] = None,
        year: Optional[int] = None,
        issuer: Optional[str] = None,
        region: Optional[str] = None,
        doc_type: Optional[str] = None,
        doc_number: Optional[str] = None,
    ) -> None: ...
    def delete_document(self, path: str) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def __enter__(self) -> "Index": ...
    def __exit__(
        self,
        kind: Optional[Type[BaseException]],
        value: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> bool: ...
    def is_stale(self, folder: StrPath, *, exclude: Sequence[str] = ()) -> bool: ...
    def search(
        self,
        query: str,
        limit: int = 10,
        *,
        offset: int = 0,
        passages: int = 1,
        sort: Literal["relevance", "date"] = "relevance",
        facets: bool = False,
    ) -> SearchResults: ...
    def laws(
        self,
        *,
        action: Optional[str] = None,
        year: Union[int, str, Tuple[int, int], None] = None,
        kind: Optional[str] = None,
        state: Optional[Literal["done", "planned"]] = None,
        by: Optional[Literal["year", "issuer"]] = None,
        inferred: bool = False,
        query: Optional[str] = None,
        explain: bool = False,
    ) -> list[LawRow]: ...
    def cites(self, title: str, *, inferred: bool = True) -> list[CiteHit]: ...
    def show(self, path: str) -> Optional[DocumentView]: ...
