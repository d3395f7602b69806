import type { Readable } from 'node:stream'

export interface Line {
  /** 1-based line number in the whole file. */
  readonly seq: number
  readonly bytes: Buffer
  /** Byte offset just after this line's newline. */
  readonly end: number
}

/** Yields lines with their byte positions, starting at `offset`/`firstSeq` (for resume). */
export async function* readLines(input: Readable, offset: number, firstSeq: number): AsyncGenerator<Line> {
  let seq = firstSeq
  let pos = offset
  let carry: Buffer = Buffer.alloc(0)
  for await (const chunk of input) {
    const buf: Buffer = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer)
    let start = 0
    for (let i = buf.indexOf(10, start); i !== -1; i = buf.indexOf(10, start)) {
      const bytes = buf.subarray(start, i > start && buf[i - 1] === 13 ? i - 1 : i)
      pos += i + 1 - start
      yield { seq: seq++, bytes, end: pos }
      start = i + 1
    }
    carry = Buffer.from(buf.subarray(start))
  }
  if (carry.length > 0) {
    pos += carry.length
    yield { seq: seq++, bytes: carry, end: pos }
  }
}
