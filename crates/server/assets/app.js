// zhengce serve: the page's script. It reads the URL, asks the HTTP API (docs/http.md) and draws
// the view: search (/?q=), one document (/documents/ID), the laws table and chart (/laws?…), the
// documents citing a title (/cites?title=). Text from documents is only ever inserted as text
// (text nodes), never as markup. Links change the URL with history.pushState, so that every view
// can be shared and Back works.
'use strict';

const ACTIONS = [
  ['publicize', '宣传'],
  ['study', '学习'],
  ['implement', '落实'],
  ['formulate', '制定'],
  ['cite', '引用'],
];
const ACTION_NAMES = Object.fromEntries(ACTIONS);
const KINDS = [
  ['law', '法律'],
  ['administrative_regulation', '行政法规'],
  ['local_regulation', '地方性法规'],
  ['party_regulation', '党内法规'],
  ['judicial_interpretation', '司法解释'],
  ['departmental_rule', '部门规章'],
  ['normative_document', '规范性文件'],
  ['plan', '计划规划'],
  ['compilation', '汇编'],
  ['publication', '报刊书籍'],
  ['other', '其他'],
];
const KIND_NAMES = Object.fromEntries(KINDS);
// Facet key in the API, its label, and the query field that filters on it.
const FACETS = [
  ['year', '年份', 'year'],
  ['issuer', '发文机关', 'issuer'],
  ['region', '地区', 'region'],
  ['doc_type', '文种', 'type'],
];
const PAGE_SIZE = 10;
const FACET_SHOWN = 8;
const EXAMPLES = [
  ['科技 特派员', '同时包含两个词（可不相邻，相邻的排在前面）'],
  ['"法治政府建设"', '加引号：完全一致的一串字'],
  ['宪法 OR 民法典', '包含其中任意一个'],
  ['宣传 -草案', '包含“宣传”，但不含“草案”'],
  ['(宪法 OR 民法典) 宣传', '括号分组'],
  ['title:管理办法', '标题中含有“管理办法”'],
  ['year:2024', '2024 年的文件；year:2022..2024 为年份区间'],
  ['issuer:司法局', '发文机关含“司法局”；region:高台县 地区，type:通知 文种，doc:高科发〔2023〕12号 文号'],
  ['law:民法典', '引用了《民法典》（简称、全称、旧称都可以）'],
  ['law:宪法 action:study', '学习了宪法（action: publicize 宣传，study 学习，implement 落实，formulate 制定）'],
  ['action:publicize state:done year:2024', '2024 年已开展的普法宣传（state:planned 为计划开展）'],
];

const encoder = new TextEncoder();
const decoder = new TextDecoder();
// Each render gets a number; an answer arriving after the user moved on is dropped.
let generation = 0;

// ---- building the page: elements with text children only -------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    node.setAttribute(name, String(value));
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// The bytes [from, to) of `bytes` (UTF-8) as text nodes, with the byte ranges `marks` inside
// them wrapped in <mark>.
function marked(bytes, from, to, marks) {
  const out = [];
  let at = from;
  for (const [start, end] of marks) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e <= s || s < at) continue;
    if (s > at) out.push(document.createTextNode(decoder.decode(bytes.subarray(at, s))));
    out.push(el('mark', {}, decoder.decode(bytes.subarray(s, e))));
    at = e;
  }
  if (at < to) out.push(document.createTextNode(decoder.decode(bytes.subarray(at, to))));
  return out;
}

function markedText(text, marks) {
  const bytes = encoder.encode(text);
  return marked(bytes, 0, bytes.length, marks || []);
}

function select(name, options, value, label) {
  const node = el('select', { name, 'aria-label': label });
  for (const [v, text] of options) {
    node.append(el('option', { value: v, selected: v === value }, text));
  }
  return node;
}

function field(label, control) {
  return el('label', { class: 'field' }, el('span', {}, label), control);
}

function errorBox(error) {
  return el('div', { class: 'error', role: 'alert' },
    el('strong', {}, error.status === 400 ? '请求有误：' : '出错了：'),
    el('pre', {}, error.message));
}

