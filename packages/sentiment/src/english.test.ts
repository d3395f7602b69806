import { describe, expect, it } from 'vitest'
import { createEnglishPack, expandInflections } from './english.ts'

describe('expandInflections', () => {
  it('derives regular inflections of a base word', () => {
    const lexicon = new Map([
      ['annoy', -1.5],
      ['happy', 2.7],
    ])
    expandInflections(lexicon)
    expect(lexicon.get('annoys')).toBe(-1.5)
    expect(lexicon.get('happier')).toBe(2.7)
    expect(lexicon.get('happiest')).toBe(2.7)
  })

  it.each([
    // Agent nouns and unrelated words that only look like comparatives.
    ['play', 'player'],
    ['pray', 'prayer'],
    ['sob', 'sober'],
    ['strange', 'stranger'],
    ['save', 'saver'],
    ['lit', 'litter'],
    // Listed exceptions that change meaning.
    ['like', 'likely'],
  ])('never derives %j → %j', (base, form) => {
    const lexicon = new Map([[base, 1.5]])
    expandInflections(lexicon)
    expect(lexicon.has(form)).toBe(false)
  })

  it('the English pack has no valence for "player" (a DVD player is not fun)', () => {
    const { lexicon } = createEnglishPack()
    expect(lexicon.get('play')).toBeGreaterThan(0)
    expect(lexicon.has('player')).toBe(false)
  })
})
