import { PulseError } from '@pulse/core'
import type { Connector, Delivery } from '../framework/connector.ts'
import { createHealth } from '../framework/health.ts'
import { createHttp, readJson } from '../framework/http.ts'
import { pollLoop } from '../framework/poll.ts'
import { type BackoffPolicy, type RuntimeDeps, runtime } from '../framework/runtime.ts'
import { arr, nonEmpty, rec, toIso } from '../framework/values.ts'
import { normaliseReviews } from './normalise.ts'

/** Newest `updateTime` seen per location and the review ids at that time. */
export type GoogleReviewsCheckpoint = Readonly<
  Record<string, { readonly updateTime: string; readonly ids: readonly string[] }>
>

export interface GoogleReviewsOptions extends RuntimeDeps {
  /** OAuth 2.0 access token (scope business.manage), or a function that returns a fresh one. */
  readonly accessToken: string | (() => Promise<string>)
  /** Resource names: `accounts/{accountId}/locations/{locationId}`. */
  readonly locations: readonly string[]
  /** Default 30 minutes. */
  readonly pollIntervalMs?: number
  readonly maxPages?: number
  readonly apiBase?: string
  readonly backoff?: BackoffPolicy
}

/**
 * Google Business Profile reviews (`accounts.locations.reviews.list`), newest update first,
 * paging with `nextPageToken` back to the last seen update. Edited reviews come again under the
 * same id, so the sink replaces them.
 */
export function createGoogleReviewsConnector(opts: GoogleReviewsOptions): Connector<GoogleReviewsCheckpoint> {
  const rt = runtime(opts)
  const api = (opts.apiBase ?? 'https://mybusiness.googleapis.com/v4').replace(/\/+$/, '')
  const name = 'reviews:google'
  const health = createHealth(name, 'reviews', rt.clock)
  const http = createHttp({ name, rt, health, ...(opts.backoff ? { backoff: opts.backoff } : {}) })
  if (opts.locations.length === 0)
    throw new PulseError('CONFIG_INVALID', 'reviews: configure at least one location')
  const token = async (): Promise<string> =>
    typeof opts.accessToken === 'string' ? opts.accessToken : opts.accessToken()

  async function* pass(
    position: Record<string, GoogleReviewsCheckpoint[string]>,
    signal: AbortSignal,
  ): AsyncGenerator<Delivery<GoogleReviewsCheckpoint>> {
    for (const location of opts.locations) {
      const cp = position[location]
      const fresh: { raw: unknown; id: string; at: string }[] = []
      let pageToken: string | undefined
      for (let page = 0; page < (opts.maxPages ?? 10); page++) {
        const q = new URLSearchParams({ pageSize: '50', orderBy: 'updateTime desc' })
        if (pageToken) q.set('pageToken', pageToken)
        const res = await http(`${api}/${location}/reviews?${q}`, {
          headers: { authorization: `Bearer ${await token()}` },
          signal,
        })
        const body = rec(await readJson(res, name))
        let reachedOld = false
        for (const r of arr(body.reviews)) {
          const id = nonEmpty(rec(r).reviewId) ?? ''
          const at = toIso(rec(r).updateTime) ?? toIso(rec(r).createTime) ?? ''
          if (cp && (at < cp.updateTime || (at === cp.updateTime && cp.ids.includes(id)))) reachedOld = true
          else fresh.push({ raw: r, id, at })
        }
        pageToken = nonEmpty(body.nextPageToken)
        if (reachedOld || !pageToken) break
      }
      for (const f of fresh.reverse()) {
        const prev = position[location]
        if (f.at !== '' && (!prev || f.at > prev.updateTime))
          position[location] = { updateTime: f.at, ids: [f.id] }
        else if (prev && f.at === prev.updateTime)
          position[location] = { updateTime: f.at, ids: [...prev.ids, f.id] }
        yield { raw: f.raw, checkpoint: structuredClone(position) }
      }
    }
  }

  async function* read(
    from: GoogleReviewsCheckpoint | undefined,
    signal: AbortSignal,
  ): AsyncGenerator<Delivery<GoogleReviewsCheckpoint>> {
    const position: Record<string, GoogleReviewsCheckpoint[string]> = { ...(from ?? {}) }
    yield* pollLoop({
      rt,
      health,
      signal,
      intervalMs: opts.pollIntervalMs ?? 1_800_000,
      backoff: opts.backoff,
      pass: (s) => pass(position, s),
    })
  }

  return {
    name,
    source: 'reviews',
    read,
    normalise: (raw) => normaliseReviews(raw),
    health: () => health.snapshot(),
  }
}
