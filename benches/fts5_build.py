#!/usr/bin/env python3
# Builds a SQLite FTS5 table (trigram tokenizer) of the same files zhengce indexes, for
# benches/peers.sh: `fts5_build.py DB FOLDER` (DB is replaced). `fts5_build.py --files FOLDER`
# prints the number of files and their bytes instead.
import os
import sqlite3
import sys

EXTENSIONS = {"txt", "md", "markdown", "text"}  # as zhengce's ingest::TEXT_EXTENSIONS


def files(root):
    """The text files zhengce reads: sorted walk, hidden entries left out, by extension."""
    for top, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or name.rsplit(".", 1)[-1].lower() not in EXTENSIONS:
                continue
            path = os.path.join(top, name)
            if os.path.isfile(path) and not os.path.islink(path):
                yield path


def decode(data):
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", "replace")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--files":
        paths = list(files(sys.argv[2]))
        print(len(paths), sum(os.path.getsize(p) for p in paths))
        return
    if len(sys.argv) != 3:
        sys.exit("usage: fts5_build.py DB FOLDER | fts5_build.py --files FOLDER")
    db, root = sys.argv[1], sys.argv[2]
    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body, tokenize='trigram')")
    n = 0
    with con:
        for path in files(root):
            with open(path, "rb") as f:
                body = decode(f.read())
            if body.strip():
                con.execute("INSERT INTO docs VALUES (?, ?)", (os.path.relpath(path, root), body))
                n += 1
    con.close()
    print(f"{n} documents", file=sys.stderr)


if __name__ == "__main__":
    main()
