// Builds the page's DOM. Data only ever becomes text nodes or single attribute values, never markup:
// an article titled "<script>…" is shown as those characters and never parsed.

const SVG = 'http://www.w3.org/2000/svg';

/**
 * An element: attributes from `attrs` ("class", "dataset" {…}, "onclick" functions as listeners,
 * everything else via setAttribute), then the children (strings become text nodes; null is skipped).
 */
export function h(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** The same for SVG elements. */
export function s(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG, tag), attrs, children);
}

function fill(el, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name.startsWith('on')) {
      if (typeof value !== 'function') {
        throw new TypeError(`${name} must be a function`);
      }
      el.addEventListener(name.slice(2), value);
    } else if ((name === 'href' || name === 'src') && safeUrl(value) === null) {
      throw new TypeError(`${name} must be an http(s) or relative URL`);
    } else {
      el.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

/** Replaces the element's children with these. */
export function put(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** The URL if it is http(s) or relative to this page, else null: a stored "javascript:" URL is never linked. */
export function safeUrl(value) {
  try {
    const url = new URL(String(value), document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? String(value) : null;
  } catch {
    return null;
  }
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
});
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const numbers = new Intl.NumberFormat();
let languageNames = null;
try {
  languageNames = new Intl.DisplayNames(undefined, { type: 'language' });
} catch {
  // Older browsers: codes are shown as they are.
}

export function formatTime(iso) {
  return iso ? dateTime.format(new Date(iso)) : '–';
}

export function formatClock(date) {
  return clock.format(date);
}

export function formatNumber(n) {
  return numbers.format(n);
}

/** "Korean (ko)"; "und" is the detector's "could not tell". */
export function languageName(code) {
  if (!code) {
    return '–';
  }
  if (code === 'und') {
    return 'Undetermined (und)';
  }
  try {
    const name = languageNames?.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export const ENTITY_TYPES = { PERSON: 'person', ORGANIZATION: 'organization', LOCATION: 'place' };
