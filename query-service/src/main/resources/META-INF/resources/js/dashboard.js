// The dashboard: panels over the query API, polled with ETags every few seconds.

import { ApiError, apiKey, getJson, setApiKey, traffic, url } from './api.js';
import { drawTimeline, fitsWidth } from './charts.js';
import { ArticleDialog, articleLink } from './detail.js';
import { ENTITY_TYPES, formatClock, formatNumber, formatTime, h, languageName, put } from './dom.js';

const POLL_MS = 5000;
const PAGE = 25;
const TOP = 10;
// Each range's window ends at the end of the current bucket of the interval the API picks for it, so
// the URL (and with it the ETag) stays the same from one poll to the next until a bucket ends.
const RANGES = {
  '24h': { span: 864e5, step: 9e5 },
  '7d': { span: 6048e5, step: 36e5 },
  '30d': { span: 2592e6, step: 864e5 },
};

const $ = id => document.getElementById(id);

const state = {
  range: 'all',
  filters: { q: '', language: '', theme: '', entity: '', source: '' },
  // Entity names seen anywhere, so the entity filter can name what a click chose.
  entityNames: new Map(),
  lists: {},
  olderCursor: null,
  // When enrichment last changed anything the API answers (/stats), as the server says.
  dataChangedAt: null,
  // The largest backlog seen since work became pending: the progress bar's whole.
  backlogPeak: 0,
};

function timeWindow() {
  const range = RANGES[state.range];
  if (!range) {
    return {};
  }
  const end = Math.floor(Date.now() / range.step) * range.step + range.step;
  return { from: new Date(end - range.span).toISOString(), to: new Date(end).toISOString() };
}

const dialog = new ArticleDialog($('detail'), {
  onEntity: entity => setFilter('entity', entity.id, entity.name),
  onTheme: code => setFilter('theme', code),
});
const open = id => dialog.open(id);

/** A panel: the URL it reads now, and how it shows the answer. */
const panels = [
  {
    url: () => url('/stats'),
    render: stats => {
      put($('stat-articles'), formatNumber(stats.articles));
      put($('stat-duplicates'), formatNumber(stats.duplicatesDropped));
      put($('stat-near'), formatNumber(stats.nearDuplicates));
      put($('stat-languages'), formatNumber(stats.languages));
      put($('stat-entities'), formatNumber(stats.entities));
      state.dataChangedAt = stats.dataChangedAt;
      put($('status-ingested'), stats.lastIngestedAt ? `Last article ingested ${formatTime(stats.lastIngestedAt)}` : 'No articles yet');
      renderPipeline(stats.pipeline);
    },
  },
  {
    url: () => url('/timeline', timeWindow()),
    render: timeline => {
      state.timeline = timeline;
      drawTimeline($('timeline'), timeline);
      put($('timeline-note'), timeline.buckets.length ? `${timeline.interval} buckets (auto)` : 'no articles in this range');
    },
  },
  ranking('languages', 'Languages', '/languages', {},
    l => ({ key: l.language, label: languageName(l.language), filter: 'language' })),
  ranking('people', 'People', '/entities/top', { type: 'PERSON' }, entityEntry),
  ranking('organizations', 'Organizations', '/entities/top', { type: 'ORGANIZATION' }, entityEntry),
  ranking('places', 'Places', '/entities/top', { type: 'LOCATION' }, entityEntry),
  ranking('themes', 'Top themes', '/themes/top', {}, t => ({ key: t.theme, label: t.theme, filter: 'theme' })),
  ranking('sources', 'Top sources', '/sources/top', {}, s => ({ key: s.source, label: s.source, filter: 'source' })),
  {
    url: () => url('/articles', { ...timeWindow(), ...state.filters, limit: PAGE }),
    render: page => renderArticles(page),
  },
  {
    url: () => url('/duplicates', { ...timeWindow(), limit: 8 }),
    render: clusters => renderClusters(clusters),
  },
];