function main() {
  const node = document.getElementById('main');
  node.replaceChildren();
  return node;
}

function url(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') query.set(k, v);
  }
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}

// ---- talking to the server --------------------------------------------------------------------

class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function api(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new ApiError(`服务器的回答无法读取（HTTP ${response.status}）`, response.status);
  }
  if (!response.ok) throw new ApiError(body.message || `HTTP ${response.status}`, response.status);
  return body;
}

// ---- routing -------------------------------------------------------------------------------------

function navigate(to) {
  if (to !== location.pathname + location.search) history.pushState(null, '', to);
  render();
  window.scrollTo(0, 0);
}

document.addEventListener('click', (event) => {
  const a = event.target.closest('a');
  if (!a || event.defaultPrevented || event.button !== 0) return;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  if (a.origin !== location.origin || a.hasAttribute('download') || a.dataset.local) return;
  if (a.pathname.startsWith('/api/')) return;
  event.preventDefault();
  navigate(a.pathname + a.search);
});

window.addEventListener('popstate', render);

function render() {
  const gen = ++generation;
  const path = location.pathname;
  let view = 'search';
  if (path === '/laws') view = 'laws';
  else if (path === '/cites') view = 'cites';
  else if (path.startsWith('/documents/')) view = 'document';
  else if (path !== '/') view = 'missing';
  for (const a of document.querySelectorAll('nav a')) {
    a.classList.toggle('active', a.dataset.view === view);
  }
  showStatus();
  const params = new URLSearchParams(location.search);
  if (view === 'search') searchView(gen, params);
  else if (view === 'laws') lawsView(gen, params);
  else if (view === 'cites') citesView(gen, params);
  else if (view === 'document') documentView(gen, decodeURIComponent(path.slice('/documents/'.length)), params);
  else missingView();
}

async function showStatus() {
  try {
    const status = await api('/api/status');
    document.getElementById('status').textContent = `已收录 ${status.documents} 份文件`;
  } catch (e) {
    document.getElementById('status').textContent = '';
  }
}

function missingView() {
  document.title = '未找到 · 政策文件检索';
  main().append(el('div', { class: 'empty' },
    el('h2', {}, '页面不存在'),
    el('p', {}, '这个地址没有内容。可以回到 ', el('a', { href: '/' }, '全文检索'), '。')));
}

// ---- search ------------------------------------------------------------------------------------

function searchUrl(q, sort, page) {
  return url('/', { q, sort: sort === 'date' ? 'date' : '', page: page > 1 ? page : '' });
}

// A query-language value in quotes that it does not contain (as the library prints values).
function quoted(value) {
  for (const [open, close] of [['"', '"'], ['「', '」'], ['『', '』']]) {
    if (!value.includes(close)) return open + value + close;
  }
  return '「' + value.replaceAll('」', '') + '」';
}

function facetClause(field, value) {
  return field === 'year' ? `year:${value}` : `${field}:${quoted(value)}`;
}

function hasClause(q, clause) {
  return ` ${q} `.includes(` ${clause} `);
}

function toggleClause(q, clause) {
  if (hasClause(q, clause)) return ` ${q} `.replace(` ${clause} `, ' ').trim();
  return `${q} ${clause}`.trim();
}

function searchForm(q, sort) {
  const input = el('input', {
    type: 'search', name: 'q', id: 'q', value: q, autocomplete: 'off', 'aria-label': '检索词',
    placeholder: '输入关键词，例如：科学技术进步法、"法治政府建设"、law:民法典 year:2024',
  });
  const sortSelect = select('sort', [['relevance', '按相关度'], ['date', '按日期（新的在前）']], sort, '排序');
  const form = el('form', { class: 'searchbar', id: 'search-form', role: 'search' },
    input, sortSelect, el('button', { type: 'submit' }, '检索'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(searchUrl(input.value.trim(), sortSelect.value, 1));
  });
  sortSelect.addEventListener('change', () => {
    if (input.value.trim()) navigate(searchUrl(input.value.trim(), sortSelect.value, 1));
  });
  return [form, helpPanel(input, form)];
}

