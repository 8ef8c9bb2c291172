#!/usr/bin/env python3
"""Build zhengce's law-title dictionary from the LawRefBook corpus.

Reads  <corpus>/db.sqlite3, <corpus>/DLC/*/db.sqlite3 and the Markdown files next to them.
Writes crates/core/dict/laws.tsv and crates/core/dict/successors.tsv (see README.md).

Usage:  python3 tools/lawdict/build.py [CORPUS] [--out-dir DIR]
CORPUS defaults to ../shared/corpora/lawrefbook relative to the repository root.
Standard library only; output is sorted and byte-identical on every run.
"""

import argparse
import collections
import pathlib
import re
import sqlite3
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "lawrefbook"
DEFAULT_OUT = REPO / "crates" / "core" / "dict"

PREFIX = "中华人民共和国"
INFO_END = "<!-- INFO END -->"

KIND = {
    "宪法": "law",
    "法律": "law",
    "行政法规": "administrative_regulation",
    "司法解释": "judicial_interpretation",
    "部门规章": "departmental_rule",
    "地方性法规": "local_regulation",
    "地方政府规章": "local_regulation",
}
KIND_ORDER = ["law", "administrative_regulation", "judicial_interpretation",
              "departmental_rule", "local_regulation", "other"]
LEVEL_ORDER = ["宪法", "法律", "行政法规", "司法解释", "部门规章", "地方性法规", "地方政府规章", "其他"]

# Levels that are never a law: dropped wholesale.
EXCLUDED_LEVELS = {"案例"}
# Individual entries that are not legal texts (found by inspecting level 其他 and category 其他).
# key: db name -> reason
EXCLUDED_NAMES = {
    "劳动仲裁和劳动诉讼的攻略": "a how-to guide copied from a GitHub repository, not a legal text",
}
# Entries whose db level is wrong. key: db name -> (level, reason)
LEVEL_OVERRIDES = {
    "人体损伤程度鉴定标准": ("其他", "a forensic standard issued by 两高三部 (category 其他), "
                        "filed under level 法律 in the db"),
}
MUNICIPALITIES = {"北京", "上海", "天津", "重庆"}

# Successions the pattern below cannot derive; each row must cite the article that supports it.
# (old, successor, date, source)
HAND_SUCCESSORS = [
    # The 1997 regulation was split in two; each successor repeals only "its" part
    # ("…《中华人民共和国反倾销和反补贴条例》中关于反倾销的规定同时废止"), which the partial-repeal
    # rule skips. Together the two articles repeal the whole regulation.
    ("中华人民共和国反倾销和反补贴条例", "中华人民共和国反倾销条例", "2002-01-01",
     "行政法规/反倾销条例(2004-03-31).md 第五十九条 (repeals its 反倾销 provisions; "
     "第五十八条 of 反补贴条例 repeals the rest)"),
    ("中华人民共和国反倾销和反补贴条例", "中华人民共和国反补贴条例", "2002-01-01",
     "行政法规/反补贴条例(2004-03-31).md 第五十八条 (repeals its 反补贴 provisions; "
     "第五十九条 of 反倾销条例 repeals the rest)"),
]

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
WS = re.compile(r"\s+")
FNAME = re.compile(r"^(?P<stem>.*?)(?:\((?P<date>\d{4}-\d{2}-\d{2})\))?\.md$")
LEAD_DATE = re.compile(r"^[（(]?(\d{4})年(\d{1,2})月(\d{1,2})日")
IN_FORCE = re.compile(r"[\d年月日]+\s*(起)?(施行|生效)")
ARTICLE = re.compile(r"^第[零〇一二三四五六七八九十百千]+条")


def norm_title(s):
    """Whitespace removed; ASCII parens and angle brackets to the full-width forms titles use."""
    s = WS.sub("", s)
    return (s.replace("(", "（").replace(")", "）")
             .replace("<", "〈").replace(">", "〉").replace("＜", "〈").replace("＞", "〉"))


# A title quoted in running text nests 〈〉 inside 《》; line 1 of a file (no outer marks) nests
# 《》 then 〈〉. Old titles are stored in the line-1 form, like laws.tsv titles.
SWAP_MARKS = str.maketrans("〈〉《》", "《》〈〉")


def ymd(y, m, d):
    return "%04d-%02d-%02d" % (int(y), int(m), int(d))


