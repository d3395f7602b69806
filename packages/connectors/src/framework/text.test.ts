import type { Mention } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { createMatcher } from './match.ts'
import { decodeEntities, hashtagsIn, htmlToText } from './text.ts'

describe('htmlToText', () => {
  it.each([
    ['', ''],
    ['<p>a</p><p>b</p>', 'a\nb'],
    ['line<br/>break<br>x', 'line\nbreak\nx'],
    ['<script>alert(1)</script>safe<style>p{}</style>', 'safe'],
    ['Tom &amp; Jerry &lt;3 &#x1F489; &#128137; &nbsp;ok', 'Tom & Jerry <3 💉 💉 ok'],
    ['&bogus; &#xD800; stays', '&bogus; \uFFFD stays'],
    ['<a href="x">link</a>   spaced\t\tout', 'link spaced out'],
    ['ünïcödé <b>日本語</b> 😷', 'ünïcödé 日本語 😷'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text)
  })

  it('decodes entities in huge input without blowing up', () => {
    expect(decodeEntities('&amp;'.repeat(100_000))).toHaveLength(100_000)
  })
})

describe('hashtagsIn', () => {
  it.each([
    ['#Flu and #flu_season2024', ['flu', 'flu_season2024']],
    ['#Grippe #インフル', ['grippe', 'インフル']],
    ['page#anchor, &#39; #123 only digits', []],
    ['', []],
  ])('%j', (text, tags) => {
    expect(hashtagsIn(text)).toEqual(tags)
  })
})

const mention = (over: Partial<Mention>): Mention => ({
  id: 'x:1',
  source: 'x',
  text: '',
  createdAt: '2024-01-01T00:00:00.000Z',
  author: { id: '1', handle: 'someone' },
  hashtags: [],
  mentions: [],
  engagement: { likes: 0, reposts: 0, replies: 0, quotes: 0 },
  fromOrg: false,
  ...over,
})

describe('createMatcher', () => {
  const match = createMatcher({
    terms: ['measles', 'flu shot'],
    hashtags: ['#MMR'],
    handles: ['@CountyHealth'],
  })
  it.each([
    ['term, any case', { text: 'MEASLES outbreak' }, true],
    ['phrase across whitespace', { text: 'got my flu\nshot' }, true],
    ['no partial word', { text: 'measlesy influenza' }, false],
    ['hashtag', { hashtags: ['mmr'] }, true],
    ['by a handle', { author: { id: '9', handle: 'countyhealth' } }, true],
    ['mentions a handle', { mentions: ['countyhealth'] }, true],
    ['nothing', { text: 'weather is nice' }, false],
  ])('%s', (_, over, expected) => {
    expect(match?.(mention(over))).toBe(expected)
  })
  it('keeps everything when nothing is tracked', () => {
    expect(createMatcher({})).toBeNull()
  })
})
