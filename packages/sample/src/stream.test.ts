import { type Mention, mentionSchema } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { localHour } from './diurnal.ts'
import { PLANNED_CAMPAIGNS, SAMPLE_EVENTS, type SampleEvent, sampleEvents } from './events.ts'
import { generateSampleStream, type SampleLine } from './stream.ts'
import { sampleLineText } from './write.ts'

const lines: SampleLine[] = [...generateSampleStream()]
const mentions = lines.flatMap((l) =>
  l.kind === 'mention' ? [{ m: mentionSchema.parse(l.mention), origin: l.origin }] : [],
)
const HOUR = 3_600_000
const at = (iso: string): number => Date.parse(iso)
const ofEvent = (id: SampleEvent['id']): Mention[] =>
  mentions.filter((x) => x.origin === `event:${id}`).map((x) => x.m)
const event = (id: SampleEvent['id']): SampleEvent => {
  const e = SAMPLE_EVENTS.find((x) => x.id === id)
  if (!e) throw new Error(`no event ${id}`)
  return e
}
const inWindow = (m: Mention, from: number, to: number): boolean =>
  at(m.createdAt) >= from && at(m.createdAt) < to

describe('generateSampleStream (default sample)', () => {
  it('is deterministic for a seed and different for another seed', () => {
    const small = { days: 1, rate: 0.3 }
    const a = [...generateSampleStream({ ...small, seed: 7 })].map(sampleLineText)
    const b = [...generateSampleStream({ ...small, seed: 7 })].map(sampleLineText)
    const c = [...generateSampleStream({ ...small, seed: 8 })].map(sampleLineText)
    expect(a.length).toBeGreaterThan(1000)
    expect(b).toEqual(a)
    expect(c.slice(0, 50)).not.toEqual(a.slice(0, 50))
  })

  it('has the documented size: ~48k distinct mentions over 4 days, some duplicates and broken lines', () => {
    expect(mentions.length).toBeGreaterThan(40_000)
    expect(mentions.length).toBeLessThan(60_000)
    expect(new Set(mentions.map((x) => x.m.id)).size).toBe(mentions.length)
    const dups = lines.filter((l) => l.kind === 'duplicate').length
    const invalid = lines.filter((l) => l.kind === 'invalid').length
    expect(dups).toBeGreaterThan(100)
    expect(invalid).toBeGreaterThan(50)
    expect(mentions[0]?.m.createdAt.startsWith('2026-11-16')).toBe(true)
    expect(mentions.at(-1)?.m.createdAt.startsWith('2026-11-19')).toBe(true)
  })

  it('emits valid lines in event-time order, each duplicate byte-identical to the mention before it', () => {
    let last = ''
    let previous: SampleLine | undefined
    for (const line of lines) {
      if (line.kind === 'duplicate') {
        expect(previous?.kind).toBe('mention')
        expect(previous && sampleLineText(previous)).toBe(sampleLineText(line))
      }
      if (line.kind !== 'invalid') {
        const t = new Date(line.mention.createdAt).toISOString()
        expect(t >= last).toBe(true)
        last = t
      }
      previous = line
    }
  })

  it('makes every invalid line fail to parse or fail the schema', () => {
    const problems = new Set<string>()
    for (const line of lines) {
      if (line.kind !== 'invalid') continue
      problems.add(line.problem.split(':')[0] ?? '')
      let value: unknown
      try {
        value = JSON.parse(line.raw)
      } catch {
        continue
      }
      expect(mentionSchema.safeParse(value).success, line.raw.slice(0, 200)).toBe(false)
    }
    expect([...problems].sort()).toEqual(['not JSON', 'schema', 'truncated JSON'])
  })

  it('writes every #hashtag and @handle of a text into its arrays, and nothing else', () => {
    // Independent of the generator's regexes: split on spaces, strip opening punctuation (¿ ¡ ( " '),
    // keep tokens starting with the sigil, drop closing punctuation.
    const tokens = (text: string, sigil: string): string[] =>
      text
        .split(/\s+/)
        .map((w) => w.replace(/^[¿¡("']+/, ''))
        .filter((w) => w.startsWith(sigil))
        .map((w) =>
          w
            .slice(1)
            .replace(/[^\p{L}\p{N}_]+$/u, '')
            .toLowerCase(),
        )
        .filter((w) => /\p{L}/u.test(w) && !w.includes('#'))
    let tagged = 0
    for (const { m } of mentions) {
      const text = m.title ? `${m.title} ${m.text}` : m.text
      expect(new Set(m.hashtags)).toEqual(new Set(tokens(text, '#')))
      expect(new Set(m.mentions)).toEqual(new Set(tokens(text, '@')))
      if (m.hashtags.length > 0) tagged++
    }
    expect(tagged).toBeGreaterThan(mentions.length * 0.08)
  })

  it('covers every source with platform-native ids', () => {
    const formats: Record<string, RegExp> = {
      bluesky: /^bluesky:at:\/\/did:plc:[a-z2-7]{24}\/app\.bsky\.feed\.post\/[2-7a-z]{13}$/,
      x: /^x:\d{18,19}$/,
      reddit: /^reddit:t[13]_[0-9a-z]+$/,
      mastodon: /^mastodon:https:\/\/[a-z.-]+\/users\/\w+\/statuses\/\d+$/,
      youtube: /^youtube:Ugx[\w-]+4AaABAg$/,
      news: /^news:https:\/\/www\.[a-z0-9.]+\/health\//,
      reviews: /^reviews:google:[\w-]+$/,
    }
    const seen = new Set<string>()
    for (const { m } of mentions) {
      seen.add(m.source)
      expect(m.id).toMatch(formats[m.source] ?? /^$/)
      expect(m.url).toMatch(/^https:\/\//)
    }
    expect([...seen].sort()).toEqual(Object.keys(formats).sort())
  })

  it('is mostly English with some Spanish and a few other languages', () => {
    const langs = new Map<string, number>()
    for (const { m } of mentions) langs.set(m.lang ?? 'unknown', (langs.get(m.lang ?? 'unknown') ?? 0) + 1)
    const share = (l: string): number => (langs.get(l) ?? 0) / mentions.length
    expect(share('en')).toBeGreaterThan(0.8)
    expect(share('es')).toBeGreaterThan(0.03)
    expect(share('es')).toBeLessThan(0.12)
    expect(['fr', 'pt', 'de', 'zh', 'vi'].filter((l) => share(l) > 0)).toHaveLength(5)
  })

  it('has quiet nights and a heavy-tailed author population', () => {
    const background = mentions.filter((x) => x.origin.startsWith('background:')).map((x) => x.m)
    const byHour = new Array<number>(24).fill(0)
    for (const m of background)
      byHour[localHour(at(m.createdAt))] = (byHour[localHour(at(m.createdAt))] ?? 0) + 1
    const night = (byHour[2] ?? 0) + (byHour[3] ?? 0) + (byHour[4] ?? 0)
    const day = (byHour[12] ?? 0) + (byHour[13] ?? 0) + (byHour[14] ?? 0)
    expect(night).toBeLessThan(day * 0.2)
    const perAuthor = new Map<string, number>()
    for (const m of background) perAuthor.set(m.author.id, (perAuthor.get(m.author.id) ?? 0) + 1)
    const counts = [...perAuthor.values()].sort((a, b) => b - a)
    const top1 = counts.slice(0, Math.ceil(counts.length / 100)).reduce((s, c) => s + c, 0)
    expect(perAuthor.size).toBeGreaterThan(3000)
    expect(top1 / background.length).toBeGreaterThan(0.08)
  })

  it('has the org answer questions and patients disclose identifiers to it', () => {
    const replies = mentions.filter((x) => x.origin === 'org-reply').map((x) => x.m)
    const ids = new Set(mentions.map((x) => x.m.id))
    expect(replies.length).toBeGreaterThan(300)
    for (const r of replies) {
      expect(r.author.handle).toBe('stmaryshealth')
      expect(ids.has(r.inReplyTo ?? '')).toBe(true)
    }
    const phi = mentions.filter(
      (x) => /\b(MRN|DOB|date of birth)\b/.test(x.m.text) && x.m.mentions.includes('stmaryshealth'),
    )
    expect(phi.length).toBeGreaterThan(5)
  })

  it('runs the planned #StMarysFluDrive at a steady volume every day', () => {
    expect(PLANNED_CAMPAIGNS.map((c) => c.match)).toEqual(['stmarysfludrive'])
    const perDay = [16, 17, 18, 19].map(
      (d) =>
        mentions.filter(
          (x) => x.m.hashtags.includes('stmarysfludrive') && x.m.createdAt.startsWith(`2026-11-${d}`),
        ).length,
    )
    const mean = perDay.reduce((s, n) => s + n, 0) / perDay.length
    expect(mean).toBeGreaterThan(200)
    for (const n of perDay) expect(Math.abs(n - mean) / mean).toBeLessThan(0.3)
  })
})

describe('seeded events', () => {
  it('exports ground truth for the four events inside the window, and drops those outside it', () => {
    expect(SAMPLE_EVENTS.map((e) => e.kind).sort()).toEqual(
      ['emerging_term', 'misinformation_surge', 'sentiment_shift', 'volume_spike'].sort(),
    )
    expect(sampleEvents({ days: 2 }).map((e) => e.id)).toEqual(['gi-outbreak'])
    expect(sampleEvents({ start: '2027-01-01T00:00:00Z' })[0]?.onset).toBe('2027-01-02T15:00:00.000Z')
  })

  it.each(SAMPLE_EVENTS.map((e) => [e.id, e] as const))(
    '%s: posts only inside its window, each with a marker',
    (_, e) => {
      const posts = ofEvent(e.id)
      expect(posts.length).toBeGreaterThan(150)
      for (const m of posts) {
        expect(inWindow(m, at(e.onset), at(e.end))).toBe(true)
        const text = `${m.title ?? ''} ${m.text}`.toLowerCase()
        expect(
          e.markers.some((k) => text.includes(k)),
          text,
        ).toBe(true)
      }
    },
  )

  it('gi-outbreak: stomach-bug talk in Westerville jumps from a trickle, from many distinct people', () => {
    const e = event('gi-outbreak')
    const gi = (m: Mention): boolean => /vomit|diarrhea|stomach bug|food poisoning|norovirus/i.test(m.text)
    const before = mentions.filter(
      (x) => gi(x.m) && inWindow(x.m, at(e.onset) - 4 * HOUR, at(e.onset)),
    ).length
    const peak = mentions.filter(
      (x) => gi(x.m) && inWindow(x.m, at(e.peak) - 2 * HOUR, at(e.peak) + 2 * HOUR),
    ).length
    expect(peak).toBeGreaterThan(10 * Math.max(before, 3))
    const posts = ofEvent('gi-outbreak')
    expect(posts.filter((m) => m.geo?.city === 'Westerville').length / posts.length).toBeGreaterThan(0.6)
    expect(new Set(posts.map((m) => m.author.id)).size).toBeGreaterThan(posts.length * 0.9)
  })

  it('measles-alert: a hashtag never seen before reaches well over 20 authors in its first hour', () => {
    const e = event('measles-alert')
    const tagged = mentions.filter((x) => x.m.hashtags.includes('measlesalert')).map((x) => x.m)
    expect(tagged.filter((m) => at(m.createdAt) < at(e.onset))).toHaveLength(0)
    const firstHour = tagged.filter((m) => inWindow(m, at(e.onset), at(e.onset) + HOUR))
    expect(new Set(firstHour.map((m) => m.author.id)).size).toBeGreaterThan(40)
  })

  it('vaccine-autism-myth: a viral seed with reposts, near-duplicates and debunking replies', () => {
    const posts = ofEvent('vaccine-autism-myth')
    const seed = posts[0]
    expect(seed?.text).toMatch(/vaccines cause autism/)
    const reposts = posts.filter((m) => m.repostOf === seed?.id)
    const replies = posts.filter(
      (m) => m.inReplyTo === seed?.id && /not|no link|no new study|fake/i.test(m.text),
    )
    const copies = posts.filter((m) => m.repostOf === undefined && /buried|hid it/i.test(m.text))
    expect(reposts.length).toBeGreaterThan(150)
    expect(copies.length).toBeGreaterThan(100)
    expect(replies.length).toBeGreaterThan(50)
    const before = mentions.filter(
      (x) => /autism/i.test(x.m.text) && at(x.m.createdAt) < at(event('vaccine-autism-myth').onset),
    )
    expect(before.length).toBeLessThan(posts.length / 10)
  })

  it('er-complaint: @stmaryshealth mentions surge with 1-star reviews and an org response', () => {
    const e = event('er-complaint')
    const tagging = (from: number): number =>
      mentions.filter((x) => x.m.mentions.includes('stmaryshealth') && inWindow(x.m, from, from + 4 * HOUR))
        .length
    // The event starts with a visible step and spreads its volume from onset: well over twice the day before.
    expect(tagging(at(e.onset))).toBeGreaterThan(2.5 * tagging(at(e.onset) - 24 * HOUR))
    const posts = ofEvent('er-complaint')
    expect(posts.filter((m) => m.source === 'reviews' && m.rating === 1).length).toBeGreaterThan(20)
    expect(posts.some((m) => m.author.handle === 'stmaryshealth' && /reviewing/.test(m.text))).toBe(true)
  })
})
