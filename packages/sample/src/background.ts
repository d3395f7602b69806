import type { Context } from './context.ts'
import { rateFactor } from './diurnal.ts'
import type { Draft, Emitter } from './draft.ts'
import { scheduleOrgReply } from './org-reply.ts'
import { type Rng, Weighted } from './random.ts'
import { humanize, render, type Slots } from './render.ts'
import { type SampleSource, SOURCE_WEIGHTS } from './sources.ts'
import type { Topic } from './topic.ts'
import { ACCESS, BILLING, COMPLAINT, DISCLOSURE, ER_WAIT, PRAISE, QUESTION, RIVAL } from './topics-care.ts'
import { FLU, GI_BASELINE, MENTAL, MYTH_BASELINE, NEWS, RESPIRATORY, WELLNESS } from './topics-health.ts'

type Group = 'tagged' | 'reddit' | 'youtube' | 'reviews'

const SHARED: ReadonlyArray<readonly [Topic, number]> = [
  [FLU, 13],
  [RESPIRATORY, 11],
  [MENTAL, 8],
  [NEWS, 6],
  [WELLNESS, 9],
  [ER_WAIT, 8],
  [BILLING, 6],
  [ACCESS, 9],
  [PRAISE, 7],
  [COMPLAINT, 5],
  [RIVAL, 5],
  [GI_BASELINE, 0.8],
  [MYTH_BASELINE, 0.5],
]
const TABLES: Record<Group, Weighted<Topic>> = {
  tagged: new Weighted([...SHARED, [QUESTION, 7], [DISCLOSURE, 0.1]]),
  reddit: new Weighted(SHARED),
  youtube: new Weighted([
    [FLU, 10],
    [RESPIRATORY, 8],
    [MENTAL, 8],
    [NEWS, 10],
    [WELLNESS, 8],
    [MYTH_BASELINE, 1.5],
    [RIVAL, 2],
  ]),
  reviews: new Weighted([
    [ER_WAIT, 5],
    [BILLING, 3],
    [ACCESS, 4],
    [PRAISE, 7],
    [COMPLAINT, 3],
    [RIVAL, 1],
  ]),
}
const SOURCES = new Weighted(SOURCE_WEIGHTS)
const NO_AT: Slots = { at_org: ["St. Mary's", 'St Marys'] }
const noAtSlots = new WeakMap<Topic, Slots>()

/** Outside @-platforms, "@stmaryshealth" in a template is written as the name. */
function slotsFor(topic: Topic, group: Group): Slots | undefined {
  if (group === 'tagged') return topic.slots
  let slots = noAtSlots.get(topic)
  if (!slots) {
    slots = { ...topic.slots, ...NO_AT }
    noAtSlots.set(topic, slots)
  }
  return slots
}

function groupOf(source: SampleSource): Group {
  if (source === 'reddit' || source === 'youtube' || source === 'reviews') return source
  return 'tagged'
}

/** Chooses a language and a template for a topic: mostly English, some Spanish, a few others. */
function voice(topic: Topic, rng: Rng): { lang: string; template: string } {
  const roll = rng.next()
  if (topic.es && roll < 0.085) return { lang: 'es', template: rng.pick(topic.es) }
  if (topic.other && roll > 0.975) {
    const [lang, template] = rng.pick(topic.other)
    return { lang, template }
  }
  return { lang: 'en', template: rng.pick(topic.en) }
}

function withTags(text: string, topic: Topic, source: SampleSource, rng: Rng): string {
  const p = source === 'x' ? 0.3 : source === 'reddit' ? 0.02 : 0.2
  if (!topic.tags || !rng.chance(p)) return text
  const first = rng.pick(topic.tags)
  const second = rng.chance(0.3) ? rng.pick(topic.tags) : first
  return second === first ? `${text} #${first}` : `${text} #${first} #${second}`
}

const REPLY_ODDS: Partial<Record<string, readonly ['info' | 'sorry' | 'privacy' | 'thanks', number]>> = {
  org_question: ['info', 0.45],
  phi_disclosure: ['privacy', 0.85],
  er_wait: ['sorry', 0.3],
  billing: ['sorry', 0.3],
  staff_praise: ['thanks', 0.35],
}

/** One ordinary background post, any source and topic. */
export function backgroundDraft(ctx: Context): Draft {
  const rng = ctx.rng
  const source = SOURCES.draw(rng)
  if (source === 'news') {
    const [headline, lede] = rng.pick(NEWS.news ?? [])
    return {
      source,
      author: ctx.population.author('news', rng.int(64)),
      title: render(headline, rng),
      text: render(lede, rng),
      tone: 'neutral',
      lang: 'en',
      origin: 'background:health_news',
    }
  }
  const group = groupOf(source)
  const topic = TABLES[group].draw(rng)
  const author = ctx.population.author(source, ctx.population.active(rng))
  if (source === 'reviews' && topic.review) {
    const [lo, hi] = topic.rating ?? [1, 5]
    return {
      source,
      author,
      text: humanize(render(rng.pick(topic.review), rng, slotsFor(topic, group)), rng, topic.tone, 'en'),
      tone: topic.tone,
      lang: rng.chance(0.25) ? null : 'en',
      rating: rng.range(lo, hi),
      origin: `background:${topic.id}`,
    }
  }
  const { lang, template } = voice(topic, rng)
  const text = humanize(render(template, rng, slotsFor(topic, group)), rng, topic.tone, lang)
  const odds = REPLY_ODDS[topic.id]
  const draft: Draft = {
    source,
    author,
    text: withTags(text, topic, source, rng),
    tone: topic.tone,
    lang,
    origin: `background:${topic.id}`,
    ...(topic.subreddits ? { subreddit: rng.pick(topic.subreddits) } : {}),
  }
  if (!odds || group !== 'tagged' || !text.toLowerCase().includes('@stmaryshealth')) return draft
  const [kind, p] = odds
  return rng.chance(p)
    ? { ...draft, afterBuild: (c, m) => scheduleOrgReply(c, source, m, author.at, kind) }
    : draft
}

/** Background conversation at `ratePerMinute` on an average weekday, following the daily cycle. */
export function backgroundEmitter(ratePerMinute: number): Emitter {
  return {
    origin: 'background',
    rate: (ms) => ratePerMinute * rateFactor(ms),
    make: backgroundDraft,
  }
}
