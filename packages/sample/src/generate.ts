import type { MentionInput } from '@pulse/core'
import { backgroundEmitter } from './background.ts'
import { Context } from './context.ts'
import type { Emitter } from './draft.ts'
import { runEmitters } from './engine.ts'
import { DEFAULT_START, parseStart } from './events.ts'
import { humanize, render } from './render.ts'
import type { SampleSource } from './sources.ts'

/** Background mentions per minute on an average weekday in the default sample (≈ 43k over 4 days). */
export const BASE_RATE_PER_MINUTE = 7.5
export const DEFAULT_SEED = 20_261_116

/** A term (or `#hashtag`) injected into the background by fresh authors, for emerging-term benchmarks. */
export interface InjectedTerm {
  /** Written verbatim into every injected post, e.g. `#newtag` or `blue tongue rash`. */
  readonly term: string
  readonly onset: string | Date
  /** Distinct authors, none of whom posts in the ordinary background. */
  readonly authors: number
  readonly perAuthor: number
  /** Posts are spread uniformly over [onset, onset + durationMinutes). */
  readonly durationMinutes: number
}

export interface BackgroundOptions {
  readonly start?: string | Date
  /** May be `Infinity` to stream without end. */
  readonly days?: number
  readonly ratePerMinute?: number
  readonly seed?: number
  readonly inject?: readonly InjectedTerm[]
}

const DAY = 86_400_000
const INJECT_TEMPLATES = [
  'anyone else seeing {term}? {lol}',
  '{term} is all over my feed today',
  'just heard about {term} in {city}',
  'ok what is going on with {term}',
  'can someone explain {term} to me',
  '{term} - my doctor had never heard of it either',
  'my whole group chat is talking about {term}',
]
const INJECT_SOURCES: readonly SampleSource[] = ['x', 'bluesky', 'mastodon']

/** Authors in the population for a given volume: grows with √(posts), so activity stays heavy-tailed. */
export function populationSize(ratePerMinute: number, days: number): number {
  const d = Number.isFinite(days) ? days : 30
  return Math.max(200, Math.round(1500 * Math.sqrt(ratePerMinute * d)))
}

function injectPosts(ctx: Context, spec: InjectedTerm, k: number): void {
  const onset = parseStart(spec.onset)
  const slots = { term: [spec.term] }
  for (let a = 0; a < spec.authors; a++) {
    const person = ctx.population.size + (k + 1) * 10_000_000 + a
    const source = INJECT_SOURCES[a % INJECT_SOURCES.length] ?? 'x'
    const author = ctx.population.author(source, person)
    for (let p = 0; p < spec.perAuthor; p++) {
      const at = onset + Math.floor(ctx.rng.next() * spec.durationMinutes * 60_000)
      ctx.schedule(at, (c) => ({
        source,
        author,
        text: humanize(render(c.rng.pick(INJECT_TEMPLATES), c.rng, slots), c.rng, 'neutral', 'en', false),
        tone: 'neutral',
        lang: 'en',
        origin: `inject:${spec.term}`,
      }))
    }
  }
}

/**
 * Background conversation only (no events, campaign, duplicates or invalid lines), in time order,
 * with optional injected terms. Deterministic for a seed.
 */
export function* generateBackground(options: BackgroundOptions = {}): Generator<MentionInput> {
  const start = parseStart(options.start ?? DEFAULT_START)
  const days = options.days ?? 4
  const rate = options.ratePerMinute ?? BASE_RATE_PER_MINUTE
  const ctx = new Context(options.seed ?? DEFAULT_SEED, populationSize(rate, days))
  for (const [k, spec] of (options.inject ?? []).entries()) injectPosts(ctx, spec, k)
  const emitters: Emitter[] = [backgroundEmitter(rate)]
  for (const p of runEmitters(ctx, emitters, start, start + days * DAY)) yield p.mention
}

/**
 * `count` background mentions, fast, for pipeline benchmarks: the rate is chosen so they span
 * about four days from the default start.
 */
export function* generateMentions(count: number, seed: number = DEFAULT_SEED): Generator<MentionInput> {
  if (count <= 0) return
  const ratePerMinute = Math.max(BASE_RATE_PER_MINUTE, count / (4 * 1440))
  let n = 0
  for (const m of generateBackground({ seed, ratePerMinute, days: Number.POSITIVE_INFINITY })) {
    yield m
    if (++n >= count) return
  }
}
