#!/usr/bin/env bash
# Relevance peer: zhengce against whoosh + jieba (the classic Python stack) on the relevance set of
# tests/data/queries — the same documents, the same queries, one run, scored the same way (right:
# the expected document first and every relevant one in the top 10). Prints a Markdown table per
# query class and set; held-out queries are counted, never listed.
#
#   benches/relevance_peer.sh
#
# Makes a Python venv in RELEVANCE_WORK (default ${TMPDIR:-/tmp}/zhengce-relevance) and installs
# whoosh and jieba from PyPI into it; uses the zhengce binary of the test build (target/debug, built
# if needed: rankings do not depend on optimization), or ZHENGCE_BIN. Nothing is written into the
# repository.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
WORK=${RELEVANCE_WORK:-${TMPDIR:-/tmp}/zhengce-relevance}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

if [ ! -x "$WORK/venv/bin/python" ]; then
    python3 -m venv "$WORK/venv"
fi
"$WORK/venv/bin/python" -m pip install -q --disable-pip-version-check whoosh jieba >&2

if [ -z "${ZHENGCE_BIN:-}" ]; then
    (cd "$ROOT" && cargo build --locked -q -p zhengce --bin zhengce)
    ZHENGCE_BIN=$CARGO_TARGET_DIR/debug/zhengce
fi

"$WORK/venv/bin/python" -W ignore "$ROOT/benches/relevance_peer.py" \
    "$ROOT/tests/data/queries/docs" "$ROOT/tests/data/queries/queries.tsv" "$WORK" \
    "$ZHENGCE_BIN"
