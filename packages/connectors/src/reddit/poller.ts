import { PulseError } from '@pulse/core'
import type { Connector, Delivery } from '../framework/connector.ts'
import { createHealth } from '../framework/health.ts'
import { createHttp, type HttpRequest, readJson } from '../framework/http.ts'
import { pollLoop } from '../framework/poll.ts'
import type { BackoffPolicy, RuntimeDeps } from '../framework/runtime.ts'
import { runtime } from '../framework/runtime.ts'
import { arr, nonEmpty, rec } from '../framework/values.ts'
import { normaliseReddit } from './normalise.ts'

/** Newest item seen per feed: its created_utc and the fullnames that share that second. */
export type RedditCheckpoint = Readonly<
  Record<string, { readonly createdUtc: number; readonly names: readonly string[] }>
>

export interface RedditOptions extends RuntimeDeps {
  /** OAuth "script"/"web" app credentials (client-credentials grant; app-only, read-only). */
  readonly clientId: string
  readonly clientSecret: string
  /** Reddit requires a descriptive one: `platform:app-id:version (by /u/name)`. */
  readonly userAgent: string
  /** Subreddits (without `r/`): their new posts and comments are read. */
  readonly subreddits?: readonly string[]
  /** Search terms (Reddit search syntax), site-wide, newest first. */
  readonly terms?: readonly string[]
  /** Also poll the subreddits' comments (default true). */
  readonly includeComments?: boolean
  readonly pollIntervalMs?: number
  /** Pages (100 each) read back per feed per pass when nothing newer is known (default 3). */
  readonly maxPages?: number
  readonly apiBase?: string
  readonly authBase?: string
  readonly backoff?: BackoffPolicy
}

interface Feed {
  readonly key: string
  readonly url: string
}

