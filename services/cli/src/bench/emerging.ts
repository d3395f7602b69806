import { performance } from 'node:perf_hooks'
import { extractTerms } from '@pulse/classify'
import { type MentionInput, seededRandom } from '@pulse/core'
import type { EmergingHit } from '@pulse/detect'
import {
  BASE_RATE_PER_MINUTE,
  DEFAULT_SEED,
  DEFAULT_START,
  generateBackground,
  type InjectedTerm,
} from '@pulse/sample'
import { flagNumber, parseArgs } from '../args.ts'
import type { CommandContext } from '../command.ts'
import type { Benchmark } from './index.ts'

const MINUTE = 60_000
const HOUR = 3_600_000
const DAY = 86_400_000
/** The detector tests every step (a minute), as the stream's time passes each step's end. */
const STEP = MINUTE
/** The lead's detector closes a step this long after its end (event time), so a few later posts are already in. */
const LATENESS = 2 * MINUTE

type Group = 'strong 20/h' | 'medium 10/h' | 'weak 5/h' | 'one author ×50' | '30 reposts'

interface Injection {
  readonly group: Group
  readonly term: string
  readonly onsetMs: number
  /** Lowercase needle identifying its posts. */
  readonly needle: string
  detectedAtMs?: number
  hits: number
}

const SYLLABLES = [
  'ka',
  'zor',
  'vel',
  'mi',
  'tra',
  'quo',
  'ne',
  'lux',
  'dri',
  'pom',
  'sa',
  'rek',
  'fi',
  'gol',
]
const SHAPES = [
  (w: string) => `#${w}`,
  (w: string) => `${w} rash`,
  (w: string) => `${w} virus`,
  (w: string) => `#${w}challenge`,
]
const STRENGTH: Record<Group, { authors: number; perAuthor: number }> = {
  'strong 20/h': { authors: 20, perAuthor: 1 },
  'medium 10/h': { authors: 10, perAuthor: 1 },
  'weak 5/h': { authors: 5, perAuthor: 1 },
  'one author ×50': { authors: 1, perAuthor: 50 },
  '30 reposts': { authors: 30, perAuthor: 1 },
}
const PLAN: ReadonlyArray<[Group, number]> = [
  ['strong 20/h', 4],
  ['medium 10/h', 2],
  ['weak 5/h', 2],
  ['one author ×50', 1],
  ['30 reposts', 1],
]

/** Injections spread over the days after warm-up (all hours, so night and day both count), one term each. */
function schedule(startMs: number, days: number, warmupDays: number, seed: number): Injection[] {
  const next = seededRandom(seed)
  const groups = PLAN.flatMap(([g, perDay]) => Array.from({ length: perDay }, () => g))
  const out: Injection[] = []
  const used = new Set<string>()
  const slotMs = DAY / groups.length
  for (let d = warmupDays; d < days; d++) {
    const order = [...groups].sort(() => next() - 0.5)
    order.forEach((group, i) => {
      let word = ''
      while (word === '' || used.has(word)) {
        word = Array.from({ length: 3 }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)] ?? 'ka').join(
          '',
        )
      }
      used.add(word)
      const shape = SHAPES[Math.floor(next() * SHAPES.length)] ?? SHAPES[0]
      const term = shape ? shape(word) : `#${word}`
      const onsetMs = startMs + d * DAY + i * slotMs + Math.floor(next() * (slotMs - 75 * MINUTE))
      out.push({ group, term, onsetMs, needle: word, hits: 0 })
    })
  }
  return out
}

