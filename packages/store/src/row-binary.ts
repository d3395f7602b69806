import { PulseError } from '@pulse/core'

/**
 * ClickHouse's RowBinary format for the column types Pulse's tables use. Embedded ClickHouse parses
 * it about 8× faster than JSON lines (no text to scan, no escapes, numbers as bytes), and building it
 * here is about twice as fast as `JSON.stringify` of the same rows.
 */
export const ROW_BINARY_TYPES = [
  'String',
  'LowCardinality(String)',
  'UInt32',
  'Bool',
  "DateTime64(3, 'UTC')",
  'Nullable(Float32)',
  'Array(String)',
] as const

export type RowBinaryType = (typeof ROW_BINARY_TYPES)[number]

/** A named, typed column list: the order of a row's cells and of `file(…, RowBinary, structure)`. */
export type RowBinaryColumns = readonly (readonly [name: string, type: RowBinaryType])[]

/** The `structure` argument of `file()` / `format()` for these columns (not yet SQL-quoted). */
export function rowBinaryStructure(columns: RowBinaryColumns): string {
  return columns.map(([name, type]) => `${name} ${type}`).join(', ')
}

const TWO_POW_32 = 4_294_967_296
/** Strings up to this many UTF-16 units try the ASCII copy (its one length byte holds up to 127). */
const SHORT_ASCII = 64