function helpPanel(input, form) {
  const rows = EXAMPLES.map(([example, meaning]) => {
    const button = el('button', { type: 'button', class: 'example' }, example);
    button.addEventListener('click', () => {
      input.value = example;
      form.requestSubmit();
    });
    return el('tr', {}, el('td', {}, button), el('td', {}, meaning));
  });
  return el('details', { class: 'help', id: 'help' },
    el('summary', {}, '检索语法与示例'),
    el('p', {}, '空格分开的词都要出现；点击示例即可检索。全角半角、繁体简体、多余空格都不影响结果。'),
    el('table', {}, el('tbody', {}, rows)));
}

async function searchView(gen, params) {
  const q = (params.get('q') || '').trim();
  const sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  const page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
  document.title = q ? `${q} · 政策文件检索` : '政策文件检索';
  const root = main();
  root.append(...searchForm(q, sort));
  if (!q) {
    root.append(intro());
    document.getElementById('q').focus();
    return;
  }
  const results = el('div', { class: 'results', id: 'results' }, el('p', { class: 'loading' }, '正在检索…'));
  root.append(results);
  let data;
  try {
    data = await api(url('/api/search', {
      q, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, facets: 'true', passages: 2,
    }));
  } catch (error) {
    if (gen === generation) results.replaceChildren(errorBox(error));
    return;
  }
  if (gen !== generation) return;
  results.replaceChildren(facetsPanel(data.facets, q, sort), hitsPanel(data, q, sort, page));
}

function intro() {
  const examples = ['科学技术进步法', '"法治政府建设"', 'law:民法典 state:planned', 'title:管理办法'];
  return el('section', { class: 'intro' },
    el('h2', {}, '查找政策文件'),
    el('p', {}, '在上面的检索框输入关键词，按回车。结果按相关度排列，每条附有标题、日期、发文机关、文号、所在章节和命中段落。'),
    el('p', {}, '试试：', examples.map((q) => [el('a', { href: searchUrl(q, 'relevance', 1), class: 'chip' }, q), ' '])),
    el('h3', {}, '常见问题'),
    el('ul', {},
      el('li', {}, el('a', { href: url('/laws', { action: 'publicize', state: 'done' }) }, '各部门宣传了哪些法律法规？'), '（可按年份筛选，下载 CSV 用 Excel 打开）'),
      el('li', {}, el('a', { href: url('/laws', { state: 'planned' }) }, '下一步计划学习、宣传哪些法规？')),
      el('li', {}, el('a', { href: url('/cites', { title: '民法典' }) }, '哪些文件引用了《民法典》？'))));
}

function facetsPanel(facets, q, sort) {
  const panel = el('aside', { class: 'facets', id: 'facets', 'aria-label': '筛选' });
  if (!facets) return panel;
  for (const [key, label, field] of FACETS) {
    const counts = facets[key] || [];
    if (!counts.length) continue;
    const items = counts.map(({ value, count }) => {
      const clause = facetClause(field, value);
      const active = hasClause(q, clause);
      return el('li', {}, el('a', {
        class: active ? 'facet active' : 'facet',
        href: searchUrl(toggleClause(q, clause), sort, 1),
        title: active ? '取消这个筛选' : `只看${label}为“${value}”的文件`,
        'data-facet': field,
      }, el('span', { class: 'value' }, value), el('span', { class: 'count' }, count)));
    });
    const group = el('section', { class: 'facet-group' }, el('h3', {}, label));
    group.append(el('ul', {}, items.slice(0, FACET_SHOWN)));
    if (items.length > FACET_SHOWN) {
      group.append(el('details', {}, el('summary', {}, `其余 ${items.length - FACET_SHOWN} 项`),
        el('ul', {}, items.slice(FACET_SHOWN))));
    }
    panel.append(group);
  }
  return panel;
}

