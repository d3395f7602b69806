import { type EnrichedMention, type Watchlist, watchlistSchema } from '@pulse/core'
import { buildEnrichedMention } from '@pulse/testkit'
import { describe, expect, it } from 'vitest'
import { createDetector } from './detector.ts'

const watchlist: Watchlist = watchlistSchema.parse({
  organization: { name: 'St. Mary', handles: ['stmary'] },
  suppressions: [{ match: '#campaign', reason: 'planned' }],
})

const START = Date.UTC(2026, 10, 16)
const MIN = 60_000

/** A steady background of `perHour` posts on `topic`, plus an optional burst. */
function stream(opts: {
  hours: number
  perHour: number
  burst?: { atHour: number; count: number; minutes: number }
}) {
  const out: EnrichedMention[] = []
  let n = 0
  for (let h = 0; h < opts.hours; h++) {
    for (let i = 0; i < opts.perHour; i++) {
      const t = START + h * 60 * MIN + Math.floor((i * 60 * MIN) / opts.perHour)
      out.push(
        buildEnrichedMention({
          id: `bg:${n++}`,
          author: { id: `a${n % 500}` },
          createdAt: new Date(t).toISOString(),
          topics: ['respiratory'],
          hashtags: [],
        }),
      )
    }
    if (opts.burst && h === opts.burst.atHour) {
      for (let i = 0; i < opts.burst.count; i++) {
        const t = START + h * 60 * MIN + Math.floor((i * opts.burst.minutes * MIN) / opts.burst.count)
        out.push(
          buildEnrichedMention({
            id: `burst:${i}`,
            author: { id: `b${i}` },
            createdAt: new Date(t).toISOString(),
            topics: ['gi-illness'],
            hashtags: ['campaign'],
          }),
        )
      }
    }
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

function run(mentions: readonly EnrichedMention[]) {
  const d = createDetector({ watchlist })
  const signals = [...d.ingest(mentions), ...d.flush()]
  return { d, signals }
}

describe('createDetector', () => {
  it('stays quiet on a steady stream', () => {
    expect(run(stream({ hours: 48, perHour: 30 })).signals).toEqual([])
  })

  it('opens one signal for a burst on a sparse key, with evidence, and resolves it', () => {
    const { signals } = run(stream({ hours: 40, perHour: 30, burst: { atHour: 30, count: 60, minutes: 30 } }))
    const gi = signals.filter((s) => s.key.value === 'gi-illness')
    expect(gi[0]?.state).toBe('opened')
    expect(gi[0]?.kind).toBe('volume_spike')
    expect(new Set(gi.map((s) => s.id)).size).toBe(1)
    expect(gi.map((s) => s.revision)).toEqual(gi.map((_, i) => i + 1))
    expect(gi.at(-1)?.state).toBe('resolved')
    const opened = gi[0]
    expect(opened?.evidence.uniqueAuthors).toBeGreaterThanOrEqual(3)
    expect(opened?.evidence.sampleMentionIds.length).toBeGreaterThan(0)
    expect(Date.parse(opened?.bucketStart ?? '')).toBeLessThanOrEqual(START + 30 * 60 * MIN + 30 * MIN)
  })

  it('continues an open signal after the revision stored for it (a detector rebuilt after a restart)', () => {
    const mentions = stream({ hours: 40, perHour: 30, burst: { atHour: 30, count: 60, minutes: 10 } })
    const d = createDetector({ watchlist })
    const cut = mentions.findIndex((m) => Date.parse(m.createdAt) >= START + (30 * 60 + 20) * MIN)
    const before = d.ingest(mentions.slice(0, cut))
    const open = d.openSignals()
    expect(open.map((s) => s.id)).toEqual(before.filter((s) => s.state === 'opened').map((s) => s.id))
    const id = open[0]?.id as string
    d.continueRevisions(new Map([[id, 7]]))
    const later = [...d.ingest(mentions.slice(cut)), ...d.flush()].filter((s) => s.id === id)
    expect(later.length).toBeGreaterThan(0)
    expect(later.map((s) => s.revision)).toEqual(later.map((_, i) => 8 + i))
  })

  it('folds replies to the post that started a spike into its signal (one story, one signal)', () => {
    const at = START + 30 * 60 * MIN
    const seed = buildEnrichedMention({
      id: 'seed',
      author: { id: 'seeder' },
      createdAt: new Date(at + MIN).toISOString(),
      topics: ['gi-illness'],
      terms: ['stomach', 'bug'],
    })
    const burst = Array.from({ length: 40 }, (_, i) =>
      buildEnrichedMention({
        id: `gi:${i}`,
        author: { id: `g${i}` },
        createdAt: new Date(at + 5 * MIN + i * 30_000).toISOString(),
        topics: ['gi-illness'],
        terms: ['stomach', 'bug'],
      }),
    )
    // Replies to the seed (posted in the bucket before the spike opened) share none of its words.
    const replies = Array.from({ length: 8 }, (_, i) =>
      buildEnrichedMention({
        id: `re:${i}`,
        author: { id: `r${i}` },
        text: `same thing happened to my kid ${i}`,
        createdAt: new Date(at + 6 * MIN + i * 60_000).toISOString(),
        inReplyTo: 'seed',
        topics: [],
        terms: ['same thing', 'thing happened', 'kid'],
      }),
    )
    const mentions = [...stream({ hours: 40, perHour: 30 }), seed, ...burst, ...replies].sort((x, y) =>
      x.createdAt.localeCompare(y.createdAt),
    )
    const opened = run(mentions).signals.filter((s) => s.state === 'opened')
    expect(opened.map((s) => `${s.kind}:${s.key.value}`)).toEqual(['volume_spike:gi-illness'])
  })

  it('never alerts on a suppressed planned-campaign hashtag', () => {
    const { signals } = run(stream({ hours: 40, perHour: 30, burst: { atHour: 30, count: 60, minutes: 30 } }))
    expect(signals.some((s) => s.key.dimension === 'hashtag' && s.key.value === 'campaign')).toBe(false)
  })

  it('does not alarm during the first day of a key (warm-up)', () => {
    const { signals } = run(stream({ hours: 20, perHour: 30, burst: { atHour: 10, count: 60, minutes: 30 } }))
    expect(signals).toEqual([])
  })

  it('leaves posts dated in the future out of detection instead of jumping event time ahead', () => {
    const d = createDetector({ watchlist, clock: { now: () => START + 48 * 60 * MIN } })
    const bogus = buildEnrichedMention({ createdAt: '2099-01-01T00:00:00.000Z', topics: ['gi-illness'] })
    expect(d.ingest([...stream({ hours: 30, perHour: 30 }), bogus])).toEqual([])
    expect(d.stats.future).toBe(1)
    expect(d.stats.watermark).toBeLessThan(START + 31 * 60 * MIN)
  })

  it('ignores mentions with an unparseable time and keeps bounded state', () => {
    const d = createDetector({ watchlist })
    expect(d.ingest([{ ...buildEnrichedMention(), createdAt: 'not a date' }])).toEqual([])
    expect(d.stats.keys).toBe(0)
  })
})

describe('place series (a topic in one city)', () => {
  /** A day and a half of background, then `authors` people in one city reporting GI symptoms within 10 minutes. */
  const cluster = (authors: number, city: string | undefined) => {
    const at = START + 30 * 60 * MIN
    const posts = Array.from({ length: authors }, (_, i) =>
      buildEnrichedMention({
        id: `gi:${i}`,
        author: { id: `sick${i}` },
        createdAt: new Date(at + i * 4 * MIN).toISOString(),
        topics: ['gi-illness'],
        hashtags: [],
        ...(city ? { geo: { city } } : {}),
      }),
    )
    const all = [...stream({ hours: 32, perHour: 30 }), ...posts].sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    )
    const d = createDetector({ watchlist, placeTopics: ['gi-illness'], series: { warmupMs: 24 * 60 * MIN } })
    return [...d.ingest(all), ...d.flush()].filter((s) => s.state === 'opened')
  }

  it.each([
    {
      name: 'three people in one city open a place signal',
      authors: 3,
      city: 'Westerville',
      want: ['gi-illness@Westerville'],
    },
    { name: 'two people are not a cluster', authors: 2, city: 'Westerville', want: [] },
    // Without a city the same posts only count towards the topic, which still needs five posts.
    {
      name: 'three posts without a city stay below the topic minimum',
      authors: 3,
      city: undefined,
      want: [],
    },
  ])('$name', ({ authors, city, want }) => {
    expect(cluster(authors, city).map((s) => s.key.value)).toEqual(want)
  })
})
