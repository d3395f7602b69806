import { familyWiseThreshold, negativeBinomialUpperTail } from '@pulse/anomaly'
import { coTermsOf, type RecentPost, samplesOf } from './emerging-evidence.ts'
import { createDecayedSketch, type DecayedSketch } from './emerging-sketch.ts'
import {
  authorsIn,
  drainSlots,
  idsIn,
  newTermState,
  recordPost,
  type TermEpisode,
  type TermState,
  windowOf,
} from './emerging-term.ts'
import { cooccurrenceTerms, DEFAULT_SYMPTOMS, isTrackableTerm, textSignature } from './emerging-text.ts'
import type { EmergingDetector, EmergingHit, EmergingOptions } from './emerging-types.ts'
import { isLikelyMisspelling } from './emerging-typo.ts'

export type {
  EmergingDetector,
  EmergingHit,
  EmergingMention,
  EmergingOptions,
  EmergingSnapshot,
} from './emerging-types.ts'

const MINUTE = 60_000
const HOUR = 3_600_000
const DAY = 86_400_000
const MAX_TERMS_PER_POST = 64
const AUTHOR_HALF_LIFE = HOUR
const CALM_P = 1e-3

interface AuthorRate {
  count: number
  atMs: number
}

interface Scored {
  readonly s: TermState
  readonly observed: number
  readonly expected: number
  readonly pValue: number
  readonly significant: boolean
  readonly elevated: boolean
}

/**
 * Emerging-term detection: hashtags, words, phrases and symptom pairs that were rare or absent and
 * suddenly have several independent voices. Each term's count of distinct authors with distinct
 * texts (bot-rate accounts discounted) in the last 5, 15 and 60 minutes is tested against its
 * decayed share of the stream times the stream's volume in the window (so daily cycles cancel),
 * with a small prior for never-seen terms, Bonferroni over terms × windows, and a minimum of voices.
 * Event-time, causal, O(terms) per mention; memory capped (terms, authors, recent posts) with the
 * long-term background in a fixed-size count-min sketch.
 */
