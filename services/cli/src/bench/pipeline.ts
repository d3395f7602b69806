import { once } from 'node:events'
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { type EnrichedMention, type Mention, mentionSchema, silentLogger, systemClock } from '@pulse/core'
import { createEnricher } from '@pulse/enrich'
import { loadWatchlist, openStore, parseRuntimeEnv } from '@pulse/runtime'
import { DEFAULT_SEED, generateMentions } from '@pulse/sample'
import { flagNumber, flagString, parseArgs } from '../args.ts'
import { type CommandContext, UsageError } from '../command.ts'
import { parseSpeed } from '../commands/start.ts'
import { DEFAULT_WATCHLIST, MIGRATIONS_DIR } from '../paths.ts'
import { runServices, type ServiceName } from '../runner.ts'
import type { Benchmark } from './index.ts'

const TARGET_END_TO_END = 20_000
const TARGET_INSERT = 200_000
const RAW_BATCH = 20_000

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const verdict = (value: number, target: number): string =>
  value >= target ? `target ≥ ${fmt(target)}: met` : `target ≥ ${fmt(target)}: MISSED`

/**
 * CPU time so far, in µs: the whole process (every thread) and, on Linux, the main thread alone
 * (from /proc; undefined elsewhere). Unlike wall time, these barely move when other programs
 * share the machine, so they compare runs taken at different times.
 */
function cpuNow(): { process: number; main?: number } {
  const { user, system } = process.cpuUsage()
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ')
    // utime and stime (fields 14 and 15), in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    const ticks = Number(fields?.[11]) + Number(fields?.[12])
    return Number.isFinite(ticks)
      ? { process: user + system, main: ticks * 10_000 }
      : { process: user + system }
  } catch {
    return { process: user + system }
  }
}

