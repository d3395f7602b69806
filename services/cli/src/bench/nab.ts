import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import {
  detectSeries,
  labelRows,
  NAB_PROFILES,
  type NabScoredFile,
  type NabSeries,
  nabSeriesFromCsv,
  type SeriesDetectorOptions,
  scoreNab,
  sweepNab,
} from '@pulse/anomaly'
import { flagString, parseArgs } from '../args.ts'
import { UsageError } from '../command.ts'
import type { Benchmark } from './index.ts'

const f1 = (n: number): string => n.toFixed(1).padStart(6)

/** Numeric detector options a sweep may vary. */
const SWEEPABLE = [
  'levelHalfLifeMs',
  'dailyHalfLifeMs',
  'weeklyHalfLifeMs',
  'dispersionHalfLifeMs',
  'recentHalfLifeMs',
  'warmupMs',
  'warmupPoints',
  'alarmPValue',
  'refractoryMs',
  'realertFactor',
] as const satisfies readonly (keyof SeriesDetectorOptions)[]
type Sweepable = (typeof SWEEPABLE)[number]

function isSweepable(name: string): name is Sweepable {
  return (SWEEPABLE as readonly string[]).includes(name)
}

/** Parses `--sweep name=v1,v2,…` into one option set per value. */
export function parseSweep(spec: string): { name: Sweepable; values: number[] } {
  const eq = spec.indexOf('=')
  const name = eq === -1 ? spec : spec.slice(0, eq)
  if (!isSweepable(name)) throw new UsageError(`--sweep: "${name}" is not one of ${SWEEPABLE.join(', ')}`)
  const values = (eq === -1 ? '' : spec.slice(eq + 1)).split(',').map((v) => Number(v.trim()))
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new UsageError(`--sweep ${name}: expected a list of non-negative numbers, got "${spec}"`)
  }
  return { name, values }
}

function scoreCorpus(corpus: readonly NabSeries[], options: SeriesDetectorOptions): NabScoredFile[] {
  return corpus.map((s) => ({ name: s.name, labels: labelRows(s), scores: detectSeries(s, options) }))
}

/**
 * `pulse bench nab [--data DIR] [--sweep NAME=V1,V2,…]`: runs the series detector over NAB's
 * realTweets files, scores it with NAB's scorer for each profile (threshold optimised on the whole
 * corpus, and leave-one-file-out) and prints normalised scores and the detector's speed. With
 * `--sweep`, it scores the detector at each value of one option instead, and reports the nested
 * leave-one-file-out score, where the value is chosen without seeing the held-out file.
 */
export const nabBenchmark: Benchmark = {
  name: 'nab',
  summary: 'Numenta Anomaly Benchmark (realTweets) score and speed of the series detector',
  async run(ctx) {
    const parsed = parseArgs(ctx.args, { values: ['data', 'sweep'] })
    const sweepSpec = flagString(parsed, 'sweep')
    const sweep = sweepSpec === undefined ? undefined : parseSweep(sweepSpec)
    const dir = resolve(ctx.cwd, flagString(parsed, 'data') ?? '../shared/data/nab')
    const windows: unknown = JSON.parse(await readFile(join(dir, 'combined_windows_dev.json'), 'utf8'))
    const names = (await readdir(join(dir, 'realTweets'))).filter((n) => n.endsWith('.csv')).sort()
    const corpus = await Promise.all(
      names.map(async (n) =>
        nabSeriesFromCsv(n, await readFile(join(dir, 'realTweets', n), 'utf8'), windows),
      ),
    )
    const points = corpus.reduce((sum, s) => sum + s.values.length, 0)
    if (sweep) {
      const variants = sweep.values.map((v) => scoreCorpus(corpus, { [sweep.name]: v }))
      const out = [`NAB realTweets: ${corpus.length} files, ${points} points, sweep of ${sweep.name}`]
      for (const profile of NAB_PROFILES) {
        const r = sweepNab(variants, profile)
        out.push(
          '',
          `profile ${profile.name}`,
          ...sweep.values.map((v, i) => `  ${sweep.name}=${v}`.padEnd(40) + f1(r.inSample[i] ?? 0)),
          `  ${'nested leave-one-file-out'.padEnd(38)}${f1(r.heldOutNormalized)}   picks ${r.picks.map((p) => sweep.values[p]).join(' ')}`,
        )
      }
      ctx.stdout.write(`${out.join('\n')}\n`)
      return 0
    }
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
