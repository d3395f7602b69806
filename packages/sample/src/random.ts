import { seededRandom } from '@pulse/core'

/**
 * A small seeded PRNG (mulberry32) and the draws the generator needs. Pure 32-bit integer
 * arithmetic, so the same seed gives the same stream on every machine and Node version.
 */
export class Rng {
  /** Uniform in [0, 1): mulberry32 from a mixed seed, so nearby seeds give unrelated streams. */
  readonly next: () => number

  constructor(seed: number) {
    this.next = seededRandom(hash32(seed >>> 0, 0x9e3779b9))
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** Integer in [min, max]. */
  range(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new RangeError('pick from an empty list')
    return item
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }

  /** Poisson count with mean `lambda`: exact below 30, normal approximation above. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()))
    const limit = Math.exp(-lambda)
    let k = 0
    let p = this.next()
    while (p > limit) {
      k++
      p *= this.next()
    }
    return k
  }
}

/** Stateless 32-bit mix of two integers (murmur3 finaliser): per-entity attributes without storage. */
export function hash32(a: number, b: number): number {
  let h = Math.imul(a ^ 0x85ebca6b, 0xcc9e2d51) ^ b
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** `hash32` scaled to [0, 1). */
export function unit(a: number, b: number): number {
  return hash32(a, b) / 4294967296
}

/** A weighted table compiled once into a cumulative array for O(log n) draws. */
export class Weighted<T> {
  private readonly cumulative: number[] = []
  private readonly items: T[] = []
  private total = 0

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    for (const [item, weight] of entries) {
      if (weight <= 0) continue
      this.total += weight
      this.cumulative.push(this.total)
      this.items.push(item)
    }
    if (this.items.length === 0) throw new RangeError('a weighted table needs a positive weight')
  }

  draw(rng: Rng): T {
    const x = rng.next() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.cumulative[mid] ?? 0) > x) hi = mid
      else lo = mid + 1
    }
    const item = this.items[lo]
    if (item === undefined) throw new RangeError('weighted draw out of range')
    return item
  }
}
