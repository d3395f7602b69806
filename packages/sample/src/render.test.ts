import { describe, expect, it } from 'vitest'
import { Rng } from './random.ts'
import { extractTags, humanize, render } from './render.ts'

describe('extractTags', () => {
  it.each([
    ['', [], []],
    ['got my flu shot #FluSeason #vaccineswork!', ['FluSeason', 'vaccineswork'], []],
    ['@stmaryshealth do I need an appointment?', [], ['stmaryshealth']],
    ['hi @jane.bsky.social, thanks.', [], ['jane.bsky.social']],
    ['email maria.lopez87@gmail.com about it', [], []],
    ['see stmaryshealth.org/flu#hours and x.com/@nope', [], []],
    ['#vacunación gratis en #Columbus 💉', ['vacunación', 'Columbus'], []],
    ['#988 is a number, #Lifeline988 is a tag', ['Lifeline988'], []],
    ['#flu #FLU #Flu', ['flu'], []],
    ['@stmaryshealth @StMarysHealth', [], ['stmaryshealth']],
    ['a##b #', [], []],
  ])('finds tags in %j', (text, hashtags, mentions) => {
    expect(extractTags(text)).toEqual({ hashtags, mentions })
  })
})

describe('render', () => {
  it('fills slots from local fillers first, then the shared vocabulary, and leaves unknown slots', () => {
    const r = new Rng(1)
    expect(render('{who} in {city}', r, { who: ['me'], city: ['Gotham'] })).toBe('me in Gotham')
    expect(render('{nope}', r)).toBe('{nope}')
    expect(render('waited {hours} hours', r)).toMatch(/^waited \d+ hours$/)
  })

  it('fills nested slots', () => {
    expect(render('{a}', new Rng(1), { a: ['x {b}'], b: ['y'] })).toBe('x y')
  })
})

describe('humanize', () => {
  it('varies texts but never breaks a #tag or @handle', () => {
    const r = new Rng(9)
    const text = '@stmaryshealth waited forever tonight in the emergency room #ERwait'
    const seen = new Set<string>()
    for (let i = 0; i < 400; i++) {
      const out = humanize(text, r, 'negative', 'en')
      seen.add(out)
      expect(extractTags(out.toLowerCase())).toEqual({ hashtags: ['erwait'], mentions: ['stmaryshealth'] })
    }
    expect(seen.size).toBeGreaterThan(10)
  })

  it('leaves every word intact when typos are off', () => {
    const r = new Rng(5)
    for (let i = 0; i < 200; i++) {
      expect(
        humanize('vomiting and diarrhea since yesterday', r, 'negative', 'en', false).toLowerCase(),
      ).toContain('vomiting and diarrhea since yesterday')
    }
  })
})
