import {
  ApiError,
  api,
  closeSession,
  forgetToken,
  openSession,
  openStream,
  savedToken,
  saveToken,
} from './api.js'
import { createDetailView } from './detail.js'
import { compareSignals, enableListKeys, matchesFilter, renderList } from './list.js'

const $ = (id) => document.getElementById(id)
const STATUS_TEXT = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
}
const FRESH_MS = 8000

const state = {
  principal: null,
  signals: new Map(),
  triage: new Map(),
  fresh: new Map(),
  filter: readFilter(),
  stopStream: null,
  detail: null,
  renderQueued: false,
}

function readFilter() {
  const form = new FormData($('filters'))
  const filter = {}
  for (const key of ['kind', 'key', 'severity', 'source', 'state']) {
    const value = String(form.get(key) ?? '').trim()
    if (value) filter[key] = value
  }
  return filter
}

function setStatus(status) {
  const el = $('connection')
  el.dataset.state = status
  el.textContent = STATUS_TEXT[status] ?? status
}

function scheduleRender() {
  if (state.renderQueued) return
  state.renderQueued = true
  requestAnimationFrame(() => {
    state.renderQueued = false
    const now = Date.now()
    for (const [id, until] of state.fresh) if (until < now) state.fresh.delete(id)
    const visible = [...state.signals.values()]
      .filter((s) => matchesFilter(s, state.filter))
      .sort(compareSignals)
    renderList($('signal-list'), visible, {
      triage: state.triage,
      selectedId: state.detail?.currentId,
      fresh: state.fresh,
    })
    $('signal-count').textContent = `(${visible.length})`
    $('empty').hidden = visible.length > 0
  })
}

async function openDetail(id, { focus = false } = {}) {
  try {
    const data = await api(`/api/signals/${encodeURIComponent(id)}`)
    state.triage.set(id, data.triage)
    state.detail.show(data, { focus })
    scheduleRender()
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return signOut('Your session ended. Sign in again.')
    if (err instanceof ApiError && err.status === 404) return state.detail.reset()
    setStatus('offline')
  }
}

function connect() {
  state.stopStream?.()
  state.signals.clear()
  const query = new URLSearchParams(state.filter).toString()
  let ready = false
  state.stopStream = openStream(query, {
    onStatus: setStatus,
    onReady: () => {
      ready = true
      scheduleRender()
    },
    onSignal: (signal) => {
      const held = state.signals.get(signal.id)
      if (held && held.revision >= signal.revision) return
      state.signals.set(signal.id, signal)
      if (ready) state.fresh.set(signal.id, Date.now() + FRESH_MS)
      if (state.detail?.currentId === signal.id) openDetail(signal.id)
      scheduleRender()
    },
    onTriage: ({ signalId, triage }) => {
      state.triage.set(signalId, triage)
      if (state.detail?.currentId === signalId) openDetail(signalId)
      scheduleRender()
    },
    onAuthLost: () => signOut('Your session ended. Sign in again.'),
  })
}

async function act(id, action, { note, assignee, revision }) {
  const body = { action, note }
  if (action === 'assign') body.assignee = assignee
  if (revision) body.revision = revision
  const result = await api(`/api/signals/${encodeURIComponent(id)}/actions`, { method: 'POST', body })
  state.triage.set(id, result.triage)
  await openDetail(id)
}

function showApp(principal) {
  state.principal = principal
  $('login').hidden = true
  $('app').hidden = false
  $('who').hidden = false
  $('who-name').textContent = principal.name
  $('who-role').textContent = principal.role
  $('who-role').dataset.role = principal.role
  state.detail = createDetailView($('detail'), { canAct: principal.role === 'responder', onAction: act })
  state.detail.reset()
  connect()
}

async function signOut(message = '') {
  state.stopStream?.()
  state.stopStream = null
  await closeSession()
  forgetToken()
  state.signals.clear()
  state.triage.clear()
  state.principal = null
  $('app').hidden = true
  $('who').hidden = true
  $('login').hidden = false
  $('login-error').textContent = message
  setStatus('offline')
  $('token').focus()
}

async function signIn(token) {
  try {
    const principal = await openSession(token)
    saveToken(token)
    showApp(principal)
  } catch (err) {
    forgetToken()
    $('login-error').textContent =
      err instanceof ApiError && err.status === 401
        ? 'That token is not valid.'
        : `Sign-in failed: ${err.message}`
    $('token').focus()
  }
}

function init() {
  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault()
    const input = $('token')
    const token = input.value.trim()
    input.value = ''
    if (token) signIn(token)
  })
  $('logout').addEventListener('click', () => signOut())
  let debounce
  $('filters').addEventListener('input', () => {
    clearTimeout(debounce)
    debounce = setTimeout(() => {
      state.filter = readFilter()
      scheduleRender()
      connect()
    }, 250)
  })
  $('filters').addEventListener('submit', (event) => event.preventDefault())
  const list = $('signal-list')
  enableListKeys(list)
  list.addEventListener('click', (event) => {
    const button = event.target.closest('.signal-item')
    if (button) openDetail(button.dataset.id, { focus: true })
  })
  setInterval(scheduleRender, 30_000)
  const token = savedToken()
  if (token) signIn(token)
}

init()
