import type { SampleAuthor } from './authors.ts'
import type { Context } from './context.ts'
import type { Emitter } from './draft.ts'
import { eventShape, SOCIAL, say, seedPost } from './event-kit.ts'
import { COMPLAINT_BURST, MEASLES, MYTH, OUTBREAK } from './event-texts.ts'
import type { SampleEvent } from './events.ts'
import { orgAuthor } from './org-accounts.ts'
import { render, type Tone } from './render.ts'
import type { SampleSource } from './sources.ts'

const MINUTE = 60_000

function outbreak(e: SampleEvent, scale: number): Emitter {
  const [onset, peak, end] = [Date.parse(e.onset), Date.parse(e.peak), Date.parse(e.end)]
  const origin = `event:${e.id}`
  return {
    origin,
    rate: (ms) => 2.2 * scale * eventShape(ms, onset, peak, end),
    make: (c, ms) => {
      const rng = c.rng
      if (ms > peak && rng.chance(0.04)) {
        const [title, text] = rng.pick(OUTBREAK.news)
        const author = c.population.author('news', rng.int(64))
        const draft = say({
          ctx: c,
          origin,
          source: 'news',
          author,
          template: text,
          tone: 'neutral',
          slots: OUTBREAK.slots,
        })
        return { ...draft, title: render(title, rng, OUTBREAK.slots), city: 'Westerville' }
      }
      const source = SOCIAL.draw(rng)
      const es = rng.chance(0.1)
      const template = es ? rng.pick(OUTBREAK.es) : rng.pick(OUTBREAK.en)
      const author = c.population.author(source, c.population.anyone(rng))
      const draft = say({
        ctx: c,
        origin,
        source,
        author,
        template,
        tone: 'negative',
        lang: es ? 'es' : 'en',
        slots: OUTBREAK.slots,
      })
      return rng.chance(0.72) ? { ...draft, city: 'Westerville' } : draft
    },
  }
}

function measles(e: SampleEvent, scale: number): Emitter {
  const [onset, peak, end] = [Date.parse(e.onset), Date.parse(e.peak), Date.parse(e.end)]
  const origin = `event:${e.id}`
  return {
    origin,
    rate: (ms) => 1.7 * scale * eventShape(ms, onset, peak, end),
    make: (c, ms) => {
      const rng = c.rng
      const source = rng.chance(0.9) ? rng.pick<SampleSource>(['x', 'x', 'bluesky', 'mastodon']) : 'reddit'
      const es = rng.chance(0.06)
      const template = es ? rng.pick(MEASLES.es) : rng.pick(MEASLES.en)
      const author = c.population.author(source, c.population.anyone(rng))
      const tone: Tone = ms < onset + 30 * MINUTE ? 'negative' : 'neutral'
      return say({
        ctx: c,
        origin,
        source,
        author,
        template,
        tone,
        lang: es ? 'es' : 'en',
        slots: MEASLES.slots,
      })
    },
  }
}

function myth(ctx: Context, e: SampleEvent, scale: number): Emitter {
  const [onset, peak, end] = [Date.parse(e.onset), Date.parse(e.peak), Date.parse(e.end)]
  const origin = `event:${e.id}`
  const influencer = ctx.population.author('x', 2)
  const seed = seedPost(ctx, onset, () => ({
    source: 'x',
    author: influencer,
    text: MYTH.seed,
    tone: 'negative',
    lang: 'en',
    origin,
    reach: 600,
  }))
  ctx.schedule(onset + 150 * MINUTE, () => ({
    source: 'x',
    author: orgAuthor('x', 'stmaryshealth'),
    text: MYTH.org,
    tone: 'neutral',
    lang: 'en',
    origin,
    reach: 20,
  }))
  const bots = (c: Context): SampleAuthor => c.population.author('x', c.population.size - 1 - c.rng.int(12))
  return {
    origin,
    rate: (ms) => (ms < onset + MINUTE ? 0 : 4 * scale * eventShape(ms, onset, peak, end)),
    make: (c, ms) => {
      const rng = c.rng
      const seedId = seed.id()
      const progress = Math.min(1, (ms - onset) / (end - onset))
      const roll = rng.next()
      const anyone = (s: SampleSource): SampleAuthor => c.population.author(s, c.population.anyone(rng))
      if (seedId && roll < 0.34) {
        const author = rng.chance(0.15) ? bots(c) : anyone('x')
        return {
          source: 'x',
          author,
          text: MYTH.seed,
          tone: 'negative',
          lang: 'en',
          origin,
          repostOf: seedId,
        }
      }
      if (roll < 0.56) {
        const source = rng.chance(0.5) ? 'x' : SOCIAL.draw(rng)
        const author = source === 'x' && rng.chance(0.25) ? bots(c) : anyone(source)
        return say({
          ctx: c,
          origin,
          source,
          author,
          template: rng.pick(MYTH.copy),
          tone: 'negative',
          slots: MYTH.slots,
        })
      }
      if (seedId && roll < 0.64) {
        return say(
          {
            ctx: c,
            origin,
            source: 'x',
            author: anyone('x'),
            template: rng.pick(MYTH.quote),
            tone: 'negative',
          },
          { quoteOf: seedId },
        )
      }
      if (roll < 0.9 - 0.3 * progress) {
        const source = SOCIAL.draw(rng)
        const template = rng.pick(MYTH.pro)
        return say({
          ctx: c,
          origin,
          source,
          author: anyone(source),
          template,
          tone: 'negative',
          lang: template.startsWith('las ') ? 'es' : 'en',
        })
      }
      if (ms > peak && rng.chance(0.05)) {
        const [title, text] = MYTH.news
        return {
          source: 'news',
          author: c.population.author('news', 3 + rng.int(3)),
          title,
          text,
          tone: 'neutral',
          lang: 'en',
          origin,
        }
      }
      const template = rng.pick(MYTH.debunk)
      const lang = template.startsWith('vacunas') ? 'es' : 'en'
      const draft = say({ ctx: c, origin, source: 'x', author: anyone('x'), template, tone: 'neutral', lang })
      return seedId && rng.chance(0.7) ? { ...draft, inReplyTo: seedId } : draft
    },
  }
}

