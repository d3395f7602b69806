import {
  CORPUS_ORG,
  createRedactor,
  type Evaluation,
  evaluateRedactor,
  generateCorpus,
  generatePlainPosts,
  type LabelledText,
  loadFixtures,
  REDACTION_KINDS,
  type Redactor,
} from '@pulse/redact'
import { flagNumber, parseArgs } from '../args.ts'
import type { CommandContext } from '../command.ts'
import type { Benchmark } from './index.ts'

/** Texts/s over `texts`, warm (one untimed pass), best and median of `rounds` passes of ≥ `minMs`. */
function throughput(redactor: Redactor, texts: readonly string[], minMs: number, rounds: number) {
  for (const t of texts) redactor.redact(t)
  const rates: number[] = []
  for (let k = 0; k < rounds; k++) {
    let n = 0
    const start = performance.now()
    let elapsed = 0
    do {
      for (const t of texts) redactor.redact(t)
      n += texts.length
      elapsed = performance.now() - start
    } while (elapsed < minMs)
    rates.push((n / elapsed) * 1000)
  }
  rates.sort((a, b) => a - b)
  return { best: rates[rates.length - 1] ?? 0, median: rates[Math.floor(rates.length / 2)] ?? 0 }
}

const pct = (a: number, b: number): string =>
  b === 0 ? '   n/a' : `${((100 * a) / b).toFixed(2).padStart(6)}%`
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(9)

function report(out: (line: string) => void, name: string, ev: Evaluation): void {
  out(`\n${name}: ${ev.texts} texts`)
  out('  kind      expected   recall   typed')
  for (const k of REDACTION_KINDS) {
    const s = ev.perKind[k]
    if (s.expected === 0) continue
    out(
      `  ${k.padEnd(8)} ${String(s.expected).padStart(9)}  ${pct(s.recalled, s.expected)}  ${pct(s.typed, s.expected)}`,
    )
  }
  const sd = ev.selfDisclosure
  out(
    `  structured-identifier recall ${(ev.structuredRecall * 100).toFixed(2)}%  (target ≥ 99%; EMAIL PHONE SSN MRN DOB CARD IP)`,
  )
  out(`  overall recall incl. ADDRESS, NAME ${(ev.overallRecall * 100).toFixed(2)}%`)
  out(`  precision ${(ev.precision * 100).toFixed(2)}% of ${ev.predicted} redactions`)
  out(
    `  protected health terms intact ${pct(ev.protectedIntact, ev.protectedTotal).trim()} of ${ev.protectedTotal}  (target ≥ 95%)`,
  )
  out(
    `  self-disclosure precision ${pct(sd.tp, sd.tp + sd.fp).trim()}, recall ${pct(sd.tp, sd.tp + sd.fn).trim()} over ${sd.tp + sd.fp + sd.fn + sd.tn} judged texts`,
  )
  for (const m of ev.misses.slice(0, 5)) out(`    miss ${m.kind} in ${m.id}`)
  for (const f of ev.falseAlarms.slice(0, 5))
    out(`    false alarm ${f.kind} in ${f.id}: ${JSON.stringify(f.value)}`)
}

export const redactBenchmark: Benchmark = {
  name: 'redact',
  summary: 'PHI redaction recall per kind, precision, protected terms intact, self-disclosure and texts/s',
  async run(ctx: CommandContext) {
    const args = parseArgs(ctx.args, { values: ['count', 'seed', 'ms', 'rounds'] })
    const count = flagNumber(args, 'count', 20_000)
    const seed = flagNumber(args, 'seed', 20240917)
    const minMs = flagNumber(args, 'ms', 1000)
    const rounds = flagNumber(args, 'rounds', 5)
    const out = (line: string): void => {
      ctx.stdout.write(`${line}\n`)
    }
    const redactor = createRedactor(CORPUS_ORG)
    const corpus: LabelledText[] = generateCorpus(count, seed)
    const fixtures = await loadFixtures()
    out(`pulse bench redact — options ${JSON.stringify(CORPUS_ORG)}`)
    report(out, `generated corpus (seed ${seed})`, evaluateRedactor(redactor, corpus))
    report(out, 'hand-written fixtures', evaluateRedactor(redactor, fixtures))

    out(`\nthroughput, one core (best / median of ${rounds} passes ≥ ${minMs} ms; target ≥ 50,000 texts/s)`)
    const sets: [string, string[]][] = [
      ['plain posts, no identifiers', generatePlainPosts(count, seed)],
      ['identifier-dense generated posts', corpus.map((e) => e.text)],
      ['hand-written fixtures', fixtures.map((e) => e.text)],
    ]
    for (const [name, texts] of sets) {
      const r = throughput(redactor, texts, minMs, rounds)
      out(`  ${name.padEnd(34)} best ${fmt(r.best)} texts/s   median ${fmt(r.median)} texts/s`)
    }
    return 0
  },
}
