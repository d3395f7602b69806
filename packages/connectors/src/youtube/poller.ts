import { PulseError } from '@pulse/core'
import type { Connector, Delivery } from '../framework/connector.ts'
import { createHealth } from '../framework/health.ts'
import { createHttp, HttpStatusError, readJson } from '../framework/http.ts'
import { pollLoop } from '../framework/poll.ts'
import { type BackoffPolicy, type RuntimeDeps, runtime } from '../framework/runtime.ts'
import { arr, nonEmpty, rec, toIso } from '../framework/values.ts'
import { normaliseYouTube } from './normalise.ts'

/** Newest top-level comment time seen per target (`video:ID`, `channel:ID`) and the ids at that time. */
export type YouTubeCheckpoint = Readonly<
  Record<string, { readonly publishedAt: string; readonly ids: readonly string[] }>
>

export interface YouTubeOptions extends RuntimeDeps {
  readonly apiKey: string
  readonly videoIds?: readonly string[]
  /** Comments on all of a channel's videos (`allThreadsRelatedToChannelId`). */
  readonly channelIds?: readonly string[]
  /** Default 15 minutes: each page costs quota (1 unit). */
  readonly pollIntervalMs?: number
  readonly maxPages?: number
  readonly apiBase?: string
  readonly backoff?: BackoffPolicy
}

const reasonOf = (body: unknown): string => String(rec(arr(rec(rec(body).error).errors)[0]).reason ?? '')

/** Google's own explanation (`error.message`, tags stripped), which says what to fix; never holds the key. */
const explanation = (body: unknown): string => {
  const m = nonEmpty(rec(rec(body).error).message)
    ?.replace(/<[^>]*>/g, '')
    .trim()
  return m ? `: ${m.length > 200 ? `${m.slice(0, 200)}…` : m}` : ''
}

/** A bad key comes back as 400 `badRequest`; only the `google.rpc.ErrorInfo` detail says `API_KEY_INVALID`. */
const keyInvalid = (body: unknown, reason: string): boolean =>
  reason === 'keyInvalid' ||
  arr(rec(rec(body).error).details).some((d) => String(rec(d).reason ?? '').startsWith('API_KEY_'))

/**
 * YouTube comments via `commentThreads.list` (API key), newest first (`order=time`), paging with
 * `pageToken` back to the last seen thread. Quota exhaustion is a rate limit (retried after the poll
 * interval); a video with comments disabled or gone (403/404) is skipped; a rejected key stops the connector.
 */
export function createYouTubeConnector(opts: YouTubeOptions): Connector<YouTubeCheckpoint> {
  const rt = runtime(opts)
  const api = (opts.apiBase ?? 'https://www.googleapis.com/youtube/v3').replace(/\/+$/, '')
  const name = 'youtube'
  const health = createHealth(name, 'youtube', rt.clock)
  const http = createHttp({ name, rt, health, ...(opts.backoff ? { backoff: opts.backoff } : {}) })
  const targets = [
    ...(opts.videoIds ?? []).map((id) => ({ key: `video:${id}`, param: ['videoId', id] as const })),
    ...(opts.channelIds ?? []).map((id) => ({
      key: `channel:${id}`,
      param: ['allThreadsRelatedToChannelId', id] as const,
    })),
  ]
  if (targets.length === 0)
    throw new PulseError('CONFIG_INVALID', 'youtube: configure at least one video or channel id')

  async function* pass(
    position: Record<string, YouTubeCheckpoint[string]>,
    signal: AbortSignal,
  ): AsyncGenerator<Delivery<YouTubeCheckpoint>> {
    for (const target of targets) {
      const cp = position[target.key]
      const fresh: { raw: unknown; id: string; at: string }[] = []
      let pageToken: string | undefined
      for (let page = 0; page < (cp ? (opts.maxPages ?? 5) : 1); page++) {
        const q = new URLSearchParams({
          part: 'snippet,replies',
          maxResults: '100',
          order: 'time',
          textFormat: 'plainText',
          key: opts.apiKey,
        })
        q.set(target.param[0], target.param[1])
        if (pageToken) q.set('pageToken', pageToken)
        const res = await http(`${api}/commentThreads?${q}`, { signal, allowStatus: [400, 403, 404] })
        const body = await readJson(res, name)
        if (res.status === 400 || res.status === 403 || res.status === 404) {
          const reason = reasonOf(body)
          if (reason === 'quotaExceeded' || reason === 'rateLimitExceeded') {
            health.rateLimit({ remaining: 0 })
            throw new PulseError('SOURCE_FAILED', `youtube: ${reason}; retrying later`, {
              cause: new HttpStatusError(res.status, true),
            })
          }
          if (reason === 'commentsDisabled' || reason === 'videoNotFound' || reason === 'channelNotFound') {
            health.error(`youtube: ${target.key}: ${reason}`)
            break
          }
          const message =
            res.status === 403 || keyInvalid(body, reason)
              ? `youtube: credentials rejected (${res.status} ${reason || 'forbidden'})${explanation(body)}`
              : `youtube: request refused (${res.status} ${reason})${explanation(body)}`
          throw new PulseError('SOURCE_FAILED', message, { cause: new HttpStatusError(res.status, false) })
        }
        const items = arr(rec(body).items)
        let reachedOld = false
        for (const item of items) {
          const id = nonEmpty(rec(item).id) ?? ''
          const at = toIso(rec(rec(rec(rec(item).snippet).topLevelComment).snippet).publishedAt) ?? ''
          if (cp && (at < cp.publishedAt || (at === cp.publishedAt && cp.ids.includes(id)))) reachedOld = true
          else fresh.push({ raw: item, id, at })
        }
        pageToken = nonEmpty(rec(body).nextPageToken)
        if (reachedOld || !pageToken) break
      }
      for (const f of fresh.reverse()) {
        const prev = position[target.key]
        if (f.at !== '' && (!prev || f.at > prev.publishedAt))
          position[target.key] = { publishedAt: f.at, ids: [f.id] }
        else if (prev && f.at === prev.publishedAt)
          position[target.key] = { publishedAt: f.at, ids: [...prev.ids, f.id] }
        yield { raw: f.raw, checkpoint: structuredClone(position) }
      }
    }
  }

  async function* read(
    from: YouTubeCheckpoint | undefined,
    signal: AbortSignal,
  ): AsyncGenerator<Delivery<YouTubeCheckpoint>> {
    const position: Record<string, YouTubeCheckpoint[string]> = { ...(from ?? {}) }
    yield* pollLoop({
      rt,
      health,
      signal,
      intervalMs: opts.pollIntervalMs ?? 900_000,
      backoff: opts.backoff,
      pass: (s) => pass(position, s),
    })
  }

  return { name, source: 'youtube', read, normalise: normaliseYouTube, health: () => health.snapshot() }
}
