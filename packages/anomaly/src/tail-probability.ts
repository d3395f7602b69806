import { gammaln } from 'simple-statistics'

const MAX_ITERATIONS = 500
const EPS = 1e-15
const TINY = 1e-300

/** Regularised lower incomplete gamma P(a, x) (Numerical Recipes: series below a+1, continued fraction above). */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0
  if (a <= 0) return 1
  const logPrefix = a * Math.log(x) - x - gammaln(a)
  if (x < a + 1) {
    let term = 1 / a
    let sum = term
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n)
      sum += term
      if (Math.abs(term) < Math.abs(sum) * EPS) break
    }
    return Math.min(1, sum * Math.exp(logPrefix))
  }
  return Math.max(0, 1 - upperGammaContinuedFraction(a, x) * Math.exp(logPrefix))
}

function upperGammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a
  let c = 1 / TINY
  let d = 1 / b
  let h = d
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < TINY) d = TINY
    c = b + an / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < EPS) break
  }
  return h
}

/** Regularised incomplete beta I_x(a, b), by Lentz's continued fraction on the side where it converges fast. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const logPrefix = gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log1p(-x)
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logPrefix) * betaContinuedFraction(x, a, b)) / a
  return 1 - (Math.exp(logPrefix) * betaContinuedFraction(1 - x, b, a)) / b
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b
  const qap = a + 1
  const qam = a - 1
  let c = 1
  let d = 1 - (qab * x) / qap
  if (Math.abs(d) < TINY) d = TINY
  d = 1 / d
  let h = d
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < EPS) break
  }
  return h
}

/**
 * Upper tail P(X ≥ x) of a Poisson count with mean `mean`. Non-integer `x` (a rate, a share) uses the
 * continuous extension through the incomplete gamma function, so the tail stays monotone in `x`.
 */
export function poissonUpperTail(x: number, mean: number): number {
  if (!(x > 0)) return 1
  if (!(mean > 0)) return 0
  return regularizedGammaP(x, mean)
}

/**
 * Upper tail P(X ≥ x) of a negative binomial count with mean `mean` and variance
 * `mean + dispersion · mean²` (dispersion 0 is Poisson). Same continuous extension as the Poisson tail.
 */
export function negativeBinomialUpperTail(x: number, mean: number, dispersion: number): number {
  if (!(x > 0)) return 1
  if (!(mean > 0)) return 0
  if (!(dispersion > 1e-9)) return poissonUpperTail(x, mean)
  const size = 1 / dispersion
  // P(X ≤ x−1) = I_p(size, x) with p = size / (size + mean), so P(X ≥ x) = I_{1−p}(x, size).
  return regularizedBeta(mean / (size + mean), x, size)
}
