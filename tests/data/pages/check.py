#!/usr/bin/env python3
"""Self-check of one half of the labelled page set (stdlib only).

Usage:  python3 tests/data/pages/check.py tune      (or: tune2, heldout)

Checks, for tests/data/pages/<half>/:
- meta.tsv is UTF-8 with LF line endings, has exactly the header of README.md, and every row
  has 11 cells, none holding a tab or a line break;
- there is one row per file in docs/ and every row names a file there (no duplicates);
- formats: `date` and `published` are ISO dates (YYYY-MM-DD) or empty, `year` is 4 digits (or
  empty only when date and published are empty too), `period` is YYYY-YYYY with start <= end
  or empty, `title` and `comment` are not empty;
- `year` is one the guide allows: a year written in the title, the period's first year, or
  the year of `date` or `published`;
- each non-empty title, issuer, doc_number and index_no occurs in the decoded text of the file:
  for .txt the UTF-8 text; for HTML the page decoded in its declared charset (GBK/GB2312 are
  read as GB18030, as browsers do), with comments, scripts and styles removed, tags removed and
  entities decoded. A title may be split by a line break in the text (lines are joined);
- a page declaring GBK, GB2312 or GB18030 decodes without error, and its comment says so.

Warnings (do not fail): the text length outside 300-3,000 characters (whitespace not
counted), a `date` later than `published`.

Exit status 0 when everything holds, 1 otherwise, with one message per problem.
"""
import datetime
import html
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ['path', 'title', 'year', 'date', 'published', 'issuer', 'doc_number', 'index_no',
          'period', 'doc_type', 'comment']
HTML_EXT = ('.html', '.htm', '.shtml', '.xhtml')
TEXT_EXT = ('.txt',)
GB = {'gbk', 'gb2312', 'gb18030', 'x-gbk', 'gb_2312-80', 'chinese', 'csgb2312'}
INLINE = {'a', 'span', 'b', 'strong', 'em', 'i', 'u', 'font', 'label', 'small', 'big', 'sub',
          'sup', 'abbr', 'code', 'img', 'q', 's', 'mark', 'time', 'cite', 'var', 'wbr'}
SPACE = ' \t\u3000\xa0'

errors = []
warnings = []


def err(where, msg):
    errors.append(f'{where}: {msg}')


def warn(where, msg):
    warnings.append(f'{where}: {msg}')


def declared_charset(head):
    """The charset a page declares in its first 2 KB, lower case, or None."""
    text = head.decode('ascii', errors='replace')
    m = re.search(r'<meta[^>]+charset\s*=\s*["\']?\s*([A-Za-z0-9_\-]+)', text, re.I)
    if not m:
        m = re.search(r'<\?xml[^>]+encoding\s*=\s*["\']([A-Za-z0-9_\-]+)', text, re.I)
    return m.group(1).lower() if m else None


def html_text(page):
    """The text of a page: no comments, scripts or styles; tags removed; entities decoded."""
    page = re.sub(r'<!--.*?-->', '', page, flags=re.S)
    page = re.sub(r'<(script|style|noscript|template)\b.*?</\1\s*>', '', page, flags=re.S | re.I)

    def tag(m):
        name = m.group(1).lower()
        return '' if name in INLINE else '\n'

    page = re.sub(r'</?([A-Za-z][A-Za-z0-9]*)\b[^>]*>', tag, page)
    page = re.sub(r'<![^>]*>', '', page)
    return html.unescape(page).replace('\xa0', ' ')


def read_doc(path, name, comment):
    """The decoded text of one file, or None after reporting why it cannot be read."""
    with open(path, 'rb') as f:
        data = f.read()
    lower = name.lower()
    if lower.endswith(HTML_EXT):
        charset = declared_charset(data[:2048])
        if charset in GB:
            try:
                page = data.decode('gb18030')
            except UnicodeDecodeError as e:
                err(name, f'declares {charset} but does not decode in it: {e}')
                return None
            if not re.search(r'gbk|gb2312|gb18030', comment, re.I):
                err(name, f'declares {charset}: the comment must say so')
        elif charset in (None, 'utf-8', 'utf8'):
            try:
                page = data.decode('utf-8-sig')
            except UnicodeDecodeError as e:
                err(name, f'not valid UTF-8 (declares {charset or "nothing"}): {e}')
                return None
        else:
            try:
                page = data.decode(charset)
            except (LookupError, UnicodeDecodeError) as e:
                err(name, f'declares {charset}, which does not decode it: {e}')
                return None
        return html_text(page)
    if lower.endswith(TEXT_EXT):
        try:
            return data.decode('utf-8-sig')
        except UnicodeDecodeError as e:
            err(name, f'not valid UTF-8: {e}')
            return None
    err(name, 'neither .txt nor HTML (.html, .htm, .shtml, .xhtml)')
    return None


