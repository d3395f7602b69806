import { errorMessage, type Mention, type Outcome, PulseError } from '@pulse/core'
import type { Connector, Delivery } from '../framework/connector.ts'
import { createHealth, type HealthTracker } from '../framework/health.ts'
import { createHttp, type HttpRequest, isFatal, readJson } from '../framework/http.ts'
import { parseLinkHeader } from '../framework/link-header.ts'
import { createMatcher, type WatchTerms } from '../framework/match.ts'
import {
  type BackoffPolicy,
  backoffDelay,
  DEFAULT_BACKOFF,
  type Runtime,
  type RuntimeDeps,
  runtime,
} from '../framework/runtime.ts'
import { merge, readLines, readSse } from '../framework/streams.ts'
import { compareIds, isRecord, nonEmpty } from '../framework/values.ts'
import { instanceHost, normaliseMastodon } from './normalise.ts'

/** Newest status id delivered per stream (`hashtag:flu`, `public`, `public:local`). */
export type MastodonCheckpoint = Readonly<Record<string, string>>

export interface MastodonOptions extends WatchTerms, RuntimeDeps {
  /** Server host or base URL, e.g. `mastodon.social` or `http://127.0.0.1:4000`. */
  readonly instance: string
  /** Hashtag timelines to follow (without `#`). */
  readonly hashtags?: readonly string[]
  /** Also follow the public timeline: the federated one, or only this server's (`local`). */
  readonly publicTimeline?: 'federated' | 'local' | false
  /** A user or app token; many servers require one for public streams. */
  readonly accessToken?: string
  /** Streaming base URL when the server streams from another host (`/api/v1/instance` urls.streaming). */
  readonly streamingUrl?: string
  /** REST pages fetched per stream before (re)connecting (default 10, 40 statuses each). */
  readonly maxBackfillPages?: number
  readonly backoff?: BackoffPolicy
}

interface Stream {
  readonly key: string
  readonly rest: string
  readonly sse: string
}

interface Item {
  readonly key: string
  readonly raw: unknown
  /** Status id to advance the stream's position to (new statuses only, not edits/deletes). */
  readonly id: string | null
}