function hitsPanel(data, q, sort, page) {
  const { total, offset, returned } = data.summary;
  const closest = data.summary.closest || 0;
  const panel = el('section', { class: 'hits', id: 'hits' });
  if (total === 0 && closest === 0) {
    panel.append(el('div', { class: 'empty' },
      el('p', {}, '没有找到匹配的文件。'),
      el('p', {}, '可以减少检索词、去掉引号或筛选条件，或打开“检索语法与示例”。')));
    return panel;
  }
  const near = closest ? `，另有 ${closest} 份相近文件（缺少某个检索词，已标明）` : '';
  const summary = returned
    ? `共 ${total} 份文件${near}，第 ${offset + 1}–${offset + returned} 份`
    : `共 ${total} 份文件${near}，这一页没有结果`;
  panel.append(el('div', { class: 'summary' },
    el('span', { id: 'summary' }, summary),
    el('a', { href: url('/api/search.csv', { q, sort: sort === 'date' ? 'date' : '' }), download: 'search.csv', class: 'download' }, '导出 CSV')));
  for (const hit of data.hits) panel.append(hitView(hit, q));
  panel.append(pager(total + closest, page, (p) => searchUrl(q, sort, p)));
  return panel;
}

function metaLine(m) {
  const parts = [m.date || (m.year ? `${m.year}年` : null), m.issuer, m.doc_number, m.doc_type, m.region];
  return parts.filter(Boolean).join(' · ');
}

function hitView(hit, q) {
  const article = el('article', { class: 'hit' },
    el('h3', {}, el('a', { href: url(`/documents/${hit.id}`, { q }) }, hit.title || hit.path)),
    el('div', { class: 'meta' }, metaLine(hit)));
  if (hit.missing && hit.missing.length) {
    article.append(el('div', { class: 'missing' }, '缺少：' + hit.missing.join('、')));
  }
  for (const p of hit.passages) {
    if (p.section && p.section.length) {
      article.append(el('div', { class: 'section' }, '› ' + p.section.join(' › ')));
    }
    article.append(el('p', { class: 'passage' },
      p.cut_before ? '…' : '', markedText(p.text, p.highlights), p.cut_after ? '…' : ''));
  }
  article.append(el('div', { class: 'path' }, hit.path));
  return article;
}

function pager(total, page, link) {
  const pages = Math.ceil(total / PAGE_SIZE);
  const nav = el('nav', { class: 'pager', 'aria-label': '翻页' });
  if (pages <= 1) return nav;
  if (page > 1) nav.append(el('a', { href: link(page - 1), rel: 'prev' }, '上一页'));
  const first = Math.max(1, Math.min(page - 4, pages - 8));
  for (let p = first; p <= Math.min(pages, first + 8); p++) {
    nav.append(p === page
      ? el('span', { class: 'current', 'aria-current': 'page' }, p)
      : el('a', { href: link(p) }, p));
  }
  if (page < pages) nav.append(el('a', { href: link(page + 1), rel: 'next' }, '下一页'));
  return nav;
}

// ---- one document ------------------------------------------------------------------------------

async function documentView(gen, id, params) {
  const q = (params.get('q') || '').trim();
  const root = main();
  root.append(el('p', { class: 'back' }, q
    ? el('a', { href: searchUrl(q, 'relevance', 1) }, `← 返回“${q}”的检索结果`)
    : el('a', { href: '/' }, '← 全文检索')));
  const body = el('div', { id: 'document' }, el('p', { class: 'loading' }, '正在打开…'));
  root.append(body);
  let doc;
  try {
    doc = await api(url(`/api/documents/${encodeURIComponent(id)}`, { q }));
  } catch (error) {
    if (gen === generation) {
      body.replaceChildren(error.status === 404
        ? el('div', { class: 'empty' }, el('h2', {}, '没有这份文件'), el('p', {}, '它可能已被删除或改名。'))
        : errorBox(error));
    }
    return;
  }
  if (gen !== generation) return;
  document.title = `${doc.meta.title} · 政策文件检索`;
  body.replaceChildren(
    el('h2', { class: 'doc-title' }, doc.meta.title || doc.path),
    metaTable(doc),
    el('div', { class: 'doc-layout' },
      outlinePanel(doc),
      el('div', { class: 'doc-main' }, citationsPanel(doc), fullText(doc, q))));
}

