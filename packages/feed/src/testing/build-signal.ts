import { type Signal, signalSchema } from '@pulse/core'

type SignalOverrides = Partial<Omit<Signal, 'evidence'>> & { evidence?: Partial<Signal['evidence']> }

const BASE_MS = Date.parse('2025-03-01T12:00:00.000Z')

/** A valid signal (checked against the core schema) with a realistic series; override what a test needs. */
export function buildSignal(overrides: SignalOverrides = {}): Signal {
  const { evidence, ...rest } = overrides
  const updatedAt = rest.updatedAt ?? new Date(BASE_MS).toISOString()
  const end = Date.parse(updatedAt)
  const series = Array.from({ length: 12 }, (_, i) => {
    const expected = 40 + (i % 3)
    const observed = i < 9 ? expected + ((i * 7) % 9) - 4 : 60 + (i - 8) * 55
    return { t: new Date(end - (11 - i) * 300_000).toISOString(), observed, expected, upper: expected + 18 }
  })
  return signalSchema.parse({
    id: 'sig-measles',
    revision: 1,
    kind: 'volume_spike',
    key: { dimension: 'topic', value: 'measles' },
    state: 'opened',
    severity: 'warning',
    score: 0.72,
    title: 'Measles mentions up 5x',
    summary: 'Mentions of measles rose well above the expected band in the last 15 minutes.',
    bucketStart: new Date(end - 300_000).toISOString(),
    bucketSeconds: 300,
    openedAt: new Date(end - 900_000).toISOString(),
    updatedAt,
    ...rest,
    evidence: {
      observed: 225,
      expected: 42,
      ratio: 5.4,
      series,
      topTerms: [
        { value: 'measles', count: 180 },
        { value: 'outbreak', count: 95 },
        { value: 'school', count: 40 },
      ],
      topSources: [
        { value: 'reddit', count: 120 },
        { value: 'bluesky', count: 70 },
      ],
      sampleMentionIds: ['m1', 'm2'],
      sampleTexts: [
        'Two kids at [REDACTED] school have measles?',
        'Is the clinic on Main St doing MMR shots today?',
      ],
      uniqueAuthors: 161,
      amplification: 0.12,
      firstSeen: new Date(end - 900_000).toISOString(),
      ...evidence,
    },
  })
}
