import { addDecayed, type DecayedMean } from './decayed-mean.ts'
import { negativeBinomialUpperTail } from './tail-probability.ts'

/**
 * Overdispersion α of a count model Var = μ + αμ², estimated as Σ((x − μ)² − μ) / Σμ² over decayed
 * sums (a moment estimator weighted by μ², so sparse buckets add little noise). 0 means Poisson.
 */
export function dispersionOf(excess: DecayedMean, squared: DecayedMean): number {
  return squared.sum > 0 ? Math.max(0, excess.sum / squared.sum) : 0
}

export function learnDispersion(
  excess: DecayedMean,
  squared: DecayedMean,
  x: number,
  mean: number,
  decay: number,
): void {
  addDecayed(excess, (x - mean) ** 2 - mean, decay)
  addDecayed(squared, mean * mean, decay)
}

/** A count's mean, spread and upper-tail probability under the negative binomial model. */
export interface CountTest {
  readonly mean: number
  readonly sd: number
  readonly pValue: number
}

export function testCount(x: number, mean: number, dispersion: number): CountTest {
  return {
    mean,
    sd: Math.sqrt(mean + dispersion * mean * mean),
    pValue: negativeBinomialUpperTail(x, mean, dispersion),
  }
}
