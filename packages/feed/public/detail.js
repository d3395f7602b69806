import { seriesChart } from './chart.js'
import { clear, clockTime, fmt, h } from './dom.js'
import { kindIcon, kindLabel, severityIcon, severityLabel } from './icons.js'
import { TRIAGE_TEXT } from './list.js'

const ACTIONS = [
  { action: 'acknowledge', label: 'Acknowledge', done: 'Acknowledged' },
  { action: 'assign', label: 'Assign', done: 'Assigned' },
  { action: 'resolve', label: 'Resolve', done: 'Resolved' },
  { action: 'note', label: 'Add note', done: 'Note added' },
]
const AUDIT_VERB = { acknowledge: 'Acknowledged', assign: 'Assigned', resolve: 'Resolved', note: 'Note' }

function amplificationText(a) {
  const label = a < 0.3 ? 'organic' : a < 0.7 ? 'mixed' : 'looks coordinated'
  return `${Math.round(a * 100)}% (${label})`
}

function ranked(title, rows, testId) {
  const max = Math.max(1, ...rows.map((r) => r.count))
  return h(
    'section',
    { class: 'ranked', 'data-testid': testId },
    h('h4', { text: title }),
    rows.length === 0
      ? h('p', { class: 'muted', text: 'None recorded.' })
      : h(
          'ol',
          {},
          rows.map((r) => {
            const bar = h('span', { class: 'bar' })
            bar.style.setProperty('--share', `${Math.round((r.count / max) * 100)}%`)
            return h(
              'li',
              {},
              h('span', { class: 'ranked-value', text: r.value }),
              h('span', { class: 'ranked-count', text: fmt(r.count) }),
              bar,
            )
          }),
        ),
  )
}

function evidence(signal) {
  const e = signal.evidence
  const rows = [
    ['Observed', `${fmt(e.observed)} mentions`],
    ['Expected', `${fmt(e.expected)} (×${fmt(e.ratio)})`],
    ['Unique authors', fmt(e.uniqueAuthors)],
    ['Amplification', amplificationText(e.amplification ?? 0)],
    ...(typeof e.negativeShare === 'number'
      ? [['Negative share', `${Math.round(e.negativeShare * 100)}%`]]
      : []),
    ['Score', fmt(signal.score * 100)],
    ['First seen', clockTime(e.firstSeen)],
    ['Updated', clockTime(signal.updatedAt)],
  ]
  return h(
    'section',
    { class: 'evidence', 'aria-labelledby': 'evidence-title' },
    h('h3', { id: 'evidence-title', text: 'Evidence' }),
    h(
      'dl',
      { class: 'evidence-grid', 'data-testid': 'evidence' },
      rows.map(([k, v]) => h('div', {}, h('dt', { text: k }), h('dd', { text: v }))),
    ),
    h(
      'div',
      { class: 'ranked-pair' },
      ranked('Top terms', e.topTerms, 'top-terms'),
      ranked('Top sources', e.topSources, 'top-sources'),
    ),
  )
}

function samples(signal) {
  const texts = signal.evidence.sampleTexts
  return h(
    'section',
    { class: 'samples', 'aria-labelledby': 'samples-title' },
    h('h3', { id: 'samples-title', text: 'Sample posts' }),
    h('p', {
      class: 'muted small',
      text: 'Personal health information is redacted before posts reach this page.',
    }),
    texts.length === 0
      ? h('p', { class: 'muted', text: 'No samples.' })
      : h(
          'ul',
          { class: 'sample-list', 'data-testid': 'samples' },
          texts.map((t) => h('li', {}, h('blockquote', { text: t }))),
        ),
  )
}

