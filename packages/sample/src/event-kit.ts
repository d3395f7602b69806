import type { SampleAuthor } from './authors.ts'
import type { Context } from './context.ts'
import type { Draft } from './draft.ts'
import { Weighted } from './random.ts'
import { humanize, render, type Slots, type Tone } from './render.ts'
import type { SampleSource } from './sources.ts'

const MINUTE = 60_000
const ONSET_STEP = 1 / 3

/**
 * Event rate shape: a visible step at onset (the triggering post, report or news item: a third of
 * the peak rate), a smooth rise to the peak, then exponential decay until the end. The onset is
 * therefore the moment the event is first observable above its background, which is what
 * "detected within two buckets of onset" measures.
 */
export function eventShape(ms: number, onset: number, peak: number, end: number): number {
  if (ms < onset || ms >= end) return 0
  if (ms < peak) {
    const x = (ms - onset) / (peak - onset)
    return Math.max(ONSET_STEP, x * x * (3 - 2 * x))
  }
  return Math.exp((-3 * (ms - peak)) / Math.max(end - peak, MINUTE))
}

export interface Say {
  readonly ctx: Context
  readonly origin: string
  readonly source: SampleSource
  readonly author: SampleAuthor
  readonly template: string
  readonly tone: Tone
  readonly lang?: string
  readonly slots?: Slots
}

/** An event post: rendered and humanised, but never with typos (markers stay findable). */
export function say(s: Say, extra: Partial<Draft> = {}): Draft {
  const lang = s.lang ?? 'en'
  const text = humanize(render(s.template, s.ctx.rng, s.slots), s.ctx.rng, s.tone, lang, false)
  return { source: s.source, author: s.author, text, tone: s.tone, lang, origin: s.origin, ...extra }
}

export const SOCIAL = new Weighted<SampleSource>([
  ['x', 40],
  ['bluesky', 22],
  ['reddit', 18],
  ['mastodon', 8],
  ['youtube', 4],
])

/** A seed post at onset; followers reply, quote, repost and copy it. */
export function seedPost(
  ctx: Context,
  at: number,
  draft: (c: Context) => Draft,
): { id: () => string | undefined } {
  let id: string | undefined
  ctx.schedule(at, (c) => ({ ...draft(c), afterBuild: (_, m) => (id = m.id) }))
  return { id: () => id }
}