def joined(text):
    """The text with its lines joined: each line break and the blanks around it removed."""
    return re.sub(f'[{SPACE}]*\n[{SPACE}\n]*', '', text)


def iso(value):
    if not re.fullmatch(r'\d{4}-\d{2}-\d{2}', value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def check_row(n, cells, docs):
    where = f'meta.tsv line {n}'
    row = dict(zip(HEADER, cells))
    name = row['path']
    where = f'{name} (meta.tsv line {n})'
    for key in ('title', 'comment'):
        if not row[key]:
            err(where, f'{key} is empty')
    for key in HEADER:
        value = row[key]
        if value != value.strip():
            err(where, f'{key} has leading or trailing blanks: {value!r}')
    for key in ('date', 'published'):
        if row[key] and not iso(row[key]):
            err(where, f'{key} is not an ISO date YYYY-MM-DD: {row[key]!r}')
    year = row['year']
    if year and not re.fullmatch(r'\d{4}', year):
        err(where, f'year is not 4 digits: {year!r}')
    if not year and (row['date'] or row['published']):
        err(where, 'year is empty although a date is given')
    period = row['period']
    start = None
    if period:
        m = re.fullmatch(r'(\d{4})-(\d{4})', period)
        if not m:
            err(where, f'period is not YYYY-YYYY: {period!r}')
        elif int(m.group(1)) > int(m.group(2)):
            err(where, f'period ends before it starts: {period!r}')
        else:
            start = m.group(1)
    if re.fullmatch(r'\d{4}', year):
        allowed = set(re.findall(r'(?<!\d)((?:19|20)\d{2})(?!\d)', row['title']))
        if start:
            allowed.add(start)
        for key in ('date', 'published'):
            if iso(row[key]):
                allowed.add(row[key][:4])
        if year not in allowed:
            err(where, f'year {year} is none of: a year in the title, the period\'s start, '
                       f'the year of date or published ({", ".join(sorted(allowed)) or "none"})')
    d, p = iso(row['date']), iso(row['published'])
    if d and p and d > p:
        warn(where, f'date {row["date"]} is later than published {row["published"]}')

    if name not in docs:
        err(where, 'no such file in docs/')
        return
    text = read_doc(os.path.join(docs[name]), name, row['comment'])
    if text is None:
        return
    size = len(re.sub(r'\s', '', text))
    if not 300 <= size <= 3000:
        warn(where, f'text has {size} characters (without whitespace), not 300-3,000')
    flat = joined(text)
    if row['title'] and row['title'] not in text and row['title'] not in flat:
        err(where, f'title not in the text: {row["title"]!r}')
    for key in ('issuer', 'doc_number', 'index_no'):
        if row[key] and row[key] not in text:
            err(where, f'{key} not in the text: {row[key]!r}')


def main(argv):
    if len(argv) != 2 or argv[1] not in ('tune', 'tune2', 'heldout'):
        print('usage: python3 tests/data/pages/check.py tune|tune2|heldout', file=sys.stderr)
        return 2
    half = argv[1]
    base = os.path.join(HERE, half)
    docs_dir = os.path.join(base, 'docs')
    meta = os.path.join(base, 'meta.tsv')
    if not os.path.isdir(docs_dir):
        print(f'{half}: no docs/ folder at {docs_dir}', file=sys.stderr)
        return 1
    docs = {}
    for name in sorted(os.listdir(docs_dir)):
        full = os.path.join(docs_dir, name)
        if name.startswith('.') or not os.path.isfile(full):
            continue
        docs[name] = full
    if not os.path.isfile(meta):
        print(f'{half}: no meta.tsv at {meta}', file=sys.stderr)
        return 1
    with open(meta, 'rb') as f:
        raw = f.read()
    try:
        content = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        print(f'meta.tsv: not UTF-8: {e}', file=sys.stderr)
        return 1
    if content.startswith('\ufeff'):
        err('meta.tsv', 'starts with a BOM')
        content = content[1:]
    if '\r' in content:
        err('meta.tsv', 'has CR characters: use LF line endings')
        content = content.replace('\r', '')
    lines = content.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if not lines or lines[0].split('\t') != HEADER:
        err('meta.tsv', 'header must be: ' + '\\t'.join(HEADER))
    seen = {}
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split('\t')
        if len(cells) != len(HEADER):
            err(f'meta.tsv line {n}', f'{len(cells)} cells, expected {len(HEADER)}')
            continue
        name = cells[0]
        if name in seen:
            err(f'meta.tsv line {n}', f'{name} already labelled on line {seen[name]}')
            continue
        seen[name] = n
        check_row(n, cells, docs)
    for name in docs:
        if name not in seen:
            err(name, 'not labelled in meta.tsv')

    for w in warnings:
        print('warning: ' + w)
    for e in errors:
        print(e)
    if errors:
        print(f'{half}: {len(errors)} problem(s)')
        return 1
    print(f'{half}: {len(seen)} rows, {len(docs)} files: OK')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
