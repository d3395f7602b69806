import { describe, expect, it } from 'vitest'
import { createTermExtractor, extractTerms, MAX_TERMS } from './terms.ts'

describe('extractTerms', () => {
  it.each([
    ['empty', '', [], []],
    ['emoji only', '🤒🤒🤒', [], []],
    ['plural and case collapse', 'Fevers, fever, FEVER', [], ['fever']],
    ['stopwords split bigrams', 'fever and rash', [], ['fever', 'rash']],
    [
      'bigrams of adjacent content words',
      'measles outbreak downtown',
      [],
      ['measles', 'outbreak', 'measles outbreak', 'downtown', 'outbreak downtown'],
    ],
    ['no bigram across a sentence end', 'rash. clinic', [], ['rash', 'clinic']],
    [
      'redaction placeholders are no terms',
      'My daughter [NAME] got a rash, call [PHONE]',
      [],
      ['daughter', 'rash', 'call', 'rash call'],
    ],
    ['URLs, handles, numbers dropped', 'see https://x.co/a @CDCgov 2024 3.5 mg', [], ['mg']],
    [
      'Spanish stopwords and accents',
      'Brote de sarampión en la escuela',
      [],
      ['brote', 'sarampion', 'escuela'],
    ],
    [
      'hashtags as #tag, deduplicated',
      '#Flu season #flu',
      ['FLU', '#FluSeason'],
      ['#flu', '#fluseason', 'season'],
    ],
    ['hostile characters are ignored', '(.*)+$ \\d{9} <script>', [], ['script']],
  ])('%s', (_name, text, tags, expected) => {
    expect(extractTerms(text, tags)).toEqual(expected)
  })

  it(`caps a huge post at ${MAX_TERMS} terms`, () => {
    const words = Array.from({ length: 500 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`)
    const terms = extractTerms(words.join(' '), [])
    expect(terms).toHaveLength(MAX_TERMS)
    expect(new Set(terms).size).toBe(MAX_TERMS)
  })

  it('honours a custom cap', () => {
    expect(createTermExtractor({ max: 2 })('alpha beta gamma', [])).toEqual(['alpha', 'beta'])
  })
})
