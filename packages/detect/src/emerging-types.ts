import type { SketchSnapshot } from './emerging-sketch.ts'

/** The emerging-term detector's options, input, hits and snapshot (see `createEmergingDetector`). */
export interface EmergingOptions {
  /**
   * Event-time step: terms are counted per step and tested at the end of every step, over sliding
   * windows. `close` may cover several steps. Default 1 minute.
   */
  readonly stepMs?: number
  /** Test windows, all ending at the closing step (rounded to whole steps). Default 5, 15 and 60 minutes. */
  readonly windowsMs?: readonly number[]
  /**
   * Posts this far past a closing step's end are counted in its test when they have already been
   * added (whole steps only): the caller's lateness, so a replay is not credited with posts a live
   * stream would not have yet. Default 2 minutes.
   */
  readonly lookaheadMs?: number
  /** Expected false alarms per day across all terms (Bonferroni over terms × windows × steps). Default 0.5. */
  readonly falseAlarmsPerDay?: number
  /** A hit needs at least this many independent voices (distinct authors, distinct texts). Default 3. */
  readonly minAuthors?: number
  /** …and at least this many times its expected count. Default 4. */
  readonly minLift?: number
  /** Pseudo-count of voices a never-seen term is assumed to have in the background. Default 0.5. */
  readonly priorAuthors?: number
  /** Half-life of the background rates. Default 3 days. */
  readonly halfLifeMs?: number
  /** No hits until this much stream time has built a background. Default 1 day. */
  readonly warmupMs?: number
  /** Negative-binomial over-dispersion of term counts (0 = Poisson). Default 0.1. */
  readonly dispersion?: number
  /** Stream time without elevation before a fired term may fire again. Default 30 minutes. */
  readonly calmMs?: number
  /** Authors posting faster than this (per hour, decayed) count less, in proportion. Default 12. */
  readonly botPostsPerHour?: number
  readonly maxTerms?: number
  readonly maxAuthorsTracked?: number
  /** Terms an author is remembered as a voice of inside the window (default 1,024; beyond, it counts again). */
  readonly maxTermsPerAuthor?: number
  /** Count-min sketch of the background: width (cells per row) and depth (rows). Defaults 2^16 and 4. */
  readonly sketchWidth?: number
  readonly sketchDepth?: number
  /** Symptoms whose pairs in one post are tracked as terms (`fever + rash`). Default DEFAULT_SYMPTOMS. */
  readonly cooccurrence?: readonly string[]
}

export interface EmergingMention {
  readonly id: string
  readonly authorId: string
  readonly createdAtMs: number
  readonly terms: readonly string[]
  readonly text: string
  readonly followers: number
}

export interface EmergingHit {
  readonly term: string
  /** Independent voices in the window that fired (distinct authors and texts, bot-discounted). */
  readonly observedAuthors: number
  readonly expectedAuthors: number
  readonly pValue: number
  readonly firstSeenMs: number
  /** Distinct authors of the term in the last hour. */
  readonly authors: number
  readonly mentionIds: string[]
  readonly samples: Array<{ id: string; text: string }>
  readonly topCoTerms: Array<{ value: string; count: number }>
  /** 0 = independent voices, 1 = the volume is reposts, copy-paste or repeat/bot-rate authors. */
  readonly amplification: number
}

export interface EmergingSnapshot {
  readonly version: 2
  readonly sketch: SketchSnapshot
  readonly mass: number
  readonly massAtMs: number
  /** Start of the first step seen (warm-up is counted from it). */
  readonly firstMs: number | null
}

export interface EmergingDetector {
  add(m: EmergingMention): void
  /**
   * Closes the steps of [startMs, endMs) not closed yet (in order; a step ends by `endMs`) and
   * returns the terms that start emerging in them. Call it once per step for the earliest hits.
   */
  close(startMs: number, endMs: number): EmergingHit[]
  /** Whether the term fired and has not calmed down since. */
  isActive(term: string): boolean
  /** The learnt background (rates, warm-up), for a restart without a new warm-up. */
  snapshot(): EmergingSnapshot
  restore(s: EmergingSnapshot): void
  readonly stats: { terms: number; active: number; authors: number; recentPosts: number }
}
