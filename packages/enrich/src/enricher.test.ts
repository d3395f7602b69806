import { type EnrichedMention, manualClock, type Watchlist, watchlistSchema } from '@pulse/core'
import { buildMention } from '@pulse/testkit'
import { describe, expect, it } from 'vitest'
import { createEnricher } from './enricher.ts'

const watchlist = (privacy: Partial<Watchlist['privacy']> = {}): Watchlist =>
  watchlistSchema.parse({
    organization: {
      name: "St. Mary's Health",
      handles: ['stmaryshealth'],
      publishedPhones: ['1-800-555-0199'],
    },
    privacy: { storeText: true, hashAuthors: true, ...privacy },
  })

const enrichOne = (m: ReturnType<typeof buildMention>, w = watchlist()): EnrichedMention => {
  const r = createEnricher({
    watchlist: w,
    hashKey: 'k',
    clock: manualClock(Date.UTC(2026, 10, 20)),
  }).enrichOne(m)
  if ('error' in r) throw new Error(r.error)
  return r
}

describe('createEnricher', () => {
  it('redacts PHI before anything leaves enrichment, and records only the kinds', () => {
    const e = enrichOne(
      buildMention({
        text: '@stmaryshealth my MRN is 00123456, call me at (614) 555-0142 or jane.doe@example.com',
        mentions: ['stmaryshealth'],
      }),
    )
    expect(e.text).not.toMatch(/00123456|555-0142|jane\.doe/)
    expect(e.text).toContain('[EMAIL]')
    expect(e.redactions).toEqual(expect.arrayContaining(['EMAIL', 'MRN', 'PHONE']))
    expect(JSON.stringify(e)).not.toContain('jane.doe')
  })

  it("keeps the organisation's published hotline and health terms intact", () => {
    const e = enrichOne(
      buildMention({ text: 'COVID-19 boosters: 2 doses, 500 mg? Call our line 1-800-555-0199 24/7' }),
    )
    expect(e.text).toContain('1-800-555-0199')
    expect(e.text).toContain('COVID-19')
    expect(e.text).toContain('500 mg')
  })

  it('replaces author ids with a stable keyed hash and drops handles, except for org accounts', () => {
    const a = enrichOne(buildMention({ author: { id: 'did:plc:abc', handle: 'jane.bsky.social' } }))
    const b = enrichOne(buildMention({ author: { id: 'did:plc:abc', handle: 'jane.bsky.social' } }))
    expect(a.author.id).toMatch(/^h:[0-9a-f]{32}$/)
    expect(a.author.id).toBe(b.author.id)
    expect(a.author.handle ?? null).toBeNull()
    const org = enrichOne(buildMention({ author: { id: 'org-1', handle: 'stmaryshealth' }, fromOrg: true }))
    expect(org.author).toMatchObject({ id: 'org-1', handle: 'stmaryshealth' })
  })

  it('hashes an author id per source: the same id on two networks is two people', () => {
    const on = (source: 'bluesky' | 'mastodon') =>
      enrichOne(buildMention({ source, author: { id: 'same-id' } })).author.id
    expect(on('bluesky')).toBe(on('bluesky'))
    expect(on('bluesky')).not.toBe(on('mastodon'))
  })

  it.each([
    ['without optional fields', {}],
    ['with a title and a language', { title: 'ER review', lang: 'en' }],
  ])('keeps the mention keys in order and appends the enrichment (%s)', (_name, extra) => {
    const m = buildMention({ text: 'Flu shot done, 10/10 #FluSeason', ...extra })
    const added = [
      'redactions',
      'selfDisclosure',
      'lang',
      'sentiment',
      'topics',
      'intents',
      'claims',
      'terms',
    ]
    const expected = [...Object.keys(m), ...added.filter((k) => !(k in m)), 'enrichedAt']
    expect(Object.keys(enrichOne(m))).toEqual(expected)
  })

  it('hashes each author consistently across a batch and stamps the clock as it moves', async () => {
    const clock = manualClock(Date.UTC(2026, 10, 20))
    const enricher = createEnricher({ watchlist: watchlist(), hashKey: 'k', clock })
    const ids = ['a', 'b', 'a', 'c', 'b']
    const out = await enricher.enrich(ids.map((id) => buildMention({ author: { id } })))
    const hashes = out.map((r) => ('error' in r ? r.error : r.author.id))
    expect(hashes[0]).toBe(hashes[2])
    expect(hashes[1]).toBe(hashes[4])
    expect(new Set(hashes).size).toBe(3)
    clock.advance(1000)
    const later = enricher.enrichOne(buildMention({ author: { id: 'a' } }))
    if ('error' in later) throw new Error(later.error)
    expect(later.author.id).toBe(hashes[0])
    expect(later.enrichedAt).toBe('2026-11-20T00:00:01.000Z')
  })

  it('stores no text at all when privacy.storeText is false, but keeps derived fields', () => {
    const e = enrichOne(
      buildMention({ text: 'The ER wait at St. Mary’s was 9 hours, awful', title: 'ER review' }),
      watchlist({ storeText: false }),
    )
    expect(e.text).toBe('')
    expect(e.title ?? null).toBeNull()
    expect(e.sentiment?.label).toBe('negative')
    expect(e.topics.length).toBeGreaterThan(0)
  })

  it.each([
    ['Flu shot done, feeling great! #FluSeason', 'en', 'positive'],
    ['La cita más pronto es en 12 semanas, qué horror', 'es', 'negative'],
  ])('detects the language and scores sentiment: %s', (text, lang, label) => {
    const e = enrichOne(buildMention({ text }))
    expect(e.lang).toBe(lang)
    expect(e.sentiment?.label).toBe(label)
  })

  it('gives no sentiment for a language it has no lexicon for', () => {
    expect(
      enrichOne(buildMention({ text: '今日はインフルエンザの予防接種を受けました' })).sentiment,
    ).toBeNull()
  })

  it('tags misinformation with stance', () => {
    const e = enrichOne(buildMention({ text: 'Vaccines cause autism, the CDC is hiding it. Wake up!' }))
    expect(e.claims).toEqual([expect.objectContaining({ id: 'vaccines-autism', stance: 'spreading' })])
  })
})
