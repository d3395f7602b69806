import { describe, expect, it } from 'vitest'
import { hash32, Rng, Weighted } from './random.ts'

describe('Rng', () => {
  it('gives the same numbers for a seed on every machine (golden values)', () => {
    const r = new Rng(42)
    expect([r.next(), r.next(), r.int(1000)]).toEqual([0.7260777801275253, 0.28187729278579354, 557])
    expect(hash32(1, 2)).toBe(hash32(1, 2))
    expect(hash32(1, 2)).not.toBe(hash32(2, 1))
  })

  it.each([0.3, 4, 25, 400])('draws Poisson counts with mean %d', (lambda) => {
    const r = new Rng(7)
    let sum = 0
    for (let i = 0; i < 4000; i++) sum += r.poisson(lambda)
    expect(sum / 4000).toBeGreaterThan(lambda * 0.93)
    expect(sum / 4000).toBeLessThan(lambda * 1.07)
  })

  it('never draws a negative or fractional Poisson count', () => {
    const r = new Rng(1)
    for (let i = 0; i < 500; i++) expect(Number.isInteger(r.poisson(35)) && r.poisson(35) >= 0).toBe(true)
    expect(r.poisson(0)).toBe(0)
  })
})

describe('Weighted', () => {
  it('draws items in proportion to their weights and never zero-weight ones', () => {
    const table = new Weighted([
      ['a', 3],
      ['b', 1],
      ['never', 0],
    ] as const)
    const r = new Rng(3)
    const counts = { a: 0, b: 0, never: 0 }
    for (let i = 0; i < 8000; i++) counts[table.draw(r)]++
    expect(counts.never).toBe(0)
    expect(counts.a / counts.b).toBeGreaterThan(2.6)
    expect(counts.a / counts.b).toBeLessThan(3.4)
  })

  it('refuses a table with no positive weight', () => {
    expect(() => new Weighted([['a', 0]])).toThrow(RangeError)
  })
})
