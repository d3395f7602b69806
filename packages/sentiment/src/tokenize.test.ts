import { describe, expect, it } from 'vitest'
import { TokenKind, tokenize, type Vocabulary } from './tokenize.ts'

const vocab: Vocabulary = {
  isEmoticon: (c) => c === ':)' || c === ':-(' || c === '<3' || c === 'xD' || c === ':D',
  isCompound: (w) => w === 'cover-up',
}
const words = (text: string): string[] => tokenize(text, vocab).tokens.map((t) => t.text)

describe('tokenize', () => {
  it.each([
    ['', []],
    ['Hello, World!', ['hello', 'world']],
    ['Don’t stop', ["don't", 'stop']],
    ['#blessed day', ['blessed', 'day']],
    ['@someone hi http://x.co/a www.y.com yo', ['hi', 'yo']],
    ['@a.b_c: hi @d!', ['hi']],
    ['@sam:) hi', [':)', 'hi']],
    ['nice :) xD <3', ['nice', ':)', 'xD', '<3']],
    ['love😍😍it', ['love', '😍', '😍', 'it']],
    ['👍🏽 ok', ['👍', 'ok']],
    ['a cover-up and hiv-positive', ['a', 'cover-up', 'and', 'hiv', 'positive']],
    ["'quoted' -dash- dogs'", ['quoted', 'dash', 'dogs']],
    ['ñandú ÉTÉ', ['ñandú', 'été']],
  ])('%j → %j', (text, expected) => {
    expect(words(text)).toEqual(expected)
  })

  it('keeps the punctuation after a mention', () => {
    const t = tokenize('See you tonight, @sam! Bring cake @jo. ok', vocab)
    expect(t.exclamations).toBe(1)
    expect(t.tokens.map((x) => [x.text, x.sentence])).toEqual([
      ['see', 0],
      ['you', 0],
      ['tonight', 0],
      ['bring', 1],
      ['cake', 1],
      ['ok', 2],
    ])
  })

  it('records sentences, clauses, emphasis and kinds', () => {
    const { tokens, exclamations, questions } = tokenize('Bad, so bad! Why?? :) #yes', vocab)
    expect(tokens.map((t) => [t.text, t.sentence, t.clause])).toEqual([
      ['bad', 0, 0],
      ['so', 0, 1],
      ['bad', 0, 1],
      ['why', 1, 2],
      [':)', 2, 3],
      ['yes', 2, 3],
    ])
    expect(exclamations).toBe(1)
    expect(questions).toBe(2)
    expect(tokens[4]?.kind).toBe(TokenKind.Emoticon)
    expect(tokens[5]?.hashtag).toBe(true)
  })

  it('marks question sentences and counts skipped links', () => {
    const t = tokenize('Is it good? Yes. Really!? ok http://x.co/a www.y.com ? ?', vocab)
    expect(t.questionSentences).toEqual([0, 2, 3])
    expect(t.urls).toBe(2)
  })

  it('a free-standing dash separates clauses; a hyphen inside a word does not', () => {
    const clauses = (text: string) => tokenize(text, vocab).tokens.map((t) => t.clause)
    expect(clauses('not now - great')).toEqual([0, 0, 1])
    expect(clauses('not now -- great — ok')).toEqual([0, 0, 1, 2])
    expect(clauses('a well-known x')).toEqual([0, 0, 0, 0])
    expect(clauses('- lead')).toEqual([0])
  })

  it.each([
    [':DD', ':D'],
    [':)))', ':)'],
    [':-((', ':-('],
  ])('an emoticon with a repeated mouth, %j, reads as %j', (text, emoticon) => {
    const t = tokenize(`so ${text}`, vocab).tokens[1]
    expect(t?.text).toBe(emoticon)
    expect(t?.raw).toBe(text)
    expect(t?.kind).toBe(TokenKind.Emoticon)
  })

  it('does not read repeated punctuation as an emoticon', () => {
    expect(words('wait... ok!!! ??')).toEqual(['wait', 'ok'])
  })

  it('survives lone surrogates and control characters', () => {
    expect(words('\ud83d ok \udc00\u0000fine')).toEqual(['ok', 'fine'])
  })
})