/** The strip under the totals: files waiting → articles in Kafka → stored per second, time left, what went wrong. */
function renderPipeline(p) {
  const strip = $('pipeline');
  if (!p) {
    strip.dataset.state = 'unknown';
    return;
  }
  const count = n => (n === null || n === undefined ? '?' : formatNumber(n));
  put($('pipe-files'), count(p.filesWaiting));
  put($('pipe-kafka'), count(p.articlesWaiting));
  put($('pipe-rate'), p.articlesPerSecond === null || p.articlesPerSecond === undefined ? '?' : p.articlesPerSecond.toFixed(1));
  const pending = p.pending ?? 0;
  const bar = $('pipe-progress');
  if (pending > 0) {
    state.backlogPeak = Math.max(state.backlogPeak, pending);
    bar.value = Math.round(100 * (1 - pending / state.backlogPeak));
    bar.hidden = false;
    put($('pipe-left'), p.secondsLeft === null ? `${formatNumber(pending)} pending` : `${formatNumber(pending)} pending, about ${duration(p.secondsLeft)} left`);
  } else {
    state.backlogPeak = 0;
    bar.hidden = true;
    put($('pipe-left'), 'nothing pending');
  }
  strip.dataset.state = pending > 0 ? 'working' : 'idle';
  strip.dataset.pending = String(pending);
  const extra = [];
  if (p.deadLettered) {
    extra.push(`${formatNumber(p.deadLettered)} dead-lettered`);
  }
  if (p.filesFailed) {
    extra.push(`${formatNumber(p.filesFailed)} failed files`);
  }
  for (const error of [p.inboxError, p.kafkaError]) {
    if (error) {
      extra.push(error);
    }
  }
  put($('pipe-extra'), extra.join(' · '));
}

function duration(seconds) {
  if (seconds < 60) {
    return `${seconds} s`;
  }
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  }
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

function entityEntry(e) {
  state.entityNames.set(e.id, e.name);
  return { key: e.id, label: e.name, filter: 'entity' };
}

/** A top list, in a panel of its own, whose entries set a filter of the article list when clicked. */
function ranking(id, title, path, params, entry) {
  $('duplicates-panel').before(h('section', { class: 'panel', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title), h('ol', { class: 'ranking', id })));
  return {
    url: () => url(path, { ...timeWindow(), ...params, limit: TOP }),
    render: rows => {
      state.lists[id] = rows.map(row => ({ ...entry(row), articles: row.articles }));
      drawRanking(id);
      refreshFilterOptions();
    },
  };
}

function drawRanking(id) {
  const rows = state.lists[id] || [];
  const most = rows.reduce((max, r) => Math.max(max, r.articles), 1);
  put($(id), rows.length ? rows.map(r => {
    const selected = state.filters[r.filter] === r.key;
    const fill = h('span', { class: 'fill' });
    fill.style.width = `${(r.articles / most) * 100}%`;
    return h('li', {}, h('button', {
      type: 'button', class: selected ? 'selected' : null, 'aria-pressed': String(selected), dataset: { key: r.key },
      title: `${r.label}: ${r.articles} articles. Click to ${selected ? 'clear this filter' : 'show only these articles'}`,
      onclick: () => setFilter(r.filter, selected ? '' : r.key, r.label),
    }, fill, h('span', { class: 'name' }, r.label), h('span', { class: 'count' }, formatNumber(r.articles))));
  }) : h('li', { class: 'empty' }, 'Nothing in this range'));
}

function renderArticles(page) {
  state.olderCursor = page.nextCursor;
  $('articles-more').hidden = !page.nextCursor;
  const filtered = Object.values(state.filters).some(Boolean);
  put($('articles-note'), filtered ? 'filtered' : 'newest stored first');
  put($('articles'), page.items.length ? page.items.map(articleItem) : h('li', { class: 'empty' }, 'No articles match.'));
}

