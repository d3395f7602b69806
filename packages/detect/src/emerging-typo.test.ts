import { describe, expect, it } from 'vitest'
import { editVariants, isLikelyMisspelling } from './emerging-typo.ts'

describe('editVariants', () => {
  it.each([
    { term: 'heatlh', has: ['health'] },
    { term: 'helth', has: ['health'] },
    { term: 'heallth', has: ['health'] },
    { term: 'hwalth', has: ['health'] },
    { term: 'heatlh hack', has: ['health hack'] },
  ])('$term is one edit from $has', ({ term, has }) => {
    const variants = editVariants(term)
    for (const v of has) expect(variants).toContain(v)
    expect(variants).not.toContain(term)
  })

  it.each([
    { name: 'empty', term: '' },
    { name: 'short words (one edit joins too many real words)', term: 'flu' },
    { name: 'hashtags', term: '#measlesalert' },
    { name: 'codes with digits', term: 'h5n1 strain' },
    { name: 'emoji', term: '🦠🦠🦠🦠🦠' },
    { name: 'huge input', term: 'a'.repeat(10_000) },
  ])('has no variants for $name', ({ term }) => {
    expect(editVariants(term)).toEqual([])
  })

  it('handles unicode letters and stays bounded for long phrases', () => {
    expect(editVariants('sarampón')).toContain('sarampión')
    expect(editVariants('the quick brown fox jumps over the lazy dog again').length).toBeLessThanOrEqual(
      4_000,
    )
  })
})

describe('isLikelyMisspelling', () => {
  const voices = new Map([
    ['health', 50],
    ['clinic', 4],
  ])
  const of = (s: string): number => voices.get(s) ?? 0
  it.each([
    { term: 'heatlh', observed: 3, typo: true },
    // As many voices as the real word has: that is no slip of the keyboard.
    { term: 'heatlh', observed: 20, typo: false },
    // The word it is one edit from is itself rare.
    { term: 'clinci', observed: 3, typo: false },
    { term: 'golvelvel', observed: 3, typo: false },
    { term: 'heatlh', observed: 0, typo: false },
  ])('$term with $observed voices → $typo', ({ term, observed, typo }) => {
    expect(isLikelyMisspelling(term, observed, of)).toBe(typo)
  })
})
