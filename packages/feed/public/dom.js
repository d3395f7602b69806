// Tiny DOM helpers. User content only ever goes in as text (textContent), never as markup.

const SVG_NS = 'http://www.w3.org/2000/svg'

/**
 * Creates an element. `props`: `class`, `text`, `on<Event>` handlers, `dataset`, other keys as attributes
 * (`false`/`null` skips one). Children: nodes, or strings added as text nodes.
 */
export function h(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children)
}

export function svg(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children)
}

function build(el, props, children) {
  for (const [key, value] of Object.entries(props)) {
    if (value === false || value === null || value === undefined) continue
    if (key === 'class') el.setAttribute('class', value)
    else if (key === 'text') el.textContent = String(value)
    else if (key === 'dataset') Object.assign(el.dataset, value)
    else if (key.startsWith('on') && typeof value === 'function')
      el.addEventListener(key.slice(2).toLowerCase(), value)
    else if (key === 'style') throw new Error('inline styles are blocked by the CSP; use a class')
    else el.setAttribute(key, value === true ? '' : String(value))
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    el.append(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    )
  }
  return el
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove()
}

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 })
export const fmt = (n) => (Number.isFinite(n) ? numberFormat.format(n) : '–')

export function timeAgo(iso, now = Date.now()) {
  const seconds = Math.round((now - Date.parse(iso)) / 1000)
  if (!Number.isFinite(seconds)) return ''
  if (seconds < 45) return 'just now'
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`
  return `${Math.round(seconds / 86_400)} d ago`
}

export function clockTime(iso) {
  const d = new Date(iso)
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' })
}
