import { createSeriesDetector, type SeriesDetector, type SeriesDetectorOptions } from '@pulse/anomaly'
import type { Severity } from '@pulse/core'
import { addToBucket, type Bucket, type BucketInput, newBucket } from './accumulator.ts'
import type { Episode } from './episode.ts'
import type { SeriesKey } from './keys.ts'
import { severityOf } from './severity.ts'
import type { SeriesPoint } from './signal-builder.ts'
import { newWindowState, updateWindow, WINDOW_BUCKETS, type WindowState } from './window-test.ts'

const DAY = 86_400_000

/** What the detector keeps per key: its count models, open buckets, recent history and open signal. */
export interface KeyState {
  readonly sk: SeriesKey
  readonly detector: SeriesDetector
  readonly buckets: Map<number, Bucket>
  readonly history: SeriesPoint[]
  lastSeen: number
  episode: Episode | null
  resolvedAt: number
  readonly window: WindowState
  /** The posts (and what they link to) of the key's last hour of closed buckets, newest last. */
  readonly recent: Array<{
    readonly t: number
    readonly ids: readonly string[]
    readonly refs: ReadonlyMap<string, number>
  }>
}

/** One key's closed bucket, scored: the input to the signal lifecycle. */
export interface KeyRow {
  readonly s: KeyState
  readonly b: Bucket
  readonly point: SeriesPoint
  readonly pValue: number
  readonly severity: Severity
  readonly hourCount: number
  readonly hourAuthors: number
}

export interface KeyStoreOptions {
  readonly bucketMs: number
  /** Buckets of series kept as evidence. */
  readonly historyBuckets: number
  /** Keys with no data for this long are forgotten (unless a signal is open). */
  readonly idleExpiryMs: number
  readonly maxKeys: number
  /** Per-bucket decay of the window test's slow baseline, and its warm-up in buckets. */
  readonly windowDecay: number
  readonly windowWarmup: number
  readonly series: SeriesDetectorOptions | undefined
}

/** The detector's keys: per-key state, open buckets by event time, scoring at close, and expiry. */
export interface KeyStore {
  readonly size: number
  values(): Iterable<KeyState>
  /**
   * Adds a post at event time `t` to its key's bucket `start`. A key seen for the first time is
   * created; `first` and `next` (the stream's first and next bucket to close) date its back-fill.
   */
  add(sk: SeriesKey, post: BucketInput, t: number, start: number, first?: number, next?: number): void
  /** Closes bucket `start` on every key: updates both tests and the history, and scores it. */
  close(start: number): KeyRow[]
  /** Forgets idle keys without an open signal, then the least recently seen beyond `maxKeys`. */
  expire(start: number): void
}

export function createKeyStore(options: KeyStoreOptions): KeyStore {
  const B = options.bucketMs
  const { windowDecay, windowWarmup } = options
  const keys = new Map<string, KeyState>()
  /**
   * The bucket of a key without posts in it, shared: most keys are quiet in most buckets, and a
   * fresh bucket is seven empty collections. Rows are only read, never added to.
   */
  const empty: Bucket = newBucket()

  const stateOf = (sk: SeriesKey, first: number | undefined, next: number | undefined): KeyState => {
    let s = keys.get(sk.id)
    if (!s) {
      s = {
        sk,
        detector: createSeriesDetector(options.series),
        buckets: new Map(),
        history: [],
        lastSeen: 0,
        episode: null,
        resolvedAt: Number.NEGATIVE_INFINITY,
        window: newWindowState(),
        recent: [],
      }
      // A watchlist key (topic, claim, brand, intent) that first shows up mid-stream was simply at
      // zero before: replay those zeros so it is not stuck in warm-up when its first surge arrives.
      // Hashtags are open-ended, so new ones are left to the emerging-term detector instead.
      if (sk.key.dimension !== 'hashtag' && first !== undefined && next !== undefined) {
        const from = Math.max(first, next - 2 * DAY)
        for (let t = from; t < next; t += B) {
          s.detector.update(t, 0)
          updateWindow(s.window, 0, 0, true, windowDecay, windowWarmup)
        }
      }
      keys.set(sk.id, s)
    }
    return s
  }

  const closeKey = (s: KeyState, start: number): KeyRow => {
    const b = s.buckets.get(start) ?? empty
    s.buckets.delete(start)
    const value = s.sk.measure === 'negative' ? b.negative : b.count
    const r = s.detector.update(start, value)
    const w = updateWindow(s.window, value, b.authors.size, s.episode === null, windowDecay, windowWarmup)
    // Two looks at the same key (seasonal bucket model, last hour vs slow baseline): Bonferroni.
    const pValue = Math.min(1, 2 * Math.min(r.pValue, w.pValue))
    const point = { t: start, observed: value, expected: r.expected, upper: r.upper }
    s.history.push(point)
    if (s.history.length > options.historyBuckets) s.history.shift()
    if (b.ids.size > 0) s.recent.push({ t: start, ids: [...b.ids], refs: b.refs })
    while ((s.recent[0]?.t ?? start) <= start - WINDOW_BUCKETS * B) s.recent.shift()
    const severity = severityOf({
      kind: s.sk.kind,
      pValue,
      observed: point.observed,
      expected: point.expected,
      uniqueAuthors: b.authors.size,
      reach: b.reach,
      negativeShare: b.scored > 0 ? b.negative / b.scored : null,
    })
    return { s, b, point, pValue, severity, hourCount: w.hourCount, hourAuthors: w.hourAuthors }
  }

  return {
    get size() {
      return keys.size
    },
    values() {
      return keys.values()
    },
    add(sk, post, t, start, first, next) {
      const s = stateOf(sk, first, next)
      s.lastSeen = Math.max(s.lastSeen, t)
      let b = s.buckets.get(start)
      if (!b) {
        b = newBucket()
        s.buckets.set(start, b)
      }
      addToBucket(b, post)
    },
    close(start) {
      const rows: KeyRow[] = []
      for (const s of keys.values()) rows.push(closeKey(s, start))
      return rows
    },
    expire(start) {
      // forEach rather than for…of: this visits every key each bucket, without an [id, state] pair each.
      keys.forEach((s, id) => {
        if (!s.episode && s.buckets.size === 0 && s.lastSeen < start - options.idleExpiryMs) keys.delete(id)
      })
      if (keys.size > options.maxKeys) {
        const idle = [...keys].filter(([, s]) => !s.episode).sort((a, b) => a[1].lastSeen - b[1].lastSeen)
        for (const [id] of idle.slice(0, keys.size - options.maxKeys)) keys.delete(id)
      }
    },
  }
}

/** The ids of a key's last hour of posts (this bucket's included). */
export function hourIds(s: KeyState): Set<string> {
  const ids = new Set<string>()
  for (const r of s.recent) for (const id of r.ids) ids.add(id)
  return ids
}

/** A key's last hour of posts (ids and what they link to) with this bucket's vocabulary. */
export function hourOf(s: KeyState, b: Bucket): Bucket {
  const h = newBucket()
  for (const r of s.recent) {
    for (const id of r.ids) h.ids.add(id)
    for (const [ref, n] of r.refs) h.refs.set(ref, (h.refs.get(ref) ?? 0) + n)
  }
  for (const [c, n] of b.claimPosts) h.claimPosts.set(c, n)
  return h
}