function metaTable(doc) {
  const m = doc.meta;
  const rows = [
    ['日期', m.date], ['年份', m.year], ['发文机关', m.issuer], ['地区', m.region],
    ['文种', m.doc_type], ['文号', m.doc_number], ['文件', doc.path],
    ['编码', doc.encoding], ['字数', [...doc.text].length],
  ];
  return el('dl', { class: 'doc-meta', id: 'doc-meta' },
    rows.filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function outlinePanel(doc) {
  const panel = el('aside', { class: 'outline', id: 'outline', 'aria-label': '目录' }, el('h3', {}, '目录'));
  if (!doc.outline.length) {
    panel.append(el('p', { class: 'muted' }, '没有识别出标题层次。'));
    return panel;
  }
  const list = el('ol', {});
  doc.outline.forEach((h, i) => {
    const link = el('a', { href: `#h-${i}`, class: `level-${Math.min(h.level, 6)}`, 'data-local': '1' }, h.text);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const target = document.getElementById(`h-${i}`);
      if (target) target.scrollIntoView({ block: 'start' });
    });
    list.append(el('li', {}, link));
  });
  panel.append(list);
  return panel;
}

const SOURCE_NAMES = {
  clause: '所在分句', sentence: '所在句子', lead: '列表引语', table: '表格列',
  heading: '所属标题', genre: '文件类型', reference: '所指法规',
};
const MOOD_NAMES = {
  genre: '文种', section: '所在部分', sentence: '句中词语', basis: '随文件', default: '未说明，按已开展',
};

// Why a citation has its actions and state (its evidence): 「宣传」（所在分句） · 计划：「方案」（文种）.
function evidenceText(c, label = '依据：') {
  const e = c.evidence;
  if (!e) return '';
  const word = e.word ? `「${e.word}」（${SOURCE_NAMES[e.source] || e.source}）` : '无动词';
  const state = e.mood.planned ? '计划' : '已开展';
  const why = e.mood.word ? `「${e.mood.word}」（${MOOD_NAMES[e.mood.source] || e.mood.source}）` : `（${MOOD_NAMES[e.mood.source] || e.mood.source}）`;
  return `${label}${word} · ${state}：${why}`;
}

function citationsPanel(doc) {
  const explicit = doc.citations.filter((c) => !c.inferred);
  const section = el('section', { class: 'citations', id: 'citations' },
    el('h3', {}, `引用的法规文件（${explicit.length}）`));
  if (!explicit.length) {
    section.append(el('p', { class: 'muted' }, '没有带书名号的引用。'));
    return section;
  }
  const rows = explicit.map((c) => el('tr', {},
    el('td', {}, el('a', { href: url('/cites', { title: c.title }) }, `《${c.title}》`),
      c.version_note ? `（${c.version_note}）` : '', c.pin ? c.pin.text : ''),
    el('td', {}, KIND_NAMES[c.kind] || c.kind),
    el('td', {}, c.actions.map((a) => ACTION_NAMES[a] || a).join('、') || '—'),
    el('td', {}, el('span', { class: c.planned ? 'badge planned' : 'badge done' }, c.planned ? '计划' : '已开展')),
    el('td', { class: 'evidence' }, evidenceText(c, '')),
    el('td', {}, c.status === 'repealed'
      ? ['已废止', c.successors.length ? ` → ${c.successors.join('、')}` : '']
      : (c.status === 'valid' ? '有效' : ''))));
  section.append(el('table', { class: 'grid' },
    el('thead', {}, el('tr', {}, ['法规', '类别', '行为', '状态', '依据', '效力'].map((h) => el('th', {}, h)))),
    el('tbody', {}, rows)));
  return section;
}

