import {
  type EnrichedMention,
  enrichedMentionSchema,
  formatIssues,
  type Mention,
  manualClock,
  type Watchlist,
  watchlistSchema,
} from '@pulse/core'
import { createEnricher } from '@pulse/enrich'
import { buildMention } from '@pulse/testkit'
import { describe, expect, it } from 'vitest'
import { createEnrichedEncoder } from './enriched-json.ts'

const watchlist = (storeText = true): Watchlist =>
  watchlistSchema.parse({
    organization: {
      name: "St. Mary's Health",
      handles: ['stmaryshealth'],
      publishedPhones: ['1-800-555-0199'],
    },
    privacy: { storeText, hashAuthors: true },
  })

const enrich = (mentions: readonly Mention[], w = watchlist(), at = Date.UTC(2026, 10, 20)) =>
  createEnricher({ watchlist: w, hashKey: 'k', clock: manualClock(at) }).enrich(mentions)

/** What the thread wrote before the encoder: zod's parse of the value, serialised, or zod's refusal. */
const viaZod = (value: unknown): { ok: true; json: string } | { ok: false; reason: string } => {
  const valid = enrichedMentionSchema.safeParse(value)
  return valid.success
    ? { ok: true, json: JSON.stringify(valid.data) }
    : { ok: false, reason: `schema: ${formatIssues(valid.error)}` }
}

const enriched = (r: EnrichedMention | { error: string }): EnrichedMention => {
  if ('error' in r) throw new Error(r.error)
  return r
}

const TEXTS = [
  '',
  'Flu shot done, feeling great! #FluSeason @StMarysHealth',
  'Call me at (614) 555-0142 or jane.doe@example.com, MRN 00123456, DOB 03/04/1981',
  'my name is Jane Smith and I was diagnosed with diabetes last week',
  'La cita más pronto es en 12 semanas, qué horror #Vacunación',
  'Vaccines cause autism, the CDC is hiding it. Wake up!',
  'It is a myth that vaccines cause autism: studies of millions of kids show no link.',
  'Waited 9 hours in the ER at @stmaryshealth.bsky.social, absolutely awful 😡😡',
  '今日はインフルエンザの予防接種を受けました',
  '𝐠𝐨𝐨𝐝 ｇｏｏｄ &lt;3 &amp; thanks!!!',
  'cc @jane@mastodon.social #1 #C issue#12 ##double https://example.org/x?y=1',
  `${'long review of the clinic, the nurses were kind. '.repeat(300)}`,
  'zero\u200bwidth and bidi \u202etext\u202c here, 192.168.0.1, 4111 1111 1111 1111',
]

/** A varied stream: every text with and without a title, a language, tags, an org author. */
function stream(): Mention[] {
  const out: Mention[] = []
  TEXTS.forEach((text, i) => {
    for (let v = 0; v < 6; v++) {
      out.push(
        buildMention({
          text,
          ...(v % 2 === 1 ? { title: `ER review ${i}: call 415-555-0134` } : {}),
          ...(v % 3 === 1 ? { lang: 'en' } : v % 3 === 2 ? { lang: 'es-MX', url: 'https://x.test/p' } : {}),
          hashtags: v < 3 ? [] : ['#FluSeason', 'vaccines'],
          mentions: v === 4 ? ['@StMarysHealth'] : [],
          ...(v === 5
            ? {
                fromOrg: true,
                author: { id: 'org-1', handle: 'stmaryshealth', name: 'St Mary', followers: 5 },
                rating: 4,
                geo: { city: 'Columbus', region: null },
                engagement: { likes: 3 },
                inReplyTo: 'x:1',
              }
            : {}),
        }),
      )
    }
  })
  return out
}