function streams(base: string, streamBase: string, opts: MastodonOptions): Stream[] {
  const out: Stream[] = (opts.hashtags ?? []).map((h) => {
    const tag = h.replace(/^#/, '').toLowerCase()
    return {
      key: `hashtag:${tag}`,
      rest: `${base}/api/v1/timelines/tag/${encodeURIComponent(tag)}`,
      sse: `${streamBase}/api/v1/streaming/hashtag?tag=${encodeURIComponent(tag)}`,
    }
  })
  if (opts.publicTimeline === 'federated') {
    out.push({
      key: 'public',
      rest: `${base}/api/v1/timelines/public`,
      sse: `${streamBase}/api/v1/streaming/public`,
    })
  } else if (opts.publicTimeline === 'local') {
    out.push({
      key: 'public:local',
      rest: `${base}/api/v1/timelines/public?local=true`,
      sse: `${streamBase}/api/v1/streaming/public/local`,
    })
  }
  return out
}

const withParam = (url: string, key: string, value: string): string => {
  const u = new URL(url)
  u.searchParams.set(key, value)
  return u.toString()
}

/** Statuses newer than `since` from the REST timeline, oldest first, following Link rel="prev". */
async function* backfill(
  s: Stream,
  since: string | undefined,
  http: HttpRequest,
  headers: Record<string, string>,
  maxPages: number,
  signal: AbortSignal,
): AsyncGenerator<Item> {
  let url: string | undefined = withParam(s.rest, 'limit', '40')
  if (since !== undefined) url = withParam(url, 'min_id', since)
  for (let page = 0; url !== undefined && page < maxPages && !signal.aborted; page++) {
    const res = await http(url, { headers, signal })
    const body = await readJson(res, 'mastodon')
    if (!Array.isArray(body))
      throw new PulseError('SOURCE_FAILED', `mastodon: ${s.key} timeline is not an array`)
    if (body.length === 0) return
    const sorted = body
      .map((status) => ({ status, id: isRecord(status) ? nonEmpty(status.id) : undefined }))
      .sort((a, b) => compareIds(a.id ?? '0', b.id ?? '0'))
    for (const { status, id } of sorted) yield { key: s.key, raw: status, id: id ?? null }
    // Without a position yet, one page of recent history is the backfill.
    if (since === undefined) return
    url = parseLinkHeader(res.headers.get('link')).get('prev')
  }
}

async function* sse(
  s: Stream,
  http: HttpRequest,
  headers: Record<string, string>,
  health: HealthTracker,
  signal: AbortSignal,
): AsyncGenerator<Item> {
  const res = await http(s.sse, { headers: { ...headers, accept: 'text/event-stream' }, signal })
  if (!res.body) throw new Error('stream has no body')
  health.state('streaming')
  for await (const ev of readSse(readLines(res.body))) {
    health.state('streaming')
    if (ev.event === 'update') {
      let id: string | null = null
      try {
        const parsed: unknown = JSON.parse(ev.data)
        id = isRecord(parsed) ? (nonEmpty(parsed.id) ?? null) : null
      } catch {
        // malformed: delivered as is, normalise dead-letters it
      }
      yield { key: s.key, raw: { event: ev.event, payload: ev.data }, id }
    } else yield { key: s.key, raw: { event: ev.event, payload: ev.data }, id: null }
  }
}

async function* follow(
  s: Stream,
  start: string | undefined,
  rt: Runtime,
  http: HttpRequest,
  health: HealthTracker,
  opts: MastodonOptions,
  signal: AbortSignal,
): AsyncGenerator<Item> {
  const headers: Record<string, string> = opts.accessToken
    ? { authorization: `Bearer ${opts.accessToken}` }
    : {}
  let since = start
  let failures = 0
  while (!signal.aborted) {
    try {
      health.state('polling')
      for await (const item of backfill(s, since, http, headers, opts.maxBackfillPages ?? 10, signal)) {
        if (item.id !== null && (since === undefined || compareIds(item.id, since) > 0)) since = item.id
        yield item
      }
      health.state('connecting')
      for await (const item of sse(s, http, headers, health, signal)) {
        failures = 0
        if (item.id !== null && since !== undefined && compareIds(item.id, since) <= 0) continue
        if (item.id !== null) since = item.id
        yield item
      }
    } catch (err) {
      if (signal.aborted) break
      if (isFatal(err)) throw err
      health.error(`mastodon: ${s.key}: ${errorMessage(err)}`)
    }
    if (signal.aborted) break
    health.reconnect()
    health.state('backoff')
    await rt.sleep(backoffDelay(failures++, opts.backoff ?? DEFAULT_BACKOFF, rt.random), signal)
  }
}

/**
 * Mastodon, per server: hashtag and public timelines over the streaming API (SSE), with REST
 * backfill from the last position (`min_id` + Link pagination) before every (re)connect, so a
 * dropped connection loses nothing. `delete` events are dropped; `status.update` (edits) re-emit
 * the status under the same id.
 */
export function createMastodonConnector(opts: MastodonOptions): Connector<MastodonCheckpoint> {
  const rt = runtime(opts)
  const host = instanceHost(opts.instance)
  const base = (opts.instance.includes('://') ? opts.instance : `https://${opts.instance}`).replace(
    /\/+$/,
    '',
  )
  const streamBase = (opts.streamingUrl ?? base).replace(/\/+$/, '')
  const name = `mastodon:${host}`
  const health = createHealth(name, 'mastodon', rt.clock)
  const http = createHttp({ name, rt, health, ...(opts.backoff ? { backoff: opts.backoff } : {}) })
  const matches = createMatcher(opts)
  const list = streams(base, streamBase, opts)
  if (list.length === 0)
    throw new PulseError('CONFIG_INVALID', `${name}: follow at least one hashtag or the public timeline`)

  const normalise = (raw: unknown): readonly Outcome<Mention>[] =>
    normaliseMastodon(raw, host).map((o) =>
      o.kind === 'ok' && matches && !matches(o.value)
        ? { kind: 'drop', reason: 'filtered out: no tracked term, hashtag or handle' }
        : o,
    )

  async function* read(
    from: MastodonCheckpoint | undefined,
    signal: AbortSignal,
  ): AsyncGenerator<Delivery<MastodonCheckpoint>> {
    const position: Record<string, string> = { ...(from ?? {}) }
    const inner = new AbortController()
    const stop = (): void => inner.abort()
    signal.addEventListener('abort', stop, { once: true })
    try {
      for await (const item of merge(
        list.map((s) => follow(s, position[s.key], rt, http, health, opts, inner.signal)),
      )) {
        health.event()
        if (item.id !== null) {
          const prev = position[item.key]
          if (prev === undefined || compareIds(item.id, prev) > 0) position[item.key] = item.id
        }
        yield { raw: item.raw, checkpoint: { ...position } }
      }
    } finally {
      inner.abort()
      signal.removeEventListener('abort', stop)
      health.state('stopped')
    }
  }

  return { name, source: 'mastodon', read, normalise, health: () => health.snapshot() }
}