def valid_date(s):
    y, m, d = (int(x) for x in s.split("-"))
    return 1900 < y < 2100 and 1 <= m <= 12 and 1 <= d <= 31


# ---------------------------------------------------------------- files

class Version:
    """One Markdown file = one version of a law."""

    def __init__(self, root, path):
        self.path = path
        self.rel = path.relative_to(root).as_posix()
        m = FNAME.match(path.name)
        self.stem = m.group("stem")
        self.fdate = m.group("date")
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        if not lines[0].startswith("# "):
            raise SystemExit("%s: line 1 is not a '# title' line" % self.rel)
        self.raw_title = lines[0][2:].strip()
        self.title = norm_title(self.raw_title)
        try:
            end = lines.index(INFO_END)
        except ValueError:
            end = 0
        header = "\n".join(l.strip() for l in lines[1:end]).translate(FULLWIDTH_DIGITS)
        # repair dates broken across lines ("2014年9月26\n日…")
        header = re.sub(r"(\d{4}年\d{1,2}月\d{1,2})\n+(日)", r"\1\2", header)
        self.history = []          # (date, line) for lines that start with a date
        for l in header.split("\n"):
            m = LEAD_DATE.match(l)
            if m and valid_date(ymd(*m.groups())):
                self.history.append((ymd(*m.groups()), l))
        self.body = lines[end + 1:] if end else lines[1:]
        # filled in from the db
        self.row = None

    @property
    def date(self):
        """Promulgation date of this version: file name, else db publish, else header."""
        if self.fdate:
            return self.fdate
        if self.row and self.row["publish"]:
            return self.row["publish"]
        dated = [d for d, l in self.history if not IN_FORCE.fullmatch(l)]
        return max(dated) if dated else None


def load_db(db_path):
    con = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
    con.row_factory = sqlite3.Row
    cats = {r["id"]: dict(r) for r in con.execute("SELECT * FROM category")}
    rows = []
    for r in con.execute("SELECT * FROM law ORDER BY id"):
        r = dict(r)
        r["folder"] = cats[r["category_id"]]["folder"]
        r["cat_name"] = cats[r["category_id"]]["name"]
        rows.append(r)
    con.close()
    return rows


def load_source(root, base, is_dlc, notes):
    """Versions under `base` linked to the rows of base/db.sqlite3."""
    rows = load_db(base / "db.sqlite3")
    files = []
    for p in sorted(base.rglob("*.md")):
        if p.name == "_index.md":
            continue
        if not is_dlc and "DLC" in p.relative_to(base).parts:
            continue
        files.append(Version(root, p))
    by_stem = collections.defaultdict(list)
    for v in files:
        by_stem[v.stem].append(v)
    for r in rows:
        stem = r["filename"] or r["name"]
        cands = by_stem.get(stem, [])
        pick = [v for v in cands if r["publish"] and v.fdate == r["publish"]]
        if not pick:
            pick = [v for v in cands if v.fdate is None]
        if not pick and len(cands) == 1:
            pick = cands
        if not pick:
            if r["level"] not in EXCLUDED_LEVELS:
                notes["db row without file"].append("%s/%s (%s)" % (r["folder"], stem, r["publish"]))
            continue
        for v in pick:
            if v.row is not None and v.row["id"] != r["id"]:
                notes["file matched by two db rows"].append(v.rel)
            v.row = r
    # Files without a row: copies of a version filed in a second category. Borrow the row of
    # the same stem and date (same version), else of the same stem.
    for v in files:
        if v.row is None:
            same = [w for w in by_stem[v.stem] if w.row is not None]
            exact = [w for w in same if w.fdate == v.fdate]
            src = (exact or same or [None])[0]
            if src is None:
                notes["file without db row (skipped)"].append(v.rel)
                continue
            v.row = src.row
            notes["file without db row (copy of %s)" % ("same version" if exact else "same law")].append(v.rel)
    return [v for v in files if v.row is not None]


# ---------------------------------------------------------------- laws.tsv

