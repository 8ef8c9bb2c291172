#!/usr/bin/env python3
"""Self-check of the held-out citation set tests/data/cite_extra/ (stdlib only).

Checks that
- cite_extra/ holds 20-30 UTF-8 texts of 3-15 lines;
- cite_extra.tsv has one row per 《…》 occurrence (plus one '>' row per nested 〈…〉),
  in file order, with `raw` equal to the text between the marks (line break = \\n);
- every `pin` is written right after the closing 》, and no row without a pin is
  followed by 第…条;
- vocabularies (kind, actions order, planned) are respected and `title` /
  `version_note` agree with `raw` (spaces, line breaks, the doubled 中华人民共和国
  prefix and the version note removed; 〈〉 written as 《》; a national short name may
  gain 中华人民共和国; a generic short form resolves to a title cited earlier in the
  same file, or is `?`);
- cite_extra_bare.tsv lists, in file order, exactly the national law names (ending in
  法, 法典 or 条例) written outside the marks. Names are taken from the two tables and,
  when present, from crates/core/dict/laws.tsv and successors.tsv.

Run from anywhere:  python3 tests/data/check_extra.py
Exit status 0 when everything matches, 1 otherwise.
"""
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
TEXTS = os.path.join(HERE, 'cite_extra')
DICT = os.path.join(ROOT, 'crates', 'core', 'dict')

KINDS = {'law', 'administrative_regulation', 'local_regulation', 'party_regulation',
         'judicial_interpretation', 'departmental_rule', 'normative_document', 'plan',
         'compilation', 'publication', 'other'}
ACTIONS = ['publicize', 'study', 'implement', 'formulate', 'cite']
CITE_HEADER = ['path', 'raw', 'title', 'version_note', 'kind', 'region', 'actions',
               'planned', 'pin']
BARE_HEADER = ['path', 'text', 'title', 'actions', 'planned']
PREFIX = '中华人民共和国'
NUM = '零〇一二三四五六七八九十百千'
PIN_RE = re.compile(rf'第[{NUM}]+条(?:第[{NUM}]+款)?(?:第[（(][{NUM}]+[）)]项)?')
NOTE_RE = re.compile(r'[（(](试行|草案|征求意见稿|\d{4}年修[订正])[）)]$')
GENERIC = {'条例', '办法', '纲要', '意见', '若干意见', '规定', '决定', '细则', '方案', '规划'}

errors = []


def err(msg):
    errors.append(msg)


def read_tsv(name, header):
    with open(os.path.join(HERE, name), encoding='utf-8', newline='') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if lines[0].split('\t') != header:
        err(f'{name}: header is {lines[0]!r}')
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split('\t')
        if len(cells) != len(header):
            err(f'{name}:{n}: {len(cells)} cells, expected {len(header)}')
            continue
        r = dict(zip(header, cells))
        r['_line'] = n
        rows.append(r)
    paths = [r['path'] for r in rows]
    if paths != sorted(paths):
        err(f'{name}: rows are not sorted by path')
    return rows


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


def scan(text):
    """[(raw, end)] for each outermost 《…》 (end = index after 》), then '>' rows."""
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
        out.append((text[i + 1:j], j + 1))
        out.extend(('>' + s, None) for s in inners)
        i = j + 1
    return out


def outside_marks(text):
    """The text with everything inside 《…》 replaced by a separator."""
    out, depth = [], 0
    for c in text:
        if c == '《':
            depth += 1
            out.append('\0')
        elif c == '》':
            depth -= 1
            out.append('\0')
        elif depth == 0:
            out.append(c)
        else:
            out.append('\0')
    return ''.join(out)


def normalize(raw):
    """Title and note implied by raw alone (no short-form resolution)."""
    t = raw.lstrip('>')
    t = re.sub(r'\s+', '', t)          # stray spaces, full-width spaces, line breaks
    t = t.replace('〈', '《').replace('〉', '》')
    while t.startswith(PREFIX + PREFIX):
        t = t[len(PREFIX):]
    note = ''
    m = NOTE_RE.search(t)
    if m:
        note, t = m.group(1), t[:m.start()]
    return t, note


