import { negativeBinomialUpperTail } from '@pulse/anomaly'
import { hasPostsIn, type TermState } from './emerging-term.ts'

/** A window this unusual keeps an open episode going (well short of a new alarm). */
export const CALM_P = 1e-3

/** One term's test at one step: its most unusual window. */
export interface Scored {
  s: TermState
  observed: number
  expected: number
  pValue: number
  /** Passes the family-wise threshold, the minimum of voices and the minimum lift. */
  significant: boolean
  /** Some window is at least CALM_P unusual (an open episode stays open). */
  elevated: boolean
}

/** A result to reuse: hundreds of terms are tested per step and nearly all are dropped at once. */
export function newScored(s: TermState): Scored {
  return { s, observed: 0, expected: 0, pValue: 1, significant: false, elevated: false }
}

/** One test window: its length, and its per-test threshold when it is due this step (else undefined). */
export interface TestWindow {
  /** Length in steps, ending at `top`. */
  readonly k: number
  /** Steps between two tests of this window (it looks at terms with posts since its last test). */
  readonly cadence: number
  readonly threshold: number | undefined
}

export interface ScoreContext {
  /** Ascending by length. */
  readonly windows: readonly TestWindow[]
  readonly minAuthors: number
  readonly minLift: number
  readonly dispersion: number
  /** The step being closed, and the last step whose posts are known (look-ahead). */
  readonly idx: number
  readonly top: number
  /** The stream's effective voices in the window of `k` steps ending at `top`. */
  readonly streamIn: (k: number) => number
  /** The term's background share at this step (read only when some window has enough voices). */
  readonly shareOf: (s: TermState) => number
}

/**
 * Tests a term's independent voices in each window (idx − k, top] against its background share
 * times the stream's volume in that window (negative binomial), and keeps the most unusual window
 * among those due this step in which the term has posts since the window's last test. Every
 * window counts towards `elevated` (whether an open episode goes on). `counts` are the term's
 * voices in each window, (idx − k, top] (`nestedWindowsOf` over k + top − idx steps). The result is
 * written into `into` (and returned): copy it to keep it past the next call.
 */
export function scoreTerm(s: TermState, counts: readonly number[], c: ScoreContext, into: Scored): Scored {
  into.s = s
  into.observed = 0
  into.expected = 0
  into.pValue = 1
  into.significant = false
  into.elevated = false
  let share: number | undefined
  for (let j = 0; j < c.windows.length; j++) {
    const w = c.windows[j]
    if (w === undefined) continue
    const observed = counts[j] ?? 0
    if (observed < c.minAuthors) continue
    share ??= c.shareOf(s)
    const expected = share * c.streamIn(w.k)
    if (observed < c.minLift * expected) continue
    const pValue = negativeBinomialUpperTail(observed, expected, c.dispersion)
    if (pValue <= CALM_P) into.elevated = true
    if (w.threshold === undefined || !hasPostsIn(s, c.idx - w.cadence, c.top)) continue
    if (pValue < into.pValue) {
      into.observed = observed
      into.expected = expected
      into.pValue = pValue
      into.significant = pValue <= w.threshold
    }
  }
  return into
}
