import { negativeBinomialUpperTail } from '@pulse/anomaly'
import { nestedWindowsOf, type TermState, windowOf } from './emerging-term.ts'

/** A window this unusual keeps an open episode going (well short of a new alarm). */
export const CALM_P = 1e-3

/** One term's test at one step: its most unusual window. */
export interface Scored {
  readonly s: TermState
  readonly observed: number
  readonly expected: number
  readonly pValue: number
  /** Passes the family-wise threshold, the minimum of voices and the minimum lift. */
  readonly significant: boolean
  /** Some window is at least CALM_P unusual (an open episode stays open). */
  readonly elevated: boolean
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
}

/**
 * Tests a term's independent voices in each window (idx − k, top] against its background share
 * times the stream's volume in that window (negative binomial), and keeps the most unusual window
 * among those due this step in which the term has posts since the window's last test. Every
 * window counts towards `elevated` (whether an open episode goes on).
 */
export function scoreTerm(s: TermState, shareOf: () => number, c: ScoreContext): Scored {
  let best = { observed: 0, expected: 0, pValue: 1, passes: false }
  let elevated = false
  let share: number | undefined
  // Windows end at `top` but start from the closing step: (idx − k, top] is k + top − idx steps.
  const counts = nestedWindowsOf(
    s,
    c.top,
    c.windows.map((w) => w.k + c.top - c.idx),
  )
  for (const [j, w] of c.windows.entries()) {
    const observed = counts[j] ?? 0
    if (observed < c.minAuthors) continue
    share ??= shareOf()
    const expected = share * c.streamIn(w.k)
    if (observed < c.minLift * expected) continue
    const pValue = negativeBinomialUpperTail(observed, expected, c.dispersion)
    if (pValue <= CALM_P) elevated = true
    if (w.threshold === undefined || windowOf(s, c.idx - w.cadence, c.top).posts === 0) continue
    if (pValue < best.pValue) best = { observed, expected, pValue, passes: pValue <= w.threshold }
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
