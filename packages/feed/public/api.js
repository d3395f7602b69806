// Talks to the feed server: bearer token on every API call, a session cookie for the event stream.

const TOKEN_KEY = 'pulse.feed.token'

export class ApiError extends Error {
  constructor(status, message) {
    super(message)
    this.status = status
  }
}

export const savedToken = () => sessionStorage.getItem(TOKEN_KEY)
export const forgetToken = () => sessionStorage.removeItem(TOKEN_KEY)
export const saveToken = (token) => sessionStorage.setItem(TOKEN_KEY, token)

export async function api(path, { method = 'GET', body, token = savedToken() } = {}) {
  const headers = { Accept: 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new ApiError(res.status, data.error ?? `request failed (${res.status})`)
  return data
}

/** Exchanges the token for the stream's HttpOnly cookie; returns `{ name, role }`. */
export const openSession = (token) => api('/api/session', { method: 'POST', token })
export const closeSession = () => api('/api/session', { method: 'DELETE' }).catch(() => undefined)

/**
 * Opens `/api/stream?query`. EventSource retries dropped connections by itself; when it gives up
 * (the server refused it, e.g. the session cookie expired) the session is renewed and it reopens.
 */
export function openStream(query, handlers) {
  let source
  let stopped = false
  let retryTimer
  const connect = () => {
    source = new EventSource(`/api/stream${query ? `?${query}` : ''}`)
    handlers.onStatus('connecting')
    source.addEventListener('open', () => handlers.onStatus('live'))
    source.addEventListener('ready', (e) => {
      handlers.onStatus('live')
      handlers.onReady(JSON.parse(e.data))
    })
    source.addEventListener('signal', (e) => handlers.onSignal(JSON.parse(e.data)))
    source.addEventListener('triage', (e) => handlers.onTriage(JSON.parse(e.data)))
    source.addEventListener('error', () => {
      if (stopped) return
      if (source.readyState === EventSource.CLOSED) {
        handlers.onStatus('offline')
        retryTimer = setTimeout(async () => {
          try {
            await openSession(savedToken())
            if (!stopped) connect()
          } catch (err) {
            handlers.onAuthLost(err)
          }
        }, 3000)
      } else {
        handlers.onStatus('reconnecting')
      }
    })
  }
  connect()
  return () => {
    stopped = true
    clearTimeout(retryTimer)
    source?.close()
  }
}
