import {
  createSeriesDetector,
  familyWiseThreshold,
  type SeriesDetector,
  type SeriesDetectorOptions,
} from '@pulse/anomaly'
import {
  type Clock,
  type EnrichedMention,
  SEVERITY_RANK,
  type Severity,
  type Signal,
  stableHash,
  type Watchlist,
} from '@pulse/core'
import { addToBucket, type Bucket, newBucket, topOf } from './accumulator.ts'
import { createEmergingDetector } from './emerging.ts'
import type { EmergingHit, EmergingOptions } from './emerging-types.ts'
import { type SeriesKey, seriesKeysOf } from './keys.ts'
import { severityOf } from './severity.ts'
import { buildSignal, evidenceOf, type SeriesPoint, titleOf } from './signal-builder.ts'
import { isSuppressed } from './suppression.ts'
import { newWindowState, updateWindow, WINDOW_BUCKETS, type WindowState } from './window-test.ts'

export interface DetectorOptions {
  readonly watchlist: Watchlist
  /** Bucket width. Default 5 minutes. */
  readonly bucketMs?: number
  /** How long to wait for late events before a bucket closes (event time). Default 2 minutes. */
  readonly latenessMs?: number
  /** Expected false alarms per simulated day across all keys (family-wise, Bonferroni). Default 0.5. */
  readonly falseAlarmsPerDay?: number
  /** A spike needs at least this many posts and distinct authors. Defaults 5 and 3. */
  readonly minCount?: number
  readonly minAuthors?: number
  /** Buckets back to normal (p above `stayOpenPValue`) before a signal resolves (hysteresis). Default 6. */
  readonly calmBuckets?: number
  /** While a signal is open, a bucket this unusual still counts as part of the episode. Default 0.01. */
  readonly stayOpenPValue?: number
  /** After a signal resolves, its key does not open a new one for this long. Default 6 hours. */
  readonly cooldownMs?: number
  /** Buckets of series kept as evidence. Default 36 (3 h at 5 min). */
  readonly historyBuckets?: number
  /** Keys with no data for this long are forgotten (unless a signal is open). Default 3 days. */
  readonly idleExpiryMs?: number
  readonly maxKeys?: number
  readonly series?: SeriesDetectorOptions
  /**
   * Wall clock: a post dated more than `maxFutureMs` (default 15 minutes) ahead of it is left out of
   * detection (clock skew or a bogus date must not fast-forward event time past every bucket).
   */
  readonly clock?: Clock
  readonly maxFutureMs?: number
  /** Options for new-term detection (`false` turns it off). */
  readonly emerging?: EmergingOptions | false
  /** Human label for a key value (claim text, topic label). */
  readonly labelOf?: (dimension: string, value: string) => string
}

interface Episode {
  readonly id: string
  readonly kind: SeriesKey['kind']
  readonly key: SeriesKey['key']
  readonly openedAt: number
  readonly firstSeen: number
  revision: number
  severity: Severity
  lastObserved: number
  calm: number
  lastIds: Set<string>
  readonly terms: Map<string, number>
}

