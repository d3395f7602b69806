import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'

const checkpointSchema = z.object({
  source: z.string(),
  /** Every line up to and including this one is stored (or dead-lettered). */
  line: z.number().int().nonnegative(),
  /** Byte offset where the next line starts. */
  offset: z.number().int().nonnegative(),
  done: z.boolean().default(false),
  updatedAt: z.string(),
})
export type Checkpoint = z.infer<typeof checkpointSchema>

export function readCheckpoint(path: string): Checkpoint | null {
  if (!existsSync(path)) return null
  const parsed = checkpointSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  return parsed.success ? parsed.data : null
}

/** Atomic write (temp file + rename): a crash leaves the old or the new checkpoint, never half of one. */
export function writeCheckpoint(path: string, checkpoint: Checkpoint): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(checkpoint))
  renameSync(tmp, path)
}

/**
 * Tracks which source positions are safely stored. Positions are acknowledged in any order; the
 * watermark is the highest position below which everything is acknowledged.
 */
export class AckTracker {
  #watermark: number
  #watermarkOffset: number
  readonly #acked = new Set<number>()
  readonly #offsets = new Map<number, number>()

  constructor(line: number, offset: number) {
    this.#watermark = line
    this.#watermarkOffset = offset
  }

  /** Records where the line `seq` ends, so the checkpoint can point after it. */
  sent(seq: number, endOffset: number): void {
    this.#offsets.set(seq, endOffset)
  }

  ack(seq: number): void {
    if (seq <= this.#watermark) return
    this.#acked.add(seq)
    while (this.#acked.has(this.#watermark + 1)) {
      this.#watermark++
      this.#acked.delete(this.#watermark)
      const end = this.#offsets.get(this.#watermark)
      if (end !== undefined) this.#watermarkOffset = end
      this.#offsets.delete(this.#watermark)
    }
  }

  get line(): number {
    return this.#watermark
  }

  get offset(): number {
    return this.#watermarkOffset
  }

  get inFlight(): number {
    return this.#offsets.size
  }
}
