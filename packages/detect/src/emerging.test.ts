import { describe, expect, it } from 'vitest'
import {
  createEmergingDetector,
  type EmergingDetector,
  type EmergingHit,
  type EmergingMention,
} from './emerging.ts'

const MIN = 60_000
const B = 5 * MIN
const T0 = Date.parse('2026-11-16T00:00:00.000Z')
const WARMUP = 2 * 3_600_000
const VOCAB = [
  'flu',
  'shot',
  'clinic',
  'wait',
  'nurse',
  'covid',
  'fever',
  'rash',
  'cough',
  'pharmacy',
  'er',
  'bill',
]

/** A detector fed two hours of ordinary chatter: 24 posts a bucket, 300 authors, common words. */
function warmDetector(options: Parameters<typeof createEmergingDetector>[0] = {}): {
  d: EmergingDetector
  at: number
  closeUntil: (ms: number) => EmergingHit[]
} {
  const d = createEmergingDetector({ warmupMs: WARMUP, ...options })
  let next = T0
  const closeUntil = (ms: number): EmergingHit[] => {
    const hits: EmergingHit[] = []
    while (next + B <= ms) {
      hits.push(...d.close(next, next + B))
      next += B
    }
    return hits
  }
  let n = 0
  for (let t = T0; t < T0 + WARMUP; t += 12_500) {
    const a = VOCAB[n % VOCAB.length] ?? 'flu'
    const b = VOCAB[(n * 7 + 3) % VOCAB.length] ?? 'shot'
    // fever and rash are common, but never in the same post.
    const terms = a === 'fever' && b === 'rash' ? [a] : [a, b, `${a} ${b}`]
    d.add({
      id: `bg${n}`,
      authorId: `u${n % 300}`,
      createdAtMs: t,
      terms,
      text: `post ${n} ${a} ${b}`,
      followers: 10,
    })
    n++
  }
  expect(closeUntil(T0 + WARMUP)).toEqual([])
  return { d, at: T0 + WARMUP, closeUntil }
}

const post = (
  i: number,
  at: number,
  terms: string[],
  over: Partial<EmergingMention> = {},
): EmergingMention => ({
  id: `p${i}`,
  authorId: `new${i}`,
  createdAtMs: at,
  terms,
  text: `independent post number ${i} about ${terms.join(' ')}`,
  followers: i,
  ...over,
})