interface KeyState {
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

export interface Detector {
  /** Adds mentions (any order within the lateness bound) and returns the signal changes they caused. */
  ingest(mentions: readonly EnrichedMention[]): Signal[]
  /** Closes every open bucket (end of a replay) and returns the resulting signal changes. */
  flush(): Signal[]
  /**
   * Live mode: closes buckets by the wall clock when no new events arrive, so a quiet stream still
   * gets its signals on time. Ignored while the stream's event time is far from `nowMs` (replays).
   */
  tick(nowMs: number): Signal[]
  readonly stats: { keys: number; buckets: number; openSignals: number; watermark: number; future: number }
}

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
  const B = options.bucketMs ?? 5 * MINUTE
  const lateness = options.latenessMs ?? 2 * MINUTE
  const alphaBucket = (options.falseAlarmsPerDay ?? 0.5) / (DAY / B)
  const minCount = options.minCount ?? 5
  const minAuthors = options.minAuthors ?? 3
  const calmBuckets = options.calmBuckets ?? 6
  const stayOpen = options.stayOpenPValue ?? 0.01
  const cooldown = options.cooldownMs ?? 6 * 3_600_000
  // Self-disclosures are sparse: one episode gathers a morning's worth rather than one per post.
  const calmFor = (sk: SeriesKey): number =>
    sk.kind === 'phi_exposure' ? Math.max(calmBuckets, 24) : calmBuckets
  const historyBuckets = options.historyBuckets ?? 36
  const idleExpiry = options.idleExpiryMs ?? 3 * DAY
  const maxKeys = options.maxKeys ?? 20_000
  const windowDecay = 0.5 ** (B / DAY)
  const windowWarmup = Math.round(DAY / B)
  const wl = options.watchlist
  const orgName = wl.organization.name
  const keyOptions = {
    brandTopic: 'brand',
    orgHandles: new Set(wl.organization.handles.map((h) => h.replace(/^@/, '').toLowerCase())),
  }
  const label = (sk: SeriesKey): string =>
    sk.kind === 'sentiment_shift' || sk.kind === 'information_void' || sk.kind === 'phi_exposure'
      ? orgName
      : (options.labelOf?.(sk.key.dimension, sk.key.value) ?? sk.key.value)

  const keys = new Map<string, KeyState>()
  const emerging =
    options.emerging === false
      ? undefined
      : createEmergingDetector({ bucketMs: B, ...(options.emerging ?? {}) })
  /** Open emerging-term episodes by term, resolved when the term calms down. */
  const emergingOpen = new Map<string, { episode: Episode; hit: EmergingHit }>()
  /**
   * New-term hits wait this many buckets for a more specific watchlist signal (claim, brand,
   * topic) to claim the same posts; only a story nothing else explains becomes `emerging_term`.
   */
  const holdBuckets = 3
  const pending = new Map<string, { hit: EmergingHit; since: number; ids: Set<string> }>()
  interface PostFacts {
    readonly terms: readonly string[]
    readonly claims: readonly string[]
    readonly refs: readonly string[]
  }
  /** Per bucket still open: post ids per term, and each post's facts (read at close, then dropped). */
  const termIndex = new Map<number, { byTerm: Map<string, string[]>; posts: Map<string, PostFacts> }>()
  /** A pending hit's posts as a bucket (vocabulary, claims, replies) to compare with open episodes. */
  const vocabularyOf = (ids: Iterable<string>, index: Map<string, PostFacts>[]): Bucket => {
    const b = newBucket()
    for (const id of ids) {
      b.ids.add(id)
      for (const i of index) {
        const facts = i.get(id)
        if (!facts) continue
        for (const t of facts.terms) b.terms.set(t, (b.terms.get(t) ?? 0) + 1)
        for (const c of facts.claims) b.claimPosts.set(c, (b.claimPosts.get(c) ?? 0) + 1)
        for (const r of facts.refs) b.refs.set(r, (b.refs.get(r) ?? 0) + 1)
      }
    }
    return b
  }
  let next: number | undefined
  let first: number | undefined
  let maxEvent = Number.NEGATIVE_INFINITY
  let buckets = 0
  let future = 0
  const maxFuture = options.maxFutureMs ?? 15 * MINUTE

