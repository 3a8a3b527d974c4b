// The volume timeline as plain SVG: one bar per bucket, or an area once bars would be thinner than a pixel or two.

import { formatNumber, s } from './dom.js';

const HEIGHT = 200;
const MARGIN = { top: 10, right: 8, bottom: 24, left: 40 };
const MAX_BARS = 240;
const STEP_MS = { '15m': 9e5, '1h': 36e5, '1d': 864e5, '1w': 6048e5 };

/** Draws the timeline answer into the container, as wide as the container is. */
export function drawTimeline(container, timeline) {
  const buckets = timeline.buckets || [];
  const width = widthFor(container);
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  const peak = buckets.reduce((max, b) => Math.max(max, b.count), 0);
  const top = niceCeiling(peak);
  const y = count => MARGIN.top + plotHeight - (count / top) * plotHeight;
  const slot = buckets.length ? plotWidth / buckets.length : plotWidth;

  const chart = s('svg', {
    viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', 'aria-label': describe(timeline, total, peak),
    dataset: { total: String(total), buckets: String(buckets.length), interval: timeline.interval || '' },
  });
  for (const value of [0, top / 2, top]) {
    chart.append(
      s('line', { class: 'grid', x1: MARGIN.left, x2: width - MARGIN.right, y1: y(value), y2: y(value) }),
      s('text', { class: 'axis-label', x: MARGIN.left - 6, y: y(value) + 4, 'text-anchor': 'end' }, formatNumber(value)));
  }
  if (buckets.length <= MAX_BARS) {
    const gap = slot > 4 ? Math.min(slot * 0.2, 6) : 0;
    buckets.forEach((bucket, i) => {
      if (bucket.count > 0) {
        chart.append(s('rect', {
          class: 'bar', x: MARGIN.left + i * slot + gap / 2, y: y(bucket.count),
          width: Math.max(slot - gap, 1), height: Math.max(y(0) - y(bucket.count), 1),
          dataset: { start: bucket.start, count: String(bucket.count) },
        }, s('title', {}, `${bucketLabel(bucket.start, timeline.interval)}: ${formatNumber(bucket.count)} articles`)));
      }
    });
  } else {
    const points = buckets.map((b, i) => `${MARGIN.left + (i + 0.5) * slot},${y(b.count)}`);
    chart.append(s('path', {
      class: 'area',
      d: `M${MARGIN.left + 0.5 * slot},${y(0)} L${points.join(' L')} L${MARGIN.left + (buckets.length - 0.5) * slot},${y(0)} Z`,
    }));
  }
  for (const i of tickIndexes(buckets.length, Math.max(2, Math.floor(plotWidth / 110)))) {
    chart.append(s('text', {
      class: 'axis-label', x: MARGIN.left + (i + 0.5) * slot, y: HEIGHT - 6, 'text-anchor': 'middle',
    }, tickLabel(buckets[i].start, timeline.interval)));
  }
  container.replaceChildren(chart);
}

/** Whether the chart drawn in the container still has the container's width. */
export function fitsWidth(container) {
  return container.firstElementChild?.viewBox?.baseVal.width === widthFor(container);
}

function widthFor(container) {
  return Math.max(container.clientWidth || 0, 240);
}

function describe(timeline, total, peak) {
  if (!timeline.buckets?.length) {
    return 'No articles in this time range';
  }
  return `${formatNumber(total)} articles from ${bucketLabel(timeline.from, timeline.interval)} to `
    + `${bucketLabel(timeline.to, timeline.interval)}, in ${timeline.interval} buckets; at most ${formatNumber(peak)} in one`;
}

/** 1, 2 or 5 times a power of ten, at least the peak (and at least 1, so an empty chart still has a scale). */
function niceCeiling(peak) {
  if (peak <= 1) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(peak));
  return [1, 2, 5, 10].map(f => f * power).find(v => v >= peak);
}

function tickIndexes(count, wanted) {
  if (count === 0) {
    return [];
  }
  const every = Math.max(1, Math.ceil(count / wanted));
  const ticks = [];
  for (let i = 0; i < count; i += every) {
    ticks.push(i);
  }
  return ticks;
}

const short = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function tickLabel(iso, interval) {
  const date = new Date(iso);
  return STEP_MS[interval] < STEP_MS['1d'] ? `${short.format(date)} ${timeOfDay.format(date)}` : short.format(date);
}

function bucketLabel(iso, interval) {
  const date = new Date(iso);
  return STEP_MS[interval] < STEP_MS['1d'] ? full.format(date) : short.format(date);
}
