import { familyWiseThreshold } from '@pulse/anomaly'
import { createAuthorRates, voiceOf } from './emerging-authors.ts'
import { coTermsOf, samplesOf } from './emerging-evidence.ts'
import { createEmergingMemory } from './emerging-memory.ts'
import { newScored, type ScoreContext, type Scored, scoreTerm } from './emerging-score.ts'
import {
  authorsIn,
  idsIn,
  nestedWindowsOf,
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
const DAY = 86_400_000
const MAX_TERMS_PER_POST = 64
/** A step without posts. A Set, as `touched` holds: a loop over a Set or an array builds a result per item. */
const NO_TERMS: ReadonlySet<TermState> = new Set()

/**
 * Emerging-term detection: hashtags, words, phrases and symptom pairs that were rare or absent and
 * suddenly have several independent voices. At the end of every minute (a step), each fresh term's
 * count of distinct authors with distinct texts (bot-rate accounts discounted) in the sliding last
 * 5, 15 and 60 minutes is tested against its decayed share of the stream times the stream's volume
 * in the window (so daily cycles cancel), with a small prior for never-seen terms, Bonferroni over
 * terms × windows × steps, and a minimum of voices. Testing every minute rather than every 5-minute
 * bucket alarms as soon as the evidence is there, at the same false-alarm budget per day.
 * Event-time, causal, O(terms) per mention; memory capped (terms, authors, recent posts) with the
 * long-term background in a fixed-size count-min sketch.
 */
export function createEmergingDetector(options: EmergingOptions = {}): EmergingDetector {
  const S = Math.max(1, options.stepMs ?? MINUTE)
  const toSteps = (ms: number): number => Math.max(1, Math.round(ms / S))
  const lengths = [
    ...new Set((options.windowsMs ?? [5 * MINUTE, 15 * MINUTE, 60 * MINUTE]).map(toSteps)),
  ].sort((a, b) => a - b)
  const W = Math.max(...lengths)
  // A window is tested every 1/12 of its length: consecutive tests then overlap by 11/12 or more,
  // so testing it more often would add little power and cost false-alarm budget.
  const windows = lengths.map((k) => ({ k, cadence: Math.ceil(k / 12) }))
  const lookahead = Math.max(0, Math.floor((options.lookaheadMs ?? 2 * MINUTE) / S))
  /** Each window's share of the day's budget, per test (before Bonferroni over the terms tested). */
  const alphaTest = (cadence: number): number =>
    (options.falseAlarmsPerDay ?? 0.5) / windows.length / (DAY / (cadence * S))
  const minAuthors = options.minAuthors ?? 3
  const minLift = options.minLift ?? 4
  const dispersion = options.dispersion ?? 0.1
  const warmup = options.warmupMs ?? DAY
  const calmSteps = toSteps(options.calmMs ?? 30 * MINUTE)
  const maxTermsPerAuthor = options.maxTermsPerAuthor ?? 1_024
  const lexicon = new Set(options.cooccurrence ?? DEFAULT_SYMPTOMS)
  const maxTerms = options.maxTerms ?? 50_000
  const memory = createEmergingMemory({
    stepMs: S,
    windowSteps: W,
    halfLifeMs: options.halfLifeMs ?? 3 * DAY,
    priorAuthors: options.priorAuthors ?? 0.5,
    maxTerms,
    maxRecent: Math.max(1_000, maxTerms),
    sketch: { width: options.sketchWidth ?? 65_536, depth: options.sketchDepth ?? 4 },
  })
  const { terms, texts, recent, touched, totals, backgroundShare } = memory
  let firstIdx: number | undefined
  let lastClosed: number | undefined
  let maxIdx: number | undefined
  const authors = createAuthorRates({
    botPostsPerHour: options.botPostsPerHour ?? 12,
    maxAuthors: options.maxAuthorsTracked ?? 200_000,
  })
  const active = new Set<TermState>()
  /** Per-step scratch of `closeStep`, reused: terms with posts since a window's last test, etc. */
  const fresh: TermState[] = []
  /** Counts `closeStep` calls: a term is in `fresh` when its `freshPass` is the current one. */
  let pass = 0
  /** Fresh terms within the last n steps (index n), for the Bonferroni count of each cadence. */
  const freshSince: number[] = []
  const spans = windows.map(() => 0)
  const countsOf = windows.map(() => 0)
  const scratch = newScored(newTermState('', 0, 0))

  const hitOf = (r: Scored, idx: number, top: number): EmergingHit => {
    const ids = idsIn(r.s, idx - W, top)
    const posts = memory.recentOf(ids)
    const w = windowOf(r.s, idx - W, top)
    const rarity = (term: string): number => backgroundShare(term, idx * S)
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

  /** Tests the terms touched in step `idx` (and its look-ahead) and returns the new hits. */
  const closeStep = (idx: number): EmergingHit[] => {
    lastClosed = idx
    const warm = firstIdx !== undefined && (idx - firstIdx) * S >= warmup
    // Posts of the next steps that already arrived (within the caller's lateness) count too:
    // they are known now, and waiting for their step to close would only add delay.
    const top = Math.min(idx + lookahead, Math.max(idx, maxIdx ?? idx))
    // Terms with posts since each window's last test: the 5-minute window's every step, the
    // hour's every five. Bonferroni over them, per window.
    const widest = Math.max(...windows.map((w) => (idx % w.cadence === 0 ? w.cadence : 1)))
    pass++
    fresh.length = 0
    for (let i = top; i > idx - widest; i--) {
      for (const s of touched.get(i) ?? NO_TERMS) {
        if (s.freshPass === pass) continue
        s.freshPass = pass
        fresh.push(s)
      }
      // Look-ahead steps (i > idx) only add their terms: counts are kept from the closing step back.
      if (i <= idx) freshSince[idx - i + 1] = fresh.length
    }
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
    for (const [j, w] of windows.entries()) spans[j] = w.k + top - idx
    const context: ScoreContext = {
      windows: windows.map((w) => ({
        ...w,
        threshold:
          idx % w.cadence === 0
            ? familyWiseThreshold(alphaTest(w.cadence), Math.max(1, freshSince[w.cadence] ?? 1))
            : undefined,
      })),
      minAuthors,
      minLift,
      dispersion,
      idx,
      top,
      streamIn,
      shareOf: (s) => memory.shareOf(s, idx * S),
    }
    const scored: Scored[] = []
    const score = (s: TermState): void => {
      // Fewer voices held than a test needs (most terms): no window can have enough; see below.
      if (!s.episode && s.held < minAuthors - 1e-6) return
      // Windows end at `top` but start from the closing step: (idx − k, top] is k + top − idx steps.
      const counts = nestedWindowsOf(s, top, spans, countsOf)
      // Fewer voices in the widest window (the most any window holds) than a test needs: its test
      // would say p = 1, neither significant nor elevated, so it cannot matter unless it has an
      // open episode (whose calm count goes on). Bonferroni counts above include it regardless.
      if (!s.episode && (counts[counts.length - 1] ?? 0) < minAuthors) return
      const r = scoreTerm(s, counts, context, scratch)
      // Only open episodes and significant terms are read below: keep just those.
      if (s.episode || r.significant) scored.push({ ...r })
    }
    // Fresh terms, then open episodes not fresh: the order the tests always ran in.
    for (const s of fresh) score(s)
    for (const s of active) if (s.freshPass !== pass) score(s)
    // Open episodes first: their fresh posts decide whether a new term is the same story.
    for (const r of scored) {
      const e = r.s.episode
      if (!e) continue
      e.calm = r.elevated ? 0 : e.calm + 1
      if (r.elevated) e.ids = new Set(idsIn(r.s, idx - W, top))
      if (e.calm >= calmSteps) {
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
      const share = v ? memory.shareOf(v, idx * S) : backgroundShare(spelling, idx * S)
      return Math.max(seen, share * streamIn(W))
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
    memory.expire(idx)
    authors.expire(idx * S)
    return hits
  }

  return {
    add(m) {
      if (!Number.isFinite(m.createdAtMs) || recent.has(m.id)) return
      let idx = Math.floor(m.createdAtMs / S)
      if (lastClosed !== undefined && idx <= lastClosed) idx = lastClosed + 1
      if (firstIdx === undefined || idx < firstIdx) firstIdx = idx
      if (maxIdx === undefined || idx > maxIdx) maxIdx = idx
      const author = authors.post(m.authorId, m.createdAtMs)
      const weight = author.weight
      const signature = textSignature(m.text)
      const seenAt = signature === '' ? undefined : texts.get(signature)
      const duplicateText = seenAt !== undefined && seenAt > idx - W
      if (signature !== '') {
        texts.delete(signature)
        texts.set(signature, duplicateText && seenAt !== undefined ? Math.max(seenAt, idx) : idx)
      }
      // The post's distinct trackable terms, then its symptom pairs, in order. A short array beats
      // a Set here (a post has about ten terms, at most MAX_TERMS_PER_POST) and is kept as it is.
      const list: string[] = []
      for (const t of m.terms) {
        if (list.length >= MAX_TERMS_PER_POST) break
        if (isTrackableTerm(t) && !list.includes(t)) list.push(t)
      }
      for (const pair of cooccurrenceTerms(list, lexicon)) if (!list.includes(pair)) list.push(pair)
      recent.set(m.id, { id: m.id, idx, text: m.text, signature, followers: m.followers, terms: list })
      totals.set(idx, (totals.get(idx) ?? 0) + weight)
      let set = touched.get(idx)
      if (!set) {
        set = new Set()
        touched.set(idx, set)
      }
      const post = { id: m.id, createdAtMs: m.createdAtMs, idx, weight, duplicateText }
      // No post still to come is at or before lastClosed: the author's steps up to a window before it are spent.
      const floor = lastClosed === undefined ? Number.NEGATIVE_INFINITY : lastClosed + 1 - W
      for (const term of list) {
        const s = memory.stateOf(term, m.createdAtMs, idx)
        recordPost(s, post, voiceOf(author, s, idx, W, floor, maxTermsPerAuthor))
        set.add(s)
      }
    },

    close(startMs, endMs) {
      const last = Math.floor(endMs / S) - 1
      const hits: EmergingHit[] = []
      for (
        let i = Math.max(Math.floor(startMs / S), (lastClosed ?? Number.NEGATIVE_INFINITY) + 1);
        i <= last;
        i++
      )
        hits.push(...closeStep(i))
      return hits
    },

    isActive(term) {
      return terms.get(term)?.episode != null
    },

    snapshot() {
      return { version: 2, ...memory.snapshot(), firstMs: firstIdx === undefined ? null : firstIdx * S }
    },

    restore(s) {
      memory.restore(s)
      if (s.firstMs !== null) {
        const restored = Math.floor(s.firstMs / S)
        firstIdx = Math.min(firstIdx ?? restored, restored)
      }
    },

    get stats() {
      return { terms: terms.size, active: active.size, authors: authors.size, recentPosts: recent.size }
    },
  }
}
