import { clear, fmt, h, timeAgo } from './dom.js'
import { kindIcon, kindLabel, severityIcon, severityLabel } from './icons.js'

const RANK = { info: 0, warning: 1, critical: 2 }

/** Same order as the server: severity, then most recently updated, then id. */
export function compareSignals(a, b) {
  return (
    RANK[b.severity] - RANK[a.severity] ||
    Date.parse(b.updatedAt) - Date.parse(a.updatedAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/** Mirrors the server filter, so a signal that leaves the filter (say, resolves) leaves the list. */
export function matchesFilter(signal, filter) {
  if (filter.kind && !filter.kind.split(',').includes(signal.kind)) return false
  if (filter.severity && !filter.severity.split(',').includes(signal.severity)) return false
  if (filter.state && !filter.state.split(',').includes(signal.state)) return false
  if (filter.key && !signal.key.value.toLowerCase().includes(filter.key.toLowerCase())) return false
  if (filter.source) {
    const wanted = filter.source.toLowerCase()
    if (!signal.evidence.topSources.some((s) => s.value.toLowerCase() === wanted)) return false
  }
  return true
}

export const TRIAGE_TEXT = {
  acknowledged: (t) => `Acknowledged by ${t.by}`,
  assigned: (t) => `Assigned to ${t.assignee}`,
  resolved: (t) => `Resolved by ${t.by}`,
}

function item(signal, triage, selected, fresh) {
  const status = triage && TRIAGE_TEXT[triage.status]
  const e = signal.evidence
  return h(
    'li',
    { class: 'signal-row' },
    h(
      'button',
      {
        type: 'button',
        class: `signal-item sev-${signal.severity}${selected ? ' is-selected' : ''}${fresh ? ' is-fresh' : ''}${
          triage?.status === 'resolved' ? ' is-closed' : ''
        }`,
        'aria-current': selected ? 'true' : false,
        dataset: { id: signal.id, severity: signal.severity, kind: signal.kind },
      },
      h(
        'span',
        { class: `severity-pill sev-${signal.severity}` },
        severityIcon(signal.severity),
        severityLabel(signal.severity),
      ),
      h(
        'span',
        { class: 'signal-main' },
        h('span', { class: 'signal-title', text: signal.title }),
        h(
          'span',
          { class: 'signal-meta' },
          h('span', { class: 'kind-tag' }, kindIcon(signal.kind), kindLabel(signal.kind)),
          h('span', { text: `${signal.key.dimension}: ${signal.key.value}` }),
          h('span', { text: `${fmt(e.observed)} vs ${fmt(e.expected)} expected` }),
        ),
        status ? h('span', { class: `triage-tag triage-${triage.status}`, text: status(triage) }) : null,
      ),
      h(
        'span',
        { class: 'signal-side' },
        h('span', { class: `state-tag state-${signal.state}`, text: signal.state }),
        h('span', { class: 'muted', text: timeAgo(signal.updatedAt) }),
      ),
    ),
  )
}

/** Redraws the list, keeping keyboard focus on the same signal if it had it. */
export function renderList(ul, signals, { triage, selectedId, fresh }) {
  const focusedId = document.activeElement?.closest?.('.signal-item')?.dataset.id
  clear(ul)
  for (const s of signals) ul.append(item(s, triage.get(s.id), s.id === selectedId, fresh.has(s.id)))
  if (focusedId) ul.querySelector(`.signal-item[data-id="${CSS.escape(focusedId)}"]`)?.focus()
}

/** Arrow keys, Home and End move between list items; Enter and Space open one (native buttons). */
export function enableListKeys(ul) {
  ul.addEventListener('keydown', (event) => {
    const items = [...ul.querySelectorAll('.signal-item')]
    const at = items.indexOf(document.activeElement)
    if (at < 0) return
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key]
    if (to === undefined) return
    event.preventDefault()
    items[Math.max(0, Math.min(items.length - 1, to))]?.focus()
  })
}
