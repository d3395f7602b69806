import { errorMessage, PulseError } from '@pulse/core'
import type { Connector, Delivery } from '../framework/connector.ts'
import { createHealth } from '../framework/health.ts'
import { createHttp, isFatal, readJson } from '../framework/http.ts'
import type { WatchTerms } from '../framework/match.ts'
import { pollLoop } from '../framework/poll.ts'
import {
  type BackoffPolicy,
  backoffDelay,
  DEFAULT_BACKOFF,
  type RuntimeDeps,
  runtime,
} from '../framework/runtime.ts'
import { readLines } from '../framework/streams.ts'
import { compareIds, nonEmpty, rec } from '../framework/values.ts'
import { normaliseX, X_FIELDS } from './normalise.ts'
import { rulesFromWatch, type StreamRule, syncRules } from './rules.ts'

export interface XCheckpoint {
  /** Newest tweet id delivered; recent search resumes with `since_id`. */
  readonly sinceId: string | null
}

export interface XOptions extends WatchTerms, RuntimeDeps {
  readonly bearerToken: string
  /** `stream`: filtered stream (rules synced from the watch terms), `search`: poll recent search. */
  readonly mode: 'stream' | 'search'
  /** Rules to use instead of the ones derived from terms/hashtags/handles. */
  readonly rules?: readonly StreamRule[]
  readonly pollIntervalMs?: number
  /** Search pages per pass (100 tweets each, default 5). */
  readonly maxPages?: number
  /** Reconnect when the stream sends nothing (not even its keep-alive) for this long (default 30 s). */
  readonly stallMs?: number
  readonly apiBase?: string
  readonly backoff?: BackoffPolicy
}

const params = (extra: Record<string, string>): string =>
  new URLSearchParams({ ...X_FIELDS, ...extra }).toString()

/**
 * X API v2. Stream mode syncs the filtered-stream rules with the watch list, backfills the gap
 * since the last checkpoint with recent search, then reads the stream (reconnecting with backoff,
 * and when it stalls). Search mode polls recent search with `since_id`, following `next_token`.
 */
export function createXConnector(opts: XOptions): Connector<XCheckpoint> {
  const rt = runtime(opts)
  const api = (opts.apiBase ?? 'https://api.x.com').replace(/\/+$/, '')
  const name = 'x'
  const health = createHealth(name, 'x', rt.clock)
  const http = createHttp({ name, rt, health, ...(opts.backoff ? { backoff: opts.backoff } : {}) })
  const headers = { authorization: `Bearer ${opts.bearerToken}` }
  const rules = opts.rules ?? rulesFromWatch(opts)
  if (rules.length === 0)
    throw new PulseError('CONFIG_INVALID', 'x: configure at least one term, hashtag, handle or rule')
  const query = rules.map((r) => `(${r.value})`).join(' OR ')

  /** New tweets since `sinceId`, delivered one page at a time, oldest page first. */
  async function* search(
    position: { sinceId: string | null },
    signal: AbortSignal,
  ): AsyncGenerator<Delivery<XCheckpoint>> {
    const pages: { raw: unknown; newest: string }[] = []
    let next: string | undefined
    for (let i = 0; i < (opts.maxPages ?? 5); i++) {
      const q: Record<string, string> = { query, max_results: '100' }
      if (position.sinceId) q.since_id = position.sinceId
      if (next) q.next_token = next
      const body = await readJson(
        await http(`${api}/2/tweets/search/recent?${params(q)}`, { headers, signal }),
        name,
      )
      const meta = rec(rec(body).meta)
      const newest = nonEmpty(meta.newest_id)
      if (newest) pages.push({ raw: body, newest })
      next = nonEmpty(meta.next_token)
      if (!next || !position.sinceId) break // without a position, one page of recent history is the backfill
    }
    for (const page of pages.reverse()) {
      if (position.sinceId === null || compareIds(page.newest, position.sinceId) > 0)
        position.sinceId = page.newest
      yield { raw: page.raw, checkpoint: { sinceId: position.sinceId } }
    }
  }

  async function* stream(
    position: { sinceId: string | null },
    signal: AbortSignal,
  ): AsyncGenerator<Delivery<XCheckpoint>> {
    let failures = 0
    let synced = false
    while (!signal.aborted) {
      const conn = new AbortController()
      const stopConn = (): void => conn.abort()
      signal.addEventListener('abort', stopConn, { once: true })
      let stall: NodeJS.Timeout | undefined
      const arm = (): void => {
        clearTimeout(stall)
        stall = setTimeout(() => conn.abort(), opts.stallMs ?? 30_000)
      }
      try {
        if (!synced) {
          await syncRules(api, http, headers, rules, signal)
          synced = true
        }
        if (position.sinceId) for await (const d of search(position, signal)) yield d
        health.state('connecting')
        const res = await http(`${api}/2/tweets/search/stream?${params({})}`, {
          headers,
          signal: conn.signal,
        })
        if (!res.body) throw new Error('stream has no body')
        health.state('streaming')
        arm()
        for await (const line of readLines(res.body)) {
          arm()
          if (line.trim() === '') continue // keep-alive
          failures = 0
          let raw: unknown = line
          try {
            raw = JSON.parse(line)
          } catch {
            // delivered as text: normalise dead-letters it
          }
          const id = nonEmpty(rec(rec(raw).data).id)
          if (id && (position.sinceId === null || compareIds(id, position.sinceId) > 0)) position.sinceId = id
          health.event()
          yield { raw, checkpoint: { sinceId: position.sinceId } }
        }
      } catch (err) {
        if (signal.aborted) break
        if (isFatal(err)) {
          health.state('failed')
          throw err
        }
        health.error(`x: stream: ${conn.signal.aborted ? 'stalled' : errorMessage(err)}`)
      } finally {
        clearTimeout(stall)
        signal.removeEventListener('abort', stopConn)
        conn.abort()
      }
      if (signal.aborted) break
      health.reconnect()
      health.state('backoff')
      await rt.sleep(backoffDelay(failures++, opts.backoff ?? DEFAULT_BACKOFF, rt.random), signal)
    }
    health.state('stopped')
  }

  async function* read(
    from: XCheckpoint | undefined,
    signal: AbortSignal,
  ): AsyncGenerator<Delivery<XCheckpoint>> {
    const position = { sinceId: from?.sinceId ?? null }
    if (opts.mode === 'stream') yield* stream(position, signal)
    else {
      yield* pollLoop({
        rt,
        health,
        signal,
        intervalMs: opts.pollIntervalMs ?? 60_000,
        backoff: opts.backoff,
        pass: (s) => search(position, s),
      })
    }
  }

  return { name, source: 'x', read, normalise: normaliseX, health: () => health.snapshot() }
}
