import { PulseError } from '@pulse/core'
import type { Connector, Delivery } from '../framework/connector.ts'
import { createHealth } from '../framework/health.ts'
import { createHttp } from '../framework/http.ts'
import { pollLoop } from '../framework/poll.ts'
import { type BackoffPolicy, type RuntimeDeps, runtime } from '../framework/runtime.ts'
import { itemId, normaliseRss, type RssDelivery } from './normalise.ts'
import { parseFeed } from './parse.ts'

export interface FeedState {
  readonly etag: string | null
  readonly lastModified: string | null
  /** Ids of the items already delivered (newest last, bounded). */
  readonly seen: readonly string[]
}

export type RssCheckpoint = Readonly<Record<string, FeedState>>

export interface RssOptions extends RuntimeDeps {
  readonly feeds: readonly string[]
  /** Default 10 minutes. */
  readonly pollIntervalMs?: number
  readonly userAgent?: string
  /** Item ids remembered per feed for dedup (default 2000). */
  readonly maxSeen?: number
  readonly backoff?: BackoffPolicy
}

/**
 * RSS 2.0 / RSS 1.0 / Atom feeds, polled with conditional GET (`If-None-Match` /
 * `If-Modified-Since`; a 304 costs nothing) and deduplicated by guid (link hash when there is none).
 * Each new item is delivered on its own, oldest first; a feed's validators are committed with its
 * last new item, so a crash mid-feed refetches the whole feed instead of skipping items.
 */
export function createRssConnector(opts: RssOptions): Connector<RssCheckpoint> {
  const rt = runtime(opts)
  const name = 'rss'
  const health = createHealth(name, 'rss', rt.clock)
  const http = createHttp({ name, rt, health, ...(opts.backoff ? { backoff: opts.backoff } : {}) })
  const maxSeen = opts.maxSeen ?? 2000
  if (opts.feeds.length === 0) throw new PulseError('CONFIG_INVALID', 'rss: configure at least one feed URL')

  async function* pass(
    position: Record<string, FeedState>,
    signal: AbortSignal,
  ): AsyncGenerator<Delivery<RssCheckpoint>> {
    for (const url of opts.feeds) {
      const state = position[url] ?? { etag: null, lastModified: null, seen: [] }
      const headers: Record<string, string> = {
        accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8',
      }
      if (opts.userAgent) headers['user-agent'] = opts.userAgent
      if (state.etag) headers['if-none-match'] = state.etag
      if (state.lastModified) headers['if-modified-since'] = state.lastModified
      const res = await http(url, { headers, signal, allowStatus: [304] })
      if (res.status === 304) continue
      const xml = await res.text()
      let parsed: ReturnType<typeof parseFeed>
      try {
        parsed = parseFeed(xml)
      } catch (err) {
        health.error(`rss: ${url}: ${err instanceof Error ? err.message : String(err)}`)
        continue
      }
      const seen = new Set(state.seen)
      const fresh = parsed.items.filter((item) => {
        const id = itemId(item)
        if (id === null) return true // normalise dead-letters it
        if (seen.has(id)) return false
        seen.add(id)
        return true
      })
      fresh.reverse() // feeds list newest first
      const validators = { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') }
      let current: FeedState = state
      if (fresh.length === 0) position[url] = { ...state, ...validators }
      for (const [i, item] of fresh.entries()) {
        const id = itemId(item)
        const ids = id === null ? current.seen : [...current.seen, id].slice(-maxSeen)
        current = i === fresh.length - 1 ? { ...validators, seen: ids } : { ...current, seen: ids }
        position[url] = current
        const raw: RssDelivery = { kind: 'rss-item', feedUrl: url, feed: parsed.feed, item }
        yield { raw, checkpoint: structuredClone(position) }
      }
    }
  }

  async function* read(
    from: RssCheckpoint | undefined,
    signal: AbortSignal,
  ): AsyncGenerator<Delivery<RssCheckpoint>> {
    const position: Record<string, FeedState> = { ...(from ?? {}) }
    yield* pollLoop({
      rt,
      health,
      signal,
      intervalMs: opts.pollIntervalMs ?? 600_000,
      backoff: opts.backoff,
      pass: (s) => pass(position, s),
    })
  }

  return { name, source: 'rss', read, normalise: (raw) => normaliseRss(raw), health: () => health.snapshot() }
}