/** Writes `count` generated mentions as JSONL (with backpressure); returns the distinct ids. */
async function writeMentionsJsonl(path: string, count: number, seed: number): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' })
  const ids = new Set<string>()
  let chunk: string[] = []
  for (const m of generateMentions(count, seed)) {
    ids.add(m.id)
    chunk.push(JSON.stringify(m))
    if (chunk.length >= 4_096) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain')
      chunk = []
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join('\n')}\n`)
  out.end()
  await once(out, 'finish')
  return ids.size
}

async function countStored(env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const store = await openStore(parseRuntimeEnv(env), MIGRATIONS_DIR, silentLogger, { migrate: false })
  try {
    const rows = await store.queryRows<{ n: string | number }>('SELECT uniqExact(id) AS n FROM mentions')
    return Number(rows[0]?.n ?? Number.NaN)
  } finally {
    await store.close()
  }
}

/** EnrichedMentions built once, outside the timing, for the raw insert figure. */
async function buildEnriched(count: number, seed: number): Promise<EnrichedMention[]> {
  const enricher = createEnricher({
    watchlist: loadWatchlist(DEFAULT_WATCHLIST),
    hashKey: 'bench-pipeline-hash-key',
    clock: systemClock,
  })
  const enriched: EnrichedMention[] = []
  let batch: Mention[] = []
  const flush = async (): Promise<void> => {
    for (const r of await enricher.enrich(batch)) if (!('error' in r)) enriched.push(r)
    batch = []
  }
  // A different seed from the pipeline run: these ids are new to any store.
  for (const m of generateMentions(count, seed + 1)) {
    batch.push(mentionSchema.parse(m))
    if (batch.length >= 2_000) await flush()
  }
  await flush()
  return enriched
}

/** rows/s of store.writeMentions over batches of RAW_BATCH into a fresh embedded store. */
async function rawInsert(rows: readonly EnrichedMention[], dataDir: string) {
  const store = await openStore(parseRuntimeEnv({ PULSE_DATA_DIR: dataDir }), MIGRATIONS_DIR, silentLogger, {
    migrate: true,
  })
  try {
    const perBatch: number[] = []
    let inserted = 0
    let ms = 0
    for (let i = 0; i < rows.length; i += RAW_BATCH) {
      const batch = rows.slice(i, i + RAW_BATCH)
      const t = performance.now()
      const r = await store.writeMentions(batch)
      const dt = performance.now() - t
      ms += dt
      inserted += r.inserted
      perBatch.push((batch.length / dt) * 1000)
    }
    const rs = await store.queryRows<{ n: string | number }>('SELECT count() AS n FROM mentions')
    return { inserted, ms, perBatch, stored: Number(rs[0]?.n ?? Number.NaN) }
  } finally {
    await store.close()
  }
}

export const pipelineBench: Benchmark = {
  name: 'pipeline',
  summary:
    'end-to-end mentions/s (ingest → enrich → detect → sink, embedded) and rows/s into embedded ClickHouse',
  async run(ctx: CommandContext) {
    const args = parseArgs(ctx.args, {
      values: ['mentions', 'speed', 'seed', 'raw-rows', 'services'],
      booleans: ['keep'],
    })
    const count = flagNumber(args, 'mentions', 200_000)
    if (!Number.isInteger(count) || count <= 0) throw new UsageError('--mentions must be a positive integer')
    const seed = flagNumber(args, 'seed', DEFAULT_SEED)
    const speed = parseSpeed(flagString(args, 'speed'), 'max')
    const rawRows = flagNumber(args, 'raw-rows', Math.min(count, 200_000))
    const services = (flagString(args, 'services') ?? 'ingest,enrich,detect,sink')
      .split(',')
      .map((s) => s.trim()) as ServiceName[]
    const out = (line: string): void => {
      ctx.stdout.write(`${line}\n`)
    }
    const root = mkdtempSync(join(tmpdir(), 'pulse-bench-pipeline-'))
    const dataDir = join(root, 'data')
    const file = join(root, 'mentions.jsonl')
    try {
      out(
        `pulse bench pipeline — ${fmt(count)} mentions (seed ${seed}), speed ${speed}, services ${services}`,
      )
      out(`  data dir ${root}`)
      let t = performance.now()
      const distinct = await writeMentionsJsonl(file, count, seed)
      out(
        `  generated ${fmt(count)} mentions (${fmt(distinct)} distinct ids) in ${secs(performance.now() - t)}`,
      )

      const env = { ...ctx.env, PULSE_DATA_DIR: dataDir, PULSE_METRICS_PORT: undefined }
      t = performance.now()
      const runtime = await runServices({
        services,
        env,
        ingest: { replay: { file, speed } },
        signal: ctx.signal,
        logToFile: true,
      })
      // The ingest factory starts last and publishes only once its file stream has delivered data,
      // so this instant is just before the first publish.
      const t0 = performance.now()
      const cpu0 = cpuNow()
      out(`  runtime up (bus, embedded store, migrations) in ${secs(t0 - t)}`)
      let wallMs = 0
      let cpuUsed = cpu0
      let status: Record<string, Record<string, number>> = {}
      try {
        const ingest = runtime.services.get('ingest') as { replay?: { finished: Promise<void> } } | undefined
        if (!ingest?.replay) throw new UsageError('the pipeline bench needs the ingest service')
        await ingest.replay.finished
        await runtime.drain()
        wallMs = performance.now() - t0
        cpuUsed = cpuNow()
        status = runtime.status()
      } finally {
        await runtime.stop()
      }
      const stored = await countStored(env)
      const sink = status.sink ?? {}
      const rowsWritten = sink.rowsWritten ?? 0
      const writeMs = sink.writeMs ?? 0
      const e2e = (count / wallMs) * 1000
      out('')
      out('end to end (first publish → everything stored and drained)')
      out(`  wall time            ${secs(wallMs)}`)
      out(`  mentions/s           ${fmt(e2e)}   (${verdict(e2e, TARGET_END_TO_END)})`)
      const perMention = (us: number): string => `${Math.round(us / count)} µs`
      out(
        `  CPU per mention      ${perMention(cpuUsed.process - cpu0.process)} in all threads${cpuUsed.main !== undefined && cpu0.main !== undefined ? `, ${perMention(cpuUsed.main - cpu0.main)} on the main thread` : ''} (${os.availableParallelism()} cores)`,
      )
      out(
        `  stored mentions      ${fmt(stored)} of ${fmt(distinct)} distinct ${stored === distinct ? 'OK' : 'MISMATCH'}`,
      )
      out(
        `  sink                 ${fmt(rowsWritten)} rows in ${fmt(sink.flushes ?? 0)} flushes, ${secs(writeMs)} inside ClickHouse writes (${((100 * writeMs) / wallMs).toFixed(0)}% of wall)`,
      )
      out(`  sink rows/s          ${fmt(sink.rowsPerSecond ?? 0)}   (rows written / time inside inserts)`)
      for (const [name, s] of Object.entries(status)) out(`  ${name.padEnd(8)} ${JSON.stringify(s)}`)

      let rawOk = true
      if (rawRows > 0) {
        t = performance.now()
        const rows = await buildEnriched(rawRows, seed)
        out('')
        out(
          `raw insert: store.writeMentions, batches of ${fmt(RAW_BATCH)} (${fmt(rows.length)} enriched rows built in ${secs(performance.now() - t)}), fresh embedded store`,
        )
        const r = await rawInsert(rows, join(root, 'raw'))
        const rate = (r.inserted / r.ms) * 1000
        rawOk = r.stored === rows.length
        out(`  rows/s               ${fmt(rate)}   (${verdict(rate, TARGET_INSERT)})`)
        out(`  time                 ${secs(r.ms)} for ${fmt(r.inserted)} rows; stored ${fmt(r.stored)}`)
        out(`  per batch rows/s     ${r.perBatch.map(fmt).join(' ')}`)
      }
      return stored === distinct && rawOk ? 0 : 1
    } finally {
      if (args.flags.has('keep')) out(`  kept ${root}`)
      else rmSync(root, { recursive: true, force: true })
    }
  },
}
