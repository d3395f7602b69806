import {
  type EnrichedMention,
  enrichedMentionSchema,
  type Mention,
  type MentionInput,
  mentionSchema,
  type Signal,
  signalSchema,
} from '@pulse/core'

let seq = 0
const nextId = (): string => `test:${(++seq).toString(36)}`

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] }

/** A valid raw Mention with sensible defaults; override any field. */
export function buildMention(overrides: Partial<MentionInput> = {}): Mention {
  return mentionSchema.parse({
    id: nextId(),
    source: 'bluesky',
    author: { id: `did:plc:${seq}`, handle: `user${seq}.bsky.social`, followers: 10 },
    text: 'Flu shot done #FluSeason',
    createdAt: '2026-11-20T14:03:11.000Z',
    hashtags: ['fluseason'],
    ...overrides,
  })
}

/** A valid EnrichedMention; override any field. */
export function buildEnrichedMention(overrides: Partial<EnrichedMention> = {}): EnrichedMention {
  const base = buildMention()
  return enrichedMentionSchema.parse({
    ...base,
    lang: 'en',
    sentiment: { score: 0.4, label: 'positive' },
    topics: ['vaccines'],
    intents: [],
    claims: [],
    terms: ['flu shot'],
    redactions: [],
    selfDisclosure: false,
    enrichedAt: '2026-11-20T14:03:12.000Z',
    ...overrides,
  })
}

/** A valid Signal; override any field. */
export function buildSignal(overrides: DeepPartial<Signal> = {}): Signal {
  const { evidence, key, ...rest } = overrides
  return signalSchema.parse({
    id: `sig-${nextId()}`,
    revision: 1,
    kind: 'volume_spike',
    key: { dimension: 'topic', value: 'gi_illness', ...key },
    state: 'opened',
    severity: 'warning',
    score: 0.97,
    title: 'GI illness mentions spiking',
    summary: '42 mentions in 5 min vs 6 expected',
    bucketStart: '2026-11-17T10:00:00.000Z',
    bucketSeconds: 300,
    openedAt: '2026-11-17T10:05:00.000Z',
    updatedAt: '2026-11-17T10:05:00.000Z',
    ...rest,
    evidence: {
      observed: 42,
      expected: 6,
      ratio: 7,
      series: [],
      topTerms: [{ value: 'vomiting', count: 20 }],
      topSources: [{ value: 'x', count: 30 }],
      sampleMentionIds: [],
      sampleTexts: [],
      uniqueAuthors: 38,
      amplification: 0.1,
      firstSeen: '2026-11-17T10:00:00.000Z',
      ...evidence,
    },
  })
}
