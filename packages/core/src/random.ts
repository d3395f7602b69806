/**
 * A seeded PRNG (mulberry32), uniform in [0, 1). Pure 32-bit integer arithmetic, so the same seed
 * gives the same stream on every machine and Node version: generated data, folds and benchmark
 * schedules are reproducible.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