describe('createEmergingDetector', () => {
  const cases: Array<{ name: string; posts: (at: number) => EmergingMention[]; fires: string[] }> = [
    {
      name: 'a never-seen hashtag from six people in ten minutes',
      posts: (at) => Array.from({ length: 6 }, (_, i) => post(i, at + i * 100_000, ['#bluetongue', 'flu'])),
      fires: ['#bluetongue'],
    },
    {
      name: 'a new symptom pair although each symptom is common',
      posts: (at) => Array.from({ length: 6 }, (_, i) => post(i, at + i * 100_000, ['fever', 'rash'])),
      fires: ['fever + rash'],
    },
    {
      name: 'only two people (below the minimum of voices)',
      posts: (at) => [post(1, at, ['#bluetongue']), post(2, at + MIN, ['#bluetongue'])],
      fires: [],
    },
    {
      name: 'one account posting fifty times',
      posts: (at) =>
        Array.from({ length: 50 }, (_, i) =>
          post(i, at + i * 10_000, ['#buynow'], { authorId: 'bot', text: `buy ${i}` }),
        ),
      fires: [],
    },
    {
      name: 'thirty accounts reposting one text',
      posts: (at) =>
        Array.from({ length: 30 }, (_, i) =>
          post(i, at + i * 10_000, ['#leak'], {
            text: i === 0 ? 'Leaked memo #leak' : 'RT @src: Leaked memo #leak!',
          }),
        ),
      fires: [],
    },
    {
      // "pharmacy" is in every twelfth post: a slip of it by six people is chatter, not news.
      name: 'a misspelling of a common word from six people',
      posts: (at) => Array.from({ length: 6 }, (_, i) => post(i, at + i * 100_000, ['pharmcy', 'flu'])),
      fires: [],
    },
    {
      // One edit from a common word, but a hashtag: a deliberate spelling, tested like any other.
      name: 'a new hashtag one letter from a common word',
      posts: (at) => Array.from({ length: 6 }, (_, i) => post(i, at + i * 100_000, ['#pharmacyy', 'flu'])),
      fires: ['#pharmacyy'],
    },
    {
      name: 'common words at their usual rate',
      posts: (at) => Array.from({ length: 6 }, (_, i) => post(i, at + i * 100_000, ['flu', 'shot'])),
      fires: [],
    },
    {
      name: 'numbers, prices and filler words',
      posts: (at) =>
        Array.from({ length: 8 }, (_, i) =>
          post(i, at + i * 60_000, ['2026', '$40', 'the', '10:30', '#2024']),
        ),
      fires: [],
    },
    {
      // Both new terms ride on the same posts: one story, reported once under the longer term.
      name: 'hostile input: empty terms, unicode and emoji',
      posts: (at) =>
        Array.from({ length: 6 }, (_, i) => post(i, at + i * 60_000, ['', 'ñandú', '🦠🦠', '#sarampión'])),
      fires: ['#sarampión'],
    },
  ]
  it.each(cases)('$name', ({ posts, fires }) => {
    const { d, at, closeUntil } = warmDetector()
    for (const p of posts(at)) d.add(p)
    const hits = closeUntil(at + 30 * MIN)
    expect(hits.map((h) => h.term).sort()).toEqual([...fires].sort())
    for (const h of hits) {
      expect(h.pValue).toBeLessThan(1e-4)
      expect(h.observedAuthors).toBeGreaterThanOrEqual(3)
      expect(h.expectedAuthors).toBeLessThan(h.observedAuthors)
      expect(h.mentionIds.length).toBeLessThanOrEqual(50)
      expect(h.samples.length).toBeLessThanOrEqual(3)
      expect(h.amplification).toBeGreaterThanOrEqual(0)
      expect(h.amplification).toBeLessThanOrEqual(1)
    }
  })

  it('reports evidence: authors, first post, distinct samples, co-terms, amplification', () => {
    const { d, at, closeUntil } = warmDetector()
    const posts = Array.from({ length: 5 }, (_, i) =>
      post(i, at + MIN + i * 5_000, ['#bluetongue', 'dublin']),
    )
    // Two copies of one text from extra accounts: counted as posts, not as voices.
    posts.push(post(8, at + MIN + 30_000, ['#bluetongue', 'dublin'], { text: posts[0]?.text ?? '' }))
    posts.push(post(9, at + MIN + 30_000, ['#bluetongue', 'dublin'], { text: posts[0]?.text ?? '' }))
    for (const p of posts) d.add(p)
    const [hit, ...rest] = closeUntil(at + 10 * MIN)
    expect(rest).toEqual([])
    expect(hit?.term).toBe('#bluetongue')
    expect(hit?.authors).toBe(7)
    expect(hit?.observedAuthors).toBe(5)
    expect(hit?.firstSeenMs).toBe(at + MIN)
    expect(new Set(hit?.samples.map((s) => s.text)).size).toBe(3)
    expect(hit?.topCoTerms[0]).toEqual({ value: 'dublin', count: 5 })
    expect(hit?.amplification).toBeCloseTo(2 / 7, 5)
  })

  it('returns a term once per episode, and again after it calms down and re-bursts', () => {
    const { d, at, closeUntil } = warmDetector({ calmMs: 10 * MIN })
    let i = 0
    const burst = (start: number, n: number): void => {
      for (let k = 0; k < n; k++) d.add(post(i++, start + k * 20_000, ['#bluetongue']))
    }
    burst(at, 5)
    expect(closeUntil(at + 5 * MIN).map((h) => h.term)).toEqual(['#bluetongue'])
    expect(d.isActive('#bluetongue')).toBe(true)
    burst(at + 5 * MIN, 5)
    burst(at + 10 * MIN, 5)
    expect(closeUntil(at + 20 * MIN)).toEqual([])
    // Silence until the window has drained and the episode has calmed.
    expect(closeUntil(at + 3 * 3_600_000)).toEqual([])
    expect(d.isActive('#bluetongue')).toBe(false)
    burst(at + 3 * 3_600_000, 12)
    expect(closeUntil(at + 3 * 3_600_000 + 10 * MIN).map((h) => h.term)).toEqual(['#bluetongue'])
  })

  it('stays silent during warm-up and resumes from a snapshot without a new one', () => {
    const cold = createEmergingDetector({ warmupMs: WARMUP })
    for (let k = 0; k < 6; k++) cold.add(post(k, T0 + k * 20_000, ['#bluetongue']))
    expect(cold.close(T0, T0 + B)).toEqual([])

    const { d } = warmDetector()
    const restored = createEmergingDetector({ warmupMs: WARMUP })
    restored.restore(d.snapshot())
    const at = T0 + WARMUP + 3_600_000
    for (let k = 0; k < 6; k++) restored.add(post(k, at + k * 20_000, ['#bluetongue', 'flu']))
    expect(restored.close(at, at + B).map((h) => h.term)).toEqual(['#bluetongue'])
  })

  it('keeps memory bounded: terms beyond the cap are forgotten', () => {
    const { d, at, closeUntil } = warmDetector({ maxTerms: 200 })
    for (let k = 0; k < 2_000; k++) d.add(post(k, at + (k % 300) * 1_000, [`word${k}`, `#tag${k}`]))
    closeUntil(at + 10 * MIN)
    expect(d.stats.terms).toBeLessThanOrEqual(200)
  })

  it('keeps the ids of the bucket it tests when a replay has already delivered hours after it', () => {
    const { d, at, closeUntil } = warmDetector()
    const first = Array.from({ length: 6 }, (_, k) => post(k, at + 10_000 + k * 20_000, ['#bluetongue']))
    for (const p of first) d.add(p)
    // A replay batch: two more hours of the same hashtag arrive before the first bucket closes.
    for (let k = 6; k < 126; k++) d.add(post(k, at + 5 * MIN + (k - 6) * 60_000, ['#bluetongue']))
    const [hit] = closeUntil(at + 5 * MIN)
    expect(hit?.term).toBe('#bluetongue')
    expect(hit?.mentionIds).toEqual(expect.arrayContaining(first.map((p) => p.id)))
    expect(hit?.mentionIds.length).toBeLessThanOrEqual(50)
    expect(hit?.samples.length).toBeGreaterThan(0)
  })
})

