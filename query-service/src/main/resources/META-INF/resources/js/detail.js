// One article in a dialog, its entity mentions marked at the offsets enrich stored.

import { getJson, url } from './api.js';
import { ENTITY_TYPES, formatTime, h, languageName, put, safeUrl } from './dom.js';

const ID = /^[0-9a-f]{32}$/;
const titles = new Map();

/** The title of an article, fetched once per page load (titles never change). */
export function titleOf(id) {
  if (!ID.test(id)) {
    return Promise.resolve(id);
  }
  if (!titles.has(id)) {
    titles.set(id, getJson(url(`/articles/${id}`)).then(({ data }) => data.title || '(untitled)', () => {
      titles.delete(id);
      return id;
    }));
  }
  return titles.get(id);
}

/** A button naming the article by its title once known; opens it. */
export function articleLink(id, open) {
  const button = h('button', { type: 'button', class: 'article-title', onclick: () => open(id) }, id.slice(0, 8) + '…');
  titleOf(id).then(title => put(button, title));
  return button;
}

/**
 * Splits `text` (positions `offset` to `offset + text.length` of the analysed text) into text nodes
 * and <mark>s for the spans inside it. Spans that overlap an earlier one or fall outside the text are
 * left out rather than guessed at.
 */
export function marked(text, offset, spans) {
  const nodes = [];
  let at = 0;
  for (const span of spans) {
    const start = span.start - offset;
    const end = span.end - offset;
    if (start < at || end > text.length || end <= start) {
      continue;
    }
    if (start > at) {
      nodes.push(text.slice(at, start));
    }
    nodes.push(h('mark', {
      class: span.entity.type, title: `${span.entity.name} (${ENTITY_TYPES[span.entity.type] || span.entity.type})`,
      dataset: { entity: span.entity.id },
    }, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) {
    nodes.push(text.slice(at));
  }
  return nodes;
}

/** Every mention of every entity, in text order (longer first where two start together). */
function allSpans(entities) {
  return entities.flatMap(entity => (entity.spans || []).map(span => ({ start: span.start, end: span.end, entity })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

export class ArticleDialog {

  /** `onEntity(entity)` and `onTheme(code)` set a filter of the article list. */
  constructor(dialog, { onEntity, onTheme }) {
    this.dialog = dialog;
    this.title = dialog.querySelector('#detail-title');
    this.content = dialog.querySelector('#detail-content');
    this.onEntity = onEntity;
    this.onTheme = onTheme;
    this.shown = null;
  }

  async open(id) {
    if (!ID.test(id)) {
      return;
    }
    this.shown = id;
    put(this.title, 'Loading…');
    put(this.content);
    if (!this.dialog.open) {
      this.dialog.showModal();
    }
    try {
      const { data } = await getJson(url(`/articles/${id}`));
      if (this.shown === id) {
        this.render(data);
      }
    } catch (e) {
      put(this.title, 'This article could not be loaded');
      put(this.content, h('p', { class: 'note' }, e.message));
    }
  }

  render(article) {
    this.dialog.dataset.article = article.id;
    const spans = allSpans(article.entities);
    // Offsets index title + "\n" + cleanBody (cleanBody alone without a title); without a cleanBody there is nothing to mark.
    const analysed = article.cleanBody !== null && article.cleanBody !== undefined;
    const title = article.title || '(untitled)';
    const bodyOffset = article.title === null || article.title === undefined ? 0 : article.title.length + 1;
    put(this.title, analysed && article.title ? marked(article.title, 0, spans) : title);

    const link = article.url && safeUrl(article.url) ? h('a', { href: article.url, rel: 'noopener noreferrer', target: '_blank' }, 'original') : null;
    const parts = [
      h('p', { class: 'meta' },
        h('span', {}, article.source || 'unknown source'),
        article.author ? h('span', {}, article.author) : null,
        h('span', { title: article.publishedAt ? 'published' : 'ingested (no publication time)' },
          formatTime(article.publishedAt || article.ingestedAt)),
        h('span', { title: `detected with confidence ${Math.round(article.languageConfidence * 100)} %` },
          languageName(article.language)),
        link ? h('span', {}, link) : null),
    ];
    if (article.duplicateOf) {
      parts.push(h('p', { class: 'note' }, 'Near-duplicate of ', articleLink(article.duplicateOf, id => this.open(id)), '.'));
    }
    if (article.themes.length) {
      parts.push(h('h3', {}, 'Themes'), h('div', { class: 'chips' }, article.themes.map(t => h('button', {
        type: 'button', class: 'chip theme', title: `score ${t.score.toFixed(1)}; show articles with this theme`,
        onclick: () => this.pick(() => this.onTheme(t.theme)),
      }, t.theme))));
    }
    if (article.entities.length) {
      parts.push(h('h3', {}, 'Entities'), h('div', { class: 'chips legend' }, article.entities.map(e => h('button', {
        type: 'button', class: `chip ${e.type}`, title: `${ENTITY_TYPES[e.type] || e.type}; show articles that mention it`,
        onclick: () => this.pick(() => this.onEntity(e)),
      }, `${e.name} × ${e.mentions}`))));
    }
    parts.push(h('h3', {}, 'Text'));
    if (analysed) {
      parts.push(h('p', { class: 'body', id: 'detail-body' }, marked(article.cleanBody, bodyOffset, spans)));
      if (article.cleanBody !== article.body) {
        parts.push(h('details', {}, h('summary', { class: 'note' }, 'Shown as analysed (normalized, trailing teasers cut); the text as received'),
          h('p', { class: 'body' }, article.body)));
      }
    } else {
      parts.push(h('p', { class: 'note' }, 'Stored before mention positions were kept: the text as received, unmarked.'),
        h('p', { class: 'body', id: 'detail-body' }, article.body));
    }
    if (article.nearDuplicates.length) {
      parts.push(h('h3', {}, 'Near-duplicates'), h('ul', { class: 'near' }, article.nearDuplicates.map(d => h('li', {},
        articleLink(d.id, id => this.open(id)), h('span', { class: 'similarity' }, `${Math.round(d.similarity * 100)} % similar`)))));
    }
    put(this.content, parts);
  }

  pick(action) {
    this.dialog.close();
    action();
  }
}