def level_of(v, region, notes):
    r = v.row
    level = r["level"]
    if r["name"] in LEVEL_OVERRIDES:
        level = LEVEL_OVERRIDES[r["name"]][0]
    if region:
        # A local entry adopted by a people's government, not a people's congress, is a rule.
        hdr = " ".join(l for _, l in v.history)
        if "人民政府" in hdr and "人民代表大会" not in hdr:
            level = "地方政府规章"
            notes["DLC entry re-levelled 地方政府规章 (adopted by a 人民政府)"].append(v.title)
    return level


def build_laws(root, notes):
    sources = [(root, None)]
    for base in sorted((root / "DLC").iterdir()):
        if (base / "db.sqlite3").exists():
            sources.append((base, base))
    versions = []
    for base, dlc in sources:
        for v in load_source(root, base, dlc is not None, notes):
            r = v.row
            if r["level"] in EXCLUDED_LEVELS:
                continue
            if r["name"] in EXCLUDED_NAMES:
                notes["excluded, not a law"].append("%s: %s" % (v.title, EXCLUDED_NAMES[r["name"]]))
                continue
            region = ""
            if dlc is not None:
                c = r["cat_name"]
                region = c + ("市" if c in MUNICIPALITIES else "省")
            v.region = region
            v.level = level_of(v, region, notes)
            v.dlc = dlc is not None
            if v.raw_title != v.title:
                notes["title normalised (whitespace/parens)"].append("%s -> %s" % (v.raw_title, v.title))
            versions.append(v)

    groups = collections.defaultdict(list)
    for v in versions:
        groups[v.title].append(v)

    laws = {}
    for title, vs in groups.items():
        if len({v.dlc for v in vs}) > 1:
            notes["same title in main db and DLC (kept main)"].append(title)
            vs = [v for v in vs if not v.dlc]
        if len({v.region for v in vs}) > 1:
            notes["same title in two DLC regions"].append(title)
        stems = sorted({(v.rel.rsplit("/", 1)[0], v.stem) for v in vs})
        if len(stems) > 1 and not all(s[0] == stems[0][0] for s in stems) \
                or len({s[1] for s in stems}) > 1:
            notes["one title, several files/names (merged)"].append(
                "%s <- %s" % (title, "; ".join("/".join(s) for s in stems)))
        dated = [v for v in vs if v.date]
        newest = max(dated, key=lambda v: (v.date, v.rel)) if dated else sorted(vs, key=lambda v: v.rel)[-1]
        levels = {v.level for v in vs}
        if len(levels) > 1:
            notes["one title, several levels (took newest)"].append("%s %s" % (title, sorted(levels)))
        level = newest.level
        # status of the law = status of its newest version (older versions are flagged expired
        # when superseded by a revision, which does not repeal the law)
        status = "repealed" if newest.row["expired"] else "valid"
        vdates = sorted({v.date for v in vs if v.date})
        hdates = sorted({d for v in vs for d, _ in v.history})
        first = min(vdates[:1] + hdates[:1]) if (vdates or hdates) else ""
        latest = vdates[-1] if vdates else ""
        if not first or not latest:
            notes["missing dates"].append("%s (first=%r latest=%r) %s" % (title, first, latest, newest.rel))
        name = newest.row["name"]
        if newest.row["filename"] or re.search(r"\s", name):
            # code split into parts (民法典 总则 …): the short title is the code's
            short = title[len(PREFIX):] if title.startswith(PREFIX) else ""
        else:
            short = WS.sub("", name)
        if not short and title.startswith(PREFIX):
            short = title[len(PREFIX):]
        short = norm_title(short)
        if short == title:
            short = ""
        # effective date of the original enactment: a 施行 line that directly follows the
        # first (adoption) line of a header; a later one belongs to a revision
        in_force = []
        for v in vs:
            for d, l in v.history[1:]:
                if IN_FORCE.fullmatch(l):
                    in_force.append(d)
                    break
                if re.search(r"通过|修正|修订|修改", l):
                    break  # a revision starts: later 施行 lines are not the original one
        in_force.sort()
        laws[title] = {
            "_in_force": in_force[0] if in_force else "",
            "title": title, "short": short, "level": level,
            "kind": KIND.get(level, "other"), "region": newest.region,
            "first": first, "latest": latest, "status": status,
            "_versions": vs, "_dlc": newest.dlc,
        }
    return laws


# ---------------------------------------------------------------- successors.tsv

