import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import {
  detectSeries,
  labelRows,
  NAB_PROFILES,
  type NabScoredFile,
  nabSeriesFromCsv,
  scoreNab,
} from '@pulse/anomaly'
import { flagString, parseArgs } from '../args.ts'
import type { Benchmark } from './index.ts'

const f1 = (n: number): string => n.toFixed(1).padStart(6)

/**
 * `pulse bench nab [--data DIR]`: runs the series detector over NAB's realTweets files, scores it
 * with NAB's scorer for each profile (threshold optimised on the whole corpus, and leave-one-file-out)
 * and prints normalised scores and the detector's speed.
 */
export const nabBenchmark: Benchmark = {
  name: 'nab',
  summary: 'Numenta Anomaly Benchmark (realTweets) score and speed of the series detector',
  async run(ctx) {
    const parsed = parseArgs(ctx.args, { values: ['data'] })
    const dir = resolve(ctx.cwd, flagString(parsed, 'data') ?? '../shared/data/nab')
    const windows: unknown = JSON.parse(await readFile(join(dir, 'combined_windows_dev.json'), 'utf8'))
    const names = (await readdir(join(dir, 'realTweets'))).filter((n) => n.endsWith('.csv')).sort()
    const corpus = await Promise.all(
      names.map(async (n) =>
        nabSeriesFromCsv(n, await readFile(join(dir, 'realTweets', n), 'utf8'), windows),
      ),
    )
    const points = corpus.reduce((sum, s) => sum + s.values.length, 0)
    // Warm the JIT once, then time three full passes and keep the fastest.
    for (const s of corpus) detectSeries(s)
    let best = Number.POSITIVE_INFINITY
    let scored: NabScoredFile[] = []
    for (let run = 0; run < 3; run++) {
      const start = performance.now()
      const scores = corpus.map((s) => detectSeries(s))
      best = Math.min(best, performance.now() - start)
      scored = corpus.map((s, i) => ({ name: s.name, labels: labelRows(s), scores: scores[i] ?? [] }))
    }
    const out: string[] = [`NAB realTweets: ${corpus.length} files, ${points} points, data ${dir}`]
    for (const profile of NAB_PROFILES) {
      const r = scoreNab(scored, profile)
      out.push(
        '',
        `profile ${profile.name} (TP ${profile.tpWeight}, FP ${profile.fpWeight}, FN ${profile.fnWeight})`,
        `  threshold ${r.threshold.toFixed(4)}  raw ${r.raw.toFixed(2)}  null ${r.nullScore.toFixed(2)}  perfect ${r.perfect.toFixed(2)}`,
        '  file                          score  held-out (threshold)',
        ...r.files.map(
          (f) =>
            `  ${f.name.padEnd(28)} ${f1(f.normalized)}  ${f1(f.heldOutNormalized)}   (${f.heldOutThreshold.toFixed(4)})`,
        ),
        `  ${'OVERALL'.padEnd(28)} ${f1(r.normalized)}  ${f1(r.heldOutNormalized)}   <- leave-one-file-out`,
      )
    }
    const longest = Math.max(...corpus.map((s) => s.values.length))
    out.push(
      '',
      `speed: ${Math.round(points / (best / 1000)).toLocaleString('en-US')} points/s (${best.toFixed(0)} ms for ${points} points, best of 3); ~${((best * longest) / points).toFixed(1)} ms for a ${longest}-point series`,
    )
    ctx.stdout.write(`${out.join('\n')}\n`)
    return 0
  },
}
