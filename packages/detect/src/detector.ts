import { familyWiseThreshold } from '@pulse/anomaly'
import { SEVERITY_RANK, type Severity, type Signal, stableHash } from '@pulse/core'
import { type Bucket, bucketInputOf } from './accumulator.ts'
import type { Detector, DetectorOptions } from './detector-types.ts'
import { createEmergingHold } from './emerging-hold.ts'
import { type Episode, MAX_EPISODE_IDS, overlaps, remember, sharesVocabulary } from './episode.ts'
import { createKeyStore, hourIds, hourOf, type KeyState } from './key-state.ts'
import { type SeriesKey, seriesKeysOf } from './keys.ts'
import { buildSignal, evidenceOf, type SeriesPoint, titleOf } from './signal-builder.ts'
import { isSuppressed } from './suppression.ts'

export type { Detector, DetectorOptions } from './detector-types.ts'

/** How late a post may arrive and still count in its bucket: a bucket closes this long after it ends. */
export const DEFAULT_LATENESS_MS = 2 * 60_000
/** Width of the base event-time bucket. */
export const DEFAULT_BUCKET_MS = 5 * 60_000

const MINUTE = 60_000
const DAY = 86_400_000

/**
 * Keyed, event-time anomaly detection. Each key (topic, hashtag, claim, brand sentiment, questions
 * to the org, self-disclosures) keeps a causal seasonal count model; when a bucket closes, keys whose
 * tail probability passes the family-wise threshold open a signal. Signals escalate while the key
 * stays above its band and resolve after `calmBuckets` calm buckets; a key that fires together with
 * an open signal on mostly the same posts is folded into it, so one event is one signal.
 */
