import type { Severity, SignalKind } from '@pulse/core'

export interface SeverityInput {
  readonly kind: SignalKind
  readonly pValue: number
  readonly observed: number
  readonly expected: number
  readonly uniqueAuthors: number
  readonly reach: number
  readonly negativeShare: number | null
}

/**
 * Severity from the strength of the evidence, the volume, the reach and the kind. Critical needs
 * both strong statistics and many distinct people: a lone viral post is never critical.
 */
export function severityOf(s: SeverityInput): Severity {
  const strength = -Math.log10(Math.max(s.pValue, 1e-300))
  const ratio = s.observed / Math.max(s.expected, 0.5)
  let level = 0
  if (strength >= 6 || s.observed >= 10) level = 1
  if (strength >= 12 && s.observed >= 25 && s.uniqueAuthors >= 15 && ratio >= 3) level = 2
  if (s.kind === 'sentiment_shift' && (s.negativeShare ?? 0) >= 0.7 && s.uniqueAuthors >= 15) level = 2
  if (s.kind === 'misinformation_surge' && s.reach >= 500_000 && s.uniqueAuthors >= 10) level = 2
  if (s.kind === 'phi_exposure') level = Math.max(level, 1)
  return level >= 2 ? 'critical' : level === 1 ? 'warning' : 'info'
}
