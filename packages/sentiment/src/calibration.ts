import { Feature } from './engine.ts'
import type { Tokens } from './tokenize.ts'

/**
 * A small layer over the English rule score, fitted by cross-validation on rated tweets
 * (`calibration-fit.ts`). Humans rate many texts with a mild sentiment word as neutral (ads, small
 * talk, "lol"): a logistic model of P(neutral) over rule features moves those into the neutral
 * band, and a linear map of the rule score with feature interactions sets the magnitude. The rule
 * score's sign is kept: the layer decides only "neutral or not" and "how strong".
 */
export interface NeutralCalibration {
  /** Standardisation of the features: z = (x − mean) / scale. */
  readonly mean: readonly number[]
  readonly scale: readonly number[]
  /** Logistic P(neutral): bias, then one weight per standardised feature. */
  readonly neutral: readonly number[]
  /** Magnitude: rating ≈ Σ weight × term over `magnitudeTerms` (on the −4 … +4 rating scale). */
  readonly magnitude: readonly number[]
  /**
   * Rating units per score unit: the magnitude is |rating| / ratingScale (at most 1), fitted so the
   * strongest training text scores as strongly as its rule compound (scores span −1 … 1 unclipped).
   */
  readonly ratingScale: number
  /** Texts with P(neutral) above this are labelled neutral. */
  readonly threshold: number
}

/** The features of a text that are also entered times its polarity. */
const INTERACTED = [
  'abs_compound',
  'abs_sum',
  'log1p_abs_sum',
  'sentiment_words',
  'any_sentiment_word',
  'pos_max',
  'neg_max',
  'max_word_valence',
  'log1p_words',
  'has_symbol',
  'hashtags',
  'has_caps_word',
  'has_negation',
  'exclamations_max3',
  'has_question',
  'has_url',
  'log1p_chars',
  'has_mention',
  'mixed_polarity',
] as const
/** The features of a text, before the polarity interactions; `positive` is the last. */
const BASE_FEATURES = [...INTERACTED, 'positive'] as const
const POSITIVE = INTERACTED.length

/**
 * Names of the calibration features, in vector order (the data file is checked against them): the
 * base features, then each of them times `positive`. With the interactions, P(neutral) and the
 * magnitude have their own weights per polarity: readers call a text neutral more readily when
 * its only sentiment is mildly positive (small talk, a promotion, a question, a shared link) than
 * when it is mildly negative, which they still read as a complaint.
 */
export const CALIBRATION_FEATURES = [
  ...BASE_FEATURES,
  ...INTERACTED.map((name) => `positive_x_${name}` as const),
] as const
export const CALIBRATION_FEATURE_COUNT = CALIBRATION_FEATURES.length

/**
 * Fills `out` with the calibration features of one text from the engine's features (`engine`,
 * see `Feature`), its tokens, its text and its rule compound score.
 */
export function calibrationFeatures(
  engine: Float64Array,
  tokens: Tokens,
  text: string,
  compound: number,
  out: Float64Array,
): void {
  const sum = Math.abs(engine[Feature.Sum] as number)
  const count = engine[Feature.Count] as number
  const posMax = engine[Feature.PosMax] as number
  const negMax = engine[Feature.NegMax] as number
  out[0] = Math.abs(compound)
  out[1] = sum
  out[2] = Math.log1p(sum)
  out[3] = count
  out[4] = count > 0 ? 1 : 0
  out[5] = posMax
  out[6] = negMax
  out[7] = engine[Feature.MaxLexicon] as number
  out[8] = Math.log1p(engine[Feature.Words] as number)
  out[9] = (engine[Feature.Symbols] as number) > 0 ? 1 : 0
  out[10] = engine[Feature.Hashtags] as number
  out[11] = (engine[Feature.Shouted] as number) > 0 ? 1 : 0
  out[12] = (engine[Feature.Negated] as number) > 0 ? 1 : 0
  out[13] = Math.min(tokens.exclamations, 3)
  out[14] = tokens.questions > 0 ? 1 : 0
  out[15] = tokens.urls > 0 ? 1 : 0
  out[16] = Math.log1p(text.length)
  out[17] = text.indexOf('@') === -1 ? 0 : 1
  out[18] = posMax > 0 && negMax > 0 ? 1 : 0
  out[19] = compound > 0 ? 1 : 0
  for (let k = 0; k < POSITIVE; k++) out[POSITIVE + 1 + k] = (out[POSITIVE] as number) * (out[k] as number)
}

/** Standardises `x` into `z` with the model's mean and scale. */
export function standardize(model: NeutralCalibration, x: ArrayLike<number>, z: Float64Array): void {
  for (let k = 0; k < CALIBRATION_FEATURE_COUNT; k++) {
    z[k] = ((x[k] as number) - (model.mean[k] as number)) / (model.scale[k] as number)
  }
}

/** P(neutral) of a standardised feature vector. */
export function neutralProbability(model: NeutralCalibration, z: ArrayLike<number>): number {
  let t = model.neutral[0] as number
  for (let k = 0; k < CALIBRATION_FEATURE_COUNT; k++) t += (model.neutral[k + 1] as number) * (z[k] as number)
  return 1 / (1 + Math.exp(-t))
}

/** Terms of the magnitude map: s, s·|s|, s·P(neutral), then s·z[k] for every feature but |s|. */
export const MAGNITUDE_TERMS = CALIBRATION_FEATURE_COUNT + 2

/** Fills `out` with the magnitude terms of compound `s` (no intercept: no evidence stays 0). */
export function magnitudeTerms(s: number, p: number, z: ArrayLike<number>, out: Float64Array): void {
  out[0] = s
  out[1] = s * Math.abs(s)
  out[2] = s * p
  for (let k = 1; k < CALIBRATION_FEATURE_COUNT; k++) out[k + 2] = s * (z[k] as number)
}

/** Largest |score| inside the neutral band (the scorer labels |score| < 0.05 neutral). */
const IN_BAND = 0.0499
/** Smallest |score| outside it. */
const OUT_OF_BAND = 0.05

/**
 * The calibrated score of a text whose rule compound is `s`, from its standardised features `z`
 * and probability `p` of being neutral; `terms` is scratch of length MAGNITUDE_TERMS.
 */
export function calibrate(
  model: NeutralCalibration,
  s: number,
  z: ArrayLike<number>,
  p: number,
  terms: Float64Array,
): number {
  if (s === 0) return 0
  magnitudeTerms(s, p, z, terms)
  let rating = 0
  for (let k = 0; k < MAGNITUDE_TERMS; k++) rating += (model.magnitude[k] as number) * (terms[k] as number)
  const magnitude = Math.min(1, Math.abs(rating) / model.ratingScale)
  const sign = s > 0 ? 1 : -1
  // The layer never flips polarity; it only decides neutral or not, and how strong.
  if (p > model.threshold || Math.abs(s) < OUT_OF_BAND) return sign * Math.min(magnitude, IN_BAND)
  return sign * Math.max(magnitude, OUT_OF_BAND)
}
