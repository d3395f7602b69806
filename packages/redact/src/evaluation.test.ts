import { describe, expect, it } from 'vitest'
import { generateCorpus } from './corpus.ts'
import { CORPUS_ORG } from './corpus-terms.ts'
import { evaluateRedactor } from './evaluate.ts'
import { loadFixtures, parseFixture, parseFixtures } from './fixtures.ts'
import { createRedactor } from './redactor.ts'
import type { Redactor } from './types.ts'

const redactor = createRedactor(CORPUS_ORG)

describe('hand-written fixtures', () => {
  it('has at least 150 labelled examples that meet the recall and protection targets', async () => {
    const fixtures = await loadFixtures()
    expect(fixtures.length).toBeGreaterThanOrEqual(150)
    const ev = evaluateRedactor(redactor, fixtures)
    expect(ev.structuredRecall).toBeGreaterThanOrEqual(0.99)
    expect(ev.protectedIntact / ev.protectedTotal).toBeGreaterThanOrEqual(0.95)
    expect(ev.precision).toBeGreaterThanOrEqual(0.95)
  })

  it('locates values and every occurrence of a kept term', () => {
    const fx = parseFixture({
      id: 'x',
      text: 'call 555-123-4567 or 555-123-4567, 24/7 and 24/7',
      entities: [
        { kind: 'PHONE', value: '555-123-4567' },
        { kind: 'PHONE', value: '555-123-4567' },
      ],
      keep: ['24/7'],
      selfDisclosure: true,
    })
    expect(fx.entities.map((e) => e.start)).toEqual([5, 21])
    expect(fx.protected.map((p) => p.start)).toEqual([35, 44])
    expect(fx.selfDisclosure).toBe(true)
  })

  it.each([
    ['{"id":"a"}', /needs string "id" and "text"/],
    ['{"id":"a","text":"hi","entities":[{"kind":"FOO","value":"hi"}]}', /bad entity/],
    ['{"id":"a","text":"hi","entities":[{"kind":"PHONE","value":"555"}]}', /not in text/],
    ['{"id":"a","text":"hi","keep":["zz"]}', /keep term "zz" not in text/],
    ['not json', /fixture line 1/],
  ])('rejects a bad fixture line %s', (line, message) => {
    expect(() => parseFixtures(line)).toThrow(message)
  })
})

describe('generated corpus', () => {
  it('is reproducible from its seed and labels real substrings', () => {
    const a = generateCorpus(200, 42)
    expect(generateCorpus(200, 42)).toEqual(a)
    expect(generateCorpus(200, 43)).not.toEqual(a)
    for (const ex of a) {
      for (const e of ex.entities) expect(ex.text.slice(e.start, e.end).trim().length).toBe(e.end - e.start)
    }
  })

  it('meets the targets on a fresh seed', () => {
    const ev = evaluateRedactor(redactor, generateCorpus(1500, 99))
    expect(ev.structuredRecall).toBeGreaterThanOrEqual(0.99)
    expect(ev.protectedIntact / ev.protectedTotal).toBeGreaterThanOrEqual(0.95)
  })
})

describe('evaluateRedactor', () => {
  const none: Redactor = { redact: (text) => ({ text, entities: [], kinds: [], selfDisclosure: false }) }
  const everything: Redactor = {
    redact: (text) => ({
      text: '[PHONE]',
      entities: [{ kind: 'PHONE', start: 0, end: text.length }],
      kinds: ['PHONE'],
      selfDisclosure: true,
    }),
  }
  const corpus = generateCorpus(100, 1)

  it('scores a redactor that finds nothing at zero recall with everything intact', () => {
    const ev = evaluateRedactor(none, corpus)
    expect(ev.structuredRecall).toBe(0)
    expect(ev.protectedIntact).toBe(ev.protectedTotal)
  })

  it('scores a redactor that wipes everything at full recall with nothing intact', () => {
    const ev = evaluateRedactor(everything, corpus)
    expect(ev.structuredRecall).toBe(1)
    expect(ev.protectedIntact).toBe(0)
    expect(ev.perKind.EMAIL.typed).toBe(0)
  })
})