def top_titles(s):
    """Top-level 《…》 spans in s (nested 〈〉 or 《》 inside are kept in the title)."""
    out, depth, start = [], 0, None
    for i, ch in enumerate(s):
        if ch == "《":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1, s[start + 1:i]))
    return out


def article_units(body):
    """Split a body into (label, text) units: 第N条 articles, else single lines."""
    units, cur = [], None
    for line in body:
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            cur = None
            continue
        m = ARTICLE.match(line)
        if m:
            cur = [m.group(0), line]
            units.append(cur)
        elif cur is not None:
            cur[1] += line
        else:
            units.append(["", line])
    return [tuple(u) for u in units]


REPEAL_END = re.compile(r"(同时废止|即行废止|废止|不再执行|不再适用)$")
DOCNO = re.compile(r"^[（(](?:[^（）()]|[（(][^（）()]*[）)])*[）)]")  # doc number, one nesting level
ISSUER = re.compile(r"(最高人民法院、最高人民检察院|最高人民法院|最高人民检察院|我院|本院)"
                    r"(?:[^，。；、《》]{0,24}的)?$")
EFFECTIVE = re.compile(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起(施行|生效|实施)")


def repeal_clauses(text):
    """(clause, [old titles fully repealed]) for clauses of text that end in a repeal verb."""
    for clause in re.split(r"[。；;]", text):
        clause = clause.strip()
        if "《" not in clause:
            continue
        spans = top_titles(clause)
        if not spans:
            continue
        tail_all = clause[spans[-1][1]:]
        tail_all = DOCNO.sub("", tail_all)
        if not REPEAL_END.search(clause) or not re.fullmatch(
                r"[，,]?(自本\w{1,3}(公布|施行|发布|生效)之日起)?(都|即行|同时)?(同时)?(废止|不再执行|不再适用)", tail_all):
            # the last title must be followed only by a doc number and the verb
            yield clause, None
            continue
        olds = []
        for k, (a, b, t) in enumerate(spans):
            nxt = spans[k + 1][0] if k + 1 < len(spans) else len(clause)
            tail = DOCNO.sub("", clause[b:nxt])
            if tail.startswith(("中", "第", "的", "有关", "关于")):
                continue  # partial repeal: 《…》中有关…的规定同时废止
            before = clause[spans[k - 1][1] if k else 0:a]
            m = ISSUER.search(before)
            if t.startswith("关于") and m:
                issuer = m.group(1)
                if issuer in ("我院", "本院"):
                    issuer = "最高人民法院"
                t = issuer + t
            olds.append(norm_title(t).translate(SWAP_MARKS))
        yield clause, olds


def build_successors(root, laws, notes):
    rows = {}
    by_alias = {}
    for t, l in laws.items():
        by_alias.setdefault(t, t)
    for t, l in laws.items():
        if l["short"]:
            by_alias.setdefault(l["short"], t)
    # the corpus snapshot: newest version date anywhere (deterministic "today")
    snapshot = max(l["latest"] for l in laws.values() if l["latest"])

    def lookup(title):
        if title in by_alias:
            return by_alias[title]
        if title.startswith(PREFIX):
            return by_alias.get(title[len(PREFIX):])
        return by_alias.get(PREFIX + title)

    for succ, law in sorted(laws.items()):
        if law["_dlc"]:
            continue  # national laws only
        for v in sorted(law["_versions"], key=lambda v: (v.date or "", v.rel)):
            units = article_units(v.body)
            for i, (label, text) in enumerate(units):
                if "废止" not in text and "不再执行" not in text and "不再适用" not in text:
                    continue
                for clause, olds in repeal_clauses(text):
                    if olds is None:
                        if REPEAL_END.search(clause) and "决定》" not in clause[-12:]:
                            notes["repeal-like clause not derived (partial or unclear)"].append(
                                "%s %s: %s" % (v.rel, label, clause[:150]))
                        continue
                    m = (EFFECTIVE.search(text.translate(FULLWIDTH_DIGITS)) or
                         (i and EFFECTIVE.search(units[i - 1][1].translate(FULLWIDTH_DIGITS))))
                    if m:
                        date, basis = ymd(*m.groups()[:3]), ""
                    elif law["_in_force"]:
                        # 本安排生效之日 / 本解释公布施行后: the successor's 施行 line in its header
                        date, basis = law["_in_force"], "date from the successor's header 施行 line"
                    else:
                        # 自公布之日起施行: the successor's adoption/promulgation date
                        date, basis = law["first"], "date = the successor's first date"
                    src = "%s %s" % (v.rel, label or "(unnumbered paragraph)")
                    for old in olds:
                        target = lookup(old)
                        if old == succ or target == succ:
                            notes["same-title reissue (no row)"].append("%s (%s)" % (old, src))
                            continue
                        if target is not None and laws[target]["latest"] >= date:
                            # a law with this title was promulgated after the repeal: the title
                            # now names a different, newer law (国家安全法 1993 vs 2015)
                            notes["old title reused by a newer law (no row)"].append(
                                "%s -> %s %s (%s, %s latest %s)" % (old, succ, date, src, target,
                                                                   laws[target]["latest"]))
                            continue
                        if basis and (old, succ) not in rows:
                            notes[basis].append("%s -> %s %s" % (old, succ, date))
                        rows.setdefault((old, succ), (date, src))
    # the corpus' expired flag is stale for some old laws: mark them repealed when the repeal
    # has taken effect by the corpus snapshot
    for (old, succ), (date, src) in sorted(rows.items()):
        target = lookup(old)
        if target and laws[target]["status"] == "valid" and date <= snapshot:
            laws[target]["status"] = "repealed"
            laws[target]["_status_from"] = "successor"
            notes["status set to repealed from a successor article (db says valid)"].append(
                "%s (%s, %s)" % (target, date, src))
        elif target and laws[target]["status"] == "valid":
            notes["repeal not yet in force at the corpus snapshot %s (status left valid)" % snapshot
                  ].append("%s -> %s %s" % (target, succ, date))
    derived = len(rows)
    hand = 0
    for old, succ, date, src in HAND_SUCCESSORS:
        if (old, succ) in rows:
            notes["hand row already derived (drop it from HAND_SUCCESSORS)"].append(old)
            continue
        rows[(old, succ)] = (date, "hand: " + src)
        hand += 1
    out = [{"old": o, "successor": s, "date": d, "source": src}
           for (o, s), (d, src) in sorted(rows.items())]
    return out, derived, hand


# ---------------------------------------------------------------- output

def write_tsv(path, fields, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(fields) + "\n")
        for r in rows:
            vals = [r[k] for k in fields]
            for x in vals:
                if "\t" in x or "\n" in x:
                    raise SystemExit("field contains a tab or newline: %r" % x)
            f.write("\t".join(vals) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--out-dir", default=str(DEFAULT_OUT))
    ap.add_argument("--notes", action="store_true", help="print data oddities found")
    a = ap.parse_args()
    root = pathlib.Path(a.corpus).resolve()
    if not (root / "db.sqlite3").exists():
        raise SystemExit("no db.sqlite3 in %s" % root)
    notes = collections.defaultdict(list)
    laws = build_laws(root, notes)
    succ, derived, hand = build_successors(root, laws, notes)

    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    lrank = {k: i for i, k in enumerate(LEVEL_ORDER)}
    law_rows = sorted(laws.values(), key=lambda l: (rank[l["kind"]], lrank.get(l["level"], 99),
                                                    l["region"], l["title"]))
    fields = ["title", "short", "level", "kind", "region", "first", "latest", "status"]
    out = pathlib.Path(a.out_dir)
    write_tsv(out / "laws.tsv", fields, law_rows)
    write_tsv(out / "successors.tsv", ["old", "successor", "date", "source"], succ)

    per_kind = collections.Counter(l["kind"] for l in law_rows)
    print("laws.tsv: %d rows" % len(law_rows))
    for k in KIND_ORDER:
        print("  %-26s %d" % (k, per_kind.get(k, 0)))
    rep = [l for l in law_rows if l["status"] == "repealed"]
    print("  repealed                   %d (db expired %d, successor article %d)" % (
        len(rep), sum("_status_from" not in l for l in rep), sum("_status_from" in l for l in rep)))
    print("successors.tsv: %d rows (derived %d, hand %d)" % (len(succ), derived, hand))
    if a.notes:
        for k in sorted(notes):
            items = sorted(set(notes[k]))
            print("\n## %s (%d)" % (k, len(items)), file=sys.stderr)
            for x in items:
                print("  " + x, file=sys.stderr)


if __name__ == "__main__":
    main()
