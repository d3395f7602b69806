import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EmbeddedBus, sleep } from '@pulse/bus'
import {
  type Clock,
  type EnrichedMention,
  SCHEMA_HEADER,
  SCHEMAS,
  type Signal,
  silentLogger,
  TOPICS,
} from '@pulse/core'
import { DEFAULT_LATENESS_MS } from '@pulse/detect'
import { loadWatchlist, parseRuntimeEnv } from '@pulse/runtime'
import { detectService } from '@pulse/service-detect'
import { DEFAULT_WATCHLIST } from '../paths.ts'
import type { Benchmark } from './index.ts'
import { enrichedSample, evaluateSampleSignals } from './signals.ts'

const TARGET_MS = 5_000
/**
 * The clock is released this long before the bucket closes, so the wait for the service's next
 * one-second tick is part of the figure; the lead differs per event, so the ticks fall at
 * different points of the second.
 */
const LEADS_MS = [1_100, 1_350, 1_600, 1_850]
const TIMEOUT_MS = 15_000

/**
 * A wall clock that can be held: while held it reads `heldAt`; once released it reads `from` plus
 * the real time elapsed since the release. The detect service reads it as a live run's clock.
 */
function holdableClock(heldAt: number): Clock & { release(from: number): void } {
  let held: number | undefined = heldAt
  let from = 0
  let releasedAt = 0
  return {
    now: () => held ?? from + (performance.now() - releasedAt),
    release(at) {
      from = at
      releasedAt = performance.now()
      held = undefined
    },
  }
}

const until = async (done: () => boolean, what: string): Promise<void> => {
  const deadline = performance.now() + TIMEOUT_MS
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(5)
  }
}

/**
 * Runs the real detect service (with its one-second tick) on the embedded bus as in a live run: the
 * history up to the bucket that produced `expected` goes in at full speed while the clock is held
 * before that bucket closes, then the clock runs in real time from `leadMs` before the close. Returns
 * the wall-clock milliseconds from the bucket closing (its end plus the lateness) to `expected`
 * being on the signals topic.
 */
async function timeSignal(
  sample: readonly EnrichedMention[],
  expected: Signal,
  leadMs: number,
): Promise<number> {
  const closesAt = Date.parse(expected.updatedAt) + DEFAULT_LATENESS_MS
  const clock = holdableClock(closesAt - 60_000)
  const bus = new EmbeddedBus()
  const dataDir = mkdtempSync(join(tmpdir(), 'pulse-bench-latency-'))
  const abort = new AbortController()
  let seenAt: number | undefined
  const watcher = await bus.consume({
    groupId: 'bench-latency',
    topics: [TOPICS.signals],
    handler: async (batch) => {
      for (const m of batch.messages) {
        const s = JSON.parse(Buffer.from(m.value).toString('utf8')) as Signal
        if (s.id === expected.id && s.revision === 1) seenAt ??= clock.now()
      }
    },
  })
  const detect = await detectService({
    bus,
    store: () => Promise.reject(new Error('no store: warm start is off in this benchmark')),
    logger: silentLogger,
    clock,
    // No stored history to rebuild from: the backlog comes through the bus.
    env: parseRuntimeEnv({ PULSE_DATA_DIR: dataDir, PULSE_DETECT_WARM_HOURS: '0' }),
    watchlist: loadWatchlist(DEFAULT_WATCHLIST),
    dataDir,
    signal: abort.signal,
  })
  try {
    // Everything that has arrived before the bucket closes (later buckets' posts within the lateness
    // included), but nothing that would close it by event time.
    const history = sample.filter((m) => Date.parse(m.createdAt) < closesAt)
    for (let i = 0; i < history.length; i += 2_000) {
      await bus.publish(
        TOPICS.mentionsEnriched,
        history.slice(i, i + 2_000).map((m) => ({
          key: m.id,
          value: JSON.stringify(m),
          headers: { [SCHEMA_HEADER]: SCHEMAS.enrichedMention },
        })),
      )
    }
    await until(() => (detect.stats().consumed ?? 0) >= history.length, 'the history to be processed')
    if (seenAt !== undefined) throw new Error(`${expected.id} came before its bucket closed`)
    clock.release(closesAt - leadMs)
    await until(() => seenAt !== undefined, `signal ${expected.id}`)
    return (seenAt ?? Number.NaN) - closesAt
  } finally {
    abort.abort()
    await detect.stop()
    await watcher.stop()
    await bus.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export const latencyBenchmark: Benchmark = {
  name: 'latency',
  summary: 'wall-clock time from a bucket closing to its signal on the bus (detect service, live clock)',
  async run(ctx) {
    const out = (line: string): void => {
      ctx.stdout.write(`${line}\n`)
    }
    out(
      `pulse bench latency — the detect service in live mode, clock released ${LEADS_MS.join('/')} ms before each close`,
    )
    const sample = await enrichedSample()
    const { events } = await evaluateSampleSignals(sample)
    out(
      `sample: ${sample.length} enriched mentions; lateness ${DEFAULT_LATENESS_MS / 1000} s after a bucket ends`,
    )
    out('')
    out('event                                   signal                               latency')
    const latencies: number[] = []
    for (const [i, e] of events.entries()) {
      const first = e.signals[0]
      if (!first) {
        out(`${e.event.label.slice(0, 38).padEnd(40)}(not detected)`)
        continue
      }
      const ms = await timeSignal(sample, first, LEADS_MS[i % LEADS_MS.length] ?? 1_500)
      latencies.push(ms)
      out(
        `${e.event.label.slice(0, 38).padEnd(40)}${`${first.kind} ${first.key.value}`.slice(0, 36).padEnd(37)}${Math.round(ms)} ms`,
      )
    }
    const worst = Math.max(...latencies)
    out('')
    out(
      `worst ${Math.round(worst)} ms, mean ${Math.round(latencies.reduce((a, b) => a + b, 0) / latencies.length)} ms ` +
        `(the service checks the clock once a second)`,
    )
    const ok = latencies.length === events.length && worst <= TARGET_MS
    out(
      `${ok ? 'PASS' : 'FAIL'}  every seeded event's signal within ${TARGET_MS / 1000} s of its bucket closing`,
    )
    return ok ? 0 : 1
  },
}