describe('minute steps and the look-ahead', () => {
  /** Three new voices at 0:10, 1:10 and 4:10 after `at`, all added before any step closes (a replay). */
  const addBurst = (d: EmergingDetector, at: number): void => {
    for (const [i, dt] of [10_000, 70_000, 250_000].entries()) d.add(post(i, at + dt, ['#bluetongue']))
  }
  const firstHitStep = (d: EmergingDetector, at: number): number | undefined => {
    for (let k = 0; k < 10; k++) {
      if (d.close(at + k * MIN, at + (k + 1) * MIN).length > 0) return k
    }
    return undefined
  }

  it.each([
    { lookaheadMs: 0, step: 4 },
    { lookaheadMs: 2 * MIN, step: 2 },
    // Whole steps only: 90 s of lateness looks one step ahead, never into posts it would not have.
    { lookaheadMs: 90_000, step: 3 },
  ])(
    'fires at the step whose test first sees the third voice (look-ahead $lookaheadMs ms)',
    ({ lookaheadMs, step }) => {
      const { d, at } = warmDetector({ lookaheadMs })
      addBurst(d, at)
      expect(firstHitStep(d, at)).toBe(step)
    },
  )

  it('tests every minute: a burst inside one 5-minute bucket is found before the bucket ends', () => {
    const { d, at } = warmDetector({ lookaheadMs: 0 })
    for (const [i, dt] of [5_000, 20_000, 40_000].entries()) d.add(post(i, at + dt, ['#bluetongue']))
    expect(d.close(at, at + MIN).map((h) => h.term)).toEqual(['#bluetongue'])
  })

  it('keeps the same false-alarm budget: a 5-minute bucket closed at once finds what its steps find', () => {
    const { d, at } = warmDetector()
    addBurst(d, at)
    expect(d.close(at, at + B).map((h) => h.term)).toEqual(['#bluetongue'])
  })
})
