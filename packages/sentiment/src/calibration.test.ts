import { describe, expect, it } from 'vitest'
import { CALIBRATION_FEATURE_COUNT, CALIBRATION_FEATURES } from './calibration.ts'
import {
  applyCalibration,
  assignFolds,
  type CalibrationSample,
  fitCalibration,
  fitLogistic,
  fitRidge,
  solve,
} from './calibration-fit.ts'
import { ENGLISH_CALIBRATION } from './data/english-calibration.ts'
import {
  calibrationSample,
  createRuleAnalyzer,
  createSentimentScorer,
  isCalibrationCompatible,
} from './scorer.ts'

describe('linear algebra', () => {
  it('solves a system that needs pivoting', () => {
    const x = solve(Float64Array.of(0, 1, 2, 1), Float64Array.of(3, 4), 2)
    expect([...x].map((v) => Number(v.toFixed(9)))).toEqual([0.5, 3])
  })

  it('ridge recovers y = 2x without intercept; logistic orders by the feature', () => {
    const xs = [1, 2, 3, 4].map((v) => Float64Array.of(v))
    expect(fitRidge(xs, [2, 4, 6, 8], 0)[0]).toBeCloseTo(2, 9)
    const rows = [-2, -1, -0.5, 0.5, 1, 2].map((v) => Float64Array.of(1, v))
    const w = fitLogistic(rows, [0, 0, 1, 0, 1, 1], 1)
    expect(w[1]).toBeGreaterThan(0)
  })
})

describe('assignFolds', () => {
  it('is deterministic and balanced', () => {
    const a = assignFolds(103, 10, 7)
    expect([...a]).toEqual([...assignFolds(103, 10, 7)])
    const sizes = new Array<number>(10).fill(0)
    for (const f of a) sizes[f] = (sizes[f] ?? 0) + 1
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
  })
})

describe('calibration layer', () => {
  // Mild positives rated neutral; strong ones rated positive: the layer learns to move the mild ones.
  const sample = (compound: number, rating: number): CalibrationSample => {
    const features = new Float64Array(CALIBRATION_FEATURE_COUNT)
    features[0] = Math.abs(compound)
    features[19] = compound > 0 ? 1 : 0
    return { rating, compound, features }
  }
  const samples = [0.1, 0.12, 0.15, 0.2, 0.6, 0.7, 0.8, 0.9, -0.5, -0.7].map((c) =>
    sample(c, c > 0 && c < 0.3 ? 0 : c * 3),
  )
  const model = fitCalibration(samples, { neutralL2: 0.1, magnitudeL2: 0.1, threshold: 0.5 })

  it.each([
    [0.1, 'neutral'],
    [0.8, 'positive'],
    [-0.7, 'negative'],
  ])('compound %d → %s', (compound, label) => {
    const s = applyCalibration(model, sample(compound, 0))
    expect(Math.abs(s) < 0.05 ? 'neutral' : s > 0 ? 'positive' : 'negative').toBe(label)
  })

  it('never flips polarity and keeps no evidence at 0', () => {
    for (const c of [-1, -0.3, -0.01, 0.01, 0.3, 1]) {
      expect(Math.sign(applyCalibration(model, sample(c, 0)))).toBe(Math.sign(c))
    }
    expect(applyCalibration(model, sample(0, 0))).toBe(0)
  })
})

describe('calibration features', () => {
  const analyzer = createRuleAnalyzer()
  const feature = (text: string, name: (typeof CALIBRATION_FEATURES)[number]): number | undefined =>
    calibrationSample(analyzer, text, 0)?.features[CALIBRATION_FEATURES.indexOf(name)]

  it('enters every feature also times the polarity, so each polarity has its own weights', () => {
    expect(CALIBRATION_FEATURE_COUNT).toBe(39)
    expect(feature('a good nurse', 'positive_x_abs_compound')).toBe(feature('a good nurse', 'abs_compound'))
    expect(feature('a good nurse?', 'positive_x_has_question')).toBe(1)
    expect(feature('a bad nurse?', 'has_question')).toBe(1)
    expect(feature('a bad nurse?', 'positive_x_has_question')).toBe(0)
  })

  it('counts the words of a multi-word expression as words, not symbols', () => {
    expect(feature('kind of good', 'has_symbol')).toBe(0)
    expect(feature('the nurses were the bomb', 'has_symbol')).toBe(0)
    expect(feature('kind of good 🙂', 'has_symbol')).toBe(1)
  })
})

describe('shipped calibration', () => {
  const calibrated = createSentimentScorer()
  const rules = createSentimentScorer({ calibration: null })

  it('matches this build’s features', () => {
    expect(isCalibrationCompatible(ENGLISH_CALIBRATION)).toBe(true)
  })

  it.each([
    // A check-in with a link: the rules read "mercy" as positive, people rate it neutral.
    ["I'm at Mercy Hospital Clinic (2700 SW River Hwy) http://t.co/x", 'neutral'],
    ['I love my nurses, best care ever!!', 'positive'],
    ['This hospital is a nightmare, worst wait ever', 'negative'],
  ])('%s → %s', (text, label) => {
    expect(calibrated.score(text, 'en')?.label).toBe(label)
  })

  it.each([
    'Me encanta este hospital, excelente atención',
    'El servicio fue terrible y muy lento',
    'Gracias a todos por su apoyo',
  ])('leaves Spanish to the rules: %s', (text) => {
    expect(calibrated.score(text)).toEqual(rules.score(text))
  })

  it('is deterministic and bounded', () => {
    for (const text of ['', '🙂', 'good', 'GREAT!!!!', 'not bad at all?', 'x'.repeat(30_000)]) {
      const a = calibrated.score(text)
      expect(a).toEqual(calibrated.score(text))
      expect(Math.abs(a?.score ?? 0)).toBeLessThanOrEqual(1)
    }
  })
})