export function createEmergingDetector(options: EmergingOptions = {}): EmergingDetector {
  const B = options.bucketMs ?? 5 * MINUTE
  const windows = [...new Set((options.windows ?? [1, 3, 12]).map((k) => Math.max(1, Math.floor(k))))]
  const W = Math.max(...windows)
  const alphaBucket = (options.falseAlarmsPerDay ?? 0.5) / (DAY / B)
  const minAuthors = options.minAuthors ?? 3
  const minLift = options.minLift ?? 4
  const prior = options.priorAuthors ?? 0.5
  const halfLife = options.halfLifeMs ?? 3 * DAY
  const warmup = options.warmupMs ?? DAY
  const dispersion = options.dispersion ?? 0.1
  const calmBuckets = options.calmBuckets ?? 6
  const botRate = options.botPostsPerHour ?? 12
  const maxTerms = options.maxTerms ?? 50_000
  const maxAuthors = options.maxAuthorsTracked ?? 200_000
  const maxAuthorsPerTerm = options.maxAuthorsPerTerm ?? 256
  const maxRecent = Math.max(1_000, maxTerms)
  const lexicon = new Set(options.cooccurrence ?? DEFAULT_SYMPTOMS)
  const sketchShape = {
    width: options.sketchWidth ?? 65_536,
    depth: options.sketchDepth ?? 4,
    halfLifeMs: halfLife,
  }

  let sketch: DecayedSketch = createDecayedSketch(sketchShape)
  let mass = 0
  let massAt = 0
  let firstIdx: number | undefined
  let lastClosed: number | undefined
  let maxIdx: number | undefined
  /** Map order is least-recently-touched first (entries are re-inserted on use). */
  const terms = new Map<string, TermState>()
  const authors = new Map<string, AuthorRate>()
  const texts = new Map<string, number>()
  const recent = new Map<string, RecentPost>()
  const touched = new Map<number, Set<TermState>>()
  const totals = new Map<number, number>()
  const active = new Set<TermState>()

  const weightOf = (authorId: string, atMs: number): number => {
    const a = authors.get(authorId)
    const decay = a ? 2 ** (-Math.max(0, atMs - a.atMs) / AUTHOR_HALF_LIFE) : 0
    const count = (a ? a.count * decay : 0) + 1
    authors.delete(authorId)
    authors.set(authorId, { count, atMs: Math.max(atMs, a?.atMs ?? atMs) })
    const perHour = (count * Math.LN2 * HOUR) / AUTHOR_HALF_LIFE
    return perHour > botRate ? botRate / perHour : 1
  }

  const flushSlots = (s: TermState, upTo: number): void => {
    for (const slot of drainSlots(s, upTo)) sketch.add(s.term, slot.effective, slot.idx * B)
  }

  const forget = (s: TermState): void => {
    flushSlots(s, Number.POSITIVE_INFINITY)
    for (const set of touched.values()) set.delete(s)
    terms.delete(s.term)
  }

  const stateOf = (term: string, createdAtMs: number, idx: number): TermState => {
    let s = terms.get(term)
    if (s) terms.delete(term)
    else {
      if (terms.size >= maxTerms) {
        for (const old of terms.values()) {
          if (old.episode) continue
          forget(old)
          break
        }
      }
      s = newTermState(term, createdAtMs, idx)
    }
    terms.set(term, s)
    return s
  }

  const backgroundShare = (term: string, atMs: number): number => {
    const m = mass * 2 ** (-Math.max(0, atMs - massAt) / halfLife)
    return (sketch.estimate(term, atMs) + prior) / (m + 1)
  }

  /** Tests windows (idx − k, top]: `top` > idx when posts of the next bucket already arrived. */
  const score = (
    s: TermState,
    idx: number,
    top: number,
    tested: number,
    streamIn: (k: number) => number,
  ): Scored => {
    const share = backgroundShare(s.term, idx * B)
    const threshold = familyWiseThreshold(alphaBucket, Math.max(1, tested * windows.length))
    let best = { observed: 0, expected: 0, pValue: 1, passes: false }
    let elevated = false
    for (const k of windows) {
      const observed = windowOf(s, idx - k, top).effective
      const expected = share * streamIn(k)
      if (observed < minAuthors || observed < minLift * expected) continue
      const pValue = negativeBinomialUpperTail(observed, expected, dispersion)
      if (pValue <= CALM_P) elevated = true
      if (pValue < best.pValue) best = { observed, expected, pValue, passes: pValue <= threshold }
    }
    return {
      s,
      observed: best.observed,
      expected: best.expected,
      pValue: best.pValue,
      significant: best.passes,
      elevated,
    }
  }

  const recentOf = (ids: readonly string[]): RecentPost[] =>
    ids.flatMap((id) => {
      const p = recent.get(id)
      return p ? [p] : []
    })

  const hitOf = (r: Scored, idx: number, top: number): EmergingHit => {
    const ids = idsIn(r.s, idx - W, top)
    const posts = recentOf(ids)
    const w = windowOf(r.s, idx - W, top)
    const rarity = (term: string): number => backgroundShare(term, idx * B)
    return {
      term: r.s.term,
      observedAuthors: r.observed,
      expectedAuthors: r.expected,
      pValue: r.pValue,
      firstSeenMs: r.s.firstSeenMs,
      authors: authorsIn(r.s, idx - W, top),
      mentionIds: ids,
      samples: samplesOf(posts),
      topCoTerms: coTermsOf(r.s.term, posts, rarity),
      amplification: w.posts > 0 ? Math.min(1, Math.max(0, 1 - w.effective / w.posts)) : 0,
    }
  }

  /** Same posts as an open episode: part of that story, not a new one. */
  const explainedByOpen = (s: TermState, ids: readonly string[]): boolean => {
    if (ids.length === 0) return false
    for (const a of active) {
      if (a === s || !a.episode || a.episode.ids.size === 0) continue
      let shared = 0
      for (const id of ids) if (a.episode.ids.has(id)) shared++
      // Overlap over the smaller set: a broad word ("virus") carrying most of the posts of an open
      // specific phrase ("golvelvel virus") is the same story, even with its own background posts.
      if (shared / Math.min(ids.length, a.episode.ids.size) >= 0.5) return true
    }
    return false
  }

  const expire = (idx: number, startMs: number): void => {
    for (const [i, set] of touched) {
      if (i > idx - W) continue
      for (const s of set) flushSlots(s, i)
      touched.delete(i)
    }
    for (const [i, total] of [...totals].sort((a, b) => a[0] - b[0])) {
      if (i > idx - W) break
      const t = i * B
      mass = mass * 2 ** (-Math.max(0, t - massAt) / halfLife) + total
      massAt = Math.max(massAt, t)
      totals.delete(i)
    }
    for (const s of terms.values()) {
      if (s.episode) continue
      if (s.lastIdx > idx - W) break
      forget(s)
    }
    for (const [sig, i] of texts) {
      if (i > idx - W && texts.size <= maxRecent) break
      texts.delete(sig)
    }
    for (const [id, p] of recent) {
      if (p.idx > idx - W && recent.size <= maxRecent) break
      recent.delete(id)
    }
    for (const [id, a] of authors) {
      if (a.atMs > startMs - 6 * AUTHOR_HALF_LIFE && authors.size <= maxAuthors) break
      authors.delete(id)
    }
  }

  return {
    add(m) {
      if (!Number.isFinite(m.createdAtMs) || recent.has(m.id)) return
      let idx = Math.floor(m.createdAtMs / B)
      if (lastClosed !== undefined && idx <= lastClosed) idx = lastClosed + 1
      if (firstIdx === undefined || idx < firstIdx) firstIdx = idx
      if (maxIdx === undefined || idx > maxIdx) maxIdx = idx
      const weight = weightOf(m.authorId, m.createdAtMs)
      const signature = textSignature(m.text)
      const seenAt = signature === '' ? undefined : texts.get(signature)
      const duplicateText = seenAt !== undefined && seenAt > idx - W
      if (signature !== '') {
        texts.delete(signature)
        texts.set(signature, duplicateText && seenAt !== undefined ? Math.max(seenAt, idx) : idx)
      }
      const own = new Set<string>()
      for (const t of m.terms) {
        if (own.size >= MAX_TERMS_PER_POST) break
        if (isTrackableTerm(t)) own.add(t)
      }
      for (const pair of cooccurrenceTerms([...own], lexicon)) own.add(pair)
      recent.set(m.id, { id: m.id, idx, text: m.text, signature, followers: m.followers, terms: [...own] })
      totals.set(idx, (totals.get(idx) ?? 0) + weight)
      let set = touched.get(idx)
      if (!set) {
        set = new Set()
        touched.set(idx, set)
      }
      const post = { id: m.id, authorId: m.authorId, createdAtMs: m.createdAtMs, idx, weight, duplicateText }
      for (const term of own) {
        const s = stateOf(term, m.createdAtMs, idx)
        recordPost(s, post, W, maxAuthorsPerTerm)
        set.add(s)
      }
    },

    close(bucketStartMs) {
      const idx = Math.floor(bucketStartMs / B)
      if (lastClosed !== undefined && idx <= lastClosed) return []
      lastClosed = idx
      const warm = firstIdx !== undefined && (idx - firstIdx) * B >= warmup
      // Posts of the next bucket that already arrived (within the caller's lateness) count too:
      // they are known now, and waiting for their bucket to close would only add delay.
      const top = Math.min(idx + 2, Math.max(idx, maxIdx ?? idx))
      const fresh = new Set<TermState>()
      for (let i = idx; i <= top; i++) for (const s of touched.get(i) ?? []) fresh.add(s)
      const tested = fresh.size
      const candidates = new Set([...fresh, ...active])
      const streamCache = new Map<number, number>()
      const streamIn = (k: number): number => {
        let v = streamCache.get(k)
        if (v === undefined) {
          v = 0
          for (let i = idx - k + 1; i <= top; i++) v += totals.get(i) ?? 0
          streamCache.set(k, v)
        }
        return v
      }
      const scored = [...candidates].map((s) => score(s, idx, top, tested, streamIn))
      // Open episodes first: their fresh posts decide whether a new term is the same story.
      for (const r of scored) {
        const e = r.s.episode
        if (!e) continue
        e.calm = r.elevated ? 0 : e.calm + 1
        if (r.elevated) e.ids = new Set(idsIn(r.s, idx - W, top))
        if (e.calm >= calmBuckets) {
          r.s.episode = null
          active.delete(r.s)
        }
      }
      const firing = scored
        .filter((r) => warm && r.significant && !r.s.episode)
        .sort(
          (a, b) =>
            a.pValue - b.pValue || b.s.term.length - a.s.term.length || a.s.term.localeCompare(b.s.term),
        )
      const hits: EmergingHit[] = []
      /** Voices of a spelling in the last hour: counted if it is tracked, else its background rate. */
      const hourVoices = (spelling: string): number => {
        const v = terms.get(spelling)
        const seen = v ? windowOf(v, idx - W, top).effective : 0
        return Math.max(seen, backgroundShare(spelling, idx * B) * streamIn(W))
      }
      for (const r of firing) {
        const ids = idsIn(r.s, idx - W, top)
        // A misspelling of a common word ("heatlh") is the word's own chatter, not a new term.
        const folded =
          explainedByOpen(r.s, ids) ||
          isLikelyMisspelling(r.s.term, windowOf(r.s, idx - W, top).effective, hourVoices)
        const episode: TermEpisode = { openedIdx: idx, calm: 0, ids: new Set(ids) }
        r.s.episode = episode
        active.add(r.s)
        if (!folded) hits.push(hitOf(r, idx, top))
      }
      expire(idx, bucketStartMs)
      return hits
    },

    isActive(term) {
      return terms.get(term)?.episode != null
    },

    snapshot() {
      return { version: 1, sketch: sketch.snapshot(), mass, massAtMs: massAt, firstIdx: firstIdx ?? null }
    },

    restore(s) {
      sketch = createDecayedSketch({ ...sketchShape, restore: s.sketch })
      mass = s.mass
      massAt = s.massAtMs
      if (s.firstIdx !== null) firstIdx = Math.min(firstIdx ?? s.firstIdx, s.firstIdx)
    },

    get stats() {
      return { terms: terms.size, active: active.size, authors: authors.size, recentPosts: recent.size }
    },
  }
}
