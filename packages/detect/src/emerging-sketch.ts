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
  /**
   * The cells of `key`: hashing is most of the cost of a read or a write, and a tracked term is
   * read and written many times, so its cells are worked out once and kept. The same for every
   * sketch of this width and depth.
   */
  cellsOf(key: string): number[]
  /** `add` and `estimate` for a key's cells. */
  addAt(cells: readonly number[], amount: number, atMs: number): void
  estimateAt(cells: readonly number[], atMs: number): number
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
  /** The decay factor 2^((at − factorT0)/halfLife), for the last time read or written. */
  let factorAt = Number.NaN
  let factorT0 = Number.NaN
  let factor = 1

  const cellsOf = (key: string): number[] => {
    const h1 = fnv(key, 0)
    const h2 = fnv(key, 0x9e3779b9) | 1
    const at = new Array<number>(depth)
    for (let d = 0; d < depth; d++) at[d] = d * width + (((h1 + Math.imul(d, h2)) >>> 0) % width)
    return at
  }
  /** 2^((atMs − t0)/halfLife); a step reads and writes hundreds of terms at one time. */
  const scale = (atMs: number, t: number): number => {
    if (atMs !== factorAt || t !== factorT0) {
      factor = 2 ** ((atMs - t) / halfLife)
      factorAt = atMs
      factorT0 = t
    }
    return factor
  }
  const minOf = (at: readonly number[]): number => {
    let m = Number.POSITIVE_INFINITY
    for (let d = 0; d < depth; d++) m = Math.min(m, cells[at[d] as number] as number)
    return m
  }
  const addAt = (at: readonly number[], amount: number, atMs: number): void => {
    if (!(amount > 0)) return
    t0 ??= atMs
    if ((atMs - t0) / halfLife > RESCALE_AT) {
      const f = 2 ** -((atMs - t0) / halfLife)
      for (let i = 0; i < cells.length; i++) cells[i] = (cells[i] as number) * f
      t0 = atMs
    }
    // Conservative update: raise each cell only as far as the new minimum needs.
    const target = minOf(at) + amount * scale(atMs, t0)
    for (let d = 0; d < depth; d++) {
      const i = at[d] as number
      if ((cells[i] as number) < target) cells[i] = target
    }
  }
  const estimateAt = (at: readonly number[], atMs: number): number =>
    t0 === undefined ? 0 : minOf(at) / scale(atMs, t0)

  return {
    add: (key, amount, atMs) => addAt(cellsOf(key), amount, atMs),
    estimate: (key, atMs) => (t0 === undefined ? 0 : estimateAt(cellsOf(key), atMs)),
    cellsOf,
    addAt,
    estimateAt,
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
