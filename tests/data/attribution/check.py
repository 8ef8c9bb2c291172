#!/usr/bin/env python3
"""Checks one half of the attribution set (see README.md in this folder).

Usage: python3 tests/data/attribution/check.py tune|tune2|tune3|tune4a|tune4b|tune5a|tune5b|heldout

Checks that
  - every 《…》 occurrence in each file of HALF/docs (the outer title, and each 〈…〉 nested in it)
    has exactly one row of HALF/cites.tsv, in the order of the text, whose `raw` is the text
    between the marks (a line break written \\n), with `nested` 1 for a 〈…〉 and 0 otherwise;
  - the columns hold known values: kind, actions (a subset of publicize,study,implement,
    formulate,cite in that order), state (done|planned), nested (0|1);
  - every path exists;
  - the names of HALF/bare.tsv occur in their file's text outside 《》, in order;
  - HALF/questions.tsv has 4 columns, well-formed args, and answers sorted by code point and
    joined by |, each of them a title of cites.tsv.
Prints one line per problem and exits 1 if there is any. Titles of laws and regulations that are
not in crates/core/dict/laws.tsv are reported as notes (they do not fail the check).

Python 3 standard library only.
"""

import csv
import os
import re
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LAWS = os.path.join(HERE, '..', '..', '..', 'crates', 'core', 'dict', 'laws.tsv')

KINDS = {
    'law', 'administrative_regulation', 'local_regulation', 'party_regulation',
    'judicial_interpretation', 'departmental_rule', 'normative_document', 'plan',
    'compilation', 'publication', 'other',
}
ACTIONS = ['publicize', 'study', 'implement', 'formulate', 'cite']
STATES = {'done', 'planned'}
CITES_HEADER = ['path', 'raw', 'title', 'kind', 'actions', 'state', 'nested']
BARE_HEADER = ['path', 'name', 'title']
QUESTIONS_HEADER = ['id', 'question', 'args', 'answer']
QUERY_FIELDS = ('issuer:', 'title:', 'type:', 'year:')

problems = []
notes = []


def problem(msg):
    problems.append(msg)


def escape(raw):
    return raw.replace('\n', '\\n')


def read_tsv(path, header):
    """Rows of a TSV file (without its header) as (line number, fields); None if missing."""
    if not os.path.isfile(path):
        problem(f'{path}: missing')
        return None
    rows = []
    with open(path, encoding='utf-8', newline='') as f:
        text = f.read()
    if '\r' in text:
        problem(f'{path}: CR line endings')
    lines = text.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if not lines:
        problem(f'{path}: empty')
        return rows
    got = lines[0].split('\t')
    if got != header:
        problem(f'{path}: header is {got}, expected {header}')
    for n, line in enumerate(lines[1:], start=2):
        fields = line.split('\t')
        if len(fields) != len(header):
            problem(f'{path}:{n}: {len(fields)} columns, expected {len(header)}')
            continue
        rows.append((n, fields))
    return rows


def marks(text, name):
    """The 《…》 occurrences of a text, in order: (raw, nested), outer before its 〈…〉."""
    out = []
    i = 0
    while True:
        start = text.find('《', i)
        close = text.find('》', i)
        if start < 0:
            if close >= 0:
                problem(f'{name}: 》 without 《 at offset {close}')
            return out
        if 0 <= close < start:
            problem(f'{name}: 》 without 《 at offset {close}')
        end = text.find('》', start + 1)
        if end < 0:
            problem(f'{name}: 《 without 》 at offset {start}')
            return out
        raw = text[start + 1:end]
        if '《' in raw:
            problem(f'{name}: 《 inside 《…》 at offset {start}')
        out.append((raw, 0))
        depth = 0
        inner_start = None
        for k, c in enumerate(raw):
            if c == '〈':
                if depth == 0:
                    inner_start = k
                depth += 1
            elif c == '〉':
                depth -= 1
                if depth == 0 and inner_start is not None:
                    out.append((raw[inner_start + 1:k], 1))
                elif depth < 0:
                    problem(f'{name}: 〉 without 〈 in 《{escape(raw)}》')
                    depth = 0
        if depth != 0:
            problem(f'{name}: 〈 without 〉 in 《{escape(raw)}》')
        i = end + 1


