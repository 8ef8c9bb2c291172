#!/usr/bin/env python3
"""Self-check of the expected-value tables for the bundled corpus (stdlib only).

Checks that tests/data/cite_gold.tsv has exactly one row per 《…》 occurrence
(plus one row per nested 〈…〉 inside it) in every file of corpus/, in file order,
with `raw` equal to the text between the marks; that the column values use the
documented vocabularies; and that tests/data/corpus_meta.tsv lists every corpus
file and that its doc_number / date / title appear in the document.

Run from anywhere:  python3 tests/data/check_gold.py
Exit status 0 when everything matches, 1 otherwise.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
CORPUS = os.path.join(ROOT, 'corpus')

KINDS = {'law', 'administrative_regulation', 'local_regulation', 'party_regulation',
         'judicial_interpretation', 'departmental_rule', 'normative_document', 'plan',
         'compilation', 'publication', 'other'}
ACTIONS = ['publicize', 'study', 'implement', 'formulate', 'cite']
REGIONS = {'', '甘肃省', '张掖市', '高台县'}
TYPES = {'工作总结', '年度报告', '管理办法', '实施细则', '实施方案', '通知', '计划', '要点', '简报', '决定'}
ENCODINGS = {'utf-8', 'utf-8-bom', 'gb18030'}

errors = []


def err(msg):
    errors.append(msg)


def read_tsv(name):
    with open(os.path.join(HERE, name), encoding='utf-8', newline='') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    header = lines[0].split('\t')
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split('\t')
        if len(cells) != len(header):
            err(f'{name}:{n}: {len(cells)} cells, expected {len(header)}')
            continue
        rows.append(dict(zip(header, cells)))
    return header, rows


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            out.append({'n': '\n', 't': '\t', '\\': '\\'}[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


def decode(path):
    """Decode a corpus file: UTF-8 (with or without BOM), else GB18030."""
    data = open(path, 'rb').read()
    if data.startswith(b'\xef\xbb\xbf'):
        return data[3:].decode('utf-8'), 'utf-8-bom'
    try:
        return data.decode('utf-8'), 'utf-8'
    except UnicodeDecodeError:
        return data.decode('gb18030'), 'gb18030'


def scan(text):
    """Expected raw sequence: each outermost 《…》, then each 〈…〉 inside it as '>…'."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text[i] != '《':
            i += 1
            continue
        j, depth, inners, istart = i + 1, 1, [], None
        while j < n:
            c = text[j]
            if c == '《':
                depth += 1
            elif c == '》':
                depth -= 1
                if depth == 0:
                    break
            elif c == '〈':
                istart = j + 1
            elif c == '〉' and istart is not None:
                inners.append(text[istart:j])
                istart = None
            j += 1
        if j >= n:
            err(f'unbalanced 《 at offset {i}')
            break
        out.append(text[i + 1:j])
        out.extend('>' + s for s in inners)
        i = j + 1
    return out


def main():
    _, meta = read_tsv('corpus_meta.tsv')
    _, gold = read_tsv('cite_gold.tsv')
    files = sorted(f for f in os.listdir(CORPUS) if f != 'README.md' and not f.startswith('.'))
    meta_by_path = {m['path']: m for m in meta}
    if set(meta_by_path) != set(files):
        err(f'corpus_meta paths differ from corpus files: {set(meta_by_path) ^ set(files)}')
    gold_by_path = {}
    for r in gold:
        gold_by_path.setdefault(r['path'], []).append(r)
        if r['kind'] not in KINDS:
            err(f"{r['path']}: bad kind {r['kind']!r}")
        acts = [a for a in r['actions'].split(',') if a]
        if any(a not in ACTIONS for a in acts) or acts != sorted(acts, key=ACTIONS.index):
            err(f"{r['path']}: bad actions {r['actions']!r}")
        if r['planned'] not in ('planned', 'done'):
            err(f"{r['path']}: bad planned {r['planned']!r}")
        if r['region'] not in REGIONS:
            err(f"{r['path']}: bad region {r['region']!r}")
        if not r['title']:
            err(f"{r['path']}: empty title for {r['raw']!r}")
    for p in set(gold_by_path) - set(files):
        err(f'cite_gold names a missing file: {p}')

    total_marks = total_rows = 0
    print(f"{'《':>4} {'〈':>4} {'rows':>5}  file")
    for f in files:
        text, enc = decode(os.path.join(CORPUS, f))
        m = meta_by_path.get(f)
        if m:
            if m['encoding'] != enc:
                err(f"{f}: encoding is {enc}, corpus_meta says {m['encoding']}")
            if m['type'] not in TYPES:
                err(f"{f}: bad type {m['type']!r}")
            if m['region'] not in REGIONS:
                err(f"{f}: bad region {m['region']!r}")
            if m['doc_number'] and m['doc_number'] not in text:
                err(f"{f}: doc_number {m['doc_number']} not in text")
            if m['date']:
                y, mo, d = (int(x) for x in m['date'].split('-'))
                if f'{y}年{mo}月{d}日' not in text and m['date'] not in text:
                    err(f"{f}: date {m['date']} not in text")
                if str(y) != m['year']:
                    err(f"{f}: year {m['year']} differs from date {m['date']}")
            if not re.fullmatch(r'20[0-9][0-9]', m['year']):
                err(f"{f}: bad year {m['year']!r}")
            if m['issuer'] not in text:
                err(f"{f}: issuer {m['issuer']} not in text")
        expected = scan(text)
        rows = gold_by_path.get(f, [])
        got = [unescape(r['raw']) for r in rows]
        n_outer = text.count('《')
        n_nested = sum(1 for e in expected if e.startswith('>'))
        outer_rows = sum(1 for g in got if not g.startswith('>'))
        print(f'{n_outer:4} {n_nested:4} {len(rows):5}  {f}')
        if outer_rows != n_outer or len(rows) != n_outer + n_nested:
            err(f'{f}: {n_outer} 《 + {n_nested} nested, but {outer_rows} + '
                f'{len(rows) - outer_rows} gold rows')
        if got != expected:
            for k, (a, b) in enumerate(zip(expected, got)):
                if a != b:
                    err(f'{f}: row {k + 1}: text has {a!r}, gold has {b!r}')
                    break
        total_marks += n_outer
        total_rows += len(rows)
    print(f'{total_marks:4} {"":4} {total_rows:5}  total')
    if errors:
        for e in errors:
            print('ERROR:', e, file=sys.stderr)
        return 1
    print('OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
