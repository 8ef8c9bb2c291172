#!/usr/bin/env bash
# Peers: zhengce against ripgrep (`rg -F -l`, no index) and SQLite FTS5 with the trigram tokenizer
# (python3's sqlite3) on one folder and the same phrases, in one run, timed by hyperfine (warm
# cache): `zhengce search` (with its refresh check and with --no-refresh) against `rg` and an FTS5
# query, and `zhengce index --rebuild` against building the FTS5 table. Checks that the three agree
# on the number of matching documents for every phrase, and measures peak memory and index size.
#
#   benches/peers.sh [FOLDER [PHRASE…]]
#
# FOLDER defaults to ../shared/corpora/lawrefbook beside the repository when present, else to a
# synthetic folder written by zhengce-synth (PEERS_SYNTH_MB, default 100). Nothing is written into
# FOLDER: the zhengce index, the FTS5 database and the results go to PEERS_WORK (default
# ${TMPDIR:-/tmp}/zhengce-peers). Tunables: PEERS_RUNS (query runs, 10), PEERS_INDEX_RUNS (5),
# PEERS_WARMUP (3). Exit status 1 when the counts disagree.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
WORK=${PEERS_WORK:-${TMPDIR:-/tmp}/zhengce-peers}
RUNS=${PEERS_RUNS:-10}
INDEX_RUNS=${PEERS_INDEX_RUNS:-5}
WARMUP=${PEERS_WARMUP:-3}
SYNTH_MB=${PEERS_SYNTH_MB:-100}
FOLDER=${1:-}
if (($# > 0)); then shift; fi
# Phrases of 3 characters or more (FTS5's trigram index is exact for those), found in laws and in
# county documents alike.
if (($# > 0)); then
    PHRASES=("$@")
else
    PHRASES=(民法典 人民法院 行政处罚 个人信息 污染防治 法律责任 知识产权 安全生产 科学技术进步法 中华人民共和国宪法)
fi

say() { printf '%s\n' "$*" >&2; }

# --- tools ------------------------------------------------------------------------------------
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if ((${#missing[@]})); then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing ${missing[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        say "peers.sh: missing ${missing[*]}; install with: sudo apt-get install -y ${missing[*]}"
        say "  (or: cargo install ripgrep hyperfine; /usr/bin/time is Debian's package 'time')"
        exit 2
    fi
fi
python3 - <<'PY' || { say "peers.sh: python3's sqlite3 has no FTS5 trigram tokenizer (SQLite >= 3.34 needed)"; exit 2; }
import sqlite3
sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
PY

# The interpreter itself, not a version manager's shim, and without `site` (-S: sqlite3 is in the
# standard library): a shim and site-packages add tens of milliseconds to every start, which would
# be charged to FTS5.
PY=$(python3 -c 'import sys; print(sys.executable)')
PYS=("$PY" -S)

say "building zhengce (release)…"
(cd "$ROOT" && cargo build --release --locked -q -p zhengce -p zhengce-synth --bins)
ZHENGCE=$CARGO_TARGET_DIR/release/zhengce
SYNTH=$CARGO_TARGET_DIR/release/zhengce-synth
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

# --- the folder -------------------------------------------------------------------------------
if [ -z "$FOLDER" ]; then
    if [ -d "$ROOT/../shared/corpora/lawrefbook" ]; then
        FOLDER=$ROOT/../shared/corpora/lawrefbook
    else
        FOLDER=$WORK/synth-${SYNTH_MB}mb-seed7
        if [ ! -e "$FOLDER.done" ]; then
            rm -rf "$FOLDER"
            "$SYNTH" "$FOLDER" --mb "$SYNTH_MB" --seed 7 >&2
            touch "$FOLDER.done"
        fi
    fi
fi
FOLDER=$(cd "$FOLDER" && pwd)
IDX=$WORK/zhengce-index
DB=$WORK/fts5.sqlite3
FTS_BUILD=$ROOT/benches/fts5_build.py
FTS_QUERY=$ROOT/benches/fts5_query.py
RG_GLOBS=(-g '*.txt' -g '*.md' -g '*.markdown' -g '*.text')
q() { printf "'%s'" "$1"; } # quoting for hyperfine -N (paths without single quotes)
RG_GLOBS_Q="-g '*.txt' -g '*.md' -g '*.markdown' -g '*.text'"
read -r FILES TEXT_BYTES < <("$PY" "$FTS_BUILD" --files "$FOLDER")
say "folder $FOLDER: $FILES text files, $TEXT_BYTES bytes; work in $WORK"

# The machine, and what else runs on it.
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
    echo "memory: $(free -g | awk '/^Mem:/{print $2}') GiB"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "busiest other processes before:"
    ps -eo pcpu,etime,comm --sort=-pcpu | sed -n '2,6p' | sed 's/^/  /'
    echo "versions: $("$ZHENGCE" --version), $(rg --version | head -1), $(hyperfine --version), python $("$PY" -c 'import platform, sqlite3; print(platform.python_version(), "sqlite", sqlite3.sqlite_version)')"
} >"$WORK/machine.txt"

# Peak resident memory (KiB) of one run of a command.
peak() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/{print $2}'
}

# --- indexing ---------------------------------------------------------------------------------
say "building the indexes once…"
rm -rf "$IDX"
"$ZHENGCE" index "$FOLDER" --index "$IDX" >/dev/null 2>&1
"${PYS[@]}" "$FTS_BUILD" "$DB" "$FOLDER" 2>/dev/null
say "timing index builds…"
hyperfine -N --style basic --warmup "$WARMUP" --runs "$INDEX_RUNS" --export-json "$WORK/index.json" \
    -n "zhengce index --rebuild" "$ZHENGCE index $(q "$FOLDER") --index $(q "$IDX") --rebuild" \
    -n "fts5 build" "$(q "$PY") -S $(q "$FTS_BUILD") $(q "$DB") $(q "$FOLDER")" >&2
PEAK_INDEX=$(peak "$ZHENGCE" index "$FOLDER" --index "$IDX" --rebuild)
PEAK_FTS_BUILD=$(peak "${PYS[@]}" "$FTS_BUILD" "$DB" "$FOLDER")
INDEX_BYTES=$(du -sb "$IDX" | cut -f1)
DB_BYTES=$(du -sb "$DB" | cut -f1)

# --- queries ----------------------------------------------------------------------------------
: >"$WORK/counts.tsv"
i=0
for phrase in "${PHRASES[@]}"; do
    i=$((i + 1))
    say "[$i/${#PHRASES[@]}] $phrase"
    z=$("$ZHENGCE" search "\"$phrase\"" "$FOLDER" --index "$IDX" --no-refresh --json --limit 1 |
        tail -n 1 | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["total"])') || z=0
    r=$(rg -F -l "${RG_GLOBS[@]}" -- "$phrase" "$FOLDER" | wc -l) || r=0
    f=$("${PYS[@]}" "$FTS_QUERY" "$DB" "$phrase" | wc -l)
    printf '%s\t%s\t%s\t%s\n' "$phrase" "$z" "$r" "$f" >>"$WORK/counts.tsv"
    hyperfine -N -i --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$WORK/query-$i.json" \
        -n "zhengce" "$ZHENGCE search $(q "\"$phrase\"") $(q "$FOLDER") --index $(q "$IDX")" \
        -n "zhengce --no-refresh" "$ZHENGCE search $(q "\"$phrase\"") $(q "$FOLDER") --index $(q "$IDX") --no-refresh" \
        -n "rg" "rg -F -l $RG_GLOBS_Q $(q "$phrase") $(q "$FOLDER")" \
        -n "fts5" "$(q "$PY") -S $(q "$FTS_QUERY") $(q "$DB") $(q "$phrase")" >/dev/null
done
first=${PHRASES[0]}
PEAK_SEARCH=$(peak "$ZHENGCE" search "\"$first\"" "$FOLDER" --index "$IDX")
PEAK_SEARCH_NR=$(peak "$ZHENGCE" search "\"$first\"" "$FOLDER" --index "$IDX" --no-refresh)
PEAK_RG=$(peak rg -F -l "${RG_GLOBS[@]}" -- "$first" "$FOLDER")
PEAK_FTS_QUERY=$(peak "${PYS[@]}" "$FTS_QUERY" "$DB" "$first")
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/machine.txt"

# --- report -----------------------------------------------------------------------------------
export WORK FOLDER FILES TEXT_BYTES INDEX_BYTES DB_BYTES PEAK_INDEX PEAK_FTS_BUILD PEAK_SEARCH \
    PEAK_SEARCH_NR PEAK_RG PEAK_FTS_QUERY RUNS INDEX_RUNS WARMUP
"$PY" - <<'PY' | tee "$WORK/results.md"
import glob, json, os

env = os.environ
work = env["WORK"]
text = int(env["TEXT_BYTES"])
def medians(path):
    return {r["command"]: r["median"] for r in json.load(open(path))["results"]}
def mib(kib):
    return f"{int(kib) / 1024:.0f} MiB" if kib else "?"

print(f"## Peers on {env['FOLDER']}\n")
print("```")
print(open(os.path.join(work, "machine.txt")).read().rstrip())
print("```\n")
print(f"{env['FILES']} files, {text / 1e6:.1f} MB of text. hyperfine, warm cache, "
      f"--warmup {env['WARMUP']}, {env['INDEX_RUNS']} runs (index) / {env['RUNS']} runs (queries); medians.\n")
ix = medians(os.path.join(work, "index.json"))
z, f = ix["zhengce index --rebuild"], ix["fts5 build"]
print("| build | median | MB/s | peak memory | index size / text |")
print("|---|---|---|---|---|")
print(f"| `zhengce index --rebuild` | {z:.2f} s | {text / 1e6 / z:.1f} | {mib(env['PEAK_INDEX'])} | {int(env['INDEX_BYTES']) / text:.2f}× |")
print(f"| FTS5 trigram (python3 sqlite3) | {f:.2f} s | {text / 1e6 / f:.1f} | {mib(env['PEAK_FTS_BUILD'])} | {int(env['DB_BYTES']) / text:.2f}× |")
print(f"| ratio zhengce / fts5 | {z / f:.2f} | | | |\n")

counts = [line.rstrip("\n").split("\t") for line in open(os.path.join(work, "counts.tsv"))]
print("| phrase | docs zhengce / rg / fts5 | zhengce | zhengce --no-refresh | rg -F -l | fts5 | zhengce/rg | zhengce/fts5 | --no-refresh/rg | --no-refresh/fts5 |")
print("|---|---|---|---|---|---|---|---|---|---|")
bad = 0
ratios = {"zr": [], "zf": [], "nr": [], "nf": []}
for i, (phrase, zc, rc, fc) in enumerate(counts, 1):
    m = medians(os.path.join(work, f"query-{i}.json"))
    zs, ns, rs, fs = (m[k] * 1e3 for k in ("zhengce", "zhengce --no-refresh", "rg", "fts5"))
    agree = zc == rc == fc
    bad += not agree
    for k, v in (("zr", zs / rs), ("zf", zs / fs), ("nr", ns / rs), ("nf", ns / fs)):
        ratios[k].append(v)
    mark = "" if agree else " **MISMATCH**"
    print(f"| {phrase} | {zc} / {rc} / {fc}{mark} | {zs:.1f} ms | {ns:.1f} ms | {rs:.1f} ms | {fs:.1f} ms | "
          f"{zs / rs:.2f} | {zs / fs:.2f} | {ns / rs:.2f} | {ns / fs:.2f} |")
def median(v):
    v = sorted(v); n = len(v)
    return (v[n // 2] + v[(n - 1) // 2]) / 2
print(f"| **median of ratios** | | | | | | {median(ratios['zr']):.2f} | {median(ratios['zf']):.2f} | "
      f"{median(ratios['nr']):.2f} | {median(ratios['nf']):.2f} |\n")
print(f"Peak memory of one query: zhengce {mib(env['PEAK_SEARCH'])}, zhengce --no-refresh "
      f"{mib(env['PEAK_SEARCH_NR'])}, rg {mib(env['PEAK_RG'])}, fts5 {mib(env['PEAK_FTS_QUERY'])}.\n")
print("counts agree for every phrase" if not bad else f"**counts disagree for {bad} phrase(s)**")
open(os.path.join(work, "status"), "w").write(str(bad))
PY
say "results: $WORK/results.md (hyperfine JSON: $WORK/*.json)"
[ "$(cat "$WORK/status")" = 0 ]
