import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { PulseError } from '@pulse/core'
import { createSentimentScorer, evaluate, parseRatedTsv, type RatedText } from '@pulse/sentiment'
import { flagNumber, flagString, parseArgs } from '../args.ts'
import type { CommandContext } from '../command.ts'
import type { Benchmark } from './index.ts'

const FILES = [
  ['tweets', 'vader_tweets_dev.tsv'],
  ['reviews', 'vader_amazon_reviews.tsv'],
] as const

type Scorer = (text: string) => number | null

/** Texts/s of `score` over `rows`, warm (one untimed pass), best of `rounds` timed passes. */
function throughput(rows: readonly RatedText[], score: Scorer, minMs: number, rounds: number): number {
  for (const r of rows) score(r.text)
  let best = 0
  for (let k = 0; k < rounds; k++) {
    let n = 0
    const start = performance.now()
    let elapsed = 0
    do {
      for (const r of rows) score(r.text)
      n += rows.length
      elapsed = performance.now() - start
    } while (elapsed < minMs)
    best = Math.max(best, (n / elapsed) * 1000)
  }
  return best
}

/** The VADER JS port, when installed (a devDependency used only here, for an honest baseline). */
function loadVader(): Scorer | undefined {
  try {
    const require = createRequire(import.meta.url)
    const mod = require('vader-sentiment') as {
      SentimentIntensityAnalyzer?: { polarity_scores(text: string): { compound: number } }
    }
    const analyzer = mod.SentimentIntensityAnalyzer
    return analyzer ? (text) => analyzer.polarity_scores(text).compound : undefined
  } catch {
    return undefined
  }
}

export const sentimentBenchmark: Benchmark = {
  name: 'sentiment',
  summary: 'Pearson r, 3-class accuracy and texts/s on the VADER study ratings (vs the VADER JS port)',
  async run(ctx: CommandContext) {
    const args = parseArgs(ctx.args, { values: ['data', 'ms', 'rounds'], booleans: ['no-baseline'] })
    const dir = resolve(ctx.cwd, flagString(args, 'data') ?? '../shared/data/sentiment')
    const minMs = flagNumber(args, 'ms', 1000)
    const rounds = flagNumber(args, 'rounds', 3)
    const scorer = createSentimentScorer()
    const ours: Scorer = (text) => scorer.score(text)?.score ?? null
    const vader = args.flags.has('no-baseline') ? undefined : loadVader()
    const out = (line: string): boolean => ctx.stdout.write(`${line}\n`)
    out(`sentiment benchmark — data ${dir}; throughput on one core, warm, best of ${rounds} × ≥${minMs} ms`)
    out('set      scorer              n      pearson_r  3class_acc  texts/s')
    for (const [name, file] of FILES) {
      let tsv: string
      try {
        tsv = await readFile(resolve(dir, file), 'utf8')
      } catch (err) {
        throw new PulseError('INPUT_INVALID', `cannot read ${resolve(dir, file)} (use --data DIR)`, {
          cause: err,
        })
      }
      const rows = parseRatedTsv(tsv)
      const scorers: [string, Scorer][] = [['pulse', ours]]
      if (vader) scorers.push(['vader-sentiment-js', vader])
      for (const [label, score] of scorers) {
        const e = evaluate(rows, score)
        const tps = throughput(rows, score, minMs, rounds)
        out(
          `${name.padEnd(8)} ${label.padEnd(19)} ${String(e.n).padStart(5)}  ${e.pearson.toFixed(4).padStart(9)}  ${e.accuracy.toFixed(4).padStart(10)}  ${Math.round(tps).toLocaleString('en-US').padStart(9)}`,
        )
      }
    }
    if (!vader && !args.flags.has('no-baseline')) out('(baseline skipped: vader-sentiment is not installed)')
    return 0
  },
}