export function createDetector(options: DetectorOptions): Detector {
  const B = options.bucketMs ?? DEFAULT_BUCKET_MS
  const lateness = options.latenessMs ?? DEFAULT_LATENESS_MS
  const alphaBucket = (options.falseAlarmsPerDay ?? 0.5) / (DAY / B)
  const minCount = options.minCount ?? 5
  const minAuthors = options.minAuthors ?? 3
  const calmBuckets = options.calmBuckets ?? 6
  const stayOpen = options.stayOpenPValue ?? 0.01
  const cooldown = options.cooldownMs ?? 6 * 3_600_000
  // Self-disclosures are sparse: one episode gathers a morning's worth rather than one per post.
  const calmFor = (sk: SeriesKey): number =>
    sk.kind === 'phi_exposure' ? Math.max(calmBuckets, 24) : calmBuckets
  const windowWarmup = Math.round(DAY / B)
  const wl = options.watchlist
  const orgName = wl.organization.name
  const keyOptions = {
    placeTopics: new Set(options.placeTopics ?? []),
    brandTopic: 'brand',
    orgHandles: new Set(wl.organization.handles.map((h) => h.replace(/^@/, '').toLowerCase())),
  }
  const label = (sk: SeriesKey): string =>
    sk.kind === 'sentiment_shift' || sk.kind === 'information_void' || sk.kind === 'phi_exposure'
      ? orgName
      : (options.labelOf?.(sk.key.dimension, sk.key.value) ?? sk.key.value)

  const keys = createKeyStore({
    bucketMs: B,
    historyBuckets: options.historyBuckets ?? 36,
    idleExpiryMs: options.idleExpiryMs ?? 3 * DAY,
    maxKeys: options.maxKeys ?? 20_000,
    windowDecay: 0.5 ** (B / DAY),
    windowWarmup,
    series: options.series,
  })
  /** New-term detection, held back until no watchlist signal explains the same posts. */
  const hold =
    options.emerging === false
      ? undefined
      : createEmergingHold({
          bucketMs: B,
          latenessMs: lateness,
          emerging: options.emerging,
          suppressions: wl.suppressions,
        })
  let next: number | undefined
  let first: number | undefined
  let maxEvent = Number.NEGATIVE_INFINITY
  let buckets = 0
  let future = 0
  const maxFuture = options.maxFutureMs ?? 15 * MINUTE

  const emit = (
    s: KeyState,
    e: Episode,
    state: Signal['state'],
    b: Bucket,
    point: SeriesPoint,
    pValue: number,
  ): Signal => {
    const value = point.observed
    const evidence = evidenceOf(b, value, point.expected, s.history, e.firstSeen)
    return buildSignal({
      id: e.id,
      revision: e.revision,
      kind: s.sk.kind,
      key: s.sk.key,
      state,
      severity: e.severity,
      score: Math.min(1, Math.max(0, 1 - pValue)),
      title: titleOf(s.sk.kind, s.sk.key, label(s.sk)),
      bucketStart: new Date(point.t).toISOString(),
      bucketSeconds: B / 1000,
      openedAt: new Date(e.openedAt).toISOString(),
      updatedAt: new Date(point.t + B).toISOString(),
      evidence,
      bucketMinutes: B / MINUTE,
    })
  }

  /** Opens a signal on a key from its closed bucket (and the hour of posts that led up to it). */
  const openKey = (
    s: KeyState,
    row: { b: Bucket; point: SeriesPoint; pValue: number; severity: Severity },
    hour: Bucket,
    start: number,
    active: Episode[],
  ): Signal => {
    const episode: Episode = {
      id: `sig_${stableHash(s.sk.id, String(start)).slice(0, 20)}`,
      kind: s.sk.kind,
      key: s.sk.key,
      openedAt: start,
      firstSeen: row.b.firstSeen,
      revision: 1,
      severity: row.severity,
      lastObserved: row.point.observed,
      calm: 0,
      lastIds: new Set(),
      terms: new Map(),
    }
    remember(episode, row.b)
    // The posts that built up to the alarm (a seed post, the first reports) belong to the story too.
    for (const id of hour.ids) if (episode.lastIds.size < MAX_EPISODE_IDS) episode.lastIds.add(id)
    s.episode = episode
    active.push(episode)
    return emit(s, episode, 'opened', row.b, row.point, row.pValue)
  }

  /** Open episodes: the keys' and the emerging terms'. */
  const openEpisodes = (): Episode[] => [
    ...[...keys.values()].flatMap((k) => (k.episode ? [k.episode] : [])),
    ...(hold?.openEpisodes() ?? []),
  ]

  /** Closes one bucket: escalates, resolves or opens key signals, then the emerging terms. */
  const closeBucket = (start: number): Signal[] => {
    buckets++
    const out: Signal[] = []
    const threshold = familyWiseThreshold(alphaBucket, Math.max(1, keys.size))
    const rows = keys.close(start)
    rows.sort((x, y) => x.s.sk.priority - y.s.sk.priority)
    // A PHI exposure is a privacy alert about single posts, not a story: nothing folds into it.
    const active = openEpisodes().filter((e) => e.kind !== 'phi_exposure')
    /** Posts of watchlist keys rising but not yet significant: held new terms wait for them. */
    const rising: ReadonlySet<string>[] = []
    for (const { s, b, point, pValue, severity, hourCount, hourAuthors } of rows) {
      const elevated = pValue <= stayOpen || (Number.isFinite(point.upper) && point.observed > point.upper)
      const e = s.episode
      if (e) {
        if (elevated || (s.sk.kind === 'phi_exposure' && point.observed > 0)) {
          e.calm = 0
          remember(e, b)
          if (SEVERITY_RANK[severity] > SEVERITY_RANK[e.severity] || point.observed >= 1.5 * e.lastObserved) {
            e.revision++
            e.severity = SEVERITY_RANK[severity] > SEVERITY_RANK[e.severity] ? severity : e.severity
            e.lastObserved = point.observed
            out.push(emit(s, e, 'escalating', b, point, pValue))
          }
        } else if (++e.calm >= calmFor(s.sk)) {
          e.revision++
          out.push(emit(s, e, 'resolved', b, point, pValue))
          s.episode = null
          s.resolvedAt = start
        }
        continue
      }
      const significant =
        s.sk.kind === 'phi_exposure'
          ? point.observed >= 1
          : pValue <= threshold &&
            hourCount >= (s.sk.key.dimension === 'place' ? minAuthors : minCount) &&
            hourAuthors >= minAuthors &&
            b.count > 0 &&
            // The first two hours after warm-up settle the short-term scale; no alarms yet.
            s.window.buckets > windowWarmup + 24
      if (!significant && pValue <= stayOpen && s.sk.kind !== 'phi_exposure') rising.push(hourIds(s))
      if (!significant || start - s.resolvedAt < cooldown || isSuppressed(wl.suppressions, s.sk.key, start))
        continue
      // Same posts already explained by an open signal: fold in rather than alert twice. The window
      // tests look back an hour, so the hour's posts are compared too, not only this bucket's.
      const hour = hourOf(s, b)
      if (
        s.sk.kind !== 'phi_exposure' &&
        active.some((a) => overlaps(b, a) || overlaps(hour, a, false) || sharesVocabulary(b, a))
      )
        continue
      out.push(openKey(s, { b, point, pValue, severity }, hour, start, active))
    }
    if (hold) out.push(...hold.close(start, active, rising))
    keys.expire(start)
    return out
  }

  const advance = (until: number): Signal[] => {
    const out: Signal[] = []
    while (next !== undefined && next + B <= until) {
      out.push(...closeBucket(next))
      next += B
    }
    return out
  }

  return {
    ingest(mentions, reached = Number.POSITIVE_INFINITY) {
      for (const m of mentions) {
        const t = Date.parse(m.createdAt)
        if (!Number.isFinite(t)) continue
        if (options.clock && t > options.clock.now() + maxFuture) {
          future++
          continue
        }
        next ??= Math.floor(t / B) * B
        first ??= next
        const start = Math.max(Math.floor(t / B) * B, next)
        if (t > maxEvent) maxEvent = t
        const input = bucketInputOf(m, t)
        hold?.add(input, start)
        for (const sk of seriesKeysOf(m, keyOptions)) keys.add(sk, input, t, start, first, next)
      }
      return advance(Math.min(maxEvent, reached) - lateness)
    },
    flush() {
      return Number.isFinite(maxEvent) ? advance(Math.floor(maxEvent / B) * B + B) : []
    },
    tick(nowMs) {
      if (!Number.isFinite(maxEvent) || Math.abs(nowMs - maxEvent) > 3_600_000) return []
      return advance(nowMs - lateness)
    },
    openSignals() {
      return openEpisodes().map((e) => ({ id: e.id, revision: e.revision }))
    },
    continueRevisions(stored) {
      for (const e of openEpisodes()) e.revision = Math.max(e.revision, stored.get(e.id) ?? 0)
    },
    get stats() {
      let open = hold?.openCount ?? 0
      for (const s of keys.values()) if (s.episode) open++
      return { keys: keys.size, buckets, openSignals: open, watermark: maxEvent - lateness, future }
    },
  }
}
