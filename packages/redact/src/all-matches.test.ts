import { describe, expect, it } from 'vitest'
import { allMatches } from './all-matches.ts'
import { containsAny } from './context-ids.ts'

const spans = (re: RegExp, text: string): [number, string][] =>
  allMatches(re, text).map((m) => [m.index, m[0]])
const viaMatchAll = (re: RegExp, text: string): [number, string][] =>
  [...text.matchAll(re)].map((m) => [m.index ?? -1, m[0]])

describe('allMatches', () => {
  it.each([
    ['words', /\p{L}+/gu, 'Flu shot, 2 doses: done!'],
    ['none', /\d+/g, 'no digits here'],
    ['empty text', /x*/g, ''],
    ['empty matches step over each character', /x*/g, 'abxc'],
    ['empty matches step over a whole emoji in unicode mode', /(?:)/gu, 'a🤒b'],
    ['empty matches step over surrogate halves without it', /(?:)/g, 'a🤒b'],
    ['lookbehind at every position', /(?<=\d)/g, '1a23'],
    ['huge input', /\d{3}/g, '1234567890'.repeat(10_000)],
  ])('finds what matchAll finds: %s', (_name, re, text) => {
    expect(spans(re, text)).toEqual(viaMatchAll(re, text))
  })

  it('starts from the beginning whatever the last scan left, and leaves lastIndex at 0', () => {
    const re = /\d+/g
    re.lastIndex = 5
    expect(spans(re, '12 345 6')).toEqual([
      [0, '12'],
      [3, '345'],
      [7, '6'],
    ])
    expect(re.lastIndex).toBe(0)
  })

  it('refuses a non-global regex, as matchAll does', () => {
    expect(() => allMatches(/\d/, '1')).toThrow(TypeError)
  })
})

describe('containsAny', () => {
  it.each([
    ['mrn 123', true],
    ['m.r.n 123', true],
    ['mxrxn 123', false],
    ['a/c 123', true],
    ['ac 123', false],
    ['', false],
    ['(.*)+$ [x] \\d', true],
    ['.*', false],
  ])('%j → %s', (text, expected) => {
    expect(containsAny(['m.r.n', 'mrn', 'a/c', '(.*)', 'zz']).test(text)).toBe(expected)
  })

  it('treats every stem as plain text', () => {
    const stems = ['a.b', 'x|y', '[z]', '(?:)', '\\d', '$', 'né']
    const re = containsAny(stems)
    for (const s of stems) expect(re.test(`..${s}..`)).toBe(true)
    expect(re.test('axb x y z d ne')).toBe(false)
  })
})