def outside_marks(text):
    """The text with every 《…》 (marks included) replaced by NUL characters, offsets kept."""
    out = list(text)
    depth = 0
    for k, c in enumerate(text):
        if c == '《':
            depth += 1
        if depth:
            out[k] = '\0'
        if c == '》' and depth:
            depth -= 1
    return ''.join(out)


def load_law_titles():
    titles = set()
    if not os.path.isfile(LAWS):
        return None
    with open(LAWS, encoding='utf-8', newline='') as f:
        reader = csv.reader(f, delimiter='\t')
        next(reader, None)
        for row in reader:
            if row:
                titles.add(row[0])
    return titles


def check_docs(half_dir):
    docs_dir = os.path.join(half_dir, 'docs')
    if not os.path.isdir(docs_dir):
        problem(f'{docs_dir}: missing')
        return {}
    texts = {}
    for name in sorted(os.listdir(docs_dir)):
        path = os.path.join(docs_dir, name)
        if not os.path.isfile(path):
            continue
        try:
            with open(path, encoding='utf-8', newline='') as f:
                text = f.read()
        except UnicodeDecodeError as e:
            problem(f'docs/{name}: not UTF-8 ({e})')
            continue
        if '\r' in text:
            problem(f'docs/{name}: CR line endings (LF expected)')
        if name.endswith('.html'):
            # A page's <title> element repeats its headline in the browser's tab: not its text.
            text = re.sub(r'<title>.*?</title>', '<title></title>', text, flags=re.S)
        texts[name] = text
    return texts


def check_cites(half_dir, texts, law_titles):
    path = os.path.join(half_dir, 'cites.tsv')
    rows = read_tsv(path, CITES_HEADER)
    if rows is None:
        return set()
    by_file = {}
    titles = set()
    for n, (p, raw, title, kind, actions, state, nested) in rows:
        where = f'cites.tsv:{n}'
        if p not in texts:
            problem(f'{where}: path {p!r} is not a file of docs/')
        by_file.setdefault(p, []).append((n, raw, nested))
        if not title:
            problem(f'{where}: empty title')
        elif title != title.strip() or '\\n' in title or '\n' in title:
            problem(f'{where}: title {title!r} holds white space or a line break')
        titles.add(title)
        if kind not in KINDS:
            problem(f'{where}: kind {kind!r} not one of {sorted(KINDS)}')
        acts = actions.split(',') if actions else []
        unknown = [a for a in acts if a not in ACTIONS]
        if unknown:
            problem(f'{where}: unknown actions {unknown}')
        elif acts != [a for a in ACTIONS if a in acts] or len(set(acts)) != len(acts):
            problem(f'{where}: actions {actions!r} not in the order {",".join(ACTIONS)} '
                    f'(or repeated)')
        if state not in STATES:
            problem(f'{where}: state {state!r} not done|planned')
        if nested not in ('0', '1'):
            problem(f'{where}: nested {nested!r} not 0|1')
        if (law_titles is not None and kind in ('law', 'administrative_regulation')
                and title != '?' and title not in law_titles):
            notes.append(f'{where}: {kind} title {title!r} is not in laws.tsv')
    for name, text in texts.items():
        found = marks(text, f'docs/{name}')
        listed = by_file.get(name, [])
        for k in range(max(len(found), len(listed))):
            if k >= len(found):
                n, raw, _ = listed[k]
                problem(f'cites.tsv:{n}: {name}: row {k + 1} ({raw!r}) has no 《…》 left in the text')
                continue
            raw, nested = found[k]
            if k >= len(listed):
                problem(f'{name}: occurrence {k + 1} 《{escape(raw)}》 has no row in cites.tsv')
                continue
            n, lraw, lnested = listed[k]
            if lraw != escape(raw):
                problem(f'cites.tsv:{n}: {name}: occurrence {k + 1}: raw {lraw!r}, '
                        f'the text has {escape(raw)!r}')
                # one mismatch shifts every later row: report the rest of the file once
                break
            if lnested != str(nested):
                problem(f'cites.tsv:{n}: {name}: nested is {lnested}, expected {nested}')
    return titles