function fullText(doc, q) {
  const bytes = encoder.encode(doc.text);
  const section = el('section', { class: 'fulltext-box' });
  const header = el('div', { class: 'fulltext-head' }, el('h3', {}, '全文'));
  if (q) {
    const n = doc.highlights.length;
    const count = el('span', { id: 'match-count' },
      n ? `“${q}”共 ${n}${doc.highlights_truncated ? '+' : ''} 处` : `全文中没有“${q}”的匹配`);
    header.append(count);
    if (n) {
      let at = -1;
      const next = el('button', { type: 'button', class: 'small' }, '下一处');
      next.addEventListener('click', () => {
        const marks = document.querySelectorAll('#fulltext mark');
        if (!marks.length) return;
        if (at >= 0 && marks[at]) marks[at].classList.remove('current');
        at = (at + 1) % marks.length;
        marks[at].classList.add('current');
        marks[at].scrollIntoView({ block: 'center' });
      });
      header.append(next);
    }
  }
  const text = el('div', { class: 'fulltext', id: 'fulltext' });
  // Cut the text at each heading, so that the outline can jump to it.
  const cuts = doc.outline.map((h, i) => [h.start, i]).filter(([s]) => s <= bytes.length);
  let at = 0;
  for (const [start, i] of cuts) {
    if (start < at) continue;
    text.append(...marked(bytes, at, start, doc.highlights));
    text.append(el('span', { id: `h-${i}`, class: 'anchor' }));
    at = start;
  }
  text.append(...marked(bytes, at, bytes.length, doc.highlights));
  section.append(header, text);
  return section;
}

// ---- laws --------------------------------------------------------------------------------------

const LAW_COLUMNS = [
  ['title', '法规名称', (r) => r.title],
  ['kind', '类别', (r) => KIND_NAMES[r.kind] || r.kind],
  ['documents', '文件数', (r) => r.documents],
  ['mentions', '次数', (r) => r.mentions],
  ...ACTIONS.map(([a, label]) => [a, label, (r) => r.actions[a] || 0]),
  ['done', '已开展', (r) => r.done],
  ['planned', '计划', (r) => r.planned],
  ['status', '效力', (r) => (r.status === 'repealed' ? '已废止' : r.status === 'valid' ? '有效' : '')],
];
const LAW_FILTERS = ['action', 'year', 'state', 'kind', 'issuer', 'q'];

function lawsForm(params) {
  const v = (name) => params.get(name) || '';
  const controls = {
    action: select('action', [['', '全部行为'], ...ACTIONS], v('action'), '行为'),
    year: el('input', { name: 'year', value: v('year'), placeholder: '如 2024 或 2022..2024', size: 14 }),
    state: select('state', [['', '全部'], ['done', '已开展'], ['planned', '计划开展']], v('state'), '状态'),
    kind: select('kind', [['', '全部类别'], ...KINDS], v('kind'), '类别'),
    issuer: el('input', { name: 'issuer', value: v('issuer'), placeholder: '如 司法局', size: 12 }),
    q: el('input', { name: 'q', value: v('q'), placeholder: '只统计匹配的文件', size: 16 }),
  };
  const form = el('form', { class: 'filters', id: 'laws-form' },
    field('行为', controls.action), field('年份', controls.year), field('状态', controls.state),
    field('类别', controls.kind), field('发文机关', controls.issuer), field('检索', controls.q),
    el('button', { type: 'submit' }, '统计'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = {};
    for (const name of LAW_FILTERS) next[name] = controls[name].value.trim();
    next.sort = params.get('sort') || '';
    next.dir = params.get('dir') || '';
    navigate(url('/laws', next));
  });
  for (const name of ['action', 'state', 'kind']) {
    controls[name].addEventListener('change', () => form.requestSubmit());
  }
  return form;
}

