import type { Evidence, Signal, SignalKey, SignalKind } from '@pulse/core'
import { amplificationOf, type Bucket, topOf } from './accumulator.ts'

export interface SeriesPoint {
  readonly t: number
  readonly observed: number
  readonly expected: number
  readonly upper: number
}

const iso = (ms: number): string => new Date(ms).toISOString()

export function evidenceOf(
  bucket: Bucket,
  observed: number,
  expected: number,
  history: readonly SeriesPoint[],
  firstSeen: number,
): Evidence {
  const exp = Math.max(0, expected)
  return {
    observed,
    expected: Math.round(exp * 100) / 100,
    ratio: exp > 0 ? Math.round((observed / exp) * 100) / 100 : observed,
    series: history.map((p) => ({
      t: iso(p.t),
      observed: p.observed,
      expected: Math.round(Math.max(0, p.expected) * 100) / 100,
      upper: Math.round(Math.max(0, p.upper) * 100) / 100,
    })),
    topTerms: topOf(bucket.terms, 8),
    topSources: topOf(bucket.sources, 5),
    sampleMentionIds: bucket.samples.map((s) => s.id),
    sampleTexts: bucket.samples.map((s) => s.text),
    uniqueAuthors: bucket.authors.size,
    amplification: Math.round(amplificationOf(bucket) * 100) / 100,
    negativeShare: bucket.scored > 0 ? Math.round((bucket.negative / bucket.scored) * 100) / 100 : null,
    firstSeen: iso(Number.isFinite(firstSeen) ? firstSeen : (history[history.length - 1]?.t ?? 0)),
  }
}

const WHAT: Record<SignalKind, string> = {
  volume_spike: 'mentions',
  emerging_term: 'mentions',
  sentiment_shift: 'negative mentions',
  misinformation_surge: 'posts spreading the claim',
  information_void: 'unanswered questions',
  phi_exposure: 'posts disclosing personal health details',
}

export function titleOf(kind: SignalKind, key: SignalKey, label: string): string {
  const name = label || key.value
  switch (kind) {
    case 'volume_spike':
      return key.dimension === 'hashtag' ? `#${name} is spiking` : `Spike in ${name}`
    case 'emerging_term':
      return `Emerging: "${name}"`
    case 'sentiment_shift':
      return `Negative sentiment surge about ${name}`
    case 'misinformation_surge':
      return `Misinformation surge: ${name}`
    case 'information_void':
      return `Questions to ${name} going unanswered`
    case 'phi_exposure':
      return `People posting personal health details to ${name}`
  }
}

export function summaryOf(kind: SignalKind, e: Evidence, bucketMinutes: number): string {
  const terms = e.topTerms
    .slice(0, 4)
    .map((t) => t.value)
    .join(', ')
  return (
    `${e.observed} ${WHAT[kind]} in ${bucketMinutes} min vs ${e.expected} expected` +
    `${e.expected > 0 ? ` (×${e.ratio})` : ''}; ${e.uniqueAuthors} distinct authors` +
    `${terms ? `; top terms: ${terms}` : ''}`
  )
}

export function buildSignal(fields: Omit<Signal, 'summary'> & { bucketMinutes: number }): Signal {
  const { bucketMinutes, ...rest } = fields
  return { ...rest, summary: summaryOf(rest.kind, rest.evidence, bucketMinutes) }
}
