import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { evaluate, parseRatedTsv, pearson } from './evaluate.ts'
import { createSentimentScorer } from './scorer.ts'

describe('pearson', () => {
  it.each([
    [[1, 2, 3], [2, 4, 6], 1],
    [[1, 2, 3], [3, 2, 1], -1],
    [[1, 2, 3, 4], [1, 3, 2, 4], 0.8],
  ])('%j vs %j → %d', (xs, ys, r) => {
    expect(pearson(xs, ys)).toBeCloseTo(r, 6)
  })

  it.each([
    [[], []],
    [[1], [1]],
    [
      [1, 1, 1],
      [1, 2, 3],
    ],
    [
      [1, 2],
      [1, 2, 3],
    ],
  ])('undefined for %j vs %j', (xs, ys) => {
    expect(pearson(xs, ys)).toBeNaN()
  })
})

describe('parseRatedTsv / evaluate', () => {
  it('parses rows, keeps tabs inside the text, skips malformed lines', () => {
    const rows = parseRatedTsv('1\t2.5\tgreat\tday\r\nbad line\n2\tx\tnope\n3\t-1\tawful\n\n')
    expect(rows).toEqual([
      { id: '1', rating: 2.5, text: 'great\tday' },
      { id: '3', rating: -1, text: 'awful' },
    ])
  })

  it('counts 3-class agreement with the conventional thresholds', () => {
    const rows = parseRatedTsv('a\t2\tx\nb\t-2\ty\nc\t0.4\tz\nd\t1\tw\n')
    const scores: Record<string, number> = { x: 0.5, y: -0.5, z: 0.04, w: -0.3 }
    const e = evaluate(rows, (t) => scores[t] ?? null)
    expect(e.n).toBe(4)
    expect(e.accuracy).toBe(0.75)
  })
})

// The shared development ratings live beside the repository (../shared/data/sentiment).
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const dataDir = resolve(repoRoot, '../shared/data/sentiment')
const haveData = existsSync(resolve(dataDir, 'vader_tweets_dev.tsv'))

describe.skipIf(!haveData)(`VADER study ratings (${dataDir})`, () => {
  const scorer = createSentimentScorer()
  const run = (file: string) =>
    evaluate(
      parseRatedTsv(readFileSync(resolve(dataDir, file), 'utf8')),
      (t) => scorer.score(t)?.score ?? null,
    )

  // Regression floors at the achieved held-out level. The rule weights were chosen by 10-fold CV on
  // these dev tweets; the English calibration layer (data/english-calibration.ts) is fitted on them
  // too, and its nested 10-fold out-of-fold figures (`pulse bench sentiment --cv`) are r 0.9086,
  // 3-class 0.8314 on the project's fold split, and r 0.908, 3-class 0.829 on average over ten
  // outer splits (3-class 0.826-0.832). The floors sit at that held-out level, not at the in-sample
  // figures (r 0.9104, 3-class 0.8333). The reviews were never fitted: they check that rules and
  // layer generalise (rules alone: r 0.635, 3-class 0.610).
  it('tweets: at the cross-validated level (r ≥ 0.908, 3-class ≥ 0.828)', () => {
    const e = run('vader_tweets_dev.tsv')
    expect(e.n).toBe(2147)
    expect(e.pearson).toBeGreaterThanOrEqual(0.908)
    expect(e.accuracy).toBeGreaterThanOrEqual(0.828)
  })

  it('reviews: no ground lost (r ≥ 0.646, 3-class ≥ 0.607)', () => {
    const e = run('vader_amazon_reviews.tsv')
    expect(e.pearson).toBeGreaterThanOrEqual(0.646)
    expect(e.accuracy).toBeGreaterThanOrEqual(0.607)
  })

  // The issue's target (r ≥ 0.90, 3-class ≥ 0.83) is judged out-of-fold, by `pulse bench sentiment
  // --cv`, not here: in-sample figures would flatter it. Out-of-fold r is met (0.908); 3-class is
  // 0.8314 on the project's fold split but 0.829 on average over outer splits, so borderline.
})
if (!haveData) {
  describe('VADER study ratings', () => {
    it.skip(`skipped: ${dataDir} not found`, () => {})
  })
}
