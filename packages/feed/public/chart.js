import { clockTime, fmt, h, svg } from './dom.js'

const W = 640
const H = 220
const PAD = { left: 44, right: 12, top: 12, bottom: 28 }

/**
 * The expected band (expected → upper bound) against the observed series, as inline SVG.
 * Observed points above the upper bound are drawn larger and red, so a spike is visible at a glance.
 */
export function seriesChart(series) {
  if (!Array.isArray(series) || series.length === 0) {
    return h('p', { class: 'muted chart-empty', text: 'No series data for this signal.' })
  }
  const points = series.filter((p) => Number.isFinite(p.observed) && Number.isFinite(p.expected))
  const top = niceMax(1.05 * Math.max(1, ...points.map((p) => Math.max(p.observed, p.upper, p.expected))))
  const innerW = W - PAD.left - PAD.right
  const innerH = H - PAD.top - PAD.bottom
  const x = (i) => PAD.left + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW)
  const y = (v) => PAD.top + innerH - (Math.max(0, v) / top) * innerH
  const line = (key) => points.map((p, i) => `${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ')

  const bandTop = points.map((p, i) => `${x(i).toFixed(1)},${y(Math.max(p.upper, p.expected)).toFixed(1)}`)
  const bandBottom = points.map((p, i) => `${x(i).toFixed(1)},${y(p.expected).toFixed(1)}`).reverse()
  const last = points[points.length - 1]
  const over = points.filter((p) => p.observed > p.upper).length
  const description =
    `Observed against expected over ${points.length} buckets; ${over} above the expected band. ` +
    `Latest: observed ${fmt(last.observed)}, expected ${fmt(last.expected)}, upper bound ${fmt(last.upper)}.`

  const grid = [0, 0.5, 1].map((f) => {
    const v = top * f
    return svg(
      'g',
      { class: 'chart-grid' },
      svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v) }),
      svg('text', { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end', text: fmt(v) }),
    )
  })
  const first = points[0]
  const chart = svg(
    'svg',
    {
      class: 'chart',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-label': description,
      'data-testid': 'series-chart',
    },
    svg('title', { text: description }),
    ...grid,
    svg('polygon', { class: 'chart-band', points: [...bandTop, ...bandBottom].join(' ') }),
    svg('polyline', { class: 'chart-expected', points: line('expected') }),
    svg('polyline', { class: 'chart-observed', points: line('observed') }),
    ...points.map((p, i) =>
      svg('circle', {
        class: p.observed > p.upper ? 'chart-point chart-point-over' : 'chart-point',
        cx: x(i),
        cy: y(p.observed),
        r: p.observed > p.upper ? 4.5 : 2.5,
      }),
    ),
    svg('text', { class: 'chart-axis', x: PAD.left, y: H - 8, text: clockTime(first.t) }),
    svg('text', {
      class: 'chart-axis',
      x: W - PAD.right,
      y: H - 8,
      'text-anchor': 'end',
      text: clockTime(last.t),
    }),
  )
  const legend = h(
    'ul',
    { class: 'chart-legend', 'aria-hidden': 'true' },
    h('li', {}, h('span', { class: 'swatch swatch-observed' }), 'Observed'),
    h('li', {}, h('span', { class: 'swatch swatch-expected' }), 'Expected'),
    h('li', {}, h('span', { class: 'swatch swatch-band' }), 'Expected band (to upper bound)'),
    h('li', {}, h('span', { class: 'swatch swatch-over' }), 'Above band'),
  )
  return h('figure', { class: 'chart-figure' }, chart, legend)
}

function niceMax(v) {
  const magnitude = 10 ** Math.floor(Math.log10(v))
  for (const step of [1, 2, 2.5, 5, 10]) if (v <= step * magnitude) return step * magnitude
  return 10 * magnitude
}
