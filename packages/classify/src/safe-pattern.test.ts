import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLAIMS } from './default-claims.ts'
import { compileSafePattern, withFastLeadingBoundary } from './safe-pattern.ts'
import { fold } from './text.ts'

const compile = (source: string): RegExp => {
  const r = compileSafePattern(source)
  if (!r.ok) throw new Error(r.reason)
  return r.regex
}

describe('compileSafePattern', () => {
  it.each([
    ['', 'empty pattern'],
    ['(a+)+$', 'nested quantifiers'],
    ['(x)\\1', 'backreferences'],
    ['[', 'Invalid regular expression'],
    ['a'.repeat(501), 'longer than 500'],
  ])('refuses %j', (source, reason) => {
    const r = compileSafePattern(source)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toContain(reason)
  })

  it('compiles a catalog pattern case-insensitive and unicode-aware', () => {
    expect(compile('\\bvacuna\\b').flags).toBe('iu')
  })
})

describe('withFastLeadingBoundary', () => {
  it.each([
    ['\\bvaccin\\w*', '(?<!\\w)vaccin\\w*'],
    ['\\b5g\\b', '(?<!\\w)5g\\b'],
    ['\\b(?:vaccin\\w*|vax+\\w*|jabs?|shots?|mmr)\\b', '(?<!\\w)(?:vaccin\\w*|vax+\\w*|jabs?|shots?|mmr)\\b'],
    ['\\b(?:a(?:b|c)|d[x|y])e', '(?<!\\w)(?:a(?:b|c)|d[x|y])e'],
    ['\\bfoo|bar', '(?<!\\w)foo|bar'],
  ])('rewrites %s', (source, expected) => {
    expect(withFastLeadingBoundary(compile(source)).source).toBe(expected)
  })

  it.each([
    ['no leading boundary', 'vaccin\\w*'],
    ['optional first letter', '\\ba?b'],
    ['repeated from zero', '\\ba*b'],
    ['zero minimum count', '\\ba{0,2}b'],
    ['zero minimum with leading zeros', '\\ba{00,2}b'],
    ['optional group', '\\b(?:micro|nano)?chips?'],
    ['group repeated from zero', '\\b(?:ab|cd)*x'],
    ['an alternative opening with a class', '\\b(?:[a-z]+|b)'],
    ['an alternative opening with an escape', '\\b(?:\\w+|b)'],
    ['an empty alternative', '\\b(?:a|)b'],
    ['a non-word first character', '\\b#tag'],
    ['a nested group first', '\\b(?:(?:a|b)c|d)'],
    ['an unclosed-looking class', '\\b(?:[)|]a|b)'],
  ])('keeps %s', (_name, source) => {
    const regex = compile(source)
    expect(withFastLeadingBoundary(regex)).toBe(regex)
  })

  it('matches exactly what the original matches on the catalog and hostile text', () => {
    const fixture = readFileSync(new URL('../fixtures/misinfo.jsonl', import.meta.url), 'utf8')
    const posts = fixture
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => fold(String((JSON.parse(l) as { text: unknown }).text)))
    posts.push(
      '',
      'ſhots cauſe autiſm',
      'Kvaccines cause autism',
      '_vaccines cause autism',
      'vaccines\u017f cause autism',
      '5g5g spreads covid',
      '🦠vaccines💉 cause autism',
      'x'.repeat(2000),
    )
    const patterns = DEFAULT_CLAIMS.flatMap((c) => c.patterns).map(compile)
    expect(patterns.filter((p) => withFastLeadingBoundary(p) !== p).length).toBeGreaterThan(10)
    for (const p of patterns) {
      const fast = withFastLeadingBoundary(p)
      for (const post of posts) {
        const a = p.exec(post)
        const b = fast.exec(post)
        expect([b?.index, b?.[0]]).toEqual([a?.index, a?.[0]])
      }
    }
  })
})