def check_bare(half_dir, texts):
    path = os.path.join(half_dir, 'bare.tsv')
    rows = read_tsv(path, BARE_HEADER)
    if rows is None:
        return
    masked = {name: outside_marks(text) for name, text in texts.items()}
    pos = {}
    for n, (p, name, title) in rows:
        where = f'bare.tsv:{n}'
        if p not in texts:
            problem(f'{where}: path {p!r} is not a file of docs/')
            continue
        if not name:
            problem(f'{where}: empty name')
            continue
        if not title:
            problem(f'{where}: empty title')
        if not name.endswith(('法', '法典', '条例')):
            problem(f'{where}: name {name!r} does not end in 法, 法典 or 条例')
        at = masked[p].find(name, pos.get(p, 0))
        if at < 0:
            anywhere = masked[p].find(name)
            if anywhere < 0:
                problem(f'{where}: {name!r} does not occur in {p} outside 《》')
            else:
                problem(f'{where}: {name!r} does not occur in {p} outside 《》 after the '
                        f'previous row (rows out of order?)')
            continue
        pos[p] = at + len(name)


ARG_FLAGS = {'--action', '--year', '--kind', '-q', '--query'}
ARG_SWITCHES = {'--done', '--planned', '--inferred'}
ARG_ACTIONS = {'publicize', 'study', 'implement', 'formulate', 'cite'}


def check_args(where, args):
    try:
        tokens = shlex.split(args)
    except ValueError as e:
        problem(f'{where}: args {args!r} do not parse ({e})')
        return
    seen = set()
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if t in ARG_SWITCHES:
            seen.add(t)
            k += 1
            continue
        if t not in ARG_FLAGS:
            problem(f'{where}: unknown argument {t!r}')
            k += 1
            continue
        if k + 1 >= len(tokens):
            problem(f'{where}: {t} without a value')
            break
        v = tokens[k + 1]
        if t in seen:
            problem(f'{where}: {t} given twice')
        seen.add(t)
        if t == '--action' and v not in ARG_ACTIONS:
            problem(f'{where}: --action {v!r} not one of {sorted(ARG_ACTIONS)}')
        if t == '--year' and not re.fullmatch(r'\d{4}(\.\.\d{4})?', v):
            problem(f'{where}: --year {v!r} is not a year or a range 2022..2024')
        if t == '--kind' and v not in KINDS:
            problem(f'{where}: --kind {v!r} not one of {sorted(KINDS)}')
        if t in ('-q', '--query'):
            for part in shlex.split(v) if ' ' in v else [v]:
                if ':' in part and not part.startswith(QUERY_FIELDS) and not part.startswith('law:'):
                    problem(f'{where}: query field in {part!r} not one of {QUERY_FIELDS}')
        k += 2
    if '--done' in seen and '--planned' in seen:
        problem(f'{where}: --done and --planned together')


def check_questions(half_dir, titles):
    path = os.path.join(half_dir, 'questions.tsv')
    rows = read_tsv(path, QUESTIONS_HEADER)
    if rows is None:
        return
    ids = set()
    for n, (qid, question, args, answer) in rows:
        where = f'questions.tsv:{n}'
        if not qid:
            problem(f'{where}: empty id')
        elif qid in ids:
            problem(f'{where}: id {qid!r} repeated')
        ids.add(qid)
        if not question.strip():
            problem(f'{where}: empty question')
        check_args(where, args)
        parts = answer.split('|') if answer else []
        if any(not a for a in parts):
            problem(f'{where}: empty title in the answer')
        if parts != sorted(parts):
            problem(f'{where}: answer not sorted by code point')
        if len(set(parts)) != len(parts):
            problem(f'{where}: answer repeats a title')
        for a in parts:
            if a and titles and a not in titles:
                problem(f'{where}: answer title {a!r} is not a title of cites.tsv')


def main(argv):
    if len(argv) != 2 or argv[1] not in ('tune', 'tune2', 'tune3', 'tune4a', 'tune4b', 'tune5a', 'tune5b', 'heldout'):
        print('usage: python3 tests/data/attribution/check.py tune|tune2|tune3|tune4a|tune4b|tune5a|tune5b|heldout', file=sys.stderr)
        return 2
    half_dir = os.path.join(HERE, argv[1])
    if not os.path.isdir(half_dir):
        print(f'{half_dir}: missing', file=sys.stderr)
        return 1
    law_titles = load_law_titles()
    texts = check_docs(half_dir)
    titles = check_cites(half_dir, texts, law_titles)
    check_bare(half_dir, texts)
    check_questions(half_dir, titles)
    for m in notes:
        print(f'note: {m}', file=sys.stderr)
    for m in problems:
        print(m)
    if problems:
        print(f'{argv[1]}: {len(problems)} problem(s)')
        return 1
    print(f'{argv[1]}: ok ({len(texts)} documents)')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