function history(revisions, audit) {
  const rows = [
    ...revisions.map((r) => ({
      at: r.updatedAt,
      kind: 'revision',
      text: `Revision ${r.revision}: ${r.state}, ${r.severity}, ${fmt(r.evidence.observed)} vs ${fmt(r.evidence.expected)} expected`,
    })),
    ...audit.map((a) => ({
      at: a.at,
      kind: `audit audit-${a.action}`,
      text: `${AUDIT_VERB[a.action] ?? a.action} by ${a.actor}${a.assignee ? ` → ${a.assignee}` : ''} (rev ${a.revision})`,
      note: a.note,
    })),
  ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  return h(
    'section',
    { class: 'history', 'aria-labelledby': 'history-title' },
    h('h3', { id: 'history-title', text: 'History' }),
    h(
      'ol',
      { class: 'timeline', 'data-testid': 'history' },
      rows.map((r) =>
        h(
          'li',
          { class: `timeline-item ${r.kind}` },
          h('time', { datetime: r.at, text: clockTime(r.at) }),
          h('span', { text: r.text }),
          r.note ? h('q', { text: r.note }) : null,
        ),
      ),
    ),
  )
}

function head(signal) {
  return h(
    'header',
    { class: 'detail-head' },
    h(
      'p',
      { class: 'tags' },
      h(
        'span',
        { class: `severity-pill sev-${signal.severity}` },
        severityIcon(signal.severity),
        severityLabel(signal.severity),
      ),
      h('span', { class: 'kind-tag' }, kindIcon(signal.kind), kindLabel(signal.kind)),
      h('span', { class: `state-tag state-${signal.state}`, text: signal.state }),
    ),
    h('h2', { class: 'detail-title', tabindex: '-1', text: signal.title }),
    h('p', { class: 'summary', text: signal.summary }),
    h('p', {
      class: 'muted small',
      text: `${signal.key.dimension}: ${signal.key.value} · revision ${signal.revision} · opened ${clockTime(signal.openedAt)}`,
    }),
  )
}

function actionForm(canAct, onAction, getRevision) {
  const note = h('textarea', { id: 'action-note', rows: '3', maxlength: '2000', disabled: !canAct })
  const assignee = h('input', {
    id: 'action-assignee',
    type: 'text',
    maxlength: '120',
    autocomplete: 'off',
    disabled: !canAct,
  })
  const feedback = h('p', { class: 'action-feedback', role: 'status', 'aria-live': 'polite' })
  const status = h('p', { class: 'triage-status', 'data-testid': 'triage-status' })
  const buttons = ACTIONS.map(({ action, label, done }) =>
    h('button', {
      type: 'button',
      class:
        action === 'resolve'
          ? 'button button-danger'
          : action === 'acknowledge'
            ? 'button button-primary'
            : 'button',
      disabled: !canAct,
      'aria-disabled': canAct ? 'false' : 'true',
      dataset: { action },
      text: label,
      onclick: async () => {
        feedback.className = 'action-feedback'
        feedback.textContent = 'Saving…'
        try {
          await onAction(action, {
            note: note.value.trim(),
            assignee: assignee.value.trim(),
            revision: getRevision(),
          })
          note.value = ''
          feedback.textContent = `${done}.`
        } catch (err) {
          feedback.className = 'action-feedback error'
          feedback.textContent = err.message
        }
      },
    }),
  )
  const section = h(
    'section',
    { class: 'actions', 'aria-labelledby': 'actions-title' },
    h('h3', { id: 'actions-title', text: 'Respond' }),
    status,
    canAct
      ? null
      : h('p', {
          class: 'notice',
          text: 'View-only access: acknowledging, assigning and resolving need a responder token.',
        }),
    h('label', { for: 'action-note', text: 'Note (required to resolve)' }),
    note,
    h('label', { for: 'action-assignee', text: 'Assignee (for Assign)' }),
    assignee,
    h('div', { class: 'button-row' }, buttons),
    feedback,
  )
  return { section, status }
}

/** The drill-down pane. The action form survives live refreshes, so a half-typed note is never lost. */
export function createDetailView(container, { canAct, onAction }) {
  let currentId
  let current
  let form
  const dynamic = h('div', { class: 'detail-dynamic' })
  return {
    get currentId() {
      return currentId
    },
    show(data, { focus = false } = {}) {
      const { signal } = data
      if (signal.id !== currentId) {
        currentId = signal.id
        form = actionForm(
          canAct,
          (action, fields) => onAction(currentId, action, fields),
          () => current?.revision,
        )
        clear(container)
        container.append(h('article', { class: 'detail', dataset: { id: signal.id } }, dynamic, form.section))
      }
      current = signal
      clear(dynamic)
      dynamic.append(
        head(signal),
        h('section', { class: 'chart-section', 'aria-label': 'Series' }, seriesChart(signal.evidence.series)),
        evidence(signal),
        samples(signal),
        history(data.revisions, data.audit),
      )
      const t = data.triage
      form.status.textContent = `Status: ${t.status === 'new' ? 'New, not yet acknowledged' : TRIAGE_TEXT[t.status](t)}`
      if (focus) dynamic.querySelector('.detail-title')?.focus()
    },
    reset() {
      currentId = undefined
      current = undefined
      clear(container)
      container.append(
        h('p', {
          class: 'placeholder muted',
          text: 'Select a signal (Enter) to see its chart, evidence and history.',
        }),
      )
    },
  }
}
