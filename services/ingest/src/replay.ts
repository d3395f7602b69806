import { createReadStream, realpathSync, statSync } from 'node:fs'
import type { Readable } from 'node:stream'
import type { Bus, OutgoingMessage } from '@pulse/bus'
import {
  type AckMessage,
  type Clock,
  formatOrigin,
  type Logger,
  type Mention,
  ORIGIN_HEADER,
  parseJson,
  REPLAY_SOURCE_PREFIX,
  SCHEMA_HEADER,
  SCHEMAS,
  stableHash,
  TOPICS,
} from '@pulse/core'
import { deadLetterFor, deadLetterMessage } from '@pulse/pipeline'
import { AckTracker, readCheckpoint, writeCheckpoint } from './checkpoint.ts'
import { type Line, readLines } from './lines.ts'

export type Speed = number | 'max'

export interface ReplayOptions {
  /** A JSONL file path, or '-' for stdin (stdin cannot resume). */
  readonly file: string
  readonly speed: Speed
  readonly checkpointDir: string
  readonly bus: Bus
  readonly logger: Logger
  readonly clock: Clock
  readonly stdin?: Readable
  /** Marks mentions by the organisation's own accounts. */
  readonly orgHandles: ReadonlySet<string>
  readonly signal: AbortSignal
  readonly batchSize?: number
}

export interface ReplayStats {
  lines: number
  published: number
  /** Lines that are not JSON (schema failures are dead-lettered by enrich, which validates). */
  invalid: number
  acknowledged: number
  resumedFrom: number
  done: boolean
}

export interface Replay {
  readonly source: string
  readonly stats: ReplayStats
  /** Resolves when every line has been read and acknowledged by the sink. */
  readonly finished: Promise<void>
  stop(): Promise<void>
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(t)
      resolve()
    })
  })

/** Whether an author handle (`@StMarysHealth`, `stmaryshealth.bsky.social`) is one of the organisation's. */
export function isOrgHandle(handle: unknown, orgHandles: ReadonlySet<string>): boolean {
  if (typeof handle !== 'string' || handle === '') return false
  const h = handle.replace(/^@/, '').toLowerCase()
  return orgHandles.has(h) || orgHandles.has(h.split('.')[0] ?? h)
}

/** Sets `fromOrg` when the author is one of the watched organisation's accounts. */
export function markOrg(mention: Mention, orgHandles: ReadonlySet<string>): Mention {
  return isOrgHandle(mention.author.handle, orgHandles) ? { ...mention, fromOrg: true } : mention
}

