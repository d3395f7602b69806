import type { RecentPost } from './emerging-evidence.ts'
import { createDecayedSketch, type DecayedSketch, type SketchSnapshot } from './emerging-sketch.ts'
import { drainSlots, heldSteps, newTermState, type TermState } from './emerging-term.ts'

/** What the emerging-term detector remembers, and how it forgets. */
export interface EmergingMemoryOptions {
  readonly stepMs: number
  /** Steps a post stays in the windows (the longest test window). */
  readonly windowSteps: number
  readonly halfLifeMs: number
  /** Prior voices of a term never seen, in the background share. */
  readonly priorAuthors: number
  readonly maxTerms: number
  /** Recent posts and text signatures kept beyond the window at most. */
  readonly maxRecent: number
  readonly sketch: { readonly width: number; readonly depth: number }
}

export interface EmergingMemory {
  /**
   * Tracked terms; Map order is by the last step a term had a post in, oldest first (an entry is
   * re-inserted when a post reaches a later step).
   */
  readonly terms: Map<string, TermState>
  /** When each text signature was last seen (step), to spot copies. */
  readonly texts: Map<string, number>
  readonly recent: Map<string, RecentPost>
  /** Terms with posts per step, for the steps still inside the windows. */
  readonly touched: Map<number, Set<TermState>>
  /** The stream's effective voices per step, for the steps still inside the windows. */
  readonly totals: Map<number, number>
  /** The term's state, created (evicting the least-recently-touched idle term when full) if new. */
  stateOf(term: string, createdAtMs: number, idx: number): TermState
  /** The term's decayed share of the stream's voices (with the prior for unseen terms). */
  backgroundShare(term: string, atMs: number): number
  /** `backgroundShare` of a tracked term. */
  shareOf(s: TermState, atMs: number): number
  recentOf(ids: readonly string[]): RecentPost[]
  /** Moves what left the windows by step `idx` into the background and forgets idle terms and posts. */
  expire(idx: number): void
  snapshot(): { sketch: SketchSnapshot; mass: number; massAtMs: number }
  restore(s: { sketch: SketchSnapshot; mass: number; massAtMs: number }): void
}

/**
 * The detector's memory: terms in their windows (capped, least recently touched evicted first),
 * the long-term background in a fixed-size decayed count-min sketch with the stream's decayed mass,
 * recent posts (for evidence) and text signatures (for copies), per-step indexes.
 */
export function createEmergingMemory(options: EmergingMemoryOptions): EmergingMemory {
  const S = options.stepMs
  const W = options.windowSteps
  const halfLife = options.halfLifeMs
  const sketchShape = { ...options.sketch, halfLifeMs: halfLife }
  let sketch: DecayedSketch = createDecayedSketch(sketchShape)
  let mass = 0
  let massAt = 0
  /** `mass` decayed to `decayedAt` (NaN: stale, whenever `mass` or `massAt` change). */
  let decayed = 0
  let decayedAt = Number.NaN
  const terms = new Map<string, TermState>()
  const texts = new Map<string, number>()
  const recent = new Map<string, RecentPost>()
  const touched = new Map<number, Set<TermState>>()
  const totals = new Map<number, number>()
  /** Scratch of `expire`: the steps of `totals` leaving the windows. */
  const leaving: number[] = []

  const cellsOf = (s: TermState): readonly number[] => {
    s.cells ??= sketch.cellsOf(s.term)
    return s.cells
  }
  const toSketch = (s: TermState, voices: number, idx: number): void =>
    sketch.addAt(cellsOf(s), voices, idx * S)
  const flushSlots = (s: TermState, upTo: number): void => drainSlots(s, upTo, toSketch)

  const shareFrom = (estimate: number, atMs: number): number => {
    // Every term tested in a step asks at the same time: decay the stream's mass once per step.
    if (atMs !== decayedAt) {
      decayed = mass * 2 ** (-Math.max(0, atMs - massAt) / halfLife)
      decayedAt = atMs
    }
    return (estimate + options.priorAuthors) / (decayed + 1)
  }

  const forget = (s: TermState): void => {
    // A term is in `touched` only under the steps of its slots (both are written by one post, and
    // leave together at expiry), so those are the only sets to leave, not every step's.
    for (const i of heldSteps(s)) touched.get(i)?.delete(s)
    flushSlots(s, Number.POSITIVE_INFINITY)
    terms.delete(s.term)
  }

  return {
    terms,
    texts,
    recent,
    touched,
    totals,

    stateOf(term, createdAtMs, idx) {
      let s = terms.get(term)
      if (s) {
        // Moved to the end once per step it reaches, not per post: the order is by last step.
        if (idx > s.lastIdx) {
          terms.delete(term)
          terms.set(term, s)
        }
        return s
      }
      if (terms.size >= options.maxTerms) {
        for (const old of terms.values()) {
          if (old.episode) continue
          forget(old)
          break
        }
      }
      s = newTermState(term, createdAtMs, idx)
      terms.set(term, s)
      return s
    },

    backgroundShare: (term, atMs) => shareFrom(sketch.estimate(term, atMs), atMs),
    shareOf: (s, atMs) => shareFrom(sketch.estimateAt(cellsOf(s), atMs), atMs),

    recentOf: (ids) =>
      ids.flatMap((id) => {
        const p = recent.get(id)
        return p ? [p] : []
      }),

    expire(idx) {
      // forEach rather than for…of: no [step, set] pair built per step held, every step.
      touched.forEach((set, i) => {
        if (i > idx - W) return
        for (const s of set) flushSlots(s, i)
        touched.delete(i)
      })
      // Steps leaving the windows, oldest first (the decayed mass depends on the order). Usually
      // one per call, so only those are sorted, not every step held.
      leaving.length = 0
      for (const i of totals.keys()) if (i <= idx - W) leaving.push(i)
      if (leaving.length > 1) leaving.sort((a, b) => a - b)
      for (const i of leaving) {
        const t = i * S
        mass = mass * 2 ** (-Math.max(0, t - massAt) / halfLife) + (totals.get(i) ?? 0)
        massAt = Math.max(massAt, t)
        decayedAt = Number.NaN
        totals.delete(i)
      }
      for (const s of terms.values()) {
        if (s.episode) continue
        if (s.lastIdx > idx - W) break
        forget(s)
      }
      for (const [sig, i] of texts) {
        if (i > idx - W && texts.size <= options.maxRecent) break
        texts.delete(sig)
      }
      for (const [id, p] of recent) {
        if (p.idx > idx - W && recent.size <= options.maxRecent) break
        recent.delete(id)
      }
    },

    snapshot: () => ({ sketch: sketch.snapshot(), mass, massAtMs: massAt }),

    restore(s) {
      sketch = createDecayedSketch({ ...sketchShape, restore: s.sketch })
      mass = s.mass
      massAt = s.massAtMs
      decayedAt = Number.NaN
    },
  }
}
