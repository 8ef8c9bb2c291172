#!/usr/bin/env python3
# One FTS5 phrase query, for benches/peers.sh: `fts5_query.py DB PHRASE` prints the path of every
# document holding PHRASE (exact with the trigram tokenizer for 3 characters or more).
import sqlite3
import sys

db, phrase = sys.argv[1], sys.argv[2]
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
for (path,) in con.execute(
    "SELECT path FROM docs WHERE body MATCH ?", ('"' + phrase.replace('"', '""') + '"',)
):
    print(path)