describe('createEnrichedEncoder', () => {
  it.each([
    ['text kept', true],
    ['text not stored', false],
  ])('writes exactly what zod writes for every mention of a varied stream (%s)', async (_n, storeText) => {
    const encode = createEnrichedEncoder()
    const results = await enrich(stream(), watchlist(storeText))
    for (const r of results) {
      const value = enriched(r)
      const encoded = encode(value)
      expect(encoded).toEqual(viaZod(value))
      if (!encoded.ok) throw new Error(encoded.reason)
      expect(enrichedMentionSchema.safeParse(JSON.parse(encoded.json)).success).toBe(true)
    }
  })

  it('writes keys in schema order when the mention had no language (the chain appends `lang`)', async () => {
    const [r] = await enrich([buildMention({ text: 'Flu shot done' })])
    const json = createEnrichedEncoder()(enriched(r as EnrichedMention)) as { ok: true; json: string }
    const keys = Object.keys(JSON.parse(json.json))
    expect(keys.indexOf('lang')).toBe(keys.indexOf('text') + 1)
    expect(keys.at(-1)).toBe('enrichedAt')
  })

  it('refuses, with zod’s reason, a text that redaction grew past the limit', async () => {
    // 7 characters per address, 8 per placeholder: 19,999 characters grow to 22,856.
    const [r] = await enrich([buildMention({ text: 'a@b.co '.repeat(2857) })])
    const value = enriched(r as EnrichedMention)
    const encoded = createEnrichedEncoder()(value)
    expect(encoded.ok).toBe(false)
    expect(encoded).toEqual(viaZod(value))
  })

  it('gives what zod gives for tags the tag transform changes again or refuses', async () => {
    // The mention schema turns '##flu' into '#flu' and '#' into ''; the enriched schema then
    // strips the second '#' and refuses the empty tag.
    const encode = createEnrichedEncoder()
    const [twice, empty] = await enrich([
      buildMention({ text: 'flu shots today', hashtags: ['##flu'] }),
      buildMention({ mentions: ['#'] }),
    ])
    const a = encode(enriched(twice as EnrichedMention))
    expect(a).toEqual(viaZod(enriched(twice as EnrichedMention)))
    expect(a.ok && JSON.parse(a.json).hashtags).toEqual(['flu'])
    const b = encode(enriched(empty as EnrichedMention))
    expect(b.ok).toBe(false)
    expect(b).toEqual(viaZod(enriched(empty as EnrichedMention)))
  })

  it('refuses, with zod’s reason, a clock outside what an ISO datetime can write', async () => {
    const [r] = await enrich([buildMention()], watchlist(), Date.UTC(20_000, 0, 1))
    const value = enriched(r as EnrichedMention)
    expect(value.enrichedAt).toMatch(/^\+020000-/)
    const encoded = createEnrichedEncoder()(value)
    expect(encoded.ok).toBe(false)
    expect(encoded).toEqual(viaZod(value))
  })

  it.each<[string, (e: EnrichedMention) => EnrichedMention]>([
    ['a sentiment score out of range', (e) => ({ ...e, sentiment: { score: 1.5, label: 'positive' } })],
    ['a NaN sentiment score', (e) => ({ ...e, sentiment: { score: Number.NaN, label: 'neutral' } })],
    ['a claim score out of range', (e) => ({ ...e, claims: [{ id: 'c', stance: 'neutral', score: -0.1 }] })],
    ['a language code too long', (e) => ({ ...e, lang: 'x'.repeat(17) })],
    ['a title too long', (e) => ({ ...e, title: 't'.repeat(1025) })],
    ['too many hashtags', (e) => ({ ...e, hashtags: Array.from({ length: 101 }, (_, i) => `t${i}`) })],
    ['an upper-case tag', (e) => ({ ...e, mentions: ['StMarysHealth'] })],
    ['a tag too long', (e) => ({ ...e, hashtags: ['a'.repeat(141)] })],
    ['an author id too long', (e) => ({ ...e, author: { id: 'a'.repeat(513) } })],
    [
      'nested objects with keys the schema strips',
      (e) => ({
        ...e,
        author: { followers: 1, id: 'x', extra: 1 } as EnrichedMention['author'],
        sentiment: { label: 'neutral', score: 0, extra: 1 } as EnrichedMention['sentiment'],
        claims: [{ score: 0.5, stance: 'spreading', id: 'c', extra: 1 } as EnrichedMention['claims'][number]],
      }),
    ],
  ])('gives exactly what zod gives for %s', async (_name, change) => {
    const [r] = await enrich([buildMention({ text: 'Vaccines cause autism #Flu', title: 'x' })])
    const value = change(enriched(r as EnrichedMention))
    expect(createEnrichedEncoder()(value)).toEqual(viaZod(value))
  })
})
