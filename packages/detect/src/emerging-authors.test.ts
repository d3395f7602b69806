import { describe, expect, it } from 'vitest'
import { createAuthorRates, voiceOf } from './emerging-authors.ts'
import { authorsIn, newTermState, recordPost, windowOf } from './emerging-term.ts'

const MINUTE = 60_000
const W = 60
const NONE = Number.NEGATIVE_INFINITY

describe('voiceOf', () => {
  it('counts an author once per term inside the window, and again once the window has passed', () => {
    const a = createAuthorRates({ botPostsPerHour: 12, maxAuthors: 10 }).post('ann', 0)
    const flu = newTermState('flu', 0, 0)
    const rash = newTermState('rash', 0, 0)
    expect(voiceOf(a, flu, 10, W, NONE, 100)).toBe(NONE)
    expect(voiceOf(a, rash, 10, W, NONE, 100)).toBe(NONE)
    expect(voiceOf(a, flu, 69, W, NONE, 100)).toBe(false)
    // Step 70: the voice at 10 is out of the window (10, 70]; it moves to 70.
    expect(voiceOf(a, flu, 70, W, NONE, 100)).toBe(10)
    expect(voiceOf(a, flu, 71, W, NONE, 100)).toBe(false)
  })

  it('drops the steps no later post can count with, and forgets beyond the cap', () => {
    const a = createAuthorRates({ botPostsPerHour: 12, maxAuthors: 10 }).post('bob', 0)
    const terms = ['a', 'b', 'c'].map((t) => newTermState(t, 0, 0))
    const [ta, tb, tc] = terms as [
      ReturnType<typeof newTermState>,
      ReturnType<typeof newTermState>,
      ReturnType<typeof newTermState>,
    ]
    voiceOf(a, ta, 5, W, NONE, 2)
    voiceOf(a, tb, 8, W, NONE, 2)
    // Full: `c` counts but is not remembered, so it counts again.
    expect(voiceOf(a, tc, 9, W, NONE, 2)).toBe(NONE)
    expect(voiceOf(a, tc, 9, W, NONE, 2)).toBe(NONE)
    expect(a.terms).toEqual([ta, tb])
    // Every post to come is after step 66 (floor 6 = 66 − W): the entry at 5 goes, the one at 8 stays.
    expect(voiceOf(a, tc, 67, W, 6, 2)).toBe(NONE)
    expect(a.terms).toEqual([tb, tc])
    expect(a.steps).toEqual([8, 67])
  })

  it('weighs authors posting faster than a bot-like rate below one', () => {
    const rates = createAuthorRates({ botPostsPerHour: 12, maxAuthors: 10 })
    let w = 1
    for (let i = 0; i < 60; i++) w = rates.post('bot', i * MINUTE).weight
    expect(w).toBeLessThan(0.5)
    expect(rates.post('human', 0).weight).toBe(1)
  })
})

describe('authorsIn', () => {
  it('counts each author at the step it last became a voice, once', () => {
    const rates = createAuthorRates({ botPostsPerHour: 1_000, maxAuthors: 10 })
    const s = newTermState('flu', 0, 0)
    const post = (author: string, idx: number, id: string) =>
      recordPost(
        s,
        { id, createdAtMs: idx * MINUTE, idx, weight: 1, duplicateText: false },
        voiceOf(rates.post(author, idx * MINUTE), s, idx, W, NONE, 100),
      )
    post('ann', 0, 'p1')
    post('bob', 1, 'p2')
    post('ann', 30, 'p3')
    expect(authorsIn(s, -1, 30)).toBe(2)
    expect(windowOf(s, -1, 30)).toEqual({ effective: 2, posts: 3 })
    // Ann again after her hour: she counts at 61 now, not at 0 as well.
    post('ann', 61, 'p4')
    expect(authorsIn(s, -1, 61)).toBe(2)
    expect(authorsIn(s, 1, 61)).toBe(1)
  })
})