/** 30 different accounts reposting one text within ~40 minutes (not something the generator writes). */
function reposts(inj: Injection, seed: number): MentionInput[] {
  const next = seededRandom(seed)
  const text = `BREAKING: ${inj.term} confirmed at two schools, share before they delete this https://t.co/x${seed}`
  return Array.from({ length: STRENGTH['30 reposts'].authors }, (_, i) => ({
    id: `x:repost-${seed}-${i}`,
    source: 'x',
    author: { id: `repost-${seed}-${i}`, handle: `amp_${seed}_${i}`, followers: Math.floor(next() * 40) },
    text: i === 0 ? text : `RT @amp_${seed}_0: ${text}`,
    createdAt: new Date(inj.onsetMs + Math.floor(next() * 40 * MINUTE)).toISOString(),
    hashtags: inj.term.startsWith('#') ? [inj.term.slice(1)] : [],
  })).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

/** Merges time-ordered streams (the background and the hand-built reposts). */
function* merge(a: Iterable<MentionInput>, b: readonly MentionInput[]): Generator<MentionInput> {
  let j = 0
  for (const m of a) {
    while (j < b.length && (b[j]?.createdAt ?? '') <= m.createdAt) yield b[j++] as MentionInput
    yield m
  }
  while (j < b.length) yield b[j++] as MentionInput
}

const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return Number.NaN
  const s = [...xs].sort((x, y) => x - y)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

/**
 * `pulse bench emerging [--days 7] [--warmup-days 1] [--rate 7.5] [--seed N]`: injects emerging
 * terms of several strengths and two manipulation cases into days of realistic background (daily
 * cycle, heavy-tailed authors) and prints recall, false signals per day and detection delay.
 */
export const emergingBenchmark: Benchmark = {
  name: 'emerging',
  summary: 'Emerging-term detection: recall by strength, false signals/day, delay, manipulation resistance',
  async run(ctx: CommandContext) {
    const args = parseArgs(ctx.args, { values: ['days', 'warmup-days', 'rate', 'seed'] })
    const days = Math.max(2, Math.floor(flagNumber(args, 'days', 7)))
    const warmupDays = Math.max(1, Math.floor(flagNumber(args, 'warmup-days', 1)))
    const rate = flagNumber(args, 'rate', BASE_RATE_PER_MINUTE)
    const seed = Math.floor(flagNumber(args, 'seed', DEFAULT_SEED))
    const out = (line: string): boolean => ctx.stdout.write(`${line}\n`)
    const startMs = Date.parse(DEFAULT_START)
    const injections = schedule(startMs, days, warmupDays, seed)
    const inject: InjectedTerm[] = injections
      .filter((i) => i.group !== '30 reposts')
      .map((i) => ({ term: i.term, onset: new Date(i.onsetMs), durationMinutes: 60, ...STRENGTH[i.group] }))
    const built = injections.filter((i) => i.group === '30 reposts').flatMap((i, k) => reposts(i, seed + k))
    const stream = merge(
      generateBackground({ start: DEFAULT_START, days, ratePerMinute: rate, seed, inject }),
      built,
    )

    // Loaded on use, so the rest of the CLI starts even in a build without the emerging detector.
    const { createEmergingDetector } = await import('@pulse/detect')
    const detector = createEmergingDetector({
      warmupMs: warmupDays * DAY,
      stepMs: STEP,
      lookaheadMs: LATENESS,
    })
    const owner = new Map<string, Injection>()
    const falseHits: Array<{ at: number; hit: EmergingHit }> = []
    const onHits = (hits: readonly EmergingHit[], endMs: number): void => {
      for (const hit of hits) {
        const votes = new Map<Injection, number>()
        for (const id of hit.mentionIds) {
          const inj = owner.get(id)
          if (inj) votes.set(inj, (votes.get(inj) ?? 0) + 1)
        }
        const [inj, n] = [...votes].sort((x, y) => y[1] - x[1])[0] ?? [undefined, 0]
        if (inj && n * 2 >= hit.mentionIds.length) {
          inj.hits++
          inj.detectedAtMs ??= endMs
        } else falseHits.push({ at: endMs, hit })
      }
    }
    let next: number | undefined
    let mentions = 0
    let termsSeen = 0
    let detectMs = 0
    const t0 = performance.now()
    for (const m of stream) {
      const t = Date.parse(m.createdAt)
      next ??= Math.floor(t / STEP) * STEP
      const lower = m.text.toLowerCase()
      for (const inj of injections)
        if (t >= inj.onsetMs && t < inj.onsetMs + HOUR && lower.includes(inj.needle)) owner.set(m.id, inj)
      const terms = extractTerms(m.text, m.hashtags ?? [])
      termsSeen += terms.length
      const d0 = performance.now()
      while (next + STEP + LATENESS <= t) {
        onHits(detector.close(next, next + STEP), next + STEP + LATENESS)
        next += STEP
      }
      detector.add({
        id: m.id,
        authorId: m.author.id,
        createdAtMs: t,
        terms,
        text: m.text,
        followers: m.author.followers ?? 0,
      })
      detectMs += performance.now() - d0
      mentions++
    }
    if (next !== undefined) onHits(detector.close(next, next + STEP), next + STEP + LATENESS)
    const totalMs = performance.now() - t0

    const testedDays = days - warmupDays
    out(
      `emerging benchmark — ${days} simulated days from ${DEFAULT_START} (first ${warmupDays} warm-up), ` +
        `background ${rate}/min with daily cycle, seed ${seed}`,
    )
    out(
      `${mentions.toLocaleString('en-US')} mentions, ${(termsSeen / Math.max(1, mentions)).toFixed(1)} terms each; ` +
        `detector ${Math.round((mentions / detectMs) * 1000).toLocaleString('en-US')} mentions/s ` +
        `(${(totalMs / 1000).toFixed(1)} s incl. generation and term extraction); tracked terms at end ${detector.stats.terms}`,
    )
    out('')
    out('injection          n  detected  recall  median delay: emitted    (step end)  hits/injection')
    for (const [group] of PLAN) {
      const set = injections.filter((i) => i.group === group)
      const found = set.filter((i) => i.detectedAtMs !== undefined)
      const delays = found.map((i) => ((i.detectedAtMs ?? 0) - i.onsetMs) / MINUTE)
      const med = median(delays)
      const hits = set.reduce((s, i) => s + i.hits, 0)
      out(
        `${group.padEnd(16)} ${String(set.length).padStart(3)}  ${String(found.length).padStart(8)}  ${(found.length / Math.max(1, set.length)).toFixed(2).padStart(6)}  ` +
          `${Number.isNaN(med) ? '                 -' : `${med.toFixed(1).padStart(14)} min`}  ${Number.isNaN(med) ? '' : `${(med - LATENESS / MINUTE).toFixed(1).padStart(8)} min`}`.padEnd(
            38,
          ) +
          `${(hits / Math.max(1, set.length)).toFixed(2).padStart(8)}`,
      )
    }
    // Organic injections the detector missed (the manipulation cases are meant to be missed).
    const organic = new Set<Group>(['strong 20/h', 'medium 10/h', 'weak 5/h'])
    for (const i of injections.filter((x) => x.detectedAtMs === undefined && organic.has(x.group))) {
      out(`  missed (${i.group}): ${i.term} from ${new Date(i.onsetMs).toISOString().slice(5, 16)}`)
    }
    out('')
    out(
      `false signals: ${falseHits.length} over ${testedDays} tested days = ${(falseHits.length / testedDays).toFixed(2)} per day`,
    )
    for (const { at, hit } of falseHits.slice(0, 10)) {
      out(
        `  ${new Date(at).toISOString().slice(5, 16)}  ${hit.term.padEnd(24)} voices ${hit.observedAuthors.toFixed(1)} vs ${hit.expectedAuthors.toFixed(3)} ` +
          `p ${hit.pValue.toExponential(1)}  authors ${hit.authors}  amplification ${hit.amplification.toFixed(2)}`,
      )
    }
    out('')
    const strong = injections.filter((i) => i.group === 'strong 20/h')
    const strongFound = strong.filter((i) => i.detectedAtMs !== undefined)
    const strongDelay = median(strongFound.map((i) => ((i.detectedAtMs ?? 0) - i.onsetMs) / MINUTE))
    const manip = injections.filter((i) => i.group === 'one author ×50' || i.group === '30 reposts')
    const checks: Array<[string, boolean]> = [
      [
        `recall (20 authors/h) ${(strongFound.length / Math.max(1, strong.length)).toFixed(2)} ≥ 0.9`,
        strongFound.length >= 0.9 * strong.length,
      ],
      [`false signals ${(falseHits.length / testedDays).toFixed(2)}/day ≤ 1`, falseHits.length <= testedDays],
      [
        `median delay ${strongDelay.toFixed(1)} min ≤ 10 (stream time from onset to the hit being emitted)`,
        strongDelay <= 10,
      ],
      [
        `manipulation cases fired ${manip.filter((i) => i.hits > 0).length} = 0`,
        manip.every((i) => i.hits === 0),
      ],
    ]
    for (const [label, pass] of checks) out(`${pass ? 'PASS' : 'MISS'}  ${label}`)
    return 0
  },
}
