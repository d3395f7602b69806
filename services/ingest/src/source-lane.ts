import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Bus, OutgoingMessage } from '@pulse/bus'
import { type Clock, PulseError, TOPICS } from '@pulse/core'
import { z } from 'zod'
import { AckTracker } from './checkpoint.ts'

const SEQ_BLOCK = 10_000
const fileSchema = z.object({
  name: z.string(),
  checkpoint: z.unknown(),
  /** Origin positions up to here may have been used: a restart continues above, so an old ack never matches. */
  seq: z.number().int().nonnegative(),
  updatedAt: z.string(),
})

/**
 * `$PULSE_DATA_DIR/checkpoints/connector-<name>.json`: the last committed checkpoint, written
 * atomically (temp file + rename), and the reserved origin positions.
 */
export function openSourceFile(dir: string, name: string, clock: Clock) {
  const path = join(dir, `connector-${name.replace(/[^A-Za-z0-9._-]/g, '-')}.json`)
  const saved = existsSync(path) ? fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8'))) : null
  if (saved && !saved.success) throw new PulseError('CONFIG_INVALID', `${path}: not a connector checkpoint`)
  let checkpoint: unknown = saved?.data.checkpoint
  let reserved = saved?.data.seq ?? 0
  const write = (): void => {
    mkdirSync(dir, { recursive: true })
    const tmp = `${path}.${process.pid}.tmp`
    const updatedAt = new Date(clock.now()).toISOString()
    writeFileSync(tmp, JSON.stringify({ name, checkpoint, seq: reserved, updatedAt }))
    renameSync(tmp, path)
  }
  return {
    firstSeq: reserved,
    checkpoint: () => checkpoint,
    commit(value: unknown): void {
      checkpoint = value
      write()
    },
    reserve(seq: number): void {
      if (seq <= reserved) return
      reserved = seq + SEQ_BLOCK
      write()
    },
  }
}
export type SourceFile = ReturnType<typeof openSourceFile>

/**
 * Origin positions of one source and their acknowledgements. Positions are issued in order; a
 * batch waits until the watermark passes its last position. A failed batch (timeout, publish
 * error, stop) abandons its positions so the watermark moves on; late acks for them are ignored.
 */
export function createLane(name: string, file: SourceFile, timeoutMs: number, hardStop: AbortSignal) {
  let next = file.firstSeq
  const tracker = new AckTracker(file.firstSeq, 0)
  const inFlight = new Set<number>()
  const waiters = new Set<{ readonly upTo: number; done(): void }>()
  const stats = { published: 0, deadLettered: 0, dropped: 0, acknowledged: 0, failedBatches: 0 }
  const settle = (seq: number): boolean => {
    if (!inFlight.delete(seq)) return false
    tracker.ack(seq)
    for (const w of waiters) if (w.upTo <= tracker.line) w.done()
    return true
  }
  const abandon = (seqs: readonly number[]): void => {
    for (const seq of seqs) settle(seq)
  }
  const wait = (seqs: readonly number[]): Promise<void> => {
    const upTo = Math.max(0, ...seqs)
    if (tracker.line >= upTo) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const finish = (err?: PulseError): void => {
        clearTimeout(timer)
        hardStop.removeEventListener('abort', onStop)
        waiters.delete(w)
        if (err === undefined) {
          resolve()
          return
        }
        abandon(seqs)
        reject(err)
      }
      const w = { upTo, done: () => finish() }
      const fail = (why: string) => (): void =>
        finish(new PulseError('SINK_UNAVAILABLE', `${name}: batch of ${seqs.length} not acknowledged ${why}`))
      const timer = setTimeout(fail(`within ${timeoutMs} ms`), timeoutMs)
      const onStop = fail('before shutdown')
      hardStop.addEventListener('abort', onStop, { once: true })
      waiters.add(w)
    })
  }
  return {
    name,
    stats,
    pending: () => inFlight.size,
    issue(): number {
      const seq = ++next
      file.reserve(seq)
      inFlight.add(seq)
      tracker.sent(seq, seq)
      return seq
    },
    acked(seq: number): void {
      if (settle(seq)) stats.acknowledged++
    },
    dropped(seq: number): void {
      if (settle(seq)) stats.dropped++
    },
    /** Publishes a batch and resolves once every position in it is acknowledged; a throw abandons it. */
    async deliver(raw: OutgoingMessage[], letters: OutgoingMessage[], seqs: readonly number[], bus: Bus) {
      try {
        if (raw.length > 0) await bus.publish(TOPICS.mentionsRaw, raw)
        if (letters.length > 0) await bus.publish(TOPICS.deadLetters, letters)
        stats.published += raw.length
        stats.deadLettered += letters.length
        await wait(seqs)
      } catch (err) {
        abandon(seqs)
        stats.failedBatches++
        throw err
      }
    },
  }
}
export type Lane = ReturnType<typeof createLane>