  const stateOf = (sk: SeriesKey): KeyState => {
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

  /**
   * Whether a candidate bucket is the same event as an open episode: a good share of its posts
   * already belong to the episode, or reply to, quote or repost the episode's posts.
   */
  const overlaps = (candidate: Bucket, episode: Episode, smallSide = true): boolean => {
    if (candidate.ids.size === 0) return false
    let shared = 0
    for (const id of candidate.ids) if (episode.lastIds.has(id)) shared++
    let linked = shared
    for (const [ref, posts] of candidate.refs) if (episode.lastIds.has(ref)) linked += posts
    // Posts about the same claim, spreading or debunking it, are the same narrative.
    if (episode.key.dimension === 'claim') linked += candidate.claimPosts.get(episode.key.value) ?? 0
    // Share of the candidate's posts, or of the smaller side (a small episode inside a big bucket).
    const smaller = Math.min(candidate.ids.size, episode.lastIds.size)
    return (
      linked / candidate.ids.size >= 0.15 ||
      (smallSide && shared >= 2 && shared / Math.max(1, smaller) >= 0.3)
    )
  }
  const remember = (e: Episode, b: Bucket): void => {
    for (const [t, n] of b.terms)
      if (e.terms.size < 2_000 || e.terms.has(t)) e.terms.set(t, (e.terms.get(t) ?? 0) + n)
    for (const id of b.ids) {
      if (e.lastIds.size >= 20_000) return
      e.lastIds.add(id)
    }
  }
  /** Same conversation: most of the candidate's top terms are among the episode's top terms. */
  const sharesVocabulary = (candidate: Bucket, e: Episode): boolean => {
    const mine = topOf(candidate.terms, 10).filter((t) => t.count >= 2)
    if (mine.length < 4) return false
    const theirs = new Set(topOf(e.terms, 30).map((t) => t.value))
    return mine.filter((t) => theirs.has(t.value)).length >= Math.ceil(mine.length * 0.6)
  }

  /** A key's last hour of posts (ids and what they link to) with this bucket's vocabulary. */
  const hourOf = (s: KeyState, b: Bucket): Bucket => {
    const h = newBucket()
    for (const r of s.recent) {
      for (const id of r.ids) h.ids.add(id)
      for (const [ref, n] of r.refs) h.refs.set(ref, (h.refs.get(ref) ?? 0) + n)
    }
    for (const [c, n] of b.claimPosts) h.claimPosts.set(c, n)
    return h
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
    for (const id of hour.ids) if (episode.lastIds.size < 20_000) episode.lastIds.add(id)
    s.episode = episode
    active.push(episode)
    return emit(s, episode, 'opened', row.b, row.point, row.pValue)
  }

  const closeBucket = (start: number): Signal[] => {
    buckets++
    const out: Signal[] = []
    const threshold = familyWiseThreshold(alphaBucket, Math.max(1, keys.size))
    const rows: Array<{
      s: KeyState
      b: Bucket
      point: SeriesPoint
      pValue: number
      severity: Severity
      hourCount: number
      hourAuthors: number
    }> = []
    for (const s of keys.values()) {
      const b = s.buckets.get(start) ?? newBucket()
      s.buckets.delete(start)
      const value = s.sk.measure === 'negative' ? b.negative : b.count
      const r = s.detector.update(start, value)
      const w = updateWindow(s.window, value, b.authors.size, s.episode === null, windowDecay, windowWarmup)
      // Two looks at the same key (seasonal bucket model, last hour vs slow baseline): Bonferroni.
      const pValue = Math.min(1, 2 * Math.min(r.pValue, w.pValue))
      const point = { t: start, observed: value, expected: r.expected, upper: r.upper }
      s.history.push(point)
      if (s.history.length > historyBuckets) s.history.shift()
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
      rows.push({ s, b, point, pValue, severity, hourCount: w.hourCount, hourAuthors: w.hourAuthors })
    }
    rows.sort((x, y) => x.s.sk.priority - y.s.sk.priority)
    // A PHI exposure is a privacy alert about single posts, not a story: nothing folds into it.
    const active: Episode[] = [
      ...[...keys.values()].flatMap((k) =>
        k.episode && k.episode.kind !== 'phi_exposure' ? [k.episode] : [],
      ),
      ...[...emergingOpen.values()].map((o) => o.episode),
    ]
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
            hourCount >= minCount &&
            hourAuthors >= minAuthors &&
            b.count > 0 &&
            // The first two hours after warm-up settle the short-term scale; no alarms yet.
            s.window.buckets > windowWarmup + 24
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
    out.push(...closeEmerging(start, active))
    termIndex.delete(start)
    for (const [id, s] of keys) {
      if (!s.episode && s.buckets.size === 0 && s.lastSeen < start - idleExpiry) keys.delete(id)
    }
    if (keys.size > maxKeys) {
      const idle = [...keys].filter(([, s]) => !s.episode).sort((a, b) => a[1].lastSeen - b[1].lastSeen)
      for (const [id] of idle.slice(0, keys.size - maxKeys)) keys.delete(id)
    }
    return out
  }

  /** `closing` is the bucket whose close emits the revision (after `start` while a hit was held). */
  const emergingSignal = (
    e: Episode,
    hit: EmergingHit,
    state: Signal['state'],
    start: number,
    closing = start,
  ): Signal => {
    const hashtag = hit.term.startsWith('#')
    const key = {
      dimension: hashtag ? ('hashtag' as const) : ('term' as const),
      value: hashtag ? hit.term.slice(1) : hit.term,
    }
    return buildSignal({
      id: e.id,
      revision: e.revision,
      kind: 'emerging_term',
      key,
      state,
      severity: e.severity,
      score: Math.min(1, Math.max(0, 1 - hit.pValue)),
      title: titleOf('emerging_term', key, hit.term),
      bucketStart: new Date(start).toISOString(),
      bucketSeconds: B / 1000,
      openedAt: new Date(e.openedAt).toISOString(),
      updatedAt: new Date(closing + B).toISOString(),
      evidence: {
        observed: Math.round(hit.observedAuthors * 100) / 100,
        expected: Math.round(hit.expectedAuthors * 100) / 100,
        ratio: Math.round((hit.observedAuthors / Math.max(hit.expectedAuthors, 0.01)) * 100) / 100,
        series: [],
        topTerms: hit.topCoTerms,
        topSources: [],
        sampleMentionIds: hit.samples.map((x) => x.id),
        sampleTexts: hit.samples.map((x) => x.text),
        uniqueAuthors: hit.authors,
        amplification: Math.round(hit.amplification * 100) / 100,
        negativeShare: null,
        firstSeen: new Date(hit.firstSeenMs).toISOString(),
      },
      bucketMinutes: B / MINUTE,
    })
  }

  /** After the watchlist keys: resolves calm emerging terms, holds new hits, opens unexplained ones. */
  const closeEmerging = (start: number, active: Episode[]): Signal[] => {
    if (!emerging) return []
    const out: Signal[] = []
    for (const [term, o] of emergingOpen) {
      if (!emerging.isActive(term)) {
        o.episode.revision++
        out.push(emergingSignal(o.episode, o.hit, 'resolved', start))
        emergingOpen.delete(term)
      }
    }
    for (const hit of emerging.close(start, start + B)) {
      if (!pending.has(hit.term) && !emergingOpen.has(hit.term)) {
        pending.set(hit.term, { hit, since: start, ids: new Set(hit.mentionIds) })
      }
    }
    // The posts of pending and open terms in this bucket (and the next, already seen in part).
    const indexes = [termIndex.get(start), termIndex.get(start + B)].filter((i) => i !== undefined)
    for (const index of indexes) {
      for (const [term, p] of pending) for (const id of index.byTerm.get(term) ?? []) p.ids.add(id)
      for (const [term, o] of emergingOpen) {
        for (const id of index.byTerm.get(term) ?? []) {
          if (o.episode.lastIds.size >= 20_000) break
          o.episode.lastIds.add(id)
          for (const t of index.posts.get(id)?.terms ?? [])
            o.episode.terms.set(t, (o.episode.terms.get(t) ?? 0) + 1)
        }
      }
    }
    const postTerms = indexes.map((i) => i.posts)
    for (const [term, p] of pending) {
      const candidate = vocabularyOf(p.ids, postTerms)
      const key = term.startsWith('#')
        ? { dimension: 'hashtag' as const, value: term.slice(1) }
        : { dimension: 'term' as const, value: term }
      if (
        active.some((a) => overlaps(candidate, a) || sharesVocabulary(candidate, a)) ||
        isSuppressed(wl.suppressions, key, start)
      ) {
        pending.delete(term)
        continue
      }
      if (start - p.since < holdBuckets * B) continue
      pending.delete(term)
      const { hit } = p
      const episode: Episode = {
        id: `sig_${stableHash('emerging', term, String(p.since)).slice(0, 20)}`,
        kind: 'emerging_term',
        key,
        // The hit may have looked ahead into the next bucket: date it from the term's first post.
        openedAt: Math.max(p.since, Math.floor(hit.firstSeenMs / B) * B),
        firstSeen: hit.firstSeenMs,
        revision: 1,
        severity: severityOf({
          kind: 'emerging_term',
          pValue: hit.pValue,
          observed: hit.authors,
          expected: hit.expectedAuthors,
          uniqueAuthors: hit.authors,
          reach: 0,
          negativeShare: null,
        }),
        lastObserved: hit.observedAuthors,
        calm: 0,
        lastIds: p.ids,
        terms: new Map(hit.topCoTerms.map((t) => [t.value, t.count])),
      }
      emergingOpen.set(term, { episode, hit })
      for (const [t, n] of candidate.terms) episode.terms.set(t, (episode.terms.get(t) ?? 0) + n)
      active.push(episode)
      out.push(emergingSignal(episode, hit, 'opened', episode.openedAt, start))
    }
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
    ingest(mentions) {
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
        const input = {
          id: m.id,
          authorId: m.author.id,
          source: m.source,
          text: m.text,
          createdAtMs: t,
          negative: m.sentiment ? m.sentiment.label === 'negative' : null,
          engagement: m.engagement.likes + m.engagement.reposts + m.engagement.replies + m.engagement.quotes,
          followers: m.author.followers ?? 0,
          terms: m.terms,
          refs: [m.inReplyTo, m.quoteOf, m.repostOf].filter(
            (r): r is string => typeof r === 'string' && r !== '',
          ),
          claims: m.claims.map((c) => c.id),
        }
        if (emerging) {
          let index = termIndex.get(start)
          if (!index) {
            index = { byTerm: new Map(), posts: new Map() }
            termIndex.set(start, index)
          }
          index.posts.set(m.id, { terms: m.terms, claims: input.claims, refs: input.refs })
          for (const term of m.terms) {
            const ids = index.byTerm.get(term)
            if (!ids) index.byTerm.set(term, [m.id])
            else if (ids.length < 5_000) ids.push(m.id)
          }
        }
        emerging?.add({
          id: m.id,
          authorId: m.author.id,
          createdAtMs: t,
          terms: m.terms,
          text: m.text,
          followers: m.author.followers ?? 0,
        })
        for (const sk of seriesKeysOf(m, keyOptions)) {
          const s = stateOf(sk)
          s.lastSeen = Math.max(s.lastSeen, t)
          let b = s.buckets.get(start)
          if (!b) {
            b = newBucket()
            s.buckets.set(start, b)
          }
          addToBucket(b, input)
        }
      }
      return advance(maxEvent - lateness)
    },
    flush() {
      return Number.isFinite(maxEvent) ? advance(Math.floor(maxEvent / B) * B + B) : []
    },
    tick(nowMs) {
      if (!Number.isFinite(maxEvent) || Math.abs(nowMs - maxEvent) > 3_600_000) return []
      return advance(nowMs - lateness)
    },
    get stats() {
      let open = emergingOpen.size
      for (const s of keys.values()) if (s.episode) open++
      return { keys: keys.size, buckets, openSignals: open, watermark: maxEvent - lateness, future }
    },
  }
}
