import { describe, expect, it } from 'vitest'
import { addToBucket, type BucketInput, mergeBucket, newBucket, topOf } from './accumulator.ts'

const post = (i: number, over: Partial<BucketInput> = {}): BucketInput => ({
  id: `p${i}`,
  authorId: `a${i % 3}`,
  source: i % 2 ? 'bluesky' : 'mastodon',
  text: `post ${i}`,
  textKey: i < 4 ? 'same text' : `post ${i}`,
  createdAtMs: 1_000 + i,
  negative: i % 2 === 0,
  engagement: i,
  followers: 10 * i,
  terms: ['flu', `t${i % 2}`],
  refs: i === 1 ? ['root'] : [],
  claims: i === 2 ? ['vaccines-autism'] : [],
  ...over,
})

/** Everything a bucket reports, read at the end. */
const report = (b: ReturnType<typeof newBucket>) => ({
  count: b.count,
  negative: b.negative,
  authors: [...b.authors],
  ids: [...b.ids],
  refs: [...b.refs],
  claims: [...b.claimPosts],
  sources: [...b.sources],
  terms: topOf(b.terms, 10),
  texts: b.texts.size,
  samples: b.samples.map((s) => s.id),
})

describe('bucket', () => {
  it('reports the same whether its tallies are first read at the end, midway or after a merge', () => {
    const posts = Array.from({ length: 8 }, (_, i) => post(i))
    const atEnd = newBucket()
    for (const p of posts) addToBucket(atEnd, p)

    const midway = newBucket()
    posts.forEach((p, i) => {
      addToBucket(midway, p)
      // Read once after the third post: from then on it tallies as posts arrive.
      if (i === 2) expect(midway.terms.get('flu')).toBe(3)
    })
    expect(report(midway)).toEqual(report(atEnd))

    const first = newBucket()
    const second = newBucket()
    for (const p of posts.slice(0, 5)) addToBucket(first, p)
    for (const p of posts.slice(5)) addToBucket(second, p)
    mergeBucket(first, second)
    // A merge keeps the samples it already had (the late bucket's fill only free places).
    expect({ ...report(first), samples: [] }).toEqual({ ...report(atEnd), samples: [] })
    expect(report(first).samples).toEqual(['p3', 'p4', 'p2'])

    expect(report(atEnd)).toMatchObject({
      count: 8,
      refs: [['root', 1]],
      claims: [['vaccines-autism', 1]],
      terms: [
        { value: 'flu', count: 8 },
        { value: 't0', count: 4 },
        { value: 't1', count: 4 },
      ],
      texts: 5,
      // The three heaviest posts (engagement and reach), each in the place of the lightest.
      samples: ['p6', 'p7', 'p5'],
    })
  })
})
