import { errorMessage, type Mention, type Outcome, PulseError } from '@pulse/core'
import WebSocket from 'ws'
import type { Connector, Delivery } from '../framework/connector.ts'
import { createHealth } from '../framework/health.ts'
import { createMatcher, type WatchTerms } from '../framework/match.ts'
import { createPushQueue } from '../framework/push-queue.ts'
import {
  type BackoffPolicy,
  backoffDelay,
  DEFAULT_BACKOFF,
  type RuntimeDeps,
  runtime,
} from '../framework/runtime.ts'
import { isRecord } from '../framework/values.ts'
import { createBlueskyNormaliser, POST_COLLECTION } from './normalise.ts'

export interface JetstreamCheckpoint {
  /** Jetstream `time_us` of the last delivered event (microseconds since the epoch); null: none yet. */
  readonly timeUs: number | null
}

export interface JetstreamOptions extends WatchTerms, RuntimeDeps {
  /** Default: the public instance `wss://jetstream2.us-east.bsky.network/subscribe`. */
  readonly endpoint?: string
  /** Only posts by these DIDs (Jetstream `wantedDids`); empty: the whole network, filtered locally. */
  readonly wantedDids?: readonly string[]
  /** Rewind the cursor on (re)connect, as Jetstream recommends for gapless playback (default 5 s). */
  readonly rewindSeconds?: number
  readonly backoff?: BackoffPolicy
  /** Give up after this many reconnects in a row without receiving an event (default: never). */
  readonly maxReconnects?: number
}

type Frame = { kind: 'message'; data: string } | { kind: 'closed'; reason: string }

/** Jetstream subscribe URL for posts, resuming at `cursor` (microseconds) when given. */
export function jetstreamUrl(
  endpoint: string,
  wantedDids: readonly string[],
  cursor: number | undefined,
): string {
  const url = new URL(endpoint)
  url.searchParams.append('wantedCollections', POST_COLLECTION)
  for (const did of wantedDids) url.searchParams.append('wantedDids', did)
  if (cursor !== undefined) url.searchParams.set('cursor', String(cursor))
  return url.toString()
}

/**
 * Bluesky through Jetstream: a WebSocket of JSON commit events. Reconnects with backoff and resumes
 * from the last seen `time_us` (rewound a few seconds; events already seen are skipped). Posts that
 * match no tracked term, hashtag or handle are dropped by `normalise`.
 */
export function createJetstreamConnector(opts: JetstreamOptions = {}): Connector<JetstreamCheckpoint> {
  const rt = runtime(opts)
  const endpoint = opts.endpoint ?? 'wss://jetstream2.us-east.bsky.network/subscribe'
  const name = 'bluesky'
  const health = createHealth(name, 'bluesky', rt.clock)
  const base = createBlueskyNormaliser()
  const matches = createMatcher(opts)
  const rewindUs = (opts.rewindSeconds ?? 5) * 1_000_000

  const normalise = (raw: unknown): readonly Outcome<Mention>[] => {
    const out = base(raw)
    if (out.kind === 'ok' && matches && !matches(out.value)) {
      return [{ kind: 'drop', reason: 'filtered out: no tracked term, hashtag or handle' }]
    }
    return [out]
  }

  async function* read(
    from: JetstreamCheckpoint | undefined,
    signal: AbortSignal,
  ): AsyncGenerator<Delivery<JetstreamCheckpoint>> {
    let last = from?.timeUs ?? undefined
    let failures = 0
    while (!signal.aborted) {
      const cursor = last === undefined ? undefined : Math.max(0, last - rewindUs)
      const url = jetstreamUrl(endpoint, opts.wantedDids ?? [], cursor)
      health.state('connecting')
      const queue = createPushQueue<Frame>()
      const ws = new WebSocket(url)
      const onAbort = (): void => ws.close(1000, 'shutting down')
      signal.addEventListener('abort', onAbort, { once: true })
      queue.onDrain(() => ws.resume())
      ws.on('open', () => health.state('streaming'))
      ws.on('message', (data: WebSocket.RawData) => {
        const text = Array.isArray(data)
          ? Buffer.concat(data).toString('utf8')
          : Buffer.from(data as ArrayBuffer).toString('utf8')
        if (!queue.push({ kind: 'message', data: text })) ws.pause()
      })
      ws.on('error', (err) => queue.push({ kind: 'closed', reason: errorMessage(err) }))
      ws.on('close', (code) => {
        queue.push({ kind: 'closed', reason: `closed (${code})` })
        queue.end()
      })
      let received = false
      let reason = 'closed'
      try {
        for (let r = await queue.next(); !r.done; r = await queue.next()) {
          const frame = r.value
          if (frame.kind === 'closed') {
            reason = frame.reason
            break
          }
          let raw: unknown = frame.data
          try {
            raw = JSON.parse(frame.data)
          } catch {
            // not JSON: delivered as the string so normalise dead-letters it
          }
          const timeUs = isRecord(raw) && typeof raw.time_us === 'number' ? raw.time_us : undefined
          if (timeUs !== undefined && last !== undefined && timeUs <= last) continue
          if (timeUs !== undefined) last = timeUs
          received = true
          failures = 0
          health.event()
          yield { raw, checkpoint: { timeUs: last ?? null } }
        }
      } finally {
        signal.removeEventListener('abort', onAbort)
        ws.removeAllListeners('message')
        ws.on('error', () => {})
        if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate()
      }
      if (signal.aborted) break
      if (!received) failures++
      health.error(`bluesky: jetstream ${reason}`)
      if (opts.maxReconnects !== undefined && failures > opts.maxReconnects) {
        health.state('failed')
        throw new PulseError(
          'SOURCE_FAILED',
          `bluesky: jetstream unreachable after ${failures} attempts: ${reason}`,
        )
      }
      health.reconnect()
      health.state('backoff')
      await rt.sleep(backoffDelay(failures, opts.backoff ?? DEFAULT_BACKOFF, rt.random), signal)
    }
    health.state('stopped')
  }

  return { name, source: 'bluesky', read, normalise, health: () => health.snapshot() }
}
