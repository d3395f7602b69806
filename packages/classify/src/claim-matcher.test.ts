import { type Claim, claimSchema, PulseError } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { type ClaimProblem, checkClaims, createClaimMatcher } from './claim-matcher.ts'
import { DEFAULT_CLAIMS } from './default-claims.ts'

const m = createClaimMatcher(DEFAULT_CLAIMS)
const top = (text: string) => {
  const [first] = m.match(text)
  return first === undefined ? null : `${first.id}:${first.stance}`
}

describe('createClaimMatcher with DEFAULT_CLAIMS', () => {
  it.each([
    ['', null],
    ['🦠💉🧬', null],
    ['Vaccines cause autism. Do your own research.', 'vaccines-autism:spreading'],
    ['vacines cause autisim wake up people', 'vaccines-autism:spreading'],
    ['No, vaccines do NOT cause autism.', 'vaccines-autism:debunking'],
    ['The myth that vaccines cause autism came from a retracted paper', 'vaccines-autism:debunking'],
    ['"Vaccines cause autism" — no they don\'t.', 'vaccines-autism:debunking'],
    ['Do vaccines cause autism?', 'vaccines-autism:neutral'],
    ['las vacunas causan autismo', 'vaccines-autism:spreading'],
    ['5G towers spread the coronavirus', '5g-covid:spreading'],
    ['Ivermectin cures covid #ivermectinworks', 'ivermectin-covid:spreading'],
    ['Ivermectin does not treat COVID-19, trials found no benefit', 'ivermectin-covid:debunking'],
    ["Not letting them modify my kid's DNA with an mRNA shot", 'mrna-alters-dna:spreading'],
    ['Autism Acceptance Month: how we support autistic kids', null],
    ['Our new 5G ambulances send ECGs ahead', null],
    ['Microchipped our dog today at the vet!', null],
    ['Got my covid booster and flu shot together today', null],
  ])('%s', (text, expected) => {
    expect(top(text)).toBe(expected)
  })

  it('scores between 0 and 1, a pattern match above a keyword-only match', () => {
    const [pattern] = m.match('vaccines cause autism')
    const [keywords] = m.match('autism and the vaccine schedule')
    expect(pattern?.score).toBeGreaterThan(keywords?.score ?? 1)
    for (const x of [pattern, keywords]) expect(x?.score).toBeLessThanOrEqual(1)
  })

  it('finds a claim late in a huge post', () => {
    expect(top(`${'nothing to see here. '.repeat(1_000)} vaccines cause autism`)).toBe(
      'vaccines-autism:spreading',
    )
  })

  it('ships valid claims with unique ids and WHO/CDC/FDA debunk links', () => {
    for (const c of DEFAULT_CLAIMS) claimSchema.parse(c)
    expect(new Set(DEFAULT_CLAIMS.map((c) => c.id)).size).toBe(DEFAULT_CLAIMS.length)
    expect(DEFAULT_CLAIMS.length).toBeGreaterThanOrEqual(15)
    for (const c of DEFAULT_CLAIMS)
      expect(new URL(c.debunkUrl).hostname).toMatch(/(who\.int|cdc\.gov|fda\.gov)$/)
    expect(checkClaims(DEFAULT_CLAIMS)).toEqual([])
  })
})

describe('user-supplied catalog', () => {
  const claim = (id: string, patterns: string[], keywords: string[][] = []): Claim =>
    claimSchema.parse({ id, claim: `${id} claim`, patterns, keywords, debunkUrl: 'https://example.org/x' })

  it.each([
    ['invalid syntax', '(unclosed'],
    ['nested quantifier (ReDoS)', '(a+)+$'],
    ['nested star', '(\\w+\\s?)*$'],
    ['backreference', '(a)\\1'],
    ['too long', 'a'.repeat(501)],
    ['empty', ''],
  ])('refuses %s and names the claim', (_name, pattern) => {
    const claims = [claim('good', ['fine']), claim('bad-one', [pattern])]
    expect(checkClaims(claims).map((p) => p.claimId)).toEqual(['bad-one'])
    expect(() => createClaimMatcher(claims)).toThrow(PulseError)
    expect(() => createClaimMatcher(claims)).toThrow(/bad-one/)
  })

  it('skips refused patterns and reports them when asked to be lenient', () => {
    const reported: ClaimProblem[] = []
    const lenient = createClaimMatcher(
      [claim('ok', ['garlic cures'], [['garlic']]), claim('bad', ['(x+)+y'])],
      {
        onInvalidPattern: (p) => reported.push(p),
      },
    )
    expect(reported.map((p) => p.claimId)).toEqual(['bad'])
    expect(lenient.match('garlic cures everything').map((x) => x.id)).toEqual(['ok'])
    expect(lenient.match('x'.repeat(5_000))).toEqual([])
  })

  it('runs pattern-only claims on every post', () => {
    const only = createClaimMatcher([claim('lemon', ['\\blemon water cures cancer\\b'])])
    expect(only.match('Lemon water cures cancer!!').map((x) => x.id)).toEqual(['lemon'])
    expect(only.match('lemon water is tasty')).toEqual([])
  })
})