const isBlank = (bytes: Uint8Array): boolean => {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false
  return true
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined

/**
 * Replays a JSONL file of mentions onto the raw topic, paced by event time (`createdAt`) at
 * `speed` × real time or as fast as the pipeline takes them. A line that is not JSON goes to the
 * dead-letter topic here; every other line is passed on as it is (keyed by its id, marked when an
 * organisation account wrote it), and the enrich stage validates it against the Mention schema as
 * it does every raw message, dead-lettering it with the reason and the line number if it fails.
 * The checkpoint (line and byte offset) advances only over lines the sink has acknowledged, so a
 * crash resumes without losing or double-counting anything.
 */
export async function startReplay(options: ReplayOptions): Promise<Replay> {
  const log = options.logger.child({ source: 'replay' })
  const fromStdin = options.file === '-'
  const path = fromStdin ? '-' : realpathSync(options.file)
  const source = `${REPLAY_SOURCE_PREFIX}${fromStdin ? `stdin-${options.clock.now()}` : stableHash(path).slice(0, 12)}`
  const checkpointPath = `${options.checkpointDir}/${source.replace(':', '-')}.json`
  const saved = fromStdin ? null : readCheckpoint(checkpointPath)
  const tracker = new AckTracker(saved?.line ?? 0, saved?.offset ?? 0)
  const stats: ReplayStats = {
    lines: saved?.line ?? 0,
    published: 0,
    invalid: 0,
    acknowledged: saved?.line ?? 0,
    resumedFrom: saved?.line ?? 0,
    done: false,
  }
  const stop = new AbortController()
  const signal = AbortSignal.any([options.signal, stop.signal])
  let lastSeq = saved?.line ?? 0
  let eof = false
  let resolveFinished: () => void = () => {}
  const finished = new Promise<void>((r) => {
    resolveFinished = r
  })

  const save = (): void => {
    if (fromStdin) return
    writeCheckpoint(checkpointPath, {
      source,
      line: tracker.line,
      offset: tracker.offset,
      done: eof && tracker.line >= lastSeq,
      updatedAt: new Date(options.clock.now()).toISOString(),
    })
  }
  const checkDone = (): void => {
    if (eof && tracker.line >= lastSeq && !stats.done) {
      stats.done = true
      save()
      resolveFinished()
    }
  }

  const acks = await options.bus.consume({
    groupId: `ingest-acks-${source}`,
    topics: [TOPICS.acks],
    maxBatchSize: 5_000,
    handler: async (batch) => {
      for (const m of batch.messages) {
        const ack = JSON.parse(Buffer.from(m.value).toString('utf8')) as AckMessage
        if (ack.source !== source) continue
        for (const seq of ack.seqs) tracker.ack(seq)
      }
      stats.acknowledged = tracker.line
      checkDone()
    },
  })
  const saver = setInterval(save, 1_000)

  if (saved?.done) {
    log.info({ source, line: saved.line }, 'replay already complete; nothing to do')
    eof = true
    checkDone()
  }

  const input: Readable | undefined = saved?.done
    ? undefined
    : fromStdin
      ? (options.stdin ?? process.stdin)
      : createReadStream(path, { start: saved?.offset ?? 0, highWaterMark: 1 << 20 })
  if (saved && !saved.done) log.info({ source, line: saved.line, offset: saved.offset }, 'resuming replay')

  const pump = async (): Promise<void> => {
    if (!input) return
    const size = fromStdin ? 0 : statSync(path).size
    const batchSize = options.batchSize ?? 2_000
    let raw: OutgoingMessage[] = []
    let letters: OutgoingMessage[] = []
    let localAcks: number[] = []
    let pace: { event0: number; wall0: number } | undefined
    const flush = async (): Promise<void> => {
      if (raw.length > 0) await options.bus.publish(TOPICS.mentionsRaw, raw)
      if (letters.length > 0) await options.bus.publish(TOPICS.deadLetters, letters)
      for (const seq of localAcks) tracker.ack(seq)
      raw = []
      letters = []
      localAcks = []
    }
    const handle = async (line: Line): Promise<void> => {
      lastSeq = line.seq
      stats.lines = line.seq
      tracker.sent(line.seq, line.end)
      const origin = formatOrigin({ source, seq: line.seq })
      if (isBlank(line.bytes)) {
        localAcks.push(line.seq)
        return
      }
      const parsed = parseJson(line.bytes)
      if (parsed.kind !== 'ok') {
        stats.invalid++
        const msg = {
          topic: TOPICS.mentionsRaw,
          key: null,
          value: line.bytes,
          headers: { [ORIGIN_HEADER]: origin },
        }
        const reason = parsed.kind === 'dlq' ? parsed.reason : 'dropped'
        const letter = deadLetterFor(msg, 'ingest.replay', reason, undefined, options.clock.now())
        letters.push(deadLetterMessage(letter, origin))
        return
      }
      const value = parsed.value
      if (options.speed !== 'max') {
        const createdAt = field(value, 'createdAt')
        const t = typeof createdAt === 'string' ? Date.parse(createdAt) : Number.NaN
        if (Number.isFinite(t)) {
          pace ??= { event0: t, wall0: options.clock.now() }
          const due = pace.wall0 + (t - pace.event0) / options.speed
          const wait = due - options.clock.now()
          if (wait > 5) {
            await flush()
            await sleep(Math.min(wait, 60_000), signal)
          }
        }
      }
      stats.published++
      const id = field(value, 'id')
      raw.push({
        // Keyed by the mention id, so copies of one mention stay in one partition, in order.
        key: typeof id === 'string' && id !== '' ? id : null,
        value: isOrgHandle(field(field(value, 'author'), 'handle'), options.orgHandles)
          ? JSON.stringify({ ...(value as object), fromOrg: true })
          : // A copy: the line is a view of the read chunk, which must not stay alive with it.
            Buffer.from(line.bytes),
        headers: { [SCHEMA_HEADER]: SCHEMAS.mention, [ORIGIN_HEADER]: origin },
      })
    }
    for await (const line of readLines(input, saved?.offset ?? 0, (saved?.line ?? 0) + 1)) {
      if (signal.aborted) break
      await handle(line)
      if (raw.length + letters.length >= batchSize) await flush()
    }
    await flush()
    if (!signal.aborted) {
      eof = true
      log.info({ source, lines: lastSeq, bytes: size, invalid: stats.invalid }, 'replay read to the end')
      checkDone()
    }
  }

  const pumping = pump().catch((err: unknown) => {
    log.error({ err }, 'replay failed')
    throw err
  })

  return {
    source,
    stats,
    finished: Promise.race([finished, pumping.then(() => finished)]),
    async stop() {
      stop.abort()
      if (input && 'destroy' in input) input.destroy()
      await pumping.catch(() => {})
      clearInterval(saver)
      await acks.stop()
      save()
    },
  }
}
