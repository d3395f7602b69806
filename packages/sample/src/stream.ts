import type { MentionInput } from '@pulse/core'
import { backgroundEmitter } from './background.ts'
import { campaignEmitter } from './campaign.ts'
import { Context } from './context.ts'
import { runEmitters } from './engine.ts'
import { eventEmitters } from './event-emitters.ts'
import { DEFAULT_DAYS, DEFAULT_START, parseStart, type SampleEvent, sampleEvents } from './events.ts'
import { BASE_RATE_PER_MINUTE, DEFAULT_SEED, populationSize } from './generate.ts'
import { type InvalidLine, invalidLine } from './invalid.ts'
import { Rng } from './random.ts'

export interface SampleOptions {
  /** PRNG seed; the same seed gives byte-identical output on every machine. Default 20261116. */
  readonly seed?: number
  /** First instant of the stream. Default 2026-11-16T00:00:00Z. */
  readonly start?: string | Date
  /** Length in days. Default 4. */
  readonly days?: number
  /** Volume multiplier for everything (background, campaign, events). Default 1 (≈ 48k mentions / 4 days). */
  readonly rate?: number
  /** Chance that a mention is delivered twice (an exact duplicate right after it). Default 0.008. */
  readonly duplicateRate?: number
  /** Chance that a broken line follows a mention. Default 0.003. */
  readonly invalidRate?: number
  /** Seed the labelled events. Default true. */
  readonly events?: boolean
}

/** `origin` says what produced a mention: `background:<topic>`, `event:<id>`, `campaign:<tag>`, `org-reply`. */
export type SampleLine =
  | { readonly kind: 'mention'; readonly mention: MentionInput; readonly origin: string }
  | { readonly kind: 'duplicate'; readonly mention: MentionInput; readonly origin: string }
  | InvalidLine

/** Campaign posts per minute on an average weekday (≈ 1.7k over 4 days). */
export const CAMPAIGN_RATE_PER_MINUTE = 0.3
const DAY = 86_400_000

/** The seeded events a stream with these options contains. */
export function streamEvents(options: SampleOptions = {}): SampleEvent[] {
  if (options.events === false) return []
  return sampleEvents({ start: options.start ?? DEFAULT_START, days: options.days ?? DEFAULT_DAYS })
}

/**
 * The bundled sample: background conversation, the #StMarysFluDrive campaign, the labelled events,
 * org replies, plus exact duplicate deliveries and invalid lines. Lines come in event-time order
 * (a duplicate or broken line right after the mention it copies). Streams lazily; deterministic.
 */
export function* generateSampleStream(options: SampleOptions = {}): Generator<SampleLine> {
  const seed = options.seed ?? DEFAULT_SEED
  const start = parseStart(options.start ?? DEFAULT_START)
  const days = options.days ?? DEFAULT_DAYS
  const rate = options.rate ?? 1
  if (!(rate > 0) || !(days > 0)) throw new RangeError('sample rate and days must be positive')
  const duplicateRate = options.duplicateRate ?? 0.008
  const invalidRate = options.invalidRate ?? 0.003
  const background = BASE_RATE_PER_MINUTE * rate
  const ctx = new Context(seed, populationSize(background, days))
  const emitters = [
    backgroundEmitter(background),
    campaignEmitter(CAMPAIGN_RATE_PER_MINUTE * rate),
    ...eventEmitters(ctx, streamEvents(options), rate),
  ]
  // Delivery noise has its own PRNG: changing its rates never changes the mentions themselves.
  const noise = new Rng(seed ^ 0x5eed)
  for (const { mention, origin } of runEmitters(ctx, emitters, start, start + days * DAY)) {
    yield { kind: 'mention', mention, origin }
    if (noise.chance(duplicateRate)) yield { kind: 'duplicate', mention, origin }
    if (noise.chance(invalidRate)) yield invalidLine(mention, noise)
  }
}