function articleItem(a) {
  a.entities.forEach(e => state.entityNames.set(e.id, e.name));
  return h('li', { dataset: { id: a.id } },
    h('button', { type: 'button', class: 'article-title', onclick: () => open(a.id) }, a.title || '(untitled)'),
    h('div', { class: 'meta' },
      h('span', {}, a.source || 'unknown source'),
      h('span', { title: a.publishedAt ? 'published' : 'ingested' }, formatTime(a.publishedAt || a.ingestedAt)),
      h('span', {}, languageName(a.language)),
      a.duplicateOf ? h('span', { class: 'badge' }, 'near-duplicate') : null),
    a.themes.length || a.entities.length ? h('div', { class: 'chips' },
      a.themes.map(code => h('button', { type: 'button', class: 'chip theme', onclick: () => setFilter('theme', code) }, code)),
      a.entities.slice(0, 8).map(e => h('button', {
        type: 'button', class: `chip ${e.type}`, title: ENTITY_TYPES[e.type] || e.type,
        onclick: () => setFilter('entity', e.id, e.name),
      }, e.name))) : null);
}

async function loadOlder() {
  if (!state.olderCursor) {
    return;
  }
  try {
    const { data } = await getJson(url('/articles', { ...timeWindow(), ...state.filters, limit: PAGE, cursor: state.olderCursor }));
    state.olderCursor = data.nextCursor;
    $('articles-more').hidden = !data.nextCursor;
    $('articles').append(...data.items.map(articleItem));
  } catch (e) {
    showProblem(e);
  }
}

function renderClusters(clusters) {
  put($('duplicates'), clusters.length ? clusters.map(c => h('li', {},
    h('div', { class: 'meta' }, h('span', {}, `${c.size} articles`), h('span', {}, `cluster ${c.clusterId}`)),
    h('ol', {}, c.members.slice(0, 6).map(m => h('li', {},
      articleLink(m.id, open),
      m.id === c.canonicalId ? h('span', { class: 'similarity' }, 'first seen')
        : h('span', { class: 'similarity' }, `${Math.round(m.similarity * 100)} %`)))),
    c.members.length > 6 ? h('p', { class: 'note' }, `and ${c.members.length - 6} more`) : null))
    : h('li', { class: 'empty' }, 'No near-duplicates in this range'));
}

// Filters of the article list

const selects = {
  language: $('filter-language'), theme: $('filter-theme'), entity: $('filter-entity'), source: $('filter-source'),
};

function refreshFilterOptions() {
  fillSelect(selects.language, 'language', [{ rows: state.lists.languages }]);
  fillSelect(selects.theme, 'theme', [{ rows: state.lists.themes }]);
  fillSelect(selects.source, 'source', [{ rows: state.lists.sources }]);
  fillSelect(selects.entity, 'entity', [
    { label: 'People', rows: state.lists.people },
    { label: 'Organizations', rows: state.lists.organizations },
    { label: 'Places', rows: state.lists.places },
  ]);
}

function fillSelect(select, filter, groups) {
  const chosen = state.filters[filter];
  const options = [h('option', { value: '' }, 'All')];
  let present = false;
  for (const group of groups) {
    const rows = (group.rows || []).map(r => {
      present ||= r.key === chosen;
      return h('option', { value: r.key }, r.label);
    });
    if (rows.length) {
      options.push(group.label ? h('optgroup', { label: group.label }, rows) : rows);
    }
  }
  if (chosen && !present) {
    const label = filter === 'entity' ? state.entityNames.get(chosen) || chosen
      : filter === 'language' ? languageName(chosen) : chosen;
    options.push(h('option', { value: chosen }, label));
  }
  put(select, options);
  select.value = chosen;
}

function setFilter(name, value, label) {
  if (name === 'entity' && label) {
    state.entityNames.set(value, label);
  }
  state.filters[name] = value || '';
  refreshFilterOptions();
  Object.keys(state.lists).forEach(drawRanking);
  refresh();
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  $('articles-panel').scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
}

for (const [name, select] of Object.entries(selects)) {
  select.addEventListener('change', () => {
    state.filters[name] = select.value;
    Object.keys(state.lists).forEach(drawRanking);
    refresh();
  });
}

let typing = null;
$('search').addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    state.filters.q = $('search').value.trim();
    refresh();
  }, 300);
});
$('filters').addEventListener('submit', event => {
  event.preventDefault();
  clearTimeout(typing);
  state.filters.q = $('search').value.trim();
  refresh();
});
$('filters-clear').addEventListener('click', () => {
  $('search').value = '';
  Object.keys(state.filters).forEach(k => { state.filters[k] = ''; });
  refreshFilterOptions();
  Object.keys(state.lists).forEach(drawRanking);
  refresh();
});
$('articles-more').addEventListener('click', loadOlder);