def check_cites(rows, texts):
    by_path = collections.defaultdict(list)
    for r in rows:
        by_path[r['path']].append(r)
        where = f"cite_extra.tsv:{r['_line']}"
        if r['kind'] not in KINDS:
            err(f"{where}: bad kind {r['kind']!r}")
        acts = [a for a in r['actions'].split(',') if a]
        if any(a not in ACTIONS for a in acts) or acts != sorted(acts, key=ACTIONS.index) \
                or len(set(acts)) != len(acts):
            err(f"{where}: bad actions {r['actions']!r}")
        if r['planned'] not in ('planned', 'done'):
            err(f"{where}: bad planned {r['planned']!r}")
        if not r['title'] or '\n' in r['title'] or '\\' in r['title']:
            err(f"{where}: bad title {r['title']!r}")
        if r['region'] and not (r['title'].startswith(r['region'])
                                or r['title'].startswith(r['region'][:-1])):
            err(f"{where}: region {r['region']} is not where the title begins")
        if r['pin'] and not PIN_RE.fullmatch(r['pin']):
            err(f"{where}: bad pin {r['pin']!r}")
    for p in set(by_path) - set(texts):
        err(f'cite_extra.tsv names a missing file: {p}')

    total = 0
    for f, text in sorted(texts.items()):
        rows_f = by_path.get(f, [])
        expected = scan(text)
        got = [unescape(r['raw']) for r in rows_f]
        n_outer = text.count('《')
        outer_rows = sum(1 for g in got if not g.startswith('>'))
        total += n_outer
        if outer_rows != n_outer or len(got) != len(expected):
            err(f'{f}: {n_outer} 《 and {len(expected)} expected rows, but '
                f'{outer_rows} outer and {len(got)} rows in cite_extra.tsv')
        for k, ((raw, end), g) in enumerate(zip(expected, got)):
            if raw != g:
                err(f'{f}: row {k + 1}: text has {raw!r}, table has {g!r}')
                break
        # pins, titles, notes, inheritance
        seen = []            # (title, note, kind, region) of rows so far in this file
        aliases = {}         # short form -> (title, note, kind, region)
        last_outer = None
        for (raw, end), r in zip(expected, rows_f):
            where = f"cite_extra.tsv:{r['_line']} ({f})"
            nested = raw.startswith('>')
            if nested:
                if r['pin']:
                    err(f'{where}: nested row with a pin')
                if last_outer and (r['actions'], r['planned']) != \
                        (last_outer['actions'], last_outer['planned']):
                    err(f'{where}: nested row does not take the actions/planned of its outer row')
            else:
                last_outer = r
                after = text[end:]
                if r['pin']:
                    if not after.startswith(r['pin']):
                        err(f"{where}: pin {r['pin']!r} not right after 》 ({after[:12]!r})")
                    elif PIN_RE.match(after).group(0) != r['pin']:
                        err(f"{where}: pin {r['pin']!r} but text has {PIN_RE.match(after).group(0)!r}")
                elif PIN_RE.match(after):
                    err(f'{where}: text has pin {PIN_RE.match(after).group(0)!r}, table has none')
                m = re.match(r'（以下简称[《“]([^》”]+)[》”]）', after)
                if m:
                    aliases[m.group(1)] = (r['title'], r['version_note'], r['kind'], r['region'])
            t, note = normalize(raw)
            key = (r['title'], r['version_note'], r['kind'], r['region'])
            if t in aliases and not nested:
                if key != aliases[t]:
                    err(f'{where}: short form {t!r} should be {aliases[t]}')
            elif t in GENERIC and not nested:
                cands = {s for s in seen if s[0].endswith(t)}
                if r['title'] == '?':
                    if len({c[0] for c in cands}) < 2:
                        err(f'{where}: {t!r} is ? but {len(cands)} candidate(s) precede it')
                    elif r['version_note'] or r['region'] or r['kind'] not in {c[2] for c in cands}:
                        err(f'{where}: ? row with note/region or a kind of no candidate')
                elif len({c[0] for c in cands}) != 1 or key not in cands:
                    err(f'{where}: undefined {t!r} resolves to {r["title"]!r}; candidates {cands}')
            else:
                if r['version_note'] != note:
                    err(f"{where}: version_note {r['version_note']!r}, raw implies {note!r}")
                ok = r['title'] == t or (r['kind'] in ('law', 'administrative_regulation')
                                         and r['title'] == PREFIX + t)
                if not ok:
                    err(f"{where}: title {r['title']!r} does not follow from raw {raw!r}")
                seen.append(key)
    return total


