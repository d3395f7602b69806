import { performance } from 'node:perf_hooks'
import { type Mention, manualClock, mentionSchema } from '@pulse/core'
import { createEnricher } from '@pulse/enrich'
import { loadWatchlist } from '@pulse/runtime'
import { DEFAULT_SEED, generateMentions } from '@pulse/sample'
import { flagNumber, flagString, parseArgs } from '../args.ts'
import type { CommandContext } from '../command.ts'
import { DEFAULT_WATCHLIST } from '../paths.ts'
import type { Benchmark } from './index.ts'

const TARGET = 30_000
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

export const enrichBench: Benchmark = {
  name: 'enrich',
  summary:
    'whole enrichment (redact → sentiment → classify → privacy) on one core: mentions/s and µs per stage',
  async run(ctx: CommandContext) {
    const args = parseArgs(ctx.args, { values: ['count', 'seed', 'batch', 'rounds', 'watchlist'] })
    const count = flagNumber(args, 'count', 50_000)
    const seed = flagNumber(args, 'seed', DEFAULT_SEED)
    const batchSize = flagNumber(args, 'batch', 2_000)
    const rounds = flagNumber(args, 'rounds', 3)
    const out = (line: string): void => {
      ctx.stdout.write(`${line}\n`)
    }
    const enricher = createEnricher({
      watchlist: loadWatchlist(flagString(args, 'watchlist') ?? DEFAULT_WATCHLIST),
      hashKey: 'bench-enrich-hash-key',
      clock: manualClock(Date.parse('2026-11-20T00:00:00Z')),
    })
    const batches: Mention[][] = []
    let current: Mention[] = []
    for (const m of generateMentions(count, seed)) {
      current.push(mentionSchema.parse(m))
      if (current.length >= batchSize) {
        batches.push(current)
        current = []
      }
    }
    if (current.length > 0) batches.push(current)
    out(
      `pulse bench enrich — ${fmt(count)} generated mentions (seed ${seed}), batches of ${fmt(batchSize)}, one core (main thread), warm, best of ${rounds}`,
    )

    // Stage by stage, exactly as runChain does: refused items skip the remaining stages.
    const stageMs = new Map<string, number>(enricher.stages.map((s) => [s.name, 0]))
    const stagePass = async (): Promise<{ ms: number; refused: number }> => {
      const start = performance.now()
      let refused = 0
      for (const batch of batches) {
        let live: readonly unknown[] = batch
        for (const stage of enricher.stages) {
          const t = performance.now()
          const outcomes = await stage.process(live)
          stageMs.set(stage.name, (stageMs.get(stage.name) ?? 0) + performance.now() - t)
          const next: unknown[] = []
          for (const o of outcomes) {
            if (o.kind === 'ok') next.push(o.value)
            else refused++
          }
          live = next
        }
      }
      return { ms: performance.now() - start, refused }
    }
    const wholePass = async (): Promise<number> => {
      const start = performance.now()
      for (const batch of batches) await enricher.enrich(batch)
      return performance.now() - start
    }

    await wholePass() // warm-up: JIT and lazily built tables
    let best = Number.POSITIVE_INFINITY
    for (let k = 0; k < rounds; k++) best = Math.min(best, await wholePass())
    const rate = (count / best) * 1000
    out(
      `  whole enrichment   ${fmt(rate)} mentions/s  (${((best * 1000) / count).toFixed(1)} µs/mention; target ≥ ${fmt(TARGET)}: ${rate >= TARGET ? 'met' : 'MISSED'})`,
    )

    for (const name of stageMs.keys()) stageMs.set(name, 0)
    let stagedMs = 0
    let refused = 0
    for (let k = 0; k < rounds; k++) {
      const r = await stagePass()
      stagedMs += r.ms
      refused = r.refused
    }
    out(`  per stage (mean of ${rounds} passes, µs per mention entering the chain):`)
    for (const [name, ms] of stageMs) {
      const us = (ms * 1000) / (count * rounds)
      out(
        `    ${name.padEnd(12)} ${us.toFixed(2).padStart(8)} µs   ${((100 * ms) / stagedMs).toFixed(1).padStart(5)}%`,
      )
    }
    out(`  refused by a stage: ${fmt(refused)} of ${fmt(count)}`)
    return 0
  },
}
