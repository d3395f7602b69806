import { readFileSync } from 'node:fs'
import { createClaimMatcher, DEFAULT_CLAIMS } from '@pulse/classify'
import { type ClaimMatch, stableHash } from '@pulse/core'
import { flagString, parseArgs } from '../args.ts'
import type { Benchmark } from './index.ts'

const FIXTURE = new URL('../../../../packages/classify/fixtures/misinfo.jsonl', import.meta.url)
type Gold = {
  text: string
  claim: string | null
  stance: 'spreading' | 'debunking' | 'neutral' | 'unrelated'
}
type Predicted = 'spreading' | 'debunking' | 'neutral' | 'none'

function parseRow(line: string, n: number): Gold {
  const v = JSON.parse(line) as Partial<Gold>
  if (typeof v.text !== 'string' || typeof v.stance !== 'string')
    throw new Error(`line ${n}: needs text and stance`)
  return { text: v.text, claim: typeof v.claim === 'string' ? v.claim : null, stance: v.stance }
}

/** Dev/test split fixed by a hash of the text, so adding rows never reshuffles the halves. */
export const half = (text: string): 'dev' | 'test' =>
  Number.parseInt(stableHash(text).slice(0, 2), 16) % 2 === 0 ? 'dev' : 'test'

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a')

function report(name: string, rows: readonly { gold: Gold; got: readonly ClaimMatch[] }[]): string[] {
  let tp = 0
  let fp = 0
  let fn = 0
  let exact = 0
  for (const { gold, got } of rows) {
    const predicted = got.find((m) => m.stance === 'spreading')
    const isGold = gold.stance === 'spreading'
    if (predicted && isGold && predicted.id === gold.claim) tp++
    else {
      if (predicted) fp++
      if (isGold) fn++
    }
    const first = got[0]
    if (gold.claim === null ? got.length === 0 : first?.id === gold.claim && first.stance === gold.stance)
      exact++
  }
  const p = tp / (tp + fp)
  const r = tp / (tp + fn)
  return [
    `  ${name.padEnd(5)} n=${String(rows.length).padStart(3)}  spreading: precision ${pct(p)}  recall ${pct(r)}  F1 ${pct((2 * p * r) / (p + r))}  (tp ${tp}, fp ${fp}, fn ${fn})  exact claim+stance ${pct(exact / rows.length)}`,
  ]
}

export const misinfoBench: Benchmark = {
  name: 'misinfo',
  summary:
    'precision/recall of "spreading" on the labelled misinformation set (dev/test halves), confusion, speed',
  async run(ctx) {
    const args = parseArgs(ctx.args, { values: ['file'] })
    const file = flagString(args, 'file') ?? FIXTURE
    const gold = readFileSync(file, 'utf8')
      .split('\n')
      .map((l, i) => [l, i + 1] as const)
      .filter(([l]) => l.trim() !== '')
      .map(([l, n]) => parseRow(l, n))
    const matcher = createClaimMatcher(DEFAULT_CLAIMS)
    const rows = gold.map((g) => ({ gold: g, got: matcher.match(g.text) }))
    const out: string[] = [`misinfo bench: ${rows.length} labelled posts, ${DEFAULT_CLAIMS.length} claims`]
    out.push(
      ...report(
        'dev',
        rows.filter((r) => half(r.gold.text) === 'dev'),
      ),
    )
    out.push(
      ...report(
        'test',
        rows.filter((r) => half(r.gold.text) === 'test'),
      ),
    )
    out.push(...report('all', rows))

    // Per-claim confusion: gold stance (rows) × predicted stance for that claim (columns).
    const cols: Predicted[] = ['spreading', 'debunking', 'neutral', 'none']
    out.push(
      '',
      `  per-claim confusion (gold → predicted for the gold claim; "other" = a wrong claim was found)`,
    )
    out.push(`  ${'claim / gold'.padEnd(36)}${cols.map((c) => c.padStart(10)).join('')}     other`)
    const claimIds = [...DEFAULT_CLAIMS.map((c) => c.id), null]
    for (const id of claimIds) {
      for (const stance of ['spreading', 'debunking', 'neutral', 'unrelated'] as const) {
        const subset = rows.filter((r) => r.gold.claim === id && r.gold.stance === stance)
        if (subset.length === 0) continue
        const counts = new Map<Predicted, number>(cols.map((c) => [c, 0]))
        let other = 0
        for (const r of subset) {
          const forClaim = id === null ? undefined : r.got.find((m) => m.id === id)
          if (forClaim) counts.set(forClaim.stance, (counts.get(forClaim.stance) ?? 0) + 1)
          else counts.set('none', (counts.get('none') ?? 0) + 1)
          if (r.got.some((m) => m.id !== id)) other++
        }
        const label = `${id ?? '(no claim)'} / ${stance}`
        out.push(
          `  ${label.padEnd(36)}${cols.map((c) => String(counts.get(c) ?? 0).padStart(10)).join('')}${String(other).padStart(10)}`,
        )
      }
    }

    const texts = gold.map((g, i) => `${g.text} ${i}`)
    for (const t of texts) matcher.match(t)
    let n = 0
    const start = performance.now()
    while (performance.now() - start < 1000) {
      for (const t of texts) matcher.match(t)
      n += texts.length
    }
    const us = ((performance.now() - start) * 1000) / n
    out.push(
      '',
      `  throughput: ${us.toFixed(2)} µs/post, ${Math.round(1e6 / us).toLocaleString('en-US')} posts/s (claims only, one core)`,
    )
    ctx.stdout.write(`${out.join('\n')}\n`)
    return 0
  },
}
