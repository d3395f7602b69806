import { mentionSchema } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { generateBackground, generateMentions } from './generate.ts'

describe('generateMentions', () => {
  it('yields exactly `count` valid, distinct, time-ordered background mentions', () => {
    const all = [...generateMentions(20_000, 5)]
    expect(all).toHaveLength(20_000)
    expect(new Set(all.map((m) => m.id)).size).toBe(20_000)
    for (let i = 1; i < all.length; i++)
      expect((all[i]?.createdAt ?? '') >= (all[i - 1]?.createdAt ?? '')).toBe(true)
    for (const m of all.slice(0, 2000)) expect(mentionSchema.safeParse(m).success).toBe(true)
    expect(all.some((m) => m.hashtags?.includes('measlesalert'))).toBe(false)
  })

  it('is deterministic per seed and yields nothing for zero', () => {
    expect([...generateMentions(300, 1)]).toEqual([...generateMentions(300, 1)])
    expect([...generateMentions(300, 1)]).not.toEqual([...generateMentions(300, 2)])
    expect([...generateMentions(0)]).toEqual([])
  })
})

describe('generateBackground', () => {
  it('follows the requested rate', () => {
    const n = [...generateBackground({ start: '2026-11-16T00:00:00Z', days: 1, ratePerMinute: 2, seed: 3 })]
      .length
    expect(n).toBeGreaterThan(2 * 1440 * 0.9)
    expect(n).toBeLessThan(2 * 1440 * 1.1)
  })

  it('injects an emerging term by exactly the requested distinct authors, inside its window only', () => {
    const onset = '2026-11-17T14:00:00.000Z'
    const stream = [
      ...generateBackground({
        start: '2026-11-16T00:00:00Z',
        days: 2,
        ratePerMinute: 3,
        seed: 9,
        inject: [
          { term: '#bluetongue', onset, authors: 30, perAuthor: 2, durationMinutes: 45 },
          {
            term: 'purple rash',
            onset: '2026-11-16T06:00:00Z',
            authors: 5,
            perAuthor: 1,
            durationMinutes: 10,
          },
        ],
      }),
    ]
    const tagged = stream.filter((m) => m.text.includes('#bluetongue'))
    expect(tagged).toHaveLength(60)
    expect(tagged.every((m) => m.hashtags?.includes('bluetongue'))).toBe(true)
    expect(new Set(tagged.map((m) => m.author.id)).size).toBe(30)
    const t0 = Date.parse(onset)
    for (const m of tagged) {
      expect(Date.parse(m.createdAt)).toBeGreaterThanOrEqual(t0)
      expect(Date.parse(m.createdAt)).toBeLessThan(t0 + 45 * 60_000)
    }
    expect(stream.filter((m) => m.text.includes('purple rash'))).toHaveLength(5)
    const background = new Set(stream.filter((m) => !m.text.includes('#bluetongue')).map((m) => m.author.id))
    expect(tagged.some((m) => background.has(m.author.id))).toBe(false)
  })
})