def law_names(cites, bare):
    names = {}
    for r in cites:
        if r['kind'] in ('law', 'administrative_regulation') and r['title'] != '?':
            names[r['title']] = r['title']
            if r['title'].startswith(PREFIX):
                names[r['title'][len(PREFIX):]] = r['title']
    for r in bare:
        names.setdefault(r['text'], r['title'])
    try:
        import csv
        with open(os.path.join(DICT, 'laws.tsv'), encoding='utf-8', newline='') as f:
            for d in csv.DictReader(f, delimiter='\t'):
                if d['kind'] in ('law', 'administrative_regulation'):
                    names.setdefault(d['title'], d['title'])
                    if d['short']:
                        names.setdefault(d['short'], d['title'])
        with open(os.path.join(DICT, 'successors.tsv'), encoding='utf-8', newline='') as f:
            for d in csv.DictReader(f, delimiter='\t'):
                if d['old'].startswith(PREFIX):
                    names.setdefault(d['old'], d['old'])
                    names.setdefault(d['old'][len(PREFIX):], d['old'])
    except OSError:
        print('(dictionary not found: bare mentions checked against the tables only)')
    return {k: v for k, v in names.items()
            if len(k) >= 2 and k.endswith(('法', '法典', '条例'))}


def check_bare(bare, cites, texts):
    names = law_names(cites, bare)
    by_path = collections.defaultdict(list)
    for r in bare:
        by_path[r['path']].append(r)
        where = f"cite_extra_bare.tsv:{r['_line']}"
        if not r['text'].endswith(('法', '法典', '条例')):
            err(f"{where}: {r['text']!r} does not end in 法, 法典 or 条例")
        acts = [a for a in r['actions'].split(',') if a]
        if any(a not in ACTIONS for a in acts) or acts != sorted(acts, key=ACTIONS.index):
            err(f"{where}: bad actions {r['actions']!r}")
        if r['planned'] not in ('planned', 'done'):
            err(f"{where}: bad planned {r['planned']!r}")
        if names.get(r['text']) not in (None, r['title']):
            err(f"{where}: {r['text']} should be {names[r['text']]}")
    for p in set(by_path) - set(texts):
        err(f'cite_extra_bare.tsv names a missing file: {p}')
    for f, text in sorted(texts.items()):
        s = outside_marks(text)
        found, i = [], 0
        while i < len(s):
            best = max((n for n in names if s.startswith(n, i)), key=len, default=None)
            if best:
                found.append(best)
                i += len(best)
            else:
                i += 1
        listed = [r['text'] for r in by_path.get(f, [])]
        if found != listed:
            err(f'{f}: names outside the marks {found}, cite_extra_bare.tsv lists {listed}')
    return len(bare)


def main():
    files = sorted(f for f in os.listdir(TEXTS) if f.endswith('.txt'))
    if not 20 <= len(files) <= 30:
        err(f'{len(files)} texts, expected 20 to 30')
    texts = {}
    for f in files:
        data = open(os.path.join(TEXTS, f), 'rb').read()
        try:
            text = data.decode('utf-8')
        except UnicodeDecodeError:
            err(f'{f}: not UTF-8')
            continue
        if text.startswith('\ufeff') or '\r' in text:
            err(f'{f}: BOM or CR')
        n = len(text.rstrip('\n').split('\n'))
        if not 3 <= n <= 15:
            err(f'{f}: {n} lines, expected 3 to 15')
        texts[f] = text
    cites = read_tsv('cite_extra.tsv', CITE_HEADER)
    bare = read_tsv('cite_extra_bare.tsv', BARE_HEADER)
    total = check_cites(cites, texts)
    if total < 170:
        err(f'only {total} 《…》 occurrences, expected at least 170')
    n_bare = check_bare(bare, cites, texts)

    c = collections.Counter
    print(f'{len(texts)} texts, {total} 《…》, {len(cites)} rows '
          f'({sum(r["raw"].startswith(">") for r in cites)} nested), {n_bare} bare mentions')
    print('kind:', dict(c(r['kind'] for r in cites).most_common()))
    print('actions:', dict(c(a for r in cites for a in r['actions'].split(',') if a).most_common()),
          '| none:', sum(not r['actions'] for r in cites))
    print('planned:', dict(c(r['planned'] for r in cites)))
    print('pins:', sum(bool(r['pin']) for r in cites), '| title ?:', sum(r['title'] == '?' for r in cites),
          '| version notes:', dict(c(r['version_note'] for r in cites if r['version_note'])))
    if errors:
        for e in errors:
            print('ERROR:', e, file=sys.stderr)
        return 1
    print('OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