function feeds(api: string, opts: RedditOptions): Feed[] {
  const out: Feed[] = []
  const subs = (opts.subreddits ?? []).map((s) => s.replace(/^\/?r\//i, '')).filter((s) => s !== '')
  if (subs.length > 0) {
    const path = `r/${subs.map(encodeURIComponent).join('+')}`
    out.push({ key: `${path}/new`, url: `${api}/${path}/new?raw_json=1` })
    if (opts.includeComments ?? true)
      out.push({ key: `${path}/comments`, url: `${api}/${path}/comments?raw_json=1` })
  }
  for (const term of opts.terms ?? []) {
    out.push({
      key: `search:${term}`,
      url: `${api}/search?q=${encodeURIComponent(term)}&sort=new&type=link&raw_json=1`,
    })
  }
  return out
}

interface Child {
  readonly raw: unknown
  readonly name: string
  readonly createdUtc: number
}

function children(listing: unknown): { items: Child[]; after: string | undefined } {
  const data = rec(rec(listing).data)
  if (rec(listing).kind !== 'Listing' || !Array.isArray(data.children)) {
    throw new PulseError('SOURCE_FAILED', 'reddit: response is not a Listing')
  }
  const items = arr(data.children).flatMap((c) => {
    const d = rec(rec(c).data)
    const name = nonEmpty(d.name)
    return name && typeof d.created_utc === 'number'
      ? [{ raw: c, name, createdUtc: d.created_utc }]
      : [{ raw: c, name: '', createdUtc: Number.NaN }]
  })
  return { items, after: nonEmpty(data.after) }
}

const isNewer = (c: Child, cp: RedditCheckpoint[string] | undefined): boolean =>
  cp === undefined ||
  c.createdUtc > cp.createdUtc ||
  (c.createdUtc === cp.createdUtc && !cp.names.includes(c.name))

/**
 * Reddit, polled with app-only OAuth (client credentials). Each pass reads each feed newest first,
 * following `after` back until it reaches the last delivered item (robust to that item being
 * deleted, which breaks `before` cursors), and delivers the new items oldest first.
 */
export function createRedditConnector(opts: RedditOptions): Connector<RedditCheckpoint> {
  const rt = runtime(opts)
  const api = (opts.apiBase ?? 'https://oauth.reddit.com').replace(/\/+$/, '')
  const auth = (opts.authBase ?? 'https://www.reddit.com').replace(/\/+$/, '')
  const name = 'reddit'
  const health = createHealth(name, 'reddit', rt.clock)
  const http: HttpRequest = createHttp({
    name,
    rt,
    health,
    ...(opts.backoff ? { backoff: opts.backoff } : {}),
  })
  const list = feeds(api, opts)
  if (list.length === 0)
    throw new PulseError('CONFIG_INVALID', 'reddit: configure at least one subreddit or term')
  let token: { value: string; expiresAt: number } | null = null

  async function bearer(signal: AbortSignal): Promise<string> {
    if (token && token.expiresAt > rt.clock.now()) return token.value
    const basic = Buffer.from(`${opts.clientId}:${opts.clientSecret}`).toString('base64')
    const res = await http(`${auth}/api/v1/access_token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': opts.userAgent,
      },
      body: 'grant_type=client_credentials',
      signal,
    })
    const body = rec(await readJson(res, name))
    const value = nonEmpty(body.access_token)
    if (value === undefined) {
      throw new PulseError(
        'SOURCE_FAILED',
        `reddit: credentials rejected: token endpoint answered ${String(body.error ?? 'no access_token')}`,
      )
    }
    const ttl = typeof body.expires_in === 'number' ? body.expires_in : 3600
    token = { value, expiresAt: rt.clock.now() + Math.max(60, ttl - 60) * 1000 }
    return value
  }

  async function get(url: string, signal: AbortSignal): Promise<unknown> {
    for (let refreshed = false; ; refreshed = true) {
      const headers = { authorization: `bearer ${await bearer(signal)}`, 'user-agent': opts.userAgent }
      const res = await http(url, { headers, signal, allowStatus: refreshed ? [] : [401] })
      if (res.status !== 401) return readJson(res, name)
      token = null // expired or revoked early: fetch a new one, once
    }
  }

  async function* pass(
    position: Record<string, RedditCheckpoint[string]>,
    signal: AbortSignal,
  ): AsyncGenerator<Delivery<RedditCheckpoint>> {
    for (const feed of list) {
      const cp = position[feed.key]
      const fresh: Child[] = []
      let after: string | undefined
      for (let page = 0; page < (cp === undefined ? 1 : (opts.maxPages ?? 3)); page++) {
        const url = `${feed.url}&limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`
        const listing = children(await get(url, signal))
        const newer = listing.items.filter((c) => Number.isNaN(c.createdUtc) || isNewer(c, cp))
        fresh.push(...newer)
        after = listing.after
        if (newer.length < listing.items.length || after === undefined) break
      }
      fresh.reverse()
      for (const c of fresh) {
        const prev = position[feed.key]
        if (!Number.isNaN(c.createdUtc)) {
          if (prev === undefined || c.createdUtc > prev.createdUtc)
            position[feed.key] = { createdUtc: c.createdUtc, names: [c.name] }
          else if (c.createdUtc === prev.createdUtc)
            position[feed.key] = { createdUtc: c.createdUtc, names: [...prev.names, c.name] }
        }
        yield { raw: c.raw, checkpoint: structuredClone(position) }
      }
    }
  }

  async function* read(
    from: RedditCheckpoint | undefined,
    signal: AbortSignal,
  ): AsyncGenerator<Delivery<RedditCheckpoint>> {
    const position: Record<string, RedditCheckpoint[string]> = { ...(from ?? {}) }
    yield* pollLoop({
      rt,
      health,
      signal,
      intervalMs: opts.pollIntervalMs ?? 60_000,
      backoff: opts.backoff,
      pass: (s) => pass(position, s),
    })
  }

  return {
    name,
    source: 'reddit',
    read,
    normalise: (raw) => normaliseReddit(raw),
    health: () => health.snapshot(),
  }
}