async function lawsView(gen, params) {
  document.title = '法规统计 · 政策文件检索';
  const root = main();
  root.append(el('h2', {}, '文件中引用了哪些法律法规'),
    el('p', { class: 'muted' }, '按行为（宣传、学习、落实、制定）、年份、已开展或计划筛选；点击表头排序；点击法规名称查看引用它的文件和原句。'),
    lawsForm(params));
  const box = el('div', { id: 'laws' }, el('p', { class: 'loading' }, '正在统计…'));
  root.append(box);
  const filters = {};
  for (const name of LAW_FILTERS) filters[name] = params.get(name) || '';
  let table;
  let byYear;
  try {
    [table, byYear] = await Promise.all([
      api(url('/api/laws', filters)),
      api(url('/api/laws', { ...filters, by: 'year' })),
    ]);
  } catch (error) {
    if (gen === generation) box.replaceChildren(errorBox(error));
    return;
  }
  if (gen !== generation) return;
  const rows = table.laws;
  const mentions = rows.reduce((n, r) => n + r.mentions, 0);
  box.replaceChildren(
    el('div', { class: 'summary' },
      el('span', { id: 'laws-summary' }, `共 ${rows.length} 部法规文件，${mentions} 次引用`),
      el('a', { href: url('/api/laws.csv', filters), download: 'laws.csv', class: 'download', id: 'laws-csv' }, '下载 CSV（Excel 可直接打开）')),
    chart(byYear.laws, filters.action),
    lawsTable(rows, params));
}

// Citations per year and action, as grouped bars (inline SVG).
function chart(rows, onlyAction) {
  const wanted = ACTIONS.find(([a, label]) => a === onlyAction || label === onlyAction);
  const actions = wanted ? [wanted] : ACTIONS;
  const totals = new Map();
  for (const row of rows) {
    const year = row.group || '?';
    if (!totals.has(year)) totals.set(year, Object.fromEntries(ACTIONS.map(([a]) => [a, 0])));
    const t = totals.get(year);
    for (const [a] of ACTIONS) t[a] += row.actions[a] || 0;
  }
  const years = [...totals.keys()].sort((x, y) => (x === '?') - (y === '?') || x.localeCompare(y));
  const figure = el('figure', { class: 'chart', id: 'chart' });
  figure.append(el('figcaption', {}, '各年度引用次数（按行为）'));
  const max = Math.max(0, ...years.flatMap((y) => actions.map(([a]) => totals.get(y)[a])));
  if (!years.length || max === 0) {
    figure.append(el('p', { class: 'muted' }, '没有可画的数据。'));
    return figure;
  }
  const barW = 14;
  const groupW = actions.length * barW + 18;
  const left = 44;
  const top = 12;
  const height = 180;
  const width = Math.max(360, left + years.length * groupW + 12);
  const scale = niceMax(max);
  const graphic = svg('svg', {
    viewBox: `0 0 ${width} ${height + 40}`, width, height: height + 40, role: 'img',
    'aria-label': '各年度引用次数柱状图',
  });
  for (let i = 0; i <= 4; i++) {
    const value = (scale * i) / 4;
    const y = top + height - (height * i) / 4;
    graphic.append(svg('line', { x1: left, x2: width - 4, y1: y, y2: y, class: 'gridline' }));
    graphic.append(svg('text', { x: left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, Math.round(value)));
  }
  years.forEach((year, i) => {
    const x0 = left + 10 + i * groupW;
    actions.forEach(([a, label], j) => {
      const value = totals.get(year)[a];
      const h = (height * value) / scale;
      const bar = svg('rect', {
        x: x0 + j * barW, y: top + height - h, width: barW - 2, height: Math.max(h, 0),
        class: `bar a-${a}`, 'data-year': year, 'data-action': a, 'data-value': value,
      });
      bar.append(svg('title', {}, `${year === '?' ? '年份不详' : year + '年'} ${label}：${value} 次`));
      graphic.append(bar);
    });
    graphic.append(svg('text', {
      x: x0 + (actions.length * barW) / 2, y: top + height + 16, class: 'tick', 'text-anchor': 'middle',
    }, year === '?' ? '不详' : year));
  });
  figure.append(graphic);
  figure.append(el('div', { class: 'legend' },
    actions.map(([a, label]) => el('span', {}, el('i', { class: `swatch a-${a}` }), label))));
  return figure;
}

function niceMax(max) {
  const step = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * step >= max) return m * step;
  }
  return 10 * step;
}

