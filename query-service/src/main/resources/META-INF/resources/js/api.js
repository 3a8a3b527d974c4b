// The query API client: every GET is conditional on the ETag of the last answer for the same URL,
// and a 304 hands back that answer's data unchanged.

const BASE = 'api/v1';
const KEY_STORAGE = 'newsflow.apiKey';
// URLs change with filters and time windows; the oldest remembered answers are dropped beyond this.
const MAX_REMEMBERED = 300;

const remembered = new Map();

/** Answers since the page loaded. */
export const traffic = { requests: 0, notModified: 0 };

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) || '';
}

/** Keeps the key for this tab only; answers fetched with another key are forgotten. */
export function setApiKey(key) {
  if (key) {
    sessionStorage.setItem(KEY_STORAGE, key);
  } else {
    sessionStorage.removeItem(KEY_STORAGE);
  }
  remembered.clear();
}

/** The path under /api/v1 with the non-empty parameters, in a stable order so equal queries share an ETag. */
export function url(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      query.set(name, value);
    }
  }
  const text = query.toString();
  return `${BASE}${path}${text ? `?${text}` : ''}`;
}

/** GETs JSON; resolves to {data, changed}, where changed is false when the server answered 304. */
export async function getJson(target) {
  const headers = { Accept: 'application/json' };
  const known = remembered.get(target);
  if (known) {
    headers['If-None-Match'] = known.etag;
  }
  const key = apiKey();
  if (key) {
    headers['X-API-Key'] = key;
  }
  let response;
  try {
    // no-store: the browser's cache must neither answer for the server nor turn its 304 into a 200.
    response = await fetch(target, { headers, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 'the query API cannot be reached');
  }
  traffic.requests++;
  if (response.status === 304 && known) {
    traffic.notModified++;
    // Refreshed, so the answers in use are the last to be dropped.
    remembered.delete(target);
    remembered.set(target, known);
    return { data: known.data, changed: false };
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemDetail(response));
  }
  const data = await response.json();
  const etag = response.headers.get('ETag');
  remembered.delete(target);
  if (etag) {
    remembered.set(target, { etag, data });
    if (remembered.size > MAX_REMEMBERED) {
      remembered.delete(remembered.keys().next().value);
    }
  }
  return { data, changed: true };
}

async function problemDetail(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}
