import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createClaimMatcher } from './claim-matcher.ts'
import { DEFAULT_CLAIMS } from './default-claims.ts'
import { DEFAULT_TOPICS } from './default-topics.ts'
import { createIntentClassifier } from './intent-classifier.ts'
import { createTermExtractor } from './terms.ts'
import { type Analyzer, createAnalyzer } from './text.ts'
import { createTopicMatcher } from './topic-matcher.ts'
import { Vocabulary, WordTable } from './vocabulary.ts'

describe('Vocabulary', () => {
  it('numbers each distinct word once and stems it once', () => {
    const stemmed: string[] = []
    const v = new Vocabulary((w) => {
      stemmed.push(w)
      return w.toUpperCase()
    }, 100)
    expect([v.id('flu'), v.id('shot'), v.id('flu'), v.id('')]).toEqual([0, 1, 0, 2])
    expect(v.words).toEqual(['flu', 'shot', ''])
    expect(v.stems).toEqual(['FLU', 'SHOT', ''])
    expect(stemmed).toEqual(['flu', 'shot', ''])
  })

  it('starts over only when trimmed while full', () => {
    const v = new Vocabulary((w) => w, 2)
    v.id('a')
    v.trim()
    expect(v.epoch).toBe(0)
    v.id('b')
    v.id('c')
    expect(v.words).toEqual(['a', 'b', 'c'])
    v.trim()
    expect(v.epoch).toBe(1)
    expect(v.words).toEqual([])
    expect(v.id('c')).toBe(0)
  })
})

describe('WordTable', () => {
  it('derives a value once per word and forgets it when the vocabulary starts over', () => {
    const v = new Vocabulary((w) => `${w}-stem`, 2)
    const derived: string[] = []
    const t = new WordTable(v, (word, stem) => {
      derived.push(word)
      return `${word}/${stem}`
    })
    const far = [v.id('a'), v.id('b'), v.id('c')]
    expect(t.get(far[2] as number)).toBe('c/c-stem')
    expect(t.get(far[0] as number)).toBe('a/a-stem')
    expect(t.get(far[2] as number)).toBe('c/c-stem')
    expect(derived).toEqual(['c', 'a'])
    v.trim()
    expect(t.get(v.id('z'))).toBe('z/z-stem')
    expect(derived).toEqual(['c', 'a', 'z'])
  })

  it('keeps null and false as remembered values', () => {
    const v = new Vocabulary((w) => w, 10)
    let calls = 0
    const t = new WordTable(v, () => {
      calls++
      return null
    })
    const id = v.id('x')
    expect([t.get(id), t.get(id)]).toEqual([null, null])
    expect(calls).toBe(1)
  })
})

describe('matchers over a vocabulary that keeps starting over', () => {
  const fixture = readFileSync(new URL('../fixtures/misinfo.jsonl', import.meta.url), 'utf8')
  const posts = fixture
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => String((JSON.parse(l) as { text: unknown }).text))
  const run = (analyzer: Analyzer) => {
    const topics = createTopicMatcher(DEFAULT_TOPICS, { analyzer })
    const intents = createIntentClassifier({ analyzer })
    const claims = createClaimMatcher(DEFAULT_CLAIMS, { analyzer })
    const terms = createTermExtractor({ analyzer })
    return posts.map((text) => ({
      topics: topics.match({ text, hashtags: ['Measles'], mentions: [] }),
      intents: intents.classify(text),
      claims: claims.match(text),
      terms: terms(text, []),
    }))
  }

  it('gives the same results as with room for every word', () => {
    const roomy = run(createAnalyzer())
    expect(run(createAnalyzer({ maxWords: 7 }))).toEqual(roomy)
    expect(roomy.some((r) => r.topics.length > 0 && r.claims.length > 0 && r.terms.length > 0)).toBe(true)
  })
})