function lawsTable(rows, params) {
  if (!rows.length) {
    return el('div', { class: 'empty' }, el('p', {}, '没有符合条件的引用。可以放宽年份、行为或状态。'));
  }
  const sortKey = LAW_COLUMNS.some(([k]) => k === params.get('sort')) ? params.get('sort') : '';
  const dir = params.get('dir') === 'asc' ? 'asc' : 'desc';
  const sorted = [...rows];
  if (sortKey) {
    const value = LAW_COLUMNS.find(([k]) => k === sortKey)[2];
    sorted.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return dir === 'asc' ? c : -c;
    });
  }
  const head = LAW_COLUMNS.map(([key, label]) => {
    const active = key === sortKey;
    const nextDir = active && dir === 'desc' ? 'asc' : 'desc';
    const next = new URLSearchParams(params);
    next.set('sort', key);
    next.set('dir', nextDir);
    return el('th', { 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : null },
      el('a', { href: `/laws?${next}`, class: 'sort', 'data-sort': key },
        label, active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''));
  });
  const body = sorted.map((r) => el('tr', {}, LAW_COLUMNS.map(([key, , value]) => {
    if (key === 'title') {
      return el('td', { class: 'title' }, el('a', { href: url('/cites', { title: r.title }) }, r.title),
        r.successors.length ? el('span', { class: 'muted' }, ` → ${r.successors.join('、')}`) : '');
    }
    const v = value(r);
    return el('td', { class: typeof v === 'number' ? 'num' : '' }, v);
  })));
  return el('table', { class: 'grid laws', id: 'laws-table' },
    el('thead', {}, el('tr', {}, head)), el('tbody', {}, body));
}

// ---- cites -------------------------------------------------------------------------------------

async function citesView(gen, params) {
  const title = (params.get('title') || '').trim();
  document.title = title ? `引用《${title}》的文件 · 政策文件检索` : '引用查询 · 政策文件检索';
  const root = main();
  const input = el('input', {
    type: 'search', name: 'title', id: 'title', value: title, 'aria-label': '法规名称',
    placeholder: '法规名称，简称、全称、旧称都可以，如：民法典、科技进步法',
  });
  const form = el('form', { class: 'searchbar', id: 'cites-form' }, input, el('button', { type: 'submit' }, '查询'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(url('/cites', { title: input.value.trim() }));
  });
  root.append(el('h2', {}, '哪些文件引用了这部法规'), form);
  if (!title) return;
  const box = el('div', { id: 'cites' }, el('p', { class: 'loading' }, '正在查询…'));
  root.append(box);
  let data;
  try {
    data = await api(url('/api/cites', { title }));
  } catch (error) {
    if (gen === generation) box.replaceChildren(errorBox(error));
    return;
  }
  if (gen !== generation) return;
  const cites = data.cites;
  const documents = new Set(cites.map((c) => c.id)).size;
  box.replaceChildren(el('div', { class: 'summary' },
    el('span', { id: 'cites-summary' }, cites.length ? `${documents} 份文件，${cites.length} 处引用` : '没有文件引用它')));
  let last = null;
  let group = null;
  for (const c of cites) {
    if (c.id !== last) {
      last = c.id;
      group = el('article', { class: 'hit cite' },
        el('h3', {}, el('a', { href: url(`/documents/${c.id}`, { q: quoted(c.citation.raw.replace(/\s+/g, '')) }) }, c.document_title || c.path)),
        el('div', { class: 'meta' }, [c.year ? `${c.year}年` : null, c.path].filter(Boolean).join(' · ')));
      box.append(group);
    }
    const how = c.citation.actions.map((a) => ACTION_NAMES[a] || a).join('、');
    group.append(el('div', { class: 'cite-line' },
      el('span', { class: c.citation.planned ? 'badge planned' : 'badge done' }, c.citation.planned ? '计划' : '已开展'),
      how ? el('span', { class: 'badge action' }, how) : '',
      c.citation.inferred ? el('span', { class: 'badge muted' }, '未加书名号') : '',
      el('p', { class: 'passage' }, markedText(c.sentence, [c.highlight])),
      el('div', { class: 'evidence' }, evidenceText(c.citation))));
  }
}

render();
