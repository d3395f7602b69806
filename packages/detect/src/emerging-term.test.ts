import { describe, expect, it } from 'vitest'
import { nestedWindowsOf, newTermState, recordPost, windowOf } from './emerging-term.ts'

/** A term with one independent voice at each of the given steps. */
function termAt(steps: readonly number[]) {
  const s = newTermState('#x', 0, 0)
  steps.forEach((idx, i) => {
    // Each post by a new author: a new voice.
    recordPost(
      s,
      { id: `p${i}`, createdAtMs: idx * 60_000, idx, weight: 1, duplicateText: false },
      Number.NEGATIVE_INFINITY,
    )
  })
  return s
}

describe('nestedWindowsOf', () => {
  it.each([
    { name: 'empty term', steps: [], to: 10, lengths: [1, 5, 60], want: [0, 0, 0] },
    { name: 'one voice in the last step', steps: [10], to: 10, lengths: [1, 5], want: [1, 1] },
    {
      name: 'voices spread over the hour',
      steps: [1, 6, 8, 10],
      to: 10,
      lengths: [1, 3, 5, 60],
      want: [1, 2, 3, 4],
    },
    {
      name: 'later steps (a replay) are left out',
      steps: [9, 10, 11, 40],
      to: 10,
      lengths: [1, 5],
      want: [1, 2],
    },
    { name: 'window edges are exclusive at the start', steps: [5, 6], to: 10, lengths: [5], want: [1] },
    {
      name: 'late posts are slotted in order',
      steps: [10, 6, 8, 6],
      to: 10,
      lengths: [1, 3, 5],
      want: [1, 2, 4],
    },
  ])('$name', ({ steps, to, lengths, want }) => {
    const s = termAt(steps)
    expect(nestedWindowsOf(s, to, lengths)).toEqual(want)
    // The one-walk version agrees with a window-at-a-time count.
    expect(lengths.map((k) => windowOf(s, to - k, to).effective)).toEqual(want)
  })
})
