import { describe, expect, it } from 'vitest'
import { sparkline, trendLines } from './sparkline.ts'

describe('sparkline', () => {
  it.each<[number[], string]>([
    [[], ''],
    [[5], '▁'],
    [[1, 1, 1], '▁▁▁'],
    [[0, 7], '▁█'],
    [[0, 1, 2, 3, 4, 5, 6, 7], '▁▂▃▄▅▆▇█'],
    [[0, Number.NaN, 7], '▁ █'],
    [[Number.POSITIVE_INFINITY], ' '],
    [[-5, 5], '▁█'],
  ])('%j → %j', (values, expected) => {
    expect(sparkline(values)).toBe(expected)
  })

  it('keeps the most recent points', () => {
    expect(sparkline([9, 9, 9, 0, 7], { width: 2 })).toBe('▁█')
  })

  it('puts observed and expected on one scale', () => {
    const lines = trendLines([
      { observed: 10, expected: 10 },
      { observed: 70, expected: 10 },
    ])
    expect(lines).toEqual({ observed: '▂█', expected: '▂▂' })
  })
})
