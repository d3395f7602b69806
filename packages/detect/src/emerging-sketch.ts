/**
 * A count-min sketch of exponentially decayed counts: the background rate of every term ever seen
 * in fixed memory. It never under-estimates (conservative update keeps the over-estimate small), so
 * a collision can only make a term look more common, never invent a burst.
 *
 * Decay is lazy: a value added at time t is stored multiplied by 2^((t − t0)/halfLife) and read back
 * divided by the same factor, so nothing is touched when time passes. When the factor grows large
 * the cells are rescaled once and t0 moves forward.
 */
export interface DecayedSketch {
  /** Adds `amount` to `key` at event time `atMs` (non-decreasing across calls). */
  add(key: string, amount: number, atMs: number): void
  /** The decayed count of `key` as of `atMs` (an over-estimate by collisions only). */
  estimate(key: string, atMs: number): number
  snapshot(): SketchSnapshot
}

export interface SketchSnapshot {
  readonly width: number
  readonly depth: number
  readonly halfLifeMs: number
  readonly t0: number
  /** The cells (Float64, little-endian), base64. */
  readonly cells: string
}

/** Rescale when stored values have been inflated by 2^RESCALE_AT (well inside Float64's range). */
const RESCALE_AT = 64

/** FNV-1a over UTF-16 code units with a seed; two of them drive double hashing. */
function fnv(key: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  // Final avalanche (murmur3 fmix32) so near-identical keys spread over the row.
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b) >>> 0
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35) >>> 0
  return (h ^ (h >>> 16)) >>> 0
}

export function createDecayedSketch(options: {
  width: number
  depth: number
  halfLifeMs: number
  restore?: SketchSnapshot
}): DecayedSketch {
  const r = options.restore
  const usable =
    r && r.width === options.width && r.depth === options.depth && r.halfLifeMs === options.halfLifeMs
  const width = Math.max(16, Math.floor(options.width))
  const depth = Math.max(1, Math.floor(options.depth))
  const halfLife = options.halfLifeMs
  let cells = new Float64Array(width * depth)
  let t0: number | undefined
  if (usable) {
    const bytes = Buffer.from(r.cells, 'base64')
    if (bytes.byteLength === cells.byteLength) {
      cells = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
      t0 = r.t0
    }
  }
  const index = new Int32Array(depth)
  /** The read decay factor 2^((readAt − readT0)/halfLife), for the last time read. */
  let readAt = Number.NaN
  let readT0 = Number.NaN
  let readScale = 1

  const locate = (key: string): void => {
    const h1 = fnv(key, 0)
    const h2 = fnv(key, 0x9e3779b9) | 1
    for (let d = 0; d < depth; d++) index[d] = d * width + (((h1 + Math.imul(d, h2)) >>> 0) % width)
  }
  const scale = (atMs: number): number => {
    t0 ??= atMs
    const e = (atMs - t0) / halfLife
    if (e > RESCALE_AT) {
      const f = 2 ** -e
      for (let i = 0; i < cells.length; i++) cells[i] = (cells[i] ?? 0) * f
      t0 = atMs
      return 1
    }
    return 2 ** e
  }
  const minOf = (): number => {
    let m = Number.POSITIVE_INFINITY
    for (let d = 0; d < depth; d++) m = Math.min(m, cells[index[d] ?? 0] ?? 0)
    return m
  }

  return {
    add(key, amount, atMs) {
      if (!(amount > 0)) return
      const f = scale(atMs)
      locate(key)
      // Conservative update: raise each cell only as far as the new minimum needs.
      const target = minOf() + amount * f
      for (let d = 0; d < depth; d++) {
        const i = index[d] ?? 0
        if ((cells[i] ?? 0) < target) cells[i] = target
      }
    },
    estimate(key, atMs) {
      if (t0 === undefined) return 0
      locate(key)
      // A step reads hundreds of terms at one time: the decay factor is computed once for them.
      if (atMs !== readAt || t0 !== readT0) {
        readScale = 2 ** ((atMs - t0) / halfLife)
        readAt = atMs
        readT0 = t0
      }
      return minOf() / readScale
    },
    snapshot() {
      return {
        width,
        depth,
        halfLifeMs: halfLife,
        t0: t0 ?? 0,
        cells: Buffer.from(cells.buffer, cells.byteOffset, cells.byteLength).toString('base64'),
      }
    },
  }
}
