import { z } from 'zod'

export const signalKindSchema = z.enum([
  'volume_spike',
  'emerging_term',
  'sentiment_shift',
  'misinformation_surge',
  'information_void',
  'phi_exposure',
])
export type SignalKind = z.infer<typeof signalKindSchema>

export const signalStateSchema = z.enum(['opened', 'escalating', 'resolved'])
export type SignalState = z.infer<typeof signalStateSchema>

export const severitySchema = z.enum(['info', 'warning', 'critical'])
export type Severity = z.infer<typeof severitySchema>
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 }

/**
 * What a signal is about: a dimension of the stream (topic, hashtag, claim, …) and its value. A
 * `place` key is a topic in one city, valued `topic@city` (see `placeKey`).
 */
export const signalKeySchema = z.object({
  dimension: z.enum(['all', 'topic', 'place', 'hashtag', 'term', 'claim', 'brand', 'source', 'intent']),
  value: z.string(),
})
export type SignalKey = z.infer<typeof signalKeySchema>

/** The key of a topic in one city. */
export function placeKey(topic: string, city: string): SignalKey {
  return { dimension: 'place', value: `${topic}@${city}` }
}

/** The topic and city of a `place` key value (`gi-illness@Westerville`), or null if it is not one. */
export function parsePlace(value: string): { topic: string; city: string } | null {
  const at = value.indexOf('@')
  return at > 0 && at < value.length - 1 ? { topic: value.slice(0, at), city: value.slice(at + 1) } : null
}

/** The topic a signal is about: its value for a topic key, the topic of a place key, else undefined. */
export function topicOfKey(key: SignalKey): string | undefined {
  if (key.dimension === 'topic') return key.value
  return key.dimension === 'place' ? parsePlace(key.value)?.topic : undefined
}

export const seriesPointSchema = z.object({
  t: z.iso.datetime(),
  observed: z.number(),
  expected: z.number(),
  upper: z.number(),
})

const ranked = z.array(z.object({ value: z.string(), count: z.number() }))

export const evidenceSchema = z.object({
  observed: z.number(),
  expected: z.number(),
  /** Observed / expected, or observed when nothing was expected. */
  ratio: z.number(),
  series: z.array(seriesPointSchema).default([]),
  topTerms: ranked.default([]),
  topSources: ranked.default([]),
  sampleMentionIds: z.array(z.string()).default([]),
  /** Redacted text of the sample mentions (same order as the ids); never raw text. */
  sampleTexts: z.array(z.string()).default([]),
  uniqueAuthors: z.number().int().nonnegative(),
  /** 0 = organic, 1 = looks coordinated (duplicates, few authors, bot-like rates). */
  amplification: z.number().min(0).max(1).default(0),
  negativeShare: z.number().min(0).max(1).nullish(),
  firstSeen: z.iso.datetime(),
})
export type Evidence = z.infer<typeof evidenceSchema>

/**
 * A detected spike or trend. One `id` per episode; every state change is a new `revision`, so a
 * spike that rises, peaks and fades is one signal with a few revisions, not a stream of alerts.
 */
export const signalSchema = z.object({
  id: z.string(),
  revision: z.number().int().positive(),
  kind: signalKindSchema,
  key: signalKeySchema,
  state: signalStateSchema,
  severity: severitySchema,
  score: z.number().min(0).max(1),
  title: z.string(),
  summary: z.string(),
  bucketStart: z.iso.datetime(),
  bucketSeconds: z.number().int().positive(),
  openedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  evidence: evidenceSchema,
})
export type Signal = z.infer<typeof signalSchema>