/** Parses the `YYYY-MM-DD HH:MM:SS.sss` UTC text ClickHouse uses (see `chTime`), or an ISO-8601 instant. */
function epochMillis(value: unknown, column: string): number {
  const ms =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? Date.parse(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`)
        : Number.NaN
  if (!Number.isFinite(ms)) {
    throw new PulseError('SINK_REJECTED', `column ${column}: ${JSON.stringify(value)} is not a timestamp`)
  }
  return ms
}

/** A growable byte buffer with the RowBinary primitives. */
export class RowBinaryWriter {
  private buf: Buffer
  private off = 0

  constructor(initialBytes = 1 << 20) {
    this.buf = Buffer.allocUnsafe(initialBytes)
  }

  /** The bytes written so far (a view: valid until the next write). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.off)
  }

  /** How many bytes have been written. */
  get length(): number {
    return this.off
  }

  private room(n: number): void {
    if (this.off + n <= this.buf.length) return
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.off + n))
    this.buf.copy(next, 0, 0, this.off)
    this.buf = next
  }

  private varUInt(n: number): void {
    let v = n
    while (v >= 0x80) {
      this.buf[this.off++] = (v & 0x7f) | 0x80
      v = Math.floor(v / 128)
    }
    this.buf[this.off++] = v
  }

  /**
   * Copies a short all-ASCII string byte by byte at `at`; false (having written partial bytes that
   * the caller overwrites) on the first non-ASCII unit. Most cells are short ASCII (ids, handles,
   * labels, terms), and for them this loop is several times cheaper than a call into `Buffer.write`.
   */
  private ascii(s: string, at: number): boolean {
    const buf = this.buf
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (c >= 0x80) return false
      buf[at + i] = c
    }
    return true
  }

  /** A string: its UTF-8 length as a LEB128 varint, then the bytes. */
  string(s: string): void {
    // A UTF-16 code unit is at most 3 UTF-8 bytes (a lone surrogate becomes U+FFFD, also 3).
    const most = s.length * 3
    this.room(most + 9)
    if (s.length <= SHORT_ASCII && this.ascii(s, this.off + 1)) {
      this.buf[this.off] = s.length
      this.off += 1 + s.length
    } else if (most < 0x80) {
      const at = this.off++
      const n = this.buf.write(s, this.off, 'utf8')
      this.buf[at] = n
      this.off += n
    } else if (most < 0x4000) {
      // Two length bytes, written after the text: a varint need not be minimal (0x85 0x00 is 5).
      const at = this.off
      const n = this.buf.write(s, at + 2, 'utf8')
      this.buf[at] = (n & 0x7f) | 0x80
      this.buf[at + 1] = n >>> 7
      this.off = at + 2 + n
    } else {
      this.varUInt(Buffer.byteLength(s, 'utf8'))
      this.off += this.buf.write(s, this.off, 'utf8')
    }
  }

  uint32(n: number): void {
    this.room(4)
    this.buf.writeUInt32LE(n, this.off)
    this.off += 4
  }

  bool(b: boolean): void {
    this.room(1)
    this.buf[this.off++] = b ? 1 : 0
  }

  /** Int64 little-endian, for DateTime64(3): milliseconds since the epoch. */
  int64(n: number): void {
    this.room(8)
    const high = Math.floor(n / TWO_POW_32)
    this.buf.writeUInt32LE(n - high * TWO_POW_32, this.off)
    this.buf.writeInt32LE(high, this.off + 4)
    this.off += 8
  }

  nullableFloat32(v: number | null): void {
    this.room(5)
    if (v === null) {
      this.buf[this.off++] = 1
      return
    }
    this.buf[this.off++] = 0
    this.buf.writeFloatLE(v, this.off)
    this.off += 4
  }

  strings(items: readonly string[]): void {
    this.room(9)
    this.varUInt(items.length)
    for (const s of items) this.string(s)
  }
}

type CellWriter = (w: RowBinaryWriter, value: unknown, column: string) => void

const fail = (column: string, type: string, value: unknown): never => {
  throw new PulseError('SINK_REJECTED', `column ${column} (${type}): cannot encode ${JSON.stringify(value)}`)
}

/** RowBinary writes a LowCardinality(String) as a plain String. */
const stringCell: CellWriter = (w, v, c) => (typeof v === 'string' ? w.string(v) : fail(c, 'String', v))

const CELL_WRITERS: Record<RowBinaryType, CellWriter> = {
  String: stringCell,
  'LowCardinality(String)': stringCell,
  UInt32: (w, v, c) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < TWO_POW_32
      ? w.uint32(v)
      : fail(c, 'UInt32', v),
  Bool: (w, v, c) => (typeof v === 'boolean' ? w.bool(v) : fail(c, 'Bool', v)),
  "DateTime64(3, 'UTC')": (w, v, c) => w.int64(epochMillis(v, c)),
  'Nullable(Float32)': (w, v, c) =>
    v === null || typeof v === 'number' ? w.nullableFloat32(v) : fail(c, 'Nullable(Float32)', v),
  'Array(String)': (w, v, c) => {
    if (!Array.isArray(v)) return fail(c, 'Array(String)', v)
    for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return fail(c, 'Array(String)', v)
    w.strings(v as string[])
  },
}

/** Encodes rows (cells in `columns` order) as one RowBinary body. */
export function encodeRowBinary(rows: readonly (readonly unknown[])[], columns: RowBinaryColumns): Buffer {
  return encodeRowBinaryRows(rows, columns, (row) => row).body
}

/** RowBinary rows end to end, and where each ends (row i starts where row i − 1 ends). */
export interface RowBinaryRows {
  readonly body: Buffer
  readonly ends: Uint32Array
}

/**
 * Encodes items as rows (`rowOf` gives the cells in `columns` order) in one RowBinary body, noting
 * where each row ends. Each row is built just before it is written, so no array of them lives on.
 */
export function encodeRowBinaryRows<T>(
  items: readonly T[],
  columns: RowBinaryColumns,
  rowOf: (item: T) => readonly unknown[],
): RowBinaryRows {
  const names = columns.map(([name]) => name)
  const writers = columns.map(([, type]) => CELL_WRITERS[type])
  // About 150 bytes a row for Pulse's mentions; the writer grows if it needs to.
  const w = new RowBinaryWriter(Math.max(1 << 16, items.length * 256))
  const ends = new Uint32Array(items.length)
  for (let r = 0; r < items.length; r++) {
    const row = rowOf(items[r] as T)
    if (row.length !== writers.length) {
      throw new PulseError('SINK_REJECTED', `a row has ${row.length} cells for ${writers.length} columns`)
    }
    for (let i = 0; i < writers.length; i++) (writers[i] as CellWriter)(w, row[i], names[i] as string)
    ends[r] = w.length
  }
  return { body: w.bytes(), ends }
}

/** Rows `keep` (ascending indexes) of encoded rows, end to end. */
export function pickRows(rows: RowBinaryRows, keep: readonly number[]): Buffer {
  let size = 0
  for (const r of keep) size += (rows.ends[r] as number) - (r === 0 ? 0 : (rows.ends[r - 1] as number))
  const out = Buffer.allocUnsafe(size)
  let at = 0
  for (const r of keep) {
    const start = r === 0 ? 0 : (rows.ends[r - 1] as number)
    at += rows.body.copy(out, at, start, rows.ends[r])
  }
  return out
}
