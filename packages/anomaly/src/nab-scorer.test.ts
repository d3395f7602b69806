import { describe, expect, it } from 'vitest'
import { scoreNab, sweepNab } from './nab-evaluate.ts'
import {
  labelRows,
  NAB_PROFILES,
  type NabLabelledFile,
  type NabScoredFile,
  optimizeThreshold,
  probationaryLength,
  scaledSigmoid,
} from './nab-scorer.ts'

const standard = NAB_PROFILES[0] ?? { name: 'standard', tpWeight: 1, fpWeight: 0.11, fnWeight: 1 }
const MIN = 60_000
// 100 rows one minute apart; probation = floor(0.15 · 100) = 15 rows; one window over rows 40–49.
const file: NabLabelledFile = {
  name: 'toy.csv',
  timestamps: Array.from({ length: 100 }, (_, i) => i * MIN),
  windows: [[40 * MIN, 49 * MIN]],
}
const labels = labelRows(file)

function detector(...rows: number[]): NabScoredFile {
  const scores = new Float64Array(100)
  for (const r of rows) scores[r] = 1
  return { name: file.name, labels, scores }
}

describe('NAB scoring', () => {
  it.each([
    [100, 15],
    [1000, 150],
    [15_902, 750],
  ])('probationary length of %d rows is %d', (rows, want) => {
    expect(probationaryLength(rows)).toBe(want)
  })

  it('scaled sigmoid matches NAB: window start ≈ 0.987, end 0, far after −1', () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(0.98661, 5)
    expect(scaledSigmoid(-0.5)).toBeCloseTo(0.84828, 5)
    expect(scaledSigmoid(0)).toBe(0)
    expect(scaledSigmoid(3)).toBe(-1)
  })

  it('a perfect detector scores 100 and the null detector 0', () => {
    expect(scoreNab([detector(40)], standard).normalized).toBeCloseTo(100, 10)
    expect(scoreNab([detector()], standard).normalized).toBeCloseTo(0, 10)
  })

  it('one false positive far from any window costs fpWeight', () => {
    const r = scoreNab([detector(40, 20)], standard)
    expect(r.raw).toBeCloseTo(1 - 0.11, 10)
    expect(r.normalized).toBeCloseTo((100 * (0.89 + 1)) / 2, 10)
  })

  it('a false positive just after a window costs less (sigmoid of the distance)', () => {
    const r = scoreNab([detector(40, 50)], standard)
    expect(r.raw).toBeCloseTo(1 + 0.11 * scaledSigmoid(1 / 9), 10)
    expect(r.raw).toBeGreaterThan(0.89)
  })

  it('only the earliest detection in a window counts, and a late one earns less', () => {
    expect(scoreNab([detector(45)], standard).raw).toBeCloseTo(scaledSigmoid(-0.5) / scaledSigmoid(-1), 10)
    expect(scoreNab([detector(40, 45, 49)], standard).raw).toBeCloseTo(1, 10)
  })

  it('detections in the probationary period are ignored', () => {
    expect(scoreNab([detector(40, 3, 10)], standard).raw).toBeCloseTo(1, 10)
  })

  it('the threshold is optimised: the best cut of the scores is chosen', () => {
    const scores = new Float64Array(100)
    scores[40] = 0.9
    scores[20] = 0.5 // an FP below the window's score: a threshold in (0.5, 0.9] skips it
    expect(optimizeThreshold([{ name: file.name, labels, scores }], standard)).toEqual({
      threshold: 0.9,
      score: 1,
    })
  })

  it('missing a window costs fnWeight per profile', () => {
    const low = NAB_PROFILES.find((p) => p.name === 'reward_low_FN_rate')
    if (!low) throw new Error('profile missing')
    expect(scoreNab([detector()], low).raw).toBe(-2)
  })
})

describe('sweepNab (a tuned constant, chosen leave-one-file-out)', () => {
  const hit = (name: string): NabScoredFile => ({ ...detector(40), name })
  const miss = (name: string): NabScoredFile => ({ ...detector(), name })

  it('picks the variant that wins on the other files', () => {
    const r = sweepNab(
      [
        [hit('a'), hit('b')],
        [miss('a'), miss('b')],
      ],
      standard,
    )
    expect(r.inSample).toEqual([100, 0])
    expect(r.picks).toEqual([0, 0])
    expect(r.heldOutNormalized).toBeCloseTo(100, 10)
  })

  it('does not credit a constant that only fits the file it is scored on', () => {
    // Variant 0 suits file a only, variant 1 file b only: each looks half right in-sample, but a
    // choice made without the held-out file always picks the variant that misses it.
    const r = sweepNab(
      [
        [hit('a'), miss('b')],
        [miss('a'), hit('b')],
      ],
      standard,
    )
    expect(r.inSample).toEqual([50, 50])
    expect(r.picks).toEqual([1, 0])
    expect(r.heldOutNormalized).toBeCloseTo(0, 10)
  })
})