// Time range

for (const button of document.querySelectorAll('.range button')) {
  button.addEventListener('click', () => {
    state.range = button.dataset.range;
    document.querySelectorAll('.range button')
      .forEach(b => b.setAttribute('aria-pressed', String(b === button)));
    refresh();
  });
}

// API key

const keyBox = $('key');
function showKeyState() {
  keyBox.dataset.set = String(Boolean(apiKey()));
}
$('key-form').addEventListener('submit', event => {
  event.preventDefault();
  setApiKey($('key-input').value.trim());
  $('key-input').value = '';
  keyBox.open = false;
  showKeyState();
  refresh();
});
$('key-forget').addEventListener('click', () => {
  setApiKey('');
  $('key-input').value = '';
  showKeyState();
  refresh();
});

// Polling

const status = $('status');
let timer = null;
// Polls run one after another; requests made while one waits to start join it.
let running = Promise.resolve();
let queued = false;

function showProblem(error) {
  const banner = $('banner');
  if (!error) {
    banner.hidden = true;
    put(banner);
    $('main').classList.remove('stale');
    return;
  }
  banner.hidden = false;
  $('main').classList.add('stale');
  if (error instanceof ApiError && error.status === 401) {
    put(banner, 'The query API needs a key (NEWSFLOW_QUERY_API_KEY is set on the server): enter it under “API key”.');
    keyBox.open = true;
  } else if (error instanceof ApiError && error.status === 0) {
    put(banner, `The query API cannot be reached. Showing the last data received; retrying every ${POLL_MS / 1000} s.`);
  } else {
    put(banner, `The query API answered with an error${error.status ? ` (HTTP ${error.status})` : ''}: ${error.message}`);
  }
}

/** Polls every panel once, soon; each shows a new answer only when the API's answer changed. */
function refresh() {
  clearTimeout(timer);
  if (queued) {
    return running;
  }
  queued = true;
  running = running.then(() => {
    queued = false;
    return poll();
  }).finally(() => {
    clearTimeout(timer);
    timer = setTimeout(refresh, POLL_MS);
  });
  return running;
}

/** The time alone when it was today, else date and time. */
function changedAtText(iso) {
  const at = new Date(iso);
  return at.toDateString() === new Date().toDateString() ? formatClock(at) : formatTime(iso);
}

async function poll() {
  if (document.hidden) {
    return;
  }
  const results = await Promise.allSettled(panels.map(async panel => {
    const target = panel.url();
    const { data, changed } = await getJson(target);
    if (changed || panel.shown !== target) {
      panel.shown = target;
      panel.render(data);
    }
  }));
  const failure = results.find(r => r.status === 'rejected');
  if (failure && !(failure.reason instanceof ApiError)) {
    console.error(failure.reason);
  }
  showProblem(failure?.reason || null);
  status.dataset.state = failure ? 'error' : 'ok';
  put($('status-text'), failure ? `Failed at ${formatClock(new Date())}`
    : `Checked ${formatClock(new Date())}`);
  put($('traffic'), `: ${formatNumber(traffic.requests)} requests since the page loaded, `
    + `${formatNumber(traffic.notModified)} answered 304 Not Modified`);
  const changed = $('status-changed');
  put(changed, state.dataChangedAt ? `Data last changed ${changedAtText(state.dataChangedAt)}` : '');
  changed.dataset.changedAt = state.dataChangedAt || '';
}

document.addEventListener('visibilitychange', () => {
  if (!document.hidden) {
    refresh();
  }
});

let resizing = null;
new ResizeObserver(() => {
  clearTimeout(resizing);
  resizing = setTimeout(() => {
    if (state.timeline && !fitsWidth($('timeline'))) {
      drawTimeline($('timeline'), state.timeline);
    }
  }, 100);
}).observe($('timeline'));

showKeyState();
refresh();
