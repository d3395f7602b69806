import { describe, expect, it } from 'vitest'
import { createDecayedSketch } from './emerging-sketch.ts'
import { cooccurrenceTerms, DEFAULT_SYMPTOMS, isTrackableTerm, textSignature } from './emerging-text.ts'

describe('isTrackableTerm', () => {
  it.each([
    ['#bluetongue', true],
    ['fever rash', true],
    ['sarampión', true],
    ['', false],
    ['a', false],
    ['2026', false],
    ['#2024', false],
    ['$4,310', false],
    ['10:30', false],
    ['🦠🦠', false],
    ['the', false],
    ['x'.repeat(500), false],
  ])('%j → %s', (term, expected) => {
    expect(isTrackableTerm(term)).toBe(expected)
  })
})

describe('textSignature', () => {
  it.each([
    ['a repost equals its original', 'RT @someone: Leaked memo #leak!', 'Leaked memo #leak'],
    [
      'links, handles, case and spacing do not matter',
      '@cdc  Measles  CASES up https://t.co/x',
      'measles cases up',
    ],
    ['accents fold', 'Sarampión en Columbus', 'sarampion en columbus'],
  ])('%s', (_, a, b) => {
    expect(textSignature(a)).toBe(textSignature(b))
  })

  it.each([
    ['different words', 'fever and rash in Dublin', 'fever and rash in Hilliard'],
    ['an emoji is a different voice', 'anyone else seeing this? 😷', 'anyone else seeing this?'],
  ])('%s differ', (_, a, b) => {
    expect(textSignature(a)).not.toBe(textSignature(b))
  })

  it.each([
    ['plain ASCII, single-spaced', 'Fever and rash in Dublin', 'fever and rash in dublin'],
    [
      'tabs, newlines and runs of spaces collapse',
      'Fever\tand\n\nrash  in Dublin!!',
      'fever and rash in dublin',
    ],
    ['a no-break space is a space, accents fold', 'Café\u00a0au lait', 'cafe au lait'],
    ['full-width letters fold', 'ＦＵＬＬ width', 'full width'],
    ['combining marks go', 'nin\u0303o', 'nino'],
    ['emoji stay', 'sick 😷', 'sick 😷'],
    ['empty', '', ''],
  ])('%s', (_, text, expected) => {
    expect(textSignature(text)).toBe(expected)
  })

  it('is bounded on huge input', () => {
    expect(textSignature('word '.repeat(100_000)).length).toBeLessThanOrEqual(2_000)
  })
})

describe('cooccurrenceTerms', () => {
  const lexicon = new Set(DEFAULT_SYMPTOMS)
  it.each([
    [['fever', 'rash', 'columbus'], ['fever + rash']],
    [['rash', 'fever'], ['fever + rash']],
    [['fever'], []],
    [['sore throat', 'sore', 'throat', 'fever'], ['fever + sore throat']],
    [
      ['fever', 'rash', 'cough', 'headache', 'vomiting', 'nausea'],
      [
        'cough + fever',
        'cough + headache',
        'cough + rash',
        'fever + headache',
        'fever + rash',
        'headache + rash',
      ],
    ],
  ])('%j → %j', (terms, expected) => {
    expect(cooccurrenceTerms(terms, lexicon)).toEqual(expected)
  })
})

describe('createDecayedSketch', () => {
  it('halves a count every half-life and never under-counts', () => {
    const s = createDecayedSketch({ width: 1024, depth: 4, halfLifeMs: 1_000 })
    s.add('flu', 8, 0)
    for (let i = 0; i < 5_000; i++) s.add(`other${i}`, 1, 0)
    expect(s.estimate('flu', 0)).toBeGreaterThanOrEqual(8)
    expect(s.estimate('flu', 2_000)).toBeGreaterThanOrEqual(2)
    expect(s.estimate('never', 0)).toBeLessThan(8)
  })

  it('survives a snapshot and long gaps without overflow', () => {
    const s = createDecayedSketch({ width: 256, depth: 3, halfLifeMs: 1_000 })
    s.add('flu', 4, 0)
    s.add('flu', 4, 100_000)
    const r = createDecayedSketch({ width: 256, depth: 3, halfLifeMs: 1_000, restore: s.snapshot() })
    expect(r.estimate('flu', 100_000)).toBeCloseTo(4, 6)
    expect(Number.isFinite(r.estimate('flu', 10_000_000))).toBe(true)
  })
})
