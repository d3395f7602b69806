import { describe, expect, it } from 'vitest'
import { encodeRowBinary, type RowBinaryColumns, RowBinaryWriter, rowBinaryStructure } from './row-binary.ts'

/** A minimal RowBinary reader for the same types, to check the writer byte for byte. */
class Reader {
  off = 0
  constructor(private readonly buf: Buffer) {}
  varUInt(): number {
    let n = 0
    let shift = 0
    for (;;) {
      const b = this.buf[this.off++] as number
      n += (b & 0x7f) * 2 ** shift
      if (b < 0x80) return n
      shift += 7
    }
  }
  string(): string {
    const n = this.varUInt()
    const s = this.buf.toString('utf8', this.off, this.off + n)
    this.off += n
    return s
  }
  int64(): number {
    const low = this.buf.readUInt32LE(this.off)
    const high = this.buf.readInt32LE(this.off + 4)
    this.off += 8
    return high * 2 ** 32 + low
  }
  get done(): boolean {
    return this.off === this.buf.length
  }
}

describe('RowBinaryWriter', () => {
  it('writes strings of every length class with their UTF-8 byte length', () => {
    const samples = [
      '',
      'a',
      'é',
      '🩺',
      'x'.repeat(42),
      'x'.repeat(43),
      'x'.repeat(64),
      'x'.repeat(65),
      'ascii until é',
      `${'a'.repeat(63)}é`,
      `${'b'.repeat(40)}🩺${'c'.repeat(20)}`,
      'ü'.repeat(200),
      'y'.repeat(6000),
      'z'.repeat(70_000),
      '\ud800',
    ]
    const w = new RowBinaryWriter(16)
    for (const s of samples) w.string(s)
    const r = new Reader(w.bytes())
    for (const s of samples) expect(r.string()).toBe(Buffer.from(s, 'utf8').toString('utf8'))
    expect(r.done).toBe(true)
  })

  it('writes Int64 milliseconds before and after the epoch', () => {
    const values = [0, 1, 1_763_600_000_123, -1, -86_400_000, 2 ** 40 + 5]
    const w = new RowBinaryWriter()
    for (const v of values) w.int64(v)
    const r = new Reader(w.bytes())
    expect(values.map(() => r.int64())).toEqual(values)
  })
})

describe('encodeRowBinary', () => {
  const columns: RowBinaryColumns = [
    ['id', 'String'],
    ['n', 'UInt32'],
    ['ok', 'Bool'],
    ['at', "DateTime64(3, 'UTC')"],
    ['score', 'Nullable(Float32)'],
    ['tags', 'Array(String)'],
  ]

  it('lays out each row in column order', () => {
    const body = encodeRowBinary(
      [
        ['a', 7, true, '2026-11-20 14:03:11.250', 0.5, ['x', 'yz']],
        ['b', 0, false, '2026-11-20T14:03:11.000Z', null, []],
      ],
      columns,
    )
    const expected = Buffer.concat([
      Buffer.from([1, 0x61]),
      Buffer.from([7, 0, 0, 0]),
      Buffer.from([1]),
      (() => {
        const b = Buffer.alloc(8)
        b.writeBigInt64LE(BigInt(Date.UTC(2026, 10, 20, 14, 3, 11, 250)))
        return b
      })(),
      Buffer.from([0, 0, 0, 0, 0x3f]),
      Buffer.from([2, 1, 0x78, 2, 0x79, 0x7a]),
      Buffer.from([1, 0x62, 0, 0, 0, 0, 0]),
      (() => {
        const b = Buffer.alloc(8)
        b.writeBigInt64LE(BigInt(Date.UTC(2026, 10, 20, 14, 3, 11)))
        return b
      })(),
      Buffer.from([1, 0]),
    ])
    expect(body.equals(expected)).toBe(true)
  })

  it('names the column when a value does not fit its type', () => {
    expect(() => encodeRowBinary([['a', -1, true, 0, null, []]], columns)).toThrow(/column n \(UInt32\)/)
    expect(() => encodeRowBinary([['a', 1, true, 'soon', null, []]], columns)).toThrow(/column at/)
    expect(() => encodeRowBinary([['a', 1, true, 0, null, [3]]], columns)).toThrow(/column tags/)
    expect(() => encodeRowBinary([['a', 1]], columns)).toThrow(/2 cells for 6 columns/)
  })

  it('describes the columns as a file() structure', () => {
    expect(rowBinaryStructure(columns)).toBe(
      "id String, n UInt32, ok Bool, at DateTime64(3, 'UTC'), score Nullable(Float32), tags Array(String)",
    )
  })
})
