import { describe, expect, it } from 'vitest'
import { handlesOf, hashtagsOf } from './tags.ts'

describe('hashtags and handles in the text', () => {
  it.each([
    ['Flu shot done #FluSeason #VaccinesWork!', [], ['fluseason', 'vaccineswork']],
    ['#FluSeason again #fluseason', ['fluseason'], ['fluseason']],
    ['Vacuna lista #GripeAviar #vacunación', [], ['gripeaviar', 'vacunación']],
    ['I code in C# and filed issue#12, we are #1', [], []],
    ['no tags here', ['given'], ['given']],
    ['&#39; is an entity, not a tag', [], []],
  ])('%j with %j → %j', (text, given, expected) => {
    expect(hashtagsOf(given, text)).toEqual(expected)
  })

  it.each([
    ['Thanks @StMarysHealth and @dr.lee.bsky.social.', [], ['stmaryshealth', 'dr.lee.bsky.social']],
    ['cc @jane@mastodon.social', [], ['jane@mastodon.social']],
    ['mail me at [EMAIL] or jane@example.org', [], []],
    ['@stmaryshealth @StMarysHealth', ['stmaryshealth'], ['stmaryshealth']],
  ])('%j with %j → %j', (text, given, expected) => {
    expect(handlesOf(given, text)).toEqual(expected)
  })

  it('keeps the given array when the text adds nothing (no copy per mention)', () => {
    const given = ['fluseason']
    expect(hashtagsOf(given, 'plain text')).toBe(given)
    expect(hashtagsOf(given, 'again #FluSeason')).toBe(given)
  })

  it('stops at the schema limits', () => {
    const text = Array.from({ length: 150 }, (_, i) => `#tag${i}`).join(' ')
    expect(hashtagsOf([], text)).toHaveLength(100)
    expect(hashtagsOf([], `#${'a'.repeat(141)}`)).toEqual([])
  })
})