function complaint(ctx: Context, e: SampleEvent, scale: number): Emitter {
  const [onset, peak, end] = [Date.parse(e.onset), Date.parse(e.peak), Date.parse(e.end)]
  const origin = `event:${e.id}`
  const poster = ctx.population.author('x', Math.floor(ctx.population.size / 3))
  const seed = seedPost(ctx, onset, () => ({
    source: 'x',
    author: poster,
    text: COMPLAINT_BURST.seed,
    tone: 'negative',
    lang: 'en',
    origin,
    reach: 300,
  }))
  ctx.schedule(onset + 95 * MINUTE, () => ({
    source: 'x',
    author: orgAuthor('x', 'stmaryshealth'),
    text: COMPLAINT_BURST.org,
    tone: 'neutral',
    lang: 'en',
    origin,
    reach: 15,
  }))
  return {
    origin,
    rate: (ms) => (ms < onset + MINUTE ? 0 : 5 * scale * eventShape(ms, onset, peak, end)),
    make: (c, ms) => {
      const rng = c.rng
      const seedId = seed.id()
      const roll = rng.next()
      const anyone = (s: SampleSource): SampleAuthor => c.population.author(s, c.population.anyone(rng))
      const base = { ctx: c, origin, tone: 'negative' as const }
      if (seedId && roll < 0.32) {
        return say(
          { ...base, source: 'x', author: anyone('x'), template: rng.pick(COMPLAINT_BURST.reply) },
          { inReplyTo: seedId },
        )
      }
      if (seedId && roll < 0.48) {
        return say(
          { ...base, source: 'x', author: anyone('x'), template: rng.pick(COMPLAINT_BURST.quote) },
          { quoteOf: seedId },
        )
      }
      if (seedId && roll < 0.62) {
        return {
          source: 'x',
          author: anyone('x'),
          text: COMPLAINT_BURST.seed,
          tone: 'negative',
          lang: 'en',
          origin,
          repostOf: seedId,
        }
      }
      if (roll < 0.8) {
        const source = SOCIAL.draw(rng)
        const template = rng.pick(COMPLAINT_BURST.post)
        return say({
          ...base,
          source,
          author: anyone(source),
          template,
          lang: template.startsWith('lo ') ? 'es' : 'en',
        })
      }
      if (ms > peak && roll > 0.96) {
        const [title, text] = COMPLAINT_BURST.news
        return {
          source: 'news',
          author: c.population.author('news', rng.int(3)),
          title,
          text,
          tone: 'neutral',
          lang: 'en',
          origin,
        }
      }
      return say(
        { ...base, source: 'reviews', author: anyone('reviews'), template: rng.pick(COMPLAINT_BURST.review) },
        { rating: 1 },
      )
    },
  }
}

const FACTORIES: Record<SampleEvent['id'], (ctx: Context, e: SampleEvent, scale: number) => Emitter> = {
  'gi-outbreak': (_, e, scale) => outbreak(e, scale),
  'measles-alert': (_, e, scale) => measles(e, scale),
  'vaccine-autism-myth': myth,
  'er-complaint': complaint,
}

/** Emitters (and seed posts, scheduled on `ctx`) for the given events, volumes × `scale`. */
export function eventEmitters(ctx: Context, events: readonly SampleEvent[], scale: number): Emitter[] {
  return events.map((e) => FACTORIES[e.id](ctx, e, scale))
}
